/**
 * Every VM's addresses at a glance without polling: a host's running VMs are read once when the
 * table first asks (4 at a time), then a VM is read again only when libvirt says something changed
 * (started, resumed, its agent came or went; a few bounded retries after a start or an agent
 * connecting, since the address comes some seconds after). Idle, it makes no calls.
 *
 * Also: the guest's clock set after a resume or a migration (libvirt's lifecycle events, here or by
 * virsh), and the guest facts on demand. Decisions live in decide.ts, I/O in facts.ts.
 */
import type { HostId } from '../../../shared/api/common';
import type { GuestInfo, HostAddresses, VmAddresses } from '../../../shared/api/guest';
import type { EventHub } from '../../core/events';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainListAll } from '../../libvirt/domain';
import { type DomainRef, ListDomainsFlags } from '../../libvirt/protocol';
import { type EventRelays, RelayedDomainEvents } from '../../libvirt/relay';
import type { DomainService } from '../domains';
import type { HostManager } from '../hosts';
import { type AgentHint, addressesAfter, agentFailure, clockReason, RETRY_AFTER_MS, settled } from './decide';
import { guestInfoOf, readAddresses, readGuestFacts, syncGuestClock } from './facts';

/** virConnectDomainEventAgentLifecycleState. */
const AGENT_CONNECTED = 1;
const AGENT_DISCONNECTED = 2;
/** After a resume or migration whose clock could not be set (agent not yet back): set it when the agent connects within this. */
const CLOCK_PENDING_MS = 120_000;

interface Entry {
  ref: DomainRef;
  value?: VmAddresses;
  hint: AgentHint;
  queued: boolean;
  inflight: boolean;
  again: boolean;
  retries: ReturnType<typeof setTimeout>[];
}

interface HostState {
  hostId: HostId;
  /** The table asked for this host: its VMs' addresses are followed. */
  primed: boolean;
  priming: boolean;
  vms: Map<string, Entry>;
  queue: string[];
  active: number;
  calls: number;
  clocks: Map<string, NonNullable<GuestInfo['clock']>>;
  pendingClock: Map<string, { after: 'resume' | 'migration' | 'restore'; until: number }>;
  stop: () => void;
}

/** The part of DomainEvents this service uses (unit tests hand in their own). */
export type GuestEvents = Pick<RelayedDomainEvents, 'on' | 'onResync' | 'onError' | 'start' | 'stop'>;

export interface GuestServiceOptions {
  /** Address reads in flight per host. Default 4. */
  concurrency?: number;
  now?: () => number;
  retryAfterMs?: readonly number[];
  /** The connections' event relays (deps.relays): the agent's events share the connection's one registration. */
  relays?: EventRelays;
  /** I/O, replaceable in unit tests. */
  io?: {
    readAddresses?: typeof readAddresses;
    listRunning?: (rpc: LibvirtConnection['rpc']) => Promise<DomainRef[]>;
    events?: (conn: LibvirtConnection) => GuestEvents;
  };
}

const sameAddresses = (a: VmAddresses | undefined, b: VmAddresses) =>
  a !== undefined && a.source === b.source && a.fallback === b.fallback && JSON.stringify(a.addresses) === JSON.stringify(b.addresses);

export class GuestService {
  private readonly hostStates = new Map<HostId, HostState>();
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly retryAfter: readonly number[];
  private readonly offs: (() => void)[] = [];
  private readonly readAddresses: typeof readAddresses;
  private readonly listRunning: (rpc: LibvirtConnection['rpc']) => Promise<DomainRef[]>;
  private readonly makeEvents: (conn: LibvirtConnection) => GuestEvents;

  constructor(
    private readonly hosts: HostManager,
    private readonly events: EventHub,
    domains: Pick<DomainService, 'onLifecycle'>,
    o: GuestServiceOptions = {},
  ) {
    this.concurrency = o.concurrency ?? 4;
    this.now = o.now ?? Date.now;
    this.retryAfter = o.retryAfterMs ?? RETRY_AFTER_MS;
    this.readAddresses = o.io?.readAddresses ?? readAddresses;
    this.listRunning = o.io?.listRunning ?? ((rpc) => domainListAll(rpc, { flags: ListDomainsFlags.ACTIVE }));
    // Lifecycle events come from the domain service; the agent's through the connection's relay
    // (one registration per event and connection).
    // Never a relay of its own (a second registration of an event is refused by libvirt).
    const relays = o.relays;
    if (!relays && !o.io?.events) throw new Error('GuestService needs the app’s event relays (deps.relays)');
    this.makeEvents = o.io?.events ?? ((conn) => new RelayedDomainEvents((relays as EventRelays).of(conn), ['agentLifecycle']));
    const onConnected = (hostId: HostId, conn: LibvirtConnection) => this.watch(hostId, conn);
    const onDisconnected = (hostId: HostId) => this.unwatch(hostId);
    hosts.on('connected', onConnected);
    hosts.on('disconnected', onDisconnected);
    this.offs.push(
      () => hosts.off('connected', onConnected),
      () => hosts.off('disconnected', onDisconnected),
      domains.onLifecycle((hostId, e) => {
        const h = this.hostStates.get(hostId);
        if (h) this.onLifecycle(h, e.domain, e.event, e.detail);
      }),
    );
  }

  /** The host's cached addresses; the first call starts reading its running VMs. */
  addresses(hostId: HostId): HostAddresses {
    const h = this.state(hostId);
    if (!h.primed) {
      h.primed = true;
      void this.prime(h);
    }
    return {
      hostId,
      vms: [...h.vms.values()].flatMap((e) => (e.value ? [e.value] : [])),
      pending: h.queue.length + h.active + (h.priming ? 1 : 0),
      calls: h.calls,
    };
  }

  /** Guest facts through the agent, the VM's addresses (read now if not known) and the last clock set. */
  async info(hostId: HostId, uuid: string): Promise<GuestInfo> {
    const h = this.state(hostId);
    const rpc = this.hosts.connection(hostId).rpc;
    const { dom, raw } = await readGuestFacts(rpc, uuid);
    let addresses = h.vms.get(uuid)?.value;
    if (raw.running && !addresses) {
      const e = this.entry(h, dom);
      const r = await this.readAddresses(rpc, dom, e.hint, this.now());
      h.calls += r.calls;
      e.hint = r.hint;
      e.value = r.value;
      addresses = r.value;
    }
    const clock = h.clocks.get(uuid);
    return {
      ...guestInfoOf(hostId, uuid, raw),
      ...(raw.running && addresses ? { addresses } : {}),
      ...(clock ? { clock } : {}),
    };
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    for (const id of [...this.hostStates.keys()]) this.unwatch(id);
  }

  // ---- per host ------------------------------------------------------------------------------------

  private state(hostId: HostId): HostState {
    const existing = this.hostStates.get(hostId);
    if (existing) return existing;
    // Connected before this service saw the event (or asked right after): follow it from now.
    return this.watch(hostId, this.hosts.connection(hostId));
  }

  private watch(hostId: HostId, conn: LibvirtConnection): HostState {
    this.unwatch(hostId);
    const events = this.makeEvents(conn);
    const h: HostState = {
      hostId,
      primed: false,
      priming: false,
      vms: new Map(),
      queue: [],
      active: 0,
      calls: 0,
      clocks: new Map(),
      pendingClock: new Map(),
      stop: () => void events.stop(),
    };
    this.hostStates.set(hostId, h);
    events.on('agentLifecycle', (e) => this.onAgent(h, e.domain, e.state));
    // Events may have been missed while reconnecting: read the host's VMs again.
    events.onResync(() => {
      if (h.primed) void this.prime(h);
    });
    events.onError((err) => console.error(`[guest] events on ${this.hosts.name(hostId)}: ${err.message}`));
    events.start().catch((err: Error) => console.error(`[guest] cannot subscribe to events on ${this.hosts.name(hostId)}: ${err.message}`));
    return h;
  }

  private unwatch(hostId: HostId): void {
    const h = this.hostStates.get(hostId);
    if (!h) return;
    this.hostStates.delete(hostId);
    h.stop();
    for (const e of h.vms.values()) this.cancelRetries(e);
    h.vms.clear();
    h.queue = [];
  }

  private async prime(h: HostState): Promise<void> {
    h.priming = true;
    try {
      const rpc = this.hosts.connection(h.hostId).rpc;
      h.calls++;
      const running = await this.listRunning(rpc);
      if (this.hostStates.get(h.hostId) !== h) return;
      const ids = new Set(running.map((d) => d.uuid));
      for (const [uuid, e] of h.vms) if (!ids.has(uuid)) this.drop(h, e);
      for (const d of running) this.enqueue(h, this.entry(h, d));
    } catch (err) {
      console.error(`[guest] cannot list the running VMs of ${this.hosts.name(h.hostId)}: ${(err as Error).message}`);
    } finally {
      h.priming = false;
    }
  }

  private entry(h: HostState, ref: DomainRef): Entry {
    let e = h.vms.get(ref.uuid);
    if (!e) {
      e = { ref, hint: 'unknown', queued: false, inflight: false, again: false, retries: [] };
      h.vms.set(ref.uuid, e);
    } else {
      e.ref = ref;
    }
    return e;
  }

  private enqueue(h: HostState, e: Entry): void {
    if (e.inflight) {
      e.again = true;
      return;
    }
    if (e.queued) return;
    e.queued = true;
    h.queue.push(e.ref.uuid);
    this.pump(h);
  }

  private pump(h: HostState): void {
    while (h.active < this.concurrency && h.queue.length > 0) {
      const uuid = h.queue.shift() as string;
      const e = h.vms.get(uuid);
      if (!e?.queued) continue;
      e.queued = false;
      e.inflight = true;
      h.active++;
      void this.read(h, e).finally(() => {
        h.active--;
        e.inflight = false;
        if (e.again && h.vms.get(uuid) === e) {
          e.again = false;
          this.enqueue(h, e);
        }
        this.pump(h);
      });
    }
  }

  private async read(h: HostState, e: Entry): Promise<void> {
    try {
      const r = await this.readAddresses(this.hosts.connection(h.hostId).rpc, e.ref, e.hint, this.now());
      h.calls += r.calls;
      if (h.vms.get(e.ref.uuid) !== e) return; // dropped meanwhile (stopped)
      e.hint = r.hint;
      const changed = !sameAddresses(e.value, r.value);
      e.value = r.value;
      if (settled(r.value, e.hint)) this.cancelRetries(e);
      if (changed) this.changed(h, e.ref.uuid);
    } catch (err) {
      h.calls++;
      console.error(`[guest] addresses of ${e.ref.name} on ${this.hosts.name(h.hostId)}: ${(err as Error).message}`);
    }
  }

  private drop(h: HostState, e: Entry): void {
    this.cancelRetries(e);
    h.vms.delete(e.ref.uuid);
    e.queued = false;
    if (e.value) this.changed(h, e.ref.uuid);
  }

  private cancelRetries(e: Entry): void {
    for (const t of e.retries.splice(0)) clearTimeout(t);
  }

  /** Reads now and at the retry delays, until the best source has answered (settled). */
  private readWithRetries(h: HostState, e: Entry): void {
    this.cancelRetries(e);
    this.enqueue(h, e);
    for (const ms of this.retryAfter) {
      const t = setTimeout(() => {
        if (h.vms.get(e.ref.uuid) === e && !(e.value && settled(e.value, e.hint))) this.enqueue(h, e);
      }, ms);
      t.unref?.();
      e.retries.push(t);
    }
  }

  private changed(h: HostState, uuid: string): void {
    this.events.emit('guest.changed', { hostId: h.hostId, uuid });
  }

  // ---- events --------------------------------------------------------------------------------------

  private onLifecycle(h: HostState, ref: DomainRef, event: number, detail: number): void {
    const after = clockReason(event, detail);
    if (after) void this.setClock(h, ref, after);
    const what = addressesAfter(event);
    if (what === 'drop') {
      h.pendingClock.delete(ref.uuid);
      const e = h.vms.get(ref.uuid);
      if (e) this.drop(h, e);
      return;
    }
    if (!h.primed || what === 'keep') return;
    const e = this.entry(h, ref);
    if (what === 'read-with-retries') {
      e.hint = 'unknown';
      this.readWithRetries(h, e);
    } else {
      this.enqueue(h, e);
    }
  }

  private onAgent(h: HostState, ref: DomainRef, state: number): void {
    if (state === AGENT_CONNECTED) {
      const pending = h.pendingClock.get(ref.uuid);
      h.pendingClock.delete(ref.uuid);
      if (pending && pending.until > this.now()) void this.setClock(h, ref, pending.after);
    }
    if (!h.primed) {
      this.changed(h, ref.uuid); // an open details card shows the agent's state
      return;
    }
    const e = this.entry(h, ref);
    if (state === AGENT_CONNECTED) {
      e.hint = 'connected';
      this.readWithRetries(h, e);
    } else if (state === AGENT_DISCONNECTED) {
      e.hint = 'disconnected';
      this.cancelRetries(e);
      this.enqueue(h, e);
    }
    this.changed(h, ref.uuid);
  }

  /** The guest's clock from its RTC after a pause or a move; remembered (and shown) either way. */
  private async setClock(h: HostState, ref: DomainRef, after: 'resume' | 'migration' | 'restore'): Promise<void> {
    let rpc: LibvirtConnection['rpc'];
    try {
      rpc = this.hosts.connection(h.hostId).rpc;
    } catch {
      return;
    }
    try {
      await syncGuestClock(rpc, ref);
      h.calls++;
      h.clocks.set(ref.uuid, { at: this.now(), after, ok: true });
    } catch (err) {
      h.calls++;
      const f = agentFailure(err);
      // No agent to ask, or still paused (an incoming migration starts paused; its resume comes next): nothing to say.
      if (f === 'no-channel' || f === 'not-running') return;
      if (f === 'not-connected') {
        // The agent comes back a moment after a migration: set it then.
        h.pendingClock.set(ref.uuid, { after, until: this.now() + CLOCK_PENDING_MS });
        return;
      }
      h.clocks.set(ref.uuid, { at: this.now(), after, ok: false, message: (err as Error).message });
    }
    this.changed(h, ref.uuid);
  }
}
