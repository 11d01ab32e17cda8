import { z } from 'zod';
import { type HostId, ObjectName, VolumeFileName } from './common';

// USB: the host's USB devices (node devices with capability usb_device) and which VM has each,
// passthrough and emulated devices (tablet, keyboard, mouse, a disk from a volume) attached and
// detached live, in the definition, or both.

export type EmulatedUsbKind = 'tablet' | 'keyboard' | 'mouse' | 'disk';

export interface UsbOwner {
  uuid: string;
  name: string;
  running: boolean;
  /** In the running VM's devices. */
  live: boolean;
  /** In its definition (next boot). */
  config: boolean;
}

/** A USB device of the host (libvirt node device, capability usb_device). Ids are 4 hex digits. */
export interface HostUsbDevice {
  /** The node device name (usb_1_3). */
  name: string;
  vendorId: string;
  productId: string;
  vendor?: string;
  product?: string;
  bus: number;
  device: number;
  /** Another device has the same vendor:product: it is attached by bus/device address. */
  sameIds: boolean;
  /** VMs on this host whose devices name it. */
  usedBy: UsbOwner[];
}

export interface HostUsbList {
  hostId: HostId;
  devices: HostUsbDevice[];
  /** Root hubs (the host controller's own ports) are not offered. */
  hiddenRootHubs: number;
}

/** A USB device of a VM: passed through or emulated. */
export interface VmUsbDevice {
  /** Stable within the VM: usb.detach takes it. */
  id: string;
  kind: 'hostdev' | EmulatedUsbKind | 'other';
  label: string;
  vendorId?: string;
  productId?: string;
  /** Names from the host's node device, when it is there. */
  vendor?: string;
  product?: string;
  bus?: number;
  device?: number;
  alias?: string;
  /** Disk: guest device (sda) and backing file. */
  target?: string;
  source?: string;
  live: boolean;
  config: boolean;
}

export interface VmUsb {
  hostId: HostId;
  uuid: string;
  name: string;
  running: boolean;
  persistent: boolean;
  /** The USB controller's model ('qemu-xhci' …); null when the VM has none. */
  controller: string | null;
  devices: VmUsbDevice[];
}

/** A storage volume that can back an emulated USB disk. */
export interface UsbVolume {
  pool: string;
  name: string;
  path: string;
  capacity: number;
  format?: string;
  /** VMs whose disks use it. */
  usedBy: string[];
}

export const EmulatedUsbSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tablet') }).strict(),
  z.object({ kind: z.literal('keyboard') }).strict(),
  z.object({ kind: z.literal('mouse') }).strict(),
  z
    .object({
      kind: z.literal('disk'),
      pool: ObjectName,
      volume: ObjectName,
      /** Create the volume first: a blank raw file of this size. */
      create: z
        .object({ sizeMiB: z.number().int().min(1, 'At least 1 MiB').max(1_048_576, 'At most 1 TiB') })
        .strict()
        .optional(),
    })
    .strict()
    .superRefine((d, ctx) => {
      if (!d.create) return;
      // A volume created here is a file in the pool's directory: the same rule as every volume Vireo creates.
      for (const issue of VolumeFileName.safeParse(d.volume).error?.issues ?? [])
        ctx.addIssue({ code: 'custom', path: ['volume'], message: issue.message });
    }),
]);
export type EmulatedUsbSpec = z.infer<typeof EmulatedUsbSpec>;
