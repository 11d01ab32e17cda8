/**
 * Domains across hosts: listing with state/vCPUs/memory in one bulk stats call per host,
 * details from the definition, lifecycle actions, delete with chosen volumes, and
 * `domain.changed` events fed by libvirt's own events (never by polling).
 *
 * Just over 400 lines: the listing, the actions and the event fan-out every other feature hears
 * share the per-host state kept here.
 */

import type { DomainAction, DomainDetails, DomainDisk, DomainState, DomainSummary, HostId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../core/events';
import type { RpcClient } from '../libvirt/client';
import type { LibvirtConnection } from '../libvirt/connection';
import {
  domainCreate,
  domainDestroy,
  domainGetAllStats,
  domainGetInfo,
  domainGetXmlDesc,
  domainInjectNmi,
  domainListAll,
  domainLookupByUuid,
  domainManagedSave,
  domainReset,
  domainResume,
  domainSuspend,
  domainUndefine,
} from '../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../libvirt/errors';
import type { DomainEvent } from '../libvirt/events';
import type { DomainRef } from '../libvirt/protocol';
import { DomainStatsTypes, DomainXmlFlags, domainStateName, LifecycleEvent, ListDomainsFlags, UndefineFlags } from '../libvirt/protocol';
import { callEach, type EventRelays, RelayedDomainEvents } from '../libvirt/relay';
import { volDelete, volGetInfo, volGetXmlDesc, volLookupByPath } from '../libvirt/storage';
import { parseDomainXml } from '../xml/domain';
import { redactDomainXml } from '../xml/redact';
import { backingOf, otherUsers } from './disk-users';
import type { DomainEventSource } from './domain-event-source';
import { guestPower } from './guest/power';
import type { HostManager } from './hosts';
import { snapshotFilePaths } from './snapshots/facts';
import { readOtherDomainDisks } from './storage/facts';

export function stateOf(n: number): DomainState {
  return domainStateName(n).toLowerCase() as DomainState;
}

/** The state a lifecycle event leaves the domain in (SHUTDOWN/DEFINED don't change it). */
const STATE_AFTER: Partial<Record<number, DomainState>> = {
  [LifecycleEvent.STARTED]: 'running',
  [LifecycleEvent.SUSPENDED]: 'paused',
  [LifecycleEvent.RESUMED]: 'running',
  [LifecycleEvent.STOPPED]: 'shutoff',
  [LifecycleEvent.PMSUSPENDED]: 'pmsuspended',
  [LifecycleEvent.CRASHED]: 'crashed',
};

const SUMMARY_STATS = DomainStatsTypes.STATE | DomainStatsTypes.VCPU | DomainStatsTypes.BALLOON;

/** DOMAIN_GET_INFO calls in flight at once for domains whose stats lack their size. */
const INFO_CONCURRENCY = 32;

interface Sized {
  vcpus: number;
  memoryKiB: number;
}

/**
 * vCPUs and memory of each listed domain: from its stats when the driver reports them (QEMU
 * does), else from DOMAIN_GET_INFO (libvirt's test driver reports the state group only; its
 * domains still have vCPUs and memory).
 */
async function withSizes<R extends { domain: DomainRef; stats: Record<string, unknown> }>(
  rpc: LibvirtConnection['rpc'],
  records: readonly R[],
): Promise<(R & Sized)[]> {
  const fromStats = (stats: Record<string, unknown>, fallback?: Sized): Sized | undefined => {
    const vcpus = stats['vcpu.current'] ?? fallback?.vcpus;
    const mem = stats['balloon.current'] ?? stats['balloon.maximum'] ?? fallback?.memoryKiB;
    return vcpus !== undefined && mem !== undefined ? { vcpus: Number(vcpus), memoryKiB: Number(mem) } : undefined;
  };
  const todo = records.filter((r) => !fromStats(r.stats));
  const infos = new Map<R, Sized>();
  const worker = async () => {
    for (let r = todo.shift(); r; r = todo.shift()) {
      try {
        const info = await domainGetInfo(rpc, r.domain);
        infos.set(r, { vcpus: info.vcpus, memoryKiB: info.memoryKiB });
      } catch (err) {
        // Gone since the stats call: listed with what the stats said; its removal event follows.
        if (!isLibvirtError(err, ErrorCode.NO_DOMAIN)) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(INFO_CONCURRENCY, todo.length) }, worker));
  return records.map((r) => ({ ...r, ...(fromStats(r.stats, infos.get(r)) ?? { vcpus: 0, memoryKiB: 0 }) }));
}

/** A lifecycle event with libvirt's detail (a resume and a boot both leave a VM running). */
export type LifecycleListener = (hostId: HostId, e: { domain: DomainRef; event: number; detail: number }) => void;

/** A device event of a host's domain: DEVICE_ADDED, DEVICE_REMOVED or DEVICE_REMOVAL_FAILED with the device's alias. */
export type DeviceListener = (
  hostId: HostId,
  e: { kind: 'deviceAdded' | 'deviceRemoved' | 'deviceRemovalFailed'; domain: DomainRef; devAlias: string },
) => void;

/** Any event of the kinds this service registers (lifecycle, device, tunable, balloon change), with its host. */
export type DomainEventListener = (hostId: HostId, e: DomainEvent) => void;

/**
 * The disks of every other domain on the host, for a VM delete: the storage service's
 * readOtherDomainDisks (live and next-boot definitions, type='volume' disks resolved), plus each
 * file's backing chain as its volume tells it (a shut-off domain's definition lists no chain).
 * Only libvirt's "no domain" drops a VM and only "no such volume" ends a chain; any other failure
 * (a timeout, a dropped link, a lock) refuses the delete with libvirt's message: a VM or layer
 * that could not be read is never taken for "uses nothing".
 */
export async function readOtherDisks(rpc: RpcClient, self: string): Promise<{ name: string; paths: string[] }[]> {
  const refuse = (what: string, err: unknown) =>
    new AppError('libvirt', `Could not read ${what} to check that no other VM uses the volumes: ${(err as Error).message}`, {
      cause: err,
      hint: 'Nothing was deleted. Try again; if it persists, check with `virsh dumpxml <vm>` and `virsh vol-dumpxml <path>` on the host.',
    });
  const doms = await readOtherDomainDisks(rpc, self, (what, err) => {
    throw refuse(what, err);
  });
  const backing = new Map<string, Promise<string | undefined>>();
  const backingOfFile = (p: string) => {
    let b = backing.get(p);
    if (!b) {
      b = volLookupByPath(rpc, p)
        .then((v) => volGetXmlDesc(rpc, v))
        .then(backingOf, (err: unknown) => {
          if (isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) return undefined; // in no pool: libvirt knows no backing for it
          throw err;
        })
        .catch((err: unknown) => {
          throw refuse(`what ${p} is built on`, err);
        });
      backing.set(p, b);
    }
    return b;
  };
  return Promise.all(
    doms.map(async (d) => {
      const paths = [...new Set([...d.live, ...d.persistent].flatMap((k) => k.paths))];
      for (let i = 0; i < paths.length && i < 256; i++) {
        const back = await backingOfFile(paths[i] as string);
        if (back && !paths.includes(back)) paths.push(back);
      }
      return { name: d.name, paths };
    }),
  );
}

export class DomainService implements DomainEventSource {
  private detach = new Map<HostId, () => void>();
  private readonly lifecycleListeners = new Set<LifecycleListener>();
  private readonly deviceListeners = new Set<DeviceListener>();
  private readonly eventListeners = new Set<DomainEventListener>();
  private readonly resyncListeners = new Set<(hostId: HostId) => void>();
  private readonly writeListeners = new Set<(hostId: HostId, uuid: string) => void>();

  constructor(
    private readonly hosts: HostManager,
    private readonly events: EventHub,
    /** The connections' event relays (one registration per event and connection, shared with every feature). */
    private readonly relays: EventRelays,
  ) {
    hosts.on('connected', (hostId: HostId, conn: LibvirtConnection) => this.watch(hostId, conn));
    hosts.on('disconnected', (hostId: HostId) => this.unwatch(hostId));
  }

  async list(hostId?: HostId): Promise<DomainSummary[]> {
    const ids = hostId ? [hostId] : this.hosts.connectedIds();
    const perHost = await Promise.all(ids.map((id) => this.listHost(id)));
    return perHost.flat();
  }

  private async listHost(hostId: HostId, doms?: DomainRef[]): Promise<DomainSummary[]> {
    const rpc = this.hosts.connection(hostId).rpc;
    const [records, transient] = await Promise.all([
      domainGetAllStats(rpc, { stats: SUMMARY_STATS, ...(doms ? { doms } : {}) }),
      domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT }),
    ]);
    const transientIds = new Set(transient.map((d) => d.uuid));
    return (await withSizes(rpc, records)).map(({ domain, stats, vcpus, memoryKiB }) => ({
      hostId,
      uuid: domain.uuid,
      name: domain.name,
      id: domain.id,
      state: stateOf(Number(stats['state.state'] ?? 0)),
      reason: Number(stats['state.reason'] ?? 0),
      persistent: !transientIds.has(domain.uuid),
      vcpus,
      memoryKiB,
    }));
  }

  async details(hostId: HostId, uuid: string): Promise<DomainDetails> {
    const rpc = this.hosts.connection(hostId).rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    const [summary] = await this.listHost(hostId, [dom]);
    if (!summary) throw new AppError('not-found', `The VM ${dom.name} is gone`);
    // The XML shown to the admin never carries secrets (VNC passwords); the one parsed for
    // facts does (SECURE), so the details can say that a password is set.
    const [xml, secureXml] = await Promise.all([domainGetXmlDesc(rpc, dom), domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.SECURE })]);
    const parsed = parseDomainXml(secureXml);
    const disks = await Promise.all(parsed.disks.map((d) => this.withVolume(hostId, d)));
    const uptimeSec =
      summary.state === 'running' || summary.state === 'paused' ? await this.hosts.domainUptime(hostId, dom.name) : undefined;
    return { summary, ...parsed, disks, ...(uptimeSec !== undefined ? { uptimeSec } : {}), xml: redactDomainXml(xml) };
  }

  private async withVolume(hostId: HostId, d: DomainDisk): Promise<DomainDisk> {
    if (!d.source || d.type !== 'file') return d;
    const rpc = this.hosts.connection(hostId).rpc;
    try {
      const vol = await volLookupByPath(rpc, d.source);
      const info = await volGetInfo(rpc, vol);
      return { ...d, volume: { pool: vol.pool, name: vol.name, capacity: info.capacity, allocation: info.allocation } };
    } catch {
      return d; // not in any pool on this host: shown without volume figures
    }
  }

  async action(hostId: HostId, uuid: string, action: DomainAction): Promise<void> {
    const rpc = this.hosts.connection(hostId).rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    switch (action) {
      case 'start':
        await domainCreate(rpc, dom);
        return;
      // Through the guest agent when it is connected (a guest without an ACPI daemon ignores the button), else ACPI.
      case 'shutdown':
        await guestPower(rpc, dom, 'shutdown');
        return;
      case 'reboot':
        await guestPower(rpc, dom, 'reboot');
        return;
      case 'destroy':
        await domainDestroy(rpc, dom);
        return;
      case 'suspend':
        await domainSuspend(rpc, dom);
        return;
      case 'resume':
        await domainResume(rpc, dom);
        return;
      case 'reset':
        await domainReset(rpc, dom);
        return;
      case 'nmi':
        await domainInjectNmi(rpc, dom);
        return;
      case 'managedsave':
        await domainManagedSave(rpc, dom);
        return;
    }
  }

  /**
   * Deletes a VM: stops it if running, removes its definition, then the volumes the admin
   * chose — only paths that are disks of this VM. Volumes are removed only after the
   * definition is gone, so a failure never leaves a VM pointing at deleted disks.
   */
  async delete(hostId: HostId, uuid: string, confirmName: string, deleteVolumes: string[]): Promise<{ deletedVolumes: string[] }> {
    const rpc = this.hosts.connection(hostId).rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    if (confirmName !== dom.name) {
      throw new AppError('confirm-mismatch', `Type the VM's name exactly ("${dom.name}") to delete it`, 'Nothing was deleted.');
    }
    const parsed = parseDomainXml(await domainGetXmlDesc(rpc, dom));
    const own = new Set(parsed.disks.filter((d) => d.type === 'file' && d.source).map((d) => d.source as string));
    // The files its snapshots keep (the layers under its disks, external snapshots' overlays): the dialog lists them too.
    if (deleteVolumes.some((p) => !own.has(p))) for (const p of await snapshotFilePaths(rpc, uuid)) own.add(p);
    const foreign = deleteVolumes.filter((p) => !own.has(p));
    if (foreign.length) {
      throw new AppError(
        'invalid-input',
        `Not a disk of ${dom.name}: ${foreign.join(', ')}`,
        'Nothing was deleted. Pick volumes from the VM’s own disk list.',
      );
    }
    // A volume another domain uses (as its disk, or under an overlay) is never deleted with this one.
    const users = deleteVolumes.length ? otherUsers(deleteVolumes, await readOtherDisks(rpc, dom.uuid)) : new Map<string, string[]>();
    if (users.size) {
      const names = [...new Set([...users.values()].flat())].sort();
      throw new AppError(
        'disk-shared',
        `Not deleted: ${[...users].map(([p, n]) => `${p} is also a disk of ${n.join(', ')}`).join('; ')}`,
        `Nothing was deleted. Delete ${dom.name} without ${users.size > 1 ? 'these volumes' : 'this volume'}, or first remove the disk from ${names.join(', ')}.`,
      );
    }
    const [summary] = await this.listHost(hostId, [dom]);
    if (summary && summary.state !== 'shutoff') await domainDestroy(rpc, dom);
    if (summary?.persistent !== false) {
      await domainUndefine(rpc, dom, {
        flags: UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA | UndefineFlags.NVRAM | UndefineFlags.CHECKPOINTS_METADATA,
      });
    }
    const deleted: string[] = [];
    const errors: string[] = [];
    for (const p of deleteVolumes) {
      try {
        await volDelete(rpc, await volLookupByPath(rpc, p));
        deleted.push(p);
      } catch (err) {
        errors.push(`${p}: ${(err as Error).message}`);
      }
    }
    if (errors.length) {
      throw new AppError(
        'partial',
        `${dom.name} was deleted, but some volumes were not: ${errors.join('; ')}`,
        'Remove them from the host’s storage pool, or check that a pool holds them.',
      );
    }
    return { deletedVolumes: deleted };
  }

  /** The lifecycle events of every connected host, for services that need the detail (libvirt refuses a second registration of one event on a connection). */
  onLifecycle(fn: LifecycleListener): () => void {
    this.lifecycleListeners.add(fn);
    return () => void this.lifecycleListeners.delete(fn);
  }

  /** libvirt's device events (added, removed, removal failed) of every connected host, with the device's alias (a hot-plug confirmed). */
  onDeviceEvent(fn: DeviceListener): () => void {
    this.deviceListeners.add(fn);
    return () => void this.deviceListeners.delete(fn);
  }

  /** Every event this service registers (lifecycle, device added/removed/removal failed, tunable, balloon change), per host. */
  onDomainEvent(fn: DomainEventListener): () => void {
    this.eventListeners.add(fn);
    return () => void this.eventListeners.delete(fn);
  }

  /**
   * Vireo changed a VM's definition or running state itself (a settings write). libvirt sends no
   * event for some of these (a vCPU hot-plug, a --config change), so caches of VM facts hear it here.
   */
  onVireoWrite(fn: (hostId: HostId, uuid: string) => void): () => void {
    this.writeListeners.add(fn);
    return () => void this.writeListeners.delete(fn);
  }

  vireoWrote(hostId: HostId, uuid: string): void {
    callEach(this.writeListeners, (fn) => fn(hostId, uuid), 'a write listener');
  }

  /** A host connected again or its link came back: events may have been missed, read again what is cached. */
  onResync(fn: (hostId: HostId) => void): () => void {
    this.resyncListeners.add(fn);
    return () => void this.resyncListeners.delete(fn);
  }

  /** Lifecycle events become `domain.changed` with the new state, so rows update without a refetch. */
  private watch(hostId: HostId, conn: LibvirtConnection): void {
    this.unwatch(hostId);
    const events = new RelayedDomainEvents(this.relays.of(conn), [
      'lifecycle',
      'deviceAdded',
      'deviceRemoved',
      'deviceRemovalFailed',
      'tunable',
      'balloonChange',
    ]);
    events.on('lifecycle', (e) => {
      const state = STATE_AFTER[e.event];
      this.events.emit('domain.changed', {
        hostId,
        uuid: e.domain.uuid,
        name: e.domain.name,
        ...(state ? { state } : {}),
        ...(e.event === LifecycleEvent.UNDEFINED ? { removed: true } : {}),
      });
      callEach(this.lifecycleListeners, (fn) => fn(hostId, { domain: e.domain, event: e.event, detail: e.detail }), 'a lifecycle listener');
    });
    // A balloon that settled (after a start, or a memory change) changes the running VM's memory.
    for (const kind of ['deviceAdded', 'deviceRemoved', 'tunable', 'balloonChange'] as const) {
      events.on(kind, (e) => this.events.emit('domain.changed', { hostId, uuid: e.domain.uuid, name: e.domain.name }));
    }
    for (const kind of ['deviceAdded', 'deviceRemoved', 'deviceRemovalFailed'] as const) {
      events.on(kind, (e) => {
        callEach(this.deviceListeners, (fn) => fn(hostId, e), `a ${kind} listener`);
      });
    }
    events.on('*', (e) => {
      callEach(this.eventListeners, (fn) => fn(hostId, e), `a ${e.kind} listener`);
    });
    // After a reconnect DomainEvents registers again by itself; the host's `connected` state
    // (emitted by HostManager) makes the UI refetch what it may have missed, and services caching
    // per VM read again.
    const resync = () => {
      callEach(this.resyncListeners, (fn) => fn(hostId), 'a resync listener');
    };
    events.onResync(resync);
    events.onError((err) => console.error(`[domains] events on ${this.hosts.name(hostId)}: ${err.message}`));
    events
      .start()
      .then(resync)
      .catch((err: Error) => console.error(`[domains] cannot subscribe to events on ${this.hosts.name(hostId)}: ${err.message}`));
    this.detach.set(hostId, () => void events.stop());
  }

  private unwatch(hostId: HostId): void {
    this.detach.get(hostId)?.();
    this.detach.delete(hostId);
  }

  dispose(): void {
    for (const id of [...this.detach.keys()]) this.unwatch(id);
  }
}
