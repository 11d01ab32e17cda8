/**
 * The options of a snapshot create or revert (plain requests, not Jobs). A running VM's internal
 * create (savevm) or a revert that saves first can take minutes, and an unanswered one minutes
 * more to settle, so its result must not be lost: while the dialog watches, it shows the result
 * itself; once nothing watches (the dialog unmounted, e.g. the VM page was left), the result —
 * success, or the error with libvirt's message and hint — becomes a notification. These callbacks
 * sit on the mutation itself, so they run after an unmount or a reset too (TanStack Query v5);
 * those given to mutate() do not.
 */
import type { MutationObserverOptions, QueryClient } from '@tanstack/react-query';
import type { RequestInput, SnapshotList } from '../../shared/api';
import { keyOf } from './keyOf';

export type SnapshotWriteName = 'snapshots.create' | 'snapshots.revert';
export type SnapshotWriteInput<N extends SnapshotWriteName> = Omit<RequestInput<N>, 'hostId' | 'uuid'>;

export interface LateResult {
  /** true while a mounted, open dialog shows this write's result itself */
  watched(): boolean;
  vmName: string;
  notifyError(title: string, err: unknown, scope?: { id: string }): void;
  notifyInfo(title: string, message: string, scope?: { id: string }): void;
}

/** A Modal's dismiss props: none while the write is pending, so its result stays in view. */
export function dismissable(pending: boolean) {
  return { closeOnEscape: !pending, closeOnClickOutside: !pending, withCloseButton: !pending };
}

export function lateTitle(name: SnapshotWriteName, ok: boolean, vmName: string, snapshot: string): string {
  if (name === 'snapshots.create')
    return ok ? `${vmName}: snapshot “${snapshot}” made` : `${vmName}: the snapshot “${snapshot}” was not made`;
  return ok ? `${vmName}: reverted to “${snapshot}”` : `${vmName}: the revert to “${snapshot}” did not happen`;
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
  const scope = { id: `snapshot-write:${hostId}:${uuid}` };
  return {
    mutationFn: (input) => invoke({ hostId, uuid, ...input } as RequestInput<N>),
    onSuccess: (list, input) => {
      qc.setQueryData(key, list);
      if (!late.watched()) late.notifyInfo(lateTitle(name, true, late.vmName, input.name), 'The request you left finished.', scope);
    },
    onError: (err, input) => {
      if (!late.watched()) late.notifyError(lateTitle(name, false, late.vmName, input.name), err, scope);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  };
}
