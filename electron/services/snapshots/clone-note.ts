/**
 * What a clone does with the source VM's snapshots (virt-manager#810: the anchors' clone and
 * delete forget the overlays): the snapshots are not copied (their metadata stays with the
 * source), each copied disk gets its current state, and the snapshot files stay where they are.
 * Read here (readCloneSnapshots, I/O) and said in words (cloneSnapshotNote, pure) for the clone
 * wizard (electron/services/clone/checks.ts).
 */
import type { CloneSnapshots } from '../../../shared/api/clone';
import type { RpcClient } from '../../libvirt/client';
import type { DomainRef } from '../../libvirt/protocol';
import { snapshotGetXmlDesc, snapshotListAll } from '../../libvirt/snapshot';
import { parseSnapshotXml } from '../../xml/snapshot';
import { kindOf } from './checks';

/** A source snapshot as a clone sees it: its name, kind and the files it names (overlays, images, memory state). */
export interface CloneSnapshotFact {
  name: string;
  kind: 'internal' | 'external';
  files: string[];
}

/** The source's snapshots (none when libvirt lists none). */
export async function readCloneSnapshots(rpc: RpcClient, dom: DomainRef): Promise<CloneSnapshotFact[]> {
  const refs = await snapshotListAll(rpc, dom);
  return Promise.all(
    refs.map(async (ref) => {
      const m = parseSnapshotXml(await snapshotGetXmlDesc(rpc, ref));
      const files = new Set<string>();
      for (const d of m.disks) if (d.snapshot === 'external' && d.file) files.add(d.file);
      for (const d of m.domain?.disks ?? [])
        if (d.path && d.device === 'disk' && m.disks.some((x) => x.name === d.target && x.snapshot === 'external')) files.add(d.path);
      if (m.memory === 'external' && m.memoryFile) files.add(m.memoryFile);
      return { name: m.name, kind: kindOf(m), files: [...files] };
    }),
  );
}

/**
 * What the wizard says about the source's snapshots, and which disks must not be byte-copied:
 * a stream copy of a qcow2 overlay keeps its backing reference, so on the same host the clone
 * would be built on a layer of the source's snapshot chain — a file a later merge of those
 * snapshots changes under the clone. libvirt's own copy (same host, shut off) reads through the
 * chain and writes one flattened image.
 */
export function cloneSnapshotNote(a: {
  vm: string;
  snapshots: readonly CloneSnapshotFact[];
  /** The source's disks: their current (top) file and what it is built on. */
  disks: readonly { target: string; path?: string; backing?: string }[];
  method: 'create-from' | 'stream';
  crossHost: boolean;
}): CloneSnapshots | undefined {
  if (!a.snapshots.length) return undefined;
  const tops = new Set(a.disks.map((d) => d.path).filter(Boolean));
  const files = [...new Set(a.snapshots.flatMap((s) => s.files))].filter((f) => !tops.has(f)).sort();
  const external = a.snapshots.some((s) => s.kind === 'external');
  const linked = external && a.method === 'stream' && !a.crossHost ? a.disks.filter((d) => d.backing).map((d) => d.target) : [];
  const n = a.snapshots.length;
  const parts = [
    `${a.vm} has ${n} snapshot${n === 1 ? '' : 's'} (${a.snapshots.map((s) => s.name).join(', ')}): they are not copied, the clone starts with none.`,
  ];
  if (!external)
    parts.push(
      a.method === 'create-from'
        ? "They are internal: libvirt's copy writes the current state only, without them."
        : 'They are internal: the byte copy carries them inside its qcow2 image, but the clone has no snapshot metadata for them.',
    );
  else if (a.method === 'create-from')
    parts.push(
      'Each copied disk gets its current state as one flattened image (libvirt reads through the snapshot chain); the snapshot files stay with the source.',
    );
  else if (linked.length)
    parts.push(
      `A byte copy of ${linked.join(', ')} would stay built on the source's snapshot chain, which a later merge of its snapshots changes: copying ${linked.length === 1 ? 'it' : 'them'} is refused. Shut ${a.vm} down to clone it flattened.`,
    );
  return { names: a.snapshots.map((s) => s.name), files, note: parts.join(' '), linkedDisks: linked };
}
