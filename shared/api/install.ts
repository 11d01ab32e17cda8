import { z } from 'zod';
import { AbsPath, BridgeName, HostId, NicMacAddress, ObjectName, OneLine, OsShortId, TreePath, Uuid, VolumeFileName } from './common';
import type { NetworkSummary, StoragePoolSummary } from './hosts';

// Install wizard: a new VM on a host from an ISO in one of its pools (or one uploaded from this
// computer), an existing disk image, a network install tree (kernel + initrd fetched on the host)
// or a kernel + initrd + command line. Clone wizard: a shut-off or paused VM copied on its host
// (volume create-from) or to another host (download on A piped into upload on B through the
// app's two SSH sessions, verified). Both preview the exact definition first and run as a Job that
// removes everything it created when it fails or is cancelled; the source VM is never modified.

/** An OS the install wizard offers, with the defaults it sets. */
export interface OsVariant {
  /** libosinfo's short id (debian12, win11, linux2022 …). */
  id: string;
  name: string;
  family: 'linux' | 'windows' | 'bsd' | 'other';
  /** libosinfo's URI, recorded in the definition's metadata as virt-install does. */
  osinfoUri?: string;
  defaults: { vcpus: number; memoryMiB: number; diskGiB: number; virtio: boolean };
}

/** One storage volume of a pool. */
export interface StorageVolumeInfo {
  pool: string;
  name: string;
  path: string;
  /** 'file' | 'block' | 'dir' | 'network' | … */
  type: string;
  format?: string;
  capacity: number;
  allocation: number;
  /** Size of the file on disk (a qcow2's container), when libvirt reports it. */
  physical?: number;
}

/** A default the wizard chose so that the VM can migrate later, and why (the review page shows it). */
export interface ChosenDefault {
  setting: string;
  value: string;
  why: string;
}

/** Where a NIC is plugged in: a libvirt network or a host bridge (always virtio unless the OS needs otherwise). */
export const NicTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('network'), name: ObjectName }).strict(),
  z.object({ kind: z.literal('bridge'), name: BridgeName }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type NicTarget = z.infer<typeof NicTarget>;

export interface InstallOptions {
  hostId: HostId;
  osVariants: OsVariant[];
  /** Where the OS list came from: the host's libosinfo database, or Vireo's own short list. */
  osinfoSource: 'osinfo-query' | 'built-in';
  /** The default: 'kvm' when the host has KVM for this arch, else 'qemu' (software emulation). */
  domainType: 'kvm' | 'qemu';
  /** What the host offers (software emulation always; KVM when /dev/kvm is usable by libvirt). */
  domainTypes: ('kvm' | 'qemu')[];
  arch: string;
  machine: string;
  emulator: string;
  /** host-model when the hypervisor supports it, else a named custom model. */
  cpu: { mode: 'host-model' } | { mode: 'custom'; model: string };
  maxVcpus: number;
  hostMemoryMiB: number;
  pools: StoragePoolSummary[];
  networks: NetworkSummary[];
  /** Host bridges (from /sys/class/net), for NICs bridged straight onto the host's LAN. */
  bridges: string[];
  suggested: { pool?: string; nic: NicTarget };
  /** UEFI, secure boot and an emulated TPM as the host's domain capabilities offer them (each with why not). */
  firmware: FirmwareOffer;
}

/** One firmware choice as the host offers it: `reason` says why not (and what to install) when it does not. */
export interface Offered {
  offered: boolean;
  reason?: string;
}

/** What the host's libvirt offers for the install's machine type (virConnectGetDomainCapabilities). */
export interface FirmwareOffer {
  /** UEFI (OVMF) through libvirt's firmware autoselection. */
  uefi: Offered;
  /** A UEFI build with secure boot and the Microsoft keys enrolled (q35 with SMM). */
  secureBoot: Offered;
  /** A TPM 2.0 emulated by swtpm, and the model libvirt offers for it. */
  tpm: Offered & { model?: 'tpm-crb' | 'tpm-tis' };
}

/** The firmware a new VM boots: BIOS (SeaBIOS, libvirt's default), UEFI, or UEFI with secure boot. */
export const FIRMWARE_KINDS = ['bios', 'uefi', 'uefi-secure'] as const;

export const InstallSource = z.discriminatedUnion('kind', [
  /** Boot an installer ISO from a pool (a CD-ROM), install onto the disk. */
  z.object({ kind: z.literal('iso'), pool: ObjectName, volume: ObjectName }).strict(),
  /** An existing disk image becomes the VM's boot disk (used in place, like virt-install --import). */
  z.object({ kind: z.literal('import'), pool: ObjectName, volume: ObjectName }).strict(),
  /** A network install tree: its installer kernel + initrd are fetched on the host for the first boot. */
  z
    .object({
      kind: z.literal('url'),
      url: z.url({ protocol: /^https?$/, error: 'An http:// or https:// URL' }).max(2048),
      kernel: TreePath.optional(),
      initrd: TreePath.optional(),
      cmdline: OneLine.default(''),
    })
    .strict(),
  /** Boot a kernel + initrd on the host with a command line (direct kernel boot, every boot). */
  z.object({ kind: z.literal('kernel'), kernel: AbsPath, initrd: AbsPath.optional(), cmdline: OneLine.default('console=ttyS0') }).strict(),
]);
export type InstallSource = z.infer<typeof InstallSource>;

export const InstallDisk = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('new'),
      pool: ObjectName,
      name: VolumeFileName,
      sizeMiB: z
        .number()
        .int()
        .min(1, 'At least 1 MiB')
        .max(64 * 1024 * 1024, 'At most 64 TiB'),
      format: z.enum(['qcow2', 'raw']).default('qcow2'),
    })
    .strict(),
  z.object({ kind: z.literal('existing'), pool: ObjectName, volume: ObjectName }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type InstallDisk = z.infer<typeof InstallDisk>;

export const InstallSpec = z
  .object({
    hostId: HostId,
    name: ObjectName,
    osVariant: OsShortId,
    source: InstallSource,
    vcpus: z.number().int().min(1, 'At least 1 vCPU').max(4096),
    memoryMiB: z
      .number()
      .int()
      .min(16, 'At least 16 MiB')
      .max(16 * 1024 * 1024),
    disk: InstallDisk,
    nic: NicTarget,
    /** VNC display on the host's 127.0.0.1 (reached through the SSH session). */
    graphics: z.boolean().default(true),
    /** A serial console (ttyS0). */
    serial: z.boolean().default(true),
    /** BIOS when absent; UEFI ones only where the host offers them (checked against its domain capabilities). */
    firmware: z.enum(FIRMWARE_KINDS).optional(),
    /** An emulated TPM 2.0 (swtpm), where the host offers one. */
    tpm: z.boolean().optional(),
    start: z.boolean().default(true),
    /** Hardware acceleration (kvm) or software emulation (qemu); default: the host's best. */
    virtType: z.enum(['kvm', 'qemu']).optional(),
    /** The preview's UUID and MAC, so that what was reviewed is what gets defined. */
    uuid: Uuid.optional(),
    mac: NicMacAddress.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.source.kind === 'import' && s.disk.kind !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['disk'], message: 'An imported image is the disk: add no other disk here' });
    }
  });
export type InstallSpec = z.infer<typeof InstallSpec>;

export interface PlannedVolume {
  pool: string;
  name: string;
  path: string;
  capacity: number;
  format: string;
}

export interface InstallPreview {
  /** The persistent definition exactly as it will be defined. */
  xml: string;
  /** The first boot's definition when it differs (network install: the installer kernel). */
  firstBootXml?: string;
  uuid: string;
  mac?: string;
  volumes: PlannedVolume[];
  defaults: ChosenDefault[];
  /** Problems that will make the install fail (a path missing on the host …). Not blocking. */
  warnings: string[];
  /** What to put on the guest's kernel command line for the serial console. */
  consoleHint: string;
}

/**
 * Uploading a local file (an ISO) into a pool: the renderer writes the file's bytes to `channel`
 * (VireoApi.attachStream) and keeps at most UPLOAD_WINDOW bytes beyond what the backend has
 * acknowledged; the backend acknowledges with 8-byte big-endian counts of the bytes the host took.
 */
export const UPLOAD_WINDOW = 8 * 1024 * 1024;
export const UPLOAD_CHUNK = 256 * 1024;

/**
 * How many bytes an upload may send now, `sent` bytes in and `acked` acknowledged: one chunk at
 * most and never beyond the window (0: wait for an acknowledgement). The backend closes the
 * channel of a client that goes beyond it.
 */
export function uploadRoom(sent: number, acked: number): number {
  return Math.max(0, Math.min(UPLOAD_CHUNK, UPLOAD_WINDOW - (sent - acked)));
}
