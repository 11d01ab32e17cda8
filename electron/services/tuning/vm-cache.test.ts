import { describe, expect, it } from 'vitest';
import type { RpcClient } from '../../libvirt/client';
import type { DomainWithState } from '../../libvirt/domain';
import type { NodeInfo } from '../../libvirt/host';
import { DomainState } from '../../libvirt/protocol';
import { fakeDomainEvents } from '../domain-event-source.fixture';
import type { TuningVmRow } from './facts';
import { TuningVmCache } from './vm-cache';

const node = { cpus: 4 } as NodeInfo;
const topology = { cpus: 4, cores: 2, threads: 2, list: [] } as never;
const vm = (i: number, state: number = DomainState.RUNNING): DomainWithState =>
  ({ name: `vm-${String(i).padStart(2, '0')}`, uuid: `u-${i}`, id: i, state, stateName: 'RUNNING', reason: 0 }) as DomainWithState;

/** 50 VMs behind counted reads: each read counts the libvirt calls it stands for (topology 2, listing 2, a row 2). */
function setup(withEvents = true) {
  const doms = Array.from({ length: 50 }, (_, i) => vm(i + 1));
  const calls = { topology: 0, list: 0, rows: [] as string[] };
  const ev = fakeDomainEvents('h1');
  const cache = new TuningVmCache(withEvents ? ev.source : null, {
    topology: async () => {
      calls.topology += 2;
      return { node, topology };
    },
    list: async () => {
      calls.list += 2;
      return { doms: [...doms], transient: new Set<string>() };
    },
    row: async (_rpc, d, _node, persistent): Promise<TuningVmRow> => {
      calls.rows.push(d.name);
      return {
        uuid: d.uuid,
        name: d.name,
        running: d.state === DomainState.RUNNING,
        persistent,
        vcpus: 1,
        pins: [[0, 1, 2, 3]],
        nosharepages: false,
        hugepages: false,
        notes: [],
      };
    },
  });
  const total = () => calls.topology + calls.list + 2 * calls.rows.length;
  return { cache, doms, calls, total, fire: ev.fire, resync: ev.resync, wrote: ev.wrote };
}

const rpc = {} as RpcClient;

/**
 * One running VM whose row reads are numbered; read number `slow` waits until `release()` is called.
 * Read 1 answers "not pinned", every later read "pinned to CPU 2" (before and after a pinning write).
 */
function racing(slow: number) {
  const gate: { release: () => void; n: number } = { release: () => {}, n: 0 };
  const cache = new TuningVmCache(fakeDomainEvents().source, {
    topology: async () => ({ node, topology }),
    list: async () => ({ doms: [vm(1)], transient: new Set<string>() }),
    row: async (_rpc, d): Promise<TuningVmRow> => {
      const mine = ++gate.n;
      if (mine === slow) await new Promise<void>((r) => (gate.release = r));
      return {
        uuid: d.uuid,
        name: d.name,
        running: true,
        persistent: true,
        vcpus: 1,
        pins: mine === 1 ? [[0, 1, 2, 3]] : [[2]],
        nosharepages: false,
        hugepages: false,
        notes: [],
      };
    },
  });
  return { cache, gate };
}

describe('TuningVmCache: the Tuning tab’s VM list, kept by events', () => {
  it('the first read: topology, listing and every row (104 calls for 50 VMs); again without an event: the listing only (2)', async () => {
    const t = setup();
    const r = await t.cache.read(rpc, 'h1');
    expect(r.vms).toHaveLength(50);
    expect(r.vms[0]?.suggestion).toBeDefined();
    expect(t.total()).toBe(104);
    const before = t.total();
    await t.cache.read(rpc, 'h1');
    expect(t.total() - before).toBe(2);
  });

  it('one VM’s event ⇒ its row alone read again at the next read (4 calls, not 104); a balloon change reads nothing', async () => {
    const t = setup();
    await t.cache.read(rpc, 'h1');
    const from = t.calls.rows.length;
    const before = t.total();
    t.fire({ kind: 'tunable', domain: t.doms[6] as DomainWithState, params: {} });
    t.fire({ kind: 'balloonChange', domain: t.doms[8] as DomainWithState, actualKiB: 1 });
    await t.cache.read(rpc, 'h1');
    expect(t.calls.rows.slice(from)).toEqual(['vm-07']);
    expect(t.total() - before).toBe(4);
  });

  it('a VM whose state changed in the listing (started behind an event missed), a new VM, a VM gone: read or dropped', async () => {
    const t = setup();
    await t.cache.read(rpc, 'h1');
    const from = t.calls.rows.length;
    t.doms[2] = vm(3, DomainState.SHUTOFF);
    t.doms.push(vm(51));
    t.doms.splice(0, 1);
    const r = await t.cache.read(rpc, 'h1');
    expect(t.calls.rows.slice(from).sort()).toEqual(['vm-03', 'vm-51']);
    expect(r.vms.map((v) => v.name)).not.toContain('vm-01');
    expect(r.vms.find((v) => v.name === 'vm-03')?.running).toBe(false);
  });

  it('Vireo’s own pinning write marks its VM; a reconnect reads everything again', async () => {
    const t = setup();
    await t.cache.read(rpc, 'h1');
    let from = t.calls.rows.length;
    t.cache.touch('h1', 'u-5');
    await t.cache.read(rpc, 'h1');
    expect(t.calls.rows.slice(from)).toEqual(['vm-05']);
    from = t.calls.rows.length;
    t.resync();
    await t.cache.read(rpc, 'h1');
    expect(t.calls.rows.length - from).toBe(50);
    expect(t.calls.topology).toBe(4);
  });

  it('a settings write by Vireo (a vCPU hot-plug: libvirt sends no event) marks its VM: its row alone is read again', async () => {
    const t = setup();
    await t.cache.read(rpc, 'h1');
    const from = t.calls.rows.length;
    t.wrote('u-12');
    await t.cache.read(rpc, 'h1');
    expect(t.calls.rows.slice(from)).toEqual(['vm-12']);
  });

  it('two reads overlap (an event’s refetch, then the one after a pinning write): the later read’s row wins, whichever answers first', async () => {
    const { cache, gate } = racing(1); // the first read of the row answers last, with what was there before
    const first = cache.read(rpc, 'h1');
    await new Promise((r) => setTimeout(r, 1));
    cache.touch('h1', 'u-1');
    const second = await cache.read(rpc, 'h1');
    expect(second.vms[0]?.pins).toEqual([[2]]);
    gate.release();
    await first;
    const third = await cache.read(rpc, 'h1');
    expect(third.vms[0]?.pins).toEqual([[2]]);
    expect(gate.n).toBe(2);
  });

  it('a read that overlaps another one re-reading a marked row waits for that row instead of answering with the old one (seen in the lab after a pinning write)', async () => {
    const { cache, gate } = racing(2); // the re-read after the write is the slow one
    await cache.read(rpc, 'h1');
    cache.touch('h1', 'u-1');
    const rereading = cache.read(rpc, 'h1');
    await new Promise((r) => setTimeout(r, 1));
    const overlapping = cache.read(rpc, 'h1'); // nothing marked any more: it would have answered with the old row
    await new Promise((r) => setTimeout(r, 5));
    gate.release();
    expect((await overlapping).vms[0]?.pins).toEqual([[2]]);
    expect((await rereading).vms[0]?.pins).toEqual([[2]]);
    expect(gate.n).toBe(2);
  });

  it('without an event source every read reads every row (nothing could tell it of a change)', async () => {
    const t = setup(false);
    await t.cache.read(rpc, 'h1');
    await t.cache.read(rpc, 'h1');
    expect(t.calls.rows).toHaveLength(100);
  });
});
