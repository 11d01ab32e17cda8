import { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { EventHub } from '../core/events';
import { DomainService } from '../services/domains';
import type { HostManager } from '../services/hosts';
import { BlockJobEvents } from '../services/snapshots/blockjobs';
import { ErrorCode, LibvirtError } from './errors';
import type { DomainEvent } from './events';
import { type FakeRpc, fakeConnection, fakeRpc } from './fake-rpc';
import * as P from './gen/remote_protocol.gen';
import { blockJobChannel, EventRelay, EventRelays, networkChannel, type PoolEvent, poolChannel, RelayedDomainEvents } from './relay';
import type { BlockJobEvent } from './snapshot';

const dom = { name: 'tiny', uuid: '0123abcd-4567-89ef-0011-223344556677', id: 3 };
const tick = () => new Promise((r) => setTimeout(r, 1));
type RegArgs = { eventID: number };
type DeregArgs = { callbackID: number };

/** libvirt's refusal of a second registration of an event on a connection. */
const alreadyTracked = () =>
  new LibvirtError({ code: ErrorCode.INVALID_ARG, domain: 0, level: 2, message: 'event callback already tracked', int1: 0, int2: 0 });

/** A fake client whose REGISTER_ANY hands out daemon-wide ids from `ids` (refusing an event id twice, as libvirt does). */
function client(ids: { n: number }): FakeRpc & { order: string[] } {
  const f = fakeRpc();
  const order: string[] = [];
  const held = new Map<number, number>(); // callback id → event id
  f.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, async (a: RegArgs) => {
    await tick();
    if ([...held.values()].includes(a.eventID)) throw alreadyTracked();
    const id = ids.n++;
    held.set(id, a.eventID);
    order.push(`register ${a.eventID}`);
    return { callbackID: id };
  });
  f.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, async (a: DeregArgs) => {
    await tick();
    held.delete(a.callbackID);
    order.push(`deregister ${a.callbackID}`);
  });
  return Object.assign(f, { order });
}

const lifecycle = (f: FakeRpc, callbackID: number, event = 2) =>
  f.emit(P.DOMAIN_EVENT_CALLBACK_LIFECYCLE, { callbackID, msg: { dom, event, detail: 0 } });
const regs = (f: FakeRpc) => f.count(P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY);
const deregs = (f: FakeRpc) =>
  f.calls.filter((c) => c.proc === P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY.proc).map((c) => (c.args as DeregArgs).callbackID);

describe('EventRelay: one registration per event and connection', () => {
  it('two subscribers ⇒ one register call; both get each event of that registration, none of another', async () => {
    const a = client({ n: 10 });
    const relay = new EventRelay(fakeConnection(a).conn);
    const got: string[] = [];
    const s1 = relay.domain('lifecycle', (e) => got.push(`1:${e.eventName}`));
    const s2 = relay.domain('lifecycle', (e) => got.push(`2:${e.eventName}`));
    await Promise.all([s1.ready, s2.ready]);
    expect(regs(a)).toBe(1);
    lifecycle(a, 10);
    lifecycle(a, 99); // someone else's registration on this connection
    expect(got).toEqual(['1:STARTED', '2:STARTED']);
    expect(relay.keys()).toEqual(['domain.lifecycle']);
  });

  it('the first unsubscribe deregisters nothing; the last ⇒ one deregister; no message hook left', async () => {
    const a = client({ n: 5 });
    const relay = new EventRelay(fakeConnection(a).conn);
    const s1 = relay.domain('lifecycle', () => {});
    const s2 = relay.domain('lifecycle', () => {});
    await s2.ready;
    s1.off();
    s1.off(); // twice: once
    await tick();
    expect(deregs(a)).toEqual([]);
    s2.off();
    await relay.dispose();
    expect(deregs(a)).toEqual([5]);
    expect(a.hooks()).toBe(0);
  });

  it('subscribing again right after the last left: registered again only after the deregistration (libvirt would refuse it before)', async () => {
    const a = client({ n: 1 });
    const relay = new EventRelay(fakeConnection(a).conn);
    await relay.domain('balloonChange', () => {}).ready.then(() => {});
    const s = relay.domain('balloonChange', () => {});
    await s.ready;
    s.off();
    const again = relay.domain('balloonChange', () => {});
    await again.ready;
    expect(a.order).toEqual(['register 13']);
    // The first subscription never left: still one registration.
    expect(regs(a)).toBe(1);
    const b = client({ n: 50 });
    const r2 = new EventRelay(fakeConnection(b).conn);
    const x = r2.domain('balloonChange', () => {});
    await x.ready;
    x.off();
    const y = r2.domain('balloonChange', () => {});
    await y.ready;
    expect(b.order).toEqual(['register 13', 'deregister 50', 'register 13']);
  });

  it('unsubscribed while the registration is in flight: deregistered once it is known', async () => {
    const a = client({ n: 7 });
    const relay = new EventRelay(fakeConnection(a).conn);
    const s = relay.domain('lifecycle', () => {});
    s.off();
    await relay.dispose();
    expect(a.order).toEqual(['register 0', 'deregister 7']);
  });

  it('an event that arrives before the registration reply is delivered', async () => {
    const a = client({ n: 7 });
    const relay = new EventRelay(fakeConnection(a).conn);
    const got: DomainEvent[] = [];
    const s = relay.domain('lifecycle', (e) => got.push(e));
    lifecycle(a, 7); // before the reply: its id is not known yet
    await s.ready;
    expect(got).toHaveLength(1);
  });

  it('reconnect ⇒ each event id registered again on the new client (once), events flow from it, resync is told', async () => {
    const ids = { n: 1 };
    const a = client(ids);
    const c = fakeConnection(a);
    const relay = new EventRelay(c.conn);
    const got: string[] = [];
    let resyncs = 0;
    relay.onResync(() => resyncs++);
    await relay.domain('lifecycle', (e) => got.push(`x:${e.eventName}`)).ready;
    await relay.domain('lifecycle', (e) => got.push(`y:${e.eventName}`)).ready;
    await relay.subscribe(blockJobChannel, () => {}).ready;
    const b = client(ids);
    await c.reconnect(b);
    expect(regs(a)).toBe(2);
    expect(regs(b)).toBe(2); // lifecycle and BLOCK_JOB_2, once each
    expect(deregs(a)).toEqual([]); // the old client is closed
    expect(resyncs).toBe(1);
    lifecycle(a, 1); // the old client's registration: gone with it
    lifecycle(b, 3, 5);
    expect(got).toEqual(['x:STOPPED', 'y:STOPPED']);
    await relay.dispose();
    expect(deregs(b).sort()).toEqual([3, 4]);
  });

  it('a refused registration: ready rejects and onError is told; leaving then sends no deregister', async () => {
    const a = client({ n: 1 });
    a.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, () => {
      throw alreadyTracked();
    });
    const relay = new EventRelay(fakeConnection(a).conn);
    const errors: string[] = [];
    relay.onError((e, key) => errors.push(`${key}: ${e.message}`));
    // A feature's view hears of its own kinds' errors only.
    const viewErrors: string[] = [];
    new RelayedDomainEvents(relay, ['lifecycle']).onError((e) => viewErrors.push(e.message));
    const tunableView = new RelayedDomainEvents(relay, ['tunable']);
    tunableView.onError((e) => viewErrors.push(`tunable view: ${e.message}`));
    const s = relay.domain('tunable', () => {});
    await expect(s.ready).rejects.toThrow('already tracked');
    expect(errors).toEqual(['domain.tunable: event callback already tracked']);
    expect(viewErrors).toEqual(['tunable view: event callback already tracked']);
    s.off();
    await relay.dispose();
    expect(deregs(a)).toEqual([]);
  });

  it('a listener that throws is logged; the other listeners still hear the event, and no view is told its registration failed', async () => {
    const a = client({ n: 1 });
    const { conn } = fakeConnection(a);
    const relay = new EventRelay(conn);
    const view = new RelayedDomainEvents(relay, ['lifecycle']);
    const viewErrors: string[] = [];
    view.onError((e) => viewErrors.push(e.message));
    const heard: string[] = [];
    view.on('lifecycle', () => {
      throw new Error('a buggy feature');
    });
    view.on('lifecycle', (e) => heard.push(e.domain.name));
    view.on('*', (e) => heard.push(`* ${e.kind}`));
    await view.start();
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: string) => void logged.push(m));
    try {
      lifecycle(a, 1);
    } finally {
      spy.mockRestore();
    }
    expect(heard).toEqual(['tiny', '* lifecycle']);
    expect(viewErrors).toEqual([]);
    expect(logged).toEqual([expect.stringContaining('a listener of lifecycle failed: Error: a buggy feature')]);
    await view.stop();
    await relay.dispose();
  });

  it('block jobs: the snapshots and the settings feature share one BLOCK_JOB_2 registration', async () => {
    const a = client({ n: 20 });
    const relay = new EventRelay(fakeConnection(a).conn);
    const got: string[] = [];
    const merges = relay.subscribe(blockJobChannel, (e: BlockJobEvent) => got.push(`merge ${e.disk}`));
    const moves = relay.subscribe(blockJobChannel, (e: BlockJobEvent) => got.push(`move ${e.disk}`));
    await Promise.all([merges.ready, moves.ready]);
    expect(regs(a)).toBe(1);
    a.emit(P.DOMAIN_EVENT_BLOCK_JOB_2, { callbackID: 20, dom, dst: 'vda', type: 4, status: 3 });
    expect(got).toEqual(['merge vda', 'move vda']);
  });

  it('DomainEvents-shaped views of several services share the registrations; the last stop deregisters', async () => {
    const a = client({ n: 1 });
    const relays = new EventRelays();
    const c = fakeConnection(a);
    const relay = relays.of(c.conn);
    expect(relays.of(c.conn)).toBe(relay);
    const domains = new RelayedDomainEvents(relay, ['lifecycle', 'deviceAdded', 'balloonChange']);
    const guest = new RelayedDomainEvents(relay, ['lifecycle', 'agentLifecycle']);
    const all: string[] = [];
    domains.on('*', (e) => all.push(`domains ${e.kind}`));
    guest.on('lifecycle', () => all.push('guest lifecycle'));
    await Promise.all([domains.start(), guest.start()]);
    expect(regs(a)).toBe(4);
    lifecycle(a, 1);
    expect(all).toEqual(['domains lifecycle', 'guest lifecycle']);
    await domains.stop();
    expect(deregs(a).sort()).toEqual([2, 3]);
    await guest.stop();
    await relays.dispose();
    expect(deregs(a).sort()).toEqual([1, 2, 3, 4]);
    expect(a.hooks()).toBe(0);
  });

  it('pool and network events: two subscribers each ⇒ one registration per event id, decoded for both', async () => {
    const a = client({ n: 30 });
    let n = 60;
    const held: number[] = [];
    a.answer(P.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, (x: { eventID: number }) => {
      held.push(x.eventID);
      return { callbackID: n++ };
    });
    a.answer(P.CONNECT_NETWORK_EVENT_REGISTER_ANY, () => ({ callbackID: n++ }));
    const relay = new EventRelay(fakeConnection(a).conn);
    const pools: PoolEvent[] = [];
    const nets: string[] = [];
    const subs = [
      relay.subscribe(poolChannel('lifecycle'), (e) => pools.push(e)),
      relay.subscribe(poolChannel('lifecycle'), (e) => pools.push(e)),
      relay.subscribe(poolChannel('refresh'), (e) => pools.push(e)),
      relay.subscribe(networkChannel, (e) => nets.push(`${e.net.name} ${e.event}`)),
      relay.subscribe(networkChannel, (e) => nets.push(`${e.net.name} ${e.event}`)),
    ];
    await Promise.all(subs.map((s) => s.ready));
    expect(held.sort()).toEqual([0, 1]);
    expect(a.count(P.CONNECT_NETWORK_EVENT_REGISTER_ANY)).toBe(1);
    const pool = { name: 'p "1" <&>', uuid: dom.uuid };
    a.emit(P.STORAGE_POOL_EVENT_LIFECYCLE, { callbackID: 60, pool, event: 2, detail: 0 });
    a.emit(P.NETWORK_EVENT_LIFECYCLE, { callbackID: 62, net: { name: 'labnet', uuid: dom.uuid }, event: 3, detail: 0 });
    expect(pools).toEqual([
      { pool: 'p "1" <&>', event: 2 },
      { pool: 'p "1" <&>', event: 2 },
    ]);
    expect(nets).toEqual(['labnet 3', 'labnet 3']);
  });

  it('a connection that ends drops its relay: a host connected 6 times (5 reconnects, a new connection each) ⇒ 1 relay held, nothing left on the ended ones', async () => {
    const relays = new EventRelays();
    const ids = { n: 1 };
    // A service as DomainService: on each 'connected' it stops its view of the old connection and
    // starts one on the new connection's relay; on 'disconnected' it stops its view.
    let view: RelayedDomainEvents | null = null;
    const heard: string[] = [];
    type Held = { c: ReturnType<typeof fakeConnection<FakeRpc>>; a: FakeRpc; relay: EventRelay };
    const ended: Held[] = [];
    let current: Held | null = null;
    for (let i = 0; i < 6; i++) {
      if (current) {
        if (i % 2) {
          // Disconnected by Vireo (HostManager.close): 'disconnected' first, then the connection is closed.
          await view?.stop();
          view = null;
          current.c.close('closed');
        } else {
          // Given up reconnecting (ssh auth): 'failed', the services still subscribed until the next 'connected'.
          current.c.close('failed');
        }
        ended.push(current);
        await tick();
      }
      const a = client(ids);
      const c = fakeConnection(a);
      const relay = relays.of(c.conn);
      await view?.stop();
      view = new RelayedDomainEvents(relay, ['lifecycle', 'tunable']);
      view.on('lifecycle', () => heard.push(`connection ${i}`));
      await view.start();
      current = { c, a, relay };
    }
    expect(relays.size).toBe(1);
    for (const [i, e] of ended.entries()) {
      expect(e.relay.closed, `relay ${i}`).toBe(true);
      expect(e.relay.keys(), `relay ${i}`).toEqual([]);
      expect(e.c.listeners(), `connection ${i}: its reconnect and state hooks`).toBe(0);
      expect(e.a.hooks(), `connection ${i}: message hooks on its client`).toBe(0);
      // Asked for again after it ended: a closed relay that registers nothing, not held.
      const late = relays.of(e.c.conn);
      expect(late).not.toBe(current?.relay);
      await expect(late.domain('lifecycle', () => {}).ready).rejects.toThrow('connection is closed');
      expect(relays.size).toBe(1);
    }
    // Events flow from the live connection only (each client is sent a message for every callback id handed out).
    for (const e of [...ended, current]) for (let id = 1; id < ids.n; id++) lifecycle(e?.a as FakeRpc, id);
    expect(heard).toEqual(['connection 5']);
    // Each connection registered its two events once; those disconnected by Vireo deregistered both
    // before closing, those that failed were sent nothing (their client was gone).
    for (const e of [...ended, current]) expect(regs(e?.a as FakeRpc)).toBe(2);
    expect(ended.map((e) => deregs(e.a).length)).toEqual([2, 0, 2, 0, 2]);
    await relays.dispose();
    expect(relays.size).toBe(0);
    expect(current?.c.listeners()).toBe(0);
  });

  it('the relays of ended connections are garbage: neither EventRelays nor a feature that keeps a subscription per relay (BlockJobEvents) holds them', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const relays = new EventRelays();
    const ids = { n: 1 };
    let c = fakeConnection(client(ids));
    const blockJobs = new BlockJobEvents((rpc) => (rpc === c.conn.rpc ? relays.of(c.conn) : null));
    const gone: WeakRef<object>[] = [];
    for (let i = 0; i < 5; i++) {
      await blockJobs.ensure(c.conn.rpc);
      gone.push(new WeakRef(relays.of(c.conn)), new WeakRef(c.conn));
      c.close(i % 2 ? 'closed' : 'failed');
      c = fakeConnection(client(ids));
    }
    await blockJobs.ensure(c.conn.rpc);
    const live = new WeakRef(relays.of(c.conn));
    for (let i = 0; i < 3; i++) {
      await tick();
      gc();
    }
    expect(gone.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(live.deref()).toBeDefined();
    expect(relays.size).toBe(1);
    blockJobs.dispose();
    await relays.dispose();
  });

  it('the domain service follows the host onto each new connection: its events come from the new relay only, and it is told to read again', async () => {
    const relays = new EventRelays();
    const ids = { n: 1 };
    const hosts = Object.assign(new EventEmitter(), { name: () => 'lab' }) as unknown as HostManager;
    const hub = new EventHub();
    const changed: string[] = [];
    hub.on('domain.changed', (e) => changed.push(`${e.hostId} ${e.state ?? ''}`));
    const domains = new DomainService(hosts, hub, relays);
    const resyncs: string[] = [];
    domains.onResync((h) => resyncs.push(h));
    const conns: { c: ReturnType<typeof fakeConnection<FakeRpc>>; a: FakeRpc }[] = [];
    for (let i = 0; i < 4; i++) {
      const prev = conns.at(-1);
      if (prev && i % 2) {
        hosts.emit('disconnected', 'h1'); // HostManager.close: 'disconnected', then the connection closes
        prev.c.close('closed');
      } else prev?.c.close('failed'); // gave up reconnecting: the service still on it until the next 'connected'
      const a = client(ids);
      const c = fakeConnection(a);
      conns.push({ c, a });
      hosts.emit('connected', 'h1', c.conn);
      await tick();
      await tick();
    }
    expect(relays.size).toBe(1);
    expect(resyncs).toEqual(['h1', 'h1', 'h1', 'h1']); // after each connection's registrations
    for (const { a } of conns) for (let id = 1; id < ids.n; id++) lifecycle(a, id); // STARTED on every id of every client
    expect(changed).toEqual(['h1 running']);
    for (const { c, a } of conns.slice(0, -1)) {
      expect(c.listeners()).toBe(0);
      expect(a.hooks()).toBe(0);
    }
    domains.dispose();
    await relays.dispose();
  });
});
