/**
 * Every read the tuning tab makes: /sys/kernel/mm over the host's SSH session (one fixed probe),
 * KSM's figures (virNodeGetMemoryParameters), the huge page pools (capabilities + virNodeGetFreePages),
 * and the VMs (state, vCPUs, pinning, memory backing) — plain data for checks.ts and pinning.ts.
 */
import type { HostCpuTopology, HostId, HostMmFacts, HugePagesState, KsmRunMode, KsmSample, TuningVm, TuningVms } from '../../../shared/api';
import { KSM_RUN } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { type DomainWithState, domainGetVcpuPinInfo, domainGetXmlDesc, domainListAll, domainListAllWithState } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import {
  hostGetCapabilities,
  hostGetFreeMemory,
  hostGetFreePages,
  hostGetMemoryParameters,
  hostGetNodeInfo,
  type NodeInfo,
} from '../../libvirt/host';
import { DomainState, DomainXmlFlags, Impact, ListDomainsFlags } from '../../libvirt/protocol';
import { parseDomain } from '../../xml/parse';
import { hostTopologyOf } from '../qos';
import type { RunResult } from '../transfer';
import { capsPagesOf, hugePagesOf, ksmSampleOf, MM_PROBE, mmFactsOf } from './checks';
import { suggestPinning } from './pinning';

/** What the tuning feature needs of a host: its libvirt connection and commands over its SSH session. */
export interface TuningIo {
  label: string;
  rpc(): RpcClient;
  /** argv on the host, each argument one word (never a shell string built from input). */
  run(argv: readonly string[]): Promise<RunResult>;
}

export async function readMm(io: TuningIo, hostId: HostId): Promise<HostMmFacts> {
  const r = await io.run(['sh', '-c', MM_PROBE]);
  if (r.code !== 0 || !r.stdout.includes('uid='))
    throw new AppError('ssh', `Cannot read /sys/kernel/mm on ${io.label}: ${r.stderr.trim() || `the probe exited with ${r.code}`}`, {
      hint: 'The host needs a POSIX shell with id, getconf and cat for this page.',
    });
  return mmFactsOf(hostId, r.stdout);
}

/** echo N > /sys/kernel/mm/ksm/run; N comes from the enum, passed as an argument, never spliced into the script. */
export async function writeKsmRun(io: TuningIo, mode: KsmRunMode): Promise<void> {
  const r = await io.run(['sh', '-c', 'echo "$1" > /sys/kernel/mm/ksm/run', 'sh', String(KSM_RUN[mode])]);
  if (r.code !== 0)
    throw new AppError('ksm-write', `Cannot write /sys/kernel/mm/ksm/run on ${io.label}: ${r.stderr.trim() || `exit ${r.code}`}`, {
      hint: 'Nothing was changed. /sys may be mounted read-only there (a container), or a security module forbids it.',
    });
}

export async function readKsm(rpc: RpcClient, hostId: HostId, now: number): Promise<KsmSample> {
  return ksmSampleOf(hostId, await hostGetMemoryParameters(rpc), now);
}

export async function readHugePages(rpc: RpcClient, hostId: HostId): Promise<HugePagesState> {
  const [capsXml, freeMemoryBytes, node] = await Promise.all([hostGetCapabilities(rpc), hostGetFreeMemory(rpc), hostGetNodeInfo(rpc)]);
  const caps = capsPagesOf(capsXml);
  const huge = caps.sizesKiB.slice(1);
  const free =
    huge.length && caps.cells.length
      ? await Promise.all(
          caps.cells.map(
            async (c) => (await hostGetFreePages(rpc, { pageSizesKiB: huge, startCell: c.cell, cellCount: 1 }))[0] ?? huge.map(() => 0),
          ),
        )
      : [];
  return hugePagesOf(hostId, caps, free, freeMemoryBytes, node.memoryKiB * 1024);
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const RUNNING = new Set<number>([
  DomainState.RUNNING,
  DomainState.BLOCKED,
  DomainState.PAUSED,
  DomainState.PMSUSPENDED,
  DomainState.SHUTDOWN,
]);

/** One VM's row as read (no suggestion yet). */
export type TuningVmRow = Omit<TuningVm, 'suggestion'>;

/** The host's CPUs: node info and capabilities (they change only with the host's hardware or libvirt). */
export async function readTopology(rpc: RpcClient): Promise<{ node: NodeInfo; topology: HostCpuTopology }> {
  const [node, caps] = await Promise.all([hostGetNodeInfo(rpc), hostGetCapabilities(rpc)]);
  return { node, topology: hostTopologyOf(node, caps) };
}

/** Every domain with its state, and which are transient: two calls. */
export async function listVms(rpc: RpcClient): Promise<{ doms: DomainWithState[]; transient: Set<string> }> {
  const [doms, transient] = await Promise.all([domainListAllWithState(rpc), domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT })]);
  return { doms, transient: new Set(transient.map((d) => d.uuid)) };
}

export const isRunningState = (state: number): boolean => RUNNING.has(state);

/** One VM's vCPUs, pinning and memory backing (2 calls); null when it vanished since the listing. */
export async function readVmRow(rpc: RpcClient, d: DomainWithState, node: NodeInfo, persistent: boolean): Promise<TuningVmRow | null> {
  const running = RUNNING.has(d.state);
  const notes: string[] = [];
  let xml: string;
  try {
    xml = await domainGetXmlDesc(rpc, d, { flags: running ? 0 : DomainXmlFlags.INACTIVE });
  } catch (err) {
    // Gone since the listing: no row. Anything else (a timeout, a dropped link) is the tab's error.
    if (isLibvirtError(err, ErrorCode.NO_DOMAIN)) return null;
    throw err;
  }
  const m = parseDomain(xml);
  const vcpus = m.vcpus.current || m.vcpus.max;
  let pins: number[][] = [];
  try {
    pins = await domainGetVcpuPinInfo(rpc, d, { vcpus, hostCpus: node.cpus, flags: running ? Impact.LIVE : Impact.CONFIG });
  } catch (err) {
    notes.push(`Cannot read the vCPU pinning: ${(err as Error).message}`);
  }
  return {
    uuid: d.uuid,
    name: d.name,
    running,
    persistent,
    vcpus,
    pins,
    nosharepages: m.memory.nosharepages,
    hugepages: m.memory.hugepages,
    notes,
  };
}

/** The rows with their pinning suggestions, by name. Pure. */
export function tuningVmsOf(hostId: HostId, topology: HostCpuTopology, vms: readonly TuningVmRow[]): TuningVms {
  const suggestions = suggestPinning(topology, vms);
  return {
    hostId,
    topology,
    vms: vms
      .map((v) => ({
        ...v,
        suggestion: suggestions.get(v.uuid) ?? { level: 'none' as const, place: '', cpus: [], pinning: [], reason: '', applied: false },
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
