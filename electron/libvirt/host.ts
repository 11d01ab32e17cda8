// The host (virConnect* / virNode*): identity, capabilities, memory, CPU comparison for
// migration pre-flight, KSM and huge pages (node memory parameters, free/alloc pages).

import type { RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { type ParamInput, type ParamRecord, type ParamSchema, paramsFromRecord, remoteParamsToRecord, toRemoteTypedParams } from './params';
import { type CallOpts, callOpts, charsToString, hyperNumber } from './protocol';
import { callRemote } from './remote';

export async function hostGetHostname(rpc: RpcClient, o?: CallOpts): Promise<string> {
  return (await callRemote(rpc, P.CONNECT_GET_HOSTNAME, null, callOpts(o))).hostname;
}

/** The capabilities XML (virsh capabilities). */
export async function hostGetCapabilities(rpc: RpcClient, o?: CallOpts): Promise<string> {
  return (await callRemote(rpc, P.CONNECT_GET_CAPABILITIES, null, callOpts(o))).capabilities;
}

/** virNodeInfo, as virsh nodeinfo shows it. */
export interface NodeInfo {
  /** CPU model / architecture string, e.g. 'x86_64'. */
  model: string;
  memoryKiB: number;
  cpus: number;
  mhz: number;
  /** NUMA cells. */
  nodes: number;
  /** Sockets per NUMA cell. */
  sockets: number;
  /** Cores per socket. */
  cores: number;
  /** Threads per core. */
  threads: number;
}

export async function hostGetNodeInfo(rpc: RpcClient, o?: CallOpts): Promise<NodeInfo> {
  const r = await callRemote(rpc, P.NODE_GET_INFO, null, callOpts(o));
  return {
    model: charsToString(r.model),
    memoryKiB: hyperNumber(r.memory),
    cpus: r.cpus,
    mhz: r.mhz,
    nodes: r.nodes,
    sockets: r.sockets,
    cores: r.cores,
    threads: r.threads,
  };
}

/** libvirt's version on the host as major*1e6 + minor*1e3 + micro (9000000 = 9.0.0). */
export async function hostGetLibVersion(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return hyperNumber((await callRemote(rpc, P.CONNECT_GET_LIB_VERSION, null, callOpts(o))).lib_ver);
}

/** The hypervisor's version (QEMU 7.2.0 = 7002000), same encoding as the lib version. */
export async function hostGetHypervisorVersion(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return hyperNumber((await callRemote(rpc, P.CONNECT_GET_VERSION, null, callOpts(o))).hv_ver);
}

/** 9000000 → '9.0.0'. */
export function formatVersion(v: number): string {
  return `${Math.floor(v / 1e6)}.${Math.floor(v / 1e3) % 1000}.${v % 1000}`;
}

/** Free memory on the host, in bytes (not KiB, unlike the node info). */
export async function hostGetFreeMemory(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return hyperNumber((await callRemote(rpc, P.NODE_GET_FREE_MEMORY, null, callOpts(o))).freeMem);
}

export async function hostSupportsFeature(rpc: RpcClient, feature: number, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.CONNECT_SUPPORTS_FEATURE, { feature }, callOpts(o))).supported !== 0;
}

/** Which emulator/machine/arch to describe; unset parts are the host's defaults. */
export interface DomainCapsTarget {
  emulatorBin?: string;
  arch?: string;
  machine?: string;
  virtType?: string;
}

/** The domain capabilities XML (virsh domcapabilities). */
export async function hostGetDomainCapabilities(rpc: RpcClient, a: DomainCapsTarget & { flags?: number } & CallOpts = {}): Promise<string> {
  const args = { emulatorbin: a.emulatorBin, arch: a.arch, machine: a.machine, virttype: a.virtType, flags: a.flags ?? 0 };
  return (await callRemote(rpc, P.CONNECT_GET_DOMAIN_CAPABILITIES, args, callOpts(a))).capabilities;
}

/**
 * Compares a CPU description with the host's CPU (virsh cpu-compare). Returns a
 * CpuCompareResult: 0 incompatible, 1 identical, 2 superset (host has more).
 */
export async function hostCompareCpu(rpc: RpcClient, a: { xml: string; flags?: number } & CallOpts): Promise<number> {
  return (await callRemote(rpc, P.CONNECT_COMPARE_CPU, { xml: a.xml, flags: a.flags ?? 0 }, callOpts(a))).result;
}

/**
 * Compares a CPU description with what the hypervisor can provide on this host
 * (virsh hypervisor-cpu-compare) — the check that matters for migration: feed it the guest's
 * <cpu> from the source's migratable XML.
 */
export async function hostCompareHypervisorCpu(
  rpc: RpcClient,
  a: DomainCapsTarget & { xmlCpu: string; flags?: number } & CallOpts,
): Promise<number> {
  const args = {
    emulator: a.emulatorBin,
    arch: a.arch,
    machine: a.machine,
    virttype: a.virtType,
    xmlCPU: a.xmlCpu,
    flags: a.flags ?? 0,
  };
  return (await callRemote(rpc, P.CONNECT_COMPARE_HYPERVISOR_CPU, args, callOpts(a))).result;
}

// ---- KSM and huge pages (host tuning) -----------------------------------------------------------

/**
 * The node memory parameters (virsh node-memory-tune): KSM's shm_pages_to_scan,
 * shm_sleep_millisecs, shm_pages_shared, shm_pages_sharing, shm_pages_unshared,
 * shm_pages_volatile, shm_full_scans, shm_merge_across_nodes. Asked twice, as libvirt wants:
 * first how many there are, then their values.
 */
export async function hostGetMemoryParameters(rpc: RpcClient, o?: CallOpts): Promise<ParamRecord> {
  const ask = (nparams: number) => callRemote(rpc, P.NODE_GET_MEMORY_PARAMETERS, { nparams, flags: 0 }, callOpts(o));
  const { nparams } = await ask(0);
  return remoteParamsToRecord((await ask(nparams)).params);
}

/** The node memory parameters libvirt lets one set (the others are read-only figures); all unsigned int. */
export const NodeMemoryParamsSchema: ParamSchema = {
  shm_pages_to_scan: 'uint',
  shm_sleep_millisecs: 'uint',
  shm_merge_across_nodes: 'uint',
};

export async function hostSetMemoryParameters(
  rpc: RpcClient,
  a: { params: Readonly<Record<string, ParamInput>> } & CallOpts,
): Promise<void> {
  const params = toRemoteTypedParams(paramsFromRecord(a.params, NodeMemoryParamsSchema));
  await callRemote(rpc, P.NODE_SET_MEMORY_PARAMETERS, { params, flags: 0 }, callOpts(a));
}

/**
 * Free pages of each size (KiB) in each NUMA cell from `startCell` (virsh freepages): the reply
 * is cell-major, returned as [cell][size].
 */
export async function hostGetFreePages(
  rpc: RpcClient,
  a: { pageSizesKiB: readonly number[]; startCell: number; cellCount: number } & CallOpts,
): Promise<number[][]> {
  const args = { pages: a.pageSizesKiB, startCell: a.startCell, cellCount: a.cellCount, flags: 0 };
  const { counts } = await callRemote(rpc, P.NODE_GET_FREE_PAGES, args, callOpts(a));
  const n = a.pageSizesKiB.length;
  const out: number[][] = [];
  for (let c = 0; c < a.cellCount && (c + 1) * n <= counts.length; c++) out.push(counts.slice(c * n, (c + 1) * n).map(hyperNumber));
  return out;
}

/** virNodeAllocPagesFlags: ADD grows each pool by the count, SET resizes it to the count. */
export const NodeAllocPagesFlags = { ADD: 0, SET: 1 } as const;

/**
 * Reserves (or with SET, resizes to) `counts[i]` pages of `pageSizesKiB[i]` (virsh allocpages).
 * startCell -1 (cellCount 1) lets the kernel spread them over all NUMA cells. libvirt reads the
 * pool back and fails when the kernel gave fewer; what it did get stays allocated. Returns how
 * many (cell, size) pools were adjusted.
 */
export async function hostAllocPages(
  rpc: RpcClient,
  a: { pageSizesKiB: readonly number[]; counts: readonly number[]; startCell: number; cellCount: number; flags?: number } & CallOpts,
): Promise<number> {
  const args = {
    pageSizes: a.pageSizesKiB,
    pageCounts: a.counts,
    startCell: a.startCell,
    cellCount: a.cellCount,
    flags: (a.flags ?? 0) >>> 0,
  };
  return (await callRemote(rpc, P.NODE_ALLOC_PAGES, args, callOpts(a))).ret;
}
