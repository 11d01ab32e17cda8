/**
 * USB server state: the VM's devices, the host's devices (with owners), volumes for a USB disk.
 * Keys, and what events refetch: renderer/queries/keys.ts.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput, VmUsb } from '../../../shared/api';
import { call } from '../../api';
import { keys, useRead } from '../../queries';

export function useVmUsb(hostId: string, uuid: string) {
  return useRead('usb.domain', { hostId, uuid });
}

export function useHostUsb(hostId: string, enabled: boolean) {
  return useRead('usb.list', { hostId }, { enabled });
}

export function useUsbVolumes(hostId: string, enabled: boolean) {
  return useRead('usb.volumes', { hostId }, { enabled });
}

type UsbWrite = 'usb.attachHost' | 'usb.attachEmulated' | 'usb.detach';

/** A change to the VM's USB devices; the reply is its fresh list, and owners/volumes are read again. */
export function useUsbWrite<N extends UsbWrite>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<VmUsb, Error, Omit<RequestInput<N>, 'hostId' | 'uuid'>>({
    mutationFn: (input) => call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<VmUsb>,
    onSuccess: (v) => qc.setQueryData(keys.vmUsb(hostId, uuid), v),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.hostUsb(hostId) });
      void qc.invalidateQueries({ queryKey: keys.usbVolumes(hostId) });
      void qc.invalidateQueries({ queryKey: keys.domainDetails(hostId, uuid) });
    },
  });
}
