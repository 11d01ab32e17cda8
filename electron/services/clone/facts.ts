/**
 * Everything a clone reads from its two hosts, as plain data (JSON-serialisable: the unit tests
 * replay facts captured from the lab). No decision is taken here: checks.ts refuses, plan.ts plans.
 */
import type { CloneSpec, DomainState, HostDetails, HostId, NetworkSummary, StoragePoolSummary } from '../../../shared/api';
import { domainGetState, domainGetXmlDesc, domainLookupByUuid } from '../../libvirt/domain';
import { isAppError } from '../../libvirt/errors';
import { type DomainRef, DomainXmlFlags, type StoragePoolRef, type StorageVolRef } from '../../libvirt/protocol';
import { poolLookupByName, volLookupByName, volLookupByPath } from '../../libvirt/storage';
import { type SourceDisk, sourceDisks } from '../../xml/clone';
import { stateOf } from '../domains';
import { activePool, domainNameFree, domainUuidFree, hostMacsAndNames, hypervisorFacts, volumeFacts, volumeNameFree } from '../hostfacts';
import { type CloneSnapshotFact, readCloneSnapshots } from '../snapshots/clone-note';
import { type HostIo, hostBridges, hostReadable } from '../transfer';

/** A pool volume's facts (volumeFacts). */
export interface VolFacts {
  pool: string;
  name: string;
  path: string;
  type: string;
  format?: string;
  capacity: number;
  allocation: number;
  physical?: number;
  backing?: string;
}

export interface SourceDiskFacts extends SourceDisk {
  /** The pool volume behind the disk on the source host (absent: not a volume of a pool there). */
  vol?: VolFacts;
  ref?: StorageVolRef;
}

/** A pool the spec names on the target. */
export type PoolFacts =
  | { name: string; status: 'missing' | 'inactive' }
  | {
      name: string;
      status: 'running';
      ref: StoragePoolRef;
      type: string;
      path?: string;
      available: number;
      /** The volume names the spec asks for that the pool already has. */
      taken: string[];
    };

export interface CloneFacts {
  source: {
    hostId: HostId;
    label: string;
    dom: DomainRef;
    state: DomainState;
    /** The inactive definition, read with SECURE (a clone keeps its VNC password). */
    xml: string;
    disks: SourceDiskFacts[];
    /** Its snapshots (what they name): not copied; absent in facts captured before they were read. */
    snapshots?: CloneSnapshotFact[];
  };
  target: {
    hostId: HostId;
    label: string;
    crossHost: boolean;
    /** The source's disk paths the target can read (cross-host only; null on the same host). */
    readable: string[] | null;
    macs: string[];
    names: string[];
    /** Host bridges; null when not read (same host, no NIC put on a bridge). */
    bridges: string[] | null;
    /** null when not read (same host, no NIC put on a network). */
    networks: NetworkSummary[] | null;
    pools: StoragePoolSummary[] | null;
    /** Cross-host: the target's emulator and machine types. */
    hypervisor: { emulator: string; machines: string[] } | null;
  };
  /** Read for a spec (preview, start); absent for the wizard's options. */
  spec?: {
    /** The clone's UUID (the spec's, else a new one). */
    uuid: string;
    nameFree: boolean;
    uuidFree: boolean;
    pools: PoolFacts[];
  };
}

/** How a clone reaches its hosts. */
export interface CloneHosts {
  io(id: HostId): HostIo;
  details(id: HostId): Promise<HostDetails>;
}

export async function readSource(io: HostIo, uuid: string): Promise<CloneFacts['source']> {
  const rpc = io.rpc();
  const dom = await domainLookupByUuid(rpc, uuid);
  const [st, xml] = await Promise.all([
    domainGetState(rpc, dom),
    domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }),
  ]);
  const disks = await Promise.all(
    sourceDisks(xml).map(async (d): Promise<SourceDiskFacts> => {
      try {
        let ref: StorageVolRef | undefined;
        if (d.type === 'volume' && d.pool && d.volume) ref = await volLookupByName(rpc, await poolLookupByName(rpc, d.pool), d.volume);
        else if (d.path && (d.type === 'file' || d.type === 'block')) ref = await volLookupByPath(rpc, d.path);
        if (!ref) return d;
        const vol = await volumeFacts(rpc, ref.pool, ref);
        return { ...d, path: vol.path, vol, ref };
      } catch {
        return d; // not in a pool on this host
      }
    }),
  );
  const snapshots = await readCloneSnapshots(rpc, dom);
  return { hostId: io.id, label: io.label, dom, state: stateOf(st.state), xml, disks, ...(snapshots.length ? { snapshots } : {}) };
}

/** A pool by name as data: missing, not running, or running with its room and the asked names already taken. */
async function poolFacts(io: HostIo, name: string, names: readonly string[]): Promise<PoolFacts> {
  const rpc = io.rpc();
  try {
    const pool = await activePool(rpc, name, io.label);
    const taken: string[] = [];
    for (const v of names) if (!(await volumeNameFree(rpc, pool.ref, v))) taken.push(v);
    return {
      name,
      status: 'running',
      ref: pool.ref,
      type: pool.type,
      ...(pool.path !== undefined ? { path: pool.path } : {}),
      available: pool.available,
      taken,
    };
  } catch (err) {
    if (isAppError(err, 'not-found')) return { name, status: 'missing' };
    if (isAppError(err, 'pool-inactive')) return { name, status: 'inactive' };
    throw err;
  }
}

/**
 * Reads the source VM and the target host; with a spec, also what it names (its pools and
 * volume names, the clone's name and UUID). `uuid` is the clone's UUID for a spec.
 */
export async function collectCloneFacts(
  hosts: CloneHosts,
  q: { hostId: HostId; uuid: string; targetHostId: HostId },
  spec?: { spec: CloneSpec; uuid: string },
): Promise<CloneFacts> {
  const source = await readSource(hosts.io(q.hostId), q.uuid);
  const dst = hosts.io(q.targetHostId);
  const rpc = dst.rpc();
  const crossHost = q.hostId !== q.targetHostId;
  const s = spec?.spec;
  // What the wizard's options show is always read; a spec reads only what it uses (as few calls as it needs).
  const wantBridges = !s || crossHost || s.nics.some((n) => n.target?.kind === 'bridge');
  const wantDetails = !s || crossHost || s.nics.some((n) => n.target?.kind === 'network');
  const paths = source.disks.map((d) => d.path).filter((p): p is string => !!p);
  const [taken, bridges, details, readable, hv] = await Promise.all([
    hostMacsAndNames(rpc),
    wantBridges ? hostBridges(dst) : null,
    wantDetails ? hosts.details(q.targetHostId) : null,
    crossHost ? hostReadable(dst, paths) : null,
    crossHost && s ? hypervisorFacts(rpc) : null,
  ]);
  const target: CloneFacts['target'] = {
    hostId: q.targetHostId,
    label: dst.label,
    crossHost,
    readable: readable ? paths.filter((p) => readable.has(p)) : null,
    macs: [...taken.macs].sort(),
    names: [...taken.names].sort(),
    bridges,
    networks: details?.networks ?? null,
    pools: details?.pools ?? null,
    hypervisor: hv ? { emulator: hv.emulator, machines: [...hv.machines].sort() } : null,
  };
  if (!s || !spec) return { source, target };
  const wanted = new Map<string, string[]>();
  for (const d of s.disks) if (d.mode === 'copy') wanted.set(d.pool, [...new Set([...(wanted.get(d.pool) ?? []), d.volume])]);
  const [nameFree, uuidFree, pools] = await Promise.all([
    domainNameFree(rpc, s.name),
    domainUuidFree(rpc, spec.uuid),
    Promise.all([...wanted].map(([pool, names]) => poolFacts(dst, pool, names))),
  ]);
  return { source, target, spec: { uuid: spec.uuid, nameFree, uuidFree, pools } };
}
