/**
 * migration-progress-rate (absolute, updates/s): how many `job.progress` updates of a running
 * migration reach a client of the web bridge per second — what the live panel redraws from.
 * The real backend process (serve.mjs) migrates the lab's `tiny` at 8 MiB/s (≈ 12 s), alternating
 * A -> B and back; a WebSocket client subscribed like the renderer counts the updates of that
 * job between the first and the last running one. `extra` prints the backend (main) process's
 * CPU time per update, from /proc/<pid>/stat over the same window (all its work, polling
 * included, divided by the updates it delivered).
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { Job, WsServerMessage } from '../../shared/api';
import { type AppServer, startServer } from '../fixtures';
import { connectLabHosts } from '../lab/hosts';
import { domainState, labReset, readLab, virshOn } from '../lab/lab';
import { BackendClient } from '../pages/backend';
import { median } from './run';
import type { Bench } from './types';

let server: AppServer | undefined;
let client: BackendClient | undefined;
let ws: WebSocket | undefined;
const ids: Record<'A' | 'B', string> = { A: '', B: '' };
let uuid = '';
const cpuPerUpdate: number[] = [];
const counts: number[] = [];
let listener: ((job: Job) => void) | null = null;

/** utime + stime of a process, ms. */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(rest[11]) + Number(rest[12]);
  return (ticks * 1000) / 100; // USER_HZ = 100 on Linux
}

async function whereIsTiny(): Promise<'A' | 'B'> {
  if ((await domainState('A', 'tiny')) === 'running') return 'A';
  if ((await domainState('B', 'tiny')) === 'running') return 'B';
  throw new Error('tiny runs on neither lab host');
}

const bench: Bench = {
  name: 'migration-progress-rate',
  unit: 'updates/s',
  runs: 3,
  async setup() {
    if ((await domainState('A', 'tiny')) !== 'running' || (await domainState('B', 'tiny')) !== null) await labReset();
    uuid = (await virshOn('A', ['domuuid', 'tiny'])).trim();
    const lab = readLab();
    server = await startServer();
    client = await BackendClient.connect(server);
    for (const info of await connectLabHosts(client, lab)) {
      const h = lab.hosts.find((x) => x.address === info.spec.address);
      if (h) ids[h.id] = info.id;
    }
    // A second client, subscribed to the event like the renderer.
    const base = new URL(server.url);
    ws = new WebSocket(`ws://${base.host}/ws?token=${encodeURIComponent(server.token)}`, { origin: `http://${base.host}` });
    await new Promise<void>((ok, fail) => {
      ws?.once('open', () => ok());
      ws?.once('error', fail);
    });
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as WsServerMessage;
      if (m.t === 'event' && m.event === 'job.progress') listener?.(m.payload as Job);
    });
    ws.send(JSON.stringify({ t: 'subscribe', event: 'job.progress' }));
  },
  async vireo() {
    if (!client || !server) throw new Error('setup did not run');
    const pid = server.proc.pid as number;
    const from = await whereIsTiny();
    const to = from === 'A' ? 'B' : 'A';
    let jobId = '';
    const seen: number[] = [];
    let cpu0 = 0;
    let cpu1 = 0;
    const ended = new Promise<void>((resolve, reject) => {
      listener = (j) => {
        if (j.kind !== 'migration' || (jobId && j.id !== jobId)) return;
        if (j.status === 'running') {
          if (j.kind !== 'migration' || j.detail.figures.dataTotal === undefined) return;
          if (seen.length === 0) cpu0 = cpuMs(pid);
          seen.push(Date.now());
          cpu1 = cpuMs(pid);
          return;
        }
        listener = null;
        if (j.status === 'succeeded') resolve();
        else reject(new Error(`migration ${j.status}: ${j.error?.message}`));
      };
    });
    const job = await client.call('migrations.start', {
      hostId: ids[from],
      uuid,
      destHostId: ids[to],
      mode: 'live',
      storage: 'shared',
      transport: 'direct',
      bandwidthMiBps: 8,
    });
    jobId = job.id;
    await ended;
    const spanS = ((seen[seen.length - 1] ?? 0) - (seen[0] ?? 0)) / 1000;
    if (seen.length < 3 || spanS <= 0) throw new Error(`only ${seen.length} updates`);
    counts.push(seen.length);
    cpuPerUpdate.push((cpu1 - cpu0) / (seen.length - 1));
    return (seen.length - 1) / spanS;
  },
  async extra() {
    return { 'main-process CPU ms per update (median)': median(cpuPerUpdate), 'updates per migration (median)': median(counts) };
  },
  async teardown() {
    ws?.close();
    client?.close();
    await server?.stop();
    if ((await domainState('A', 'tiny').catch(() => null)) !== 'running') await labReset();
  },
};

export default bench;
