/** Offers, refusals and the list the tab shows, from facts captured in the lab (fixtures/*.json). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCreate, internalOffer, quiesceOffer, snapshotList } from './checks';
import type { SnapshotFacts } from './facts';

const fixture = (n: string): SnapshotFacts =>
  JSON.parse(readFileSync(new URL(`./fixtures/${n}.json`, import.meta.url), 'utf8')) as SnapshotFacts;
const internal = fixture('internal-running');
const two = fixture('two-external-running');
const reverted = fixture('external-reverted-shutoff');

describe('offers', () => {
  it('internal snapshots present: external is refused as a mixed chain, internal offered', () => {
    const l = snapshotList(internal);
    expect(l.offers.internal).toEqual({ ok: true });
    expect(l.offers.external).toMatchObject({ ok: false, why: expect.stringMatching(/mixed chain/) });
    expect(l.offers.revertExternal).toBe('vireo');
    expect(l.libvirtVersion).toBe('9.0.0');
  });
  it('external snapshots present: internal is refused as a mixed chain', () => {
    expect(snapshotList(two).offers).toMatchObject({
      external: { ok: true },
      internal: { ok: false, why: expect.stringMatching(/mixed chain/) },
    });
  });
  it('a pflash (UEFI) VM on libvirt 9.0: internal refused with the versions, external offered', () => {
    const f: SnapshotFacts = {
      ...internal,
      snapshots: [],
      inactive: { ...internal.inactive, os: { ...internal.inactive.os, loader: { type: 'pflash', path: '/x' } } },
    };
    expect(internalOffer(f)).toMatchObject({ ok: false, why: expect.stringMatching(/UEFI.*10\.9.*9\.0\.0/) });
    expect(internalOffer({ ...f, libvirtVersion: 10_009_000 })).toEqual({ ok: true });
    expect(snapshotList(f).offers.external).toEqual({ ok: true });
  });
  it('quiesce: refused without an agent channel, without an answering agent, and when shut off', () => {
    expect(quiesceOffer(internal)).toMatchObject({ ok: false, why: expect.stringMatching(/No guest agent/) });
    const agent = (state: string): SnapshotFacts => ({
      ...internal,
      domain: { ...internal.domain, channels: [{ kind: 'channel', index: 0, type: 'unix', targetName: 'org.qemu.guest_agent.0', state }] },
    });
    expect(quiesceOffer(agent('disconnected'))).toMatchObject({ ok: false, why: expect.stringMatching(/does not answer/) });
    expect(quiesceOffer(agent('connected'))).toEqual({ ok: true });
    expect(quiesceOffer(reverted)).toMatchObject({ ok: false, why: expect.stringMatching(/not running/) });
  });
});

describe('the memory state against the pool', () => {
  const running = { ...internal, snapshots: [] };
  const target = running.domain.disks.find((d) => d.device === 'disk')?.target as string;
  const mem = running.domain.memory.currentKiB * 1024;
  it('refuses an internal snapshot of a running VM whose memory does not fit in the pool, with the numbers', () => {
    const f: SnapshotFacts = { ...running, pools: { default: mem - 1 }, diskPools: { [target]: 'default' } };
    expect(internalOffer(f)).toMatchObject({
      ok: false,
      why: expect.stringMatching(/memory state \(up to \d+ MiB.*pool “default” has \d+ MiB free/),
    });
    expect(() => checkCreate(f, { name: 'n', kind: 'internal', quiesce: false })).toThrow(/No internal snapshot/);
  });
  it('offers it when it fits, when the VM is shut off, and when the pool is unknown', () => {
    expect(internalOffer({ ...running, pools: { default: mem }, diskPools: { [target]: 'default' } })).toEqual({ ok: true });
    expect(
      internalOffer({ ...running, vm: { ...running.vm, state: 'shutoff' }, pools: { default: 0 }, diskPools: { [target]: 'default' } }),
    ).toEqual({
      ok: true,
    });
    expect(internalOffer(running)).toEqual({ ok: true });
  });
});

describe('the list', () => {
  it('creation order, parent, current, kind, what was captured, images and overlays', () => {
    const l = snapshotList(two);
    expect(l.snapshots.map((s) => [s.name, s.parent, s.current, s.kind, s.captured])).toEqual([
      ['m1', null, false, 'external', 'disks only (the VM was running)'],
      ['m2', 'm1', true, 'external', 'disks only (the VM was running)'],
    ]);
    expect(l.snapshots[1]?.disks[0]?.image).toBe(l.snapshots[0]?.disks[0]?.overlay);
    expect(l.snapshots.map((s) => s.revertedAway)).toEqual([false, false]);
    const i = snapshotList(internal).snapshots[0];
    expect(i?.sizeBytes).toBeUndefined();
    expect(i?.revertedAway).toBe(false);
    expect(i).toMatchObject({ name: 'i1 “quoted” <&>', description: 'first', captured: 'running, with memory', kind: 'internal' });
  });
});

describe('reverted away, and size on disk', () => {
  it('after Vireo reverted to e1 its old overlay is off the chain; sizes come from the pool', () => {
    const old = reverted.snapshots[0]?.model.disks[0]?.file as string;
    expect(snapshotList(reverted).snapshots[0]).toMatchObject({ name: 'e1', revertedAway: true });
    expect(snapshotList(reverted).snapshots[0]?.sizeBytes).toBeUndefined(); // pool not read: no number
    expect(snapshotList({ ...reverted, files: { [old]: { allocation: 196_608 } } }).snapshots[0]?.sizeBytes).toBe(196_608);
  });
});

describe('the files a VM delete would leave (virt-manager#810)', () => {
  it('the layers under the disk, and a reverted-away overlay, each with its role; in a pool or not; who else uses it', () => {
    const base = two.snapshots[0]?.model.domain?.disks[0]?.path as string;
    const o1 = two.snapshots[0]?.model.disks[0]?.file as string;
    expect(snapshotList(two).files).toEqual([
      { path: o1, role: 'under vda', madeBySnapshot: true, inPool: false, usedBy: [] },
      { path: base, role: 'under vda', madeBySnapshot: true, inPool: false, usedBy: [] },
    ]);
    const old = reverted.snapshots[0]?.model.disks[0]?.file as string;
    const image = reverted.snapshots[0]?.model.domain?.disks[0]?.path as string;
    const top = reverted.domain.disks[0]?.path as string;
    const files = { [top]: { allocation: 1, backing: image }, [old]: { allocation: 1, backing: image }, [image]: { allocation: 1 } };
    expect(snapshotList({ ...reverted, files, otherUsers: { [image]: ['other'] } }).files).toEqual([
      { path: image, role: 'under vda', madeBySnapshot: true, inPool: true, usedBy: ['other'] },
      { path: old, role: 'overlay of “e1” (reverted away from)', madeBySnapshot: true, inPool: true, usedBy: [] },
    ]);
    expect(snapshotList(internal).files).toEqual([]);
  });

  it("layers no snapshot names (the VM's original image, a linked clone's template) are offered as bases, never as made by a snapshot", () => {
    const noSnaps = snapshotList({ ...two, snapshots: [] }).files;
    expect(noSnaps.map((x) => x.path)).toEqual(snapshotList(two).files.map((x) => x.path));
    for (const x of noSnaps) {
      expect(x.madeBySnapshot).toBe(false);
      expect(x.role).toBe('base image under vda: no snapshot made it (other VMs may be built on it)');
    }
    expect(snapshotList(two).files.every((x) => x.madeBySnapshot)).toBe(true);
  });
});

describe('checkCreate', () => {
  it('refuses a taken name, a mixed chain, and quiesce without an agent, saying why', () => {
    expect(() => checkCreate(two, { name: 'm1', kind: 'external', quiesce: false })).toThrow(/already has a snapshot named “m1”/);
    expect(() => checkCreate(two, { name: 'n', kind: 'internal', quiesce: false })).toThrow(/No internal snapshot/);
    expect(() => checkCreate(two, { name: 'n', kind: 'external', quiesce: true })).toThrow(/Cannot quiesce/);
    expect(() => checkCreate(two, { name: 'n', kind: 'external', quiesce: false })).not.toThrow();
    // QEMU's text monitor drops internal names with " or \ (libvirt 9.0 then lists a snapshot the image lacks)
    const none = { ...internal, snapshots: [] };
    expect(() => checkCreate(none, { name: 'a"b', kind: 'internal', quiesce: false })).toThrow(/cannot contain " or \\/);
    expect(() => checkCreate(none, { name: 'a\\b', kind: 'internal', quiesce: false })).toThrow(/cannot contain/);
    expect(() => checkCreate(none, { name: `a'b <&> ü,c`, kind: 'internal', quiesce: false })).not.toThrow();
    expect(() => checkCreate(two, { name: 'a"b', kind: 'external', quiesce: false })).not.toThrow();
  });
});
