/**
 * Pre-flight for disks, from facts: where each disk goes (the disk plan), the storage check (the
 * same file on both hosts, or room and no clash for a copy) and the cache-mode check. Pure.
 */
import { posix } from 'node:path';
import type { StorageVolRef } from '../../libvirt/protocol';
import { type Check, type Ctx, couldNotCheck, diskDest, SAFE_CACHE, SHARED_FS, type Status, size, worst } from './checks-common';
import type { ReadError } from './facts';

export interface DiskPlan {
  target: string;
  /** 'file' | 'block' | 'network' | 'volume' … */
  type: string;
  source: string;
  format: string;
  readonly: boolean;
  cache: string;
  /** Copied by this migration (copy storage, writable). */
  copy: boolean;
  /** Path on the destination (differs from source when another pool was chosen). */
  dest: string;
  destPool?: string;
  /** Bytes that cross the network for this disk. */
  bytes: number;
  /** Virtual size (what the guest sees). */
  capacity: number;
  /** Size of the file on the source (what an offline copy streams). */
  fileSize: number;
  /** The source volume (offline copy streams it out of its pool). */
  srcVol?: StorageVolRef;
  /** A volume was at the destination path before we started (never deleted by a cleanup). */
  preexisting: boolean;
}

/** Where each disk goes and how many bytes it sends; the first failed read when the disks could not be read. */
export function planDisks(ctx: Ctx): { ok: true; plans: DiskPlan[] } | ({ ok: false } & ReadError) {
  const { facts, live } = ctx;
  if (!facts.dstPools.ok) return facts.dstPools;
  if (!facts.srcProbe.ok) return facts.srcProbe;
  if (!facts.dstProbe.ok) return facts.dstProbe;
  const pools = facts.dstPools.value;
  const srcFiles = facts.srcProbe.value.files;
  const dstFiles = facts.dstProbe.value.files;
  const plans = ctx.disks.map((d): DiskPlan => {
    const source = d.source ?? '';
    const read = d.source !== undefined && d.type === 'file' ? facts.srcVols[source] : undefined;
    const sv = read?.ok ? read.value : undefined;
    const { copy, dest, destPool } = diskDest(d, ctx.spec, pools);
    const fact = srcFiles[source];
    const fileSize = fact?.exists ? fact.size : (sv?.allocation ?? 0);
    let capacity = sv ? sv.capacity : (fact?.size ?? 0);
    // A qcow2 outside any pool: its virtual size from the image itself.
    if (copy && d.type === 'file' && !sv && d.format !== 'raw') capacity = facts.imageInfo[source]?.virtualSize ?? capacity;
    return {
      target: d.target,
      type: d.type,
      source,
      format: d.format,
      readonly: d.readonly,
      cache: d.cache,
      copy,
      dest,
      ...(destPool ? { destPool } : {}),
      bytes: copy ? (live ? capacity : fileSize) : 0,
      capacity,
      fileSize,
      ...(sv ? { srcVol: sv.vol } : {}),
      preexisting: !!dstFiles[dest]?.exists,
    };
  });
  return { ok: true, plans };
}

/** The storage check; `needUnsafe` when Vireo verified a shared file libvirt does not know as shared. */
export function storageCheck(ctx: Ctx, planned: ReturnType<typeof planDisks>): { check: Check; needUnsafe: boolean } {
  if (!planned.ok) return { check: couldNotCheck(planned), needUnsafe: false };
  const { facts, spec, live, copying, B, A } = ctx;
  const plans = planned.plans;
  const srcStat = facts.srcProbe.ok ? facts.srcProbe.value.files : {};
  const dstStat = facts.dstProbe.ok ? facts.dstProbe.value.files : {};
  const pools = facts.dstPools.ok ? facts.dstPools.value : [];
  let needUnsafe = false;
  const lines: string[] = [];
  const statuses: Status[] = [];
  const note = (s: Status, line: string) => {
    statuses.push(s);
    lines.push(line);
  };
  const needByPool = new Map<string, { min: number; max: number }>();
  for (const p of plans) {
    const d = ctx.disks.find((x) => x.target === p.target);
    if (!d?.source) continue;
    if (d.type === 'network') {
      note('pass', `${d.target}: network disk (${d.source}): reached by both hosts, not copied.`);
      continue;
    }
    if (d.type === 'volume') {
      note(
        copying ? 'fail' : 'warn',
        `${d.target}: a pool volume (${d.source}): ${copying ? 'copying it is not supported; use shared storage' : `it must exist in a pool of the same name on ${B}`}.`,
      );
      continue;
    }
    const sf = srcStat[d.source];
    const df = dstStat[p.dest];
    if (!p.copy) {
      // Shared (or read-only in a copy): the very same file must be there on B.
      if (!df?.exists) {
        note(
          'fail',
          copying
            ? `${d.target}: ${d.source} (read-only, not copied) is missing on ${B}: copy it there, or eject it.`
            : `${d.target}: ${d.source} does not exist on ${B}. With shared storage both hosts must see the same file: mount it on ${B}, or choose Copy disks.`,
        );
        continue;
      }
      if (sf && (df.size !== sf.size || Math.abs(df.mtime - sf.mtime) > 2)) {
        note(
          df.size !== sf.size ? 'fail' : 'warn',
          `${d.target}: ${B} has a different file at ${d.source} (${size(df.size)} vs ${size(sf.size)} on ${A}${df.size === sf.size ? ', other modification time' : ''}): that is not the same storage.`,
        );
        continue;
      }
      const shared = SHARED_FS.has(df.fs.toLowerCase());
      if (!shared && !d.readonly && live) {
        needUnsafe = true;
        note(
          'warn',
          `${d.target}: ${d.source} is the same file on both hosts, on ${df.fs || 'a file system'} that libvirt does not recognise as shared: Vireo checked it and passes libvirt's --unsafe.`,
        );
      } else {
        note('pass', `${d.target}: ${d.source} is the same file on both hosts${shared ? ` (${df.fs})` : ''}.`);
      }
      continue;
    }
    // Copied.
    if (!live && d.backing) {
      note(
        'fail',
        `${d.target}: ${d.source} has a backing file; an offline copy moves only the top image. Copy the backing chain to ${B} first, or use shared storage.`,
      );
      continue;
    }
    if (!live && !p.srcVol) {
      note(
        'fail',
        `${d.target}: ${d.source} is not in a storage pool on ${A}; an offline copy reads disks through libvirt's storage pools. Define a pool for its directory on ${A}.`,
      );
      continue;
    }
    if (d.type === 'block') {
      if (!df?.exists) note('fail', `${d.target}: ${B} has no block device ${p.dest} to copy into: create it (${size(p.capacity)}) first.`);
      else if (df.size !== p.capacity)
        note('fail', `${d.target}: ${p.dest} on ${B} is ${size(df.size)}, the disk is ${size(p.capacity)}: the sizes must match.`);
      else note('warn', `${d.target}: ${p.dest} on ${B} is overwritten by the copy.`);
      continue;
    }
    const pool = p.destPool ? pools.find((x) => x.name === p.destPool) : undefined;
    // The very file the VM uses, seen from B (shared storage): a copy would write onto it.
    const sameFile = p.dest === d.source && !!df?.exists && !!sf && df.size === sf.size && Math.abs(df.mtime - sf.mtime) <= 2;
    if (sameFile) {
      note(
        'fail',
        `${d.target}: ${B} sees the very file the VM uses at ${d.source} (shared storage): a copy there would write onto the running disk. Choose Shared storage, or pick another pool on ${B}.`,
      );
    }
    if (!pool) {
      note(
        'fail',
        spec.destPool
          ? `${d.target}: ${B} has no storage pool named ${spec.destPool}.`
          : `${d.target}: ${B} has no storage pool at ${posix.dirname(d.source)}, where libvirt would create the copy of ${d.source}. Pick a pool on ${B}, or define one at that directory.`,
      );
      continue;
    }
    if (sameFile) continue;
    if (!pool.active) {
      note('fail', `${d.target}: pool ${pool.name} on ${B} is not active: start it on ${B}.`);
      continue;
    }
    if (df?.exists) {
      // Not a known volume: the file size is what there is.
      const vol = facts.dstVolCapacity[p.dest];
      const existing = vol?.ok ? vol.value : df.size;
      if (!live)
        note(
          'fail',
          `${d.target}: ${B} already has ${p.dest}; Vireo does not overwrite a volume. Remove it on ${B}, or pick another pool.`,
        );
      else if (existing < p.capacity)
        note(
          'fail',
          `${d.target}: ${B} already has ${p.dest}, too small (${size(existing)}, the disk is ${size(p.capacity)}): libvirt would reuse it and the copy would fail. Remove or resize it on ${B}, or pick another pool.`,
        );
      else if (existing > p.capacity)
        note(
          'fail',
          `${d.target}: ${B} already has ${p.dest}, bigger than the disk (${size(existing)} vs ${size(p.capacity)}): QEMU copies only into a volume of the same size. Remove it on ${B}, or pick another pool.`,
        );
      else note('warn', `${d.target}: ${B} already has ${p.dest} of the same size: the copy overwrites it.`);
      continue;
    }
    const need = needByPool.get(pool.name) ?? { min: 0, max: 0 };
    need.min += live ? Math.min(p.fileSize, p.capacity) : p.fileSize;
    need.max += live ? p.capacity : p.fileSize;
    needByPool.set(pool.name, need);
    note(
      'pass',
      `${d.target}: copied to ${p.dest} in pool ${pool.name} on ${B}: ${size(p.bytes)}${live && d.format === 'qcow2' ? ' (qcow2 copies its full virtual size)' : ''}${d.backing ? ', flattened (no backing file on B)' : ''}.`,
    );
  }
  for (const [poolName, need] of needByPool) {
    const pool = pools.find((x) => x.name === poolName);
    if (!pool) continue;
    if (pool.available < need.min)
      note('fail', `Pool ${poolName} on ${B} has ${size(pool.available)} free; the copies need ${size(need.min)}.`);
    else if (pool.available < need.max)
      note('warn', `Pool ${poolName} on ${B} has ${size(pool.available)} free: enough now, not if the disks fill up (${size(need.max)}).`);
    else note('pass', `Pool ${poolName} on ${B} has room: ${size(pool.available)} free for ${size(need.max)}.`);
  }
  if (lines.length === 0) return { check: { status: 'pass', message: `${ctx.name} has no disks to check.` }, needUnsafe };
  const status = worst(statuses);
  const failing = lines.filter((_, i) => statuses[i] === 'fail');
  const copyNeedsPool = copying && status === 'fail' && lines.some((l) => l.includes('no storage pool'));
  return {
    needUnsafe,
    check: {
      status,
      message:
        status === 'fail'
          ? failing.length === 1
            ? (failing[0] as string).replace(/^[a-z]+\d*: /, '')
            : `${failing.length} problems with the disks, below.`
          : copying
            ? `${size(plans.reduce((s, p) => s + p.bytes, 0))} of disk data will be copied to ${B}.`
            : 'The disks are shared between the hosts.',
      details: lines,
      ...(copyNeedsPool
        ? {
            fix: {
              id: 'choose-pool' as const,
              label: `Choose a pool on ${B}`,
              detail: `The disks are placed in the pool you pick; the definition on ${B} points at them.`,
            },
          }
        : {}),
    },
  };
}

/** Shared storage, live: a cache mode that keeps writes in A's page cache is unsafe at the switch-over. */
export function cacheCheck(ctx: Ctx): Check {
  const { live, copying, A, B, name } = ctx;
  if (copying) return { status: 'pass', message: 'The disks are copied by QEMU during the migration: their cache mode does not matter.' };
  if (!live) return { status: 'pass', message: 'Offline: no running QEMU holds cached writes.' };
  const lines: string[] = [];
  let risky = false;
  for (const d of ctx.disks) {
    if (!d.source || d.readonly || d.type === 'network') continue;
    if (SAFE_CACHE.has(d.cache)) {
      lines.push(`${d.target}: cache='${d.cache}'`);
      continue;
    }
    const defined = ctx.inactiveDisks.find((x) => x.target === d.target);
    if (defined && SAFE_CACHE.has(defined.cache)) {
      lines.push(
        `${d.target}: runs with cache='${d.cache}' until restarted; its definition has cache='${defined.cache}', which ${B} gets.`,
      );
      continue;
    }
    risky = true;
    lines.push(`${d.target}: cache='${d.cache}' — writes can sit in ${A}'s page cache while ${B} opens the same file.`);
  }
  if (!risky)
    return {
      status: 'pass',
      message: 'Every writable disk bypasses the host page cache (or is not shared).',
      ...(lines.length ? { details: lines } : {}),
    };
  return {
    status: 'warn',
    message:
      'With shared storage, a cache mode other than none (or directsync) can lose or corrupt writes at the switch-over: libvirt calls such a migration unsafe.',
    details: lines,
    ...(ctx.facts.persistent
      ? {
          fix: {
            id: 'disk-cache-none' as const,
            label: "Switch to cache='none'",
            detail: `Sets cache='none' on those disks in ${name}'s definition on ${A}; the migration gives ${B} the new mode. Running on ${A}, the VM keeps its current mode until restarted.`,
          },
        }
      : {}),
  };
}
