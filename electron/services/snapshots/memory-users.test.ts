/**
 * The memory files other VMs' snapshots name, as the Snapshots tab's list reads them: cached per
 * host, each VM read again only after an event of it, a reconnect or Vireo's own write, and the
 * VMs to read read in parallel. Against a fake libvirt (fake-rpc.ts) holding 30 VMs with two
 * memory snapshots each, answering with s1's and s2's XML captured in the lab
 * (fixtures/external-memory-running.json). Seen in the lab (virsh event --all on lab-a, libvirt
 * 9.0): a memory snapshot (snapshot-create-as --memspec) sends lifecycle "Suspended Paused" and
 * "Resumed Unpaused"; a disk-only create and a metadata-only delete send nothing (no memory file
 * comes or goes with those).
 */
import { describe, expect, it } from 'vitest';
import type { HostId } from '../../../shared/api/common';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { DomainRef } from '../../libvirt/protocol';
import { fakeDomainEvents } from '../domain-event-source.fixture';
import { fixture, snapshotOf } from './facts.fixture';
import { MemoryUsersCache, readMemoryFileUsers, readVmMemoryFiles } from './memory-users';

const running = fixture('external-memory-running');
const captured = ['s1', 's2'].map((n) => snapshotOf(running, n));
const HOST = 'lab-a' as HostId;
const VMS = 30;

/** A host with VMS VMs named vm00…, each with s1 and s2 (memory files renamed after the VM). */
function host() {
  const f = fakeRpc();
  const doms: DomainRef[] = Array.from({ length: VMS }, (_, i) => ({
    name: `vm${String(i).padStart(2, '0')}`,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    id: i + 1,
  }));
  const names = new Map(doms.map((d) => [d.uuid, [...captured.map((s) => s.model.name)]]));
  let inFlight = 0;
  let most = 0;
  const slow = async <T>(v: T): Promise<T> => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 2));
    inFlight--;
    return v;
  };
  f.answer(P.CONNECT_LIST_ALL_DOMAINS, () => ({ domains: doms, ret: doms.length }));
  f.answer(P.DOMAIN_LIST_ALL_SNAPSHOTS, (a: { dom: DomainRef }) =>
    slow({ snapshots: (names.get(a.dom.uuid) ?? []).map((name) => ({ name, dom: a.dom })), ret: 2 }),
  );
  f.answer(P.DOMAIN_SNAPSHOT_GET_XML_DESC, (a: { snap: { name: string; dom: DomainRef } }) => {
    const s = captured.find((x) => x.model.name === a.snap.name) ?? captured[0];
    const xml = (s?.xml ?? '')
      .replace(/<name>[^<]*<\/name>/, `<name>${a.snap.name}</name>`)
      .replace(/file='[^']*\.mem'/, `file='/pool/${a.snap.dom.name}.${a.snap.name}.mem'`);
    return slow({ xml });
  });
  return { f, doms, names, most: () => most };
}

describe('memory files of other VMs’ snapshots (the Snapshots tab’s refresh)', () => {
  it('fresh: every VM with snapshots read, in parallel; the VM itself left out', async () => {
    const h = host();
    const self = h.doms[0]?.uuid ?? '';
    const users = await readMemoryFileUsers(h.f.rpc, self);
    expect(Object.keys(users)).toHaveLength((VMS - 1) * 2);
    expect(users['/pool/vm01.s2.mem']).toEqual(['vm01 (snapshot “s2”)']);
    expect(users['/pool/vm00.s1.mem']).toBeUndefined();
    // 1 listing + 29 × (1 snapshot list + 2 XML): what each refresh cost before, one call at a time
    expect(h.f.calls).toHaveLength(1 + (VMS - 1) * 3);
    expect(h.most()).toBeGreaterThan(1);
  });

  it('cached: a refresh costs 1 call; after an event of one VM, 4; after Vireo’s own write, 4; after a reconnect, all again', async () => {
    const h = host();
    const ev = fakeDomainEvents(HOST);
    const cache = new MemoryUsersCache(ev.source);
    /** lifecycle "Suspended Paused", as a memory snapshot of the VM sends it */
    const suspended = (domain: DomainRef) =>
      ev.fire({ kind: 'lifecycle', domain, event: 3, detail: 0, eventName: 'SUSPENDED', detailName: 'PAUSED' });
    const self = h.doms[0]?.uuid ?? '';
    const vm7 = h.doms[7] as DomainRef;
    const refresh = async () => {
      const before = h.f.calls.length;
      const users = await cache.read(h.f.rpc, HOST, self);
      return { users, calls: h.f.calls.length - before };
    };
    expect((await refresh()).calls).toBe(1 + (VMS - 1) * 3);
    const second = await refresh();
    expect(second.calls).toBe(1);
    expect(Object.keys(second.users)).toHaveLength((VMS - 1) * 2);

    // virsh took a memory snapshot m3 of vm07: its lifecycle events mark it, the next refresh sees m3's file
    h.names.get(vm7.uuid)?.push('m3');
    expect((await refresh()).users['/pool/vm07.m3.mem']).toBeUndefined(); // no event yet: the cache holds
    suspended(vm7);
    const afterEvent = await refresh();
    expect(afterEvent.calls).toBe(1 + 4);
    expect(afterEvent.users['/pool/vm07.m3.mem']).toEqual(['vm07 (snapshot “m3”)']);

    // Vireo deleted vm07's m3 (no libvirt event for a delete): its own write marks the VM
    h.names.get(vm7.uuid)?.pop();
    cache.touch(HOST, vm7.uuid);
    const afterWrite = await refresh();
    expect(afterWrite.calls).toBe(1 + 3);
    expect(afterWrite.users['/pool/vm07.m3.mem']).toBeUndefined();

    ev.resync();
    expect((await refresh()).calls).toBe(1 + (VMS - 1) * 3);
    expect(h.most()).toBeGreaterThan(1);
    cache.dispose();
    expect(ev.listeners()).toBe(0);
  });

  it('an older read of a VM answering after a newer one does not overwrite it (review 6 item 6)', async () => {
    const h = host();
    const ev = fakeDomainEvents(HOST);
    const vm7 = h.doms[7] as DomainRef;
    // vm07's first read answers late, with what libvirt had when it started (as a slow libvirtd would)
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let first = true;
    const cache = new MemoryUsersCache(ev.source, async (rpc, d) => {
      const answer = readVmMemoryFiles(rpc, d);
      if (d.uuid === vm7.uuid && first) {
        first = false;
        await gate;
      }
      return answer;
    });
    const a = cache.read(h.f.rpc, HOST, '');
    await new Promise((r) => setTimeout(r, 20)); // read A of vm07 has started
    // virsh took a memory snapshot m3 of vm07 meanwhile: its event marks it, read B reads it fresh
    h.names.get(vm7.uuid)?.push('m3');
    ev.fire({ kind: 'lifecycle', domain: vm7, event: 3, detail: 0, eventName: 'SUSPENDED', detailName: 'PAUSED' });
    const b = await cache.read(h.f.rpc, HOST, '');
    expect(b['/pool/vm07.m3.mem']).toEqual(['vm07 (snapshot “m3”)']);
    release();
    expect((await a)['/pool/vm07.m3.mem']).toBeUndefined(); // A answers what it read
    // no event since B: the cache holds B's answer, not A's
    expect((await cache.read(h.f.rpc, HOST, ''))['/pool/vm07.m3.mem']).toEqual(['vm07 (snapshot “m3”)']);
    cache.dispose();
  });

  it('a VM that drops out of the listing and comes back: a read of it still on the way is not kept (review 7 item 8)', async () => {
    const h = host();
    const ev = fakeDomainEvents(HOST);
    const vm7 = h.doms[7] as DomainRef;
    const suspended = () => ev.fire({ kind: 'lifecycle', domain: vm7, event: 3, detail: 0, eventName: 'SUSPENDED', detailName: 'PAUSED' });
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let gated = false;
    const cache = new MemoryUsersCache(ev.source, async (rpc, d) => {
      const answer = readVmMemoryFiles(rpc, d);
      if (d.uuid === vm7.uuid && gated) {
        gated = false;
        await gate;
      }
      return answer;
    });
    await cache.read(h.f.rpc, HOST, ''); // vm07 read once (its 1st read)
    suspended();
    gated = true;
    const a = cache.read(h.f.rpc, HOST, ''); // read A of vm07 (its 2nd) starts, answers late
    await new Promise((r) => setTimeout(r, 20));
    h.doms.splice(7, 1); // vm07's snapshots all deleted meanwhile: not listed, dropped
    await cache.read(h.f.rpc, HOST, '');
    h.doms.splice(7, 0, vm7); // listed again: read fresh (a 1st read again if the count restarted)
    await cache.read(h.f.rpc, HOST, '');
    h.names.get(vm7.uuid)?.push('m3'); // virsh took m3: its event, read again (a 2nd, like A)
    suspended();
    expect((await cache.read(h.f.rpc, HOST, ''))['/pool/vm07.m3.mem']).toEqual(['vm07 (snapshot “m3”)']);
    release();
    expect((await a)['/pool/vm07.m3.mem']).toBeUndefined(); // A answers what it read
    // no event since: the cache holds the newer read (with m3), not A's
    expect((await cache.read(h.f.rpc, HOST, ''))['/pool/vm07.m3.mem']).toEqual(['vm07 (snapshot “m3”)']);
    cache.dispose();
  });

  it('a read that fails (a timeout) keeps the VM marked: the next refresh reads it again (review 7 item 8)', async () => {
    const h = host();
    const ev = fakeDomainEvents(HOST);
    const vm7 = h.doms[7] as DomainRef;
    let fail = false;
    const cache = new MemoryUsersCache(ev.source, async (rpc, d) => {
      if (d.uuid === vm7.uuid && fail) {
        fail = false;
        throw new Error('timed out waiting for the host (DOMAIN_LIST_ALL_SNAPSHOTS)');
      }
      return readVmMemoryFiles(rpc, d);
    });
    await cache.read(h.f.rpc, HOST, '');
    h.names.get(vm7.uuid)?.push('m3');
    ev.fire({ kind: 'lifecycle', domain: vm7, event: 3, detail: 0, eventName: 'SUSPENDED', detailName: 'PAUSED' });
    fail = true;
    await expect(cache.read(h.f.rpc, HOST, '')).rejects.toThrow(/timed out/);
    expect((await cache.read(h.f.rpc, HOST, ''))['/pool/vm07.m3.mem']).toEqual(['vm07 (snapshot “m3”)']);
    cache.dispose();
  });

  it('a VM no longer listed with snapshots drops out; without an event source every refresh reads everything', async () => {
    const h = host();
    const cache = new MemoryUsersCache(fakeDomainEvents(HOST).source);
    await cache.read(h.f.rpc, HOST, '');
    h.doms.splice(3, 1);
    const users = await cache.read(h.f.rpc, HOST, '');
    expect(users['/pool/vm03.s1.mem']).toBeUndefined();
    const bare = new MemoryUsersCache(null);
    const before = h.f.calls.length;
    await bare.read(h.f.rpc, HOST, '');
    await bare.read(h.f.rpc, HOST, '');
    expect(h.f.calls.length - before).toBe(2 * (1 + h.doms.length * 3));
  });
});
