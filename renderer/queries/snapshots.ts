/**
 * A VM's snapshots: the list (refetched on 'snapshot.changed', see snapshots-events.ts) and the
 * writes. Create and revert reply with the fresh list; delete replies with the Job it started.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Job, RequestInput, SnapshotList } from '../../shared/api';
import { call } from '../api';
import { useRead } from './index';
import { keyOf } from './keyOf';

export function useSnapshots(hostId: string, uuid: string) {
  return useRead('snapshots.list', { hostId, uuid });
}

type Without<N extends 'snapshots.create' | 'snapshots.revert' | 'snapshots.delete'> = Omit<RequestInput<N>, 'hostId' | 'uuid'>;

export function useSnapshotWrite<N extends 'snapshots.create' | 'snapshots.revert'>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<SnapshotList, Error, Without<N>>({
    mutationFn: (input) => call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<SnapshotList>,
    onSuccess: (list) => qc.setQueryData(keyOf('snapshots.list', { hostId, uuid }), list),
    onSettled: () => qc.invalidateQueries({ queryKey: keyOf('snapshots.list', { hostId, uuid }) }),
  });
}

export function useSnapshotDelete(hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<Job, Error, Without<'snapshots.delete'>>({
    mutationFn: (input) => call('snapshots.delete', { hostId, uuid, ...input }),
    onSettled: () => qc.invalidateQueries({ queryKey: keyOf('snapshots.list', { hostId, uuid }) }),
  });
}
