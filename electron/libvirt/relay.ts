// One event relay per connection. libvirt refuses a second registration of the same event on a
// connection ("event callback already tracked"), so every feature that follows an event of a host
// (the domain list, the IP column, the pending marks, hot-plug confirmations, block jobs, pool and
// network changes) subscribes here: each event id is registered once, on the first subscriber;
// its messages are fanned out to every subscriber; it is registered again on the new client after
// a reconnect (then 'resync' listeners are told events may have been missed); and deregistered
// when the last subscriber leaves. EventRelays hands out the one relay of each connection
// (backend.ts makes one EventRelays, features get it through deps) and drops it when that
// connection ends: a host connected anew is a new LibvirtConnection, with a relay of its own.
// Over 400 lines: the channels (how each event id registers and decodes), the relay, the relays
// per connection and the DomainEvents-shaped view are one mechanism, read together.

import type { RpcClient } from './client';
import type { ConnState, LibvirtConnection } from './connection';
import {
  DOMAIN_EVENTS,
  type DomainEvent,
  type DomainEventKind,
  decodeDomainEventMessage,
  domainEventDeregister,
  domainEventRegister,
  networkEventDeregister,
  networkEventRegister,
} from './events';
import * as P from './gen/remote_protocol.gen';
import { type BlockJobEvent, blockJobEventDeregister, blockJobEventRegister, onBlockJobEvent } from './snapshot';
import { poolEventDeregister, poolEventRegister } from './storage';

/**
 * Calls each listener; one that throws is logged (naming `what`) and the others still hear the
 * event: a feature's bug must not leave another's cache stale, nor pass for a lost registration.
 */
export function callEach<F>(fns: Iterable<F>, call: (fn: F) => void, what: string): void {
  for (const fn of [...fns]) {
    try {
      call(fn);
    } catch (err) {
      console.error(`[events] ${what} failed: ${(err as Error).stack ?? err}`);
    }
  }
}

/** One event id of libvirt: how to register it on a client, and how its messages are read. */
export interface RelayChannel<E> {
  /** One registration per key and connection. */
  key: string;
  register(rpc: RpcClient): Promise<number>;
  deregister(rpc: RpcClient, callbackId: number): Promise<void>;
  /** Hooks the event's MESSAGE packets: each one's callback id and decoded event (throws on a bad message). */
  hook(rpc: RpcClient, fn: (callbackId: number, e: E) => void, onError: (err: Error) => void): () => void;
}

export type EventOf<K extends DomainEventKind> = Extract<DomainEvent, { kind: K }>;

/** A domain event kind (events.ts DOMAIN_EVENTS), for every domain of the connection. */
export function domainChannel<K extends DomainEventKind>(kind: K): RelayChannel<EventOf<K>> {
  const spec = DOMAIN_EVENTS[kind];
  return {
    key: `domain.${kind}`,
    register: (rpc) => domainEventRegister(rpc, { eventId: spec.eventId }),
    deregister: (rpc, id) => domainEventDeregister(rpc, id, { timeoutMs: 5_000 }),
    hook: (rpc, fn, onError) =>
      rpc.onMessage(spec.proc, (r) => {
        let m: { callbackId: number; event: DomainEvent };
        try {
          m = decodeDomainEventMessage(kind, r);
        } catch (err) {
          onError(err as Error);
          return;
        }
        fn(m.callbackId, m.event as EventOf<K>);
      }),
  };
}

/** BLOCK_JOB_2 (a block job ready, completed, failed or cancelled) of every domain. */
export const blockJobChannel: RelayChannel<BlockJobEvent> = {
  key: 'domain.blockJob2',
  register: (rpc) => blockJobEventRegister(rpc),
  deregister: (rpc, id) => blockJobEventDeregister(rpc, id, { timeoutMs: 5_000 }),
  hook: (rpc, fn, onError) =>
    onBlockJobEvent(rpc, (e) => {
      try {
        fn(e.callbackId, e);
      } catch (err) {
        onError(err as Error);
      }
    }),
};

/** A storage pool's lifecycle (virStoragePoolEventLifecycleType) or 'refresh'. */
export interface PoolEvent {
  pool: string;
  event: number | 'refresh';
}

/** virStoragePoolEventID LIFECYCLE (0) or REFRESH (1), of every pool. */
export function poolChannel(which: 'lifecycle' | 'refresh'): RelayChannel<PoolEvent> {
  const spec = which === 'lifecycle' ? P.STORAGE_POOL_EVENT_LIFECYCLE : P.STORAGE_POOL_EVENT_REFRESH;
  return {
    key: `pool.${which}`,
    register: (rpc) => poolEventRegister(rpc, { eventId: which === 'lifecycle' ? 0 : 1 }),
    deregister: (rpc, id) => poolEventDeregister(rpc, id, { timeoutMs: 5_000 }),
    hook: (rpc, fn, onError) =>
      rpc.onMessage(spec.proc, (r) => {
        try {
          if (which === 'lifecycle') {
            const m = P.readRemoteStoragePoolEventLifecycleMsg(r);
            fn(m.callbackID, { pool: m.pool.name, event: m.event });
          } else {
            const m = P.readRemoteStoragePoolEventRefreshMsg(r);
            fn(m.callbackID, { pool: m.pool.name, event: 'refresh' });
          }
        } catch (err) {
          onError(err as Error);
        }
      }),
  };
}

/** A network's lifecycle (NetworkLifecycleEvent: defined, undefined, started, stopped). */
export interface NetworkEvent {
  net: { name: string; uuid: string };
  event: number;
}

/** virNetworkEventID LIFECYCLE, of every network. */
export const networkChannel: RelayChannel<NetworkEvent> = {
  key: 'network.lifecycle',
  register: (rpc) => networkEventRegister(rpc),
  deregister: (rpc, id) => networkEventDeregister(rpc, id, { timeoutMs: 5_000 }),
  hook: (rpc, fn, onError) =>
    rpc.onMessage(P.NETWORK_EVENT_LIFECYCLE.proc, (r) => {
      try {
        const m = P.readRemoteNetworkEventLifecycleMsg(r);
        fn(m.callbackID, { net: { name: m.net.name, uuid: m.net.uuid }, event: m.event });
      } catch (err) {
        onError(err as Error);
      }
    }),
};

/** A subscription: `ready` settles when libvirt has the registration (rejects when it refused it). */
export interface RelaySubscription {
  off: () => void;
  ready: Promise<void>;
}

interface Slot {
  ch: RelayChannel<unknown>;
  subs: Set<(e: unknown) => void>;
  rpc: RpcClient | null;
  /** The callback id on `rpc`; null while registering; -1 when the registration failed. */
  id: number | null;
  early: { id: number; e: unknown }[];
  unhook: (() => void) | null;
  ready: Promise<void>;
  /** Replaced on each attach and cleared when the last subscriber leaves: a registration of an older one is dropped. */
  token: object | null;
}

/** The part of a connection a relay needs (unit tests hand in a fake: fake-rpc.ts fakeConnection). */
export interface RelayConnection extends Pick<LibvirtConnection, 'rpc' | 'onReconnected'> {
  readonly state: ConnState;
  on(event: 'state', fn: (s: ConnState) => void): unknown;
  off(event: 'state', fn: (s: ConnState) => void): unknown;
}

/** 'closed' (by Vireo) and 'failed' (no more reconnects) end a LibvirtConnection for good. */
const ended = (s: ConnState): boolean => s.status === 'closed' || s.status === 'failed';

export class EventRelay {
  private readonly slots = new Map<string, Slot>();
  /** Per key: the deregistration of the last slot, awaited before registering that key again. */
  private readonly settling = new Map<string, Promise<void>>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly errorListeners = new Set<(err: Error, key?: string) => void>();
  private readonly closedListeners = new Set<() => void>();
  private offReconnect: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly conn: RelayConnection) {}

  /** Subscribes to one event id: registered on the first subscriber, deregistered after the last. */
  subscribe<E>(ch: RelayChannel<E>, fn: (e: E) => void): RelaySubscription {
    if (this.disposed) {
      // The connection ended (a late subscriber): nothing to register on, and nothing kept.
      const ready = Promise.reject(new Error(`the connection is closed: cannot follow ${ch.key}`));
      ready.catch(() => {});
      return { off: () => {}, ready };
    }
    this.followReconnects();
    let slot = this.slots.get(ch.key);
    const f = fn as (e: unknown) => void;
    if (!slot) {
      slot = {
        ch: ch as RelayChannel<unknown>,
        subs: new Set([f]),
        rpc: null,
        id: null,
        early: [],
        unhook: null,
        ready: Promise.resolve(),
        token: null,
      };
      this.slots.set(ch.key, slot);
      this.attach(slot, this.conn.rpc);
    } else {
      slot.subs.add(f);
    }
    const s = slot;
    let on = true;
    return {
      off: () => {
        if (!on) return;
        on = false;
        s.subs.delete(f);
        if (s.subs.size === 0 && this.slots.get(s.ch.key) === s) this.release(s);
      },
      ready: s.ready,
    };
  }

  /** One domain event kind; returns the unsubscribe. */
  domain<K extends DomainEventKind>(kind: K, fn: (e: EventOf<K>) => void): RelaySubscription {
    return this.subscribe(domainChannel(kind), fn);
  }

  /** After a reconnect (registrations renewed on the new client): events may have been missed, read again. */
  onResync(fn: () => void): () => void {
    this.resyncListeners.add(fn);
    return () => void this.resyncListeners.delete(fn);
  }

  /** A message that could not be decoded, a subscriber that threw, or a registration libvirt refused; `key` names the event. */
  onError(fn: (err: Error, key?: string) => void): () => void {
    this.errorListeners.add(fn);
    return () => void this.errorListeners.delete(fn);
  }

  /** The registered keys (tests and diagnostics). */
  keys(): string[] {
    return [...this.slots.keys()];
  }

  /** Resolves when the deregistrations under way are done. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.settling.values()]);
  }

  /** Whether it was disposed (its connection ended, or the app closes). */
  get closed(): boolean {
    return this.disposed;
  }

  /**
   * Told once when the relay is disposed (its connection ended): a feature that keeps something per
   * relay (BlockJobEvents' subscription) lets go of it then. At once when it is closed already.
   */
  onClosed(fn: () => void): () => void {
    if (this.disposed) {
      fn();
      return () => {};
    }
    this.closedListeners.add(fn);
    return () => void this.closedListeners.delete(fn);
  }

  /**
   * Deregisters everything (best effort: the connection may be gone) and lets go of every
   * subscriber and listener, and of its hooks on the connection and its client.
   */
  async dispose(): Promise<void> {
    if (!this.disposed) {
      this.disposed = true;
      this.offReconnect?.();
      this.offReconnect = null;
      this.resyncListeners.clear();
      this.errorListeners.clear();
      for (const s of [...this.slots.values()]) {
        s.subs.clear();
        this.release(s);
      }
      const closed = [...this.closedListeners];
      this.closedListeners.clear();
      callEach(closed, (fn) => fn(), 'a closed listener');
    }
    await Promise.allSettled([...this.settling.values()]);
  }

  private followReconnects(): void {
    if (this.offReconnect) return;
    this.offReconnect = this.conn.onReconnected(async (rpc) => {
      const slots = [...this.slots.values()];
      for (const s of slots) this.attach(s, rpc);
      await Promise.allSettled(slots.map((s) => s.ready));
      for (const fn of [...this.resyncListeners]) fn();
    });
  }

  private attach(s: Slot, rpc: RpcClient): void {
    s.unhook?.();
    const token = {};
    s.token = token;
    s.rpc = rpc;
    s.id = null;
    s.early = [];
    // Hook the messages first: an event may come before the registration's reply.
    s.unhook = s.ch.hook(
      rpc,
      (id, e) => {
        if (s.token !== token) return;
        if (s.id === null) s.early.push({ id, e });
        else if (id === s.id) this.dispatch(s, e);
      },
      (err) => this.emitError(err, s.ch.key),
    );
    const before = this.settling.get(s.ch.key) ?? Promise.resolve();
    s.ready = before.then(async () => {
      let id: number;
      try {
        id = await s.ch.register(rpc);
      } catch (err) {
        if (s.token === token) {
          s.id = -1;
          s.early = [];
          this.emitError(err as Error, s.ch.key);
        }
        throw err;
      }
      if (s.token !== token) {
        // Replaced (reconnect) or released meanwhile: this registration belongs to nobody.
        if (rpc.isOpen) await s.ch.deregister(rpc, id).catch(() => {});
        return;
      }
      s.id = id;
      const early = s.early;
      s.early = [];
      for (const m of early) if (m.id === id) this.dispatch(s, m.e);
    });
    s.ready.catch(() => {}); // told through onError; subscribers may await `ready`
  }

  private release(s: Slot): void {
    this.slots.delete(s.ch.key);
    s.token = null;
    s.unhook?.();
    s.unhook = null;
    const { rpc, ready } = s;
    const done = ready
      .catch(() => {})
      .then(async () => {
        if (rpc?.isOpen && s.id !== null && s.id >= 0) await s.ch.deregister(rpc, s.id).catch(() => {});
      });
    this.settling.set(s.ch.key, done);
    void done.then(() => {
      if (this.settling.get(s.ch.key) === done) this.settling.delete(s.ch.key);
    });
  }

  private dispatch(s: Slot, e: unknown): void {
    for (const fn of [...s.subs]) {
      try {
        fn(e);
      } catch (err) {
        this.emitError(err as Error, s.ch.key);
      }
    }
  }

  private emitError(err: Error, key?: string): void {
    if (this.errorListeners.size === 0) console.error(`[events] ${key ?? ''} ${err.message}`);
    for (const fn of [...this.errorListeners]) fn(err, key);
  }
}

/**
 * The one relay of each connection (keyed by the connection object: a host connected anew is a new
 * LibvirtConnection and gets a new relay). A relay is dropped when its connection ends ('closed' or
 * 'failed'): disposed (its hooks and subscribers let go) and no longer held, so reconnecting a host
 * again and again keeps one relay per host. The services follow: they subscribe again on the new
 * connection's relay when HostManager emits 'connected', and let go of the old one on 'disconnected'
 * or that 'connected'.
 */
export class EventRelays {
  private readonly relays = new Map<RelayConnection, { relay: EventRelay; stop: () => void }>();

  of(conn: RelayConnection): EventRelay {
    const held = this.relays.get(conn);
    if (held) return held.relay;
    const relay = new EventRelay(conn);
    if (ended(conn.state)) {
      // Asked for after its connection ended: a closed relay (its subscriptions reject), not kept.
      void relay.dispose();
      return relay;
    }
    const onState = (s: ConnState): void => {
      if (ended(s)) this.drop(conn);
    };
    conn.on('state', onState);
    this.relays.set(conn, { relay, stop: () => conn.off('state', onState) });
    return relay;
  }

  /** How many relays are held: one per live connection (tests and diagnostics). */
  get size(): number {
    return this.relays.size;
  }

  async dispose(): Promise<void> {
    const all = [...this.relays.keys()];
    await Promise.allSettled(all.map((conn) => this.drop(conn)));
  }

  private drop(conn: RelayConnection): Promise<void> {
    const held = this.relays.get(conn);
    if (!held) return Promise.resolve();
    this.relays.delete(conn);
    held.stop();
    return held.relay.dispose();
  }
}

/**
 * DomainEvents' shape (events.ts) on a relay: what a service that used `new DomainEvents(conn,
 * {kinds})` needs, sharing the connection's registrations instead of making its own.
 */
export class RelayedDomainEvents {
  private readonly listeners = new Map<DomainEventKind | '*', Set<(e: DomainEvent) => void>>();
  private subs: RelaySubscription[] = [];
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly relay: EventRelay,
    private readonly kinds: readonly DomainEventKind[],
  ) {}

  on<K extends DomainEventKind>(kind: K, fn: (e: EventOf<K>) => void): () => void;
  on(kind: '*', fn: (e: DomainEvent) => void): () => void;
  on(kind: DomainEventKind | '*', fn: (e: never) => void): () => void {
    const set = this.listeners.get(kind) ?? new Set<(e: DomainEvent) => void>();
    this.listeners.set(kind, set);
    const f = fn as (e: DomainEvent) => void;
    set.add(f);
    return () => void set.delete(f);
  }

  onResync(fn: () => void): () => void {
    const off = this.relay.onResync(fn);
    this.offs.push(off);
    return off;
  }

  /** Errors of this view's kinds only (the relay serves other features' events too). */
  onError(fn: (err: Error) => void): () => void {
    const keys = new Set(this.kinds.map((k) => domainChannel(k).key));
    const off = this.relay.onError((err, key) => {
      if (key === undefined || keys.has(key)) fn(err);
    });
    this.offs.push(off);
    return off;
  }

  /** Subscribes to each kind; resolves when libvirt has every registration (rejects on the first refused). */
  async start(): Promise<void> {
    if (this.subs.length) return;
    this.subs = this.kinds.map((kind) =>
      this.relay.domain(kind, (e) => {
        for (const key of [kind, '*'] as const) callEach(this.listeners.get(key) ?? [], (fn) => fn(e), `a listener of ${kind}`);
      }),
    );
    await Promise.all(this.subs.map((s) => s.ready));
  }

  async stop(): Promise<void> {
    for (const s of this.subs.splice(0)) s.off();
    for (const off of this.offs.splice(0)) off();
    await this.relay.settled();
  }
}
