import { describe, expect, it } from 'vitest';
import type { PendingChange } from '../../../shared/api/settings';
import { ErrorCode, LibvirtError } from '../../libvirt/errors';
import type { DomainEvent } from '../../libvirt/events';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { type DomainRef, DomainXmlFlags, LifecycleEvent } from '../../libvirt/protocol';
import { fakeDomainEvents } from '../domain-event-source.fixture';
import { comparingAfterWrites, PendingService } from './pending';

const ref = (i: number, id = i): DomainRef => ({ name: `vm-${i}`, uuid: `7e570000-0000-4000-8000-${String(i).padStart(12, '0')}`, id });
const xml = (d: DomainRef, maxVcpus: number) =>
  `<domain type='qemu'><name>${d.name}</name><uuid>${d.uuid}</uuid><memory unit='KiB'>196608</memory>` +
  `<currentMemory unit='KiB'>196608</currentMemory><vcpu placement='static' current='1'>${maxVcpus}</vcpu>` +
  `<os><type arch='x86_64'>hvm</type></os><devices/></domain>`;
const tick = (ms = 2) => new Promise((r) => setTimeout(r, ms));
type XmlArgs = { dom: DomainRef; flags: number };

/**
 * A host with `n` running persistent VMs behind a fake RPC client; `next` holds each VM's next-boot
 * maximum of vCPUs (the running VMs have 2), so a VM whose `next` is not 2 has pending changes. A
 * read answers what was there when it started, after `readMs(uuid, nth read of that VM)` (1 ms).
 */
function host(n: number, readMs: (uuid: string, nth: number) => number = () => 1) {
  const f = fakeRpc();
  const running = Array.from({ length: n }, (_, i) => ref(i + 1));
  const next = new Map(running.map((d) => [d.uuid, 2]));
  const readsOf = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  f.answer(P.CONNECT_LIST_ALL_DOMAINS, () => ({ domains: running, ret: running.length }));
  f.answer(P.DOMAIN_GET_XML_DESC, async (a: XmlArgs) => {
    const d = running.find((x) => x.uuid === a.dom.uuid);
    const value = a.flags & DomainXmlFlags.INACTIVE ? (next.get(a.dom.uuid) ?? 2) : 2;
    const nth = (readsOf.get(a.dom.uuid) ?? 0) + 1;
    readsOf.set(a.dom.uuid, nth);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await tick(readMs(a.dom.uuid, nth));
    inFlight--;
    if (!d) throw new LibvirtError({ code: ErrorCode.NO_DOMAIN, domain: 10, level: 2, message: 'Domain not found', int1: 0, int2: 0 });
    return { xml: xml(d, value) };
  });
  const ev = fakeDomainEvents('h1');
  const sent: PendingChange[] = [];
  const svc = new PendingService(
    () => f.rpc,
    ev.source,
    (e) => sent.push(e),
  );
  const fire = (e: DomainEvent) => ev.fire(e);
  /** XML reads since `from` (an index into f.calls), by VM name. */
  const readsSince = (from: number) =>
    f.calls
      .slice(from)
      .filter((c) => c.proc === P.DOMAIN_GET_XML_DESC.proc)
      .map((c) => (c.args as XmlArgs).dom.name);
  const lifecycle = (d: DomainRef, event: number): DomainEvent => ({
    kind: 'lifecycle',
    domain: d,
    event,
    detail: 0,
    eventName: '',
    detailName: '',
  });
  const settle = async () => {
    for (let i = 0; i < 20; i++) await tick(2);
  };
  return {
    f,
    svc,
    running,
    next,
    sent,
    fire,
    lifecycle,
    readsSince,
    settle,
    resync: () => ev.resync(),
    maxInFlight: () => maxInFlight,
  };
}

describe('PendingService: per VM, on its own events, cached', () => {
  it('compares each running VM once when first asked (8 at a time, no cap on their number), then answers from its cache', async () => {
    const t = host(500);
    t.next.set(t.running[6]?.uuid as string, 3);
    t.next.set(t.running[420]?.uuid as string, 4);
    const r = await t.svc.list('h1');
    expect(r).toEqual({ hostId: 'h1', uuids: [t.running[6]?.uuid, t.running[420]?.uuid].sort(), scanned: true });
    expect(t.f.count(P.CONNECT_LIST_ALL_DOMAINS)).toBe(1);
    expect(t.f.count(P.DOMAIN_GET_XML_DESC)).toBe(1000);
    // Two reads per VM, both in flight together: at most 8 VMs at once.
    expect(t.maxInFlight()).toBeLessThanOrEqual(16);
    expect(t.maxInFlight()).toBeGreaterThan(2);
    const before = t.f.calls.length;
    await t.svc.list('h1');
    await t.svc.list('h1');
    expect(t.f.calls.length).toBe(before);
    expect(t.sent.map((e) => e.uuid).sort()).toEqual(r.uuids); // the first scan tells of each mark too
  });

  it('one domain event ⇒ 2 reads of that VM only, none of the other 49; the change is sent, not refetched', async () => {
    const t = host(50);
    await t.svc.list('h1');
    const vm7 = t.running[6] as DomainRef;
    for (const kind of ['balloonChange', 'deviceAdded', 'deviceRemoved', 'tunable'] as const) {
      const from = t.f.calls.length;
      t.next.set(vm7.uuid, kind === 'deviceAdded' ? 2 : 3);
      t.sent.length = 0;
      const e =
        kind === 'balloonChange'
          ? { kind, domain: vm7, actualKiB: 131072 }
          : kind === 'tunable'
            ? { kind, domain: vm7, params: {} }
            : { kind, domain: vm7, devAlias: 'net1' };
      t.fire(e);
      await t.settle();
      expect(t.readsSince(from)).toEqual(['vm-7', 'vm-7']);
      expect(t.f.calls.length - from).toBe(2);
      if (kind === 'balloonChange') expect(t.sent).toEqual([{ hostId: 'h1', uuid: vm7.uuid, pending: true }]);
      if (kind === 'deviceAdded') expect(t.sent).toEqual([{ hostId: 'h1', uuid: vm7.uuid, pending: false }]);
    }
    const from = t.f.calls.length;
    expect((await t.svc.list('h1')).uuids).toEqual([vm7.uuid]);
    expect(t.f.calls.length).toBe(from); // the list is the cache
  });

  it('a stop drops the VM without a call; a start compares it; a shut-off VM defined or changed costs nothing', async () => {
    const t = host(50);
    const vm3 = t.running[2] as DomainRef;
    t.next.set(vm3.uuid, 4);
    await t.svc.list('h1');
    let from = t.f.calls.length;
    t.sent.length = 0;
    t.fire(t.lifecycle(vm3, LifecycleEvent.STOPPED));
    await t.settle();
    expect(t.f.calls.length).toBe(from);
    expect(t.sent).toEqual([{ hostId: 'h1', uuid: vm3.uuid, pending: false }]);
    // Shut off now: a new definition or a balloon event of it reads nothing.
    t.fire(t.lifecycle({ ...vm3, id: -1 }, LifecycleEvent.DEFINED));
    t.fire({ kind: 'balloonChange', domain: vm3, actualKiB: 1 });
    await t.settle();
    expect(t.f.calls.length).toBe(from);
    t.fire(t.lifecycle(vm3, LifecycleEvent.STARTED));
    await t.settle();
    expect(t.readsSince(from)).toEqual(['vm-3', 'vm-3']);
    expect(t.sent.at(-1)).toEqual({ hostId: 'h1', uuid: vm3.uuid, pending: true });
    // A running VM given a new next boot (virsh define): compared again.
    from = t.f.calls.length;
    t.next.set(vm3.uuid, 2);
    t.fire(t.lifecycle(vm3, LifecycleEvent.DEFINED));
    await t.settle();
    expect(t.readsSince(from)).toEqual(['vm-3', 'vm-3']);
    expect(t.sent.at(-1)).toEqual({ hostId: 'h1', uuid: vm3.uuid, pending: false });
    // Suspend, resume, reboot: the definitions do not change.
    from = t.f.calls.length;
    t.fire(t.lifecycle(vm3, LifecycleEvent.SUSPENDED));
    t.fire(t.lifecycle(vm3, LifecycleEvent.RESUMED));
    t.fire({ kind: 'reboot', domain: vm3 });
    await t.settle();
    expect(t.f.calls.length).toBe(from);
  });

  it('makes no call for a host no one asked about', async () => {
    const t = host(50);
    t.fire(t.lifecycle(t.running[0] as DomainRef, LifecycleEvent.STARTED));
    t.fire({ kind: 'balloonChange', domain: t.running[1] as DomainRef, actualKiB: 1 });
    t.resync();
    await t.svc.refresh('h1', t.running[0]?.uuid as string);
    await t.settle();
    expect(t.f.calls).toEqual([]);
  });

  it('events during a compare: the VM is compared once more after it, never twice at once', async () => {
    const t = host(10);
    await t.svc.list('h1');
    const vm1 = t.running[0] as DomainRef;
    const from = t.f.calls.length;
    for (let i = 0; i < 5; i++) t.fire({ kind: 'balloonChange', domain: vm1, actualKiB: i });
    await t.settle();
    expect(t.readsSince(from)).toEqual(['vm-1', 'vm-1', 'vm-1', 'vm-1']);
  });

  it('a stop while its compare runs: the stale answer is not kept', async () => {
    const t = host(3);
    const vm2 = t.running[1] as DomainRef;
    await t.svc.list('h1');
    t.next.set(vm2.uuid, 5);
    t.fire({ kind: 'balloonChange', domain: vm2, actualKiB: 1 });
    t.fire(t.lifecycle(vm2, LifecycleEvent.STOPPED));
    await t.settle();
    expect((await t.svc.list('h1')).uuids).toEqual([]);
  });

  it('after a reconnect: one fresh listing and compare; what changed meanwhile is sent', async () => {
    const t = host(5);
    await t.svc.list('h1');
    const gone = t.running.pop() as DomainRef;
    t.next.set(gone.uuid, 3); // it no longer runs: nothing to mark
    t.next.set(t.running[0]?.uuid as string, 3);
    t.sent.length = 0;
    const from = t.f.calls.length;
    t.resync();
    await t.settle();
    expect(t.f.count(P.CONNECT_LIST_ALL_DOMAINS)).toBe(2);
    expect(t.f.calls.length - from).toBe(1 + 2 * 4);
    expect(t.sent).toEqual([{ hostId: 'h1', uuid: t.running[0]?.uuid, pending: true }]);
  });

  it('a settings write compares its VM before the reply (also when it failed); reads are not followed by a compare', async () => {
    const t = host(4);
    await t.svc.list('h1');
    const vm2 = t.running[1] as DomainRef;
    const told: string[] = [];
    const handlers = comparingAfterWrites(
      t.svc,
      {
        'settings.setVcpus': async () => {
          t.next.set(vm2.uuid, 3);
          return {} as never;
        },
        'settings.setMemory': async () => {
          throw new Error('refused live');
        },
        'settings.get': async () => ({}) as never,
      } as never,
      (hostId, uuid) => told.push(`${hostId} ${uuid}`),
    ) as unknown as Record<string, (i: { hostId: string; uuid: string }) => Promise<unknown>>;
    let from = t.f.calls.length;
    await handlers['settings.setVcpus']?.({ hostId: 'h1', uuid: vm2.uuid });
    expect(t.readsSince(from)).toEqual(['vm-2', 'vm-2']);
    expect((await t.svc.list('h1')).uuids).toEqual([vm2.uuid]);
    from = t.f.calls.length;
    await expect(handlers['settings.setMemory']?.({ hostId: 'h1', uuid: vm2.uuid })).rejects.toThrow('refused live');
    expect(t.readsSince(from)).toEqual(['vm-2', 'vm-2']);
    from = t.f.calls.length;
    await handlers['settings.get']?.({ hostId: 'h1', uuid: vm2.uuid });
    expect(t.f.calls.length).toBe(from);
    // Each write (the failed one too, not the read) is told on, for the other caches of VM facts.
    expect(told).toEqual([`h1 ${vm2.uuid}`, `h1 ${vm2.uuid}`]);
  });

  it('a settings write during the first scan of a large host: its VM compared at once, not after the scan, and the scan’s older answer does not overwrite the write’s', async () => {
    // 100 VMs, each read 10 ms: the scan (8 VMs at a time) takes about 13 rounds. vm-1 is in its first
    // round, and those two reads of vm-1 take 60 ms: begun before the write, they answer after it.
    const t = host(100, (_uuid, nth) => (_uuid === ref(1).uuid && nth <= 2 ? 60 : 10));
    const vm1 = t.running[0] as DomainRef;
    const handlers = comparingAfterWrites(t.svc, {
      'settings.setVcpus': async () => {
        t.next.set(vm1.uuid, 3);
        return {} as never;
      },
    } as never) as unknown as Record<string, (i: { hostId: string; uuid: string }) => Promise<unknown>>;
    const t0 = performance.now();
    let scanMs = 0;
    const scan = t.svc.list('h1').then((r) => {
      scanMs = performance.now() - t0;
      return r;
    });
    await tick(5); // the scan's reads of vm-1 are under way (they see the old next boot)
    const w0 = performance.now();
    const from = t.f.calls.length;
    await handlers['settings.setVcpus']?.({ hostId: 'h1', uuid: vm1.uuid });
    const writeMs = performance.now() - w0;
    const writeReads = t.readsSince(from).filter((n) => n === 'vm-1');
    expect(scanMs).toBe(0); // replied while the scan still runs
    expect(writeReads).toEqual(['vm-1', 'vm-1']); // its own VM's two reads, no listing
    expect(t.sent.filter((e) => e.uuid === vm1.uuid)).toEqual([{ hostId: 'h1', uuid: vm1.uuid, pending: true }]);
    const r = await scan;
    expect(r.uuids).toEqual([vm1.uuid]); // the scan's older "nothing pending" for vm-1 was dropped
    expect(t.sent.filter((e) => e.uuid === vm1.uuid)).toHaveLength(1);
    expect(t.f.count(P.DOMAIN_GET_XML_DESC)).toBe(2 * 100 + 2);
    expect(t.f.count(P.CONNECT_LIST_ALL_DOMAINS)).toBe(1);
    expect(writeMs).toBeLessThan(scanMs);
  });
});
