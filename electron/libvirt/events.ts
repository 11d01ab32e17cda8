// Domain events: registration (CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY / DEREGISTER_ANY),
// decoders for the event MESSAGE packets, and DomainEvents, which keeps a connection's
// registrations alive across reconnects and hands typed events to subscribers.
//
// Events say *that* something changed; subscribers re-read the object rather than patch state
// from the event (a missed event during a reconnect is then healed by the 'resync' notice).

import type { RpcClient } from './client';
import type { LibvirtConnection } from './connection';
import * as P from './gen/remote_protocol.gen';
import {
  readRemoteDomainEventCallbackAgentLifecycleMsg,
  readRemoteDomainEventCallbackBalloonChangeMsg,
  readRemoteDomainEventCallbackDeviceAddedMsg,
  readRemoteDomainEventCallbackDeviceRemovalFailedMsg,
  readRemoteDomainEventCallbackDeviceRemovedMsg,
  readRemoteDomainEventCallbackJobCompletedMsg,
  readRemoteDomainEventCallbackLifecycleMsg,
  readRemoteDomainEventCallbackMigrationIterationMsg,
  readRemoteDomainEventCallbackRebootMsg,
  readRemoteDomainEventCallbackTunableMsg,
} from './gen/remote_protocol.gen';
import { type ParamRecord, remoteParamsToRecord } from './params';
import { type CallOpts, callOpts, DomainEventId, type DomainRef, lifecycleNames, Proc } from './protocol';
import { callRemote } from './remote';
import type { XdrReader } from './xdr';

/** Registers for one event id (DomainEventId) of one domain or all (null); returns the callback id. */
export async function domainEventRegister(rpc: RpcClient, a: { eventId: number; domain?: DomainRef | null } & CallOpts): Promise<number> {
  const args = { eventID: a.eventId, dom: a.domain ?? null };
  return (await callRemote(rpc, P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, args, callOpts(a))).callbackID;
}

export async function domainEventDeregister(rpc: RpcClient, callbackId: number, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, { callbackID: callbackId }, callOpts(o));
}

// ---- typed events ----------------------------------------------------------------------------------

export type DomainEvent =
  | {
      kind: 'lifecycle';
      domain: DomainRef;
      /** LifecycleEvent / LifecycleDetail numbers, and their names ('STOPPED', 'DESTROYED'). */
      event: number;
      detail: number;
      eventName: string;
      detailName: string;
    }
  | { kind: 'reboot'; domain: DomainRef }
  | { kind: 'deviceAdded'; domain: DomainRef; devAlias: string }
  | { kind: 'deviceRemoved'; domain: DomainRef; devAlias: string }
  | { kind: 'deviceRemovalFailed'; domain: DomainRef; devAlias: string }
  /** The guest's balloon reached a new size (KiB): a memory change done, or a start settling. */
  | { kind: 'balloonChange'; domain: DomainRef; actualKiB: number }
  /** A tunable changed (cputune.*, blkdeviotune.* …): the new values. */
  | { kind: 'tunable'; domain: DomainRef; params: ParamRecord }
  /** A job (migration, save …) ended; its final job stats (time_elapsed, downtime …). */
  | { kind: 'jobCompleted'; domain: DomainRef; stats: ParamRecord }
  /** A migration started another pass over dirty memory (1, 2, …). */
  | { kind: 'migrationIteration'; domain: DomainRef; iteration: number }
  /** The guest agent connected (state 1) or went away (2). */
  | {
      kind: 'agentLifecycle';
      domain: DomainRef;
      state: number;
      reason: number;
    };

export type DomainEventKind = DomainEvent['kind'];
type EventOf<K extends DomainEventKind> = Extract<DomainEvent, { kind: K }>;

interface EventSpec {
  eventId: number;
  proc: number;
  /** Decodes the whole MESSAGE payload (generated codec): its callback id and the typed event. */
  decode: (r: XdrReader) => { callbackId: number; event: DomainEvent };
}

/** Per kind: the id to register, the MESSAGE proc that carries it and its decoder. */
export const DOMAIN_EVENTS: Readonly<Record<DomainEventKind, EventSpec>> = {
  lifecycle: {
    eventId: DomainEventId.LIFECYCLE,
    proc: Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE,
    decode: (r) => {
      const { callbackID, msg } = readRemoteDomainEventCallbackLifecycleMsg(r);
      const n = lifecycleNames(msg.event, msg.detail);
      const event: DomainEvent = {
        kind: 'lifecycle',
        domain: msg.dom,
        event: msg.event,
        detail: msg.detail,
        eventName: n.event,
        detailName: n.detail,
      };
      return { callbackId: callbackID, event };
    },
  },
  reboot: {
    eventId: DomainEventId.REBOOT,
    proc: Proc.DOMAIN_EVENT_CALLBACK_REBOOT,
    decode: (r) => {
      const { callbackID, msg } = readRemoteDomainEventCallbackRebootMsg(r);
      return { callbackId: callbackID, event: { kind: 'reboot', domain: msg.dom } };
    },
  },
  deviceAdded: {
    eventId: DomainEventId.DEVICE_ADDED,
    proc: Proc.DOMAIN_EVENT_CALLBACK_DEVICE_ADDED,
    decode: (r) => {
      const m = readRemoteDomainEventCallbackDeviceAddedMsg(r);
      return { callbackId: m.callbackID, event: { kind: 'deviceAdded', domain: m.dom, devAlias: m.devAlias } };
    },
  },
  deviceRemoved: {
    eventId: DomainEventId.DEVICE_REMOVED,
    proc: Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED,
    decode: (r) => {
      const { callbackID, msg } = readRemoteDomainEventCallbackDeviceRemovedMsg(r);
      return { callbackId: callbackID, event: { kind: 'deviceRemoved', domain: msg.dom, devAlias: msg.devAlias } };
    },
  },
  deviceRemovalFailed: {
    eventId: DomainEventId.DEVICE_REMOVAL_FAILED,
    proc: Proc.DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
    decode: (r) => {
      const m = readRemoteDomainEventCallbackDeviceRemovalFailedMsg(r);
      return { callbackId: m.callbackID, event: { kind: 'deviceRemovalFailed', domain: m.dom, devAlias: m.devAlias } };
    },
  },
  balloonChange: {
    eventId: DomainEventId.BALLOON_CHANGE,
    proc: Proc.DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE,
    decode: (r) => {
      const { callbackID, msg } = readRemoteDomainEventCallbackBalloonChangeMsg(r);
      return { callbackId: callbackID, event: { kind: 'balloonChange', domain: msg.dom, actualKiB: Number(msg.actual) } };
    },
  },
  tunable: {
    eventId: DomainEventId.TUNABLE,
    proc: Proc.DOMAIN_EVENT_CALLBACK_TUNABLE,
    decode: (r) => {
      const m = readRemoteDomainEventCallbackTunableMsg(r);
      return { callbackId: m.callbackID, event: { kind: 'tunable', domain: m.dom, params: remoteParamsToRecord(m.params) } };
    },
  },
  jobCompleted: {
    eventId: DomainEventId.JOB_COMPLETED,
    proc: Proc.DOMAIN_EVENT_CALLBACK_JOB_COMPLETED,
    decode: (r) => {
      const m = readRemoteDomainEventCallbackJobCompletedMsg(r);
      return { callbackId: m.callbackID, event: { kind: 'jobCompleted', domain: m.dom, stats: remoteParamsToRecord(m.params) } };
    },
  },
  migrationIteration: {
    eventId: DomainEventId.MIGRATION_ITERATION,
    proc: Proc.DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION,
    decode: (r) => {
      const m = readRemoteDomainEventCallbackMigrationIterationMsg(r);
      return { callbackId: m.callbackID, event: { kind: 'migrationIteration', domain: m.dom, iteration: m.iteration } };
    },
  },
  agentLifecycle: {
    eventId: DomainEventId.AGENT_LIFECYCLE,
    proc: Proc.DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE,
    decode: (r) => {
      const m = readRemoteDomainEventCallbackAgentLifecycleMsg(r);
      return { callbackId: m.callbackID, event: { kind: 'agentLifecycle', domain: m.dom, state: m.state, reason: m.reason } };
    },
  },
};

/** Decodes one event MESSAGE payload of `kind`: its callback id and the typed event. */
export function decodeDomainEventMessage(kind: DomainEventKind, r: XdrReader): { callbackId: number; event: DomainEvent } {
  return DOMAIN_EVENTS[kind].decode(r);
}

// ---- DomainEvents ----------------------------------------------------------------------------------

/** The kinds registered when none are named: what the UI and the job manager need. */
export const DEFAULT_EVENT_KINDS: readonly DomainEventKind[] = [
  'lifecycle',
  'reboot',
  'deviceAdded',
  'deviceRemoved',
  'deviceRemovalFailed',
  'tunable',
  'jobCompleted',
  'migrationIteration',
];

type Listener = (e: DomainEvent) => void;

/**
 * Domain events of one connection. `start()` registers every kind (for all domains), `on()`
 * subscribes, `stop()` deregisters. After the connection reconnects, the callbacks are
 * registered again on the new RPC client and 'resync' listeners are told that events may have
 * been missed (refetch).
 *
 * Only messages carrying one of *our* callback ids are dispatched: several DomainEvents (or
 * other code) may register on the same connection.
 */
export class DomainEvents {
  private readonly kinds: readonly DomainEventKind[];
  private readonly listeners = new Map<DomainEventKind | '*', Set<Listener>>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly errorListeners = new Set<(err: Error) => void>();
  /** callback id → kind, for the current RPC client. */
  private ids = new Map<number, DomainEventKind>();
  private unhook: (() => void)[] = [];
  private offReconnect: (() => void) | null = null;
  private rpc: RpcClient | null = null;
  private registering = 0;
  /** Messages that came while a registration was in flight, before we knew their callback id. */
  private early: {
    kind: DomainEventKind;
    callbackId: number;
    event: DomainEvent;
  }[] = [];
  private stopped = false;

  constructor(
    private readonly conn: Pick<LibvirtConnection, 'rpc' | 'onReconnected'>,
    opts: { kinds?: readonly DomainEventKind[] } = {},
  ) {
    this.kinds = opts.kinds ?? DEFAULT_EVENT_KINDS;
  }

  /** Subscribes to one kind (typed) or to every kind ('*'). Returns the unsubscribe. */
  on<K extends DomainEventKind>(kind: K, fn: (e: EventOf<K>) => void): () => void;
  on(kind: '*', fn: (e: DomainEvent) => void): () => void;
  on(kind: DomainEventKind | '*', fn: Listener): () => void {
    const set = this.listeners.get(kind) ?? new Set<Listener>();
    this.listeners.set(kind, set);
    set.add(fn);
    return () => void set.delete(fn);
  }

  /** After a reconnect: events may have been missed; refetch what is shown. */
  onResync(fn: () => void): () => void {
    this.resyncListeners.add(fn);
    return () => void this.resyncListeners.delete(fn);
  }

  /** A message that could not be decoded, or a re-registration that failed. */
  onError(fn: (err: Error) => void): () => void {
    this.errorListeners.add(fn);
    return () => void this.errorListeners.delete(fn);
  }

  async start(): Promise<void> {
    if (this.rpc) return;
    this.stopped = false;
    this.offReconnect = this.conn.onReconnected(async (rpc) => {
      if (this.stopped) return;
      try {
        await this.attach(rpc);
      } catch (e) {
        this.emitError(e as Error);
        return;
      }
      for (const fn of [...this.resyncListeners]) fn();
    });
    await this.attach(this.conn.rpc);
  }

  /** Deregisters (best effort: the connection may be gone) and drops all hooks. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.offReconnect?.();
    this.offReconnect = null;
    const rpc = this.rpc;
    const ids = [...this.ids.keys()];
    this.detach();
    if (rpc?.isOpen) await Promise.allSettled(ids.map((id) => domainEventDeregister(rpc, id, { timeoutMs: 5_000 })));
  }

  private async attach(rpc: RpcClient): Promise<void> {
    this.detach();
    this.rpc = rpc;
    // Hook the messages first: an event may come before the registration's reply.
    for (const kind of this.kinds) {
      this.unhook.push(rpc.onMessage(DOMAIN_EVENTS[kind].proc, (r) => this.onMessage(kind, r)));
    }
    this.registering++;
    try {
      // Pipelined: one round trip for all kinds.
      const ids = await Promise.all(this.kinds.map((kind) => domainEventRegister(rpc, { eventId: DOMAIN_EVENTS[kind].eventId })));
      if (this.rpc !== rpc) {
        // Replaced (reconnect or stop) meanwhile: these registrations belong to nobody.
        if (rpc.isOpen) await Promise.allSettled(ids.map((id) => domainEventDeregister(rpc, id)));
        return;
      }
      for (const [i, kind] of this.kinds.entries()) this.ids.set(ids[i] as number, kind);
    } finally {
      this.registering--;
    }
    const early = this.early;
    this.early = [];
    for (const m of early) if (this.ids.get(m.callbackId) === m.kind) this.dispatch(m.event);
  }

  private detach(): void {
    for (const off of this.unhook) off();
    this.unhook = [];
    this.ids = new Map();
    this.early = [];
    this.rpc = null;
  }

  private onMessage(kind: DomainEventKind, r: XdrReader): void {
    let m: { callbackId: number; event: DomainEvent };
    try {
      m = decodeDomainEventMessage(kind, r);
    } catch (e) {
      this.emitError(e as Error);
      return;
    }
    if (this.ids.get(m.callbackId) === kind) this.dispatch(m.event);
    else if (this.registering > 0) this.early.push({ kind, ...m });
  }

  private dispatch(e: DomainEvent): void {
    for (const key of [e.kind, '*'] as const) {
      for (const fn of [...(this.listeners.get(key) ?? [])]) {
        try {
          fn(e);
        } catch (err) {
          this.emitError(err as Error);
        }
      }
    }
  }

  private emitError(err: Error): void {
    for (const fn of [...this.errorListeners]) fn(err);
  }
}

// ---- network events (virConnectNetworkEventRegisterAny) -------------------------------------------

/** virNetworkEventLifecycleType. */
export const NetworkLifecycleEvent = { DEFINED: 0, UNDEFINED: 1, STARTED: 2, STOPPED: 3 } as const;

/** Registers for network lifecycle events of every network; returns the callback id. */
export async function networkEventRegister(rpc: RpcClient, o?: CallOpts): Promise<number> {
  return (await callRemote(rpc, P.CONNECT_NETWORK_EVENT_REGISTER_ANY, { eventID: 0, net: null }, callOpts(o))).callbackID;
}

export async function networkEventDeregister(rpc: RpcClient, callbackId: number, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, { callbackID: callbackId }, callOpts(o));
}

export interface NetworkLifecycleMessage {
  callbackId: number;
  net: { name: string; uuid: string };
  /** NetworkLifecycleEvent. */
  event: number;
}

/** Hooks the network lifecycle MESSAGE packets of `rpc` (hook before registering: an event may come first). */
export function onNetworkLifecycle(rpc: RpcClient, fn: (m: NetworkLifecycleMessage) => void): () => void {
  return rpc.onMessage(Proc.NETWORK_EVENT_LIFECYCLE, (r) => {
    const m = P.readRemoteNetworkEventLifecycleMsg(r);
    fn({ callbackId: m.callbackID, net: { name: m.net.name, uuid: m.net.uuid }, event: m.event });
  });
}
