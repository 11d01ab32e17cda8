/**
 * A clone's checks, from facts only (no I/O, no clock): what each disk allows, where each NIC can
 * go, the refusals (each with the field it is about, in plain words) and the warnings.
 */
import type { CloneDiskInfo, CloneNicInfo, CloneOptions, CloneSnapshots, CloneSpec, NicTarget } from '../../../shared/api';
import { cloneNameFor } from '../../../shared/naming';
import { sourceNics } from '../../xml/clone';
import { cloneSnapshotNote } from '../snapshots/clone-note';
import type { CloneFacts, PoolFacts, SourceDiskFacts } from './facts';

const MiB = 1048576;

/** A clone refused before anything is made: the AppError it becomes, and the field of the spec it is about. */
export interface Refusal {
  code: 'source-running' | 'exists' | 'invalid-input' | 'not-found' | 'pool-inactive';
  /** The spec's field: name, newUuid, disks.<target>, nics.<mac> … */
  field: string;
  message: string;
  hint?: string;
}

/** How a disk is copied: by libvirt on the host (same host, shut off) or streamed through Vireo. */
export function copyMethod(f: CloneFacts): 'create-from' | 'stream' {
  return f.target.crossHost || f.source.state !== 'shutoff' ? 'stream' : 'create-from';
}

/** Bytes a copy moves: the file's size across hosts; the data allocated for a local create-from. */
export function copyBytes(f: CloneFacts, vol: { capacity: number; allocation: number; physical?: number }): number {
  return copyMethod(f) === 'stream' ? (vol.physical ?? vol.capacity) : Math.max(vol.allocation, 1);
}

/** The source's snapshots as the clone treats them (not copied; flattened or refused): electron/services/snapshots/clone-note.ts. */
export function snapshotsOf(f: CloneFacts): CloneSnapshots | undefined {
  return cloneSnapshotNote({
    vm: f.source.dom.name,
    snapshots: f.source.snapshots ?? [],
    disks: f.source.disks.map((d) => ({
      target: d.target,
      ...(d.path ? { path: d.path } : {}),
      ...(d.vol?.backing ? { backing: d.vol.backing } : {}),
    })),
    method: copyMethod(f),
    crossHost: f.target.crossHost,
  });
}

/** What one disk of the source allows in a clone (copy / share / detach), and why not the others. */
export function diskInfo(d: SourceDiskFacts, f: CloneFacts): CloneDiskInfo {
  const crossHost = f.target.crossHost;
  const target = f.target.label;
  const notes: string[] = [];
  // A CD-ROM or floppy is read-only to the guest: shared (an empty drive stays an empty drive).
  const removable = d.device === 'cdrom' || d.device === 'floppy';
  const readOnly = d.readonly || d.shareable || removable;
  let copy = !!d.vol && (d.vol.type === 'file' || d.vol.type === 'block');
  if (!d.vol && d.path)
    notes.push(`Not a volume of a storage pool: it cannot be copied (add its directory as a pool on the host to copy it).`);
  if (d.type === 'network') notes.push('A network disk: it cannot be copied.');
  if (copy && crossHost && d.vol?.backing) {
    copy = false;
    notes.push(
      `Has a backing file (${d.vol.backing}): a byte copy to ${target} would point at a file that host lacks. Flatten it first, or clone on the same host.`,
    );
  }
  if (copy && snapshotsOf(f)?.linkedDisks.includes(d.target)) {
    copy = false;
    notes.push(
      `Built on ${d.vol?.backing}, a layer of ${f.source.dom.name}'s snapshots: a byte copy would stay built on it, and a merge of those snapshots would change it under the clone. Shut ${f.source.dom.name} down to clone it flattened.`,
    );
  }
  let share = readOnly;
  if (share && crossHost && d.path && !f.target.readable?.includes(d.path)) {
    share = false;
    notes.push(`${d.path} does not exist on ${target}: copy or detach it.`);
  }
  if (!readOnly && !copy) notes.push('A writable disk is never shared between two VMs: without a copy, the clone goes without it.');
  const modes: CloneDiskInfo['modes'] = [...(copy ? (['copy'] as const) : []), ...(share ? (['share'] as const) : []), 'detach'];
  const defaultMode: CloneDiskInfo['defaultMode'] = readOnly && share ? 'share' : copy ? 'copy' : 'detach';
  return {
    target: d.target,
    device: d.device,
    ...(d.bus ? { bus: d.bus } : {}),
    type: d.type,
    ...(d.path ? { source: d.path } : d.pool && d.volume ? { source: `${d.pool}/${d.volume}` } : {}),
    ...(d.format ? { format: d.format } : {}),
    readonly: d.readonly,
    shareable: d.shareable,
    ...(d.vol
      ? {
          volume: {
            pool: d.vol.pool,
            name: d.vol.name,
            capacity: d.vol.capacity,
            allocation: d.vol.allocation,
            ...(d.vol.physical !== undefined ? { physical: d.vol.physical } : {}),
            ...(d.vol.backing ? { backing: d.vol.backing } : {}),
          },
        }
      : {}),
    modes,
    defaultMode,
    notes,
  };
}

/** Where each NIC of the source goes on the target: the same network/bridge when it has it, else a substitute. */
export function nicInfo(f: CloneFacts): CloneNicInfo[] {
  const bridges = f.target.bridges ?? [];
  const nets = f.target.networks ?? [];
  return sourceNics(f.source.xml).map((n) => {
    const same: NicTarget | undefined =
      n.type === 'bridge' && n.source
        ? { kind: 'bridge', name: n.source }
        : n.type === 'network' && n.source
          ? { kind: 'network', name: n.source }
          : undefined;
    const base = { mac: n.mac, type: n.type, ...(n.source ? { source: n.source } : {}), ...(n.model ? { model: n.model } : {}) };
    if (!same) return { ...base, remapped: false };
    const present = same.kind === 'bridge' ? bridges.includes(same.name) : nets.some((x) => x.name === same.name);
    let suggested: NicTarget = same;
    if (!present) {
      const netBridges = new Set(nets.map((x) => x.bridge).filter(Boolean));
      const bridge = bridges.find((b) => !netBridges.has(b));
      const net = nets.find((x) => x.name === 'default') ?? nets.find((x) => x.active) ?? nets[0];
      suggested =
        same.kind === 'bridge' && bridge
          ? { kind: 'bridge', name: bridge }
          : net
            ? { kind: 'network', name: net.name }
            : bridge
              ? { kind: 'bridge', name: bridge }
              : { kind: 'none' };
    }
    return { ...base, suggested, remapped: !present };
  });
}

/** The clone wizard's first page: the source, what each disk and NIC allows, the target's pools. */
export function cloneOptions(f: CloneFacts): CloneOptions {
  const src = f.source;
  const pools = f.target.pools ?? [];
  const running = pools.filter((p) => p.state === 'running');
  const firstPool = src.disks.find((d) => d.vol)?.vol?.pool;
  const defaultPool =
    running.find((p) => p.name === firstPool)?.name ?? running.find((p) => p.name === 'default')?.name ?? running[0]?.name;
  const cloneable = src.state === 'shutoff' || src.state === 'paused';
  return {
    source: {
      hostId: src.hostId,
      uuid: src.dom.uuid,
      name: src.dom.name,
      state: src.state,
      cloneable,
      ...(cloneable
        ? {}
        : {
            reason: `${src.dom.name} is ${src.state}: shut it down or pause it first (a running VM’s disks change while they are copied).`,
          }),
    },
    targetHostId: f.target.hostId,
    crossHost: f.target.crossHost,
    suggestedName: cloneNameFor(src.dom.name, new Set(f.target.names)),
    disks: src.disks.map((d) => diskInfo(d, f)),
    nics: nicInfo(f),
    ...(snapshotsOf(f) ? { snapshots: snapshotsOf(f) } : {}),
    target: { pools, networks: f.target.networks ?? [], bridges: f.target.bridges ?? [], ...(defaultPool ? { defaultPool } : {}) },
  };
}

function poolRefusal(p: PoolFacts, label: string, field: string): Refusal | undefined {
  if (p.status === 'missing')
    return { code: 'not-found', field, message: `${label} has no storage pool "${p.name}"`, hint: 'Pick another pool.' };
  if (p.status === 'inactive')
    return {
      code: 'pool-inactive',
      field,
      message: `The storage pool "${p.name}" on ${label} is not running`,
      hint: 'Start the pool on the host (virsh pool-start), then try again.',
    };
  return undefined;
}

const modeWord = { copy: 'copied', share: 'shared', detach: 'detached' } as const;

/**
 * Everything that refuses this clone, in the order the admin should fix them (the first one is
 * what the wizard shows). Empty: the clone can go ahead. Needs facts read for the spec.
 */
export function cloneRefusals(f: CloneFacts, spec: CloneSpec): Refusal[] {
  const out: Refusal[] = [];
  const src = f.source;
  const dst = f.target.label;
  const s = f.spec;
  if (!s) throw new Error('cloneRefusals needs facts read for a spec');
  if (src.state !== 'shutoff' && src.state !== 'paused')
    out.push({
      code: 'source-running',
      field: 'uuid',
      message: `${src.dom.name} is ${src.state}`,
      hint: 'Shut it down or pause it first: a running VM’s disks change while they are copied.',
    });
  if (!s.nameFree)
    out.push({
      code: 'exists',
      field: 'name',
      message: `A VM named “${spec.name}” already exists on ${dst}`,
      hint: 'Choose another name.',
    });
  if (s.uuid === spec.uuid || !s.uuidFree)
    out.push({
      code: 'exists',
      field: 'newUuid',
      message: `The UUID ${s.uuid} is taken on ${dst}`,
      hint: 'Go back and review again for a new UUID.',
    });

  const byTarget = new Map(spec.disks.map((d) => [d.target, d]));
  if (byTarget.size !== spec.disks.length) out.push({ code: 'invalid-input', field: 'disks', message: 'A disk is listed twice' });
  const volumeKeys = new Set<string>();
  for (const d of src.disks) {
    const field = `disks.${d.target}`;
    const choice = byTarget.get(d.target);
    if (!choice) {
      out.push({
        code: 'invalid-input',
        field,
        message: `No decision for disk ${d.target} of ${src.dom.name}`,
        hint: 'Choose copy, share or detach for every disk.',
      });
      continue;
    }
    byTarget.delete(d.target);
    const info = diskInfo(d, f);
    if (!info.modes.includes(choice.mode)) {
      out.push({
        code: 'invalid-input',
        field,
        message: `Disk ${d.target} cannot be ${modeWord[choice.mode]}`,
        ...(info.notes.length ? { hint: info.notes.join(' ') } : {}),
      });
      continue;
    }
    if (choice.mode !== 'copy') continue;
    const key = `${choice.pool}\u0000${choice.volume}`;
    if (volumeKeys.has(key)) {
      out.push({
        code: 'invalid-input',
        field,
        message: `Two disks would be copied to ${choice.pool}/${choice.volume}`,
        hint: 'Give each copy its own volume name.',
      });
      continue;
    }
    volumeKeys.add(key);
    const pool = s.pools.find((p) => p.name === choice.pool);
    if (!pool) throw new Error(`no facts read for the pool ${choice.pool}`);
    const bad = poolRefusal(pool, dst, field);
    if (bad) out.push(bad);
    else if (pool.status === 'running' && pool.taken.includes(choice.volume))
      out.push({
        code: 'exists',
        field,
        message: `The pool ${choice.pool} on ${dst} already has a volume “${choice.volume}”`,
        hint: 'Choose another volume name; existing volumes are never overwritten.',
      });
  }
  if (byTarget.size)
    out.push({ code: 'invalid-input', field: 'disks', message: `${src.dom.name} has no disk ${[...byTarget.keys()].join(', ')}` });

  // A MAC the admin reviewed must still be free; a network named must exist.
  const used = new Set([...f.target.macs, ...sourceNics(src.xml).map((n) => n.mac)]);
  const bySource = new Map(spec.nics.map((n) => [n.mac.toLowerCase(), n]));
  for (const n of sourceNics(src.xml)) {
    const want = bySource.get(n.mac);
    const field = `nics.${n.mac}`;
    if (want?.newMac && used.has(want.newMac))
      out.push({
        code: 'exists',
        field,
        message: `The MAC ${want.newMac} is in use on ${dst}`,
        hint: 'Go back and review again for new MACs.',
      });
    if (want?.newMac) used.add(want.newMac);
    const t = want?.target;
    if (t?.kind === 'network' && !f.target.networks?.some((x) => x.name === t.name))
      out.push({ code: 'not-found', field, message: `${dst} has no network “${t.name}”` });
  }
  return out;
}

/** What will not stop the clone being made but may stop it from starting, in the admin's words. */
export function cloneWarnings(f: CloneFacts, spec: CloneSpec): string[] {
  const out: string[] = [];
  const dst = f.target.label;
  const byTarget = new Map(spec.disks.map((d) => [d.target, d]));
  for (const d of f.source.disks) {
    const choice = byTarget.get(d.target);
    if (choice?.mode !== 'copy' || !d.vol) continue;
    const pool = f.spec?.pools.find((p) => p.name === choice.pool);
    if (pool?.status !== 'running') continue;
    const bytes = copyBytes(f, d.vol);
    if (bytes > pool.available)
      out.push(
        `The pool ${choice.pool} on ${dst} has ${Math.floor(pool.available / MiB)} MiB free; ${d.target} needs up to ${Math.ceil(bytes / MiB)} MiB.`,
      );
  }
  const bridges = f.target.bridges ?? [];
  const nets = f.target.networks ?? [];
  const bySource = new Map(spec.nics.map((n) => [n.mac.toLowerCase(), n]));
  for (const n of sourceNics(f.source.xml)) {
    const t = bySource.get(n.mac)?.target;
    if (t?.kind === 'bridge' && !bridges.includes(t.name)) out.push(`${dst} has no bridge ${t.name}: the clone will not start.`);
    if (t?.kind === 'network') {
      const net = nets.find((x) => x.name === t.name);
      if (net && !net.active) out.push(`The network ${t.name} is not running on ${dst}: start it before the clone.`);
    }
    if (!t && f.target.crossHost) {
      if (n.type === 'bridge' && n.source && !bridges.includes(n.source))
        out.push(`${dst} has no bridge ${n.source}: map NIC ${n.mac} to one it has.`);
      if (n.type === 'network' && n.source && !nets.some((x) => x.name === n.source))
        out.push(`${dst} has no network ${n.source}: map NIC ${n.mac}.`);
    }
  }
  const hv = f.target.hypervisor;
  if (f.target.crossHost && hv) {
    const machine = /<type[^>]*machine=['"]([^'"]+)['"]/.exec(f.source.xml)?.[1];
    if (machine && !hv.machines.includes(machine)) out.push(`${dst}’s QEMU has no machine type ${machine}: defining the clone will fail.`);
  }
  return out;
}
