/**
 * Everything the snapshot checks and plans need, read from the host in one go (all the I/O of a
 * snapshot operation's reading side). Plain data: captured in the lab as JSON fixtures for the
 * pure tests.
 */
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { domainGetState, domainGetXmlDesc, domainListAll, domainLookupByUuid } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import { hostGetLibVersion } from '../../libvirt/host';
import { type DomainRef, DomainXmlFlags, ListDomainsFlags, ListPoolsFlags, type StorageVolRef } from '../../libvirt/protocol';
import {
  domainGetBlockJobInfo,
  domainGetLiveMetadataElement,
  domainHasManagedSaveImage,
  snapshotCurrentName,
  snapshotGetXmlDesc,
  snapshotListAll,
} from '../../libvirt/snapshot';
import {
  poolGetInfo,
  poolGetXmlDesc,
  poolListAll,
  poolLookupByName,
  poolRefresh,
  volGetInfo,
  volGetXmlDesc,
  volListAll,
  volLookupByPath,
} from '../../libvirt/storage';
import type { DomainModel } from '../../xml/model';
import { parseDomain } from '../../xml/parse';
import { parsePool } from '../../xml/pool';
import { MERGE_MARK_NS, parseMergeMark, parseSnapshotXml, type SnapshotModel } from '../../xml/snapshot';
import { parseVolume } from '../../xml/volume';
import { readOtherDomainDisks } from '../storage/facts';
import { kindOf, snapshotFiles } from './checks';
import { readMemoryFileUsers } from './memory-users';

export interface SnapshotFact {
  model: SnapshotModel;
  /** As libvirt gave it: what a REDEFINE sends back (with moved images). */
  xml: string;
}

export interface SnapshotFacts {
  /** libvirt's version number (major * 1e6 + minor * 1e3 + release). */
  libvirtVersion: number;
  vm: { name: string; uuid: string; state: string };
  /** The live definition when running (disks with their backing chains), else the persistent one. */
  domain: DomainModel;
  /** The persistent definition. */
  inactive: DomainModel;
  snapshots: SnapshotFact[];
  current: string | null;
  managedSave: boolean;
  /** Images other VMs on the host use (their disks and backing chains): path → VM names. */
  otherUsers: Record<string, string[]>;
  /** `otherUsers` also holds the running VMs' next-boot definitions (readSnapshotFacts always reads them; older captured facts lack it). */
  otherUsersNextBoot?: boolean;
  /** Other VMs that could not be read (a partial read: the list, create, revert): `otherUsers` lacks their files. */
  otherUsersUnread?: VmUnread[];
  /**
   * Memory state files other VMs' snapshots on the host name: path → “VM (snapshot “s”)”. Such a
   * file is never removed with this VM's snapshots. Absent in fixtures captured before it existed.
   */
  memoryFileUsers?: Record<string, string[]>;
  /**
   * Every volume of the storage pools holding the VM's files: its allocation on disk (bytes) and
   * the file it is built on (qcow2 backing), as the pool reads it. Tells a shut-off VM's chain and
   * which files are built on a layer. Absent in fixtures captured before it existed.
   */
  files?: Record<string, { allocation: number; backing?: string }>;
  /**
   * `files` holds every volume of those pools (read when the VM has external snapshots), not only the VM's own.
   * false also when a volume or a file's lookup failed other than with libvirt's NO_STORAGE_VOL (review 7 item 2).
   */
  filesScanned?: boolean;
  /** Why the scan is incomplete: libvirt's message of the first failed volume read. */
  filesError?: string;
  /** The pools holding the VM's disks: name → free bytes (an internal snapshot's memory state goes in the first disk). */
  pools?: Record<string, number>;
  /** The pool of each snapshotted disk's top file (target → pool name), when a pool holds it. */
  diskPools?: Record<string, string>;
}

export const STATE_NAMES: Record<number, string> = {
  0: 'nostate',
  1: 'running',
  2: 'blocked',
  3: 'paused',
  4: 'shutdown',
  5: 'shutoff',
  6: 'crashed',
  7: 'pmsuspended',
};

export interface ReadFactsOptions {
  /**
   * How the memory files other VMs' snapshots name are read: fresh by default (every write and
   * delete path); the Snapshots tab's list passes its cache (MemoryUsersCache).
   */
  memoryUsers?: (rpc: RpcClient, except: string) => Promise<Record<string, string[]>>;
  /**
   * Another VM that cannot be read is named in `otherUsersUnread` instead of failing the read: for
   * the list, create and revert, which change or remove no file another VM might use. The delete
   * paths read strictly (and the plan refuses a merge or discard on partial facts anyway).
   */
  partial?: boolean;
}

/** Another VM whose definition (or a volume its disks name) could not be read, with libvirt's message. */
export interface VmUnread {
  vm: string;
  message: string;
}

/**
 * Images other VMs on the host use, live and at their next boot (disks, backing chains, type='volume'
 * disks resolved): path → VM names, from the storage service's readOtherDomainDisks (the same
 * reader a VM delete uses: every VM at once, its live and next-boot definitions together); only libvirt's
 * "no domain" means a VM is gone: any other failure (a timeout, a dropped link) is not "uses
 * nothing" — the read fails naming the VM, and the operation changes and removes nothing.
 * `partial` (the list, create and revert, which depend on no other VM's files): such a VM is named
 * in `unread` with libvirt's message instead.
 */
export async function readOtherUsers(
  rpc: RpcClient,
  except: string,
  o: { partial?: boolean } = {},
): Promise<{ users: Record<string, string[]>; unread: VmUnread[] }> {
  const hint = (vm: string) => `Nothing was changed. Try again; if it persists, check the VM with \`virsh dumpxml ${vm}\`.`;
  const unread: VmUnread[] = [];
  const read = await readOtherDomainDisks(rpc, except, (what, err, vm) => {
    if (vm === undefined || !o.partial)
      throw new AppError(
        'libvirt',
        `Could not read ${what} to check which files ${vm === undefined ? 'they use' : 'it uses'}: ${messageOf(err)}`,
        {
          cause: err,
          hint: hint(vm ?? '<vm>'),
        },
      );
    unread.push({ vm, message: messageOf(err) });
  });
  const users: Record<string, string[]> = {};
  for (const d of read) {
    for (const p of new Set([...d.live, ...d.persistent].flatMap((k) => k.paths))) {
      users[p] ??= [];
      users[p].push(d.name);
    }
  }
  return { users, unread: unread.sort((a, b) => a.vm.localeCompare(b.vm)) };
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function readSnapshotFacts(
  rpc: RpcClient,
  uuid: string,
  o: ReadFactsOptions = {},
): Promise<{ dom: DomainRef; facts: SnapshotFacts }> {
  const dom = await domainLookupByUuid(rpc, uuid);
  const [libvirtVersion, st, liveXml, inactiveXml, refs, current, managedSave] = await Promise.all([
    hostGetLibVersion(rpc),
    domainGetState(rpc, dom),
    domainGetXmlDesc(rpc, dom),
    domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }),
    snapshotListAll(rpc, dom),
    snapshotCurrentName(rpc, dom),
    domainHasManagedSaveImage(rpc, dom),
  ]);
  const snapshots = await Promise.all(
    refs.map(async (snap) => {
      const xml = await snapshotGetXmlDesc(rpc, snap);
      return { model: parseSnapshotXml(xml), xml };
    }),
  );
  snapshots.sort((a, b) => a.model.creationTime - b.model.creationTime || a.model.name.localeCompare(b.model.name));
  const [others, memoryFileUsers] = await Promise.all([
    readOtherUsers(rpc, dom.uuid, { partial: !!o.partial }),
    (o.memoryUsers ?? readMemoryFileUsers)(rpc, dom.uuid),
  ]);
  const domain = parseDomain(liveXml);
  const { files, filesScanned, filesError, pools, diskPools } = await readFiles(rpc, domain, snapshots);
  return {
    dom,
    facts: {
      libvirtVersion,
      vm: { name: dom.name, uuid: dom.uuid, state: STATE_NAMES[st.state] ?? 'nostate' },
      domain,
      inactive: parseDomain(inactiveXml),
      snapshots,
      current,
      managedSave,
      otherUsers: others.users,
      otherUsersNextBoot: true,
      ...(others.unread.length ? { otherUsersUnread: others.unread } : {}),
      memoryFileUsers,
      files,
      filesScanned,
      ...(filesError ? { filesError } : {}),
      pools,
      diskPools,
    },
  };
}

/**
 * The volumes of the pools that hold the VM's disks and snapshot files (allocation, backing), and those pools' free space.
 * Only libvirt's NO_STORAGE_VOL means a volume is gone; any other failed read (a timeout, a lock)
 * leaves the scan incomplete (filesScanned false, filesError its message): "nothing is built on
 * this layer" cannot be told then, and no layer is discarded, merged away or removed (review 7 item 2).
 */
export async function readFiles(
  rpc: RpcClient,
  domain: DomainModel,
  snapshots: SnapshotFact[],
): Promise<Required<Pick<SnapshotFacts, 'files' | 'filesScanned' | 'pools' | 'diskPools'>> & { filesError?: string }> {
  const paths = new Set<string>();
  for (const d of domain.disks) if (d.path && d.device === 'disk') paths.add(d.path);
  for (const s of snapshots) {
    for (const d of s.model.disks) if (d.file) paths.add(d.file);
    for (const d of s.model.domain?.disks ?? []) if (d.path && d.device === 'disk') paths.add(d.path);
  }
  const poolOf = new Map<string, string>();
  let filesError: string | undefined;
  /** null for NO_STORAGE_VOL (not in a pool, or gone); any other error marks the scan incomplete. */
  const unread = (err: unknown): null => {
    if (!isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) filesError ??= err instanceof Error ? err.message : String(err);
    return null;
  };
  const lookup = (ps: readonly string[]) =>
    Promise.all(
      ps.map(async (p) => {
        const vol = await volLookupByPath(rpc, p).catch(unread);
        if (vol) poolOf.set(p, vol.pool);
      }),
    );
  await lookup([...paths]);
  const unknown = [...paths].filter((p) => !poolOf.has(p));
  if (unknown.length) {
    // Files libvirt made outside the pool API (a snapshot's overlays): a refresh makes the pools see them.
    await refreshPoolsHolding(rpc, unknown);
    await lookup(unknown);
  }
  const files: Record<string, { allocation: number; backing?: string }> = {};
  const pools: Record<string, number> = {};
  const readVol = async (vol: StorageVolRef) => {
    try {
      const [xml, info] = await Promise.all([volGetXmlDesc(rpc, vol), volGetInfo(rpc, vol)]);
      const v = parseVolume(xml);
      if (v.path) files[v.path] = { allocation: info.allocation, ...(v.backingStore ? { backing: v.backingStore.path } : {}) };
    } catch (err) {
      unread(err); // NO_STORAGE_VOL: removed meanwhile
    }
  };
  // Every volume of the pools when external snapshots are involved (which file is built on which
  // layer decides what a delete may drop); else only the VM's own files and what they are built on.
  const scan = snapshots.some((s) => kindOf(s.model) === 'external');
  for (const name of new Set(poolOf.values())) {
    const pool = await poolLookupByName(rpc, name);
    pools[name] = (await poolGetInfo(rpc, pool)).available;
    if (scan) await Promise.all((await volListAll(rpc, pool)).map(readVol));
  }
  const scanError = filesError;
  if (!scan) {
    let next = [...poolOf.keys()];
    for (let depth = 0; depth < 16 && next.length; depth++) {
      await Promise.all(next.map(async (p) => readVol(await volLookupByPath(rpc, p)).catch(() => {})));
      next = next.flatMap((p) => files[p]?.backing ?? []).filter((b) => !files[b]);
    }
  }
  const diskPools: Record<string, string> = {};
  for (const d of domain.disks) {
    const pool = d.path ? poolOf.get(d.path) : undefined;
    if (d.target && pool) diskPools[d.target] = pool;
  }
  return { files, filesScanned: scan && !scanError, ...(scan && scanError ? { filesError: scanError } : {}), pools, diskPools };
}

/** A merge of Vireo's still running on the host: its mark in the VM's live metadata and a block job on these disks. */
export interface RunningMerge {
  dom: DomainRef;
  snapshot: string;
  /** A delete with children: the snapshots still to delete after this one, in order. */
  next: string[];
  targets: string[];
}

/** The running VMs with snapshots that carry Vireo's merge mark and a block job (after the app restarted). */
export async function findRunningMerges(rpc: RpcClient): Promise<RunningMerge[]> {
  const out: RunningMerge[] = [];
  for (const dom of await domainListAll(rpc, { flags: ListDomainsFlags.ACTIVE | ListDomainsFlags.HAS_SNAPSHOT })) {
    const xml = await domainGetLiveMetadataElement(rpc, dom, { uri: MERGE_MARK_NS }).catch(() => null);
    const mark = xml ? parseMergeMark(xml) : null;
    if (!mark) continue;
    const targets: string[] = [];
    for (const d of parseDomain(await domainGetXmlDesc(rpc, dom)).disks) {
      if (d.target && d.device === 'disk' && (await domainGetBlockJobInfo(rpc, dom, { disk: d.target }))) targets.push(d.target);
    }
    if (targets.length) out.push({ dom, snapshot: mark.snapshot, next: mark.next ?? [], targets });
  }
  return out;
}

/** A VM's snapshots by name and kind (for other features' checks: migration pre-flight). */
export async function readSnapshotKinds(rpc: RpcClient, dom: DomainRef): Promise<{ name: string; kind: 'internal' | 'external' }[]> {
  const refs = await snapshotListAll(rpc, dom);
  return Promise.all(
    refs.map(async (snap) => {
      const m = parseSnapshotXml(await snapshotGetXmlDesc(rpc, snap));
      return { name: m.name, kind: kindOf(m) };
    }),
  );
}

/**
 * The files a VM's snapshots keep besides its disks' top files (the delete-VM dialog lists them;
 * a VM delete may remove them). A memory file another VM's snapshot names (read fresh, whatever
 * the dialog showed) is not among them, so a VM delete refuses it.
 */
export async function snapshotFilePaths(rpc: RpcClient, uuid: string): Promise<string[]> {
  const { facts } = await readSnapshotFacts(rpc, uuid);
  return snapshotFiles(facts)
    .filter((f) => !facts.memoryFileUsers?.[f.path]?.length)
    .map((f) => f.path);
}

const dirOf = (path: string): string => path.slice(0, Math.max(path.lastIndexOf('/'), 1));

/**
 * Refreshes, in parallel, only the active pools whose directory holds one of `paths` (files
 * libvirt made outside the pool API, such as a snapshot's overlays and memory files, are seen by
 * a pool only after a refresh). A pool whose definition cannot be read is refreshed too (it might
 * hold them). Refresh errors are dropped: a file no pool then finds is kept and named.
 */
export async function refreshPoolsHolding(rpc: RpcClient, paths: readonly string[]): Promise<void> {
  if (!paths.length) return;
  const dirs = new Set(paths.map(dirOf));
  const pools = await poolListAll(rpc, { flags: ListPoolsFlags.ACTIVE });
  await Promise.all(
    pools.map(async (pool) => {
      // null: the definition could not be read; '': the pool has no directory (not a file pool)
      const target = await poolGetXmlDesc(rpc, pool).then(
        (xml) => parsePool(xml).targetPath ?? '',
        () => null,
      );
      if (target !== null && !dirs.has(target.length > 1 ? target.replace(/\/+$/, '') : target)) return;
      await poolRefresh(rpc, pool).catch(() => {});
    }),
  );
}

/**
 * `path` as a storage pool sees it (after refreshing the pools when none did at first): its
 * allocation, or null when no pool holds such a file. A memory state file about to be written is
 * looked up first (libvirt would truncate a file already there).
 */
export async function probeFile(rpc: RpcClient, path: string): Promise<{ allocation: number } | null> {
  const look = () =>
    volLookupByPath(rpc, path).catch((err) => {
      if (isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) return null;
      throw err;
    });
  let vol = await look();
  if (!vol) {
    await refreshPoolsHolding(rpc, [path]);
    vol = await look();
  }
  return vol ? { allocation: (await volGetInfo(rpc, vol)).allocation } : null;
}
