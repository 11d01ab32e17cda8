/** Domains (VMs): their summary, state, actions and details as the list and detail pages show them. */
import type { HostId } from './common';

export type DomainState = 'nostate' | 'running' | 'blocked' | 'paused' | 'shutdown' | 'shutoff' | 'crashed' | 'pmsuspended';

export interface DomainSummary {
  hostId: HostId;
  /** libvirt's UUID, the stable key. */
  uuid: string;
  name: string;
  id: number;
  state: DomainState;
  reason: number;
  persistent: boolean;
  vcpus: number;
  memoryKiB: number;
}

/** Lifecycle actions; reset, nmi and managedsave (hibernate: the next start restores the saved memory) beside the others. */
export const DOMAIN_ACTIONS = ['start', 'shutdown', 'reboot', 'destroy', 'suspend', 'resume', 'reset', 'nmi', 'managedsave'] as const;
export type DomainAction = (typeof DOMAIN_ACTIONS)[number];

export interface DomainDisk {
  /** Guest device name (vda, sdb …). */
  target: string;
  device: 'disk' | 'cdrom' | 'floppy' | 'lun' | string;
  bus?: string;
  /** 'file' | 'block' | 'volume' | 'network' … */
  type: string;
  /** File or device path (or pool/volume for type volume); absent for an empty CD-ROM. */
  source?: string;
  format?: string;
  cache?: string;
  readonly: boolean;
  shareable: boolean;
  /** The storage volume backing it, when a pool on this host holds that path. */
  volume?: { pool: string; name: string; capacity: number; allocation: number };
}

export interface DomainNic {
  mac: string;
  /** 'bridge' | 'network' | 'direct' | 'user' … */
  type: string;
  /** Bridge or network name. */
  source?: string;
  model?: string;
  target?: string;
}

export interface DomainGraphics {
  type: string;
  port?: number;
  listen?: string;
  autoport: boolean;
  hasPassword: boolean;
}

export interface DomainUsbDevice {
  /** 'hostdev' (passthrough) or an emulated device: 'tablet', 'keyboard', 'mouse', 'disk'. */
  kind: string;
  alias?: string;
  vendorId?: string;
  productId?: string;
  bus?: number;
  device?: number;
}

export interface DomainDetails {
  summary: DomainSummary;
  title?: string;
  description?: string;
  /** Seconds since the guest started (running or paused domains). */
  uptimeSec?: number;
  os: { type: string; arch?: string; machine?: string; osinfo?: string; kernel?: string; cmdline?: string };
  cpu: { mode?: string; model?: string; vcpus: number; maxVcpus: number };
  memory: { currentKiB: number; maxKiB: number };
  disks: DomainDisk[];
  nics: DomainNic[];
  graphics: DomainGraphics[];
  serial: { type: string; port: number }[];
  usb: DomainUsbDevice[];
  autostart?: boolean;
  /** The live definition (or the inactive one when shut off), as libvirt returned it. */
  xml: string;
}
