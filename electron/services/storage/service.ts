/**
 * Storage pools and volumes of a host (issue 18): list, define, build, start, stop, refresh,
 * autostart, undefine, delete; volumes created, resized (live through the running VM's block
 * resize when attached) and deleted. Removals are refused while a VM uses the storage, naming
 * the VMs. Reads go through facts.ts, decisions through checks.ts.
 *
 * Over 400 lines: one method per pool and volume action of the contract (shared/api/storage.ts),
 * each a few lines of facts → check → call; splitting pools from volumes would split their shared
 * "who uses it" reads.
 */
import type { HostId } from '../../../shared/api/common';
import type {
  CreatedVolume,
  CreateVolumeSpec,
  DefinePoolSpec,
  PoolAction,
  PoolRow,
  ResizeResult,
  VolumeRow,
} from '../../../shared/api/storage';
import { AppError } from '../../../shared/errors';
import type { EventHub } from '../../core/events';
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainLookupByName } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError, withLibvirtHint } from '../../libvirt/errors';
import type { StoragePoolRef, StorageVolRef } from '../../libvirt/protocol';
import type { EventRelays } from '../../libvirt/relay';
import {
  domainBlockResize,
  poolBuild,
  poolCreate,
  poolDefineXml,
  poolDelete,
  poolDestroy,
  poolGetCapabilities,
  poolLookupByName,
  poolRefresh,
  poolSetAutostart,
  poolUndefine,
  volCreateXml,
  volCreateXmlFrom,
  volDelete,
  volGetInfo,
  volGetPath,
  volResize,
  volWipe,
} from '../../libvirt/storage';
import { buildPoolXml, parsePoolCapabilities } from '../../xml/pool';
import { buildVolumeXml } from '../../xml/volume';
import type { HostManager } from '../hosts';
import { checkPoolRemovable, checkVolumeCopyable, checkVolumeDeletable, planResize, poolUsers, usersOf, volumeRow } from './checks';
import { DomainList } from './domain-list';
import { type DomainDisks, readDomainDisks, readPool, readPools, readVolume, readVolumes, resolveVolumeDisks } from './facts';
import { watchPools } from './watch';

/**
 * A volume's reference by pool and volume name. The wire names a volume by its pool's name and
 * its own (libvirt's storage driver finds it by those two; the key is not used), so no lookup
 * comes first.
 */
const volRef = (pool: string, name: string): StorageVolRef => ({ pool, name, key: '' });

/** A volume read that failed: not found (pool or volume) in plain words, else libvirt's message with a hint. */
const volError =
  (pool: string, name: string) =>
  (err: unknown): never => {
    if (isLibvirtError(err, ErrorCode.NO_STORAGE_POOL)) {
      throw new AppError('not-found', `There is no pool ${pool} on this host`, {
        cause: err,
        hint: 'It may have been removed meanwhile: look at the list again.',
      });
    }
    if (isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) {
      throw new AppError('not-found', `There is no volume ${name} in pool ${pool}`, {
        cause: err,
        hint: 'Refresh the pool, or look at the list again.',
      });
    }
    throw withLibvirtHint(err, `Is pool ${pool} running? Start it to reach its volumes.`);
  };

/** Pool types whose volumes are files under the pool's directory (libvirt keys them by path). */
const FILE_POOLS = new Set(['dir', 'fs', 'netfs']);

/** virDomainBlockResizeFlags.BYTES: the size is in bytes, not KiB. */
const BLOCK_RESIZE_BYTES = 1;

export class StorageService {
  private readonly unwatch = new Map<HostId, () => void>();
  /** Per host: the domain list, kept until a lifecycle event (domain-list.ts). */
  private readonly domainLists = new Map<HostId, DomainList>();
  /** Per host: pool name -> its reference (name + uuid) and type when known, so an action needs no lookup first. */
  private readonly poolRefs = new Map<HostId, Map<string, { ref: StoragePoolRef; type?: string }>>();
  private readonly onConnected = (hostId: HostId, conn: LibvirtConnection) => this.watch(hostId, conn);
  private readonly onDisconnected = (hostId: HostId) => this.stopWatch(hostId);

  constructor(
    private readonly hosts: Pick<HostManager, 'connection' | 'name' | 'on' | 'off'>,
    private readonly events: Pick<EventHub, 'emit'>,
    /** The connections' event relays (the app's one, shared with every feature: required, so no feature registers on its own). */
    private readonly relays: EventRelays,
  ) {
    hosts.on('connected', this.onConnected);
    hosts.on('disconnected', this.onDisconnected);
  }

  private rpc(hostId: HostId): RpcClient {
    return this.hosts.connection(hostId).rpc;
  }

  private changed(hostId: HostId, pool: string, removed?: boolean): void {
    this.events.emit('storage.changed', { hostId, pool, ...(removed ? { removed: true } : {}) });
  }

  /**
   * Every domain's disks (see readDomainDisks), read afresh for each decision: libvirt sends no
   * event when a disk is attached or detached with --config only (checked on libvirt 9.0: nothing
   * for attach-disk/detach-disk --config on a running or shut-off VM), so a kept copy could let a
   * delete through. The reads are pipelined beside the volume's own, about one round trip. Only
   * the list of domains is kept between decisions (domain-list.ts: lifecycle events renew it).
   */
  private domainDisks(hostId: HostId, rpc: RpcClient, o: { runningOnly?: boolean } = {}): Promise<DomainDisks[]> {
    return readDomainDisks(rpc, o, this.domainLists.get(hostId)?.list(rpc));
  }

  /**
   * Runs `fn` on the pool's reference: the one kept from an earlier lookup or define, else looked
   * up. A kept reference whose pool is gone (undefined, maybe defined again under the same name
   * with another uuid) fails with NO_STORAGE_POOL before anything is done: looked up again, once.
   */
  private async onPool<T>(hostId: HostId, name: string, fn: (p: StoragePoolRef) => Promise<T>): Promise<T> {
    const rpc = this.rpc(hostId);
    const kept = this.poolRefs.get(hostId)?.get(name)?.ref;
    if (kept) {
      try {
        return await fn(kept);
      } catch (err) {
        if (!isLibvirtError(err, ErrorCode.NO_STORAGE_POOL)) throw err;
        this.poolRefs.get(hostId)?.delete(name);
      }
    }
    const p = await this.pool(rpc, name);
    this.keepPool(hostId, p);
    return fn(p);
  }

  private keepPool(hostId: HostId, p: StoragePoolRef, type?: string): void {
    let m = this.poolRefs.get(hostId);
    if (!m) {
      m = new Map();
      this.poolRefs.set(hostId, m);
    }
    const known = type ?? (m.get(p.name)?.ref.uuid === p.uuid ? m.get(p.name)?.type : undefined);
    m.set(p.name, { ref: p, ...(known ? { type: known } : {}) });
  }

  /**
   * A volume's facts by pool and volume name. The wire names a volume by its pool's name and its
   * own (libvirt's storage driver finds it by those two; the key is not used), so no lookup comes
   * first.
   */
  private async volFacts(rpc: RpcClient, pool: string, name: string) {
    const vol = volRef(pool, name);
    return { vol, ...(await readVolume(rpc, vol).catch(volError(pool, name))) };
  }

  /**
   * A volume's path and (`withSize`) its sizes: what a delete, wipe or resize decides on. The path
   * is libvirt's kept value (no refresh of the file), the sizes one refresh (virStorageVolGetInfo).
   */
  private async volPath(rpc: RpcClient, pool: string, name: string, withSize = false) {
    const vol = volRef(pool, name);
    const [path, info] = await Promise.all([volGetPath(rpc, vol), withSize ? volGetInfo(rpc, vol) : null]).catch(volError(pool, name));
    return { vol, name, path, capacity: info?.capacity ?? 0 };
  }

  private async pool(rpc: RpcClient, name: string) {
    try {
      return await poolLookupByName(rpc, name);
    } catch (err) {
      if (isLibvirtError(err, ErrorCode.NO_STORAGE_POOL)) {
        throw new AppError('not-found', `There is no pool ${name} on this host`, {
          cause: err,
          hint: 'It may have been removed meanwhile: look at the list again.',
        });
      }
      throw err;
    }
  }

  async pools(hostId: HostId): Promise<PoolRow[]> {
    const rows = await readPools(this.rpc(hostId));
    for (const r of rows) this.keepPool(hostId, { name: r.name, uuid: r.uuid }, r.type);
    return rows;
  }

  async poolTypes(hostId: HostId): Promise<string[]> {
    const xml = await poolGetCapabilities(this.rpc(hostId));
    return parsePoolCapabilities(xml)
      .filter((p) => p.supported)
      .map((p) => p.type);
  }

  async volumes(hostId: HostId, pool: string): Promise<VolumeRow[]> {
    const rpc = this.rpc(hostId);
    const [vols, doms] = await Promise.all([
      this.onPool(hostId, pool, (p) => readVolumes(rpc, p)).catch((err: unknown) => {
        throw withLibvirtHint(err, `Start pool ${pool} to list its volumes.`);
      }),
      this.domainDisks(hostId, rpc),
    ]);
    await resolveVolumeDisks(rpc, doms).catch((err: unknown) => {
      throw withLibvirtHint(
        err,
        "Vireo could not resolve a VM's pool volume disk, so which volumes are in use is not known. Try again; if it persists, check the VMs with `virsh dumpxml <vm>`.",
      );
    });
    return vols.map((v) => volumeRow(v, doms));
  }

  async definePool(spec: DefinePoolSpec): Promise<PoolRow> {
    const rpc = this.rpc(spec.hostId);
    const { hostId, ...poolSpec } = spec;
    const xml = buildPoolXml(poolSpec);
    let ref: StoragePoolRef;
    try {
      ref = await poolDefineXml(rpc, { xml });
    } catch (err) {
      throw withLibvirtHint(err, 'Nothing was defined. Pick another name or directory.');
    }
    this.keepPool(hostId, ref, spec.type);
    this.changed(hostId, spec.name);
    // What a pool just defined is: inactive, not built, no autostart (nothing to read back).
    return {
      name: ref.name,
      uuid: ref.uuid,
      state: 'inactive',
      type: spec.type,
      ...(spec.type === 'logical'
        ? { targetPath: `/dev/${spec.sourceName}`, sourceName: spec.sourceName }
        : { targetPath: spec.targetPath }),
      capacity: 0,
      allocation: 0,
      available: 0,
      autostart: false,
      persistent: true,
    };
  }

  async poolAction(hostId: HostId, name: string, action: PoolAction): Promise<void> {
    const rpc = this.rpc(hostId);
    const hints: Record<PoolAction, string> = {
      build: 'Check that the target path is free and its parent directory exists on the host.',
      start: 'Build the pool first if its directory or volume group does not exist yet.',
      stop: 'Stop the VMs that use its volumes first.',
      refresh: 'Start the pool first.',
      undefine: 'Stop the pool first: an active pool stays until it is stopped.',
      delete: 'Stop the pool first, and empty it: libvirt deletes only an empty directory.',
    };
    await this.onPool(hostId, name, async (p) => {
      if (action === 'undefine' || action === 'delete') {
        const [row, doms] = await Promise.all([readPool(rpc, p), this.domainDisks(hostId, rpc)]);
        const vols = row.state === 'running' ? await readVolumes(rpc, p) : [];
        await resolveVolumeDisks(rpc, doms).catch((err: unknown) => {
          throw withLibvirtHint(
            err,
            `Nothing was removed: which of pool ${name}'s volumes VMs use is not known. Try again; if it persists, check the VMs with \`virsh dumpxml <vm>\`.`,
          );
        });
        checkPoolRemovable(
          name,
          action,
          poolUsers(
            row,
            vols.map((v) => v.path),
            doms,
          ),
        );
      }
      try {
        switch (action) {
          case 'build':
            await poolBuild(rpc, p);
            break;
          case 'start':
            await poolCreate(rpc, p);
            break;
          case 'stop':
            await poolDestroy(rpc, p);
            break;
          case 'refresh':
            await poolRefresh(rpc, p);
            break;
          case 'undefine':
            await poolUndefine(rpc, p);
            break;
          case 'delete':
            await poolDelete(rpc, p);
            break;
        }
      } catch (err) {
        // A kept reference whose pool is gone: onPool looks it up again.
        if (isLibvirtError(err, ErrorCode.NO_STORAGE_POOL)) throw err;
        throw withLibvirtHint(err, hints[action]);
      }
    });
    if (action === 'undefine') this.poolRefs.get(hostId)?.delete(name);
    // build / delete / refresh change sizes without a lifecycle event (refresh has its own).
    this.changed(hostId, name, action === 'undefine');
  }

  async setAutostart(hostId: HostId, name: string, autostart: boolean): Promise<void> {
    const rpc = this.rpc(hostId);
    await this.onPool(hostId, name, (p) => poolSetAutostart(rpc, p, { autostart }));
    this.changed(hostId, name);
  }

  async createVolume(spec: CreateVolumeSpec): Promise<CreatedVolume> {
    const rpc = this.rpc(spec.hostId);
    let backingStore: { path: string; format: string } | undefined;
    const ref = await this.onPool(spec.hostId, spec.pool, async (p) => {
      if (spec.backing !== undefined) {
        if (spec.format !== 'qcow2')
          throw new AppError('invalid-input', 'Only a qcow2 volume can have a backing volume', 'Pick qcow2, or no backing volume.');
        const base = await this.volFacts(rpc, spec.pool, spec.backing).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'not-found')
            throw new AppError(
              'not-found',
              `There is no volume ${spec.backing} in pool ${spec.pool}`,
              'Pick a backing volume from the pool.',
            );
          throw err;
        });
        backingStore = { path: base.path, format: base.format ?? 'raw' };
      }
      const xml = buildVolumeXml({
        name: spec.name,
        capacity: spec.capacity,
        format: spec.format,
        ...(spec.allocation !== undefined ? { allocation: Math.min(spec.allocation, spec.capacity) } : {}),
        ...(backingStore ? { backingStore } : {}),
      });
      try {
        return await volCreateXml(rpc, p, { xml, timeoutMs: 0 });
      } catch (err) {
        if (isLibvirtError(err, ErrorCode.NO_STORAGE_POOL)) throw err;
        throw withLibvirtHint(err, 'Nothing was created. Pick another name, or make room in the pool.');
      }
    });
    this.changed(spec.hostId, spec.pool);
    // What was made, as asked; its sizes come with the pool's list (storage.changed refetches it).
    // A directory-backed pool's volume key is its path (libvirt's fs backends): no read back.
    const type = this.poolRefs.get(spec.hostId)?.get(spec.pool)?.type;
    const path = type && FILE_POOLS.has(type) && ref.key.startsWith('/') ? ref.key : await volGetPath(rpc, ref);
    return { name: ref.name, path, format: spec.format, ...(backingStore ? { backing: backingStore.path } : {}) };
  }

  async resizeVolume(hostId: HostId, pool: string, name: string, capacity: number): Promise<ResizeResult> {
    const rpc = this.rpc(hostId);
    // The volume and the running VMs' disks, read together.
    const [facts, doms] = await Promise.all([this.volPath(rpc, pool, name, true), this.domainDisks(hostId, rpc, { runningOnly: true })]);
    const plan = planResize(facts, capacity, usersOf(facts.path, doms).live);
    try {
      if (plan.mode === 'offline') {
        await volResize(rpc, facts.vol, { capacity });
      } else {
        for (const t of plan.through) {
          await domainBlockResize(rpc, await domainLookupByName(rpc, t.domain), {
            disk: t.target,
            size: capacity,
            flags: BLOCK_RESIZE_BYTES,
          });
        }
      }
    } catch (err) {
      throw withLibvirtHint(
        err,
        plan.mode === 'live'
          ? `The VM ${plan.through.map((t) => t.domain).join(', ')} could not grow the disk live; try again with it shut off.`
          : 'Check the free space of the pool.',
      );
    }
    this.changed(hostId, pool);
    return { mode: plan.mode, through: plan.mode === 'live' ? plan.through : [], capacity };
  }

  /**
   * Checks a clone (the source exists and no running VM writes to it, the target pool exists);
   * refusals come back here, before any job starts. Returns what the copy needs.
   */
  async checkClone(hostId: HostId, pool: string, name: string, targetPool: string) {
    const rpc = this.rpc(hostId);
    const [src, target, doms] = await Promise.all([
      this.volFacts(rpc, pool, name),
      this.onPool(hostId, targetPool, async (p) => p),
      this.domainDisks(hostId, rpc, { runningOnly: true }),
    ]);
    checkVolumeCopyable(name, [...new Set(usersOf(src.path, doms).live.map((l) => l.domain))]);
    return { src, target };
  }

  /**
   * Copies a volume (same format and size) under a new name. `onProgress` gets the bytes written
   * so far (the new volume's allocation, read every 300 ms while libvirt copies) of the source's.
   */
  async cloneVolume(
    hostId: HostId,
    pool: string,
    name: string,
    newName: string,
    targetPool: string,
    onProgress?: (bytes: number, totalBytes: number) => void,
    checked?: Awaited<ReturnType<StorageService['checkClone']>>,
  ): Promise<VolumeRow> {
    const rpc = this.rpc(hostId);
    const { src, target } = checked ?? (await this.checkClone(hostId, pool, name, targetPool));
    const xml = buildVolumeXml({ name: newName, capacity: src.capacity, format: src.format ?? 'raw' });
    const total = Math.max(1, src.allocation);
    let copying = true;
    const poll = async () => {
      const made: StorageVolRef = { pool: targetPool, name: newName, key: '' };
      while (copying) {
        await new Promise((r) => setTimeout(r, 300));
        if (!copying) break;
        // Not there yet, or being allocated: the next read tells.
        const info = await volGetInfo(rpc, made).catch(() => null);
        if (info && copying) onProgress?.(Math.min(info.allocation, total), total);
      }
    };
    const polling = onProgress ? poll() : Promise.resolve();
    let ref: StorageVolRef;
    try {
      ref = await volCreateXmlFrom(rpc, target, { xml, from: src.vol });
    } catch (err) {
      throw withLibvirtHint(err, `Nothing was copied. Pick another name, or make room in ${targetPool}.`);
    } finally {
      copying = false;
      await polling;
    }
    onProgress?.(total, total);
    this.changed(hostId, targetPool);
    return { ...(await readVolume(rpc, ref)), users: [], liveUsers: [] };
  }

  /** A volume's facts (sizes, format, path) by pool and name. */
  async volume(hostId: HostId, pool: string, name: string) {
    return this.volFacts(this.rpc(hostId), pool, name);
  }

  /** Refuses a wipe while any VM uses the volume (naming them); returns the volume. */
  async checkWipe(hostId: HostId, pool: string, name: string) {
    const rpc = this.rpc(hostId);
    const [facts, doms] = await Promise.all([this.volPath(rpc, pool, name), this.domainDisks(hostId, rpc)]);
    await resolveVolumeDisks(rpc, doms).catch((err: unknown) => {
      throw withLibvirtHint(
        err,
        'Nothing was wiped: whether a VM uses the volume is not known. Try again; if it persists, check the VMs with `virsh dumpxml <vm>`.',
      );
    });
    checkVolumeDeletable(name, usersOf(facts.path, doms).users, 'wipe');
    return facts;
  }

  async wipeVolume(hostId: HostId, pool: string, name: string, checked?: Awaited<ReturnType<StorageService['checkWipe']>>): Promise<void> {
    const rpc = this.rpc(hostId);
    const facts = checked ?? (await this.checkWipe(hostId, pool, name));
    try {
      await volWipe(rpc, facts.vol);
    } catch (err) {
      throw withLibvirtHint(err, 'The volume may be partly overwritten: wipe it again, or delete it.');
    }
    this.changed(hostId, pool);
  }

  async deleteVolume(hostId: HostId, pool: string, name: string): Promise<void> {
    const rpc = this.rpc(hostId);
    const [facts, doms] = await Promise.all([this.volPath(rpc, pool, name), this.domainDisks(hostId, rpc)]);
    await resolveVolumeDisks(rpc, doms).catch((err: unknown) => {
      throw withLibvirtHint(
        err,
        'Nothing was deleted: whether a VM uses the volume is not known. Try again; if it persists, check the VMs with `virsh dumpxml <vm>`.',
      );
    });
    checkVolumeDeletable(name, usersOf(facts.path, doms).users);
    try {
      await volDelete(rpc, facts.vol);
    } catch (err) {
      throw withLibvirtHint(err, 'Nothing was deleted.');
    }
    this.changed(hostId, pool);
  }

  private watch(hostId: HostId, conn: LibvirtConnection): void {
    this.stopWatch(hostId);
    const stop = watchPools(
      this.relays.of(conn),
      (e) => {
        if (e.event === 1 /* UNDEFINED */) this.poolRefs.get(hostId)?.delete(e.pool);
        this.changed(hostId, e.pool, e.event === 1);
      },
      (err) => console.error(`[storage] pool events on ${this.hosts.name(hostId)}: ${err.message}`),
    );
    this.unwatch.set(hostId, stop);
    this.domainLists.set(
      hostId,
      new DomainList(conn, this.relays.of(conn), (err) =>
        console.error(`[storage] domain events on ${this.hosts.name(hostId)}: ${err.message}`),
      ),
    );
  }

  /** The host's kept domain list (tests and the bench wait for it). */
  domainList(hostId: HostId): DomainList | undefined {
    return this.domainLists.get(hostId);
  }

  private stopWatch(hostId: HostId): void {
    this.unwatch.get(hostId)?.();
    this.unwatch.delete(hostId);
    this.domainLists.get(hostId)?.dispose();
    this.domainLists.delete(hostId);
    this.poolRefs.delete(hostId);
  }

  dispose(): void {
    this.hosts.off('connected', this.onConnected);
    this.hosts.off('disconnected', this.onDisconnected);
    for (const id of [...this.unwatch.keys()]) this.stopWatch(id);
  }
}
