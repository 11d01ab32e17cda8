/**
 * migrate-vs-virsh (ratio, ms): one whole live migration of the lab's `tiny` (shared disk, so
 * --unsafe), alternating A -> B and back, by Vireo's migration service (backend level: the
 * request, its pre-flight checks, libvirt's direct v3 sequence, following it to the end and
 * checking where the VM runs) against `virsh migrate --live --unsafe --persistent
 * --undefinesource tiny qemu+ssh://…` run from the root namespace like an admin's laptop (which
 * connects to both hosts itself, as virsh must). Each side migrates tiny from wherever it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Backend, createBackend } from '../../electron/backend';
import { connectLabHosts, inProcess } from '../lab/hosts';
import { domainState, labReset, virshOn } from '../lab/lab';
import { runVirsh, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

let backend: Backend | undefined;
const ids: Record<'A' | 'B', string> = { A: '', B: '' };
let uuid = '';
const jobMs: number[] = [];
const checkMs: number[] = [];

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
  },
  async vireo() {
    const be = backend;
    if (!be) throw new Error('setup did not run');
    const from = await whereIsTiny();
    const to = from === 'A' ? 'B' : 'A';
    const spec = {
      hostId: ids[from],
      uuid,
      destHostId: ids[to],
      mode: 'live',
      storage: 'shared',
      transport: 'direct',
      tunnelled: false,
      persist: true,
      undefineSource: true,
      postCopy: false,
      compression: 'none',
    } as const;
    const t0 = Date.now();
    const done = new Promise<void>((resolve, reject) => {
      const off = be.events.on('job.progress', (j) => {
        if (j.kind !== 'migration' || j.status === 'running') return;
        off();
        if (j.status === 'succeeded') {
          jobMs.push((j.endedAt ?? Date.now()) - j.startedAt);
          checkMs.push(j.startedAt - t0);
          resolve();
        } else reject(new Error(`Vireo's migration ${j.status}: ${j.error?.message}`));
      });
    });
    await be.migrations.start(spec);
    await done;
  },
  async baseline() {
    const from = await whereIsTiny();
    const to = from === 'A' ? 'B' : 'A';
    await runVirsh(virshUri(from), ['migrate', '--live', '--unsafe', '--persistent', '--undefinesource', 'tiny', virshUri(to)]);
  },
  async extra() {
    return { 'vireo pre-flight checks ms (median)': median(checkMs), 'vireo job ms (median)': median(jobMs) };
  },
  async teardown() {
    await backend?.close();
    if ((await domainState('A', 'tiny').catch(() => null)) !== 'running') await labReset();
  },
};

export default bench;
