/** The clone wizard's form, turned into the contract's CloneSpec and checked with its schema. */
import { type CloneDiskMode, type CloneOptions, CloneSpec, type RequestInput } from '../../../shared/api';
import { volumeNameFor } from '../../../shared/naming';
import { namedIssuesByField } from '../../lib/formErrors';
import { nicKey, nicOf } from '../install/draft';

export interface DiskChoice {
  mode: CloneDiskMode;
  pool: string;
  volume: string;
  /** The admin typed a volume name: stop deriving it from the clone's name. */
  touched: boolean;
}

export interface CloneDraft {
  targetHostId: string;
  name: string;
  nameTouched: boolean;
  start: boolean;
  disks: Record<string, DiskChoice>;
  /** Per source MAC: a NicTarget key ('network:x', 'bridge:y', 'none'), or 'keep'. */
  nics: Record<string, string>;
  verify: 'sha256' | 'size';
  /** MiB/s; 0 = unlimited. */
  bandwidth: number;
}

function formatOf(o: CloneOptions, target: string): string {
  return o.disks.find((d) => d.target === target)?.format ?? 'qcow2';
}

/** Volume names follow the clone's name (name.qcow2, name-1.qcow2 …) unless typed. */
export function withCloneName(d: CloneDraft, o: CloneOptions, name: string): CloneDraft {
  const disks: Record<string, DiskChoice> = {};
  let i = 0;
  for (const disk of o.disks) {
    const c = d.disks[disk.target];
    if (!c) continue;
    const n = c.mode === 'copy' ? i++ : i;
    disks[disk.target] = c.touched || c.mode !== 'copy' ? c : { ...c, volume: volumeNameFor(name || 'clone', n, formatOf(o, disk.target)) };
  }
  return { ...d, name, disks };
}

/** The draft for these options; what the admin already chose (name, start) carries over. */
export function draftFor(o: CloneOptions, prev?: CloneDraft | null): CloneDraft {
  const pool = o.target.defaultPool ?? o.target.pools.find((p) => p.state === 'running')?.name ?? '';
  const disks: Record<string, DiskChoice> = {};
  for (const d of o.disks) disks[d.target] = { mode: d.defaultMode, pool, volume: '', touched: false };
  const nics: Record<string, string> = {};
  for (const n of o.nics) nics[n.mac] = n.suggested ? nicKey(n.suggested) : 'keep';
  const base: CloneDraft = {
    targetHostId: o.targetHostId,
    name: '',
    nameTouched: prev?.nameTouched ?? false,
    start: prev?.start ?? false,
    disks,
    nics,
    verify: prev?.verify ?? 'sha256',
    bandwidth: prev?.bandwidth ?? 0,
  };
  return withCloneName(base, o, prev?.nameTouched ? prev.name : o.suggestedName);
}

export function setDiskMode(d: CloneDraft, o: CloneOptions, target: string, mode: CloneDiskMode): CloneDraft {
  const c = d.disks[target];
  if (!c) return d;
  return withCloneName({ ...d, disks: { ...d.disks, [target]: { ...c, mode } } }, o, d.name);
}

export function toCloneSpec(d: CloneDraft, source: { hostId: string; uuid: string }): RequestInput<'clone.start'> {
  return {
    hostId: source.hostId,
    uuid: source.uuid,
    targetHostId: d.targetHostId,
    name: d.name,
    disks: Object.entries(d.disks).map(([target, c]) =>
      c.mode === 'copy' ? { target, mode: 'copy', pool: c.pool, volume: c.volume } : { target, mode: c.mode },
    ),
    nics: Object.entries(d.nics).map(([mac, key]) => (key === 'keep' ? { mac } : { mac, target: nicOf(key) })),
    start: d.start,
    verify: d.verify,
    ...(d.bandwidth > 0 ? { bandwidthMiBps: Math.round(d.bandwidth) } : {}),
  };
}

/** Each field of a step (0 target, 1 disks and network) by its path in CloneSpec, as the step labels it. */
export function cloneLabels(d: CloneDraft, step: 0 | 1): Record<string, string> {
  if (step === 0) return { name: 'Name of the clone' };
  const out: Record<string, string> = {};
  // toCloneSpec lists the disks in the draft's order: disks.<i> is the i-th target.
  Object.keys(d.disks).forEach((target, i) => {
    out[`disks.${i}.pool`] = `Into pool (${target})`;
    out[`disks.${i}.volume`] = `New volume (${target})`;
  });
  out.bandwidthMiBps = 'Limit the copy to (MiB/s)';
  return out;
}

/**
 * The schema's complaints as field path (name, disks.0.volume …) → a sentence that names the
 * field, for one step or both (an issue of no field of the form under '').
 */
export function cloneIssues(d: CloneDraft, source: { hostId: string; uuid: string }, step?: 0 | 1): Record<string, string> {
  const r = CloneSpec.safeParse(toCloneSpec(d, source));
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const s of step === undefined ? ([0, 1] as const) : [step]) {
    const labels = cloneLabels(d, s);
    const mine = r.error.issues.filter((i) => (i.path[0] === 'name' ? 0 : 1) === s);
    Object.assign(
      out,
      namedIssuesByField(mine, (p) => (p in labels ? p : undefined), labels),
    );
  }
  return out;
}
