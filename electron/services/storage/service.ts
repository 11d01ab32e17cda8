/**
 * Storage pools and volumes of a host (issue 18): list, define, build, start, stop, refresh,
 * autostart, undefine, delete; volumes created, resized (live through the running VM's block
 * resize when attached) and deleted. Removals are refused while a VM uses the storage, naming
 * the VMs. Reads go through facts.ts, decisions through checks.ts.
 */
import type { HostId } from '../../../shared/api/common';
import type { CreateVolumeSpec, DefinePoolSpec, PoolAction, PoolRow, ResizeResult, VolumeRow } from '../../../shared/api/storage';
import { AppError } from '../../../shared/errors';
import type { EventHub } from '../../core/events';
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainLookupByName } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError, withLibvirtHint } from '../../libvirt/errors';
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
  volLookupByName,
  volResize,
  volWipe,
} from '../../libvirt/storage';
import { buildPoolXml, parsePoolCapabilities } from '../../xml/pool';
import { buildVolumeXml } from '../../xml/volume';
import type { HostManager } from '../hosts';
import { checkPoolRemovable, checkVolumeCopyable, checkVolumeDeletable, planResize, poolUsers, usersOf, volumeRow } from './checks';
import { readDomainDisks, readPool, readPools, readVolume, readVolumes, resolveVolumeDisks } from './facts';
import { watchPools } from './watch';

/** virDomainBlockResizeFlags.BYTES: the size is in bytes, not KiB. */
const BLOCK_RESIZE_BYTES = 1;

export class StorageService {
  private readonly unwatch = new Map<HostId, () => void>();
  private readonly onConnected = (hostId: HostId, conn: LibvirtConnection) => this.watch(hostId, conn);
  private readonly onDisconnected = (hostId: HostId) => this.stopWatch(hostId);

  constructor(
    private readonly hosts: Pick<HostManager, 'connection' | 'name' | 'on' | 'off'>,
    private readonly events: Pick<EventHub, 'emit'>,
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

  private async volume(rpc: RpcClient, pool: string, name: string) {
    const p = await this.pool(rpc, pool);
    try {
      return await volLookupByName(rpc, p, name);
    } catch (err) {
      if (isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) {
        throw new AppError('not-found', `There is no volume ${name} in pool ${pool}`, {
          cause: err,
          hint: 'Refresh the pool, or look at the list again.',
        });
      }
      throw withLibvirtHint(err, `Is pool ${pool} running? Start it to reach its volumes.`);
    }
  }

  async pools(hostId: HostId): Promise<PoolRow[]> {
    return readPools(this.rpc(hostId));
  }

  async poolTypes(hostId: HostId): Promise<string[]> {
    const xml = await poolGetCapabilities(this.rpc(hostId));
    return parsePoolCapabilities(xml)
      .filter((p) => p.supported)
      .map((p) => p.type);
  }

  async volumes(hostId: HostId, pool: string): Promise<VolumeRow[]> {
    const rpc = this.rpc(hostId);
    const p = await this.pool(rpc, pool);
    const [vols, doms] = await Promise.all([
      readVolumes(rpc, p).catch((err: unknown) => {
        throw withLibvirtHint(err, `Start pool ${pool} to list its volumes.`);
      }),
      readDomainDisks(rpc),
    ]);
    await resolveVolumeDisks(rpc, doms);
    return vols.map((v) => volumeRow(v, doms));
  }

  async definePool(spec: DefinePoolSpec): Promise<PoolRow> {
    const rpc = this.rpc(spec.hostId);
    const xml = buildPoolXml(
      spec.type === 'dir'
        ? { type: 'dir', name: spec.name, targetPath: spec.targetPath }
        : { type: 'logical', name: spec.name, sourceName: spec.sourceName, devices: spec.devices },
    );
    let ref: Awaited<ReturnType<typeof poolDefineXml>>;
    try {
      ref = await poolDefineXml(rpc, { xml });
    } catch (err) {
      throw withLibvirtHint(err, 'Nothing was defined. Pick another name or directory.');
    }
    this.changed(spec.hostId, spec.name);
    // What a pool just defined is: inactive, not built, no autostart (nothing to read back).
    return {
      name: ref.name,
      uuid: ref.uuid,
      state: 'inactive',
      type: spec.type,
      ...(spec.type === 'dir' ? { targetPath: spec.targetPath } : { targetPath: `/dev/${spec.sourceName}`, sourceName: spec.sourceName }),
      capacity: 0,
      allocation: 0,
      available: 0,
      autostart: false,
      persistent: true,
    };
  }

  async poolAction(hostId: HostId, name: string, action: PoolAction): Promise<void> {
    const rpc = this.rpc(hostId);
    const p = await this.pool(rpc, name);
    if (action === 'undefine' || action === 'delete') {
      const row = await readPool(rpc, p);
      const vols = row.state === 'running' ? await readVolumes(rpc, p) : [];
      const doms = await readDomainDisks(rpc);
      await resolveVolumeDisks(rpc, doms);
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
    const hints: Record<PoolAction, string> = {
      build: 'Check that the target path is free and its parent directory exists on the host.',
      start: 'Build the pool first if its directory or volume group does not exist yet.',
      stop: 'Stop the VMs that use its volumes first.',
      refresh: 'Start the pool first.',
      undefine: 'Stop the pool first: an active pool stays until it is stopped.',
      delete: 'Stop the pool first, and empty it: libvirt deletes only an empty directory.',
    };
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
      throw withLibvirtHint(err, hints[action]);
    }
    // build / delete / refresh change sizes without a lifecycle event (refresh has its own).
    this.changed(hostId, name, action === 'undefine');
  }

  async setAutostart(hostId: HostId, name: string, autostart: boolean): Promise<void> {
    const rpc = this.rpc(hostId);
    await poolSetAutostart(rpc, await this.pool(rpc, name), { autostart });
    this.changed(hostId, name);
  }

  async createVolume(spec: CreateVolumeSpec): Promise<VolumeRow> {
    const rpc = this.rpc(spec.hostId);
    const p = await this.pool(rpc, spec.pool);
    let backingStore: { path: string; format: string } | undefined;
    if (spec.backing !== undefined) {
      if (spec.format !== 'qcow2')
        throw new AppError('invalid-input', 'Only a qcow2 volume can have a backing volume', 'Pick qcow2, or no backing volume.');
      const base = (await readVolumes(rpc, p)).find((v) => v.name === spec.backing);
      if (!base)
        throw new AppError('not-found', `There is no volume ${spec.backing} in pool ${spec.pool}`, 'Pick a backing volume from the pool.');
      backingStore = { path: base.path, format: base.format ?? 'raw' };
    }
    const xml = buildVolumeXml({
      name: spec.name,
      capacity: spec.capacity,
      format: spec.format,
      ...(spec.allocation !== undefined ? { allocation: Math.min(spec.allocation, spec.capacity) } : {}),
      ...(backingStore ? { backingStore } : {}),
    });
    let ref: Awaited<ReturnType<typeof volCreateXml>>;
    try {
      ref = await volCreateXml(rpc, p, { xml, timeoutMs: 0 });
    } catch (err) {
      throw withLibvirtHint(err, 'Nothing was created. Pick another name, or make room in the pool.');
    }
    this.changed(spec.hostId, spec.pool);
    // A volume just made is nobody's disk yet.
    return { ...(await readVolume(rpc, ref)), users: [], liveUsers: [] };
  }

  async resizeVolume(hostId: HostId, pool: string, name: string, capacity: number): Promise<ResizeResult> {
    const rpc = this.rpc(hostId);
    // The volume and the running VMs' disks, read together.
    const [facts, doms] = await Promise.all([
      this.volume(rpc, pool, name).then(async (vol) => ({ vol, ...(await readVolume(rpc, vol)) })),
      readDomainDisks(rpc, { runningOnly: true }),
    ]);
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

  async cloneVolume(hostId: HostId, pool: string, name: string, newName: string, targetPool: string): Promise<VolumeRow> {
    const rpc = this.rpc(hostId);
    const [src, target, doms] = await Promise.all([
      this.volume(rpc, pool, name).then(async (vol) => ({ vol, ...(await readVolume(rpc, vol)) })),
      this.pool(rpc, targetPool),
      readDomainDisks(rpc, { runningOnly: true }),
    ]);
    checkVolumeCopyable(name, [...new Set(usersOf(src.path, doms).live.map((l) => l.domain))]);
    const xml = buildVolumeXml({ name: newName, capacity: src.capacity, format: src.format ?? 'raw' });
    let ref: Awaited<ReturnType<typeof volCreateXmlFrom>>;
    try {
      ref = await volCreateXmlFrom(rpc, target, { xml, from: src.vol });
    } catch (err) {
      throw withLibvirtHint(err, `Nothing was copied. Pick another name, or make room in ${targetPool}.`);
    }
    this.changed(hostId, targetPool);
    return { ...(await readVolume(rpc, ref)), users: [], liveUsers: [] };
  }

  async wipeVolume(hostId: HostId, pool: string, name: string): Promise<void> {
    const rpc = this.rpc(hostId);
    const [facts, doms] = await Promise.all([
      this.volume(rpc, pool, name).then(async (vol) => ({ vol, ...(await readVolume(rpc, vol)) })),
      readDomainDisks(rpc),
    ]);
    await resolveVolumeDisks(rpc, doms);
    checkVolumeDeletable(name, usersOf(facts.path, doms).users, 'wipe');
    try {
      await volWipe(rpc, facts.vol);
    } catch (err) {
      throw withLibvirtHint(err, 'The volume may be partly overwritten: wipe it again, or delete it.');
    }
    this.changed(hostId, pool);
  }

  async deleteVolume(hostId: HostId, pool: string, name: string): Promise<void> {
    const rpc = this.rpc(hostId);
    const [facts, doms] = await Promise.all([
      this.volume(rpc, pool, name).then(async (vol) => ({ vol, ...(await readVolume(rpc, vol)) })),
      readDomainDisks(rpc),
    ]);
    await resolveVolumeDisks(rpc, doms);
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
      conn,
      (e) => this.changed(hostId, e.pool, e.event === 1 /* UNDEFINED */),
      (err) => console.error(`[storage] pool events on ${this.hosts.name(hostId)}: ${err.message}`),
    );
    this.unwatch.set(hostId, stop);
  }

  private stopWatch(hostId: HostId): void {
    this.unwatch.get(hostId)?.();
    this.unwatch.delete(hostId);
  }

  dispose(): void {
    this.hosts.off('connected', this.onConnected);
    this.hosts.off('disconnected', this.onDisconnected);
    for (const id of [...this.unwatch.keys()]) this.stopWatch(id);
  }
}
