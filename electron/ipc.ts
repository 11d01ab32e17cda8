/**
 * Binds the contract (shared/api.ts) to services. Both transports — Electron IPC (main.ts) and
 * the WebSocket bridge (web.ts) — call `dispatch`, so every request is validated by the same
 * schema and every error crosses the boundary in the same shape.
 */
import { ZodError } from 'zod';
import { type ApiError, isRequestName, type ParsedInput, type RequestName, type RequestOutput, type Result, requests } from '../shared/api';
import { AppError } from '../shared/errors';

export type Handlers = { [N in RequestName]: (input: ParsedInput<N>) => Promise<RequestOutput<N>> };

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (name, input) => {
    if (!isRequestName(name)) {
      return { ok: false, error: { code: 'unknown-request', message: `Unknown request ${JSON.stringify(String(name)).slice(0, 80)}` } };
    }
    const parsed = requests[name].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(name, parsed.error) };
    try {
      const handler = handlers[name] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value: value ?? null };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  };
}

function invalidInput(name: string, err: ZodError): ApiError {
  const issues = err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = issues[0];
  return {
    code: 'invalid-input',
    message: `Invalid input for ${name}: ${first ? `${first.path}: ${first.message}` : 'rejected'}`,
    hint: 'Nothing was changed. Correct the highlighted value and try again.',
    issues,
  };
}

/** Duck-typed so errors from any layer (libvirt client, ssh) keep their details. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toApi();
  if (err instanceof ZodError) return invalidInput('request', err);
  if (err instanceof Error) {
    const e = err as Error & { code?: unknown; domain?: unknown; hint?: unknown };
    if (e.name === 'LibvirtError' && typeof e.code === 'number' && typeof e.domain === 'number') {
      return {
        code: 'libvirt',
        message: e.message,
        libvirt: { code: e.code, domain: e.domain },
        ...(typeof e.hint === 'string' ? { hint: e.hint } : {}),
      };
    }
    const code =
      typeof e.code === 'string'
        ? e.code
        : e.name === 'TimeoutError'
          ? 'timeout'
          : e.name === 'AuthError' || e.name === 'HostKeyMismatchError'
            ? 'ssh'
            : 'internal';
    return { code, message: e.message, ...(typeof e.hint === 'string' ? { hint: e.hint } : {}) };
  }
  return { code: 'internal', message: String(err) };
}
