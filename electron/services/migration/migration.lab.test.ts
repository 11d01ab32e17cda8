// The migration service against the lab, at the backend level (the UI is e2e/migration.spec.ts):
// throwaway guests built like tiny (t-mig-*) so that nobody else's guest moves. Live direct with
// ≥ 2 progress updates per second and the figures of the result; the app's link to the source
// dropped during a peer-to-peer migration (the host goes on, the job follows again) and during a
// direct one (it fails cleanly, the VM keeps running on the source); the app
// restarted during one (the new backend finds the job on the host); libvirt's own refusals when
// the checks are skipped (unreachable destination, refused login): a clear message, the VM still
// on its host, its disk kept; cache='writeback' fixed in the definition and the destination given
// cache='none'; a disk copied into another pool on B (the definition rewritten); an offline move
// with the disk's bytes checked on B.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLabHosts, inProcess } from '../../../e2e/lab/hosts';
import { labReset, labSh, readLab, virshOn } from '../../../e2e/lab/lab';
import type { Job, MigrationFigures, MigrationInfo, MigrationSpecInput } from '../../../shared/api';
import { MigrationSpec, migrationInfoOf } from '../../../shared/api';
import { type Backend, createBackend } from '../../backend';
import { throwawayXml } from '../../libvirt/lab-fixture';

/** The migration's whole detail (what migrations.get returned before jobs were typed). */
function infoOf(b: Backend, jobId: string): MigrationInfo {
  const j = b.jobs.get(jobId);
  if (j.kind !== 'migration') throw new Error(`${jobId} is a ${j.kind} job`);
  return migrationInfoOf(j);
}
const figs = (j: Job | undefined): MigrationFigures => (j?.kind === 'migration' ? j.detail.figures : {});

const lab = readLab();
const dataDir = mkdtempSync(join(tmpdir(), 'vireo-mig-lab-'));
/** Definitions for virsh on the hosts: under the lab dir, which the hosts see too; made here, not by another test. */
mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
const xmlDir = mkdtempSync(join(lab.dir, 'tmp', 'mig-lab-'));
const tag = randomBytes(3).toString('hex');
const made: { host: 'A' | 'B'; name: string }[] = [];
let b: Backend;
let idA = '';
let idB = '';

const state = async (host: 'A' | 'B', name: string): Promise<string | null> =>
  virshOn(host, ['domstate', name]).then(
    (s) => s.trim(),
    () => null,
  );

async function define(name: string, xml: string, start: boolean): Promise<string> {
  const f = join(xmlDir, `${name}.xml`);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(f, xml);
  await virshOn('A', ['define', f]);
  made.push({ host: 'A', name });
  if (start) await virshOn('A', ['start', name]);
  return (await virshOn('A', ['domuuid', name])).trim();
}

/**
 * The live-migration guest (t-mig-live), running on `host` only, whatever ran before: defined on A
 * when no earlier test made it, moved with virsh when it runs on the other host. So each test
 * starts where it says, alone (`-t`) or after any of the others.
 */
async function liveGuestOn(host: 'A' | 'B'): Promise<{ name: string; uuid: string }> {
  const name = `t-mig-live-${tag}`;
  const other = host === 'A' ? 'B' : 'A';
  if ((await state('A', name)) === null && (await state('B', name)) === null) await define(name, throwawayXml(name), true);
  if ((await state(host, name)) === null && (await state(other, name)) === 'running') {
    const to = lab.hosts.find((h) => h.id === host)?.address;
    await virshOn(other, ['migrate', '--live', '--persistent', '--undefinesource', name, `qemu+ssh://${to}/system`], 180_000);
  }
  expect({ [host]: await state(host, name), [other]: await state(other, name) }).toEqual({ [host]: 'running', [other]: null });
  return { name, uuid: (await virshOn(host, ['domuuid', name])).trim() };
}

/** The guest libvirt refuses to move (t-mig-fail): a qcow2 disk on the shared storage, cache='none', running on A. */
async function failGuestOnA(): Promise<{ name: string; uuid: string; disk: string }> {
  const name = `t-mig-fail-${tag}`;
  const disk = join(lab.dir, 'shared', `${name}.qcow2`);
  if ((await state('A', name)) === null) {
    await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', disk, '16M']);
    await define(name, throwawayXml(name, { disk }).replace("type='raw'", "type='qcow2' cache='none'"), true);
  }
  return { name, uuid: (await virshOn('A', ['domuuid', name])).trim(), disk };
}

function spec(uuid: string, o: Partial<MigrationSpecInput> = {}, from: 'A' | 'B' = 'A') {
  return MigrationSpec.parse({
    hostId: from === 'A' ? idA : idB,
    uuid,
    destHostId: from === 'A' ? idB : idA,
    mode: 'live',
    storage: 'shared',
    transport: 'direct',
    ...o,
  });
}

/** Waits for the job to end; returns it and the progress events seen while it ran. */
async function settle(be: Backend, job: Job, timeoutMs = 120_000): Promise<{ job: Job; events: Job[]; times: number[] }> {
  const events: Job[] = [];
  const times: number[] = [];
  const off = be.events.on('job.progress', (j) => {
    if (j.id !== job.id) return;
    events.push(j);
    times.push(Date.now());
  });
  const end = Date.now() + timeoutMs;
  try {
    for (;;) {
      const j = be.jobs.get(job.id);
      if (j.status !== 'running') return { job: { ...j }, events, times };
      if (Date.now() > end) throw new Error(`job ${job.title} still running after ${timeoutMs} ms (${j.phase})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    off();
  }
}

async function waitFor<T>(fn: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Kills the sshd processes serving this backend's SSH session to the host: the link drops. */
async function dropLink(be: Backend, hostId: string, host: 'A' | 'B'): Promise<void> {
  const port = (await be.hosts.sshSession(hostId)).localPort;
  expect(port).toBeGreaterThan(0);
  const r = await labSh(['exec', host, 'ss', '-Htnp', 'state', 'established', `( sport = :22 and dport = :${port} )`]);
  const pids = [...r.stdout.matchAll(/pid=(\d+)/g)].map((m) => m[1] as string);
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) await labSh(['exec', host, 'kill', '-9', pid]);
}

async function openBackend(): Promise<Backend> {
  const be = createBackend({ mode: 'web', dataDir });
  if (be.hosts.list().length === 0) await connectLabHosts(inProcess(be), lab);
  else for (const h of be.hosts.list()) await be.hosts.connect(h.id);
  for (const h of be.hosts.list()) {
    if (h.spec.address === lab.hosts[0]?.address) idA = h.id;
    else idB = h.id;
  }
  return be;
}

beforeAll(async () => {
  b = await openBackend();
});

afterAll(async () => {
  await b?.close();
  await labSh(['exec', 'A', 'rm', '-f', join(lab.dir, 'shared', `t-mig-fail-${tag}.qcow2`)]).catch(() => {});
  const pool = `t-mig-pool-${tag}`;
  await virshOn('B', ['pool-destroy', pool]).catch(() => {});
  await virshOn('B', ['pool-undefine', pool]).catch(() => {});
  await labSh(['exec', 'B', 'rm', '-rf', `/var/lib/libvirt/images/${pool}`]).catch(() => {});
  for (const { name } of made) {
    for (const h of ['A', 'B'] as const) {
      await virshOn(h, ['destroy', name]).catch(() => {});
      await virshOn(h, ['undefine', name, '--nvram']).catch(() => {});
    }
  }
  rmSync(xmlDir, { recursive: true, force: true });
  await labReset();
});

describe('migration service (lab)', () => {
  it('live direct A -> B: ≥ 2 progress updates per second, figures, result; the VM runs on B only', async () => {
    const { name, uuid } = await liveGuestOn('A');
    const job = await b.migrations.start(spec(uuid, { bandwidthMiBps: 16 }));
    const { job: done, events, times } = await settle(b, job);
    expect(done.status, done.error?.message).toBe('succeeded');
    const idx = events.map((e, i) => (e.status === 'running' && figs(e).dataTotal ? i : -1)).filter((i) => i >= 0);
    const running = idx.map((i) => events[i] as Job);
    const span = ((times[idx[idx.length - 1] ?? 0] ?? 0) - (times[idx[0] ?? 0] ?? 0)) / 1000;
    expect(running.length).toBeGreaterThan(4);
    expect((running.length - 1) / span).toBeGreaterThanOrEqual(2);
    const mid = figs(running[Math.floor(running.length / 2)]);
    // Small events: the graph's history and the log come only with jobs.get.
    expect(running.every((e) => e.kind === 'migration' && e.detail.history === undefined && e.detail.logLines > 0)).toBe(true);
    for (const k of ['dataTotal', 'dataProcessed', 'dataRemaining', 'memBps', 'speedBps', 'iteration', 'expectedDowntimeMs', 'etaSec'])
      expect(mid, k).toHaveProperty(k);
    const info = infoOf(b, job.id);
    expect(info.samples.length).toBeGreaterThan(4);
    expect(info.result).toMatchObject({ outcome: 'moved', dest: { state: 'running', persistent: true }, source: { state: 'absent' } });
    expect(info.result?.downtimeMs).toBeGreaterThan(0);
    expect(info.result?.dataBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(await state('B', name)).toBe('running');
    expect(await state('A', name)).toBeNull();
  });

  it('peer-to-peer B -> A with the link to B dropped mid-way: B goes on, the job follows again and ends with the VM on A', async () => {
    const { name, uuid } = await liveGuestOn('B');
    const job = await b.migrations.start(spec(uuid, { transport: 'p2p', bandwidthMiBps: 6 }, 'B'));
    await waitFor(() => (b.jobs.get(job.id).progress > 0.05 ? true : undefined), 60_000);
    await dropLink(b, idB, 'B');
    await waitFor(() => (infoOf(b, job.id).log.some((l) => l.text.startsWith('Lost the link to lab-b')) ? true : undefined));
    // Steered again once followed on the new link: the cap lifted, so the rest goes at full speed.
    await waitFor(() => (b.hosts.list().find((h) => h.id === idB)?.state.status === 'connected' ? true : undefined));
    await b.migrations.control(job.id, { action: 'bandwidth', mibps: 0 });
    const { job: done } = await settle(b, job);
    expect(done.status, done.error?.message).toBe('succeeded');
    expect(infoOf(b, job.id).result?.outcome).toBe('moved');
    expect(await state('A', name)).toBe('running');
    expect(await state('B', name)).toBeNull();
  });

  it('direct A -> B with the link to A dropped mid-way: it fails with a clear message and the VM runs on A only', async () => {
    const { name, uuid } = await liveGuestOn('A');
    const job = await b.migrations.start(spec(uuid, { bandwidthMiBps: 6 }));
    await waitFor(() => (b.jobs.get(job.id).progress > 0.05 ? true : undefined), 60_000);
    await dropLink(b, idA, 'A');
    const { job: done } = await settle(b, job);
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(/link to a host dropped/);
    expect(done.error?.message).toMatch(new RegExp(`${name} is running on lab-a, as before`));
    expect(done.error?.hint).toMatch(/peer-to-peer/);
    expect(await state('A', name)).toBe('running');
    expect(await state('B', name)).toBeNull();
  });

  it('the app restarts during a peer-to-peer migration: the new backend finds it on the source and follows it to the end', async () => {
    const { name, uuid } = await liveGuestOn('A');
    await b.migrations.start(spec(uuid, { transport: 'p2p', bandwidthMiBps: 6 }));
    await new Promise((r) => setTimeout(r, 2500));
    await b.close();
    b = await openBackend();
    const found = await waitFor(() => b.jobs.list().find((j) => j.kind === 'migration' && j.domain === name));
    expect(found.title).toMatch(/found on lab-a/);
    expect(infoOf(b, found.id).reattached).toBe(true);
    // A job found again is steered like one started here: the cap lifted, the rest at full speed.
    await b.migrations.control(found.id, { action: 'bandwidth', mibps: 0 });
    const { job: done } = await settle(b, found);
    expect(done.status, done.error?.message).toBe('succeeded');
    expect(infoOf(b, found.id).result).toMatchObject({ outcome: 'moved', dest: { hostName: 'lab-b', state: 'running' } });
    expect(await state('B', name)).toBe('running');
    expect(await state('A', name)).toBeNull();
  });

  it("libvirt's own refusals (checks skipped): unreachable destination, refused login, no pool, too-small volume, name taken — each ends with its message, the VM still running on A, its disk kept", async () => {
    const { name, uuid, disk } = await failGuestOnA();
    for (const [peerUri, want, hint] of [
      ['qemu+ssh://10.203.0.99/system', /No route to host/, /could not reach lab-b's libvirt/],
      ['qemu+ssh://nosuch@10.203.0.2/system', /Permission denied/, /SSH keys/],
    ] as const) {
      const job = await b.migrations.start(spec(uuid, { transport: 'p2p', peerUri }), { skipChecks: true });
      const { job: done } = await settle(b, job);
      expect(done.status).toBe('failed');
      expect(done.error?.message).toMatch(want);
      expect(done.error?.message).toMatch(new RegExp(`${name} is running on lab-a, as before`));
      expect(done.error?.hint).toMatch(hint);
      expect(await state('A', name)).toBe('running');
      expect(await state('B', name)).toBeNull();
      await labSh(['exec', 'A', 'test', '-e', disk]);
    }
    // Copy disks with no pool at the disk's directory on B; then into a too-small volume on B;
    // then onto another VM of the same name on B: libvirt refuses each, nothing is lost.
    const tooSmall = `/var/lib/libvirt/images/${name}.qcow2`;
    await virshOn('B', ['vol-create-as', 'default', `${name}.qcow2`, '1M', '--format', 'qcow2']);
    const other = throwawayXml(name);
    const fB = join(xmlDir, `${name}-other.xml`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(fB, other);
    for (const [o, want, before] of [
      [{ storage: 'copy' }, /read-only|pool|target path/i, null],
      [{ storage: 'copy', destPool: 'default' }, /different sizes/i, null],
      [{}, /already exists|already defined/i, fB],
    ] as const) {
      if (before) await virshOn('B', ['define', before]);
      const job = await b.migrations.start(spec(uuid, o), { skipChecks: true });
      const { job: done } = await settle(b, job);
      expect(done.status).toBe('failed');
      expect(done.error?.message).toMatch(want);
      expect(done.error?.message).toMatch(new RegExp(`${name} is running on lab-a, as before`));
      expect(await state('A', name)).toBe('running');
      expect(await state('B', name)).toBe(before ? 'shut off' : null);
      await labSh(['exec', 'A', 'test', '-e', disk]);
    }
    await labSh(['exec', 'B', 'test', '-e', tooSmall]); // not ours to delete: it was there before
    // A disk in a directory that exists on A only (no pool, no file on B): libvirt finds no pool.
    const adir = `/var/lib/libvirt/images/t-mig-adir-${tag}`;
    const lone = `t-mig-lone-${tag}`;
    await labSh(['exec', 'A', 'mkdir', '-p', adir]);
    await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', `${adir}/${lone}.qcow2`, '16M']);
    const loneUuid = await define(
      lone,
      throwawayXml(lone, { disk: `${adir}/${lone}.qcow2` }).replace("type='raw'", "type='qcow2' cache='none'"),
      true,
    );
    const plan0 = await b.migrations.preflight(spec(loneUuid, { storage: 'copy' }));
    expect(plan0.checks.find((c) => c.id === 'storage')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(`lab-b has no storage pool at ${adir}`),
    });
    const lj = await settle(b, await b.migrations.start(spec(loneUuid, { storage: 'copy' }), { skipChecks: true }));
    expect(lj.job.status).toBe('failed');
    expect(lj.job.error?.message).toMatch(/pool|target path/i);
    expect(lj.job.error?.message).toMatch(new RegExp(`${lone} is running on lab-a, as before`));
    expect(lj.job.error?.hint).toMatch(/pool/);
    await labSh(['exec', 'A', 'test', '-e', `${adir}/${lone}.qcow2`]);
    await virshOn('A', ['destroy', lone]);
    await virshOn('A', ['undefine', lone]);
    await labSh(['exec', 'A', 'rm', '-rf', adir]);
    await virshOn('B', ['undefine', name]);
    await virshOn('B', ['vol-delete', '--pool', 'default', `${name}.qcow2`]);
    // A bad name never reaches a host: the contract refuses it.
    const bad = await b.dispatch('migrations.start', { ...spec(uuid), newName: 'bad/name' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The checks would have said so first.
    const plan = await b.migrations.preflight(spec(uuid, { transport: 'p2p', peerUri: 'qemu+ssh://nosuch@10.203.0.2/system' }));
    expect(plan.canStart).toBe(false);
    expect(plan.checks.find((c) => c.id === 'reachable')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/Permission denied/),
    });
    await expect(
      b.migrations.start(spec(uuid, { transport: 'p2p', peerUri: 'qemu+ssh://nosuch@10.203.0.2/system' })),
    ).rejects.toMatchObject({
      code: 'preflight-failed',
    });
  });

  it("cache='writeback' on shared storage: warned, fixed in the definition, and B runs the guest with cache='none'", async () => {
    const { name } = await failGuestOnA();
    await virshOn('A', ['destroy', name]);
    const xml = (await virshOn('A', ['dumpxml', '--inactive', name])).replace("cache='none'", "cache='writeback'");
    const uuid = await define(name, xml, true);
    const s = spec(uuid);
    let plan = await b.migrations.preflight(s);
    const cache = plan.checks.find((c) => c.id === 'disk-cache');
    expect(cache).toMatchObject({ status: 'warn', fix: { id: 'disk-cache-none' } });
    plan = await b.migrations.fix(s, 'disk-cache-none');
    expect(plan.checks.find((c) => c.id === 'disk-cache')?.status).toBe('pass');
    expect(await virshOn('A', ['dumpxml', '--inactive', name])).toContain("cache='none'");
    expect(await virshOn('A', ['dumpxml', name])).toContain("cache='writeback'"); // running as started
    const { job: done } = await settle(b, await b.migrations.start(s));
    expect(done.status, done.error?.message).toBe('succeeded');
    expect(await virshOn('B', ['dumpxml', name])).toContain("cache='none'");
    expect(await virshOn('B', ['dumpxml', '--inactive', name])).toContain("cache='none'");
  });

  it('copy disks into another pool on B: the definition on B points at the copy; the source disk stays', async () => {
    const name = `t-mig-copy-${tag}`;
    const pool = `t-mig-pool-${tag}`;
    const poolDir = `/var/lib/libvirt/images/${pool}`;
    await virshOn('B', ['pool-create-as', pool, 'dir', '--target', poolDir, '--build']).catch(async () => {
      await virshOn('B', ['pool-define-as', pool, 'dir', '--target', poolDir]);
      await virshOn('B', ['pool-build', pool]);
      await virshOn('B', ['pool-start', pool]);
    });
    await virshOn('A', ['vol-create-as', 'default', `${name}.qcow2`, '32M', '--format', 'qcow2']);
    const disk = `/var/lib/libvirt/images/${name}.qcow2`;
    const uuid = await define(name, throwawayXml(name, { disk }).replace("type='raw'", "type='qcow2' cache='none'"), true);
    const s = spec(uuid, { storage: 'copy', destPool: pool });
    const plan = await b.migrations.preflight(s);
    expect(plan.disks).toEqual([{ target: 'vda', source: disk, dest: `${poolDir}/${name}.qcow2`, pool, bytes: 32 * 1024 * 1024 }]);
    expect(plan.copyBytes).toBe(32 * 1024 * 1024);
    const { job: done } = await settle(b, await b.migrations.start(s));
    expect(done.status, done.error?.message).toBe('succeeded');
    expect(await virshOn('B', ['domblklist', name])).toContain(`${poolDir}/${name}.qcow2`);
    expect(await virshOn('B', ['dumpxml', '--inactive', name])).toContain(`${poolDir}/${name}.qcow2`);
    await labSh(['exec', 'A', 'test', '-e', disk]);
  });

  it('offline with its disk: the bytes arrive on B (checked inside the image), the source disk stays', async () => {
    const name = `t-mig-off-${tag}`;
    await virshOn('A', ['vol-create-as', 'default', `${name}.qcow2`, '16M', '--format', 'qcow2']);
    const disk = `/var/lib/libvirt/images/${name}.qcow2`;
    await labSh(['exec', 'A', 'qemu-io', '-f', 'qcow2', '-c', 'write -P 0x5a 0 4M', disk]);
    const uuid = await define(name, throwawayXml(name, { disk }).replace("type='raw'", "type='qcow2' cache='none'"), false);
    const s = spec(uuid, { mode: 'offline', storage: 'copy' });
    const plan = await b.migrations.preflight(s);
    expect(plan.canStart).toBe(true);
    expect(plan.virsh).toContain('--offline');
    const { job: done, events } = await settle(b, await b.migrations.start(s));
    expect(done.status, done.error?.message).toBe('succeeded');
    expect(events.some((e) => e.phase.startsWith('copying disks') && figs(e).copyTotal)).toBe(true);
    expect(infoOf(b, done.id).result).toMatchObject({ outcome: 'moved', dest: { state: 'shutoff', persistent: true } });
    expect(await state('B', name)).toBe('shut off');
    expect(await state('A', name)).toBeNull();
    await labSh(['exec', 'B', 'qemu-io', '-f', 'qcow2', '-c', 'read -P 0x5a 0 4M', disk]);
    await labSh(['exec', 'A', 'test', '-e', disk]);
  });
});
