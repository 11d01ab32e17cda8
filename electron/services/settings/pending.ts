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
 *
 * A write's compare reads its VM at once (after the first scan's listing, not its compares, and
 * outside the 8 slots), and answers are ordered by when they were asked for: an older compare that
 * answers later (the scan's, begun before the write) never overwrites a newer one's mark.
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

interface HostState {
  hostId: HostId;
  /**
   * uuid → its ref and whether it has pending changes, for the host's running persistent VMs (from
   * the listing: not pending until compared).
   */
  vms: Map<string, { ref: DomainRef; pending: boolean }>;
  /** The first scan's listing (a write's compare awaits only this). */
  listed: Promise<void>;
  /** The first full scan (the list awaits it). */
  primed: Promise<void>;
  /** The compare running for a VM, and the VMs asked for again meanwhile. */
  inflight: Map<string, Promise<void>>;
  again: Set<string>;
  /**
   * Per VM: the seq of the compare whose answer is kept, or of its drop (stopped, undefined). A
   * compare asked for earlier (a lower seq) is stale: its answer is thrown away.
   */
  latest: Map<string, number>;
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
  /** Numbers each compare when it is asked for (an event, the scan, a write), and each drop. */
  private seq = 0;

  constructor(
    private readonly rpcOf: (hostId: HostId) => RpcClient,
    source: DomainEventSource,
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
        listed: Promise.resolve(),
        primed: Promise.resolve(),
        inflight: new Map(),
        again: new Set(),
        latest: new Map(),
        active: 0,
        waiting: [],
        gone: false,
      };
      this.hostStates.set(hostId, fresh);
      const listing = this.listRunning(fresh);
      fresh.listed = listing.then(() => {});
      fresh.primed = listing.then((doms) => this.compareAll(fresh, doms));
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
   * nothing pending; a start is an event). During the host's first scan it waits for the listing
   * only: its own 2 reads start at once, beside the scan's (not in its queue, nor after a compare
   * of this VM already running, whose reads may predate the write).
   */
  async refresh(hostId: HostId, uuid: string): Promise<void> {
    const h = this.hostStates.get(hostId);
    if (!h) return;
    await h.listed.catch(() => {});
    const v = h.vms.get(uuid);
    if (v && !h.gone) await this.read(h, v.ref, ++this.seq);
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
    await this.compareAll(h, await this.listRunning(h));
  }

  /** The running persistent VMs: new ones known (not pending until compared), those gone dropped. */
  private async listRunning(h: HostState): Promise<DomainRef[]> {
    const doms = await domainListAll(this.rpcOf(h.hostId), { flags: ListDomainsFlags.ACTIVE | ListDomainsFlags.PERSISTENT });
    if (h.gone) return [];
    const ids = new Set(doms.map((d) => d.uuid));
    for (const uuid of [...h.vms.keys()]) if (!ids.has(uuid)) this.drop(h, uuid);
    for (const d of doms) if (!h.vms.has(d.uuid)) h.vms.set(d.uuid, { ref: d, pending: false });
    return doms;
  }

  private async compareAll(h: HostState, doms: DomainRef[]): Promise<void> {
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
    h.latest.set(uuid, ++this.seq);
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
    const seq = ++this.seq;
    const p = this.slot(h)
      .then(() => this.read(h, dom, seq))
      .finally(() => {
        h.active--;
        h.waiting.shift()?.();
        if (h.inflight.get(dom.uuid) === p) h.inflight.delete(dom.uuid);
        if (h.again.delete(dom.uuid) && !h.gone) this.compare(h, dom).catch((err: Error) => this.log(`${dom.name}: ${err.message}`));
      });
    h.inflight.set(dom.uuid, p);
    return p;
  }

  /**
   * Reads one VM's two definitions now and keeps the answer unless the answer of a compare asked
   * for later, or a drop since it was asked for, was kept already (seq order, whichever answers first).
   */
  private async read(h: HostState, dom: DomainRef, seq: number): Promise<void> {
    const pending = await comparePending(this.rpcOf(h.hostId), dom);
    if (h.gone || (h.latest.get(dom.uuid) ?? 0) > seq) return;
    h.latest.set(dom.uuid, seq);
    if (pending === null) this.drop(h, dom.uuid);
    else this.set(h, dom, pending);
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
