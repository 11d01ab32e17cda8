/**
 * migrate-vs-virsh (ratio, ms): one whole live migration of the lab's `tiny` (shared disk, so
 * --unsafe), alternating A -> B and back, by Vireo's migration service (backend level: the
 * request, its pre-flight checks, libvirt's direct v3 sequence, following it to the end and
 * checking where the VM runs) against `virsh migrate --live --unsafe --persistent
 * --undefinesource tiny qemu+ssh://…` run from the root namespace like an admin's laptop (which
 * connects to both hosts itself, as virsh must). Each side migrates tiny from wherever it is.
 *
 * Both sides open both connections inside their time: virsh cannot do otherwise (`migrate` opens
 * the destination itself), so each Vireo run starts a fresh backend on a data dir where both lab
 * hosts are saved and their keys known (as on an admin's machine), connects both (in parallel, as
 * two saved hosts connect), migrates and follows the job to its end; closing is not timed on
 * either side (virsh's exit is in its time: a few ms). Finding where tiny runs is timed on neither.
 *
 * extra: the earlier, unlike figure (old …): Vireo with both hosts connected before its clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Backend, createBackend } from '../../electron/backend';
import { connectLabHosts, inProcess, seedLabHosts } from '../lab/hosts';
import { domainState, labReset, virshOn } from '../lab/lab';
import { runVirsh, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

let backend: Backend | undefined;
const ids: Record<'A' | 'B', string> = { A: '', B: '' };
let uuid = '';
/** The cold side's data dir: both lab hosts saved, their keys known; nothing connected. */
let coldDir = '';
const jobMs: number[] = [];
const checkMs: number[] = [];
const connectMs: number[] = [];
const warmMs: number[] = [];
const virshMs: number[] = [];

/** One migration of tiny by a backend whose hosts are connected; ms from the request to the job's end. */
async function migrateWith(be: Backend, hostIds: Record<'A' | 'B', string>, from: 'A' | 'B'): Promise<number> {
  const to = from === 'A' ? 'B' : 'A';
  const spec = {
    hostId: hostIds[from],
    uuid,
    destHostId: hostIds[to],
    mode: 'live',
    storage: 'shared',
    transport: 'direct',
    tunnelled: false,
    persist: true,
    undefineSource: true,
    postCopy: false,
    compression: 'none',
  } as const;
  const t0 = performance.now();
  const started = Date.now();
  const done = new Promise<void>((resolve, reject) => {
    const off = be.events.on('job.progress', (j) => {
      if (j.kind !== 'migration' || j.status === 'running') return;
      off();
      if (j.status === 'succeeded') {
        jobMs.push((j.endedAt ?? Date.now()) - j.startedAt);
        checkMs.push(j.startedAt - started);
        resolve();
      } else reject(new Error(`Vireo's migration ${j.status}: ${j.error?.message}`));
    });
  });
  await be.migrations.start(spec);
  await done;
  return performance.now() - t0;
}

async function whereIsTiny(): Promise<'A' | 'B'> {
  if ((await domainState('A', 'tiny')) === 'running') return 'A';
  if ((await domainState('B', 'tiny')) === 'running') return 'B';
  throw new Error('tiny runs on neither lab host');
}

const bench: Bench = {
  name: 'migrate-vs-virsh',
  unit: 'ms',
  runs: 6,
  baselineLabel: 'virsh migrate --live --unsafe',
  async setup() {
    if ((await domainState('A', 'tiny')) !== 'running' || (await domainState('B', 'tiny')) !== null) await labReset();
    uuid = (await virshOn('A', ['domuuid', 'tiny'])).trim();
    backend = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'vireo-bench-mig-')) });
    for (const h of await connectLabHosts(inProcess(backend))) ids[h.spec.address === '10.203.0.1' ? 'A' : 'B'] = h.id;
    coldDir = mkdtempSync(join(tmpdir(), 'vireo-bench-mig-cold-'));
    await seedLabHosts(coldDir);
  },
  async vireo() {
    const from = await whereIsTiny();
    const be = createBackend({ mode: 'web', dataDir: coldDir });
    try {
      const t0 = performance.now();
      const saved = be.hosts.list();
      const hostIds = {
        A: saved.find((h) => h.spec.address === '10.203.0.1')?.id ?? '',
        B: saved.find((h) => h.spec.address === '10.203.0.2')?.id ?? '',
      };
      await Promise.all([be.hosts.connect(hostIds.A), be.hosts.connect(hostIds.B)]);
      connectMs.push(performance.now() - t0);
      await migrateWith(be, hostIds, from);
      return performance.now() - t0;
    } finally {
      await be.close();
    }
  },
  async baseline() {
    const from = await whereIsTiny();
    const to = from === 'A' ? 'B' : 'A';
    const t0 = performance.now();
    await runVirsh(virshUri(from), ['migrate', '--live', '--unsafe', '--persistent', '--undefinesource', 'tiny', virshUri(to)]);
    const ms = performance.now() - t0;
    virshMs.push(ms);
    return ms;
  },
  async extra() {
    // The old method: the long-lived backend, both hosts connected before the clock.
    const be = backend;
    if (!be) throw new Error('setup did not run');
    for (let i = 0; i < 2; i++) warmMs.push(await migrateWith(be, ids, await whereIsTiny()));
    return {
      'vireo connect both hosts ms (median)': median(connectMs),
      'vireo pre-flight checks ms (median)': median(checkMs),
      'vireo job ms (median)': median(jobMs),
      'old vireo ms (hosts connected before the clock)': median(warmMs),
      'old ratio': median(warmMs) / median(virshMs),
    };
  },
  async teardown() {
    await backend?.close();
    if (coldDir) rmSync(coldDir, { recursive: true, force: true });
    if ((await domainState('A', 'tiny').catch(() => null)) !== 'running') await labReset();
  },
};

export default bench;
