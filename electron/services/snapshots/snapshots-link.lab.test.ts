/**
 * The link to the host dropped in the middle of a merge (issue 22), on a VM of its own
 * (s22-link-…): the active commit of an external snapshot's 8 MiB overlay, slowed to 1 MiB/s, goes
 * on in QEMU on the host while the app's SSH link is killed (its sshd processes on host A); the
 * job follows the block job again on the reconnected link, pivots and finishes; the guest reads
 * its data back and the VM runs on its base image. Then the app (its backend) is closed in the middle
 * of a delete with children (the child's merge) and a new one started: it finds the merge running on
 * the host (its mark in the VM's live metadata, with the steps left, and the block job), follows it to
 * the end as a Job again and deletes the parent after it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labSh, virshOn } from '../../../e2e/lab/lab';
import type { Job } from '../../../shared/api';
import { type Fixture, jobEnd, jobWhen, startFixture } from '../install-clone.fixture';
import { type LabVm, makeLabVm, readSum, removeLabVm, writeData } from './lab-vm.fixture';

const name = `z22-link-${Math.random().toString(16).slice(2, 8)}`;
let f: Fixture;
let vm: LabVm;

beforeAll(async () => {
  await removeLabVm(name);
  [f, vm] = await Promise.all([startFixture('snap-link'), makeLabVm(name)]);
}, 120_000);

let g: Fixture | undefined;
afterAll(async () => {
  await removeLabVm(name);
  await f?.backend.close();
  await g?.backend.close();
}, 60_000);

/** Kills the sshd processes serving this backend's SSH session to host A: the link drops. */
async function dropLink(): Promise<void> {
  const port = (await f.backend.hosts.sshSession(f.A)).localPort;
  const r = await labSh(['exec', 'A', 'ss', '-Htnp', 'state', 'established', `( sport = :22 and dport = :${port} )`]);
  const pids = [...r.stdout.matchAll(/pid=(\d+)/g)].map((m) => m[1] as string);
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) await labSh(['exec', 'A', 'kill', '-9', pid]);
}

it('a merge survives the link dropping: followed again after the reconnect, pivoted, the data intact', async () => {
  await f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: 'k1', description: '', kind: 'external', quiesce: false });
  const sum = await writeData(name, 100, { blocks: 128 });
  const phases: string[] = [];
  let merging!: () => void;
  const started = new Promise<void>((r) => {
    merging = r;
  });
  const off = f.backend.events.on('job.progress', (j: Job) => {
    if (j.kind !== 'snapshot') return;
    phases.push(j.phase);
    if (j.phase === 'merging vda' && (j.detail.figures.bytes ?? 0) > 0) merging();
  });
  try {
    const job = await f.call('snapshots.delete', { hostId: f.A, uuid: vm.uuid, name: 'k1', method: 'blockjobs', bandwidthMiBps: 1 });
    await started;
    await dropLink();
    const done = await jobEnd(f.backend, job.id, 90_000);
    if (done.status !== 'succeeded') console.log('DEBUG', JSON.stringify(done.error), phases.join(' | '));
    expect(done.status, done.error?.message).toBe('succeeded');
  } finally {
    off();
  }
  expect(phases.some((p) => p.includes('link to the host dropped'))).toBe(true);
  expect((await virshOn('A', ['domblklist', name])).trim()).toContain(vm.disk);
  expect((await f.call('snapshots.list', { hostId: f.A, uuid: vm.uuid })).snapshots).toEqual([]);
  expect(await readSum(name, 100, 128)).toBe(sum);
}, 120_000);

it('a delete with children is found again after the app restarts: the new backend follows the merge as a Job, pivots, then deletes the rest', async () => {
  for (const n of ['r0', 'r1'])
    await f.call('snapshots.create', { hostId: f.A, uuid: vm.uuid, name: n, description: '', kind: 'external', quiesce: false });
  const sum = await writeData(name, 300, { blocks: 128 });
  // r0 with its child r1: r1 first (the active commit of its 8 MiB at 1 MiB/s), then r0
  const job = await f.call('snapshots.delete', {
    hostId: f.A,
    uuid: vm.uuid,
    name: 'r0',
    method: 'blockjobs',
    children: true,
    bandwidthMiBps: 1,
  });
  await jobWhen(
    f.backend,
    job.id,
    (j) => j.kind === 'snapshot' && j.phase === 'r1 (1/2): merging vda' && (j.detail.figures.bytes ?? 0) > 0,
    30_000,
  );
  await f.backend.close(); // the app quits mid-merge; QEMU goes on
  expect(await virshOn('A', ['blockjob', '--raw', name, 'vda'])).toMatch(/cur=\d+/);
  g = await startFixture('snap-restart');
  const backend = g.backend;
  const found = await new Promise<Job>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no merge job: ${JSON.stringify(backend.jobs.list())}`)), 20_000);
    const check = () => {
      const j = backend.jobs.list().find((x) => x.kind === 'snapshot' && x.domain === name);
      if (j) {
        clearTimeout(t);
        off();
        resolve(j);
      }
    };
    const off = backend.events.on('job.progress', check);
    check();
  });
  expect(found.title).toContain('found running on the host');
  expect(found.title).toContain('and then “r0”'); // the steps left were kept in the mark
  const done = await jobEnd(backend, found.id, 60_000);
  expect(done.status, done.error?.message).toBe('succeeded');
  expect((await virshOn('A', ['domblklist', name])).trim()).toContain(vm.disk);
  expect((await g.call('snapshots.list', { hostId: g.A, uuid: vm.uuid })).snapshots).toEqual([]);
  expect(await readSum(name, 300, 128)).toBe(sum);
}, 120_000);
