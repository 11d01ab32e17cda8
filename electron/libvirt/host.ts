// The host (virConnect* / virNode*): identity, capabilities, memory, CPU comparison for
// migration pre-flight.
import type { RpcClient } from './client';
import { type CallOpts, callOpts, Proc, readCharArray, readUHyperNumber, writeOptString } from './protocol';

export async function hostGetHostname(rpc: RpcClient, o?: CallOpts): Promise<string> {
  return rpc.call(Proc.CONNECT_GET_HOSTNAME, null, (r) => r.string(), callOpts(o));
}

/** The capabilities XML (virsh capabilities). */
export async function hostGetCapabilities(rpc: RpcClient, o?: CallOpts): Promise<string> {
  return rpc.call(Proc.CONNECT_GET_CAPABILITIES, null, (r) => r.string(), callOpts(o));
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
  return rpc.call(
    Proc.NODE_GET_INFO,
    null,
    (r) => ({
      model: readCharArray(r, 32),
      memoryKiB: readUHyperNumber(r),
      cpus: r.int(),
      mhz: r.int(),
      nodes: r.int(),
      sockets: r.int(),
      cores: r.int(),
      threads: r.int(),
    }),
    callOpts(o),
  );
}

/** libvirt's version on the host as major*1e6 + minor*1e3 + micro (9000000 = 9.0.0). */
export async function hostGetLibVersion(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return rpc.call(Proc.CONNECT_GET_LIB_VERSION, null, readUHyperNumber, callOpts(o));
}

/** The hypervisor's version (QEMU 7.2.0 = 7002000), same encoding as the lib version. */
export async function hostGetHypervisorVersion(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return rpc.call(Proc.CONNECT_GET_VERSION, null, readUHyperNumber, callOpts(o));
}

/** 9000000 → '9.0.0'. */
export function formatVersion(v: number): string {
  return `${Math.floor(v / 1e6)}.${Math.floor(v / 1e3) % 1000}.${v % 1000}`;
}

/** Free memory on the host, in bytes (not KiB, unlike the node info). */
export async function hostGetFreeMemory(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return rpc.call(Proc.NODE_GET_FREE_MEMORY, null, readUHyperNumber, callOpts(o));
}

export async function hostSupportsFeature(rpc: RpcClient, feature: number, o?: CallOpts): Promise<boolean> {
  return rpc.call(
    Proc.CONNECT_SUPPORTS_FEATURE,
    (w) => w.int(feature),
    (r) => r.int() !== 0,
    callOpts(o),
  );
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
  return rpc.call(
    Proc.CONNECT_GET_DOMAIN_CAPABILITIES,
    (w) => {
      writeOptString(w, a.emulatorBin);
      writeOptString(w, a.arch);
      writeOptString(w, a.machine);
      writeOptString(w, a.virtType);
      w.uint(a.flags ?? 0);
    },
    (r) => r.string(),
    callOpts(a),
  );
}

/**
 * Compares a CPU description with the host's CPU (virsh cpu-compare). Returns a
 * CpuCompareResult: 0 incompatible, 1 identical, 2 superset (host has more).
 */
export async function hostCompareCpu(rpc: RpcClient, a: { xml: string; flags?: number } & CallOpts): Promise<number> {
  return rpc.call(
    Proc.CONNECT_COMPARE_CPU,
    (w) => w.string(a.xml).uint(a.flags ?? 0),
    (r) => r.int(),
    callOpts(a),
  );
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
  return rpc.call(
    Proc.CONNECT_COMPARE_HYPERVISOR_CPU,
    (w) => {
      writeOptString(w, a.emulatorBin);
      writeOptString(w, a.arch);
      writeOptString(w, a.machine);
      writeOptString(w, a.virtType);
      w.string(a.xmlCpu).uint(a.flags ?? 0);
    },
    (r) => r.int(),
    callOpts(a),
  );
}
