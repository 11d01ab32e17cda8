/**
 * The one contract between the renderer and the backend (Electron main, or the web bridge).
 *
 * Every request: a name, a zod schema for its input (validated in the backend before any
 * service sees it) and the TypeScript type of its output. Every event: a name and its payload
 * type. The preload, ipc.ts, web.ts and renderer/api.ts are all typed from this file; nothing
 * else crosses the boundary. The value types and schemas live in one file per feature beside it.
 */
import { z } from 'zod';
import { EVENT_NAMES } from '../channels';
import type { CloneOptions, ClonePreview } from './clone';
import { CloneSpec } from './clone';
import {
  DiskTarget,
  domainRef,
  emptyInput,
  HostAddress,
  HostId,
  hostRef,
  JobId,
  LibvirtUri,
  MacAddress,
  NodeDeviceName,
  ObjectName,
  type Result,
  VolumeFileName,
} from './common';
import { type ConsoleInfo, consoleRef, type StreamHandle, type StreamSink } from './consoles';
import { DOMAIN_ACTIONS, type DomainDetails, type DomainState, type DomainSummary } from './domains';
import { type GuestEvents, guestRequests } from './guest';
import {
  type AppInfo,
  HostAuth,
  type HostDetails,
  type HostInfo,
  HostSpec,
  type HostStatus,
  JumpHost,
  type Prompt,
  SshUser,
} from './hosts';
import { type InstallOptions, type InstallPreview, InstallSpec, type PlannedVolume, type StorageVolumeInfo } from './install';
import type { Job, MigrationJob } from './jobs';
import { MIGRATION_FIXES, MigrationControl, type MigrationInfo, type MigrationPlan, MigrationSpec } from './migration';
import { type NetworkEvents, networkRequests } from './networks';
import { out } from './out';
import { applyScope, CpuPinning, CpuTune, DiskIoTune, NicBandwidth, type QosApplied, type QosState } from './qos';
import { type SettingsEvents, settingsRequests } from './settings';
import { type SnapshotEvents, snapshotRequests } from './snapshots';
import type { DomainStatsSample } from './stats';
import { type StorageEvents, storageRequests } from './storage';
import { type TuningEvents, tuningRequests } from './tuning';
import { EmulatedUsbSpec, type HostUsbList, type UsbVolume, type VmUsb } from './usb';

export const requests = {
  'app.info': { input: emptyInput, output: out<AppInfo>() },
  'hosts.list': { input: emptyInput, output: out<HostInfo[]>() },
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
        address: HostAddress.optional(),
        port: z.number().int().min(1).max(65535).optional(),
        user: SshUser.optional(),
        auth: HostAuth.optional(),
        /** '' removes the jump host. */
        jump: z.union([JumpHost, z.literal('')]).optional(),
        autoconnect: z.boolean().optional(),
        /** The libvirt URI on the host (a change reconnects). */
        uri: LibvirtUri.optional(),
      })
      .strict(),
    output: out<HostInfo>(),
  },
  /** After a refused changed host key: forget the old keys that refusal named (Vireo's known_hosts only), then connect and ask for the new one. */
  'hosts.forgetHostKey': {
    input: z
      .object({
        hostId: HostId,
        fingerprints: z
          .array(z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Not an SSH key fingerprint (SHA256:…)'))
          .min(1)
          .max(16),
      })
      .strict(),
    output: out<HostInfo>(),
  },
  'hosts.reorder': { input: z.object({ order: z.array(HostId).max(1000) }).strict(), output: out<null>() },
  'hosts.details': { input: hostRef, output: out<HostDetails>() },
  'domains.list': { input: z.object({ hostId: HostId.optional() }).strict(), output: out<DomainSummary[]>() },
  'domains.details': { input: domainRef, output: out<DomainDetails>() },
  'domains.action': {
    input: domainRef.extend({ action: z.enum(DOMAIN_ACTIONS) }).strict(),
    output: out<null>(),
  },
  /** Undefine (destroying first when running) and delete the chosen volumes. confirmName must equal the domain's name. */
  'domains.delete': {
    input: domainRef.extend({ confirmName: z.string().max(65536), deleteVolumes: z.array(z.string().min(1).max(4096)).max(64) }).strict(),
    output: out<{ deletedVolumes: string[] }>(),
  },
  'jobs.list': { input: emptyInput, output: out<Job[]>() },
  'jobs.cancel': { input: z.object({ jobId: JobId }).strict(), output: out<Job>() },
  /** One job with its whole detail (a migration's graph history and log, which job.progress leaves out). Finished jobs are kept 15 min. */
  'jobs.get': { input: z.object({ jobId: JobId }).strict(), output: out<Job>() },
  // ---- consoles (serial + VNC)
  /** Opens a console session for a VM; force takes the serial console over from another client. */
  'consoles.open': {
    input: domainRef
      .extend({
        kind: z.enum(['serial', 'vnc']),
        force: z.boolean().default(false),
        /** Serial: which serial/console device (its alias, e.g. serial1; settings.consoleDevices lists them); absent = the first. */
        device: z
          .string()
          .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'A device alias (serial0, console1 …)')
          .optional(),
      })
      .strict(),
    output: out<ConsoleInfo>(),
  },
  /** Ends the session and frees its channel (the serial console, the VNC forward). */
  'consoles.close': { input: consoleRef, output: out<null>() },
  /** Serial: takes the console over from the client holding it (libvirt's FORCE). */
  'consoles.force': { input: consoleRef, output: out<ConsoleInfo>() },
  /** Tries again now (after a failure, or when the viewer disconnected). */
  'consoles.reconnect': { input: consoleRef, output: out<ConsoleInfo>() },
  'consoles.list': { input: emptyInput, output: out<ConsoleInfo[]>() },
  /** Adds <serial type='pty'> + <console> to the persistent definition (effective at the next boot). */
  'consoles.addSerial': { input: domainRef, output: out<{ name: string; running: boolean }>() },
  // ---- end consoles
  // ---- QoS and USB
  /** The VM's QoS now (live) and for the next boot (config), with the host's CPU topology. */
  'qos.get': { input: domainRef, output: out<QosState>() },
  /** Block I/O limits of one disk (by target, e.g. vda); all six values are set (0 = none). */
  'qos.setDisk': { input: domainRef.extend({ scope: applyScope, disk: DiskTarget, tune: DiskIoTune }).strict(), output: out<QosApplied>() },
  /** Bandwidth of one NIC (by MAC). */
  'qos.setNic': {
    input: domainRef.extend({ scope: applyScope, mac: MacAddress, bandwidth: NicBandwidth }).strict(),
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
    input: domainRef.extend({ scope: applyScope, device: NodeDeviceName, takeover: z.boolean().default(false) }).strict(),
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
  'install.volumes': { input: z.object({ hostId: HostId, pool: ObjectName }).strict(), output: out<StorageVolumeInfo[]>() },
  /** The exact definition, volumes and chosen defaults of a spec; creates nothing. */
  'install.preview': { input: InstallSpec, output: out<InstallPreview>() },
  /** Creates the disk, defines and (by default) starts the VM: a Job that removes what it made if it fails or is cancelled. */
  'install.create': { input: InstallSpec, output: out<{ job: Job; uuid: string; name: string }>() },
  /** Uploads a local file (an ISO) into a new volume: a Job; the bytes go through `channel` (see UPLOAD_WINDOW). */
  'install.upload': {
    input: z
      .object({ hostId: HostId, pool: ObjectName, name: VolumeFileName, size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })
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
  /** The job's detail carries the live figures and the rest (jobs.get adds the graph's history and the log). */
  'migrations.start': { input: MigrationSpec, output: out<MigrationJob>() },
  /** Steers a running migration (max downtime, bandwidth, post-copy, throttle, suspend). */
  'migrations.control': {
    input: z.object({ jobId: JobId, control: MigrationControl }).strict(),
    output: out<MigrationInfo>(),
  },
  // ---- end migration
  // Wave 2: one file per feature holds its requests (and its events), spread in here.
  ...storageRequests,
  ...networkRequests,
  ...snapshotRequests,
  ...settingsRequests,
  ...guestRequests,
  ...tuningRequests,
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

export interface Events extends StorageEvents, NetworkEvents, SnapshotEvents, SettingsEvents, GuestEvents, TuningEvents {
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
