/**
 * Binds the contract (shared/api/contract.ts) to services. Both transports — Electron IPC (main.ts) and
 * the WebSocket bridge (web.ts) — call `dispatch`, so every request is validated by the same
 * schema and every error crosses the boundary in the same shape.
 */
import { ZodError } from 'zod';
import { type ApiError, isRequestName, type ParsedInput, type RequestName, type RequestOutput, type Result, requests } from '../shared/api';
import { classify, type ErrorClass, isHostKeyMismatch } from './libvirt/errors';

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
  // Every issue, in words ("spec.name is longer than 64 characters"): a form maps each path to its field.
  const said = issues.map((i) => (/^[a-z]/.test(i.message) ? `${i.path} ${i.message}` : `${i.path}: ${i.message}`));
  return {
    code: 'invalid-input',
    message: `${name} refused ${issues.length === 1 ? 'a value' : `${issues.length} values`}: ${said.join('; ') || 'rejected'}`,
    hint: 'Nothing was changed. Correct the values named here and try again.',
    issues,
  };
}

/**
 * The one shape errors cross the boundary in. libvirt's own message and numbers survive (also
 * when an AppError wraps the LibvirtError to add a hint); the UI shows the message and the hint.
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ZodError) return invalidInput('request', err);
  const c = classify(err);
  // A hint comes only from an AppError: errors are wrapped to carry one, never mutated.
  const withHint = c.kind === 'app' && c.hint ? { hint: c.hint } : {};
  switch (c.kind) {
    case 'libvirt':
      return { code: 'libvirt', message: c.message, libvirt: { code: c.code, domain: c.domain }, ...withHint };
    case 'app': {
      const lv = libvirtBehind(c);
      return { code: c.code, message: c.message, ...(lv ? { libvirt: { code: lv.code, domain: lv.domain } } : {}), ...withHint };
    }
    case 'timeout':
      return { code: 'timeout', message: c.message, ...withHint };
    case 'auth':
      return { code: 'ssh', message: c.message, ...withHint };
    case 'host-key':
      return {
        code: 'ssh',
        message: c.message,
        ...withHint,
        ...(isHostKeyMismatch(err)
          ? { hostKey: { host: err.host, port: err.port, expected: err.expected, presented: err.presented, file: err.file } }
          : {}),
      };
    case 'unknown':
      return { code: c.code ?? 'internal', message: c.message, ...withHint };
    default:
      return { code: 'internal', message: c.message, ...withHint };
  }
}

/** The libvirt error an AppError wraps, however deep. */
function libvirtBehind(c: ErrorClass | undefined): Extract<ErrorClass, { kind: 'libvirt' }> | undefined {
  for (let x = c; x; x = x.kind === 'app' ? x.cause : undefined) if (x.kind === 'libvirt') return x;
  return undefined;
}
