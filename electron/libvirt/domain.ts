// Domains (virDomain*): listing, stats, lifecycle, XML, devices, tuning, pinning, console, jobs.
// Migration has its own module (migration.ts).
import type { LibvirtStream, RpcClient } from './client';
import {
  BlockIoTuneSchema,
  InterfaceParamsSchema,
  type ParamInput,
  type ParamRecord,
  paramsFromRecord,
  paramsToRecord,
  readTypedParams,
  SchedulerParamsSchema,
  writeTypedParams,
} from './params';
import {
  type CallOpts,
  callOpts,
  type DomainRef,
  type DomainStateName,
  DomainStatsTypes,
  domainStateName,
  Limit,
  Proc,
  readDomain,
  readUHyperNumber,
  TypedParamFlags,
  uuidToBytes,
  writeDomain,
  writeListAllArgs,
  writeOptString,
} from './protocol';
import type { XdrWriter } from './xdr';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;
const domAndFlags =
  (dom: DomainRef, o?: { flags?: number }) =>
  (w: XdrWriter): void => {
    writeDomain(w, dom);
    w.uint(flagsOf(o));
  };
const domOnly =
  (dom: DomainRef) =>
  (w: XdrWriter): void =>
    writeDomain(w, dom);

// ---- listing and lookup ------------------------------------------------------------------------

/** All domains matching `flags` (ListDomainsFlags; 0 = all), in the daemon's order. */
export async function domainListAll(rpc: RpcClient, o?: Flags): Promise<DomainRef[]> {
  return rpc.call(
    Proc.CONNECT_LIST_ALL_DOMAINS,
    (w) => writeListAllArgs(w, flagsOf(o)),
    (r) => {
      const doms = r.array(readDomain, Limit.DOMAIN_LIST);
      r.uint(); // ret: the count again
      return doms;
    },
    callOpts(o),
  );
}

export async function domainLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<DomainRef> {
  return rpc.call(Proc.DOMAIN_LOOKUP_BY_NAME, (w) => w.string(name), readDomain, callOpts(o));
}

export async function domainLookupByUuid(rpc: RpcClient, uuid: string, o?: CallOpts): Promise<DomainRef> {
  const bytes = uuidToBytes(uuid);
  return rpc.call(Proc.DOMAIN_LOOKUP_BY_UUID, (w) => w.fixedOpaque(bytes, 16), readDomain, callOpts(o));
}

// ---- stats ---------------------------------------------------------------------------------------

/** One domain's record from CONNECT_GET_ALL_DOMAIN_STATS: keys as virsh domstats prints them. */
export interface DomainStatsRecord {
  domain: DomainRef;
  stats: ParamRecord;
}

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
  return rpc.call(
    Proc.CONNECT_GET_ALL_DOMAIN_STATS,
    (w) => {
      w.array(o.doms ?? [], writeDomain);
      w.uint((o.stats ?? 0) >>> 0);
      w.uint(flagsOf(o));
    },
    (r) =>
      r.array(
        (x) => ({
          domain: readDomain(x),
          stats: paramsToRecord(readTypedParams(x, Limit.DOMAIN_STATS_PARAMS)),
        }),
        Limit.DOMAIN_STATS_RECORDS,
      ),
    callOpts(o),
  );
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
  return rpc.call(
    Proc.DOMAIN_GET_STATE,
    domAndFlags(dom, o),
    (r) => {
      const state = r.int();
      return { state, stateName: domainStateName(state), reason: r.int() };
    },
    callOpts(o),
  );
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
  return rpc.call(
    Proc.DOMAIN_GET_INFO,
    domOnly(dom),
    (r) => ({
      state: r.uint(), // unsigned char, widened to 4 bytes
      maxMemKiB: readUHyperNumber(r),
      memoryKiB: readUHyperNumber(r),
      vcpus: r.uint(), // unsigned short, widened to 4 bytes
      cpuTimeNs: readUHyperNumber(r),
    }),
    callOpts(o),
  );
}

// ---- XML and definition --------------------------------------------------------------------------

/** The domain XML (virsh dumpxml); flags: DomainXmlFlags. */
export async function domainGetXmlDesc(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<string> {
  return rpc.call(Proc.DOMAIN_GET_XML_DESC, domAndFlags(dom, o), (r) => r.string(), callOpts(o));
}

/** Defines (or updates) a persistent domain from XML; flags: DefineFlags. */
export async function domainDefineXml(rpc: RpcClient, a: { xml: string } & Flags): Promise<DomainRef> {
  return rpc.call(Proc.DOMAIN_DEFINE_XML_FLAGS, (w) => w.string(a.xml).uint(flagsOf(a)), readDomain, callOpts(a));
}

/** Removes the persistent definition; flags: UndefineFlags (NVRAM, MANAGED_SAVE, …). */
export async function domainUndefine(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await rpc.call(Proc.DOMAIN_UNDEFINE_FLAGS, domAndFlags(dom, o), null, callOpts(o));
}

// ---- lifecycle -----------------------------------------------------------------------------------

/** Starts a defined domain; returns its reference with the new id. flags: CreateFlags. */
export async function domainCreate(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<DomainRef> {
  return rpc.call(Proc.DOMAIN_CREATE_WITH_FLAGS, domAndFlags(dom, o), readDomain, callOpts(o));
}

/** Asks the guest to shut down (returns before it has); flags: ShutdownFlags. */
export async function domainShutdown(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await rpc.call(Proc.DOMAIN_SHUTDOWN_FLAGS, domAndFlags(dom, o), null, callOpts(o));
}

/** Stops the domain now (power off); flags: DestroyFlags. */
export async function domainDestroy(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await rpc.call(Proc.DOMAIN_DESTROY_FLAGS, domAndFlags(dom, o), null, callOpts(o));
}

/** flags: RebootFlags. */
export async function domainReboot(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  await rpc.call(Proc.DOMAIN_REBOOT, domAndFlags(dom, o), null, callOpts(o));
}

export async function domainSuspend(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<void> {
  await rpc.call(Proc.DOMAIN_SUSPEND, domOnly(dom), null, callOpts(o));
}

export async function domainResume(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<void> {
  await rpc.call(Proc.DOMAIN_RESUME, domOnly(dom), null, callOpts(o));
}

// ---- devices -------------------------------------------------------------------------------------

/** Hot-plugs and/or persists a device; flags: DeviceModifyFlags (LIVE, CONFIG). */
export async function domainAttachDevice(rpc: RpcClient, dom: DomainRef, a: { xml: string } & Flags): Promise<void> {
  await rpc.call(
    Proc.DOMAIN_ATTACH_DEVICE_FLAGS,
    (w) => {
      writeDomain(w, dom);
      w.string(a.xml).uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
}

/**
 * Asks to unplug a device. A live detach only starts the unplug: the guest may take its time
 * (or refuse); wait for the DEVICE_REMOVED / DEVICE_REMOVAL_FAILED event.
 */
export async function domainDetachDevice(rpc: RpcClient, dom: DomainRef, a: { xml: string } & Flags): Promise<void> {
  await rpc.call(
    Proc.DOMAIN_DETACH_DEVICE_FLAGS,
    (w) => {
      writeDomain(w, dom);
      w.string(a.xml).uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
}

// ---- tuning (typed params) -----------------------------------------------------------------------
// libvirt's "get" calls take how many params the caller has room for; asked with 0 they answer
// how many there are. We ask twice, as virsh does. Getters pass TypedParamFlags.STRING_OKAY like
// libvirt's client library, or string params (group_name) are left out.
const getFlags = (o?: { flags?: number }): number => (flagsOf(o) | TypedParamFlags.STRING_OKAY) >>> 0;

/** Block I/O limits of one disk (target like 'vda' or its path); virsh blkdeviotune. flags: Impact. */
export async function domainGetBlockIoTune(rpc: RpcClient, dom: DomainRef, a: { disk: string } & Flags): Promise<ParamRecord> {
  const ask = (nparams: number) =>
    rpc.call(
      Proc.DOMAIN_GET_BLOCK_IO_TUNE,
      (w) => {
        writeDomain(w, dom);
        writeOptString(w, a.disk);
        w.int(nparams).uint(getFlags(a));
      },
      (r) => ({
        params: readTypedParams(r, Limit.BLOCK_IO_TUNE_PARAMS),
        nparams: r.int(),
      }),
      callOpts(a),
    );
  const { nparams } = await ask(0);
  return paramsToRecord((await ask(nparams)).params);
}

/** Sets block I/O limits (only the keys given); 0 removes a limit. flags: Impact. */
export async function domainSetBlockIoTune(
  rpc: RpcClient,
  dom: DomainRef,
  a: { disk: string; params: Readonly<Record<string, ParamInput>> } & Flags,
): Promise<void> {
  const params = paramsFromRecord(a.params, BlockIoTuneSchema);
  await rpc.call(
    Proc.DOMAIN_SET_BLOCK_IO_TUNE,
    (w) => {
      writeDomain(w, dom);
      w.string(a.disk);
      writeTypedParams(w, params);
      w.uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
}

/** Bandwidth limits of one interface (target dev or MAC); virsh domiftune. flags: Impact. */
export async function domainGetInterfaceParameters(rpc: RpcClient, dom: DomainRef, a: { device: string } & Flags): Promise<ParamRecord> {
  const ask = (nparams: number) =>
    rpc.call(
      Proc.DOMAIN_GET_INTERFACE_PARAMETERS,
      (w) => {
        writeDomain(w, dom);
        w.string(a.device).int(nparams).uint(getFlags(a));
      },
      (r) => ({
        params: readTypedParams(r, Limit.INTERFACE_PARAMS),
        nparams: r.int(),
      }),
      callOpts(a),
    );
  const { nparams } = await ask(0);
  return paramsToRecord((await ask(nparams)).params);
}

export async function domainSetInterfaceParameters(
  rpc: RpcClient,
  dom: DomainRef,
  a: { device: string; params: Readonly<Record<string, ParamInput>> } & Flags,
): Promise<void> {
  const params = paramsFromRecord(a.params, InterfaceParamsSchema);
  await rpc.call(
    Proc.DOMAIN_SET_INTERFACE_PARAMETERS,
    (w) => {
      writeDomain(w, dom);
      w.string(a.device);
      writeTypedParams(w, params);
      w.uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
}

/** The scheduler's name ('posix' for QEMU) and how many parameters it has. */
export async function domainGetSchedulerType(rpc: RpcClient, dom: DomainRef, o?: CallOpts): Promise<{ type: string; nparams: number }> {
  return rpc.call(Proc.DOMAIN_GET_SCHEDULER_TYPE, domOnly(dom), (r) => ({ type: r.string(), nparams: r.int() }), callOpts(o));
}

/** virsh schedinfo: cpu_shares, vcpu_period/quota, … flags: Impact. */
export async function domainGetSchedulerParameters(rpc: RpcClient, dom: DomainRef, o?: { nparams?: number } & Flags): Promise<ParamRecord> {
  const nparams = o?.nparams ?? (await domainGetSchedulerType(rpc, dom, o)).nparams;
  return rpc.call(
    Proc.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS,
    (w) => {
      writeDomain(w, dom);
      w.int(nparams).uint(getFlags(o));
    },
    (r) => paramsToRecord(readTypedParams(r, Limit.SCHEDULER_PARAMS)),
    callOpts(o),
  );
}

export async function domainSetSchedulerParameters(
  rpc: RpcClient,
  dom: DomainRef,
  a: { params: Readonly<Record<string, ParamInput>> } & Flags,
): Promise<void> {
  const params = paramsFromRecord(a.params, SchedulerParamsSchema);
  await rpc.call(
    Proc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS,
    (w) => {
      writeDomain(w, dom);
      writeTypedParams(w, params);
      w.uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
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
  const map = cpumapFromCpus(a.cpus);
  await rpc.call(
    Proc.DOMAIN_PIN_VCPU_FLAGS,
    (w) => {
      writeDomain(w, dom);
      w.uint(a.vcpu).opaque(map).uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
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
  return rpc.call(
    Proc.DOMAIN_GET_VCPU_PIN_INFO,
    (w) => {
      writeDomain(w, dom);
      w.int(a.vcpus).int(maplen).uint(flagsOf(a));
    },
    (r) => {
      const maps = r.opaque(Limit.CPUMAPS);
      const num = r.int(); // vCPUs actually described
      const out: number[][] = [];
      for (let i = 0; i < num && (i + 1) * maplen <= maps.length; i++) {
        out.push(cpusFromCpumap(maps.subarray(i * maplen, (i + 1) * maplen)));
      }
      return out;
    },
    callOpts(a),
  );
}

/** Pins the emulator threads (virsh emulatorpin); flags: Impact. */
export async function domainPinEmulator(rpc: RpcClient, dom: DomainRef, a: { cpus: readonly number[] } & Flags): Promise<void> {
  const map = cpumapFromCpus(a.cpus);
  await rpc.call(
    Proc.DOMAIN_PIN_EMULATOR,
    (w) => {
      writeDomain(w, dom);
      w.opaque(map).uint(flagsOf(a));
    },
    null,
    callOpts(a),
  );
}

/** The emulator threads' allowed host CPUs. */
export async function domainGetEmulatorPinInfo(rpc: RpcClient, dom: DomainRef, a: { hostCpus: number } & Flags): Promise<number[]> {
  return rpc.call(
    Proc.DOMAIN_GET_EMULATOR_PIN_INFO,
    (w) => {
      writeDomain(w, dom);
      w.int(cpumapLen(a.hostCpus)).uint(flagsOf(a));
    },
    (r) => {
      const map = r.opaque(Limit.CPUMAP);
      r.int(); // ret: 1 when a pinning is set
      return cpusFromCpumap(map);
    },
    callOpts(a),
  );
}

// ---- console -------------------------------------------------------------------------------------

/**
 * Opens the guest's serial/console as a byte stream (virsh console). `devName` null = the first
 * console; flags: ConsoleFlags (FORCE takes it over from another client, SAFE refuses if the
 * driver cannot guarantee exclusivity).
 */
export async function domainOpenConsole(rpc: RpcClient, dom: DomainRef, o?: { devName?: string | null } & Flags): Promise<LibvirtStream> {
  return rpc.openStream(
    Proc.DOMAIN_OPEN_CONSOLE,
    (w) => {
      writeDomain(w, dom);
      writeOptString(w, o?.devName);
      w.uint(flagsOf(o));
    },
    callOpts(o),
  );
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
  return rpc.call(
    Proc.DOMAIN_GET_JOB_STATS,
    domAndFlags(dom, o),
    (r) => ({
      type: r.int(),
      stats: paramsToRecord(readTypedParams(r, Limit.JOB_STATS)),
    }),
    callOpts(o),
  );
}

/** Aborts the running job (a migration, a save …). With flags (AbortJobFlags) uses ABORT_JOB_FLAGS. */
export async function domainAbortJob(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<void> {
  if (flagsOf(o) === 0) await rpc.call(Proc.DOMAIN_ABORT_JOB, domOnly(dom), null, callOpts(o));
  else await rpc.call(Proc.DOMAIN_ABORT_JOB_FLAGS, domAndFlags(dom, o), null, callOpts(o));
}
