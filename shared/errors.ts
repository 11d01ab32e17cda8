import type { ApiError } from './api';

/** An error our own code raises on purpose, with a code the UI understands and a next step. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
  toApi(): ApiError {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** A readable one-liner for an ApiError (toasts, logs). */
export function describeError(e: ApiError): string {
  return e.hint ? `${e.message} — ${e.hint}` : e.message;
}
