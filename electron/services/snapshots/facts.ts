/**
 * Everything the snapshot checks and plans need, read from the host in one go (all the I/O of a
 * snapshot operation's reading side). Plain data: captured in the lab as JSON fixtures for the
 * pure tests.
 */
import type { RpcClient } from '../../libvirt/client';
import { domainGetState, domainGetXmlDesc, domainListAll, domainLookupByUuid } from '../../libvirt/domain';
import { hostGetLibVersion } from '../../libvirt/host';
import { type DomainRef, DomainXmlFlags } from '../../libvirt/protocol';
import { domainHasManagedSaveImage, snapshotCurrentName, snapshotGetXmlDesc, snapshotListAll } from '../../libvirt/snapshot';
import type { DomainModel } from '../../xml/model';
import { parseDomain } from '../../xml/parse';
import { parseSnapshotXml, type SnapshotModel } from '../../xml/snapshot';

export interface SnapshotFact {
  model: SnapshotModel;
  /** As libvirt gave it: what a REDEFINE sends back (with moved images). */
  xml: string;
}

export interface SnapshotFacts {
  /** libvirt's version number (major * 1e6 + minor * 1e3 + release). */
  libvirtVersion: number;
  vm: { name: string; uuid: string; state: string };
  /** The live definition when running (disks with their backing chains), else the persistent one. */
  domain: DomainModel;
  /** The persistent definition. */
  inactive: DomainModel;
  snapshots: SnapshotFact[];
  current: string | null;
  managedSave: boolean;
  /** Images other VMs on the host use (their disks and backing chains): path → VM names. */
  otherUsers: Record<string, string[]>;
}

const STATE_NAMES: Record<number, string> = {
  0: 'nostate',
  1: 'running',
  2: 'blocked',
  3: 'paused',
  4: 'shutdown',
  5: 'shutoff',
  6: 'crashed',
  7: 'pmsuspended',
};

export async function readSnapshotFacts(rpc: RpcClient, uuid: string): Promise<{ dom: DomainRef; facts: SnapshotFacts }> {
  const dom = await domainLookupByUuid(rpc, uuid);
  const [libvirtVersion, st, liveXml, inactiveXml, refs, current, managedSave] = await Promise.all([
    hostGetLibVersion(rpc),
    domainGetState(rpc, dom),
    domainGetXmlDesc(rpc, dom),
    domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }),
    snapshotListAll(rpc, dom),
    snapshotCurrentName(rpc, dom),
    domainHasManagedSaveImage(rpc, dom),
  ]);
  const snapshots = await Promise.all(
    refs.map(async (snap) => {
      const xml = await snapshotGetXmlDesc(rpc, snap);
      return { model: parseSnapshotXml(xml), xml };
    }),
  );
  snapshots.sort((a, b) => a.model.creationTime - b.model.creationTime || a.model.name.localeCompare(b.model.name));
  const otherUsers: Record<string, string[]> = {};
  for (const other of await domainListAll(rpc)) {
    if (other.uuid === dom.uuid) continue;
    let m: DomainModel;
    try {
      m = parseDomain(await domainGetXmlDesc(rpc, other));
    } catch {
      continue; // gone meanwhile
    }
    for (const d of m.disks) {
      for (const p of [d.path, ...d.backingChain.map((b) => b.path)]) {
        if (!p) continue;
        otherUsers[p] ??= [];
        otherUsers[p].push(other.name);
      }
    }
  }
  return {
    dom,
    facts: {
      libvirtVersion,
      vm: { name: dom.name, uuid: dom.uuid, state: STATE_NAMES[st.state] ?? 'nostate' },
      domain: parseDomain(liveXml),
      inactive: parseDomain(inactiveXml),
      snapshots,
      current,
      managedSave,
      otherUsers,
    },
  };
}
