// Domains (virDomain*): listing, stats, lifecycle, XML, devices, tuning, pinning, console, jobs.
// Migration has its own module (migration.ts).
// Over 400 lines on purpose: one thin typed wrapper per libvirt call (about 50), nothing else;
// a new family of calls gets its own module, as snapshots (snapshot.ts) and migration did.

import type { LibvirtStream, RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { REMOTE_DOMAIN_LIST_MAX, type RemoteDomainStatsRecord, readRemoteDomainStatsRecord } from './gen/remote_protocol.gen';
import {
  BlockIoTuneSchema,
  InterfaceParamsSchema,
  type ParamInput,
  type ParamRecord,
  paramsFromRecord,
  remoteParamsToRecord,
  SchedulerParamsSchema,
  toRemoteTypedParams,
  typedParam,
} from './params';
import {
  type CallOpts,
  callOpts,
  type DomainRef,
  type DomainStateName,
  DomainStatsTypes,
  domainStateName,
  hyperNumber,
  listAllArgs,
  TypedParamFlags,
} from './protocol';
import { callRemote, callRemoteList, openRemoteStream } from './remote';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;
const domAndFlags = (dom: DomainRef, o?: { flags?: number }) => ({ dom, flags: flagsOf(o) });

// ---- listing and lookup ------------------------------------------------------------------------

/** All domains matching `flags` (ListDomainsFlags; 0 = all), in the daemon's order. */
export async function domainListAll(rpc: RpcClient, o?: Flags): Promise<DomainRef[]> {
  return (await callRemote(rpc, P.CONNECT_LIST_ALL_DOMAINS, listAllArgs(flagsOf(o)), callOpts(o))).domains;
}

export async function domainLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<DomainRef> {
  return (await callRemote(rpc, P.DOMAIN_LOOKUP_BY_NAME, { name }, callOpts(o))).dom;
}

export async function domainLookupByUuid(rpc: RpcClient, uuid: string, o?: CallOpts): Promise<DomainRef> {
  return (await callRemote(rpc, P.DOMAIN_LOOKUP_BY_UUID, { uuid }, callOpts(o))).dom;
}

// ---- stats ---------------------------------------------------------------------------------------

/** One domain's record from CONNECT_GET_ALL_DOMAIN_STATS: keys as virsh domstats prints them. */
export interface DomainStatsRecord {
  domain: DomainRef;
  stats: ParamRecord;
}

/** remote_connect_get_all_domain_stats_ret is `remote_domain_stats_record retStats<REMOTE_DOMAIN_LIST_MAX>`. */
export const STATS_RECORDS = { read: readRemoteDomainStatsRecord, max: REMOTE_DOMAIN_LIST_MAX };
const toStatsRecord = (rec: RemoteDomainStatsRecord): DomainStatsRecord => ({ domain: rec.dom, stats: remoteParamsToRecord(rec.params) });

/**
 * Stats of many domains in one call (virsh domstats). `stats` selects groups (DomainStatsTypes;
 * 0 = all the driver supports), `flags` filters domains (DomainStatsFlags). `doms` restricts to
 * those domains (then the filter flags must be 0).
 */
export async function domainGetAllStats(
  rpc: RpcClient,
  o: {
    doms?: readonly DomainRef[];
    stats?: number;
    flags?: number;
  } & CallOpts = {},
): Promise<DomainStatsRecord[]> {
  const args = { doms: o.doms ?? [], stats: (o.stats ?? 0) >>> 0, flags: flagsOf(o) };
  return callRemoteList(rpc, P.CONNECT_GET_ALL_DOMAIN_STATS, args, STATS_RECORDS, toStatsRecord, callOpts(o));
}

export interface DomainWithState extends DomainRef {
  state: number;
  stateName: DomainStateName;
  reason: number;
}

/**
 * Every domain with its state in one round trip (virsh list --all needs one call per domain):
 * the STATE stats group of CONNECT_GET_ALL_DOMAIN_STATS, which reads no guest monitor.
 */
export async function domainListAllWithState(rpc: RpcClient, o?: Flags): Promise<DomainWithState[]> {
  const recs = await domainGetAllStats(rpc, {
    stats: DomainStatsTypes.STATE,
    flags: flagsOf(o),
    ...callOpts(o),
  });
  return recs.map(({ domain, stats }) => {
    const state = Number(stats['state.state'] ?? 0);
    return {
      ...domain,
      state,
      stateName: domainStateName(state),
      reason: Number(stats['state.reason'] ?? 0),
    };
  });
}

// ---- state and info ------------------------------------------------------------------------------

export interface DomainStateInfo {
  state: number;
  stateName: DomainStateName;
  /** Reason code, per state (virDomainRunningReason, virDomainShutoffReason, …). */
  reason: number;
}

/** virsh domstate --reason. */
export async function domainGetState(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<DomainStateInfo> {
  const { state, reason } = await callRemote(rpc, P.DOMAIN_GET_STATE, domAndFlags(dom, o), callOpts(o));
  return { state, stateName: domainStateName(state), reason };
}

/** virDomainInfo (virsh dominfo's numbers). */
export interface DomainInfo {
  state: number;
  maxMemKiB: number;
  memoryKiB: number;
  vcpus: number;
  /** Total CPU time used, ns. */
  cpuTimeNs: number;
}

export async function domainGetInfo(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<DomainInfo> {
  const r = await callRemote(rpc, P.DOMAIN_GET_INFO, { dom }, callOpts(o));
  return {
    state: r.state,
    maxMemKiB: hyperNumber(r.maxMem),
    memoryKiB: hyperNumber(r.memory),
    vcpus: r.nrVirtCpu,
    cpuTimeNs: hyperNumber(r.cpuTime),
  };
}

// ---- XML and definition --------------------------------------------------------------------------

/** The domain XML (virsh dumpxml); flags: DomainXmlFlags. */
export async function domainGetXmlDesc(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.DOMAIN_GET_XML_DESC, domAndFlags(dom, o), callOpts(o))).xml;
}

/** Defines (or updates) a persistent domain from XML; flags: DefineFlags. */
export async function domainDefineXml(rpc: RpcClient, a: { xml: string } & Flags): Promise<DomainRef> {
  return (await callRemote(rpc, P.DOMAIN_DEFINE_XML_FLAGS, { xml: a.xml, flags: flagsOf(a) }, callOpts(a))).dom;
}

/** Removes the persistent definition; flags: UndefineFlags (NVRAM, MANAGED_SAVE, …). */
export async function domainUndefine(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_UNDEFINE_FLAGS, domAndFlags(dom, o), callOpts(o));
}

// ---- lifecycle -----------------------------------------------------------------------------------

/** Starts a defined domain; returns its reference with the new id. flags: CreateFlags. */
export async function domainCreate(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<DomainRef> {
  return (await callRemote(rpc, P.DOMAIN_CREATE_WITH_FLAGS, domAndFlags(dom, o), callOpts(o))).dom;
}

/** Asks the guest to shut down (returns before it has); flags: ShutdownFlags. */
export async function domainShutdown(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_SHUTDOWN_FLAGS, domAndFlags(dom, o), callOpts(o));
}

/** Stops the domain now (power off); flags: DestroyFlags. */
export async function domainDestroy(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_DESTROY_FLAGS, domAndFlags(dom, o), callOpts(o));
}

/** flags: RebootFlags. */
export async function domainReboot(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_REBOOT, domAndFlags(dom, o), callOpts(o));
}

export async function domainSuspend(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.DOMAIN_SUSPEND, { dom }, callOpts(o));
}

export async function domainResume(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.DOMAIN_RESUME, { dom }, callOpts(o));
}

/** Resets the guest at once, like its reset button (no shutdown inside; the QEMU process stays). */
export async function domainReset(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_RESET, domAndFlags(dom, o), callOpts(o));
}

/** Sends the guest a non-maskable interrupt (a kernel set to panic on NMI dumps its state). */
export async function domainInjectNmi(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_INJECT_NMI, domAndFlags(dom, o), callOpts(o));
}

/** Saves the guest's memory to libvirt's managed image and stops it; the next start restores it. flags: ManagedSave (BYPASS_CACHE 1, RUNNING 2, PAUSED 4). */
export async function domainManagedSave(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_MANAGED_SAVE, domAndFlags(dom, o), callOpts(o));
}

/** Deletes the managed-save image: the next start boots afresh. */
export async function domainManagedSaveRemove(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_MANAGED_SAVE_REMOVE, domAndFlags(dom, o), callOpts(o));
}

/** The definition inside a save image (virsh save-image-dumpxml); flags: DomainXmlFlags (SECURE). */
export async function domainSaveImageGetXmlDesc(rpc: RpcClient, a: { file: string } & Flags): Promise<string> {
  return (await callRemote(rpc, P.DOMAIN_SAVE_IMAGE_GET_XML_DESC, { file: a.file, flags: flagsOf(a) }, callOpts(a))).xml;
}

/** Starts a defined domain from a save image (virsh restore --xml): `xml` replaces the image's definition (e.g. its disk paths); flags: RUNNING 4, PAUSED 8. */
export async function domainRestoreFlags(rpc: RpcClient, a: { from: string; xml?: string } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_RESTORE_FLAGS, { from: a.from, dxml: a.xml ?? null, flags: flagsOf(a) }, callOpts(a));
}

// ---- devices -------------------------------------------------------------------------------------

/** Hot-plugs and/or persists a device; flags: DeviceModifyFlags (LIVE, CONFIG). */
export async function domainAttachDevice(rpc: RpcClient, dom: DomainRef, a: { xml: string } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_ATTACH_DEVICE_FLAGS, { dom, xml: a.xml, flags: flagsOf(a) }, callOpts(a));
}

/**
 * Asks to unplug a device. A live detach only starts the unplug: the guest may take its time
 * (or refuse); wait for the DEVICE_REMOVED / DEVICE_REMOVAL_FAILED event.
 */
export async function domainDetachDevice(rpc: RpcClient, dom: DomainRef, a: { xml: string } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_DETACH_DEVICE_FLAGS, { dom, xml: a.xml, flags: flagsOf(a) }, callOpts(a));
}

/**
 * Starts copying a running disk (`disk`: its target) to the destination described by `destXml`
 * (a disk element), mirroring new writes; at "ready" (BLOCK_JOB event, status 3) a block-job abort with
 * PIVOT switches the guest to the copy. flags: BlockCopyFlags (SHALLOW 1, REUSE_EXT 2, TRANSIENT_JOB 4);
 * bandwidth: bytes a second at most (the typed param VIR_DOMAIN_BLOCK_COPY_BANDWIDTH).
 */
export async function domainBlockCopy(
  rpc: RpcClient,
  dom: DomainRef,
  a: { disk: string; destXml: string; bandwidth?: number } & Flags,
): Promise<void> {
  const params = toRemoteTypedParams(a.bandwidth ? [typedParam('bandwidth', 'ullong', a.bandwidth)] : []);
  await callRemote(rpc, P.DOMAIN_BLOCK_COPY, { dom, path: a.disk, destxml: a.destXml, params, flags: flagsOf(a) }, callOpts(a));
}

/** Changes a device in place (a CD-ROM's medium, a NIC's link state); flags: DeviceModifyFlags. */
export async function domainUpdateDevice(rpc: RpcClient, dom: DomainRef, a: { xml: string } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_UPDATE_DEVICE_FLAGS, { dom, xml: a.xml, flags: flagsOf(a) }, callOpts(a));
}

// ---- settings ------------------------------------------------------------------------------------
/** Grows (or shrinks!) a running domain's disk image to `bytes` (virsh blockresize --bytes). Callers check the direction. */
export async function domainBlockResize(rpc: RpcClient, dom: DomainRef, a: { disk: string; bytes: number } & CallOpts): Promise<void> {
  // VIR_DOMAIN_BLOCK_RESIZE_BYTES = 1: the size is in bytes, not KiB.
  await callRemote(rpc, P.DOMAIN_BLOCK_RESIZE, { dom, disk: a.disk, size: a.bytes, flags: 1 }, callOpts(a));
}

/** A disk's capacity, allocation and physical size in bytes (virsh domblkinfo); `disk` = target or path. */
export async function domainGetBlockInfo(
  rpc: RpcClient,
  dom: DomainRef,
  a: { disk: string } & CallOpts,
): Promise<{ capacity: number; allocation: number; physical: number }> {
  const r = await callRemote(rpc, P.DOMAIN_GET_BLOCK_INFO, { dom, path: a.disk, flags: 0 }, callOpts(a));
  return { capacity: hyperNumber(r.capacity), allocation: hyperNumber(r.allocation), physical: hyperNumber(r.physical) };
}

/** vCPU counts (virsh setvcpus); flags: VcpuFlags (LIVE, CONFIG, MAXIMUM …). */
export async function domainSetVcpus(rpc: RpcClient, dom: DomainRef, a: { nvcpus: number } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_SET_VCPUS_FLAGS, { dom, nvcpus: a.nvcpus, flags: flagsOf(a) }, callOpts(a));
}

/** virsh vcpucount: one count, chosen by flags (VcpuFlags). */
export async function domainGetVcpus(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<number> {
  return (await callRemote(rpc, P.DOMAIN_GET_VCPUS_FLAGS, domAndFlags(dom, o), callOpts(o))).num;
}

/** Memory in KiB (virsh setmem / setmaxmem --config); flags: MemoryFlags (LIVE, CONFIG, MAXIMUM). */
export async function domainSetMemory(rpc: RpcClient, dom: DomainRef, a: { kib: number } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_SET_MEMORY_FLAGS, { dom, memory: a.kib, flags: flagsOf(a) }, callOpts(a));
}

export async function domainIsActive(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.DOMAIN_IS_ACTIVE, { dom }, callOpts(o))).active !== 0;
}

export async function domainIsPersistent(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.DOMAIN_IS_PERSISTENT, { dom }, callOpts(o))).persistent !== 0;
}

/** The running domain's definition was changed for the next boot (virDomainIsUpdated). */
export async function domainIsUpdated(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.DOMAIN_IS_UPDATED, { dom }, callOpts(o))).updated !== 0;
}

export async function domainGetAutostart(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.DOMAIN_GET_AUTOSTART, { dom }, callOpts(o))).autostart !== 0;
}

export async function domainSetAutostart(rpc: RpcClient, dom: DomainRef, a: { autostart: boolean } & CallOpts): Promise<void> {
  await callRemote(rpc, P.DOMAIN_SET_AUTOSTART, { dom, autostart: a.autostart ? 1 : 0 }, callOpts(a));
}

/** Renames a shut-off domain (virsh domrename). */
export async function domainRename(rpc: RpcClient, dom: DomainRef, a: { name: string } & Flags): Promise<void> {
  await callRemote(rpc, P.DOMAIN_RENAME, { dom, new_name: a.name, flags: flagsOf(a) }, callOpts(a));
}

/** Title or description (MetadataType.TITLE / DESCRIPTION); null removes it. flags: Impact. */
export async function domainSetMetadata(
  rpc: RpcClient,
  dom: DomainRef,
  a: { type: number; metadata: string | null } & Flags,
): Promise<void> {
  const args = { dom, type: a.type, metadata: a.metadata, key: null, uri: null, flags: flagsOf(a) };
  await callRemote(rpc, P.DOMAIN_SET_METADATA, args, callOpts(a));
}

// ---- tuning (typed params) -----------------------------------------------------------------------
// libvirt's "get" calls take how many params the caller has room for; asked with 0 they answer
// how many there are. We ask twice, as virsh does. Getters pass TypedParamFlags.STRING_OKAY like
// libvirt's client library, or string params (group_name) are left out.
const getFlags = (o?: { flags?: number }): number => (flagsOf(o) | TypedParamFlags.STRING_OKAY) >>> 0;

/** Block I/O limits of one disk (target like 'vda' or its path); virsh blkdeviotune. flags: Impact. */
export async function domainGetBlockIoTune(rpc: RpcClient, dom: DomainRef, a: { disk: string } & Flags): Promise<ParamRecord> {
  const ask = (nparams: number) =>
    callRemote(rpc, P.DOMAIN_GET_BLOCK_IO_TUNE, { dom, disk: a.disk, nparams, flags: getFlags(a) }, callOpts(a));
  const { nparams } = await ask(0);
  return remoteParamsToRecord((await ask(nparams)).params);
}

/** Sets block I/O limits (only the keys given); 0 removes a limit. flags: Impact. */
export async function domainSetBlockIoTune(
  rpc: RpcClient,
  dom: DomainRef,
  a: { disk: string; params: Readonly<Record<string, ParamInput>> } & Flags,
): Promise<void> {
  const params = toRemoteTypedParams(paramsFromRecord(a.params, BlockIoTuneSchema));
  await callRemote(rpc, P.DOMAIN_SET_BLOCK_IO_TUNE, { dom, disk: a.disk, params, flags: flagsOf(a) }, callOpts(a));
}

/** Bandwidth limits of one interface (target dev or MAC); virsh domiftune. flags: Impact. */
export async function domainGetInterfaceParameters(rpc: RpcClient, dom: DomainRef, a: { device: string } & Flags): Promise<ParamRecord> {
  const ask = (nparams: number) =>
    callRemote(rpc, P.DOMAIN_GET_INTERFACE_PARAMETERS, { dom, device: a.device, nparams, flags: getFlags(a) }, callOpts(a));
  const { nparams } = await ask(0);
  return remoteParamsToRecord((await ask(nparams)).params);
}

export async function domainSetInterfaceParameters(
  rpc: RpcClient,
  dom: DomainRef,
  a: { device: string; params: Readonly<Record<string, ParamInput>> } & Flags,
): Promise<void> {
  const params = toRemoteTypedParams(paramsFromRecord(a.params, InterfaceParamsSchema));
  await callRemote(rpc, P.DOMAIN_SET_INTERFACE_PARAMETERS, { dom, device: a.device, params, flags: flagsOf(a) }, callOpts(a));
}

/** The scheduler's name ('posix' for QEMU) and how many parameters it has. */
export async function domainGetSchedulerType(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<{ type: string; nparams: number }> {
  const { type, nparams } = await callRemote(rpc, P.DOMAIN_GET_SCHEDULER_TYPE, { dom }, callOpts(o));
  return { type, nparams };
}

/** virsh schedinfo: cpu_shares, vcpu_period/quota, … flags: Impact. */
export async function domainGetSchedulerParameters(rpc: RpcClient, dom: DomainRef, o?: { nparams?: number } & Flags): Promise<ParamRecord> {
  const nparams = o?.nparams ?? (await domainGetSchedulerType(rpc, dom, o)).nparams;
  const { params } = await callRemote(rpc, P.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS, { dom, nparams, flags: getFlags(o) }, callOpts(o));
  return remoteParamsToRecord(params);
}

export async function domainSetSchedulerParameters(
  rpc: RpcClient,
  dom: DomainRef,
  a: { params: Readonly<Record<string, ParamInput>> } & Flags,
): Promise<void> {
  const params = toRemoteTypedParams(paramsFromRecord(a.params, SchedulerParamsSchema));
  await callRemote(rpc, P.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS, { dom, params, flags: flagsOf(a) }, callOpts(a));
}

// ---- CPU pinning ---------------------------------------------------------------------------------

/** Host CPU numbers → libvirt's cpumap bitmap (bit n of byte n>>3 = CPU n), `maplen` bytes long. */
export function cpumapFromCpus(cpus: readonly number[], maplen?: number): Buffer {
  const top = cpus.reduce((m, c) => Math.max(m, c), -1);
  const len = maplen ?? Math.max(1, (top >> 3) + 1);
  const map = Buffer.alloc(len);
  for (const c of cpus) {
    if (!Number.isInteger(c) || c < 0 || c >> 3 >= len) throw new RangeError(`CPU ${c} outside a ${len}-byte cpumap`);
    map.writeUInt8(map.readUInt8(c >> 3) | (1 << (c & 7)), c >> 3);
  }
  return map;
}

/** cpumap bitmap → sorted host CPU numbers. */
export function cpusFromCpumap(map: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < map.length * 8; i++) if (((map[i >> 3] ?? 0) >> (i & 7)) & 1) out.push(i);
  return out;
}

/** libvirt's VIR_CPU_MAPLEN: bytes of a cpumap for `hostCpus` CPUs. */
export const cpumapLen = (hostCpus: number): number => Math.max(1, Math.ceil(hostCpus / 8));

/** Pins one vCPU to a set of host CPUs (virsh vcpupin); flags: Impact. */
export async function domainPinVcpu(rpc: RpcClient, dom: DomainRef, a: { vcpu: number; cpus: readonly number[] } & Flags): Promise<void> {
  const cpumap = cpumapFromCpus(a.cpus);
  await callRemote(rpc, P.DOMAIN_PIN_VCPU_FLAGS, { dom, vcpu: a.vcpu, cpumap, flags: flagsOf(a) }, callOpts(a));
}

/**
 * Each vCPU's allowed host CPUs (virsh vcpupin with no CPU list). `vcpus`: how many vCPUs to
 * ask about (the domain's count); `hostCpus`: CPUs of the host (node info).
 */
export async function domainGetVcpuPinInfo(
  rpc: RpcClient,
  dom: DomainRef,
  a: { vcpus: number; hostCpus: number } & Flags,
): Promise<number[][]> {
  const maplen = cpumapLen(a.hostCpus);
  const args = { dom, ncpumaps: a.vcpus, maplen, flags: flagsOf(a) };
  const { cpumaps, num } = await callRemote(rpc, P.DOMAIN_GET_VCPU_PIN_INFO, args, callOpts(a));
  // num: the vCPUs actually described.
  const out: number[][] = [];
  for (let i = 0; i < num && (i + 1) * maplen <= cpumaps.length; i++) {
    out.push(cpusFromCpumap(cpumaps.subarray(i * maplen, (i + 1) * maplen)));
  }
  return out;
}

/** Pins the emulator threads (virsh emulatorpin); flags: Impact. */
export async function domainPinEmulator(rpc: RpcClient, dom: DomainRef, a: { cpus: readonly number[] } & Flags): Promise<void> {
  const cpumap = cpumapFromCpus(a.cpus);
  await callRemote(rpc, P.DOMAIN_PIN_EMULATOR, { dom, cpumap, flags: flagsOf(a) }, callOpts(a));
}

/** The emulator threads' allowed host CPUs. */
export async function domainGetEmulatorPinInfo(rpc: RpcClient, dom: DomainRef, a: { hostCpus: number } & Flags): Promise<number[]> {
  const args = { dom, maplen: cpumapLen(a.hostCpus), flags: flagsOf(a) };
  // ret (1 when a pinning is set) is not needed: the map says it all.
  return cpusFromCpumap((await callRemote(rpc, P.DOMAIN_GET_EMULATOR_PIN_INFO, args, callOpts(a))).cpumaps);
}

// ---- console -------------------------------------------------------------------------------------

/**
 * Opens the guest's serial/console as a byte stream (virsh console). `devName` null = the first
 * console; flags: ConsoleFlags (FORCE takes it over from another client, SAFE refuses if the
 * driver cannot guarantee exclusivity).
 */
export async function domainOpenConsole(rpc: RpcClient, dom: DomainRef, o?: { devName?: string | null } & Flags): Promise<LibvirtStream> {
  return openRemoteStream(rpc, P.DOMAIN_OPEN_CONSOLE, { dom, dev_name: o?.devName, flags: flagsOf(o) }, callOpts(o));
}

// ---- jobs ----------------------------------------------------------------------------------------

export interface JobStats {
  /** JobType: NONE 0, BOUNDED 1, UNBOUNDED 2, COMPLETED 3, FAILED 4, CANCELLED 5. */
  type: number;
  /** time_elapsed, data_remaining, memory_bps, … (see PROTOCOL.md §7). */
  stats: ParamRecord;
}

/** The running (or, with JobStatsFlags.COMPLETED, the last finished) job's figures. */
export async function domainGetJobStats(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<JobStats> {
  const { type, params } = await callRemote(rpc, P.DOMAIN_GET_JOB_STATS, domAndFlags(dom, o), callOpts(o));
  return { type, stats: remoteParamsToRecord(params) };
}

/** Aborts the running job (a migration, a save …). With flags (AbortJobFlags) uses ABORT_JOB_FLAGS. */
export async function domainAbortJob(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  if (flagsOf(o) === 0) await callRemote(rpc, P.DOMAIN_ABORT_JOB, { dom }, callOpts(o));
  else await callRemote(rpc, P.DOMAIN_ABORT_JOB_FLAGS, domAndFlags(dom, o), callOpts(o));
}
