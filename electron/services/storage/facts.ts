/**
 * Storage facts: every read from a host the storage service decides on (pools, volumes, which
 * domains use which disks) as plain data. checks.ts decides from these without I/O.
 */
import type { PoolRow, PoolState } from '../../../shared/api/storage';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainListAll } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import {
  type DomainRef,
  DomainXmlFlags,
  ListDomainsFlags,
  type StoragePoolRef,
  StoragePoolState,
  type StorageVolRef,
} from '../../libvirt/protocol';
import {
  poolGetAutostart,
  poolGetInfo,
  poolGetXmlDesc,
  poolListAll,
  poolLookupByName,
  volGetInfo,
  volGetPath,
  volGetXmlDesc,
  volListAll,
} from '../../libvirt/storage';
import { parseDomain } from '../../xml/parse';
import { parsePool } from '../../xml/pool';
import { parseVolume } from '../../xml/volume';

const STATE_NAMES = Object.fromEntries(Object.entries(StoragePoolState).map(([k, v]) => [v, k.toLowerCase()])) as Record<number, PoolState>;

/** One pool: its row as listed (sizes, state, autostart, type and target path from its XML). */
export async function readPool(rpc: RpcClient, pool: StoragePoolRef, persistent = true): Promise<PoolRow> {
  const [info, xml, autostart] = await Promise.all([
    poolGetInfo(rpc, pool),
    poolGetXmlDesc(rpc, pool),
    // A transient pool has no autostart: libvirt answers false.
    poolGetAutostart(rpc, pool).catch(() => false),
  ]);
  const m = parsePool(xml);
  return {
    name: pool.name,
    uuid: pool.uuid,
    state: STATE_NAMES[info.state] ?? 'inactive',
    type: m.type ?? 'unknown',
    ...(m.targetPath ? { targetPath: m.targetPath } : {}),
    ...(m.sourceName ? { sourceName: m.sourceName } : {}),
    capacity: info.capacity,
    allocation: info.allocation,
    available: info.available,
    autostart,
    persistent,
  };
}

/** PERSISTENT flag of virConnectListAllStoragePools. */
const LIST_PERSISTENT = 4;

/** Every pool of the host, by name. */
export async function readPools(rpc: RpcClient): Promise<PoolRow[]> {
  const [all, persistent] = await Promise.all([poolListAll(rpc), poolListAll(rpc, { flags: LIST_PERSISTENT })]);
  const keep = new Set(persistent.map((p) => p.uuid));
  const rows = await Promise.all(
    all.map((p) =>
      readPool(rpc, p, keep.has(p.uuid)).catch((err: unknown) => {
        if (isLibvirtError(err, ErrorCode.NO_STORAGE_POOL)) return null; // undefined meanwhile
        throw err;
      }),
    ),
  );
  return rows.filter((r): r is PoolRow => r !== null).sort((a, b) => a.name.localeCompare(b.name));
}

/** A volume as read from libvirt (users are added by checks.ts). */
export interface VolumeFacts {
  name: string;
  path: string;
  format?: string;
  capacity: number;
  allocation: number;
  backing?: string;
}

/** One volume: its sizes (info) and format, path and backing file (XML), read together. */
export async function readVolume(rpc: RpcClient, v: StorageVolRef): Promise<VolumeFacts> {
  const [info, xml] = await Promise.all([volGetInfo(rpc, v), volGetXmlDesc(rpc, v)]);
  const m = parseVolume(xml);
  return {
    name: v.name,
    path: m.path ?? v.key,
    ...(m.format ? { format: m.format } : {}),
    capacity: info.capacity,
    allocation: info.allocation,
    ...(m.backingStore ? { backing: m.backingStore.path } : {}),
  };
}

export async function readVolumes(rpc: RpcClient, pool: StoragePoolRef): Promise<VolumeFacts[]> {
  const vols = await volListAll(rpc, pool);
  const out = await Promise.all(
    vols.map((v) =>
      readVolume(rpc, v).catch((err: unknown) => {
        if (isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) return null; // deleted meanwhile
        throw err;
      }),
    ),
  );
  return out.filter((v): v is VolumeFacts => v !== null).sort((a, b) => a.name.localeCompare(b.name));
}

/** One disk of a domain: its guest target and the host paths it reads (source and backing chain). */
export interface DiskUse {
  target?: string;
  paths: string[];
  /** A type='volume' disk's pool and volume. */
  volume?: { pool: string; volume: string };
}

/** A domain's disks: in its running definition (live) and its persistent one (next start). */
export interface DomainDisks {
  name: string;
  running: boolean;
  live: DiskUse[];
  persistent: DiskUse[];
}

/**
 * Parsed disks by definition text: a definition that did not change is not parsed again (every
 * resize and delete reads all domains; parsing is most of that cost). Callers get copies.
 */
const parsedDisks = new Map<string, DiskUse[]>();
const PARSED_MAX = 256;

function disksOf(xml: string): DiskUse[] {
  let disks = parsedDisks.get(xml);
  if (!disks) {
    disks = parseDisks(xml);
    if (parsedDisks.size >= PARSED_MAX) parsedDisks.delete(parsedDisks.keys().next().value as string);
    parsedDisks.set(xml, disks);
  }
  return disks.map((d) => ({ ...d, paths: [...d.paths] }));
}

function parseDisks(xml: string): DiskUse[] {
  return parseDomain(xml).disks.map((d) => {
    const paths: string[] = [];
    if (d.path) paths.push(d.path);
    for (const b of d.backingChain) {
      const p = b.source.file ?? b.source.dev;
      if (p) paths.push(p);
    }
    const v = d.source?.pool && d.source.volume ? { pool: d.source.pool, volume: d.source.volume } : undefined;
    return { ...(d.target ? { target: d.target } : {}), paths, ...(v ? { volume: v } : {}) };
  });
}

/**
 * Every domain of the host with its disks (a domain undefined meanwhile is left out). `runningOnly`:
 * only the running domains' live disks (what a live resize goes through), fewer reads. `listed`:
 * the host's domains when the caller has them (domain-list.ts), else listed here.
 */
export async function readDomainDisks(
  rpc: RpcClient,
  o: { runningOnly?: boolean } = {},
  listed?: Promise<DomainRef[]>,
): Promise<DomainDisks[]> {
  const all = listed ? await listed : await domainListAll(rpc, o.runningOnly ? { flags: ListDomainsFlags.ACTIVE } : undefined);
  const doms = o.runningOnly ? all.filter((d) => d.id > 0) : all;
  const out = await Promise.all(
    doms.map(async (d): Promise<DomainDisks | null> => {
      try {
        const running = d.id > 0;
        const [live, inactive] = await Promise.all([
          running ? domainGetXmlDesc(rpc, d) : Promise.resolve(null),
          o.runningOnly ? Promise.resolve(null) : domainGetXmlDesc(rpc, d, { flags: DomainXmlFlags.INACTIVE }),
        ]);
        return { name: d.name, running, live: live ? disksOf(live) : [], persistent: inactive ? disksOf(inactive) : [] };
      } catch (err) {
        if (isLibvirtError(err, ErrorCode.NO_DOMAIN)) return null;
        throw err;
      }
    }),
  );
  return out.filter((d): d is DomainDisks => d !== null);
}

const LACKS = [ErrorCode.NO_STORAGE_POOL, ErrorCode.NO_STORAGE_VOL];

/**
 * Pool types whose volume's path is the pool's target path + "/" + the volume's name, whatever
 * the pool's state: dir, fs and netfs (files in the target directory) and logical (libvirt's
 * logical backend names an LV `<target path>/<lv>`, the target normally /dev/<vg>; libvirt 9.0's
 * virStorageBackendLogicalMakeVol). For every other type the path cannot be known while the pool
 * is down, so it is refused: disk (partitions named after the source device: /dev/sdb1), iscsi,
 * scsi and mpath (by-path / by-id names of LUNs only the started pool finds), and the network
 * pools (rbd, gluster, iscsi-direct: URLs or names built from sources libvirt reads on start).
 * vstorage uses the dir backend's naming too, but no lab can check it: refused as well.
 */
export const DERIVABLE_POOLS = ['dir', 'fs', 'netfs', 'logical'];

/**
 * Resolves type='volume' disks to paths on this host. A pool or volume it lacks (NO_STORAGE_POOL,
 * NO_STORAGE_VOL) is skipped. An inactive pool (OPERATION_INVALID) cannot say its volume's path,
 * but the file or LV is still there (and may be reachable through another, active pool on the
 * same directory or volume group): for a DERIVABLE_POOLS type the path is its target path + the
 * volume's name, counted as used; for other types it is thrown. Any other failure (a timeout, a dropped
 * link) is thrown: a disk that could not be resolved is not "no file" to a check that decides
 * what may be deleted.
 */
export async function resolveVolumeDisks(
  rpc: RpcClient,
  doms: DomainDisks[],
  /** Shared by several calls of one decision (readOtherDomainDisks resolves each VM on its own). */
  cache = new Map<string, Promise<string | null>>(),
): Promise<void> {
  if (!doms.some((d) => [...d.live, ...d.persistent].some((k) => k.volume))) return;
  const inactivePath = async (pool: string, volume: string, err: unknown): Promise<string> => {
    const model = parsePool(await poolGetXmlDesc(rpc, await poolLookupByName(rpc, pool)));
    if (model.type && DERIVABLE_POOLS.includes(model.type) && model.targetPath) return `${model.targetPath.replace(/\/+$/, '')}/${volume}`;
    throw new AppError(
      'libvirt',
      `Could not tell the path of volume “${volume}” of the inactive ${model.type ?? ''} pool “${pool}” (libvirt names a ${model.type ?? ''} pool's volumes only while it runs): ${(err as Error).message}`,
      { cause: err, hint: `Start the pool (\`virsh pool-start ${pool}\`) so that libvirt can say, then try again.` },
    );
  };
  const resolve = (pool: string, volume: string) => {
    const key = JSON.stringify([pool, volume]);
    let p = cache.get(key);
    if (!p) {
      // The wire names a volume by its pool's name and its own: no lookups first.
      p = volGetPath(rpc, { pool, name: volume, key: '' }).catch((err: unknown) => {
        if (LACKS.some((code) => isLibvirtError(err, code))) return null;
        if (isLibvirtError(err, ErrorCode.OPERATION_INVALID)) return inactivePath(pool, volume, err);
        throw err;
      });
      cache.set(key, p);
    }
    return p;
  };
  // All at once (pipelined), each pool/volume asked once.
  await Promise.all(
    doms.flatMap((d) =>
      [...d.live, ...d.persistent].map(async (disk) => {
        if (!disk.volume) return;
        const p = await resolve(disk.volume.pool, disk.volume.volume);
        if (p && !disk.paths.includes(p)) disk.paths.push(p);
      }),
    ),
  );
}

/**
 * Every VM of the host but `except` (a UUID) with its disks, live and at its next boot, type='volume'
 * disks resolved: what "does another VM use this file?" is decided from (a VM delete, a snapshot's
 * files). Each VM is read on its own, so a failure names it (and the volumes it could not resolve).
 * Only libvirt's NO_DOMAIN drops a VM; any other failure goes to `failed`, which either throws (the
 * caller refuses, nothing changed) or returns to leave that VM out (a caller that only lists).
 * `what` reads "the list of the host's VMs" or "the disks of <vm>[ (volume <v> of pool <p>)]".
 */
export async function readOtherDomainDisks(
  rpc: RpcClient,
  except: string,
  failed: (what: string, err: unknown, vm?: string) => void,
): Promise<DomainDisks[]> {
  let listed: Awaited<ReturnType<typeof domainListAll>>;
  try {
    listed = await domainListAll(rpc);
  } catch (err) {
    failed("the list of the host's VMs", err);
    return [];
  }
  const paths = new Map<string, Promise<string | null>>(); // each pool volume asked once, whichever VMs name it
  const read = await Promise.all(
    listed
      .filter((d) => d.uuid !== except)
      .map(async (d): Promise<DomainDisks[]> => {
        let disks: DomainDisks[];
        try {
          disks = await readDomainDisks(rpc, {}, Promise.resolve([d]));
        } catch (err) {
          failed(`the disks of ${d.name}`, err, d.name);
          return [];
        }
        try {
          await resolveVolumeDisks(rpc, disks, paths);
        } catch (err) {
          const vols = new Set(
            disks
              .flatMap((x) => [...x.live, ...x.persistent])
              .flatMap((k) => (k.volume ? [`${k.volume.volume} of pool ${k.volume.pool}`] : [])),
          );
          failed(`the disks of ${d.name} (volume ${[...vols].join(', ')})`, err, d.name);
          return [];
        }
        return disks;
      }),
  );
  return read.flat();
}
