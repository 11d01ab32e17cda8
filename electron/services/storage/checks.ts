/**
 * Pure storage decisions from facts (no I/O): who uses a volume, which VMs keep a pool from being
 * removed, and how a resize is done (live through the running VMs, or offline). Unit-tested from
 * facts captured in the lab (fixtures/).
 */

import type { PoolRow, VolumeRow } from '../../../shared/api/storage';
import { AppError } from '../../../shared/errors';
import { canonicalDiskPath, sameDiskPath } from '../disk-paths';
import type { DomainDisks, VolumeFacts } from './facts';

const uniq = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

/** The domains whose disks (live or persistent, backing chains included) read `path`. */
export function usersOf(path: string, doms: readonly DomainDisks[]): { users: string[]; live: { domain: string; target: string }[] } {
  const users: string[] = [];
  const live: { domain: string; target: string }[] = [];
  for (const d of doms) {
    const uses = (disks: DomainDisks['live']) => disks.some((k) => k.paths.some((p) => sameDiskPath(p, path)));
    if (uses(d.live) || uses(d.persistent)) users.push(d.name);
    if (!d.running) continue;
    // A live resize goes through the disk whose own source is the volume (not an overlay above it).
    for (const k of d.live)
      if (k.target && k.paths[0] !== undefined && sameDiskPath(k.paths[0], path)) live.push({ domain: d.name, target: k.target });
  }
  return { users: uniq(users), live };
}

/** A volume's row: its facts and the VMs that use it. */
export function volumeRow(v: VolumeFacts, doms: readonly DomainDisks[]): VolumeRow {
  const u = usersOf(v.path, doms);
  return { ...v, users: u.users, liveUsers: uniq(u.live.map((l) => l.domain)) };
}

/** The domains using any volume of a pool: by its volumes' paths, or any path under its directory (an inactive pool lists no volumes). */
export function poolUsers(
  pool: Pick<PoolRow, 'name' | 'targetPath'>,
  volumePaths: readonly string[],
  doms: readonly DomainDisks[],
): string[] {
  const dir = pool.targetPath ? `${canonicalDiskPath(pool.targetPath).replace(/\/+$/, '')}/` : undefined;
  const inPool = (p: string) => volumePaths.some((v) => sameDiskPath(v, p)) || (dir !== undefined && canonicalDiskPath(p).startsWith(dir));
  const out: string[] = [];
  for (const d of doms) {
    const disks = [...d.live, ...d.persistent];
    if (disks.some((k) => k.paths.some(inPool) || k.volume?.pool === pool.name)) out.push(d.name);
  }
  return uniq(out);
}

/** Refuses removing a pool (undefine / delete) while VMs use its volumes, naming them. */
export function checkPoolRemovable(pool: string, action: 'undefine' | 'delete', users: readonly string[]): void {
  if (!users.length) return;
  const what = action === 'delete' ? 'delete the storage of' : 'undefine';
  throw new AppError(
    'in-use',
    `Cannot ${what} pool ${pool}: its volumes are disks of ${users.join(', ')}`,
    `Nothing was changed. First remove those disks from ${users.join(', ')} (or delete ${users.length > 1 ? 'those VMs' : 'that VM'}).`,
  );
}

/** Refuses deleting (or wiping) a volume while VMs use it, naming them. */
export function checkVolumeDeletable(volume: string, users: readonly string[], verb: 'delete' | 'wipe' = 'delete'): void {
  if (!users.length) return;
  throw new AppError(
    'in-use',
    `Cannot ${verb} volume ${volume}: it is a disk of ${users.join(', ')}`,
    `Nothing was ${verb === 'delete' ? 'deleted' : 'wiped'}. First remove the disk from ${users.join(', ')}, then ${verb} the volume.`,
  );
}

/** Refuses copying a volume a running VM writes to (the copy would be torn), naming the VMs. */
export function checkVolumeCopyable(volume: string, liveUsers: readonly string[]): void {
  if (!liveUsers.length) return;
  throw new AppError(
    'in-use',
    `Cannot clone volume ${volume} while ${liveUsers.join(', ')} ${liveUsers.length > 1 ? 'are' : 'is'} running with it`,
    `Nothing was copied. Shut ${liveUsers.join(', ')} down first: a copy of a disk in use would be inconsistent.`,
  );
}

export type ResizePlan = { mode: 'offline' } | { mode: 'live'; through: { domain: string; target: string }[] };

/**
 * How to grow a volume to `capacity` bytes: through the block resize of each running VM that has
 * it attached (libvirt refuses an offline resize under a running QEMU, and the guest must see the
 * new size), else offline. Shrinking is refused: it loses the data at the end of the disk.
 */
export function planResize(
  v: Pick<VolumeFacts, 'name' | 'capacity'>,
  capacity: number,
  live: readonly { domain: string; target: string }[],
): ResizePlan {
  if (capacity < v.capacity) {
    throw new AppError(
      'invalid-input',
      `New size of ${v.name} is smaller than its ${v.capacity} bytes`,
      'Vireo only grows volumes: shrinking a disk loses the data at its end. Give a larger size.',
    );
  }
  if (capacity === v.capacity) {
    throw new AppError('invalid-input', `${v.name} is already ${capacity} bytes`, 'Give a larger size.');
  }
  return live.length ? { mode: 'live', through: [...live] } : { mode: 'offline' };
}
