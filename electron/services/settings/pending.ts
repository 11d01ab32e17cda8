/**
 * Which running VMs of a host have pending changes (the next boot's definition differs from the
 * running VM), for the marker in the VM list and the sidebar: the same comparison as the Settings
 * tab (pendingOf), on a running persistent VM's live and inactive XML.
 *
 * Cached per host and kept up to date by events, as the IP column is (guest/service.ts): a host's
 * running VMs are compared once when the list first asks (8 at a time), then ONE VM is compared
 * again only when libvirt tells of that VM (started, defined, a device added or removed, its balloon
 * settled, a tunable) or after Vireo's own settings write to it. A VM that stops or is undefined is
 * dropped without a call. Each change of a VM's mark is sent as `settings.pending` (the renderer
 * patches its set: no host-wide refetch). Idle, it makes no calls.
 */

import type { HostId } from '../../../shared/api/common';
import type { PendingChange, PendingVms, settingsRequests } from '../../../shared/api/settings';
import type { Handlers } from '../../ipc';
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainListAll } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import type { DomainEvent } from '../../libvirt/events';
import { type DomainRef, DomainXmlFlags, LifecycleEvent, ListDomainsFlags } from '../../libvirt/protocol';
import { parseDomain } from '../../xml/parse';
import type { DomainEventSource } from '../domain-event-source';
import { pendingOf } from './vm-settings';

/** Comparisons (2 reads each) in flight per host. */
const CONCURRENCY = 8;

/** The domain events of every connected host (DomainService), and the hosts reconnecting or leaving. */
/** The domain service's events, as the marks hear them (one type with the Tuning tab's cache). */
export type PendingEventSource = DomainEventSource;

interface HostState {
  hostId: HostId;
  /** uuid → its ref and whether it has pending changes, for the host's running persistent VMs compared so far. */
  vms: Map<string, { ref: DomainRef; pending: boolean }>;
  /** The first full scan (the list awaits it). */
  primed: Promise<void>;
  /** The compare running for a VM, and the VMs asked for again meanwhile. */
  inflight: Map<string, Promise<void>>;
  again: Set<string>;
  /** Bumped when a VM is dropped (stopped, undefined): a compare begun before that is stale. */
  drops: Map<string, number>;
  /** Compares running, and those waiting for a slot. */
  active: number;
  waiting: (() => void)[];
  /** Its first scan failed, or the service was disposed: results are dropped. */
  gone: boolean;
}

/** Whether one running VM has pending changes: 2 reads. null: gone or stopped meanwhile. */
export async function comparePending(rpc: RpcClient, dom: DomainRef): Promise<boolean | null> {
  try {
    const [live, config] = await Promise.all([domainGetXmlDesc(rpc, dom), domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE })]);
    return pendingOf(parseDomain(config), parseDomain(live)).length > 0;
  } catch (err) {
    // Gone or stopped since the event or the listing: nothing pending to show for it.
    if (isLibvirtError(err, ErrorCode.NO_DOMAIN) || isLibvirtError(err, ErrorCode.OPERATION_INVALID)) return null;
    throw err;
  }
}

export class PendingService {
  private readonly hostStates = new Map<HostId, HostState>();
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly rpcOf: (hostId: HostId) => RpcClient,
    source: PendingEventSource,
    private readonly emit: (e: PendingChange) => void,
    private readonly log: (msg: string) => void = (m) => console.error(`[pending] ${m}`),
  ) {
    this.offs.push(
      source.onDomainEvent((hostId, e) => {
        const h = this.hostStates.get(hostId);
        if (h) this.onEvent(h, e);
      }),
      // Compared again from a fresh listing; what differs is sent (the renderer keeps its set meanwhile).
      source.onResync((hostId) => {
        const h = this.hostStates.get(hostId);
        if (h) this.rescan(h).catch((err: Error) => this.log(`${hostId} after a reconnect: ${err.message}`));
      }),
    );
  }

  /** The host's running VMs with pending changes; the first call compares each running VM once. */
  async list(hostId: HostId): Promise<PendingVms> {
    let h = this.hostStates.get(hostId);
    if (!h) {
      const fresh: HostState = {
        hostId,
        vms: new Map(),
        primed: Promise.resolve(),
        inflight: new Map(),
        again: new Set(),
        drops: new Map(),
        active: 0,
        waiting: [],
        gone: false,
      };
      this.hostStates.set(hostId, fresh);
      fresh.primed = this.rescan(fresh);
      // A failed first scan is not kept: the next ask tries again.
      fresh.primed.catch(() => this.forget(fresh));
      h = fresh;
    }
    await h.primed;
    const uuids = [...h.vms].flatMap(([uuid, v]) => (v.pending ? [uuid] : []));
    return { hostId, uuids: uuids.sort(), scanned: true };
  }

  /**
   * After Vireo's own write to a VM: compares it again now (awaited, so the list read right after
   * has it). Nothing when no one follows the host, or the VM is not known to run (then it has
   * nothing pending; a start is an event).
   */
  async refresh(hostId: HostId, uuid: string): Promise<void> {
    const h = this.hostStates.get(hostId);
    if (!h) return;
    await h.primed.catch(() => {});
    const v = h.vms.get(uuid);
    if (v) await this.compare(h, v.ref);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    for (const h of [...this.hostStates.values()]) this.forget(h);
  }

  // ---- per host ------------------------------------------------------------------------------------

  private forget(h: HostState): void {
    h.gone = true;
    if (this.hostStates.get(h.hostId) === h) this.hostStates.delete(h.hostId);
  }

  /** Lists the running persistent VMs and compares each (bounded); VMs no longer running are dropped. */
  private async rescan(h: HostState): Promise<void> {
    const doms = await domainListAll(this.rpcOf(h.hostId), { flags: ListDomainsFlags.ACTIVE | ListDomainsFlags.PERSISTENT });
    if (h.gone) return;
    const ids = new Set(doms.map((d) => d.uuid));
    for (const uuid of [...h.vms.keys()]) if (!ids.has(uuid)) this.drop(h, uuid);
    await Promise.all(doms.map((d) => this.compare(h, d)));
  }

  private onEvent(h: HostState, e: DomainEvent): void {
    const d = e.domain;
    const known = h.vms.has(d.uuid);
    let again: boolean;
    switch (e.kind) {
      case 'lifecycle':
        if (e.event === LifecycleEvent.STOPPED || e.event === LifecycleEvent.UNDEFINED) {
          this.drop(h, d.uuid);
          return;
        }
        // Started (booted, restored, migrated in): compare. Defined (a new next boot): compare when it
        // runs (the event's domain id is -1 when it does not).
        again = e.event === LifecycleEvent.STARTED || (e.event === LifecycleEvent.DEFINED && (known || d.id > 0));
        break;
      // The running VM changed: only a VM known to run (a shut-off VM has nothing pending).
      case 'deviceAdded':
      case 'deviceRemoved':
      case 'balloonChange':
      case 'tunable':
        again = known;
        break;
      default:
        again = false;
    }
    if (again) this.compare(h, d).catch((err: Error) => this.log(`${d.name} on ${h.hostId}: ${err.message}`));
  }

  private drop(h: HostState, uuid: string): void {
    const was = h.vms.get(uuid);
    h.vms.delete(uuid);
    h.again.delete(uuid);
    h.drops.set(uuid, (h.drops.get(uuid) ?? 0) + 1);
    if (was?.pending) this.emit({ hostId: h.hostId, uuid, pending: false });
  }

  private set(h: HostState, ref: DomainRef, pending: boolean): void {
    const was = h.vms.get(ref.uuid);
    h.vms.set(ref.uuid, { ref, pending });
    if ((was?.pending ?? false) !== pending) this.emit({ hostId: h.hostId, uuid: ref.uuid, pending });
  }

  /**
   * Compares one VM, at most CONCURRENCY per host. A VM asked for again while its compare runs is
   * compared once more after it (its event may have come after the read), never twice at once; the
   * promise then resolves after that second compare.
   */
  private compare(h: HostState, dom: DomainRef): Promise<void> {
    const running = h.inflight.get(dom.uuid);
    if (running) {
      h.again.add(dom.uuid);
      return running.then(() => h.inflight.get(dom.uuid));
    }
    const drops = h.drops.get(dom.uuid);
    const p = this.slot(h)
      .then(() => comparePending(this.rpcOf(h.hostId), dom))
      .then((pending) => {
        if (h.gone || h.drops.get(dom.uuid) !== drops) return;
        if (pending === null) this.drop(h, dom.uuid);
        else this.set(h, dom, pending);
      })
      .finally(() => {
        h.active--;
        h.waiting.shift()?.();
        if (h.inflight.get(dom.uuid) === p) h.inflight.delete(dom.uuid);
        if (h.again.delete(dom.uuid) && !h.gone) this.compare(h, dom).catch((err: Error) => this.log(`${dom.name}: ${err.message}`));
      });
    h.inflight.set(dom.uuid, p);
    return p;
  }

  /** Waits for one of the host's CONCURRENCY slots. */
  private slot(h: HostState): Promise<void> {
    if (h.active < CONCURRENCY) {
      h.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      h.waiting.push(() => {
        h.active++;
        resolve();
      }),
    );
  }
}

/** The settings writes that can change what pendingOf compares: the VM is compared again before the reply. */
export const PENDING_WRITES = [
  'settings.xml.apply',
  'settings.xml.undo',
  'settings.setVcpus',
  'settings.setMemory',
  'settings.setGeneral',
  'settings.setTopology',
  'settings.setCpuMode',
  'settings.setMemoryBacking',
  'settings.addDisk',
  'settings.removeDisk',
  'settings.addNic',
  'settings.removeNic',
  'settings.setBootOrder',
] as const;

type SettingsHandlers = Pick<Handlers, keyof typeof settingsRequests>;
type WriteHandler = (input: { hostId: HostId; uuid: string }) => Promise<unknown>;

/**
 * The same handlers, each of PENDING_WRITES followed by a compare of its VM (also after a failure:
 * the next boot may have taken the change while the running VM refused it). libvirt sends no event
 * for some live changes (a vCPU hot-plug), so the write itself says.
 */
export function comparingAfterWrites(
  pending: Pick<PendingService, 'refresh'>,
  handlers: SettingsHandlers,
  /** Told of each write (the domain service's `vireoWrote`: other caches of VM facts, e.g. the Tuning tab's). */
  wrote: (hostId: HostId, uuid: string) => void = () => {},
): SettingsHandlers {
  const out: Record<string, unknown> = { ...handlers };
  for (const name of PENDING_WRITES) {
    const fn = out[name] as WriteHandler | undefined;
    if (!fn) continue;
    const wrapped: WriteHandler = async (input) => {
      try {
        return await fn(input);
      } finally {
        wrote(input.hostId, input.uuid);
        await pending.refresh(input.hostId, input.uuid).catch((err: Error) => console.error(`[pending] after ${name}: ${err.message}`));
      }
    };
    out[name] = wrapped;
  }
  return out as SettingsHandlers;
}
