/** The VM settings editor and the XML editor (issue 19): its value types, schemas, requests and events. */
import { z } from 'zod';
import { BridgeName, DiskTarget, domainRef, type HostId, hostRef, MacAddress, ObjectName, OneLine, VolumeFileName } from './common';
import type { DiskMoveJob } from './jobs';
import { out } from './out';

// ---- the XML editor ------------------------------------------------------------------------------

/** The definition as the editor shows it: libvirt's persistent XML (the next boot's), without its secrets. */
export interface XmlDefinition {
  hostId: HostId;
  uuid: string;
  name: string;
  running: boolean;
  /** The definition for the next boot, redacted (no VNC password: the backend merges it back on apply). */
  xml: string;
  /** The running VM's definition differs from it (a change waits for the next boot). */
  pending: boolean;
  /** "Undo last change" can restore the definition as it was before the last apply. */
  canUndo: boolean;
}

/** Longest definition the editor sends (libvirt's own RPC string limit is 4 MiB). */
export const XML_MAX = 4 * 1024 * 1024;

export const XmlApplyInput = domainRef
  .extend({
    /** The edited definition, sent as the user wrote it (unknown elements and metadata kept). */
    xml: z.string().min(1, 'The definition is empty').max(XML_MAX, 'The definition is longer than 4 MiB'),
    /** The definition the edit started from (as xml.get gave it): refused if the VM's changed since. */
    base: z.string().max(XML_MAX),
  })
  .strict();

// ---- settings ------------------------------------------------------------------------------------

/** One value whose next-boot setting differs from the running VM's ("pending changes"). */
export interface PendingSetting {
  /** 'vcpus' | 'maxVcpus' | 'memory' | 'maxMemory' | 'title' | 'description' */
  field: string;
  live: string;
  next: string;
}

/** A VM's settings as libvirt reports them, now (live) and for the next boot (config). */
export interface VmSettings {
  hostId: HostId;
  uuid: string;
  name: string;
  running: boolean;
  persistent: boolean;
  autostart: boolean;
  /** A managed-save image (hibernated): the next start restores the saved memory instead of booting. */
  managedSave: boolean;
  title: string;
  description: string;
  /** vCPUs: the definition's maximum and current; `live` = online in the running VM. */
  vcpus: { max: number; current: number; live?: number; topology?: { sockets: number; cores: number; threads: number } };
  /** Memory in KiB: the definition's maximum and current (balloon target); `live` = the running VM's balloon. */
  memory: { maxKiB: number; currentKiB: number; liveKiB?: number; liveMaxKiB?: number; hugepages: boolean; nosharepages: boolean };
  pending: PendingSetting[];
  /** Disks and CD-ROMs of the running VM and the definition (by target); `live`/`config` say where each is. */
  disks: SettingsDisk[];
  nics: SettingsNic[];
  /** Devices in boot order (their <boot order>); empty when the definition boots by <os><boot dev>. */
  bootOrder: BootEntry[];
  /** The firmware it boots (the running VM's when it runs: libvirt has filled in what it picked). */
  firmware: SettingsFirmware;
  /** Its TPM devices. */
  tpms: SettingsTpm[];
}

export interface SettingsFirmware {
  kind: 'bios' | 'uefi';
  /** Secure boot on or off; absent when libvirt has not said yet (a shut-off VM it picks the firmware for at start). */
  secureBoot?: boolean;
  /** libvirt picks the build from the host's firmware descriptors (<os firmware='efi'>). */
  auto: boolean;
  /** The firmware file (UEFI code) and the VM's own variable store, with the template it was copied from. */
  loader?: string;
  nvram?: string;
  nvramTemplate?: string;
}

export interface SettingsTpm {
  /** tpm-crb, tpm-tis … */
  model: string;
  /** emulator (swtpm) or passthrough (the host's TPM). */
  backend: string;
  version?: string;
}

export interface SettingsDisk {
  target: string;
  device: string;
  bus?: string;
  /** The file, volume or network source; absent for an empty CD-ROM. */
  source?: string;
  readonly: boolean;
  live: boolean;
  config: boolean;
  /** Bytes, as the running VM sees the image (virDomainGetBlockInfo); absent when not running or unreadable. */
  capacity?: number;
}

export interface SettingsNic {
  mac: string;
  type: string;
  source?: string;
  model?: string;
  /** The running VM's link state when it runs, else the definition's. */
  link: 'up' | 'down';
  live: boolean;
  config: boolean;
}

export const BootEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disk'), target: DiskTarget }).strict(),
  z.object({ kind: z.literal('nic'), mac: MacAddress }).strict(),
]);
export type BootEntry = z.infer<typeof BootEntry>;

/** One element of the host's libvirt domain schema, for the XML editor's completion. */
export interface SchemaElement {
  name: string;
  /** The document's root (<domain>). */
  top?: boolean;
  children: string[];
  attributes: string[];
}

/** A serial or console device the console can open (virDomainOpenConsole's dev_name = its alias). */
export interface ConsoleDevice {
  alias: string;
  label: string;
}

/** A host's running VMs whose next boot differs from what runs (the VM list's "pending changes" marker). */
export interface PendingVms {
  hostId: HostId;
  uuids: string[];
  /** false: too many running VMs on this host to compare each (none is marked). */
  scanned: boolean;
}

/** One running VM's "pending changes" mark changed (compared again on its own event, or dropped when it stopped). */
export interface PendingChange {
  hostId: HostId;
  uuid: string;
  pending: boolean;
}

/** One host's answer to "could this VM's CPU run there?" (libvirt's CPU compare on that host). */
export interface CpuCompareRow {
  hostId: HostId;
  hostName: string;
  /** The VM's own host (where it is defined). */
  thisHost: boolean;
  /** identical / superset: it could run (migrate) there; incompatible: libvirt's message names what is missing. */
  result: 'identical' | 'superset' | 'incompatible' | 'error';
  message?: string;
}

/** The CPU mode of the next boot, the models the hypervisor offers, and the compare against each connected host. */
export interface CpuFacts {
  mode: string;
  model?: string;
  /** As the pending table shows it ("custom qemu64"). */
  shown: string;
  models: { name: string; usable: boolean }[];
  /** The hypervisor supports host-model for this VM's type. */
  hostModel: boolean;
  compare: CpuCompareRow[];
}

export const CPU_MODES = ['host-model', 'host-passthrough', 'custom'] as const;

/** What a change did: where it went, what libvirt reads back, and what waits for the next boot. */
export interface SettingsApplied {
  appliedTo: ('live' | 'config')[];
  settings: VmSettings;
  /** libvirt's message when the running VM refused what the next boot got (the change is pending). */
  liveRefused?: string;
}

export const DISK_CACHES = ['none', 'writeback', 'writethrough', 'default'] as const;
export const NIC_MODELS = ['virtio', 'e1000', 'rtl8139'] as const;

const count = z.number().int('Whole numbers only').min(1, 'At least 1').max(4096, 'At most 4096');
const memKiB = z
  .number()
  .int('Whole numbers only')
  .min(16 * 1024, 'At least 16 MiB')
  .max(2 ** 40, 'At most 1 PiB');

export const VcpusInput = domainRef
  .extend({ current: count.optional(), max: count.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.current === undefined && v.max === undefined) ctx.addIssue({ code: 'custom', path: ['current'], message: 'Nothing to change' });
    if (v.current !== undefined && v.max !== undefined && v.current > v.max)
      ctx.addIssue({ code: 'custom', path: ['current'], message: 'More than the maximum' });
  });

export const MemoryInput = domainRef
  .extend({ currentKiB: memKiB.optional(), maxKiB: memKiB.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (v.currentKiB === undefined && v.maxKiB === undefined)
      ctx.addIssue({ code: 'custom', path: ['currentKiB'], message: 'Nothing to change' });
    if (v.currentKiB !== undefined && v.maxKiB !== undefined && v.currentKiB > v.maxKiB)
      ctx.addIssue({ code: 'custom', path: ['currentKiB'], message: 'More than the maximum' });
  });

/** Title: one line; description: free text without control characters other than newlines and tabs. */
export const GeneralInput = domainRef
  .extend({
    title: OneLine.max(1024, 'At most 1024 characters'),
    description: z
      .string()
      .max(65_536, 'At most 64 KiB')
      .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 && c !== '\n' && c !== '\t'), 'Must not contain control characters'),
  })
  .strict();

/** This feature's requests, spread into the contract's `requests`. */
export const settingsRequests = {
  /** The persistent definition for the XML editor, redacted. */
  'settings.xml.get': { input: domainRef, output: out<XmlDefinition>() },
  /** Defines the edited XML with libvirt's validation (VIR_DOMAIN_DEFINE_VALIDATE); a refusal changes nothing. */
  'settings.xml.apply': { input: XmlApplyInput, output: out<XmlDefinition>() },
  /** The host's libvirt domain schema (its RelaxNG files, read once): element and attribute names for completion. */
  'settings.xml.schema': { input: hostRef, output: out<SchemaElement[]>() },
  /** Restores the definition as it was before the last apply (of the editor or a setting). */
  'settings.xml.undo': { input: domainRef, output: out<XmlDefinition>() },
  'settings.get': { input: domainRef, output: out<VmSettings>() },
  /** The running VM's serial/console devices, for the console's device choice (empty when it is not running). */
  'settings.consoleDevices': { input: domainRef, output: out<ConsoleDevice[]>() },
  /** The host's running VMs with pending changes (next boot ≠ running VM). */
  'settings.pendingList': { input: hostRef, output: out<PendingVms>() },
  'settings.setAutostart': { input: domainRef.extend({ autostart: z.boolean() }).strict(), output: out<SettingsApplied>() },
  /** vCPUs: current hot-plugged live (up to the maximum) and set for the next boot; the maximum for the next boot. */
  'settings.setVcpus': { input: VcpusInput, output: out<SettingsApplied>() },
  /** Memory: current by the balloon live and for the next boot; the maximum for the next boot. */
  'settings.setMemory': { input: MemoryInput, output: out<SettingsApplied>() },
  'settings.setGeneral': { input: GeneralInput, output: out<SettingsApplied>() },
  /** CPU topology for the next boot (sockets × cores × threads must equal the maximum vCPUs: libvirt checks); null = libvirt's default. */
  'settings.setTopology': {
    input: domainRef
      .extend({
        topology: z
          .object({ sockets: count.max(256, 'At most 256'), cores: count.max(256, 'At most 256'), threads: count.max(16, 'At most 16') })
          .strict()
          .nullable(),
      })
      .strict(),
    output: out<SettingsApplied>(),
  },
  /** The CPU mode, the hypervisor's models and a compare against each connected host. */
  'settings.cpu': { input: domainRef, output: out<CpuFacts>() },
  /** The CPU mode for the next boot (a custom mode names its model); defined with libvirt's validation. */
  'settings.setCpuMode': {
    input: domainRef
      .extend({
        mode: z.enum(CPU_MODES),
        model: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/, 'A CPU model name: letters, digits, . _ + -')
          .optional(),
      })
      .strict()
      .refine((v) => v.mode !== 'custom' || !!v.model, { path: ['model'], message: 'Choose a CPU model' }),
    output: out<SettingsApplied>(),
  },
  /** Memory backing for the next boot: huge pages, and KSM page sharing opted out (nosharepages). */
  'settings.setMemoryBacking': {
    input: domainRef.extend({ hugepages: z.boolean(), nosharepages: z.boolean() }).strict(),
    output: out<SettingsApplied>(),
  },
  /** Deletes the managed-save image of a hibernated VM: its next start boots afresh. */
  'settings.removeManagedSave': { input: domainRef, output: out<SettingsApplied>() },
  /** Renames a shut-off VM (libvirt refuses a running one). */
  'settings.rename': { input: domainRef.extend({ name: ObjectName }).strict(), output: out<SettingsApplied>() },
  /** A CD-ROM's medium: an ISO volume of a pool, or none (eject); live and for the next boot. */
  'settings.setMedia': {
    input: domainRef.extend({ target: DiskTarget, media: z.object({ pool: ObjectName, volume: ObjectName }).strict().nullable() }).strict(),
    output: out<SettingsApplied>(),
  },
  /**
   * Attaches a volume as a disk (the next free target of the bus): an existing one, or a new one
   * made in the pool first (`create`; deleted again if libvirt refuses the attach).
   */
  'settings.addDisk': {
    input: domainRef
      .extend({
        pool: ObjectName,
        volume: ObjectName,
        bus: z.enum(['virtio', 'sata', 'scsi']),
        /** The host's page cache for the image: none (safe to migrate), writeback (fast; throwaway VMs), writethrough, or QEMU's default. */
        cache: z.enum(DISK_CACHES).default('none'),
        create: z
          .object({
            name: VolumeFileName,
            sizeMiB: z
              .number()
              .int('Whole MiB only')
              .min(1, 'At least 1 MiB')
              .max(16 * 1024 * 1024, 'At most 16 TiB'),
            format: z.enum(['qcow2', 'raw']),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: out<SettingsApplied>(),
  },
  /** Grows a disk: live while the VM runs (virDomainBlockResize), its pool volume while shut off (virStorageVolResize); shrinking is refused. */
  'settings.growDisk': {
    input: domainRef
      .extend({
        target: DiskTarget,
        sizeMiB: z
          .number()
          .int('Whole MiB only')
          .min(1)
          .max(16 * 1024 * 1024, 'At most 16 TiB'),
      })
      .strict(),
    output: out<SettingsApplied>(),
  },
  /**
   * Moves a running VM's disk to another pool (block copy, then pivot) as a 'disk-move' Job; the
   * source volume is deleted after the pivot only when asked.
   */
  'settings.moveDisk': {
    input: domainRef
      .extend({
        target: DiskTarget,
        pool: ObjectName,
        deleteSource: z.boolean(),
        /** Copy at most this many MiB a second; absent: as fast as the storage goes. */
        limitMiBs: z.number().int('Whole MiB/s only').min(1, 'At least 1 MiB/s').max(1_000_000).optional(),
      })
      .strict(),
    output: out<DiskMoveJob>(),
  },
  /** Detaches a disk (the volume stays in its pool). */
  'settings.removeDisk': { input: domainRef.extend({ target: DiskTarget }).strict(), output: out<SettingsApplied>() },
  'settings.addNic': {
    input: domainRef
      .extend({
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('network'), name: ObjectName }).strict(),
          z.object({ kind: z.literal('bridge'), name: BridgeName }).strict(),
        ]),
        model: z.enum(NIC_MODELS),
        /** Omitted: libvirt picks one (52:54:00:…). */
        mac: MacAddress.optional(),
      })
      .strict(),
    output: out<SettingsApplied>(),
  },
  'settings.setLink': { input: domainRef.extend({ mac: MacAddress, up: z.boolean() }).strict(), output: out<SettingsApplied>() },
  'settings.removeNic': { input: domainRef.extend({ mac: MacAddress }).strict(), output: out<SettingsApplied>() },
  /** Boot order for the next boot: the listed devices in this order (libvirt's per-device <boot order>). */
  'settings.setBootOrder': {
    input: domainRef.extend({ order: z.array(BootEntry).min(1, 'Pick at least one device to boot from').max(64) }).strict(),
    output: out<SettingsApplied>(),
  },
} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export type SettingsEvents = {
  /** A VM's "pending changes" mark changed: patch the host's pending set (no refetch). */
  'settings.pending': PendingChange;
};
