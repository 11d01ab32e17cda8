/**
 * Snapshots against the real lab (libvirt 9.0), at the backend level, on a VM of their own
 * (s22-lab-…, a copy of tiny with its own qcow2 disk, removed afterwards even on failure):
 * internal with memory made, reverted (the marker written before comes back) and deleted; an
 * external one reverted by Vireo (libvirt 9.0 refuses); a middle external snapshot of the
 * running VM merged with blockcommit and the top one with an active commit + pivot, the guest
 * reading every block written before and after.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { virshOn } from '../../../e2e/lab/lab';
import type { Job, SnapshotList } from '../../../shared/api';
import { type Fixture, jobEnd, startFixture } from '../install-clone.fixture';
import { readSnapshotFacts } from './facts';
import { type LabVm, makeLabVm, readMarker, readSum, removeLabVm, startLabVm, writeData } from './lab-vm.fixture';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const tag = Math.random().toString(16).slice(2, 8);
const name = `z22-lab-${tag}`;
let f: Fixture;
let vm: LabVm;

beforeAll(async () => {
  await removeLabVm(name);
  [f, vm] = await Promise.all([startFixture('snap-lab'), makeLabVm(name)]);
}, 120_000);

afterAll(async () => {
  await removeLabVm(name);
  await f?.backend.close();
}, 60_000);

/** VIREO_CAPTURE=1 (or =NAME,…: those only): the facts at this point become a fixture of the pure tests (fixtures/NAME.json). */
async function capture(fixture: string): Promise<void> {
  const want = process.env.VIREO_CAPTURE;
  if (!want || (want !== '1' && !want.split(',').includes(fixture))) return;
  const { facts } = await readSnapshotFacts(f.backend.hosts.connection(f.A).rpc, vm.uuid);
  mkdirSync(FIXTURES, { recursive: true });
  writeFileSync(join(FIXTURES, `${fixture}.json`), `${JSON.stringify(facts, null, 1)}\n`);
}

const list = (): Promise<SnapshotList> => f.call('snapshots.list', { hostId: f.A, uuid: vm.uuid });
async function del(snap: string, method: 'libvirt' | 'blockjobs'): Promise<Job> {
  const job = await f.call('snapshots.delete', { hostId: f.A, uuid: vm.uuid, name: snap, method });
  return jobEnd(f.backend, job.id, 60_000);
}

describe('snapshots on libvirt 9.0', () => {
  it('internal with memory: made, listed as current, reverted (marker back), external refused as a mixed chain, deleted', async () => {
    await writeData(name, 10, { marker: 'MARK-ONE' });
    const after = await f.call('snapshots.create', {
      hostId: f.A,
      uuid: vm.uuid,
      name: 'i1 “quoted” <&>',
      description: 'first',
      kind: 'internal',
      quiesce: false,
    });
    const s = after.snapshots.find((x) => x.name === 'i1 “quoted” <&>');
    await capture('internal-running');
    expect(s).toMatchObject({ kind: 'internal', current: true, captured: 'running, with memory', description: 'first' });
    expect(after.offers.external.ok).toBe(false);
    expect(after.offers.external.why).toMatch(/mixed chain/);
    expect(after.offers.quiesce).toMatchObject({ ok: false, why: expect.stringMatching(/No guest agent/) });
    await expect(
      f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: 'x', description: '', kind: 'external', quiesce: false }),
    ).rejects.toThrow(/No external snapshot/);
    await writeData(name, 10, { marker: 'MARK-TWO' });
    expect(await readMarker(name, 10, 8)).toBe('MARK-TWO');
    await f.call('snapshots.revert', { hostId: f.A, uuid: vm.uuid, name: 'i1 “quoted” <&>' });
    expect(await readMarker(name, 10, 8)).toBe('MARK-ONE');
    expect((await del('i1 “quoted” <&>', 'libvirt')).status).toBe('succeeded');
    expect((await list()).snapshots).toEqual([]);
  }, 60_000);

  it('external delete by block jobs, the VM running: a middle snapshot merges with blockcommit, the top one with an active commit; every block reads back', async () => {
    const d1 = await writeData(name, 20, { blocks: 16 });
    await f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: 'm1', description: '', kind: 'external', quiesce: false });
    const d2 = await writeData(name, 40, { blocks: 16 });
    await f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: 'm2', description: '', kind: 'external', quiesce: false });
    const d3 = await writeData(name, 60, { blocks: 16 });
    await capture('two-external-running');
    const overlays = (await list()).snapshots.map((s) => s.disks[0]?.overlay);

    const middle = await del('m1', 'blockjobs');
    expect(middle.status, middle.error?.message).toBe('succeeded');
    expect((await list()).snapshots.map((s) => s.name)).toEqual(['m2']);
    expect((await list()).snapshots[0]?.disks[0]?.image).toBe(vm.disk);
    expect(await Promise.all([readSum(name, 20, 16), readSum(name, 40, 16), readSum(name, 60, 16)])).toEqual([d1, d2, d3]);
    expect(await virshOn('A', ['domblklist', name])).toContain(overlays[1]);

    const top = await del('m2', 'blockjobs');
    expect(top.status, top.error?.message).toBe('succeeded');
    expect((await list()).snapshots).toEqual([]);
    expect(await virshOn('A', ['domblklist', name])).toContain(vm.disk);
    expect(await Promise.all([readSum(name, 20, 16), readSum(name, 40, 16), readSum(name, 60, 16)])).toEqual([d1, d2, d3]);
    const d4 = await writeData(name, 80, { blocks: 4 });
    expect(await readSum(name, 80, 4)).toBe(d4);
    // the merged-away overlays are gone from the pool
    const files = await virshOn('A', ['vol-list', 'default']);
    for (const o of overlays) expect(files).not.toContain(o);
  }, 90_000);
  it('external with its children by block jobs: each step planned on what the one before left; every block reads back', async () => {
    const d1 = await writeData(name, 100, { blocks: 8 });
    for (const n of ['n1', 'n2', 'n3']) {
      await f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: n, description: '', kind: 'external', quiesce: false });
    }
    const d2 = await writeData(name, 110, { blocks: 8 });
    const job = await f.call('snapshots.delete', { hostId: f.A, uuid: vm.uuid, name: 'n1', method: 'blockjobs', children: true });
    expect(job.title).toContain('and its 2 children');
    const done = await jobEnd(f.backend, job.id, 60_000);
    expect(done.status, done.error?.message).toBe('succeeded');
    expect((await list()).snapshots).toEqual([]);
    expect((await virshOn('A', ['domblklist', name])).trim()).toContain(vm.disk);
    expect(await Promise.all([readSum(name, 100, 8), readSum(name, 110, 8)])).toEqual([d1, d2]);
  }, 60_000);

  it('external: reverted by Vireo on 9.0 (VM stopped, fresh overlay), the marker back; again revertable', async () => {
    await writeData(name, 11, { marker: 'EXT-ONE' });
    const l = await f.call('snapshots.create', {
      hostId: f.A,
      uuid: vm.uuid,
      name: 'e1',
      description: '',
      kind: 'external',
      quiesce: false,
    });
    expect(l.offers.revertExternal).toBe('vireo');
    expect(l.snapshots[0]).toMatchObject({ kind: 'external', captured: 'disks only (the VM was running)', current: true });
    expect(l.snapshots[0]?.disks[0]).toMatchObject({ target: 'vda', image: vm.disk });
    await writeData(name, 11, { marker: 'EXT-TWO' });
    // libvirt itself refuses it:
    await expect(virshOn('A', ['snapshot-revert', name, 'e1'])).rejects.toThrow(/not supported/);
    await f.call('snapshots.revert', { hostId: f.A, uuid: vm.uuid, name: 'e1' });
    await capture('external-reverted-shutoff');
    expect((await virshOn('A', ['domstate', name])).trim()).toBe('shut off');
    await startLabVm(name);
    expect(await readMarker(name, 11, 7)).toBe('EXT-ONE');
    // a fresh overlay on the snapshot's image, which stays as the snapshot saw it: revertable again
    const live = await virshOn('A', ['dumpxml', name]);
    expect(live).toMatch(/e1-revert-[0-9a-z]+\.qcow2/);
    expect(live).toContain(`<source file='${vm.disk}'`);
    expect((await list()).snapshots[0]?.disks[0]).toMatchObject({ image: vm.disk });
    expect((await list()).snapshots.find((x) => x.name === 'e1')?.current).toBe(true);

    // A branch on that fresh overlay, left by reverting to e1 again, then deleted: the overlay the
    // first revert made goes with it (nothing names it any more); the VM stays on the second one's.
    const first = /file='([^']*e1-revert-[0-9a-z]+\.qcow2)'/.exec(live)?.[1] ?? '';
    await f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: 'e2', description: '', kind: 'external', quiesce: false });
    await f.call('snapshots.revert', { hostId: f.A, uuid: vm.uuid, name: 'e1' });
    await capture('revert-branch');
    const again = await virshOn('A', ['dumpxml', '--inactive', name]);
    const second = /file='([^']*e1-revert-[0-9a-z]+\.qcow2)'/.exec(again)?.[1] ?? '';
    expect(second).not.toBe(first);
    const job = await f.call('snapshots.delete', { hostId: f.A, uuid: vm.uuid, name: 'e2', method: 'blockjobs' });
    const done = await jobEnd(f.backend, job.id, 30_000);
    expect(done.status, done.error?.message).toBe('succeeded');
    await virshOn('A', ['pool-refresh', 'default']);
    const vols = await virshOn('A', ['vol-list', 'default']);
    expect(vols).not.toContain(first);
    expect(vols).toContain(second);
    expect(vols.split(/\s+/).filter((v) => v.startsWith(`${name}.`) && /\.e2$/.test(v))).toEqual([]);
  }, 90_000);
});
