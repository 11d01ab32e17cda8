// The networks feature follows network lifecycle events through the connection's event relay
// (deps.relays), not a registration of its own: one registration per connection shared with any
// other subscriber, registered again on the new client after a reconnect (the host's networks then
// read again), a connection's events dropped when its host disconnects, and deregistered when the
// feature is disposed. Fake clients (fake-rpc.ts) answer through the generated codecs.
import { describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/api';
import { EventHub } from '../../core/events';
import { fakeConnection, fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { EventRelays, networkChannel } from '../../libvirt/relay';
import type { ServiceDeps } from '../deps';
import { createNetworksFeature } from './feature';

const uuid = '0123abcd-4567-89ef-0011-223344556677';
const tick = () => new Promise((r) => setTimeout(r, 1));
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await tick();
};

function client(first: number) {
  const f = fakeRpc();
  let n = first;
  f.answer(P.CONNECT_NETWORK_EVENT_REGISTER_ANY, () => ({ callbackID: n++ }));
  f.answer(P.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, () => undefined);
  return f;
}
const lifecycle = (f: ReturnType<typeof fakeRpc>, callbackID: number, name: string, event: number) =>
  f.emit(P.NETWORK_EVENT_LIFECYCLE, { callbackID, net: { name, uuid }, event, detail: 0 });

function setup() {
  const a = client(40);
  const fc = fakeConnection(a);
  const on = { connected: new Set<(id: string, c: unknown) => void>(), disconnected: new Set<(id: string) => void>() };
  let connected = ['lab-a'];
  const hosts = {
    connection: () => fc.conn,
    connectedIds: () => connected,
    name: () => 'lab-a',
    on: (ev: 'connected' | 'disconnected', fn: never) => void on[ev].add(fn),
    off: (ev: 'connected' | 'disconnected', fn: never) => void on[ev].delete(fn),
  };
  const events = new EventHub();
  const seen: Events['network.changed'][] = [];
  events.on('network.changed', (e) => void seen.push(e));
  const relays = new EventRelays();
  const f = createNetworksFeature({ hosts, events, relays } as unknown as ServiceDeps);
  const disconnect = () => {
    connected = [];
    for (const fn of on.disconnected) fn('lab-a');
  };
  return { a, fc, f, relays, seen, on, disconnect };
}

describe('networks feature: network events through the connection relay', () => {
  it('subscribes through the relay: one registration shared with another subscriber; events become network.changed', async () => {
    const { a, fc, f, relays, seen } = setup();
    const relay = relays.of(fc.conn);
    expect(relay.keys()).toEqual([networkChannel.key]);
    const other: string[] = [];
    const sub = relay.subscribe(networkChannel, (e) => other.push(e.net.name));
    await sub.ready;
    expect(a.count(P.CONNECT_NETWORK_EVENT_REGISTER_ANY)).toBe(1);
    lifecycle(a, 40, 'n "1" <&> ü', 3);
    lifecycle(a, 40, 'gone', 1);
    lifecycle(a, 99, 'not ours', 2); // another client's registration on this connection
    expect(seen).toEqual([
      { hostId: 'lab-a', name: 'n "1" <&> ü' },
      { hostId: 'lab-a', name: 'gone', removed: true },
    ]);
    expect(other).toEqual(['n "1" <&> ü', 'gone']);
    sub.off();
    f.dispose();
    await relay.settled();
    expect(a.count(P.CONNECT_NETWORK_EVENT_DEREGISTER_ANY)).toBe(1);
    expect(relay.keys()).toEqual([]);
    expect(a.hooks()).toBe(0);
  });

  it('after a reconnect: registered again on the new client by the relay, the host’s networks read again (events missed meanwhile), its events heard, the old ones not', async () => {
    const { a, fc, f, relays, seen } = setup();
    const relay = relays.of(fc.conn);
    await tick();
    expect(seen).toEqual([]);
    const b = client(70);
    await fc.reconnect(b);
    expect(b.count(P.CONNECT_NETWORK_EVENT_REGISTER_ANY)).toBe(1);
    // No name: every network of the host (the renderer reads its list and all leases again).
    await until(() => seen.length > 0);
    expect(seen).toEqual([{ hostId: 'lab-a' }]);
    lifecycle(a, 40, 'old', 2);
    lifecycle(b, 70, 'new', 2);
    expect(seen).toEqual([{ hostId: 'lab-a' }, { hostId: 'lab-a', name: 'new' }]);
    f.dispose();
    await relay.settled();
    expect(b.count(P.CONNECT_NETWORK_EVENT_DEREGISTER_ANY)).toBe(1);
  });

  it('a host disconnected: its events are let go (deregistered); connected again: its networks read again; the feature no longer listens to the host manager once disposed', async () => {
    const { a, fc, f, relays, seen, on, disconnect } = setup();
    const relay = relays.of(fc.conn);
    await tick();
    disconnect();
    await relay.settled();
    expect(a.count(P.CONNECT_NETWORK_EVENT_DEREGISTER_ANY)).toBe(1);
    lifecycle(a, 40, 'late', 2);
    expect(seen).toEqual([]);
    // Connected again (a new connection): watched again, and every network of the host read again.
    for (const fn of on.connected) fn('lab-a', fc.conn);
    expect(seen).toEqual([{ hostId: 'lab-a' }]);
    f.dispose();
    expect(on.connected.size + on.disconnected.size).toBe(0);
  });
});
