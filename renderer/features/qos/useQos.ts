/** The QoS panel's server state: one query per VM, writes that put libvirt's read-back in the cache. */
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApplyScope, QosApplied, QosState, RequestInput } from '../../../shared/api';
import { api, call } from '../../api';

export const qosKey = (hostId: string, uuid: string) => ['qos', hostId, uuid] as const;

export function useQos(hostId: string, uuid: string, enabled = true) {
  return useQuery({ queryKey: qosKey(hostId, uuid), queryFn: () => call('qos.get', { hostId, uuid }), enabled });
}

/**
 * Reads a VM's query again when libvirt reports a change to it (tunable, device added/removed,
 * lifecycle: DomainService turns them into `domain.changed`), so a change made elsewhere — virsh,
 * another Vireo — shows without a reload.
 */
export function useRefetchOnDomainChange(hostId: string, uuid: string, key: QueryKey): void {
  const qc = useQueryClient();
  const id = JSON.stringify(key);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.subscribe('domain.changed', (e) => {
      if (e.hostId !== hostId || e.uuid !== uuid || timer) return;
      // A burst (a tunable event per changed value) becomes one read.
      timer = setTimeout(() => {
        timer = undefined;
        void qc.invalidateQueries({ queryKey: JSON.parse(id) as QueryKey });
      }, 50);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [qc, hostId, uuid, id]);
}

type QosWrite = 'qos.setDisk' | 'qos.setNic' | 'qos.setCpu' | 'qos.setPinning';
export type QosWriteInput<N extends QosWrite> = Omit<RequestInput<N>, 'hostId' | 'uuid'>;

/** A write; on success the values libvirt reported afterwards replace the cached state. */
export function useQosWrite<N extends QosWrite>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<QosApplied, Error, QosWriteInput<N>>({
    mutationFn: (input) => call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<QosApplied>,
    onSuccess: (r) => qc.setQueryData<QosState>(qosKey(hostId, uuid), r.state),
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
