/**
 * Storage pools and volumes of a host: reads, writes, and the volumes' "used by" kept fresh when a
 * VM's disks change (domain.changed). Keys: [request, input] (keyOf); storage.changed refetches
 * through storage-events.ts.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RequestInput, RequestName, RequestOutput } from '../../shared/api';
import { api, call } from '../api';
import { useRead } from './index';
import { keyOf, keysOf } from './keyOf';

export function usePools(hostId: string) {
  return useRead('storage.pools', { hostId });
}

/** The pool types the host's libvirt supports (they do not change while connected). */
export function usePoolTypes(hostId: string, enabled: boolean) {
  return useRead('storage.poolTypes', { hostId }, { enabled, staleTime: Number.POSITIVE_INFINITY });
}

export function useVolumes(hostId: string, pool: string, enabled: boolean) {
  return useRead('storage.volumes', { hostId, pool }, { enabled, retry: false });
}

type StorageWrite = Extract<
  RequestName,
  | 'storage.definePool'
  | 'storage.poolAction'
  | 'storage.poolAutostart'
  | 'storage.createVolume'
  | 'storage.resizeVolume'
  | 'storage.cloneVolume'
  | 'storage.wipeVolume'
  | 'storage.deleteVolume'
>;

/** Omit over each member of a union (a pool spec is dir | logical). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A storage write; the host's pools and volumes are read again afterwards (its event may come later, or from elsewhere). */
export function useStorageWrite<N extends StorageWrite>(name: N, hostId: string) {
  const qc = useQueryClient();
  return useMutation<RequestOutput<N>, Error, OmitEach<RequestInput<N>, 'hostId'>>({
    mutationFn: (input) => call(name, { hostId, ...input } as RequestInput<N>),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keyOf('storage.pools', { hostId }) });
      void qc.invalidateQueries({ queryKey: keysOf('storage.volumes', { hostId }) });
    },
  });
}

/** While mounted: a VM of this host changed (a disk attached or detached, started, stopped), so the volumes' users are read again. */
export function useVolumeUsersFollowDomains(hostId: string): void {
  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.subscribe('domain.changed', (e) => {
      if (e.hostId !== hostId || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void qc.invalidateQueries({ queryKey: keysOf('storage.volumes', { hostId }) });
      }, 100);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [qc, hostId]);
}
