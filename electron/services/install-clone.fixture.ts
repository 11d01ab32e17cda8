/**
 * Shared by install.lab.test.ts and clone.lab.test.ts: a backend with both lab hosts, waiting on
 * jobs and console output by their events (never by timers), and cleanup of what a test made.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectLabHosts, inProcess } from '../../e2e/lab/hosts';
import { LabCommandError, labSh, readLab, virshOn } from '../../e2e/lab/lab';
import type { ConsoleInfo, Events, HostId, Job, RequestInput, RequestName, RequestOutput } from '../../shared/api';
import { type Backend, createBackend } from '../backend';

export const lab = readLab();
export const LAB_A = lab.hosts.find((h) => h.id === 'A')?.address ?? '10.203.0.1';
export const LAB_B = lab.hosts.find((h) => h.id === 'B')?.address ?? '10.203.0.2';
export const BANNER = lab.guests.stopped?.banner ?? 'TINYGUEST BANNER';
export const GUEST = `${lab.dir}/guest`;

export interface Fixture {
  backend: Backend;
  A: HostId;
  B: HostId;
  call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
}

export async function startFixture(tag: string): Promise<Fixture> {
  const backend = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), `vireo-${tag}-`)) });
  const hosts = await connectLabHosts(inProcess(backend), lab);
  const A = hosts.find((h) => h.spec.address === LAB_A)?.id;
  const B = hosts.find((h) => h.spec.address === LAB_B)?.id;
  if (!A || !B) throw new Error('the lab hosts did not connect');
  return {
    backend,
    A,
    B,
    call: async (name, input) => {
      const r = await backend.dispatch(name, input);
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.message}`), { api: r.error });
      return r.value as never;
    },
  };
}

/** Resolves with the job once it ended (succeeded, failed or canceled). */
export function jobEnd(backend: Backend, id: string, timeoutMs = 120_000): Promise<Job> {
  const now = backend.jobs.get(id);
  if (now.status !== 'running') return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      off();
      reject(new Error(`job ${id} still ${backend.jobs.get(id).phase} after ${timeoutMs} ms`));
    }, timeoutMs);
    const off = backend.events.on('job.progress', (j: Events['job.progress']) => {
      if (j.id === id && j.status !== 'running') {
        clearTimeout(t);
        off();
        resolve(j);
      }
    });
  });
}

/** Resolves with the first job.progress event of `id` matching `pred`. */
export function jobWhen(backend: Backend, id: string, pred: (j: Job) => boolean, timeoutMs = 120_000): Promise<Job> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      off();
      reject(new Error(`job ${id}: condition not met within ${timeoutMs} ms (last: ${JSON.stringify(backend.jobs.get(id))})`));
    }, timeoutMs);
    const off = backend.events.on('job.progress', (j: Events['job.progress']) => {
      if (j.id === id && pred(j)) {
        clearTimeout(t);
        off();
        resolve(j);
      }
    });
  });
}

/**
 * Opens the VM's serial console through the backend (the console service, its byte channel) and
 * resolves with what the guest printed once `text` shows up; rejects with the transcript otherwise.
 */
export async function consoleShows(backend: Backend, hostId: HostId, uuid: string, text: string, timeoutMs = 120_000): Promise<string> {
  const info = await backend.consoles.open(hostId, uuid, 'serial', false);
  let out = '';
  try {
    return await new Promise<string>((resolve, reject) => {
      let attached = false;
      const t = setTimeout(() => {
        off();
        reject(new Error(`no "${text}" on the console within ${timeoutMs} ms; it printed:\n${out.slice(-1500)}`));
      }, timeoutMs);
      const attach = (c: ConsoleInfo) => {
        if (attached || c.state.status !== 'open') return;
        attached = true;
        const att = backend.streams.attach(c.state.channel, {
          data: (b) => {
            out += b.toString('latin1');
            att?.ack(b.length);
            if (out.includes(text)) {
              clearTimeout(t);
              off();
              resolve(out);
            }
          },
          close: () => {
            attached = false;
          },
        });
      };
      const off = backend.events.on('console.state', (c: Events['console.state']) => {
        if (c.id === info.id) attach(c);
      });
      attach(backend.consoles.list().find((c) => c.id === info.id) ?? info);
    });
  } finally {
    backend.consoles.close(info.id);
  }
}

/** Removes a domain (stopping it) and volumes by name on a lab host; missing ones are fine. */
export async function cleanup(host: 'A' | 'B', domains: readonly string[], volumes: readonly string[], pool = 'default'): Promise<void> {
  for (const d of domains) {
    await virshOn(host, ['destroy', d]).catch(() => {});
    await virshOn(host, ['undefine', '--nvram', d]).catch(() => {});
  }
  for (const v of volumes) await virshOn(host, ['vol-delete', '--pool', pool, v]).catch(() => {});
}

/** The names of a host's domains / the volumes of its default pool. */
export async function domainNames(host: 'A' | 'B'): Promise<string[]> {
  return (await virshOn(host, ['list', '--all', '--name']))
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function volumeNames(host: 'A' | 'B', pool = 'default'): Promise<string[]> {
  await virshOn(host, ['pool-refresh', pool]).catch(() => {});
  const out = await virshOn(host, ['vol-list', '--pool', pool]);
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

export async function sha256On(host: 'A' | 'B', path: string): Promise<string> {
  const { stdout } = await labSh(['exec', host, 'sha256sum', path]);
  return stdout.split(' ')[0] ?? '';
}

export function isLabError(err: unknown): err is LabCommandError {
  return err instanceof LabCommandError;
}
