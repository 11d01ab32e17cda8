/**
 * A VM's snapshots: the list (refetched on 'snapshot.changed', see snapshots-events.ts) and the
 * writes. Create and revert reply with the fresh list; delete replies with the Job it started.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Job, RequestInput, SnapshotList } from '../../shared/api';
import { call } from '../api';
import { notifyError, notifyInfo } from '../components/notify';
import { useRead } from './index';
import { keyOf } from './keyOf';
import { type SnapshotWriteName, snapshotWriteOptions } from './snapshot-write';

export function useSnapshots(hostId: string, uuid: string) {
  return useRead('snapshots.list', { hostId, uuid });
}

type Without<N extends 'snapshots.create' | 'snapshots.revert' | 'snapshots.delete'> = Omit<RequestInput<N>, 'hostId' | 'uuid'>;

/**
 * A create or revert. `opened` is whether the dialog that shows its result is open: while it is
 * (and mounted) the dialog shows the result; otherwise it becomes a notification (snapshot-write.ts).
 * The dialog may close while the write is pending (closeWrite): the request goes on.
 */
export function useSnapshotWrite<N extends SnapshotWriteName>(name: N, hostId: string, uuid: string, vmName: string, opened: boolean) {
  const qc = useQueryClient();
  const watching = useRef(false);
  useEffect(() => {
    watching.current = opened;
    return () => {
      watching.current = false;
    };
  }, [opened]);
  const m = useMutation(
    snapshotWriteOptions(qc, name, hostId, uuid, (input) => call(name, input) as Promise<SnapshotList>, {
      watched: () => watching.current,
      vmName,
      notifyError,
      notifyInfo,
    }),
  );
  // An error that came while the dialog was closed was a notification: a reopened dialog starts clean.
  const { isError, reset } = m;
  useEffect(() => {
    if (!opened && isError) reset();
  }, [opened, isError, reset]);
  return m;
}

export function useSnapshotDelete(hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<Job, Error, Without<'snapshots.delete'>>({
    mutationFn: (input) => call('snapshots.delete', { hostId, uuid, ...input }),
    onSettled: () => qc.invalidateQueries({ queryKey: keyOf('snapshots.list', { hostId, uuid }) }),
  });
}
