/** The host's virtual networks and their DHCP leases: reads, writes, and what keeps them current. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HostId, RequestInput } from '../../shared/api';
import { api, call } from '../api';
import { useRead } from './index';
import { keyOf, keysOf } from './keyOf';

export function useNetworks(hostId: HostId) {
  const qc = useQueryClient();
  // Which VMs use a network follows the VMs: a VM defined, started or stopped (domain.changed) is read again.
  useEffect(
    () => api.subscribe('domain.changed', (e) => void qc.invalidateQueries({ queryKey: keyOf('networks.list', { hostId: e.hostId }) })),
    [qc],
  );
  return useRead('networks.list', { hostId });
}

/** dnsmasq tells libvirt of a lease without an event: read every 3 s while the table is shown. */
export function useNetworkLeases(hostId: HostId, name: string, active: boolean) {
  return useRead('networks.leases', { hostId, name }, { refetchInterval: active ? 3_000 : false });
}

type Write =
  | 'networks.define'
  | 'networks.edit'
  | 'networks.start'
  | 'networks.stop'
  | 'networks.autostart'
  | 'networks.undefine'
  | 'networks.dhcpHost';

/** One write; the host's networks (and leases) are read again after it, whatever its outcome. */
export function useNetworkWrite<N extends Write>(name: N, hostId: HostId) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<RequestInput<N>, 'hostId'>) => call(name, { ...input, hostId } as RequestInput<N>),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keysOf('networks.list', { hostId }) });
      void qc.invalidateQueries({ queryKey: keysOf('networks.leases', { hostId }) });
    },
  });
}
