// The migration cleanup against real hosts: a post-copy migration with its disk copied whose
// stream between the hosts is cut after the switch-over. libvirt 9.0 then leaves both sides
// active — A paused (post-copy failed), B running (post-copy failed) on the only up-to-date copy
// of the disk. The job must fail without deleting B's disk and without resuming A (h4). The old
// cleanup took "unknown" for "not moved" and deleted the copy under B's running guest.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLabHosts, inProcess, labHostSpec } from '../../../e2e/lab/hosts';
import { labSh, readLab, virshOn } from '../../../e2e/lab/lab';
import { type Job, type MigrationInfo, MigrationSpec, migrationInfoOf } from '../../../shared/api';
import { type Backend, createBackend } from '../../backend';
import { throwawayXml } from '../../libvirt/lab-fixture';

/** The migration's whole detail (what migrations.get returned before jobs were typed). */
function infoOf(b: Backend, jobId: string): MigrationInfo {
  const j = b.jobs.get(jobId);
  if (j.kind !== 'migration') throw new Error(`${jobId} is a ${j.kind} job`);
  return migrationInfoOf(j);
}

const lab = readLab();
const dataDir = mkdtempSync(join(tmpdir(), 'vireo-mig-cleanup-lab-'));
const tag = randomBytes(3).toString('hex');
const name = `t-h4-pc-${tag}`;
const disk = `/var/lib/libvirt/images/${name}.qcow2`;
// The low "rollback pre-existing" case: B reached as a non-root user, a pool directory only root can search.
const pre = `t-pre-${tag}`;
const prePool = `t-priv-${tag}`;
const prePoolDir = `/var/lib/libvirt/images/${prePool}`;
const preDisk = `/var/lib/libvirt/images/${pre}.qcow2`;
const preDest = `${prePoolDir}/${pre}.qcow2`;
// M1: an offline copy whose source host cannot be read afterwards.
const off = `t-m1-off-${tag}`;
let b: Backend;
let idA = '';
let idB = '';

const stateReason = async (host: 'A' | 'B'): Promise<string | null> =>
  virshOn(host, ['domstate', '--reason', name]).then(
    (s) => s.trim(),
    () => null,
  );

async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function settle(job: Job, timeoutMs = 180_000): Promise<Job> {
  return waitFor(() => {
    const j = b.jobs.get(job.id);
    return j.status === 'running' ? undefined : { ...j };
  }, timeoutMs);
}

beforeAll(async () => {
  b = createBackend({ mode: 'web', dataDir });
  await connectLabHosts(inProcess(b), lab);
  for (const h of b.hosts.list()) {
    if (h.spec.address === lab.hosts[0]?.address) idA = h.id;
    else idB = h.id;
  }
});

afterAll(async () => {
  await b?.close();
  for (const h of ['A', 'B'] as const) {
    await virshOn(h, ['destroy', name]).catch(() => {});
    await virshOn(h, ['undefine', name, '--nvram']).catch(() => {});
    await virshOn(h, ['vol-delete', '--pool', 'default', `${name}.qcow2`]).catch(() => {});
  }
  await virshOn('A', ['destroy', pre]).catch(() => {});
  await virshOn('A', ['undefine', pre, '--nvram']).catch(() => {});
  await virshOn('A', ['vol-delete', '--pool', 'default', `${pre}.qcow2`]).catch(() => {});
  await virshOn('B', ['vol-delete', '--pool', prePool, `${pre}.qcow2`]).catch(() => {});
  await virshOn('B', ['pool-destroy', prePool]).catch(() => {});
  await virshOn('B', ['pool-undefine', prePool]).catch(() => {});
  await labSh(['exec', 'B', 'rm', '-rf', prePoolDir]).catch(() => {});
  await virshOn('A', ['undefine', off, '--nvram']).catch(() => {});
  for (const h of ['A', 'B'] as const) await virshOn(h, ['vol-delete', '--pool', 'default', `${off}.qcow2`]).catch(() => {});
  for (const n of [name, pre, off]) rmSync(join(lab.dir, 'tmp', `${n}.xml`), { force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('migration cleanup (lab)', () => {
  it("h4 post-copy with copied disks, stream cut after the switch-over: both hosts active; B's disk kept, A not resumed, each host's state told", async () => {
    await virshOn('A', ['vol-create-as', 'default', `${name}.qcow2`, '16M', '--format', 'qcow2']);
    mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
    const f = join(lab.dir, 'tmp', `${name}.xml`);
    writeFileSync(f, throwawayXml(name, { disk }).replace("type='raw'", "type='qcow2' cache='none'"));
    await virshOn('A', ['define', f]);
    await virshOn('A', ['start', name]);
    const uuid = (await virshOn('A', ['domuuid', name])).trim();
    const spec = MigrationSpec.parse({
      hostId: idA,
      uuid,
      destHostId: idB,
      mode: 'live',
      storage: 'copy',
      transport: 'p2p',
      postCopy: true,
      bandwidthMiBps: 4,
    });
    const job = await b.migrations.start(spec);
    // Memory moving (the disk copy is done): slow post-copy down so that the cut lands inside it.
    const why = (e: Error) => {
      const j = b.jobs.get(job.id);
      const log = infoOf(b, job.id)
        .log.map((l) => l.text)
        .join(' | ');
      return new Error(`${e.message}: job ${j.status} (${j.phase}) ${j.error?.message ?? ''}; log: ${log}`);
    };
    await waitFor(() => {
      const j = b.jobs.get(job.id);
      if (j.status !== 'running') throw new Error('the job ended before the memory moved');
      return j.kind === 'migration' && (j.detail.figures.memProcessed ?? 0) > 0 ? true : undefined;
    }, 90_000).catch((e: Error) => {
      throw why(e);
    });
    await virshOn('A', ['migrate-setspeed', name, '1', '--postcopy']);
    await b.migrations.control(job.id, { action: 'postcopy' });
    await waitFor(async () => ((await stateReason('B'))?.startsWith('running') ? true : undefined)).catch(async (e: Error) => {
      throw why(new Error(`${e.message}: B shows ${await stateReason('B')}, A shows ${await stateReason('A')}`));
    });
    // Cut the migration stream: the TCP connections of this guest's QEMU on B (nobody else's; SSH
    // and libvirt's own links stay).
    const pid = (await labSh(['exec', 'B', 'cat', `/run/libvirt/qemu/${name}.pid`])).stdout.trim();
    const cut = async (): Promise<number> => {
      const socks = (await labSh(['exec', 'B', 'ss', '-Htnp', 'state', 'established'])).stdout
        .split('\n')
        .filter((l) => l.includes(`pid=${pid},`))
        .map((l) => /:(\d+)$/.exec(l.trim().split(/\s+/)[2] ?? '')?.[1])
        .filter((port): port is string => !!port);
      for (const port of socks) await labSh(['exec', 'B', 'ss', '-K', '-tn', 'state', 'established', `( sport = :${port} )`]);
      return socks.length;
    };
    expect(await cut()).toBeGreaterThan(0);
    // Seen in CI (twice in five runs): A fails post-copy at once, but B's QEMU stays "running
    // (post-copy)" and libvirt's migration call waits on it. Cut B's connections again every 10 s
    // while the job runs (any it opened meanwhile), so the test provokes the failure it is about.
    const again = setInterval(() => {
      if (b.jobs.get(job.id).status === 'running') void cut().catch(() => {});
    }, 10_000);
    const done = await settle(job)
      .finally(() => clearInterval(again))
      .catch(async (e: Error) => {
        throw why(new Error(`${e.message}: B shows ${await stateReason('B')}, A shows ${await stateReason('A')}`));
      });
    expect(done.status).toBe('failed');
    const info = infoOf(b, job.id);
    expect(info.result?.outcome).toBe('unknown');
    expect(done.error?.message).toContain('Vireo changed nothing');
    expect(done.error?.message).toContain(`lab-a shows ${name} paused (post-copy failed)`);
    expect(done.error?.message).toContain(`lab-b shows ${name} running (post-copy failed)`);
    expect(done.error?.hint).toMatch(/--postcopy-resume/);
    expect(info.result?.source).toMatchObject({ state: 'paused', detail: 'post-copy failed' });
    // Nothing was changed: B's copy of the disk is there, A's guest was not resumed.
    await labSh(['exec', 'B', 'test', '-e', disk]);
    expect(await stateReason('A')).toMatch(/^paused \(post-copy failed\)/);
    expect(await stateReason('B')).toMatch(/^running/);
    expect(info.log.some((l) => /Removed the partial copy|resumed on/.test(l.text))).toBe(false);
    // Its own waits add up to 5.5 min (90 s for the memory to move, 60 s for B to run, 180 s for
    // the job to end); on a quiet machine it takes about 7 s. Under load the test's own limit must
    // not cut those waits short: each of them says what it waited for and what the hosts showed.
  }, 420_000);

  it('low rollback pre-existing a volume at the destination path that a non-root login cannot see is kept after libvirt refuses the copy', async () => {
    // B as vsh-bash (libvirt's socket lets it manage qemu:///system; it cannot search the pool's directory).
    const accounts = JSON.parse(readFileSync(join(lab.dir, 'accounts.json'), 'utf8')) as { shells: { bash: { user: string } } };
    const labB = lab.hosts[1];
    if (!labB) throw new Error('lab.json has no host B');
    const userB = await b.hosts.add(
      { ...labHostSpec(labB), name: `lab-b-${accounts.shells.bash.user}`, user: accounts.shells.bash.user },
      true,
    );
    try {
      await virshOn('B', ['pool-define-as', prePool, 'dir', '--target', prePoolDir]);
      await virshOn('B', ['pool-build', prePool]);
      await virshOn('B', ['pool-start', prePool]);
      await labSh(['exec', 'B', 'chmod', '0700', prePoolDir]);
      // There before the job, and too small: libvirt refuses to copy into it.
      await virshOn('B', ['vol-create-as', prePool, `${pre}.qcow2`, '1M', '--format', 'qcow2']);
      const probe = await labSh([
        'exec',
        'B',
        'su',
        '-s',
        '/bin/sh',
        accounts.shells.bash.user,
        '-c',
        `[ -e ${preDest} ] && echo seen || echo unseen`,
      ]);
      expect(probe.stdout.trim()).toBe('unseen'); // what the old cleanup trusted

      await virshOn('A', ['vol-create-as', 'default', `${pre}.qcow2`, '16M', '--format', 'qcow2']);
      mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
      const f = join(lab.dir, 'tmp', `${pre}.xml`);
      writeFileSync(f, throwawayXml(pre, { disk: preDisk }).replace("type='raw'", "type='qcow2' cache='none'"));
      await virshOn('A', ['define', f]);
      await virshOn('A', ['start', pre]);
      const uuid = (await virshOn('A', ['domuuid', pre])).trim();
      const spec = MigrationSpec.parse({
        hostId: idA,
        uuid,
        destHostId: userB.id,
        mode: 'live',
        storage: 'copy',
        destPool: prePool,
        transport: 'direct',
      });
      const done = await settle(await b.migrations.start(spec, { skipChecks: true }));
      expect(done.status).toBe('failed');
      expect(done.error?.message).toMatch(/different sizes|size/i);
      expect(done.error?.message).toContain(`${pre} is running on lab-a, as before`);
      await labSh(['exec', 'B', 'test', '-e', preDest]); // not ours to delete: it was there before
      expect(await virshOn('A', ['domstate', pre])).toMatch(/running/);
    } finally {
      await b.hosts.remove(userB.id);
    }
  });

  it('m1 offline copy, then the source host cannot be read while the definition moves: the copy on B is kept, each host told', async () => {
    await virshOn('A', ['vol-create-as', 'default', `${off}.qcow2`, '16M', '--format', 'qcow2']);
    await labSh(['exec', 'A', 'qemu-io', '-f', 'qcow2', '-c', 'write -P 0x5a 0 4M', `/var/lib/libvirt/images/${off}.qcow2`]);
    mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
    const f = join(lab.dir, 'tmp', `${off}.xml`);
    writeFileSync(
      f,
      throwawayXml(off, { disk: `/var/lib/libvirt/images/${off}.qcow2` }).replace("type='raw'", "type='qcow2' cache='none'"),
    );
    await virshOn('A', ['define', f]);
    const uuid = (await virshOn('A', ['domuuid', off])).trim();
    // Once the disk is on B and the definition is about to move, Vireo loses lab-a (the admin
    // disconnects it); the peer URI is one lab-a cannot log in to, so the move fails either way.
    let dropped = false;
    const stop = b.events.on('job.progress', (j) => {
      if (dropped || j.kind !== 'migration' || j.domain !== off || !/moves? the definition|moving the definition/.test(j.phase)) return;
      dropped = true;
      void b.hosts.disconnect(idA);
    });
    try {
      const spec = MigrationSpec.parse({
        hostId: idA,
        uuid,
        destHostId: idB,
        mode: 'offline',
        storage: 'copy',
        transport: 'p2p',
        peerUri: 'qemu+ssh://nosuch@10.203.0.2/system',
      });
      const done = await settle(await b.migrations.start(spec, { skipChecks: true }));
      expect(dropped).toBe(true);
      expect(done.status).toBe('failed');
      expect(infoOf(b, done.id).result?.outcome).toBe('unknown');
      expect(done.error?.message).toContain('Vireo changed nothing: lab-a could not be read');
      expect(done.error?.message).toContain(`lab-b has no ${off}`);
      expect(done.error?.hint).toMatch(/Wait until lab-a is connected again/);
      expect(done.error?.hint).toContain(`default/${off}.qcow2`);
      // Nothing was deleted: the copy is on B.
      expect(await virshOn('B', ['vol-list', 'default'])).toContain(`${off}.qcow2`);
    } finally {
      stop();
      await b.hosts.connect(idA);
    }
  });
});
