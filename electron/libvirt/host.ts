// The host (virConnect* / virNode*): identity, capabilities, memory, CPU comparison for
// migration pre-flight.

import type { RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
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
