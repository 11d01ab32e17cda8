import type { ApiError } from './api';

/**
 * The brand every Vireo error class carries (a registered symbol, so it survives a second copy of
 * a module and another realm, where `instanceof` does not). electron/libvirt/errors.ts reads it
 * in its type guards and `classify`; nothing compares `err.name` strings.
 */
export const ERROR_KIND: unique symbol = Symbol.for('vireo.errorKind') as never;

export type ErrorKind =
  | 'app'
  | 'libvirt'
  | 'protocol'
  | 'timeout'
  | 'closed'
  | 'aborted'
  | 'auth'
  | 'host-key-mismatch'
  | 'host-key-rejected'
  | 'ssh';

/** The brand of `err`, when it is one of ours. */
export function errorKindOf(err: unknown): ErrorKind | undefined {
  if ((typeof err !== 'object' && typeof err !== 'function') || err === null) return undefined;
  const k = (err as { [ERROR_KIND]?: unknown })[ERROR_KIND];
  return typeof k === 'string' ? (k as ErrorKind) : undefined;
}

export interface AppErrorOptions {
  /** The error this one explains (ES2022 `cause`): libvirt's, ssh's … kept whole, never mutated. */
  cause?: unknown;
  /** What to try next, in the admin's words. */
  hint?: string;
}

/**
 * An error our own code raises on purpose, with a code the UI understands and a next step. To add
 * a hint to someone else's error, wrap it: `new AppError(code, message, { cause: err, hint })`.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly [ERROR_KIND] = 'app' as const;
  readonly hint?: string;
  constructor(
    readonly code: string,
    message: string,
    hintOrOptions?: string | AppErrorOptions,
  ) {
    const o: AppErrorOptions = typeof hintOrOptions === 'string' ? { hint: hintOrOptions } : (hintOrOptions ?? {});
    super(message, 'cause' in o ? { cause: o.cause } : undefined);
    if (o.hint !== undefined) this.hint = o.hint;
  }
  toApi(): ApiError {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** A readable one-liner for an ApiError (toasts, logs). */
export function describeError(e: ApiError): string {
  return e.hint ? `${e.message} — ${e.hint}` : e.message;
}
