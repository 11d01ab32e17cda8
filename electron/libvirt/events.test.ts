import { describe, expect, it } from 'vitest';
import type { RpcClient } from './client';
import { DOMAIN_EVENTS, type DomainEvent, DomainEvents, decodeDomainEventMessage } from './events';
import { fakeConnection } from './fake-rpc';
import { writeTypedParams } from './params';
import { Proc, writeDomain } from './protocol';
import { XdrReader, XdrWriter } from './xdr';

const dom = {
  name: 'tiny',
  uuid: '0123abcd-4567-89ef-0011-223344556677',
  id: 3,
};
const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};
const lifecycle = (cb: number, event: number, detail: number) =>
  enc((w) => {
    w.int(cb);
    writeDomain(w, dom);
    w.int(event).int(detail);
  });

describe('event messages', () => {
  it('decode each kind', () => {
    expect(decodeDomainEventMessage('lifecycle', new XdrReader(lifecycle(7, 5, 1)))).toEqual({
      callbackId: 7,
      event: {
        kind: 'lifecycle',
        domain: dom,
        event: 5,
        detail: 1,
        eventName: 'STOPPED',
        detailName: 'DESTROYED',
      },
    });
    const alias = enc((w) => {
      w.int(1);
      writeDomain(w, dom);
      w.string('ua-disk1');
    });
    expect(decodeDomainEventMessage('deviceAdded', new XdrReader(alias)).event).toEqual({
      kind: 'deviceAdded',
      domain: dom,
      devAlias: 'ua-disk1',
    });
    expect(decodeDomainEventMessage('deviceRemoved', new XdrReader(alias)).event.kind).toBe('deviceRemoved');
    const job = enc((w) => {
      w.int(2);
      writeDomain(w, dom);
      writeTypedParams(w, [{ field: 'downtime', type: 'ullong', value: 25n }]);
    });
    expect(decodeDomainEventMessage('jobCompleted', new XdrReader(job)).event).toEqual({
      kind: 'jobCompleted',
      domain: dom,
      stats: { downtime: 25 },
    });
    const iter = enc((w) => {
      w.int(2);
      writeDomain(w, dom);
      w.int(3);
    });
    expect(decodeDomainEventMessage('migrationIteration', new XdrReader(iter)).event).toEqual({
      kind: 'migrationIteration',
      domain: dom,
      iteration: 3,
    });
    const reboot = enc((w) => {
      w.int(2);
      writeDomain(w, dom);
    });
    expect(decodeDomainEventMessage('reboot', new XdrReader(reboot)).event).toEqual({ kind: 'reboot', domain: dom });
  });

  it('map kinds to libvirt ids and procs', () => {
    expect(DOMAIN_EVENTS.lifecycle).toMatchObject({ eventId: 0, proc: 318 });
    expect(DOMAIN_EVENTS.jobCompleted).toMatchObject({
      eventId: 21,
      proc: 363,
    });
    expect(DOMAIN_EVENTS.deviceAdded).toMatchObject({ eventId: 19, proc: 354 });
    expect(DOMAIN_EVENTS.deviceRemoved).toMatchObject({
      eventId: 15,
      proc: 333,
    });
    expect(DOMAIN_EVENTS.tunable).toMatchObject({ eventId: 17, proc: 346 });
    expect(DOMAIN_EVENTS.migrationIteration).toMatchObject({
      eventId: 20,
      proc: 359,
    });
  });
});

/** A fake RPC client: REGISTER_ANY hands out daemon-wide ids; messages can be injected. */
function fakeRpc(nextId: { n: number }) {
  const handlers = new Map<number, Set<(r: XdrReader) => void>>();
  const registered: number[] = [];
  const deregistered: number[] = [];
  let beforeReply: (() => void) | null = null;
  const rpc = {
    isOpen: true,
    async call(proc: number, e: ((w: XdrWriter) => void) | null, d: ((r: XdrReader) => unknown) | null) {
      const args = new XdrReader(enc((w) => e?.(w)));
      if (proc === Proc.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY) {
        registered.push(args.int());
        const id = nextId.n++;
        beforeReply?.();
        return d?.(new XdrReader(enc((w) => w.int(id))));
      }
      if (proc === Proc.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY) {
        deregistered.push(args.int());
        return undefined;
      }
      throw new Error(`unexpected proc ${proc}`);
    },
    onMessage(proc: number, fn: (r: XdrReader) => void) {
      const s = handlers.get(proc) ?? new Set<(r: XdrReader) => void>();
      handlers.set(proc, s);
      s.add(fn);
      return () => s.delete(fn);
    },
  };
  const emit = (proc: number, payload: Buffer) => {
    for (const fn of handlers.get(proc) ?? []) fn(new XdrReader(payload));
  };
  return {
    rpc: rpc as unknown as RpcClient,
    registered,
    deregistered,
    emit,
    handlerCount: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
    setBeforeReply: (f: () => void) => (beforeReply = f),
  };
}

describe('DomainEvents', () => {
  it('registers each kind, dispatches only its own callback ids, deregisters on stop', async () => {
    const ids = { n: 100 };
    const a = fakeRpc(ids);
    const { conn } = fakeConnection(a);
    const ev = new DomainEvents(conn, { kinds: ['lifecycle', 'reboot'] });
    const got: DomainEvent[] = [];
    const all: string[] = [];
    ev.on('lifecycle', (e) => got.push(e));
    ev.on('*', (e) => all.push(e.kind));
    await ev.start();
    expect(a.registered).toEqual([0, 1]);
    a.emit(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(100, 2, 0));
    a.emit(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(55, 2, 0)); // someone else's registration
    a.emit(
      Proc.DOMAIN_EVENT_CALLBACK_REBOOT,
      enc((w) => {
        w.int(101);
        writeDomain(w, dom);
      }),
    );
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      eventName: 'STARTED',
      detailName: 'BOOTED',
    });
    expect(all).toEqual(['lifecycle', 'reboot']);
    await ev.stop();
    expect(a.deregistered.sort()).toEqual([100, 101]);
    expect(a.handlerCount()).toBe(0);
  });

  it('keeps an event that arrives before the registration reply', async () => {
    const ids = { n: 7 };
    const a = fakeRpc(ids);
    const { conn } = fakeConnection(a);
    const ev = new DomainEvents(conn, { kinds: ['lifecycle'] });
    const got: DomainEvent[] = [];
    ev.on('lifecycle', (e) => got.push(e));
    a.setBeforeReply(() => a.emit(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(7, 5, 0)));
    await ev.start();
    expect(got).toHaveLength(1);
  });

  it('re-registers on the new client after a reconnect and asks for a resync', async () => {
    const ids = { n: 1 };
    const a = fakeRpc(ids);
    const b = fakeRpc(ids);
    const { conn, reconnect } = fakeConnection(a);
    const ev = new DomainEvents(conn, { kinds: ['lifecycle'] });
    const got: number[] = [];
    let resyncs = 0;
    ev.on('lifecycle', (e) => got.push(e.event));
    ev.onResync(() => resyncs++);
    await ev.start();
    await reconnect(b);
    expect(b.registered).toEqual([0]);
    expect(a.handlerCount()).toBe(0);
    expect(resyncs).toBe(1);
    b.emit(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(2, 3, 0));
    a.emit(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, lifecycle(1, 4, 0)); // old client: ignored
    expect(got).toEqual([3]);
    await ev.stop();
  });

  it('reports undecodable messages without throwing into the client', async () => {
    const a = fakeRpc({ n: 1 });
    const { conn } = fakeConnection(a);
    const ev = new DomainEvents(conn, { kinds: ['lifecycle'] });
    const errors: Error[] = [];
    ev.onError((e) => errors.push(e));
    await ev.start();
    a.emit(Proc.DOMAIN_EVENT_CALLBACK_LIFECYCLE, Buffer.from([0, 0, 0, 1, 0, 0]));
    expect(errors).toHaveLength(1);
    await ev.stop();
  });
});
