/** USB server state: the VM's devices, the host's devices (with owners), volumes for a USB disk. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestInput, VmUsb } from '../../../shared/api';
import { call } from '../../api';
import { keys } from '../../queries';

export const usbKeys = {
  vm: (hostId: string, uuid: string) => ['usb-vm', hostId, uuid] as const,
  host: (hostId: string) => ['usb-host', hostId] as const,
  volumes: (hostId: string) => ['usb-volumes', hostId] as const,
};

export function useVmUsb(hostId: string, uuid: string) {
  return useQuery({ queryKey: usbKeys.vm(hostId, uuid), queryFn: () => call('usb.domain', { hostId, uuid }) });
}

export function useHostUsb(hostId: string, enabled: boolean) {
  return useQuery({ queryKey: usbKeys.host(hostId), queryFn: () => call('usb.list', { hostId }), enabled });
}

export function useUsbVolumes(hostId: string, enabled: boolean) {
  return useQuery({ queryKey: usbKeys.volumes(hostId), queryFn: () => call('usb.volumes', { hostId }), enabled });
}

type UsbWrite = 'usb.attachHost' | 'usb.attachEmulated' | 'usb.detach';

/** A change to the VM's USB devices; the reply is its fresh list, and owners/volumes are read again. */
export function useUsbWrite<N extends UsbWrite>(name: N, hostId: string, uuid: string) {
  const qc = useQueryClient();
  return useMutation<VmUsb, Error, Omit<RequestInput<N>, 'hostId' | 'uuid'>>({
    mutationFn: (input) => call(name, { hostId, uuid, ...input } as RequestInput<N>) as Promise<VmUsb>,
    onSuccess: (v) => qc.setQueryData(usbKeys.vm(hostId, uuid), v),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: usbKeys.host(hostId) });
      void qc.invalidateQueries({ queryKey: usbKeys.volumes(hostId) });
      void qc.invalidateQueries({ queryKey: keys.domainDetails(hostId, uuid) });
    },
  });
}
