import { notifications } from '@mantine/notifications';
import type { ApiError } from '../../shared/api';
import { ApiCallError } from '../api';

/** A background failure as a toast, scoped to what it concerns; libvirt's own words kept. */
export function notifyError(title: string, err: unknown): void {
  const e: ApiError = err instanceof ApiCallError ? err.error : { code: 'internal', message: String((err as Error)?.message ?? err) };
  notifications.show({ color: 'red', title, message: e.hint ? `${e.message} — ${e.hint}` : e.message, autoClose: 10_000 });
}

export function errorOf(err: unknown): ApiError | null {
  if (!err) return null;
  return err instanceof ApiCallError ? err.error : { code: 'internal', message: String((err as Error)?.message ?? err) };
}
