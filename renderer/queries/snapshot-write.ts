/**
 * The options of a snapshot create or revert (plain requests, not Jobs). A running VM's internal
 * create (savevm) or a revert that saves first can take minutes, and an unanswered one minutes
 * more to settle, so its result must not be lost: while the dialog watches, it shows the result
 * itself; once nothing watches (the dialog unmounted, e.g. the VM page was left), the result —
 * success, or the error with libvirt's message and hint — becomes a notification. These callbacks
 * sit on the mutation itself, so they run after an unmount or a reset too (TanStack Query v5);
 * those given to mutate() do not.
 */
import type { MutationKey, MutationObserverOptions, QueryClient } from '@tanstack/react-query';
import type { RequestInput, SnapshotList } from '../../shared/api';
import { keyOf } from './keyOf';

export type SnapshotWriteName = 'snapshots.create' | 'snapshots.revert';
export type SnapshotWriteInput<N extends SnapshotWriteName> = Omit<RequestInput<N>, 'hostId' | 'uuid'>;

export interface LateResult {
  /** true while a mounted, open dialog shows this write's result itself */
  watched(): boolean;
  vmName: string;
  notifyError(title: string, err: unknown, scope?: { id: string }, opts?: { autoClose: false }): void;
  notifyInfo(title: string, message: string, scope?: { id: string }): void;
}

/** The key of a VM's create (or revert) in the mutation cache: one runs at a time, across remounts. */
export function snapshotWriteKey(name: SnapshotWriteName, hostId: string, uuid: string): MutationKey {
  return [name, { hostId, uuid }];
}

/** Whether this VM's create (or revert) is still running, whichever dialog (mounted or gone) started it. */
export function writePending(qc: QueryClient, name: SnapshotWriteName, hostId: string, uuid: string): boolean {
  return qc.isMutating({ mutationKey: snapshotWriteKey(name, hostId, uuid) }) > 0;
}

/**
 * A dialog's close. While the write is pending the dialog may close (Esc, ×, overlay, Cancel) but
 * the request and the form stay: libvirt goes on, and as nothing watches any more the result comes
 * as a notification; reopened, the dialog shows it pending. Otherwise the form and the result are cleared.
 */
export function closeWrite(write: { isPending: boolean; reset(): void }, clearForm: () => void, onClose: () => void): void {
  if (!write.isPending) {
    clearForm();
    write.reset();
  }
  onClose();
}

/** Outcomes Vireo cannot know: libvirt did not report back, or the link to the backend closed. */
const UNKNOWN = new Set(['outcome-unknown', 'disconnected', 'timeout']);

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; error?: { code?: unknown } } | null;
  const c = e?.error?.code ?? e?.code;
  return typeof c === 'string' ? c : undefined;
}

/** The title of a write's error: "not made / did not happen" only when that is known. */
export function errorTitle(name: SnapshotWriteName, snapshot: string, err: unknown): string {
  const unknown = UNKNOWN.has(codeOf(err) ?? '');
  if (name === 'snapshots.create')
    return unknown
      ? `Outcome unknown — check the host: the snapshot “${snapshot}” may or may not be made`
      : `The snapshot “${snapshot}” was not made`;
  return unknown
    ? `Outcome unknown — check the host: the revert to “${snapshot}” may or may not have happened`
    : `The revert to “${snapshot}” did not happen`;
}

export function lateTitle(name: SnapshotWriteName, vmName: string, snapshot: string, err?: unknown): string {
  if (err === undefined)
    return name === 'snapshots.create' ? `${vmName}: snapshot “${snapshot}” made` : `${vmName}: reverted to “${snapshot}”`;
  return `${vmName}: ${errorTitle(name, snapshot, err)}`;
}

export function snapshotWriteOptions<N extends SnapshotWriteName>(
  qc: QueryClient,
  name: N,
  hostId: string,
  uuid: string,
  invoke: (input: RequestInput<N>) => Promise<SnapshotList>,
  late: LateResult,
): MutationObserverOptions<SnapshotList, Error, SnapshotWriteInput<N>> {
  const key = keyOf('snapshots.list', { hostId, uuid });
  // One notification per VM and kind of write: a revert's late result never replaces a create's.
  const scope = { id: `${name}:${hostId}:${uuid}` };
  return {
    mutationKey: snapshotWriteKey(name, hostId, uuid),
    mutationFn: (input) => invoke({ hostId, uuid, ...input } as RequestInput<N>),
    onSuccess: (list, input) => {
      qc.setQueryData(key, list);
      if (!late.watched()) late.notifyInfo(lateTitle(name, late.vmName, input.name), 'The request you left finished.', scope);
    },
    onError: (err, input) => {
      // Not closed by itself: it may be the only record of an unknown outcome and its checks.
      if (!late.watched()) late.notifyError(lateTitle(name, late.vmName, input.name, err), err, scope, { autoClose: false });
      // A success answers with the fresh list (set above); after a failure it is read again.
      void qc.invalidateQueries({ queryKey: key });
    },
  };
}
