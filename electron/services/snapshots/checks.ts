/**
 * What may be done with a VM's snapshots, and the list the tab shows: pure functions of the facts
 * (facts.ts). The safety rules the anchors learned the hard way live here: no mixed chains, the
 * firmware and libvirt version before offering a kind, quiesce only with an agent that answers.
 */
import {
  MEMORY_WITH_EXCLUDED,
  type Offer,
  type SnapshotCreate,
  type SnapshotFile,
  type SnapshotInfo,
  type SnapshotKind,
  type SnapshotList,
} from '../../../shared/api/snapshots';
import { AppError } from '../../../shared/errors';
import type { DomainDiskModel } from '../../xml/model';
import type { SnapshotModel } from '../../xml/snapshot';
import { chainFactsOf } from './chain';
import type { SnapshotFacts } from './facts';

const chainsOf = (f: SnapshotFacts): Chains => new Map(chainFactsOf(f).disks.map((d) => [d.target, d.chain]));

/** libvirt versions that matter (major * 1e6 + minor * 1e3). */
export const LIBVIRT = {
  /** Internal snapshots of a VM with pflash (UEFI) firmware can be created from 10.9 on. */
  internalPflash: 10_009_000,
  /** libvirt reverts to an external snapshot itself from 9.7 on. */
  revertExternal: 9_007_000,
  /** libvirt deletes an external snapshot itself from 9.0 on. */
  deleteExternal: 9_000_000,
} as const;

export const formatVersion = (v: number): string => `${Math.floor(v / 1e6)}.${Math.floor(v / 1e3) % 1000}.${v % 1000}`;

/** The disks a snapshot covers: writable disks with an image (not CD-ROMs, not read-only, not shareable). */
export function snapshotDisks(facts: SnapshotFacts): DomainDiskModel[] {
  return facts.domain.disks.filter((d) => d.device === 'disk' && d.target && d.path && !d.readonly && !d.shareable);
}

export const isRunning = (f: SnapshotFacts): boolean => f.vm.state === 'running' || f.vm.state === 'paused';

/** A snapshot is external when any of its disks (or its memory) went to another file. */
export function kindOf(m: SnapshotModel): SnapshotKind {
  return m.disks.some((d) => d.snapshot === 'external') || m.memory === 'external' ? 'external' : 'internal';
}

function hasPflash(f: SnapshotFacts): boolean {
  return f.inactive.os.loader?.type === 'pflash' || f.inactive.os.firmware === 'efi' || !!f.inactive.os.nvram;
}

export function internalOffer(f: SnapshotFacts): Offer {
  if (f.snapshots.some((s) => kindOf(s.model) === 'external'))
    return {
      ok: false,
      why: 'This VM has external snapshots: an internal one on top would make a mixed chain, which libvirt cannot revert or delete safely. Use external, or delete the external snapshots first.',
    };
  if (hasPflash(f) && f.libvirtVersion < LIBVIRT.internalPflash)
    return {
      ok: false,
      why: `This VM boots with UEFI (pflash) firmware: internal snapshots of it need libvirt 10.9 or later, and this host has ${formatVersion(f.libvirtVersion)}. Use an external snapshot.`,
    };
  const notQcow2 = snapshotDisks(f).filter((d) => d.driver.type !== 'qcow2');
  if (notQcow2.length)
    return {
      ok: false,
      why: `Internal snapshots live inside qcow2 images; ${notQcow2.map((d) => `${d.target} is ${d.driver.type ?? 'raw'}`).join(', ')}. Use an external snapshot.`,
    };
  if (!snapshotDisks(f).length) return { ok: false, why: 'The VM has no disk to snapshot.' };
  const first = snapshotDisks(f)[0]?.path;
  return memoryStateFits(f, first ? `${first} (inside the qcow2 image)` : 'the first disk');
}

const GiB = 1024 ** 3;
const size = (n: number): string => (n >= GiB ? `${(n / GiB).toFixed(1)} GiB` : `${Math.ceil(n / 1024 ** 2)} MiB`);

/**
 * A running VM's memory state (up to the guest's current memory) goes into `target`: the first
 * disk's qcow2 image (internal) or a file beside it (external with memory), in the first disk's
 * pool. Refused (with the numbers and the real target) when that pool has less free space; unknown
 * pools (the image outside a pool) are not guessed at.
 */
export function memoryStateFits(f: SnapshotFacts, target: string): Offer {
  if (!isRunning(f)) return { ok: true };
  const first = snapshotDisks(f)[0];
  const pool = first?.target ? f.diskPools?.[first.target] : undefined;
  const free = pool !== undefined ? f.pools?.[pool] : undefined;
  if (pool === undefined || free === undefined) return { ok: true };
  const need = f.domain.memory.currentKiB * 1024;
  if (need <= free) return { ok: true };
  return {
    ok: false,
    why: `The memory state (up to ${size(need)}, the VM's current memory) goes into ${target}, and its pool “${pool}” has ${size(free)} free. Free space in “${pool}”, or shut the VM down (a disk-only snapshot needs little space).`,
  };
}

export function externalOffer(f: SnapshotFacts): Offer {
  if (f.snapshots.some((s) => kindOf(s.model) === 'internal'))
    return {
      ok: false,
      why: 'This VM has internal snapshots: an external one on top would make a mixed chain (libvirt accepts it, then cannot revert or merge it safely). Use internal, or delete the internal snapshots first.',
    };
  const noFile = snapshotDisks(f).filter((d) => d.type !== 'file' && d.type !== 'block');
  if (noFile.length)
    return { ok: false, why: `External snapshots need file or block disks; ${noFile.map((d) => `${d.target} is ${d.type}`).join(', ')}.` };
  if (!snapshotDisks(f).length) return { ok: false, why: 'The VM has no disk to snapshot.' };
  return { ok: true };
}

/**
 * External with memory: the running guest's memory state saved to a file beside the first disk's
 * image (libvirt pauses the guest while it writes it). Needs the VM running, and room for up to
 * its current memory in that pool.
 */
export function externalMemoryOffer(f: SnapshotFacts): Offer {
  const ext = externalOffer(f);
  if (!ext.ok) return ext;
  if (!isRunning(f)) return { ok: false, why: 'The VM is not running: there is no memory state to save.' };
  return memoryStateFits(f, `a file beside the first disk (${memoryFileFor(f, '<snapshot>')})`);
}

/**
 * Where an external snapshot's memory state goes: beside the first disk's file (in its pool),
 * named `<vm>.<snapshot>.<first 8 hex of the VM's uuid>.mem`. The uuid keeps two VMs' files apart:
 * `web.prod` + `v1` against `web` + `prod.v1`, or two hosts' `web` sharing a network pool (libvirt
 * truncates an existing file: checkCreate refuses a name already taken).
 */
export function memoryFileFor(f: SnapshotFacts, snapshot: string): string {
  const first = snapshotDisks(f)[0]?.path;
  if (!first) throw new AppError('refused', 'The VM has no disk to snapshot', 'Add a disk first.');
  const stamp = f.vm.uuid.replace(/-/g, '').slice(0, 8);
  return `${first.slice(0, first.lastIndexOf('/') + 1)}${f.vm.name}.${snapshot}.${stamp}.mem`;
}

/**
 * "Snapshot the current state first" before a revert: of the target's kind; with the running
 * guest's memory when the target is external and memory snapshots are offered (an internal one of
 * a running VM holds its memory anyway). False: that snapshot keeps the disks only.
 */
export function saveCurrentWithMemory(f: SnapshotFacts, kind: SnapshotKind): boolean {
  return kind === 'external' && externalMemoryOffer(f).ok;
}

/** Quiesce needs a running VM with a guest agent whose channel is connected (the agent answers). */
export function quiesceOffer(f: SnapshotFacts): Offer {
  if (!isRunning(f)) return { ok: false, why: 'The VM is not running: its disks are already quiet.' };
  const agent = f.domain.channels.find((c) => c.targetName === 'org.qemu.guest_agent.0');
  if (!agent)
    return {
      ok: false,
      why: 'No guest agent: the VM has no org.qemu.guest_agent.0 channel, so its file systems cannot be frozen. Add the channel and install qemu-guest-agent in the guest.',
    };
  if (agent.state !== 'connected')
    return { ok: false, why: 'The guest agent does not answer (its channel is disconnected): start qemu-guest-agent in the guest.' };
  return { ok: true };
}

function captured(m: SnapshotModel): string {
  if (m.state === 'disk-snapshot') return 'disks only (the VM was running)';
  if (m.state === 'shutoff') return 'shut off';
  if (m.memory === 'internal' || m.memory === 'external') return `${m.state}, with memory`;
  return m.state;
}

/** The VM's chain per disk target (top first), as chainFactsOf reads it. */
export type Chains = ReadonlyMap<string, readonly string[]>;

export function snapshotInfo(f: SnapshotFacts, m: SnapshotModel, chains: Chains = new Map()): SnapshotInfo {
  const images = new Map((m.domain?.disks ?? []).map((d) => [d.target ?? '', d.path]));
  const overlays = m.disks.filter((d) => d.snapshot === 'external' && d.file);
  const sizes = overlays.map((d) => f.files?.[d.file as string]?.allocation);
  return {
    name: m.name,
    description: m.description ?? '',
    createdAt: m.creationTime * 1000,
    state: m.state,
    captured: captured(m),
    kind: kindOf(m),
    parent: m.parent ?? null,
    current: f.current === m.name,
    ...(m.memory === 'external' && m.memoryFile ? { memoryFile: m.memoryFile } : {}),
    revertedAway: overlays.some((d) => !(chains.get(d.name) ?? []).includes(d.file as string)),
    ...(overlays.length && sizes.every((x) => x !== undefined) ? { sizeBytes: sizes.reduce((a: number, b) => a + (b ?? 0), 0) } : {}),
    disks: m.disks.map((d) => {
      const image = d.snapshot === 'external' ? images.get(d.name) : undefined;
      return { target: d.name, snapshot: d.snapshot, ...(d.file ? { overlay: d.file } : {}), ...(image ? { image } : {}) };
    }),
  };
}

export function snapshotList(f: SnapshotFacts): SnapshotList {
  const kinds = new Set(f.snapshots.map((s) => kindOf(s.model)));
  const warnings: string[] = [];
  if (kinds.size > 1)
    warnings.push(
      'This VM has internal and external snapshots in one chain (made outside Vireo). Reverting or deleting them can lose data: Vireo leaves them as they are.',
    );
  if (f.managedSave)
    warnings.push('The VM has a saved memory state (managed save): a revert to a disk-only snapshot makes it stale, and it is discarded.');
  return {
    vmName: f.vm.name,
    running: isRunning(f),
    libvirtVersion: formatVersion(f.libvirtVersion),
    snapshots: f.snapshots.map((s) => snapshotInfo(f, s.model, chainsOf(f))),
    offers: {
      internal: internalOffer(f),
      external: externalOffer(f),
      externalMemory: externalMemoryOffer(f),
      quiesce: quiesceOffer(f),
      revertExternal: f.libvirtVersion >= LIBVIRT.revertExternal ? 'libvirt' : 'vireo',
    },
    warnings,
    disks: snapshotDisks(f).map((d) => ({ target: d.target as string, path: d.path as string })),
    files: snapshotFiles(f),
    ...(f.otherUsersUnread?.length ? { otherVmsUnread: f.otherUsersUnread } : {}),
  };
}

/**
 * The files the VM's snapshots keep besides its disks' top files (see SnapshotList.files). A layer
 * no snapshot made or was taken of is listed as a base (the VM's original image, or a linked
 * clone's template other VMs may be built on): offered, never ticked by default.
 */
export function snapshotFiles(f: SnapshotFacts): SnapshotFile[] {
  const out = new Map<string, { role: string; madeBySnapshot: boolean }>();
  const chains = chainFactsOf(f).disks;
  const tops = new Set(chains.map((d) => d.chain[0]));
  const named = new Set<string>();
  for (const { model } of f.snapshots) {
    for (const d of model.disks) if (d.file) named.add(d.file);
    for (const d of model.domain?.disks ?? []) if (d.path) named.add(d.path);
  }
  for (const d of chains)
    for (const p of d.chain.slice(1))
      if (!out.has(p))
        out.set(
          p,
          named.has(p)
            ? { role: `under ${d.target}`, madeBySnapshot: true }
            : { role: `base image under ${d.target}: no snapshot made it (other VMs may be built on it)`, madeBySnapshot: false },
        );
  for (const { model } of f.snapshots) {
    if (kindOf(model) !== 'external') continue;
    const images = new Map((model.domain?.disks ?? []).map((d) => [d.target ?? '', d.path]));
    for (const d of model.disks.filter((x) => x.snapshot === 'external')) {
      const onChain = chains.some((c) => c.target === d.name && c.chain.includes(d.file ?? ''));
      if (d.file && !tops.has(d.file) && !out.has(d.file))
        out.set(d.file, { role: `overlay of “${model.name}”${onChain ? '' : ' (reverted away from)'}`, madeBySnapshot: true });
      const image = images.get(d.name);
      if (image && !tops.has(image) && !out.has(image)) out.set(image, { role: `data of “${model.name}”`, madeBySnapshot: true });
    }
    if (model.memory === 'external' && model.memoryFile && !out.has(model.memoryFile))
      out.set(model.memoryFile, { role: `memory state of “${model.name}”`, madeBySnapshot: true });
  }
  return [...out].map(([path, v]) => ({
    path,
    ...v,
    inPool: !!f.files?.[path],
    // a memory state file another VM's snapshot names too: kept (the delete-VM dialog does not offer it)
    usedBy: [...(f.otherUsers[path] ?? []), ...(f.memoryFileUsers?.[path] ?? [])],
  }));
}

/** Refuses a create that breaks a rule, naming the field and why. */
export function checkCreate(
  f: SnapshotFacts,
  req: Pick<SnapshotCreate, 'name' | 'kind' | 'quiesce'> & { memory?: boolean; exclude?: readonly string[] },
): void {
  if (f.snapshots.some((s) => s.model.name === req.name))
    throw new AppError('exists', `${f.vm.name} already has a snapshot named “${req.name}”`, 'Choose another name.');
  if (req.kind === 'internal' && /["\\]/.test(req.name))
    throw new AppError(
      'invalid-input',
      `Name: an internal snapshot's name cannot contain " or \\`,
      `libvirt ${formatVersion(f.libvirtVersion)} hands internal snapshot names to QEMU's text monitor, which drops a name with " or \\: libvirt would list a snapshot that is not in the disk image. Choose a name without them.`,
    );
  const offer = req.kind === 'internal' ? internalOffer(f) : externalOffer(f);
  if (!offer.ok) throw new AppError('refused', `No ${req.kind} snapshot of ${f.vm.name}`, offer.why);
  const exclude = req.exclude ?? [];
  const covered = snapshotDisks(f).map((d) => d.target as string);
  const unknown = exclude.filter((t) => !covered.includes(t));
  if (unknown.length)
    throw new AppError(
      'invalid-input',
      `Disks: ${f.vm.name} has no disk ${unknown.join(', ')} to leave out`,
      `Its disks: ${covered.join(', ')}.`,
    );
  if (covered.every((t) => exclude.includes(t)))
    throw new AppError('invalid-input', 'Disks: every disk is left out', 'Keep at least one disk in the snapshot.');
  if (req.memory) {
    if (req.kind !== 'external')
      throw new AppError(
        'invalid-input',
        'Memory state: only an external snapshot saves it to a file',
        'An internal snapshot of a running VM includes its memory anyway.',
      );
    if (exclude.length)
      throw new AppError('invalid-input', `Memory state: not with a disk left out (${exclude.join(', ')})`, MEMORY_WITH_EXCLUDED);
    const m = externalMemoryOffer(f);
    if (!m.ok) throw new AppError('refused', `No memory state in the snapshot of ${f.vm.name}`, m.why);
    const file = memoryFileFor(f, req.name);
    const holder = f.snapshots.find((s) => s.model.memoryFile === file)?.model.name ?? f.memoryFileUsers?.[file]?.join(', ');
    if (holder || f.files?.[file])
      throw new AppError(
        'exists',
        `Memory state: ${file} already exists${holder ? ` (the memory state of ${holder})` : ''}`,
        'libvirt would overwrite it. Choose another snapshot name, or remove that file first.',
      );
  }
  if (req.quiesce) {
    const q = quiesceOffer(f);
    if (!q.ok) throw new AppError('refused', 'Cannot quiesce the guest', q.why);
  }
}
