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
  memory: { totalKiB: number; freeBytes: number };
  pools: StoragePoolSummary[];
  networks: NetworkSummary[];
}

/** One domain's rates between two samples (per second). */
export interface DomainStatsSample {
  uuid: string;
  /** 100 = one host CPU fully busy. */
  cpuPercent: number;
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
  /** The demo lab (e2e/lab) is up: its hosts can be added with one click. */
  lab: { available: boolean; hosts: { name: string; address: string }[] };
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
  'hosts.addLab': { input: empty, output: out<HostInfo[]>() },
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
    input: domainRef.extend({ confirmName: z.string().max(1024), deleteVolumes: z.array(z.string().min(1).max(4096)).max(64) }).strict(),
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

/** Messages on the web bridge's WebSocket. */
export type WsClientMessage =
  | { t: 'invoke'; id: number; name: string; input: unknown }
  | { t: 'subscribe'; event: string }
  | { t: 'unsubscribe'; event: string };
export type WsServerMessage = { t: 'result'; id: number; result: Result<unknown> } | { t: 'event'; event: EventName; payload: unknown };

export const objectNameSchema = objectName;
