/**
 * The one contract between the renderer and the backend (Electron main, or the web bridge).
 *
 * Every request: a name, a zod schema for its input (validated in the backend before any
 * service sees it) and the TypeScript type of its output. Every event: a name and its payload
 * type. The preload, ipc.ts, web.ts and renderer/api.ts are all typed from this file; nothing
 * else crosses the boundary.
 */
import { z } from 'zod';
import { EVENT_NAMES } from './channels';

export { CHANNEL_ID_RE, IPC_EVENT, IPC_INVOKE, IPC_STREAM } from './channels';

// ---------------------------------------------------------------------------------------------
// Shared value types

/** A name libvirt would accept for a domain/pool/volume; the UI shows it verbatim. */
const objectName = z
  .string()
  .min(1, 'Name is empty')
  .max(1024, 'Name is longer than 1024 characters')
  .refine((s) => !s.includes('/'), 'Name must not contain "/"')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'Name must not contain control characters');

export const HostId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Invalid host id');
export type HostId = z.infer<typeof HostId>;

/** An address we will open SSH to: a DNS name or an IP, nothing a shell could misread. */
const address = z
  .string()
  .min(1, 'Address is empty')
  .max(253, 'Address is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9.:_-]*$/, 'Address may contain only letters, digits, ".", ":", "-", "_"');

const sshUser = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z_][a-z0-9_.-]*\$?$/i, 'Not a valid user name');

const hop = String.raw`(?:[a-z_][a-z0-9_.-]*@)?(?:\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9._-]*)(?::\d{1,5})?`;
/** OpenSSH's ProxyJump: `[user@]host[:port]`, comma-separated for a chain (reached in that order). */
export const JumpHost = z
  .string()
  .max(512, 'The jump host is too long')
  .regex(new RegExp(`^${hop}(?:,${hop})*$`, 'i'), 'A jump host is [user@]host[:port], comma-separated for a chain');

export const HostAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent') }).strict(),
  z.object({ kind: z.literal('key'), path: z.string().min(1).max(4096) }).strict(),
  /** The password itself is never stored in web mode, and only via safeStorage in Electron. */
  z.object({ kind: z.literal('password'), password: z.string().max(1024).optional() }).strict(),
]);
export type HostAuth = z.infer<typeof HostAuth>;

export const HostSpec = z
  .object({
    name: z.string().min(1).max(64),
    /** 'ssh' = qemu+ssh; 'local' = this computer's libvirtd unix socket. */
    transport: z.enum(['ssh', 'local']),
    address: address.optional(),
    port: z.number().int().min(1).max(65535).optional(),
    user: sshUser.optional(),
    auth: HostAuth.optional(),
    /** Reach the host through this SSH jump host (ProxyJump); without it, ~/.ssh/config's ProxyJump applies. */
    jump: JumpHost.optional(),
    /** Connect when Vireo starts (virt-manager's "Autoconnect"). */
    autoconnect: z.boolean().optional(),
    /** libvirt URI on the host, e.g. qemu:///system. */
    uri: z
      .string()
      .regex(/^[a-z0-9+]+:\/\/\/[A-Za-z0-9_./-]*$/, 'Not a local libvirt URI like qemu:///system')
      .default('qemu:///system'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.transport === 'ssh' && !h.address) ctx.addIssue({ code: 'custom', message: 'An SSH host needs an address', path: ['address'] });
  });
export type HostSpec = z.infer<typeof HostSpec>;

export type HostStatus =
  | { status: 'disconnected' }
  | { status: 'connecting' }
  | { status: 'connected'; since: number }
  | { status: 'reconnecting'; reason: string; attempt: number }
  | { status: 'failed'; error: ApiError };

export interface HostInfo {
  id: HostId;
  /** The saved spec without secrets (a key file's path is not a secret). */
  spec: Omit<HostSpec, 'auth'> & { auth?: { kind: HostAuth['kind']; path?: string } };
  state: HostStatus;
  /** Filled once connected. */
  hostname?: string;
  libvirtVersion?: string;
  hypervisorVersion?: string;
  /** A password is held for this host: saved encrypted ('os') or only until the app quits ('session'). */
  password?: SecretPlacement['where'];
}

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

export type DomainAction = 'start' | 'shutdown' | 'reboot' | 'destroy' | 'suspend' | 'resume';

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

export interface StoragePoolSummary {
  name: string;
  uuid: string;
  state: 'inactive' | 'building' | 'running' | 'degraded' | 'inaccessible';
  type?: string;
  path?: string;
  capacity: number;
  allocation: number;
  available: number;
  autostart?: boolean;
}

export interface NetworkSummary {
  name: string;
  uuid: string;
  active: boolean;
  bridge?: string;
  forward?: string;
}

export interface HostDetails {
  id: HostId;
  hostname: string;
  libvirtVersion: string;
  hypervisorVersion: string;
  uri: string;
  cpu: { arch: string; model: string; mhz: number; cpus: number; sockets: number; cores: number; threads: number; nodes: number };
  /** freeBytes is absent where the driver cannot tell (libvirt's test driver). */
  memory: { totalKiB: number; freeBytes?: number };
  pools: StoragePoolSummary[];
  networks: NetworkSummary[];
}

/** One domain's rates between two samples (per second). */
export interface DomainStatsSample {
  uuid: string;
  /** Share of the guest's own vCPUs, 0–100 (virt-manager's guest CPU); 0 until two readings of its counter. */
  cpuPercent: number;
  /** Share of all the host's CPUs, 0–100 (virt-manager's host CPU). */
  hostCpuPercent: number;
  /** What the VM costs the host: its QEMU process's resident memory (balloon.rss), else its allocation. */
  memoryKiB: number;
  diskReadBps: number;
  diskWriteBps: number;
  netRxBps: number;
  netTxBps: number;
}

export type JobKind = 'migration' | 'install' | 'clone' | 'volume-copy';
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'canceled';

export interface Job {
  id: string;
  kind: JobKind;
  hostId: HostId;
  domain?: string;
  title: string;
  phase: string;
  /** 0..1 */
  progress: number;
  /** The figures behind progress (bytes processed, remaining …), for the panel. */
  figures: Record<string, number>;
  status: JobStatus;
  cancellable: boolean;
  startedAt: number;
  endedAt?: number;
  error?: ApiError;
}

export interface ApiError {
  /** 'invalid-input' | 'libvirt' | 'ssh' | 'not-found' | 'timeout' | 'internal' … */
  code: string;
  message: string;
  /** What to try next, in the admin's words. */
  hint?: string;
  /** libvirt's own error numbers when the error came from libvirt. */
  libvirt?: { code: number; domain: number };
  /** Schema issues for invalid input. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  /** A local libvirtd socket exists on the backend's machine. */
  localLibvirt: boolean;
  /** Where a password given for a host is kept. */
  secrets: SecretPlacement;
  /** What was wrong at start (e.g. a corrupt hosts.json set aside), to show the admin once. */
  startupWarnings: StartupWarning[];
}

/**
 * 'os': on disk, encrypted by the OS keychain. 'session': in memory until the app quits (web
 * mode, or no OS keychain: Linux's basic_text fallback is plain text with a fixed key).
 */
export interface SecretPlacement {
  where: 'os' | 'session';
  /** Why not on disk, in the admin's words. */
  why?: string;
}

export interface StartupWarning {
  code: string;
  message: string;
  hint?: string;
}

/** Something the backend must ask the user while connecting (never an external askpass). */
export type Prompt =
  | { id: string; kind: 'host-key'; hostId: HostId; host: string; port: number; keyType: string; fingerprint: string }
  | { id: string; kind: 'password'; hostId: HostId; user: string; host: string; message: string };

// ---- consoles (serial + VNC)
// A console session follows one VM (by UUID) across hosts: it reconnects by itself after the VM
// restarts, after a migration (it reopens on the host where the VM now runs) and after a dropped
// host link. Bytes never travel in requests or events: each open connection has a `channel` that
// the renderer attaches with VireoApi.attachStream (IPC in Electron, /stream WebSocket in a browser).

export type ConsoleKind = 'serial' | 'vnc';

export type ConsoleState =
  | { status: 'connecting'; hostId?: HostId }
  /** Bytes flow on `channel`. Each (re)connection has a new channel; VNC needs a new RFB per channel. */
  | { status: 'open'; channel: string; since: number; vnc?: { port: number; listen: string; hasPassword: boolean } }
  /** Another client holds the serial console (virsh console, another Vireo); consoles.force takes it over. */
  | { status: 'busy'; takenOver: boolean; message: string; hint: string }
  /** Not reachable now: VM shut off, not on any connected host, or its host reconnecting. Resumes by itself. */
  | { status: 'waiting'; reason: 'stopped' | 'missing' | 'host'; message: string }
  /** No serial console / VNC display. canAdd: consoles.addSerial adds one to the persistent definition. */
  | { status: 'no-device'; message: string; hint: string; canAdd: boolean }
  /** The viewer closed its channel; consoles.reconnect opens a new connection. */
  | { status: 'disconnected'; message: string }
  | { status: 'failed'; error: ApiError }
  | { status: 'closed' };

export interface ConsoleInfo {
  /** The session id (consoles.close/force/reconnect). */
  id: string;
  kind: ConsoleKind;
  /** Where the VM runs now (changes after a migration). */
  hostId: HostId;
  uuid: string;
  name: string;
  state: ConsoleState;
  /** Grows with every state change of this session: the newest info wins. */
  seq: number;
}

/** A console session id (random). Channel ids: CHANNEL_ID_RE. */
export const CONSOLE_ID_RE = /^con-[0-9a-f]{24}$/;
/** The web bridge's binary path: /stream?token=…&channel=… (same token, Origin and loopback checks as /ws). */
export const STREAM_PATH = '/stream';
const consoleRef = z.object({ id: z.string().regex(CONSOLE_ID_RE, 'Not a console id') }).strict();

/** What receives a channel's bytes in the renderer. */
export interface StreamSink {
  data(bytes: Uint8Array): void;
  /** The channel ended (the console closed, the VM went away, or the backend refused it). */
  close(reason: string): void;
}
/** The renderer's end of an attached channel. */
export interface StreamHandle {
  write(bytes: Uint8Array): void;
  /** Detaches: the backend closes that connection. */
  close(): void;
}
// ---- end consoles

// ---- QoS and USB
// QoS: block I/O limits per disk, bandwidth per NIC, CPU weight/cap and pinning (parameter names
// in PROTOCOL.md §10). A change goes to the running VM ('live'), to its definition for the next
// boot ('config') or both; the reply carries what libvirt reports afterwards and every difference
// from what was asked. The schemas are the rules the renderer checks a form against before it
// sends anything, and the backend checks again.
// USB: the host's USB devices (node devices with capability usb_device) and which VM has each,
// passthrough and emulated devices (tablet, keyboard, mouse, a disk from a volume) attached and
// detached live, in the definition, or both.

/** Where a change applies: the running VM, its definition (next boot), or both. */
export type ApplyScope = 'live' | 'config' | 'both';
const applyScope = z.enum(['live', 'config', 'both']);

/** Ranges libvirt 9 and QEMU accept (qemu_driver.c, vircgroup.h, the RPC's unsigned int). */
export const QOS_LIMITS = {
  /** QEMU_BLOCK_IOTUNE_MAX: bytes/s and IOPS. */
  blockMax: 1_000_000_000_000_000,
  /** Interface bandwidth is an unsigned int: KiB/s (average, peak), KiB (burst). */
  nicMax: 4_294_967_295,
  sharesMin: 2,
  sharesMax: 262_144,
  periodMin: 1000,
  periodMax: 1_000_000,
  quotaMin: 1000,
  quotaMax: 17_592_186_044_415,
  /** Host CPUs a cpumap can name (libvirt's VIR_DOMAIN_CPUMASK_LEN). */
  cpus: 4096,
} as const;

const blockValue = z
  .number()
  .int('Whole numbers only')
  .min(0, 'Cannot be negative')
  .max(QOS_LIMITS.blockMax, 'More than QEMU accepts (10^15)');

/** One disk's block I/O limits (blkdeviotune); 0 = no limit. Bytes per second and I/O operations per second. */
export const DiskIoTune = z
  .object({
    total_bytes_sec: blockValue,
    read_bytes_sec: blockValue,
    write_bytes_sec: blockValue,
    total_iops_sec: blockValue,
    read_iops_sec: blockValue,
    write_iops_sec: blockValue,
  })
  .strict()
  .superRefine((t, ctx) => {
    // QEMU has one throttle per kind: a total, or separate read/write limits.
    if (t.total_bytes_sec > 0 && (t.read_bytes_sec > 0 || t.write_bytes_sec > 0)) {
      ctx.addIssue({ code: 'custom', path: ['total_bytes_sec'], message: 'Set a total or read/write throughput, not both' });
    }
    if (t.total_iops_sec > 0 && (t.read_iops_sec > 0 || t.write_iops_sec > 0)) {
      ctx.addIssue({ code: 'custom', path: ['total_iops_sec'], message: 'Set a total or read/write IOPS, not both' });
    }
  });
export type DiskIoTune = z.infer<typeof DiskIoTune>;

const nicValue = z
  .number()
  .int('Whole numbers only')
  .min(0, 'Cannot be negative')
  .max(QOS_LIMITS.nicMax, 'More than libvirt accepts (2^32 - 1)');
const nicDirection = z.object({ average: nicValue, peak: nicValue, burst: nicValue }).strict();

/** One NIC's bandwidth (domiftune): average and peak in KiB/s, burst in KiB; average 0 = unlimited. */
export const NicBandwidth = z
  .object({ inbound: nicDirection, outbound: nicDirection })
  .strict()
  .superRefine((b, ctx) => {
    for (const dir of ['inbound', 'outbound'] as const) {
      const d = b[dir];
      if ((d.peak > 0 || d.burst > 0) && d.average === 0) {
        ctx.addIssue({ code: 'custom', path: [dir, 'average'], message: 'Set an average: peak and burst limit it' });
      }
      if (d.peak > 0 && d.peak < d.average)
        ctx.addIssue({ code: 'custom', path: [dir, 'peak'], message: 'Peak must be at least the average' });
    }
  });
export type NicBandwidth = z.infer<typeof NicBandwidth>;

/** CPU weight and cap: cpu_shares, vcpu_period (µs), vcpu_quota (µs per period per vCPU; -1 = no cap). */
export const CpuTune = z
  .object({
    shares: z
      .number()
      .int('Whole numbers only')
      .min(QOS_LIMITS.sharesMin, `At least ${QOS_LIMITS.sharesMin}`)
      .max(QOS_LIMITS.sharesMax, `At most ${QOS_LIMITS.sharesMax}`),
    period: z
      .number()
      .int('Whole numbers only')
      .min(QOS_LIMITS.periodMin, 'At least 1000 µs')
      .max(QOS_LIMITS.periodMax, 'At most 1000000 µs'),
    quota: z
      .number()
      .int('Whole numbers only')
      .refine(
        (q) => q === -1 || (q >= QOS_LIMITS.quotaMin && q <= QOS_LIMITS.quotaMax),
        'A cap needs at least 1000 µs per period (or no cap)',
      ),
  })
  .strict();
export type CpuTune = z.infer<typeof CpuTune>;

const hostCpuList = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(QOS_LIMITS.cpus - 1),
  )
  .min(1, 'Pick at least one host CPU')
  .max(QOS_LIMITS.cpus);

/** Pinning: each listed vCPU to a set of host CPUs, and/or the emulator threads. */
export const CpuPinning = z
  .object({
    vcpus: z
      .array(
        z
          .object({
            vcpu: z
              .number()
              .int()
              .min(0)
              .max(QOS_LIMITS.cpus - 1),
            cpus: hostCpuList,
          })
          .strict(),
      )
      .max(QOS_LIMITS.cpus)
      .default([]),
    emulator: hostCpuList.optional(),
  })
  .strict();
export type CpuPinning = z.infer<typeof CpuPinning>;

export interface HostCpu {
  id: number;
  node: number;
  socket: number;
  core: number;
  /** Hyperthreads sharing this CPU's core (itself included). */
  siblings: number[];
}

/** The host's CPUs, as libvirt's node info and capabilities describe them. */
export interface HostCpuTopology {
  arch: string;
  model: string;
  cpus: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
  /** Online CPUs with their place (NUMA node, socket, core); empty if the host does not say. */
  list: HostCpu[];
}

export interface CpuTuneState extends CpuTune {
  /** Per vCPU, the host CPUs it may run on. */
  vcpuPins: number[][];
  emulatorPin: number[];
  /** Left to the host's defaults (a definition without <cputune> values: libvirt reports 0, shown as 1024 / 100000 µs / no cap). */
  unset: ('shares' | 'period' | 'quota')[];
}

export interface QosDisk {
  target: string;
  device: string;
  bus?: string;
  source?: string;
  live?: DiskIoTune;
  config?: DiskIoTune;
  /** Why a value could not be read (e.g. a disk that is only in the definition). */
  notes: string[];
}

export interface QosNic {
  mac: string;
  type: string;
  source?: string;
  target?: string;
  model?: string;
  live?: NicBandwidth;
  config?: NicBandwidth;
  notes: string[];
}

/** A VM's QoS as libvirt reports it, now (live) and for the next boot (config). */
export interface QosState {
  hostId: HostId;
  uuid: string;
  name: string;
  running: boolean;
  persistent: boolean;
  /** Which of live / config exist (a shut-off VM has no live side, a transient one no config). */
  scopes: { live: boolean; config: boolean };
  host: HostCpuTopology;
  cpu: { vcpus: { live?: number; config?: number }; live?: CpuTuneState; config?: CpuTuneState; notes: string[] };
  disks: QosDisk[];
  nics: QosNic[];
}

/** A value libvirt reports differently from what was asked (clamped, rounded, ignored). */
export interface QosDifference {
  scope: 'live' | 'config';
  /** e.g. 'total_iops_sec', 'inbound.peak', 'shares', 'vcpu 0', 'emulator'. */
  field: string;
  requested: number | number[];
  reported: number | number[] | null;
}

export interface QosApplied {
  appliedTo: ('live' | 'config')[];
  /** Everything read back after the change. */
  state: QosState;
  differences: QosDifference[];
}

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

const diskTarget = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'Not a disk target like vda');
const macAddress = z.string().regex(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, 'Not a MAC address');
const nodeDeviceName = z.string().regex(/^[A-Za-z0-9_.:-]{1,256}$/, 'Not a node device name');
/** A new volume's name: plain file name characters only. */
const volumeFileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'Use letters, digits, ".", "_" and "-" (up to 128)');

export const EmulatedUsbSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tablet') }).strict(),
  z.object({ kind: z.literal('keyboard') }).strict(),
  z.object({ kind: z.literal('mouse') }).strict(),
  z
    .object({
      kind: z.literal('disk'),
      pool: objectName,
      volume: objectName,
      /** Create the volume first: a blank raw file of this size. */
      create: z
        .object({ sizeMiB: z.number().int().min(1, 'At least 1 MiB').max(1_048_576, 'At most 1 TiB') })
        .strict()
        .optional(),
    })
    .strict()
    .superRefine((d, ctx) => {
      if (d.create && !volumeFileName.safeParse(d.volume).success)
        ctx.addIssue({ code: 'custom', path: ['volume'], message: 'Use letters, digits, ".", "_" and "-" (up to 128)' });
    }),
]);
export type EmulatedUsbSpec = z.infer<typeof EmulatedUsbSpec>;
// ---- end QoS and USB

// ---- install and clone
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
  z.object({ kind: z.literal('network'), name: objectName }).strict(),
  z.object({ kind: z.literal('bridge'), name: z.string().regex(/^[A-Za-z0-9_.:-]{1,15}$/, 'Not a host bridge name') }).strict(),
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
}

/** A VM / pool / volume name as libvirt takes it: anything but "/" and control characters. */
const icName = objectName;
/** A volume this wizard creates: plain file-name characters (the file lands in a pool's directory). */
const icNewVolume = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/, 'Use letters, digits, ".", "_", "+" and "-" (up to 128)');
const icAbsPath = z
  .string()
  .min(2)
  .max(4096)
  .regex(/^\//, 'Must be an absolute path on the host')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'Must not contain control characters');
const icCmdline = z
  .string()
  .max(4096)
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20), 'Must not contain control characters');
/** A path inside a network install tree (relative, no "..", no spaces). */
const icTreePath = z.string().regex(/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/+-]{0,255}$/, 'A relative path inside the install tree');
const icUuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a UUID');
const icMac = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/, 'Not a MAC address (lower case, colons)');
const icDiskTarget = z.string().regex(/^[a-z]{2,4}[a-z0-9]{0,8}$/, 'Not a disk target like vda');

export const InstallSource = z.discriminatedUnion('kind', [
  /** Boot an installer ISO from a pool (a CD-ROM), install onto the disk. */
  z.object({ kind: z.literal('iso'), pool: icName, volume: icName }).strict(),
  /** An existing disk image becomes the VM's boot disk (used in place, like virt-install --import). */
  z.object({ kind: z.literal('import'), pool: icName, volume: icName }).strict(),
  /** A network install tree: its installer kernel + initrd are fetched on the host for the first boot. */
  z
    .object({
      kind: z.literal('url'),
      url: z.url({ protocol: /^https?$/, error: 'An http:// or https:// URL' }).max(2048),
      kernel: icTreePath.optional(),
      initrd: icTreePath.optional(),
      cmdline: icCmdline.default(''),
    })
    .strict(),
  /** Boot a kernel + initrd on the host with a command line (direct kernel boot, every boot). */
  z
    .object({ kind: z.literal('kernel'), kernel: icAbsPath, initrd: icAbsPath.optional(), cmdline: icCmdline.default('console=ttyS0') })
    .strict(),
]);
export type InstallSource = z.infer<typeof InstallSource>;

export const InstallDisk = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('new'),
      pool: icName,
      name: icNewVolume,
      sizeMiB: z
        .number()
        .int()
        .min(1, 'At least 1 MiB')
        .max(64 * 1024 * 1024, 'At most 64 TiB'),
      format: z.enum(['qcow2', 'raw']).default('qcow2'),
    })
    .strict(),
  z.object({ kind: z.literal('existing'), pool: icName, volume: icName }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type InstallDisk = z.infer<typeof InstallDisk>;

export const InstallSpec = z
  .object({
    hostId: HostId,
    name: icName,
    osVariant: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'Not an OS short id'),
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
    start: z.boolean().default(true),
    /** Hardware acceleration (kvm) or software emulation (qemu); default: the host's best. */
    virtType: z.enum(['kvm', 'qemu']).optional(),
    /** The preview's UUID and MAC, so that what was reviewed is what gets defined. */
    uuid: icUuid.optional(),
    mac: icMac.optional(),
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

export type CloneDiskMode = 'copy' | 'share' | 'detach';

export interface CloneDiskInfo {
  target: string;
  device: string;
  bus?: string;
  type: string;
  source?: string;
  format?: string;
  readonly: boolean;
  shareable: boolean;
  /** The pool volume behind it on the source host. */
  volume?: { pool: string; name: string; capacity: number; allocation: number; physical?: number; backing?: string };
  modes: CloneDiskMode[];
  defaultMode: CloneDiskMode;
  /** Why a mode is not offered, or what to know about this disk. */
  notes: string[];
}

export interface CloneNicInfo {
  mac: string;
  type: string;
  source?: string;
  model?: string;
  /**
   * Where the clone's NIC goes: the same network/bridge when the target host has it, else a
   * substitute (remapped). Absent: a NIC of another kind (direct, user …), kept as it is.
   */
  suggested?: NicTarget;
  /** The target host lacks the source's network or bridge: the suggestion is a substitute. */
  remapped: boolean;
}

export interface CloneOptions {
  source: { hostId: HostId; uuid: string; name: string; state: DomainState; cloneable: boolean; reason?: string };
  targetHostId: HostId;
  crossHost: boolean;
  suggestedName: string;
  disks: CloneDiskInfo[];
  nics: CloneNicInfo[];
  target: { pools: StoragePoolSummary[]; networks: NetworkSummary[]; bridges: string[]; defaultPool?: string };
}

export const CloneSpec = z
  .object({
    hostId: HostId,
    uuid: icUuid,
    targetHostId: HostId,
    name: icName,
    /** One decision per disk of the source (by target), in any order. */
    disks: z
      .array(
        z.discriminatedUnion('mode', [
          z.object({ target: icDiskTarget, mode: z.literal('copy'), pool: icName, volume: icNewVolume }).strict(),
          z.object({ target: icDiskTarget, mode: z.literal('share') }).strict(),
          z.object({ target: icDiskTarget, mode: z.literal('detach') }).strict(),
        ]),
      )
      .max(64),
    /** Per NIC of the source (by its MAC): where the clone's NIC goes (default: as suggested; 'none' drops it). */
    nics: z
      .array(
        z
          .object({
            mac: z.string().regex(/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/, 'Not a MAC address'),
            target: NicTarget.optional(),
            newMac: icMac.optional(),
          })
          .strict(),
      )
      .max(64)
      .default([]),
    start: z.boolean().default(false),
    /** Cross-host copies: sha256 of the source file (on its host) against the copy's (on the target), or the sizes only. */
    verify: z.enum(['sha256', 'size']).default('sha256'),
    /** Cap on the copy rate, MiB/s (cross-host copies). */
    bandwidthMiBps: z.number().int().min(1).max(100_000).optional(),
    /** The preview's UUID, so that what was reviewed is what gets defined. */
    newUuid: icUuid.optional(),
  })
  .strict();
export type CloneSpec = z.infer<typeof CloneSpec>;

export interface ClonePreview {
  xml: string;
  uuid: string;
  macs: { from: string; to: string }[];
  copies: { target: string; from: string; pool: string; name: string; path: string; bytes: number }[];
  notes: string[];
  warnings: string[];
}
// ---- end install and clone

// ---- migration
// The migration wizard: destination, mode/storage/transport/options, pre-flight checks (each
// pass/warn/fail with the reason and, where one exists, a fix), then a Job (kind 'migration')
// followed live from the source's job stats and migration-iteration events. job.figures carries
// the live numbers (MIGRATION_FIGURES below); migrations.get the rest (options, history for the
// graph, non-convergence and its remedies ranked by guest impact, the result).

const migUuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a UUID');
/** The destination's libvirt URI as the source host reaches it (peer-to-peer), e.g. qemu+ssh://10.203.0.2/system. */
export const PEER_URI_RE = /^qemu\+(ssh|tcp|tls):\/\/([A-Za-z0-9._-]+@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(:\d{1,5})?\/system$/;

export const MigrationSpec = z
  .object({
    /** The VM (on its current host). */
    hostId: HostId,
    uuid: migUuid,
    destHostId: HostId,
    /** Name on the destination (default: the same). */
    newName: objectName.optional(),
    /** live: running/paused VM, memory streamed; offline: shut-off VM, definition (+ disks when copying). */
    mode: z.enum(['live', 'offline']),
    /** shared: the same path on both hosts; copy: disks copied (live: copy-storage-all, the destination's pool creates the volumes). */
    storage: z.enum(['shared', 'copy']),
    /** direct: the app holds both connections, QEMU streams host to host; p2p: the source host drives it (survives the app). */
    transport: z.enum(['direct', 'p2p']),
    /** p2p only: the migration stream goes through the source daemon's connection to the destination. */
    tunnelled: z.boolean().default(false),
    /** p2p: the destination's libvirt URI as the source reaches it (default qemu+ssh://<user@address>/system). */
    peerUri: z.string().max(300).regex(PEER_URI_RE, 'Use qemu+ssh://[user@]host[:port]/system').optional(),
    /** copy: the destination pool that receives the disks (default: the pool at the disks' own directory). */
    destPool: objectName.optional(),
    /** Keep the definition on the destination. */
    persist: z.boolean().default(true),
    /** Remove the definition from the source once the VM runs on the destination (disks are never deleted). */
    undefineSource: z.boolean().default(true),
    /** MiB/s; absent = unlimited. */
    bandwidthMiBps: z.number().int().min(1).max(1_000_000).optional(),
    /** Longest pause allowed at the switch-over, ms (applied as soon as the transfer starts). */
    maxDowntimeMs: z.number().int().min(10).max(600_000).optional(),
    /** Throttle the guest's vCPUs when it dirties memory faster than it can be sent (initial %, then +increment % per pass). */
    autoConverge: z
      .object({ initial: z.number().int().min(1).max(99), increment: z.number().int().min(1).max(99) })
      .strict()
      .optional(),
    /** Allow switching to post-copy while it runs. */
    postCopy: z.boolean().default(false),
    /** xbzrle: only changed bytes of re-sent pages; zstd: compressed multifd streams (2 connections). */
    compression: z.enum(['none', 'xbzrle', 'zstd']).default('none'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.hostId === s.destHostId)
      ctx.addIssue({ code: 'custom', path: ['destHostId'], message: 'Pick another host than the one the VM is on' });
    if (s.tunnelled && s.transport !== 'p2p')
      ctx.addIssue({ code: 'custom', path: ['tunnelled'], message: 'Tunnelled needs peer-to-peer' });
    if (s.peerUri && s.transport !== 'p2p')
      ctx.addIssue({ code: 'custom', path: ['peerUri'], message: 'Only peer-to-peer uses the source’s URI for the destination' });
    if (s.mode === 'offline' && !s.persist)
      ctx.addIssue({ code: 'custom', path: ['persist'], message: 'An offline migration moves the definition: keep it on the destination' });
    if (s.mode === 'offline' && (s.postCopy || s.autoConverge || s.compression !== 'none' || s.maxDowntimeMs !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mode'],
        message: 'Post-copy, auto-converge, compression and downtime apply to live migrations only',
      });
    }
    if (s.destPool && s.storage !== 'copy')
      ctx.addIssue({ code: 'custom', path: ['destPool'], message: 'A destination pool is used only when copying disks' });
    if (s.tunnelled && s.postCopy)
      ctx.addIssue({ code: 'custom', path: ['postCopy'], message: 'libvirt cannot switch a tunnelled migration to post-copy' });
    if (s.tunnelled && s.compression === 'zstd')
      ctx.addIssue({
        code: 'custom',
        path: ['compression'],
        message: 'zstd uses parallel connections, which a tunnelled migration cannot',
      });
  });
export type MigrationSpec = z.output<typeof MigrationSpec>;
export type MigrationSpecInput = z.input<typeof MigrationSpec>;

export type CheckStatus = 'pass' | 'warn' | 'fail';
/** Fixes the backend applies (migrations.fix); 'choose-pool' and 'rename' are done in the wizard (pick destPool, type newName). */
export type MigrationFixId = 'disk-cache-none' | 'undefine-stale' | 'choose-pool' | 'rename';
export const MIGRATION_FIXES = ['disk-cache-none', 'undefine-stale'] as const;

export interface PreflightCheck {
  id: 'state' | 'disk-cache' | 'cpu' | 'storage' | 'network' | 'name' | 'reachable' | 'memory' | 'versions' | 'job';
  title: string;
  status: CheckStatus;
  /** The reason, in the admin's words (libvirt's or the host's own message quoted when it came from there). */
  message: string;
  /** One line per disk / NIC / … when there are several. */
  details?: string[];
  fix?: { id: MigrationFixId; label: string; detail: string };
}

export interface MigrationPlan {
  checks: PreflightCheck[];
  /** No check failed. */
  canStart: boolean;
  /** Disk bytes that will cross the network (live copy: each disk's full virtual size, qcow2 included). */
  copyBytes: number;
  /** Guest memory (what a live migration sends at least once). */
  memoryBytes: number;
  /** libvirt flags as virsh names them (--live, --p2p, --unsafe …). */
  flags: string[];
  /** The same migration as a virsh command line, for the admin to read (or run). */
  virsh: string;
  /** Where each disk goes (copy storage). */
  disks: { target: string; source: string; dest: string; pool?: string; bytes: number }[];
}

/** A control while it runs; bandwidth 0 = unlimited; throttle caps the guest's vCPUs at percent of one CPU each. */
export const MigrationControl = z.discriminatedUnion('action', [
  z.object({ action: z.literal('max-downtime'), ms: z.number().int().min(10).max(600_000) }).strict(),
  z.object({ action: z.literal('bandwidth'), mibps: z.number().int().min(0).max(1_000_000) }).strict(),
  z.object({ action: z.literal('postcopy') }).strict(),
  z.object({ action: z.literal('throttle'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ action: z.literal('suspend') }).strict(),
]);
export type MigrationControl = z.infer<typeof MigrationControl>;

export interface MigrationRemedy {
  control: MigrationControl;
  label: string;
  /** What the guest goes through, e.g. "one pause of about 3 s at the switch-over". */
  impact: string;
}

export interface MigrationHostState {
  hostId: HostId;
  hostName: string;
  /** 'absent': not defined there; 'unknown': the host did not answer (`detail` says why). */
  state: DomainState | 'absent' | 'unknown';
  persistent: boolean;
  name?: string;
  /** Why the state is what it is, in words: "post-copy failed", or why the host could not be read. */
  detail?: string;
}

export interface MigrationResult {
  /** moved: runs on the destination only; stayed: still (or again) on the source only. */
  outcome: 'moved' | 'stayed' | 'unknown';
  message: string;
  totalMs: number;
  /** The guest's pause at the switch-over (libvirt's measurement). */
  downtimeMs?: number;
  /** Bytes sent (memory and disks). */
  dataBytes?: number;
  source: MigrationHostState;
  dest?: MigrationHostState;
}

export interface MigrationInfo {
  jobId: string;
  source: { hostId: HostId; hostName: string; uuid: string; name: string };
  dest?: { hostId: HostId; hostName: string; name: string };
  /** Absent for a migration found running on a host (started elsewhere, or before the app restarted). */
  spec?: MigrationSpec;
  /** Found on the host (after a restart or a dropped link) rather than started here in this session. */
  reattached: boolean;
  /** null: unknown (found on the host); true when started with post-copy allowed. */
  postCopyAllowed: boolean | null;
  controls: { maxDowntimeMs?: number; bandwidthMiBps?: number; throttlePercent?: number; suspended: boolean; postCopy: boolean };
  /** Remaining bytes over time, for the graph: [ms since start, memory/data remaining]. */
  samples: [number, number][];
  nonConvergence?: { since: number; message: string };
  /** Best first: least impact on the guest. */
  remedies: MigrationRemedy[];
  log: { at: number; text: string }[];
  result?: MigrationResult;
}

/**
 * Keys of job.figures for a migration (absent when not known yet): elapsedMs, dataTotal,
 * dataProcessed, dataRemaining, memTotal, memProcessed, memRemaining, memBps, diskTotal,
 * diskProcessed, diskRemaining, diskBps, speedBps (memory + disk), dirtyPagesPerSec, dirtyBps,
 * pageSize, iteration, expectedDowntimeMs (estimate: memRemaining / memBps), etaSec (-1: not at
 * this rate), throttlePct, postcopy (0/1), nonConverging (0/1), copyDone/copyTotal (offline disk
 * copy), and at the end totalMs, downtimeMs, dataSent.
 */
export const MIGRATION_FIGURES = [
  'elapsedMs',
  'dataTotal',
  'dataProcessed',
  'dataRemaining',
  'memTotal',
  'memProcessed',
  'memRemaining',
  'memBps',
  'diskTotal',
  'diskProcessed',
  'diskRemaining',
  'diskBps',
  'speedBps',
  'dirtyPagesPerSec',
  'dirtyBps',
  'pageSize',
  'iteration',
  'expectedDowntimeMs',
  'etaSec',
  'throttlePct',
  'postcopy',
  'nonConverging',
  'copyDone',
  'copyTotal',
  'totalMs',
  'downtimeMs',
  'dataSent',
] as const;
// ---- end migration

// ---------------------------------------------------------------------------------------------
// Requests

const empty = z.object({}).strict();
const hostRef = z.object({ hostId: HostId }).strict();
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a UUID');
const domainRef = z.object({ hostId: HostId, uuid }).strict();

/** Declares an output type without a runtime schema: outputs are produced by our own code. */
function out<T>(): T {
  return undefined as T;
}

export const requests = {
  'app.info': { input: empty, output: out<AppInfo>() },
  'hosts.list': { input: empty, output: out<HostInfo[]>() },
  'hosts.add': { input: z.object({ spec: HostSpec, connect: z.boolean().default(true) }).strict(), output: out<HostInfo>() },
  'hosts.remove': { input: hostRef, output: out<null>() },
  'hosts.connect': { input: hostRef, output: out<HostInfo>() },
  'hosts.disconnect': { input: hostRef, output: out<HostInfo>() },
  'prompts.answer': {
    input: z.object({ id: z.string().min(1).max(64), accept: z.boolean(), secret: z.string().max(1024).optional() }).strict(),
    output: out<null>(),
  },
  'hosts.update': {
    input: z
      .object({
        hostId: HostId,
        name: z.string().min(1).max(64).optional(),
        address: address.optional(),
        port: z.number().int().min(1).max(65535).optional(),
        user: sshUser.optional(),
        auth: HostAuth.optional(),
        /** '' removes the jump host. */
        jump: z.union([JumpHost, z.literal('')]).optional(),
        autoconnect: z.boolean().optional(),
      })
      .strict(),
    output: out<HostInfo>(),
  },
  'hosts.reorder': { input: z.object({ order: z.array(HostId).max(1000) }).strict(), output: out<null>() },
  'hosts.details': { input: hostRef, output: out<HostDetails>() },
  'domains.list': { input: z.object({ hostId: HostId.optional() }).strict(), output: out<DomainSummary[]>() },
  'domains.details': { input: domainRef, output: out<DomainDetails>() },
  'domains.action': {
    input: domainRef.extend({ action: z.enum(['start', 'shutdown', 'reboot', 'destroy', 'suspend', 'resume']) }).strict(),
    output: out<null>(),
  },
  /** Undefine (destroying first when running) and delete the chosen volumes. confirmName must equal the domain's name. */
  'domains.delete': {
    input: domainRef.extend({ confirmName: z.string().max(65536), deleteVolumes: z.array(z.string().min(1).max(4096)).max(64) }).strict(),
    output: out<{ deletedVolumes: string[] }>(),
  },
  'jobs.list': { input: empty, output: out<Job[]>() },
  'jobs.cancel': { input: z.object({ jobId: z.string().min(1).max(64) }).strict(), output: out<Job>() },
  // ---- consoles (serial + VNC)
  /** Opens a console session for a VM; force takes the serial console over from another client. */
  'consoles.open': {
    input: domainRef.extend({ kind: z.enum(['serial', 'vnc']), force: z.boolean().default(false) }).strict(),
    output: out<ConsoleInfo>(),
  },
  /** Ends the session and frees its channel (the serial console, the VNC forward). */
  'consoles.close': { input: consoleRef, output: out<null>() },
  /** Serial: takes the console over from the client holding it (libvirt's FORCE). */
  'consoles.force': { input: consoleRef, output: out<ConsoleInfo>() },
  /** Tries again now (after a failure, or when the viewer disconnected). */
  'consoles.reconnect': { input: consoleRef, output: out<ConsoleInfo>() },
  'consoles.list': { input: empty, output: out<ConsoleInfo[]>() },
  /** Adds <serial type='pty'> + <console> to the persistent definition (effective at the next boot). */
  'consoles.addSerial': { input: domainRef, output: out<{ name: string; running: boolean }>() },
  // ---- end consoles
  // ---- QoS and USB
  /** The VM's QoS now (live) and for the next boot (config), with the host's CPU topology. */
  'qos.get': { input: domainRef, output: out<QosState>() },
  /** Block I/O limits of one disk (by target, e.g. vda); all six values are set (0 = none). */
  'qos.setDisk': { input: domainRef.extend({ scope: applyScope, disk: diskTarget, tune: DiskIoTune }).strict(), output: out<QosApplied>() },
  /** Bandwidth of one NIC (by MAC). */
  'qos.setNic': {
    input: domainRef.extend({ scope: applyScope, mac: macAddress, bandwidth: NicBandwidth }).strict(),
    output: out<QosApplied>(),
  },
  'qos.setCpu': { input: domainRef.extend({ scope: applyScope, tune: CpuTune }).strict(), output: out<QosApplied>() },
  'qos.setPinning': { input: domainRef.extend({ scope: applyScope, pinning: CpuPinning }).strict(), output: out<QosApplied>() },
  /** The host's USB devices (root hubs left out) and which VMs have each. */
  'usb.list': { input: hostRef, output: out<HostUsbList>() },
  /** The VM's USB devices, live and in its definition. */
  'usb.domain': { input: domainRef, output: out<VmUsb>() },
  /** Passes a host USB device through. A device another VM has is refused unless takeover (the UI asks first). */
  'usb.attachHost': {
    input: domainRef.extend({ scope: applyScope, device: nodeDeviceName, takeover: z.boolean().default(false) }).strict(),
    output: out<VmUsb>(),
  },
  'usb.attachEmulated': { input: domainRef.extend({ scope: applyScope, device: EmulatedUsbSpec }).strict(), output: out<VmUsb>() },
  /** Detaches a device of usb.domain by its id. */
  'usb.detach': { input: domainRef.extend({ scope: applyScope, id: z.string().min(1).max(512) }).strict(), output: out<VmUsb>() },
  /** Volumes of the host's active pools, for an emulated USB disk. */
  'usb.volumes': { input: hostRef, output: out<UsbVolume[]>() },
  // ---- end QoS and USB
  // ---- install and clone
  /** What the install wizard offers on a host: OS list, pools, networks, bridges, hypervisor defaults. */
  'install.options': { input: hostRef, output: out<InstallOptions>() },
  /** The volumes of one pool (ISOs, disk images). */
  'install.volumes': { input: z.object({ hostId: HostId, pool: icName }).strict(), output: out<StorageVolumeInfo[]>() },
  /** The exact definition, volumes and chosen defaults of a spec; creates nothing. */
  'install.preview': { input: InstallSpec, output: out<InstallPreview>() },
  /** Creates the disk, defines and (by default) starts the VM: a Job that removes what it made if it fails or is cancelled. */
  'install.create': { input: InstallSpec, output: out<{ job: Job; uuid: string; name: string }>() },
  /** Uploads a local file (an ISO) into a new volume: a Job; the bytes go through `channel` (see UPLOAD_WINDOW). */
  'install.upload': {
    input: z
      .object({ hostId: HostId, pool: icName, name: icNewVolume, size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })
      .strict(),
    output: out<{ job: Job; channel: string; volume: PlannedVolume }>(),
  },
  /** What cloning a VM to a host (its own or another) involves: its disks and NICs, the target's pools and networks. */
  'clone.options': { input: domainRef.extend({ targetHostId: HostId }).strict(), output: out<CloneOptions>() },
  /** The clone's definition and copies; creates nothing. */
  'clone.preview': { input: CloneSpec, output: out<ClonePreview>() },
  /** Copies the disks and defines the clone: a Job that removes what it made on the target if it fails or is cancelled. */
  'clone.start': { input: CloneSpec, output: out<{ job: Job; uuid: string; name: string; hostId: HostId }>() },
  // ---- end install and clone
  // ---- migration
  /** Runs the pre-flight checks of a planned migration; changes nothing. */
  'migrations.preflight': { input: MigrationSpec, output: out<MigrationPlan>() },
  /** Applies one check's fix (switch disk cache to none in the source's definition; undefine a stale copy on the destination), then checks again. */
  'migrations.fix': { input: z.object({ spec: MigrationSpec, fix: z.enum(MIGRATION_FIXES) }).strict(), output: out<MigrationPlan>() },
  /** Checks again and starts: a Job; refused when a check fails. */
  'migrations.start': { input: MigrationSpec, output: out<Job>() },
  'migrations.get': { input: z.object({ jobId: z.string().min(1).max(64) }).strict(), output: out<MigrationInfo>() },
  /** Steers a running migration (max downtime, bandwidth, post-copy, throttle, suspend). */
  'migrations.control': {
    input: z.object({ jobId: z.string().min(1).max(64), control: MigrationControl }).strict(),
    output: out<MigrationInfo>(),
  },
  // ---- end migration
} as const;

export type RequestName = keyof typeof requests;
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
/** The input after validation (defaults applied): what services receive. */
export type ParsedInput<N extends RequestName> = z.output<(typeof requests)[N]['input']>;
export type RequestOutput<N extends RequestName> = (typeof requests)[N]['output'];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

// ---------------------------------------------------------------------------------------------
// Events: small, carrying ids and deltas; the renderer refetches what it needs.

export interface Events {
  'host.state': { hostId: HostId; state: HostStatus };
  'domain.changed': { hostId: HostId; uuid: string; name: string; state?: DomainState; removed?: boolean };
  'job.progress': Job;
  prompt: Prompt;
  /** Rates of every domain on a host, sampled every 2 s while someone listens. */
  'domain.stats': { hostId: HostId; at: number; samples: DomainStatsSample[] };
  // ---- consoles (serial + VNC)
  'console.state': ConsoleInfo;
}
export type EventName = keyof Events;
export const eventNames: readonly EventName[] = EVENT_NAMES;
// The channel list and the Events interface must name the same events.
type _SameEvents = [EventName] extends [(typeof EVENT_NAMES)[number]]
  ? [(typeof EVENT_NAMES)[number]] extends [EventName]
    ? true
    : never
  : never;
const _sameEvents: _SameEvents = true;
void _sameEvents;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

/** What both transports expose to the renderer (window.vireo in Electron; a WebSocket client otherwise). */
export interface VireoApi {
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Result<RequestOutput<N>>>;
  subscribe<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
  // ---- consoles (serial + VNC)
  /** Attaches to a console channel (ConsoleState 'open'): bytes both ways until either side closes. */
  attachStream(channel: string, sink: StreamSink): StreamHandle;
}

/**
 * Messages from a browser on the web bridge's WebSocket; the bridge checks every frame against
 * this schema before acting on it (a frame may be anything: `null`, an array, 8 MiB of digits).
 */
export const wsClientMessageSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('invoke'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    // Unknown names are answered by the dispatcher (`unknown-request`); input by each request's schema.
    name: z.string().max(200),
    input: z.unknown(),
  }),
  z.object({ t: z.literal('subscribe'), event: z.enum(EVENT_NAMES) }),
  z.object({ t: z.literal('unsubscribe'), event: z.enum(EVENT_NAMES) }),
]);
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;
export type WsServerMessage = { t: 'result'; id: number; result: Result<unknown> } | { t: 'event'; event: EventName; payload: unknown };

export const objectNameSchema = objectName;
