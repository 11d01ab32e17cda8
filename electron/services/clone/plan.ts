/**
 * A clone's plan, from facts that passed the checks (no I/O, no clock): each copy (pool, name,
 * planned path, bytes, the route: libvirt's create-from on the same host or a stream through
 * Vireo), the new MACs, and the exact definition the target gets.
 */
import type { ClonePreview, CloneSpec, DomainState, HostId } from '../../../shared/api';
import type { DomainRef, StoragePoolRef, StorageVolRef } from '../../libvirt/protocol';
import { type CloneRewrite, type DiskRewrite, type NicRewrite, rewriteForClone, sourceNics } from '../../xml/clone';
import { redactDomainXml } from '../../xml/redact';
import { copyBytes, copyMethod } from './checks';
import type { CloneFacts, VolFacts } from './facts';

export interface CopyPlan {
  /** The disk's target (vda …). */
  target: string;
  from: { vol: VolFacts; ref: StorageVolRef };
  pool: string;
  poolRef: StoragePoolRef;
  name: string;
  /** Where the copy will live (the real path replaces it once the volume exists). */
  path: string;
  /** Bytes to move: the file's size across hosts; the data allocated for a local create-from. */
  bytes: number;
  /** The target pool holds block devices (logical, disk). */
  blockPool: boolean;
  /**
   * 'create-from': libvirt copies on the host (qemu-img; same host, source shut off). 'stream': a
   * download piped into an upload through Vireo — across hosts, and for a paused VM, whose disks
   * QEMU keeps locked (qemu-img cannot open them; libvirt's download reads them regardless).
   */
  method: 'create-from' | 'stream';
}

export interface ClonePlan {
  source: { hostId: HostId; label: string; dom: DomainRef; state: DomainState; xml: string };
  target: { hostId: HostId; label: string };
  crossHost: boolean;
  name: string;
  uuid: string;
  copies: CopyPlan[];
  /** How the definition is rewritten: per disk target, per NIC, the emulator. */
  disks: [string, DiskRewrite][];
  nics: NicRewrite[];
  emulator?: string;
  macs: { from: string; to: string }[];
  /** The definition the target gets, with the planned paths. */
  xml: string;
  notes: string[];
  warnings: string[];
  start: boolean;
  verify: CloneSpec['verify'];
  rateBps?: number;
}

/**
 * The plan for a spec whose checks passed. `newMac` draws a candidate MAC (random in the
 * service, a fixed sequence in tests); a MAC in use on the target is drawn again.
 */
export function planClone(f: CloneFacts, spec: CloneSpec, warnings: string[], newMac: () => string): ClonePlan {
  const s = f.spec;
  if (!s) throw new Error('planClone needs facts read for a spec');
  const src = f.source;
  const method = copyMethod(f);
  const byTarget = new Map(spec.disks.map((d) => [d.target, d]));
  const disks: [string, DiskRewrite][] = [];
  const copies: CopyPlan[] = [];
  for (const d of src.disks) {
    const choice = byTarget.get(d.target);
    if (!choice) continue;
    if (choice.mode !== 'copy') {
      disks.push([d.target, { mode: choice.mode }]);
      continue;
    }
    const pool = s.pools.find((p) => p.name === choice.pool);
    if (!d.vol || !d.ref || pool?.status !== 'running') throw new Error(`planClone: disk ${d.target} did not pass the checks`);
    const blockPool = pool.type === 'logical' || pool.type === 'disk';
    const path = `${pool.path ?? ''}/${choice.volume}`;
    copies.push({
      target: d.target,
      from: { vol: d.vol, ref: d.ref },
      pool: choice.pool,
      poolRef: pool.ref,
      name: choice.volume,
      path,
      bytes: copyBytes(f, d.vol),
      blockPool,
      method,
    });
    disks.push([d.target, { mode: 'copy', type: blockPool ? 'block' : 'file', path }]);
  }

  // New MACs, unique on the target host; NICs mapped where asked.
  const srcNics = sourceNics(src.xml);
  const used = new Set([...f.target.macs, ...srcNics.map((n) => n.mac)]);
  const bySource = new Map(spec.nics.map((n) => [n.mac.toLowerCase(), n]));
  const nics: NicRewrite[] = [];
  for (const n of srcNics) {
    const want = bySource.get(n.mac);
    let mac = want?.newMac;
    while (!mac || used.has(mac)) mac = newMac();
    used.add(mac);
    nics.push({ mac, ...(want?.target ? { target: want.target } : {}) });
  }
  const emulator = f.target.crossHost ? f.target.hypervisor?.emulator : undefined;
  const notes: string[] = [];
  if (src.state === 'paused')
    notes.push(
      `${src.dom.name} is paused: its disks are copied as they are now (QEMU flushed them when it paused)${f.target.crossHost ? '' : ', streamed through Vireo since QEMU keeps them locked'}.`,
    );
  const plan: ClonePlan = {
    source: { hostId: src.hostId, label: src.label, dom: src.dom, state: src.state, xml: src.xml },
    target: { hostId: f.target.hostId, label: f.target.label },
    crossHost: f.target.crossHost,
    name: spec.name,
    uuid: s.uuid,
    copies,
    disks,
    nics,
    ...(emulator ? { emulator } : {}),
    macs: nics.map((x, i) => ({ from: srcNics[i]?.mac ?? '', to: x.mac })).filter((m) => m.from),
    xml: '',
    notes,
    warnings,
    start: spec.start,
    verify: spec.verify,
    ...(spec.bandwidthMiBps ? { rateBps: spec.bandwidthMiBps * 1024 * 1024 } : {}),
  };
  const r = cloneDefinition(plan, {});
  plan.xml = r.xml;
  plan.notes = [...notes, ...r.notes];
  return plan;
}

/** The definition with the copies' real paths (by disk target) where they differ from the planned ones. */
export function cloneDefinition(p: ClonePlan, paths: Readonly<Record<string, string>>): { xml: string; notes: string[] } {
  const disks = new Map<string, DiskRewrite>(
    p.disks.map(([t, rw]) => [t, rw.mode === 'copy' && paths[t] ? { ...rw, path: paths[t] } : rw] as [string, DiskRewrite]),
  );
  const r: CloneRewrite = {
    name: p.name,
    uuid: p.uuid,
    sourceName: p.source.dom.name,
    disks,
    nics: p.nics,
    ...(p.emulator ? { emulator: p.emulator } : {}),
  };
  return rewriteForClone(p.source.xml, r);
}

/** What the review page shows (the VNC password the definition keeps is not shown). */
export function clonePreview(p: ClonePlan): ClonePreview {
  return {
    xml: redactDomainXml(p.xml),
    uuid: p.uuid,
    macs: p.macs,
    copies: p.copies.map((c) => ({ target: c.target, from: c.from.vol.path, pool: c.pool, name: c.name, path: c.path, bytes: c.bytes })),
    notes: p.notes,
    warnings: p.warnings,
  };
}

/** The job's title. */
export function cloneTitle(p: ClonePlan): string {
  return p.crossHost
    ? `Clone ${p.source.dom.name} (${p.source.label}) to ${p.name} on ${p.target.label}`
    : `Clone ${p.source.dom.name} to ${p.name}`;
}
