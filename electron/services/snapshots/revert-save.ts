/**
 * A revert that first saves the VM's current state as a snapshot: the revert runs only once the
 * save is known made (createSnapshot resolves only then), on the client the save's outcome was read
 * on (a new one after a link drop); a failure on the way says whether the state was saved and that
 * nothing was reverted.
 */
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { isAppError } from '../../libvirt/errors';

export async function saveThenRevert<F>(o: {
  /** The snapshot reverted to, and the name the current state is saved as. */
  target: string;
  saveAs: string;
  /** Makes the save; resolves with the client in use only when it is made. */
  save: () => Promise<RpcClient>;
  /** The VM's facts again after the save, on that client. */
  reread: (client: RpcClient) => Promise<F>;
  revert: (client: RpcClient, facts: F) => Promise<void>;
}): Promise<void> {
  const client = await o.save().catch((err: unknown) => {
    throw notReverted(err, o.target, null);
  });
  let facts: F;
  try {
    facts = await o.reread(client);
  } catch (err) {
    throw notReverted(err, o.target, o.saveAs);
  }
  await o.revert(client, facts);
}

/**
 * A revert stopped before it reverted: the error keeps libvirt's message and says so, and (`saved`)
 * that the current state is kept as that snapshot, or (null) only that nothing was reverted.
 */
function notReverted(err: unknown, target: string, saved: string | null): AppError {
  const msg = err instanceof Error ? err.message : String(err);
  const code = isAppError(err) ? err.code : 'libvirt';
  const hint = isAppError(err) && err.hint ? `${err.hint} ` : '';
  if (saved === null) return new AppError(code, msg, { cause: err, hint: `${hint}The VM was not reverted to “${target}”.` });
  return new AppError(code, `The current state was saved as “${saved}”, but the VM was not reverted to “${target}”: ${msg}`, {
    cause: err,
    hint: `${hint}“${saved}” holds the state from before; revert to “${target}” again (without saving the current state) once the host answers.`,
  });
}
