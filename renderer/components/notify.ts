import { notifications } from '@mantine/notifications';
import type { ApiError } from '../../shared/api';
import { ApiCallError } from '../api';

function isApiError(x: unknown): x is ApiError {
  return typeof x === 'object' && x !== null && typeof (x as ApiError).code === 'string' && typeof (x as ApiError).message === 'string';
}

/** An ApiError from whatever was thrown: a failed call, an ApiError itself, or anything else. */
export function errorOf(err: unknown): ApiError | null {
  if (!err) return null;
  if (err instanceof ApiCallError) return err.error;
  if (isApiError(err)) return err;
  return { code: 'internal', message: String((err as Error)?.message ?? err) };
}

/**
 * A background failure as a toast, scoped to what it concerns (a host, a VM): `scope` names it
 * in the title, and one toast per scope id is kept (a newer failure replaces the older).
 * `autoClose: false` keeps it until closed (the only record of a result the user left).
 */
export function notifyError(title: string, err: unknown, scope?: { id: string }, o?: { autoClose: false }): void {
  const e = errorOf(err) ?? { code: 'internal', message: 'Unknown error' };
  const opts = { color: 'red', title, message: e.hint ? `${e.message} — ${e.hint}` : e.message, autoClose: o?.autoClose ?? 10_000 };
  if (scope) {
    notifications.hide(scope.id);
    notifications.show({ ...opts, id: scope.id });
  } else {
    notifications.show(opts);
  }
}

export function notifyInfo(title: string, message: string, scope?: { id: string }): void {
  notifications.show({ color: 'teal', title, message, autoClose: 5000, ...(scope ? { id: scope.id } : {}) });
}
