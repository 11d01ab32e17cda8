// The storage decisions' domain list: kept while lifecycle events reach it, read every time once
// they may not (review 5 item 6: a refused re-registration after a reconnect must not leave a list
// that no event clears, or a VM defined later with a volume would not block that volume's delete).
import { describe, expect, it } from 'vitest';
import { ErrorCode, LibvirtError } from '../../libvirt/errors';
import { type FakeRpc, fakeConnection, fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { EventRelay } from '../../libvirt/relay';
import { DomainList } from './domain-list';

const dom = { name: 'tiny', uuid: '0123abcd-4567-89ef-0011-223344556677', id: 3 };

function host(refuseRegistration = false): FakeRpc {
  const f = fakeRpc();
  let ids = 1;
  f.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, () => {
    if (refuseRegistration)
      throw new LibvirtError({ code: ErrorCode.INTERNAL_ERROR, domain: 0, level: 2, message: 'no more callbacks', int1: 0, int2: 0 });
    return { callbackID: ids++ };
  });
  f.answer(P.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, () => undefined);
  f.answer(P.CONNECT_LIST_ALL_DOMAINS, () => ({ domains: [dom], ret: 1 }));
  return f;
}

describe('DomainList (storage decisions)', () => {
  it('keeps the list until a lifecycle event, then reads it again once', async () => {
    const a = host();
    const c = fakeConnection(a);
    const errors: string[] = [];
    const list = new DomainList(c.conn, new EventRelay(c.conn), (e) => errors.push(e.message));
    expect(await list.ready).toBe(true);
    await list.list(c.conn.rpc);
    await list.list(c.conn.rpc);
    expect(list.reads).toBe(1);
    a.emit(P.DOMAIN_EVENT_CALLBACK_LIFECYCLE, { callbackID: 1, msg: { dom, event: 0, detail: 0 } });
    await list.list(c.conn.rpc);
    await list.list(c.conn.rpc);
    expect(list.reads).toBe(2);
    expect(errors).toEqual([]);
  });

  it('reads every time once its events may be missed: a reconnect whose re-registration is refused', async () => {
    const c = fakeConnection(host());
    const errors: string[] = [];
    const list = new DomainList(c.conn, new EventRelay(c.conn), (e) => errors.push(e.message));
    expect(await list.ready).toBe(true);
    const b = host(true);
    await c.reconnect(b);
    expect(errors).toEqual(['no more callbacks']);
    const before = list.reads;
    await list.list(c.conn.rpc);
    await list.list(c.conn.rpc);
    await list.list(c.conn.rpc);
    expect(list.reads - before).toBe(3);
    expect(b.count(P.CONNECT_LIST_ALL_DOMAINS)).toBe(3);
  });
});
