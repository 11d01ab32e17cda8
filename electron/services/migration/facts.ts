/**
 * Pre-flight facts: everything the checks and the plan need, read from both hosts once, as plain
 * JSON-serialisable data. This is the only pre-flight module that talks to the hosts (libvirt
 * calls, SSH execs); checks*.ts turn these facts into checks and a plan without any I/O. A read
 * that fails is a fact too (its message and libvirt code); only a VM that cannot be found or read
 * at all throws.
 */
import type { DomainState, HostInfo, MigrationSpec } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import {
  domainGetJobStats,
  domainGetState,
  domainGetXmlDesc,
  domainListAll,
  domainLookupByName,
  domainLookupByUuid,
} from '../../libvirt/domain';
import { classify, type ErrorClass } from '../../libvirt/errors';
import { hostCompareHypervisorCpu, hostGetFreeMemory } from '../../libvirt/host';
import { networkListAll } from '../../libvirt/network';
import {
  CompareCpuFlags,
  type DomainRef,
  DomainXmlFlags,
  ListDomainsFlags,
  ListNetworksFlags,
  type StorageVolRef,
} from '../../libvirt/protocol';
import { poolGetInfo, poolGetXmlDesc, poolListAll, volGetInfo, volLookupByPath } from '../../libvirt/storage';
import { parseXml, path, text } from '../../xml/dom';
import { stateOf } from '../domains';
import type { HostManager } from '../hosts';
import { readSnapshotKinds } from '../snapshots/facts';
import { type HostIo, hostIo, type RunResult } from '../transfer';
import { cpuToCompare, diskDest, domainShape, peerUriOf } from './checks-common';
import type { SnapshotKindFact } from './checks-snapshots';
import { type ProbeFact, probeHost, type QemuImgInfo, qemuImgInfo } from './facts-shell';

export type { FileFact, ProbeFact, QemuImgInfo } from './facts-shell';
export { parseProbe, qemuImgInfo } from './facts-shell';

/** Why a read failed: the message as the host or libvirt said it, the error's class, libvirt's error number when there is one. */
export interface ReadError {
  error: string;
  /** classify(err).kind: 'libvirt', 'ssh', 'timeout', 'closed', 'app' … */
  kind?: ErrorClass['kind'];
  code?: number;
}
/** A read from a host: its value, or why it failed. */
export type Read<T> = { ok: true; value: T } | ({ ok: false } & ReadError);

/** The part of a host the checks use (no credentials: the auth and jump settings are left out). */
export interface FactsHost {
  id: string;
  spec: Pick<HostInfo['spec'], 'name' | 'transport' | 'address' | 'port' | 'user' | 'uri'>;
  hypervisorVersion?: string;
  libvirtVersion?: string;
}

export interface PoolFact {
  name: string;
  path?: string;
  active: boolean;
  available: number;
}

export interface SrcVolFact {
  vol: StorageVolRef;
  capacity: number;
  allocation: number;
}

export interface PreflightFacts {
  src: FactsHost;
  dst: FactsHost;
  /** The VM on the source. */
  domain: DomainRef;
  state: DomainState;
  persistent: boolean;
  /** The job running on the VM (type 0 = none); a failed read is treated as none. */
  job: Read<{ type: number; operation: number | null }>;
  /** The migratable definition libvirt would send (live when running), secrets kept. */
  xml: string;
  /** The persistent definition (null for a transient VM). */
  inactiveXml: string | null;
  /** Source probe: the file and block disks, and the route to the destination for a direct migration. */
  srcProbe: Read<ProbeFact>;
  dstPools: Read<PoolFact[]>;
  /** The source volume of each file disk, by path (not found: not in a pool). */
  srcVols: Record<string, Read<SrcVolFact>>;
  /** Destination probe: each disk's destination path, and its bridges when a NIC uses one. */
  dstProbe: Read<ProbeFact>;
  /** qemu-img info of copied images outside any pool, by path (null: qemu-img could not tell). */
  imageInfo: Record<string, QemuImgInfo | null>;
  /** Capacity of the volume already at a copied disk's destination path, by path. */
  dstVolCapacity: Record<string, Read<number>>;
  /** The destination's networks (empty when no NIC uses a libvirt network). */
  networks: Read<{ defined: string[]; active: string[] }>;
  /** Whether /sys/class/net/<dev> exists on the destination, for each macvtap NIC's device. */
  directDevices: Record<string, Read<boolean>>;
  /** A VM with this UUID on the destination, with its state. */
  sameUuidOnDst: { ref: DomainRef; state: Read<DomainState> } | null;
  /** A VM with the destination name on the destination. */
  sameNameOnDst: DomainRef | null;
  /** Peer-to-peer: `virsh -c <peer URI> uri` run on the source (null when not peer-to-peer or no URI). */
  peerTest: Read<RunResult> | null;
  freeMemory: Read<number>;
  /** hostCompareHypervisorCpu on the destination (null when the CPU is not compared). */
  cpuCompare: Read<number> | null;
  /** The VM's snapshots (name, kind): libvirt refuses to migrate a VM with any. Absent in older captures. */
  snapshots?: Read<SnapshotKindFact[]>;
}

/** The two hosts of a migration. */
export interface PreflightIo {
  src: HostIo;
  dst: HostIo;
  srcHost: FactsHost;
  dstHost: FactsHost;
}

export function factsHost(h: HostInfo): FactsHost {
  const { name, transport, address, port, user, uri } = h.spec;
  return {
    id: h.id,
    spec: { name, transport, uri, ...(address ? { address } : {}), ...(port ? { port } : {}), ...(user ? { user } : {}) },
    ...(h.hypervisorVersion ? { hypervisorVersion: h.hypervisorVersion } : {}),
    ...(h.libvirtVersion ? { libvirtVersion: h.libvirtVersion } : {}),
  };
}

/** The source and destination of a spec, from the host list. */
export function preflightIo(hosts: HostManager, spec: MigrationSpec): PreflightIo {
  const srcInfo = hosts.list().find((h) => h.id === spec.hostId);
  const dstInfo = hosts.list().find((h) => h.id === spec.destHostId);
  if (!srcInfo || !dstInfo)
    throw new AppError('not-found', 'One of the two hosts is no longer in the host list', 'Refresh and pick the destination again.');
  return {
    src: hostIo(hosts, spec.hostId),
    dst: hostIo(hosts, spec.destHostId),
    srcHost: factsHost(srcInfo),
    dstHost: factsHost(dstInfo),
  };
}

function readError(err: unknown): ReadError {
  const c = classify(err);
  return { error: c.message, kind: c.kind, ...(c.kind === 'libvirt' ? { code: c.code } : {}) };
}

/** Runs a read, keeping its failure as data. */
async function read<T>(fn: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, ...readError(err) };
  }
}

async function poolFacts(rpc: RpcClient): Promise<PoolFact[]> {
  const pools = await poolListAll(rpc);
  return Promise.all(
    pools.map(async (p) => {
      const [info, xml] = await Promise.all([poolGetInfo(rpc, p), poolGetXmlDesc(rpc, p)]);
      const poolPath = text(path(parseXml(xml, `pool ${p.name}`).documentElement, 'target', 'path'));
      return {
        name: p.name,
        ...(poolPath ? { path: poolPath.replace(/\/+$/, '') || '/' } : {}),
        active: info.state === 2,
        available: info.available,
      };
    }),
  );
}

const notRead = (why: string): Read<never> => ({ ok: false, error: why });

/** Reads everything pre-flight needs from both hosts. Throws only when the VM cannot be found or read. */
export async function collectPreflightFacts(io: PreflightIo, spec: MigrationSpec): Promise<PreflightFacts> {
  const { src, dst, srcHost, dstHost } = io;
  const srcRpc = src.rpc();
  const dstRpc = dst.rpc();
  const A = srcHost.spec.name;
  const domain = await domainLookupByUuid(srcRpc, spec.uuid).catch((err: Error) => {
    throw new AppError(
      'not-found',
      `The VM is not on ${A} any more: ${err.message}`,
      'It may have moved or been deleted; refresh the list.',
    );
  });
  const [st, persistentList, job, snapshots] = await Promise.all([
    domainGetState(srcRpc, domain),
    domainListAll(srcRpc, { flags: ListDomainsFlags.PERSISTENT }),
    read(async () => {
      const j = await domainGetJobStats(srcRpc, domain);
      return { type: j.type, operation: j.stats.operation === undefined ? null : Number(j.stats.operation) };
    }),
    read(() => readSnapshotKinds(srcRpc, domain)),
  ]);
  const state = stateOf(st.state);
  const persistent = persistentList.some((d) => d.uuid === domain.uuid);
  const live = spec.mode === 'live';
  const active = state !== 'shutoff' && state !== 'crashed';
  const migratable = DomainXmlFlags.SECURE | DomainXmlFlags.MIGRATABLE;
  const [xml, inactiveXml] = await Promise.all([
    domainGetXmlDesc(srcRpc, domain, { flags: migratable | (active ? 0 : DomainXmlFlags.INACTIVE) }),
    persistent ? domainGetXmlDesc(srcRpc, domain, { flags: migratable | DomainXmlFlags.INACTIVE }) : Promise.resolve(null),
  ]);
  const shape = domainShape(xml, domain.name);
  const destName = spec.newName ?? domain.name;
  const fileDisks = shape.disks.filter((d) => d.source && (d.type === 'file' || d.type === 'block'));
  const reachTarget =
    spec.transport === 'direct' && dstHost.spec.transport === 'ssh' && dstHost.spec.address
      ? { addr: dstHost.spec.address, port: dstHost.spec.port ?? 22 }
      : undefined;
  const srcProbeP = read(() =>
    probeHost(src, { paths: fileDisks.map((d) => d.source as string), ...(reachTarget ? { reach: reachTarget } : {}) }),
  );

  // Disks: pools and source volumes, then where each disk goes, then both sides' files.
  const disksP = (async () => {
    const [dstPools, srcVolList] = await Promise.all([
      read(() => poolFacts(dstRpc)),
      Promise.all(
        shape.disks.map(async (d) => {
          if (!d.source || d.type !== 'file') return null;
          const source = d.source;
          return [
            source,
            await read(async () => {
              const vol = await volLookupByPath(srcRpc, source);
              const info = await volGetInfo(srcRpc, vol);
              return { vol, capacity: info.capacity, allocation: info.allocation };
            }),
          ] as const;
        }),
      ),
    ]);
    const srcVols: Record<string, Read<SrcVolFact>> = Object.fromEntries(srcVolList.filter((x) => x !== null));
    const imageInfo: Record<string, QemuImgInfo | null> = {};
    const dstVolCapacity: Record<string, Read<number>> = {};
    if (!dstPools.ok) {
      return {
        dstPools,
        srcVols,
        dstProbe: notRead(`not read: the pools on ${dstHost.spec.name} could not be read`),
        imageInfo,
        dstVolCapacity,
      };
    }
    const dests = shape.disks.map((d) => diskDest(d, spec, dstPools.value));
    const destPaths = shape.disks.flatMap((d, i) =>
      d.source && (d.type === 'file' || d.type === 'block') ? [dests[i]?.dest as string] : [],
    );
    const needBridges = shape.ifaces.some((i) => i.type === 'bridge');
    const [, dstProbe] = await Promise.all([srcProbeP, read(() => probeHost(dst, { paths: destPaths, bridges: needBridges }))]);
    await Promise.all(
      shape.disks.map(async (d, i) => {
        const dest = dests[i];
        if (!d.source || !dest?.copy || d.type !== 'file') return;
        // A qcow2 outside any pool: its virtual size from the image itself.
        if (!srcVols[d.source]?.ok && d.format !== 'raw') imageInfo[d.source] = await qemuImgInfo(src, d.source);
        // A volume already at the destination: libvirt reuses it, so its capacity matters.
        if (dstProbe.ok && dstProbe.value.files[dest.dest]?.exists)
          dstVolCapacity[dest.dest] = await read(async () => (await volGetInfo(dstRpc, await volLookupByPath(dstRpc, dest.dest))).capacity);
      }),
    );
    return { dstPools, srcVols, dstProbe, imageInfo, dstVolCapacity };
  })();

  const needNets = shape.ifaces.some((i) => i.type === 'network');
  const networksP = read(async () => {
    if (!needNets) return { defined: [], active: [] };
    const [all, act] = await Promise.all([networkListAll(dstRpc), networkListAll(dstRpc, { flags: ListNetworksFlags.ACTIVE })]);
    return { defined: all.map((n) => n.name), active: act.map((n) => n.name) };
  });
  const directP = Promise.all(
    shape.ifaces
      .filter((i) => i.type === 'direct')
      .map(async (i) => {
        const dev = i.dev ?? '?';
        const r = await read(
          async () => (await dst.run(['test', '-e', `/sys/class/net/${dev.replace(/[^A-Za-z0-9_.:-]/g, '')}`])).code === 0,
        );
        return [dev, r] as const;
      }),
  );
  const nameP = (async () => {
    const [byUuid, byName] = await Promise.all([
      domainLookupByUuid(dstRpc, domain.uuid).catch(() => null),
      domainLookupByName(dstRpc, destName).catch(() => null),
    ]);
    const sameUuid = byUuid ? { ref: byUuid, state: await read(async () => stateOf((await domainGetState(dstRpc, byUuid)).state)) } : null;
    return { sameUuidOnDst: sameUuid, sameNameOnDst: byName };
  })();
  const peerUri = peerUriOf(spec, dstHost);
  const peerP =
    spec.transport === 'p2p' && peerUri
      ? read(() =>
          src.run([
            'sh',
            '-c',
            'if command -v virsh >/dev/null 2>&1; then timeout 12 virsh -q -c "$1" uri 2>&1; else echo "no virsh on this host"; exit 127; fi',
            'sh',
            peerUri,
          ]),
        )
      : Promise.resolve(null);
  const memoryP = read(() => hostGetFreeMemory(dstRpc));
  const cpu = cpuToCompare(shape.root, live);
  const cpuP = cpu
    ? read(() => hostCompareHypervisorCpu(dstRpc, { ...cpu, flags: CompareCpuFlags.FAIL_INCOMPATIBLE }))
    : Promise.resolve(null);

  const [srcProbe, disks, networks, direct, names, peerTest, freeMemory, cpuCompare] = await Promise.all([
    srcProbeP,
    disksP,
    networksP,
    directP,
    nameP,
    peerP,
    memoryP,
    cpuP,
  ]);
  return {
    src: srcHost,
    dst: dstHost,
    domain: { name: domain.name, uuid: domain.uuid, id: domain.id },
    state,
    persistent,
    job,
    snapshots,
    xml,
    inactiveXml,
    srcProbe,
    ...disks,
    networks,
    directDevices: Object.fromEntries(direct),
    ...names,
    peerTest,
    freeMemory,
    cpuCompare,
  };
}
