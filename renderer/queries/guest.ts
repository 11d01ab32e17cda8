/**
 * A host's VM addresses and a VM's guest facts: read once, then again only when the backend says
 * something changed (guest.changed, a host reconnecting, a VM starting or stopping). While the
 * backend is still reading a host's addresses, the reply is asked for again each second (the
 * backend's cache, no libvirt call).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HostId, VmAddresses } from '../../shared/api';
import { api, call } from '../api';
import { useRead } from './index';
import { keyOf } from './keyOf';

/** The addresses of one VM, from its host's cached map (absent: not read yet, or not running). */
export function useVmAddresses(hostId: HostId, uuid: string, running: boolean): { vm?: VmAddresses; reading: boolean } {
  const q = useRead(
    'guest.addresses',
    { hostId },
    {
      enabled: running,
      staleTime: Number.POSITIVE_INFINITY,
      refetchInterval: (query) => ((query.state.data?.pending ?? 0) > 0 ? 1_000 : false),
    },
  );
  const vm = q.data?.vms.find((v) => v.uuid === uuid);
  return { ...(vm ? { vm } : {}), reading: running && (q.isLoading || (!vm && (q.data?.pending ?? 0) > 0)) };
}

/** A reconnected host starts afresh in the backend: ask again so that it reads its VMs. */
export function useGuestHostFollow(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      api.subscribe('host.state', (e) => {
        if (e.state.status === 'connected') void qc.invalidateQueries({ queryKey: keyOf('guest.addresses', { hostId: e.hostId }) });
      }),
    [qc],
  );
}

export function useGuestInfo(hostId: HostId, uuid: string, enabled: boolean) {
  const qc = useQueryClient();
  // A start or stop changes what the agent can say.
  useEffect(
    () =>
      api.subscribe('domain.changed', (e) => {
        if (e.hostId === hostId && e.uuid === uuid && e.state)
          void qc.invalidateQueries({ queryKey: keyOf('guest.info', { hostId, uuid }) });
      }),
    [qc, hostId, uuid],
  );
  return useRead('guest.info', { hostId, uuid }, { enabled });
}

export function useAddAgentChannel(hostId: HostId, uuid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('guest.addChannel', { hostId, uuid }),
    onSettled: () => void qc.invalidateQueries({ queryKey: keyOf('guest.info', { hostId, uuid }) }),
  });
}
