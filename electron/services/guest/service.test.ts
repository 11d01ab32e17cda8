import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../core/events';
import type { DomainEvent } from '../../libvirt/events';
import { type DomainRef, LifecycleEvent } from '../../libvirt/protocol';
import type { HostManager } from '../hosts';
import type { AgentHint } from './decide';
import type { readAddresses } from './facts';
import { type GuestEvents, GuestService } from './service';

const ref = (i: number): DomainRef => ({ name: `vm-${i}`, uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, id: i });
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** A host manager with one connected host 'h1', and the domain events the service registers. */
function setup(
  running: DomainRef[],
  answer: (d: DomainRef, hint: AgentHint) => { source?: 'agent' | 'lease'; calls: number; hint: AgentHint },
) {
  const hosts = Object.assign(new EventEmitter(), {
    connection: () => ({ rpc: {} }),
    name: () => 'h1',
  }) as unknown as HostManager;
  const listeners = new Map<string, (e: DomainEvent) => void>();
  const events: GuestEvents = {
    on: ((kind: string, fn: (e: DomainEvent) => void) => {
      listeners.set(kind, fn);
      return () => {};
    }) as GuestEvents['on'],
    onResync: () => () => {},
    onError: () => () => {},
    start: async () => {},
    stop: async () => {},
  };
  let inFlight = 0;
  let maxInFlight = 0;
  const reads: { uuid: string; hint: AgentHint }[] = [];
  const read: typeof readAddresses = async (_rpc, d, hint, now) => {
    reads.push({ uuid: d.uuid, hint });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await tick(2);
    inFlight--;
    const a = answer(d, hint);
    const addresses = a.source ? [{ family: 'ipv4' as const, address: `10.0.0.${d.id}`, prefix: 24, iface: 'eth0' }] : [];
    return { value: { uuid: d.uuid, ...(a.source ? { source: a.source } : {}), addresses, at: now }, hint: a.hint, calls: a.calls };
  };
  const hub = new EventHub();
  const changed: string[] = [];
  hub.on('guest.changed', (e) => changed.push(e.uuid));
  const lifecycle = new Set<(hostId: string, e: { domain: DomainRef; event: number; detail: number }) => void>();
  const domains = {
    onLifecycle: (fn: (hostId: string, e: { domain: DomainRef; event: number; detail: number }) => void) => {
      lifecycle.add(fn);
      return () => void lifecycle.delete(fn);
    },
  };
  const svc = new GuestService(hosts, hub, domains, {
    retryAfterMs: [15, 30],
    io: { readAddresses: read, listRunning: async () => running, events: () => events },
  });
  const fire = (e: DomainEvent) => {
    if (e.kind === 'lifecycle') for (const fn of lifecycle) fn('h1', { domain: e.domain, event: e.event, detail: e.detail });
    else listeners.get(e.kind)?.(e);
  };
  return { svc, reads, changed, fire, max: () => maxInFlight };
}

async function settle(svc: GuestService): Promise<ReturnType<GuestService['addresses']>> {
  for (let i = 0; i < 200; i++) {
    const r = svc.addresses('h1');
    if (r.pending === 0) return r;
    await tick();
  }
  throw new Error('never settled');
}

describe('GuestService: fetch on change, bounded, cached', () => {
  it('reads the running VMs 4 at a time when first asked, tells of each, then makes no call while idle', async () => {
    const running = Array.from({ length: 10 }, (_, i) => ref(i + 1));
    const t = setup(running, () => ({ source: 'agent', calls: 1, hint: 'connected' }));
    const first = t.svc.addresses('h1');
    expect(first.pending).toBeGreaterThan(0);
    const r = await settle(t.svc);
    expect(r.vms).toHaveLength(10);
    expect(t.max()).toBe(4);
    expect(r.calls).toBe(11); // the list + one read each
    expect(new Set(t.changed).size).toBe(10);
    await tick(60); // past every retry delay: nothing is read again without an event
    expect(t.svc.addresses('h1').calls).toBe(11);
    expect(t.reads).toHaveLength(10);
    t.svc.dispose();
  });

  it('an agent gone: read again at once without asking it; back: read (with retries) until the agent answers', async () => {
    const d = ref(1);
    let agentUp = true;
    // Disconnected: the lease alone. Connected without an address yet (DHCP still running): the lease, hint kept.
    const t = setup([d], (_d, hint) => {
      if (hint === 'disconnected') return { source: 'lease', calls: 1, hint };
      return agentUp ? { source: 'agent', calls: 1, hint: 'connected' } : { source: 'lease', calls: 2, hint: 'connected' };
    });
    t.svc.addresses('h1');
    await settle(t.svc);
    agentUp = false;
    t.fire({ kind: 'agentLifecycle', domain: d, state: 2, reason: 0 });
    let r = await settle(t.svc);
    expect(r.vms[0]?.source).toBe('lease');
    expect(t.reads.at(-1)?.hint).toBe('disconnected');
    // The agent connects but answers only on the second try (the address comes after it).
    const before = t.reads.length;
    t.fire({ kind: 'agentLifecycle', domain: d, state: 1, reason: 0 });
    r = await settle(t.svc);
    expect(r.vms[0]?.source).toBe('lease');
    agentUp = true;
    await tick(80);
    r = await settle(t.svc);
    expect(r.vms[0]?.source).toBe('agent');
    const after = t.reads.length - before;
    expect(after).toBe(2); // at once, then the first retry (settled: the second is dropped)
    t.svc.dispose();
  });

  it('a stopped VM is dropped without a call; a started one is read', async () => {
    const t = setup([ref(1)], () => ({ source: 'agent', calls: 1, hint: 'connected' }));
    t.svc.addresses('h1');
    await settle(t.svc);
    const n = t.reads.length;
    t.fire({ kind: 'lifecycle', domain: ref(1), event: LifecycleEvent.STOPPED, detail: 0, eventName: 'STOPPED', detailName: 'SHUTDOWN' });
    expect(t.svc.addresses('h1').vms).toEqual([]);
    expect(t.reads.length).toBe(n);
    t.fire({ kind: 'lifecycle', domain: ref(2), event: LifecycleEvent.STARTED, detail: 0, eventName: 'STARTED', detailName: 'BOOTED' });
    const r = await settle(t.svc);
    expect(r.vms.map((v) => v.uuid)).toEqual([ref(2).uuid]);
    t.svc.dispose();
  });
});
