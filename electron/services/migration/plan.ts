/**
 * The migration as a plan, from the spec and what the pre-flight found — no I/O, no clock. It
 * says which steps run in which order, with which libvirt flags and typed params, and what gets
 * created where (volumes on the destination: by Vireo for an offline copy, by libvirt for a live
 * one). execute.ts runs it; the pre-flight shows its flags and the equivalent virsh command.
 */
import type { HostInfo, MigrationSpec } from '../../../shared/api';
import { MigrateFlags, type StorageVolRef } from '../../libvirt/protocol';
import { shellJoin } from '../../transport/ssh/quote';
import { buildVolumeXml } from '../../xml/volume';

/** The typed params of a migration (libvirt's VIR_MIGRATE_PARAM_* names). */
export type MigrationParams = {
  destination_name?: string;
  destination_xml?: string;
  persistent_xml?: string;
  bandwidth?: number;
  'auto_converge.initial'?: number;
  'auto_converge.increment'?: number;
  compression?: string[];
  'parallel.connections'?: number;
};

export const MIGRATE_FLAG_NAMES: [number, string][] = [
  [MigrateFlags.LIVE, '--live'],
  [MigrateFlags.OFFLINE, '--offline'],
  [MigrateFlags.PEER2PEER, '--p2p'],
  [MigrateFlags.TUNNELLED, '--tunnelled'],
  [MigrateFlags.PERSIST_DEST, '--persistent'],
  [MigrateFlags.UNDEFINE_SOURCE, '--undefinesource'],
  [MigrateFlags.NON_SHARED_DISK, '--copy-storage-all'],
  [MigrateFlags.UNSAFE, '--unsafe'],
  [MigrateFlags.AUTO_CONVERGE, '--auto-converge'],
  [MigrateFlags.POSTCOPY, '--postcopy'],
  [MigrateFlags.COMPRESSED, '--compressed'],
  [MigrateFlags.PARALLEL, '--parallel'],
];

/** What the plan reads of a host: how the app reaches it. */
export type HostAddress = { spec: Pick<HostInfo['spec'], 'transport' | 'address' | 'port' | 'user' | 'uri'> };

/** The destination's libvirt URI as the source reaches it, from how the app reaches it. */
export function defaultPeerUri(dest: HostAddress): string | undefined {
  const s = dest.spec;
  if (s.transport !== 'ssh' || !s.address) return undefined;
  const host = s.address.includes(':') ? `[${s.address}]` : s.address;
  const port = s.port && s.port !== 22 ? `:${s.port}` : '';
  return `qemu+ssh://${s.user ? `${s.user}@` : ''}${host}${port}/system`;
}

/** How virsh would reach a host from the admin's laptop (for the equivalent command line). */
function virshUri(h: HostAddress): string {
  return defaultPeerUri(h) ?? h.spec.uri;
}

/** Flags for a spec (UNSAFE decided by the storage check). */
export function migrationFlags(spec: MigrationSpec, needUnsafe: boolean): number {
  let f = spec.mode === 'live' ? MigrateFlags.LIVE : MigrateFlags.OFFLINE;
  if (spec.persist) f |= MigrateFlags.PERSIST_DEST;
  if (spec.undefineSource) f |= MigrateFlags.UNDEFINE_SOURCE;
  if (spec.transport === 'p2p') f |= MigrateFlags.PEER2PEER;
  if (spec.tunnelled) f |= MigrateFlags.TUNNELLED;
  if (spec.mode === 'live' && spec.storage === 'copy') f |= MigrateFlags.NON_SHARED_DISK;
  if (needUnsafe) f |= MigrateFlags.UNSAFE;
  if (spec.autoConverge) f |= MigrateFlags.AUTO_CONVERGE;
  if (spec.postCopy) f |= MigrateFlags.POSTCOPY;
  if (spec.compression !== 'none') f |= MigrateFlags.COMPRESSED;
  if (spec.compression === 'zstd') f |= MigrateFlags.PARALLEL;
  return f >>> 0;
}

/** virsh's names of the flags set, in virsh's order. */
export function flagNames(flags: number): string[] {
  return MIGRATE_FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n);
}

export function migrationParams(spec: MigrationSpec, name: string): MigrationParams {
  const p: MigrationParams = {};
  if (spec.newName && spec.newName !== name) p.destination_name = spec.newName;
  if (spec.bandwidthMiBps) p.bandwidth = spec.bandwidthMiBps;
  if (spec.autoConverge) {
    p['auto_converge.initial'] = spec.autoConverge.initial;
    p['auto_converge.increment'] = spec.autoConverge.increment;
  }
  if (spec.compression === 'xbzrle') p.compression = ['xbzrle'];
  if (spec.compression === 'zstd') {
    p.compression = ['zstd'];
    p['parallel.connections'] = 2;
  }
  return p;
}

/** The same migration as virsh would run it from the admin's laptop. */
export function virshCommand(
  spec: MigrationSpec,
  src: HostAddress,
  dst: HostAddress,
  name: string,
  flags: number,
  peerUri?: string,
): string {
  const words = ['virsh', '-c', virshUri(src), 'migrate'];
  for (const [bit, w] of MIGRATE_FLAG_NAMES) if (flags & bit) words.push(w);
  if (spec.bandwidthMiBps) words.push('--bandwidth', String(spec.bandwidthMiBps));
  if (spec.autoConverge)
    words.push(
      '--auto-converge-initial',
      String(spec.autoConverge.initial),
      '--auto-converge-increment',
      String(spec.autoConverge.increment),
    );
  if (spec.compression !== 'none') words.push('--comp-methods', spec.compression);
  if (spec.compression === 'zstd') words.push('--parallel-connections', '2');
  if (spec.newName && spec.newName !== name) words.push('--dname', spec.newName);
  if (spec.storage === 'copy' && spec.destPool) words.push('--xml', `<definition with the disks in pool ${spec.destPool}>`);
  words.push('--verbose', name, spec.transport === 'p2p' ? (peerUri ?? '?') : virshUri(dst));
  return shellJoin(words);
}

// ---- the run ---------------------------------------------------------------------------------------

/** What the pre-flight found about one disk, as the plan takes it (a subset of preflight's DiskPlan). */
export interface PlannedDisk {
  target: string;
  type: string;
  source: string;
  format: string;
  copy: boolean;
  dest: string;
  destPool?: string;
  fileSize: number;
  srcVol?: StorageVolRef;
  preexisting: boolean;
}

/** What the pre-flight decided, as the plan takes it (preflight's Preflight fits). */
export interface PreflightResult {
  name: string;
  destName: string;
  state: string;
  disks: PlannedDisk[];
  flags: number;
  params: MigrationParams;
  peerUri?: string;
}

/** One volume an offline copy creates on the destination, then fills from the source's. */
export interface OfflineCopy {
  target: string;
  /** The source disk's path and its volume (streamed out of its pool). */
  source: string;
  srcVol: StorageVolRef;
  pool: string;
  name: string;
  /** Path on the destination. */
  dest: string;
  /** Bytes streamed: the file's size on the source. */
  bytes: number;
  /** The volume to create (capacity = the file's size, sparse, the disk's format). */
  xml: string;
}

/** A destination path libvirt creates during a live copy (when nothing is there before). */
export interface LiveCopyTarget {
  path: string;
  pool?: string;
  /** The pre-flight's file test over SSH saw something there. */
  probeSaw: boolean;
}

export type Step =
  /** Live copy: ask libvirt which destination paths it already knows (what is there is never ours). */
  | { kind: 'record-destination-volumes'; targets: LiveCopyTarget[] }
  /** Offline copy: create each volume on the destination and stream the disk into it. */
  | { kind: 'copy-disks'; copies: OfflineCopy[]; totalBytes: number }
  /** libvirt's migration: held by the app (direct) or run by the source host (p2p). */
  | {
      kind: 'migrate';
      transport: 'direct' | 'p2p';
      flags: number;
      params: MigrationParams;
      peerUri?: string;
      /** Live: followed from the source's job stats while it runs. */
      follow: boolean;
      /** Already running on the source (found there): only follow it. */
      found?: true;
    }
  /** Where the VM is now; moved = restore our steering on the destination, else settle the failure. */
  | { kind: 'check-placement' }
  /** What libvirt's last steps may not have got to: persist on the destination, undefine on the source. */
  | { kind: 'complete-definitions'; persist: boolean; undefineSource: boolean };

export interface RunPlan {
  name: string;
  destName: string;
  mode: MigrationSpec['mode'];
  /** The VM was paused before the job (a pause found after it is not ours to undo). */
  wasPaused: boolean;
  steps: Step[];
  /** What this run may create on the destination, and who creates it. */
  creates: { by: 'vireo' | 'libvirt'; path: string; pool?: string }[];
}

/** The offline copies of a pre-flight's disks: only copied file disks with a source volume and a destination pool. */
export function offlineCopies(disks: readonly PlannedDisk[]): OfflineCopy[] {
  const out: OfflineCopy[] = [];
  for (const d of disks) {
    if (!d.copy || !d.srcVol || !d.destPool) continue;
    const name = d.dest.split('/').pop() as string;
    out.push({
      target: d.target,
      source: d.source,
      srcVol: d.srcVol,
      pool: d.destPool,
      name,
      dest: d.dest,
      bytes: d.fileSize,
      xml: buildVolumeXml({ name, capacity: d.fileSize, allocation: 0, format: d.format === 'qcow2' ? 'qcow2' : 'raw' }),
    });
  }
  return out;
}

/** The live copy's destination paths (file disks only: libvirt creates those in the destination pool). */
export function liveCopyTargets(disks: readonly PlannedDisk[]): LiveCopyTarget[] {
  return disks
    .filter((d) => d.copy && d.type === 'file')
    .map((d) => ({ path: d.dest, ...(d.destPool ? { pool: d.destPool } : {}), probeSaw: d.preexisting }));
}

/** The ordered steps of a migration. */
export function planRun(spec: MigrationSpec, pre: PreflightResult): RunPlan {
  const steps: Step[] = [];
  const creates: RunPlan['creates'] = [];
  const live = spec.mode === 'live';
  if (spec.storage === 'copy') {
    if (live) {
      const targets = liveCopyTargets(pre.disks);
      steps.push({ kind: 'record-destination-volumes', targets });
      for (const t of targets) creates.push({ by: 'libvirt', path: t.path, ...(t.pool ? { pool: t.pool } : {}) });
    } else {
      const copies = offlineCopies(pre.disks);
      steps.push({ kind: 'copy-disks', copies, totalBytes: copies.reduce((s, c) => s + c.bytes, 0) });
      for (const c of copies) creates.push({ by: 'vireo', path: c.dest, pool: c.pool });
    }
  }
  steps.push({
    kind: 'migrate',
    transport: spec.transport,
    flags: pre.flags,
    params: { ...pre.params },
    ...(spec.transport === 'p2p' && pre.peerUri ? { peerUri: pre.peerUri } : {}),
    follow: live,
  });
  steps.push({ kind: 'check-placement' });
  steps.push({ kind: 'complete-definitions', persist: spec.persist, undefineSource: spec.undefineSource });
  return { name: pre.name, destName: pre.destName, mode: spec.mode, wasPaused: pre.state === 'paused', steps, creates };
}

/**
 * A migration found running on a host (started elsewhere, or before the app restarted): follow the
 * host's job, then check where the VM is. Nothing was created by this app and no spec is known, so
 * nothing is planned beyond that (no definition to complete, no copy to undo).
 */
export function planFollow(name: string): RunPlan {
  return {
    name,
    destName: name,
    mode: 'live',
    wasPaused: false,
    steps: [
      { kind: 'migrate', transport: 'p2p', flags: 0, params: {}, follow: true, found: true },
      { kind: 'check-placement' },
      { kind: 'complete-definitions', persist: false, undefineSource: false },
    ],
    creates: [],
  };
}
