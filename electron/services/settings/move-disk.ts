/**
 * Moving a running VM's disk to another pool (block copy with pivot, issue 19): the facts read
 * from the host, the checks and the plan (pure, unit-tested), then move-disk-run.ts runs it as a
 * Job. The source volume is kept until the guest runs on the copy; it is deleted only when asked,
 * and only once neither the running VM nor the next boot names it.
 */
import { AppError } from '../../../shared/errors';

/** What the checks need to know, all read from the VM's host. */
export interface MoveDiskFacts {
  vm: { name: string; running: boolean; persistent: boolean };
  /** The disk in the running VM (absent: no such target). */
  disk?: {
    target: string;
    device: string;
    type: string;
    bus?: string;
    path?: string;
    format?: string;
    readonly: boolean;
    shareable: boolean;
    /** A block job already runs on it (a merge, another move). */
    busy: boolean;
  };
  /** The volume the disk's file is, when a pool of this host holds it. */
  source?: { pool: string; name: string; capacity: number };
  dest: {
    pool: string;
    /** Absent: no such pool. */
    type?: string;
    active: boolean;
    /** A volume of the new name already exists there. */
    nameTaken: boolean;
  };
}

export interface MoveDiskRequest {
  target: string;
  pool: string;
  deleteSource: boolean;
  /** Copy at most this many MiB a second (the storage stays usable for other guests). */
  limitMiBs?: number;
}

export interface MoveDiskPlan {
  target: string;
  bus?: string;
  from: { path: string; pool?: string; volume?: string };
  to: { pool: string; volume: string; format: string; capacity: number };
  deleteSource: boolean;
  /** Bytes a second at most (libvirt's block copy bandwidth); absent: as fast as the storage goes. */
  bandwidth?: number;
}

/** Pools whose volumes are files (a copy is made there as a new volume of the same format). */
const FILE_POOLS = new Set(['dir', 'fs', 'netfs']);

/** The checks, each with what to do instead, then the plan. Pure. */
export function planMoveDisk(f: MoveDiskFacts, r: MoveDiskRequest): MoveDiskPlan {
  const no = (message: string, hint: string) => new AppError('invalid-input', message, hint);
  if (!f.vm.running)
    throw no(
      `${f.vm.name} is not running: a disk moves live here`,
      'Copy its volume to the other pool in the Storage tab, then point the disk at it.',
    );
  const d = f.disk;
  if (!d) throw no(`${f.vm.name} has no disk ${r.target}`, 'Pick one of its disks.');
  if (d.device !== 'disk') throw no(`${r.target} is a ${d.device}, not a disk`, 'Only disks are moved; change a CD-ROM’s medium instead.');
  if (d.type !== 'file' || !d.path)
    throw no(`${r.target} is not a file (type ${d.type})`, 'Only disks kept in files are moved between pools.');
  if (d.shareable || d.readonly) throw no(`${r.target} is shared or read-only`, 'Another guest may use it: it stays where it is.');
  if (d.busy) throw no(`A block job already runs on ${r.target}`, 'Wait for it to end (or cancel it), then move the disk.');
  if (f.source && f.source.pool === r.pool) throw no(`${r.target} is already in ${r.pool}`, 'Choose another pool.');
  if (!f.dest.type) throw no(`No pool ${r.pool} on this host`, 'Choose one of the host’s pools.');
  if (!FILE_POOLS.has(f.dest.type))
    throw no(`${r.pool} is a ${f.dest.type} pool`, 'A disk moves to a pool of files (dir, fs or netfs) here.');
  if (!f.dest.active) throw no(`${r.pool} is not running`, 'Start the pool first (Storage tab).');
  const volume = f.source?.name ?? d.path.slice(d.path.lastIndexOf('/') + 1);
  if (f.dest.nameTaken) throw no(`${r.pool} already has a volume ${volume}`, 'Rename or delete that volume first; nothing was copied.');
  if (!f.source)
    throw no(`${d.path} is in no pool of this host`, 'Add its directory as a pool first, so that its size and format are known.');
  if (r.deleteSource && !f.vm.persistent)
    throw no(`${f.vm.name} is transient`, 'Keep the source: a transient VM has no definition to move to the copy.');
  return {
    target: d.target,
    ...(d.bus ? { bus: d.bus } : {}),
    from: { path: d.path, pool: f.source.pool, volume: f.source.name },
    to: { pool: r.pool, volume, format: d.format ?? 'raw', capacity: f.source.capacity },
    deleteSource: r.deleteSource,
    ...(r.limitMiBs ? { bandwidth: r.limitMiBs * 1024 * 1024 } : {}),
  };
}
