/**
 * The QoS panel's server state: one query per VM, writes that put libvirt's read-back in the cache.
 * Keys, and what events refetch: renderer/queries/keys.ts.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplyScope, QosApplied, QosState, RequestInput } from '../../../shared/api';
import { call } from '../../api';
import { keys, useRead } from '../../queries';

export function useQos(hostId: string, uuid: string, enabled = true) {
  return useRead('qos.get', { hostId, uuid }, { enabled });
}

type QosWrite = 'qos.setDisk' | 'qos.setNic' | 'qos.setCpu' | 'qos.setPinning';
export type QosWriteInput<N extends QosWrite> = Omit<RequestInput<N>, 'hostId' | 'uuid'>;

/** A write; on success the values libvirt reported afterwards replace the cached state. */
export function useQosWrite<N extends QosWrite>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<QosApplied, Error, QosWriteInput<N>>({
    mutationFn: (input) => call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<QosApplied>,
    onSuccess: (r) => qc.setQueryData<QosState>(keys.qos(hostId, uuid), r.state),
  });
}

/** The scopes a VM offers now, and the default: both when it runs and has a definition. */
export function scopeChoices(s: { running: boolean; persistent: boolean }): {
  live: boolean;
  config: boolean;
  both: boolean;
  preferred: ApplyScope;
} {
  const live = s.running;
  const config = s.persistent;
  return { live, config, both: live && config, preferred: live && config ? 'both' : live ? 'live' : 'config' };
}

export const SCOPE_WORDS: Record<ApplyScope, string> = {
  live: 'the running VM',
  config: 'the next boot',
  both: 'the running VM and the next boot',
};
