/**
 * BlockJobEvents lets go of everything it hooked on a relay when it is disposed (review 6 item 9):
 * its subscription and its hook on the connection's end, so a live relay keeps no closure of a
 * disposed feature. On a real EventRelay over a fake libvirt (fake-rpc.ts).
 */
import { describe, expect, it } from 'vitest';
import { fakeConnection, fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { EventRelay } from '../../libvirt/relay';
import { BlockJobEvents } from './blockjobs';

describe('BlockJobEvents.dispose', () => {
  it('removes its subscription and its onClosed hook from a live relay', async () => {
    const f = fakeRpc();
    f.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, () => ({ callbackID: 7 }));
    f.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, () => undefined);
    const relay = new EventRelay(fakeConnection(f).conn);
    // the relay's onClosed hooks still held: counted through the public API (each hook's remover)
    let hooks = 0;
    const onClosed = relay.onClosed.bind(relay);
    relay.onClosed = (fn) => {
      hooks++;
      const off = onClosed(fn);
      let held = true;
      return () => {
        if (held) hooks--;
        held = false;
        off();
      };
    };
    const events = new BlockJobEvents(() => relay);
    await events.ensure(f.rpc);
    await events.ensure(f.rpc); // once per relay
    expect(hooks).toBe(1);
    expect(f.count(P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY)).toBe(1);
    events.dispose();
    expect(hooks).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(f.count(P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY)).toBe(1); // the last subscriber left: deregistered
  });
});
