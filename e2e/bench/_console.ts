/**
 * Shared by console-echo, console-1mib and vnc-fps (not a benchmark: the runner skips '_' files).
 *
 * Vireo: the backend in this process (createBackend, the lab's hosts added as the app adds them),
 * a console session from ConsoleService, read through its StreamHub channel — the path the
 * renderer's bytes take, minus the IPC/WebSocket hop.
 * Baseline: `virsh -c qemu+ssh://root@<A>/system console <dom> --force` in a pty (script(1)), the
 * way an admin runs it in a terminal; see _virsh.ts for how virsh reaches the lab.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Backend, createBackend } from '../../electron/backend';
import type { Attachment } from '../../electron/core/streams';
import { shellJoin } from '../../electron/transport/ssh';
import type { ConsoleInfo } from '../../shared/api';
import { connectLabHosts, inProcess } from '../lab/hosts';
import { labHost, labReset, readLab, virshOn } from '../lab/lab';
import { virshUri } from './_virsh';

/** Bytes that arrive from a console, with waiting for what they should contain. */
export class Collector {
  private text = '';
  private waiters = new Set<() => void>();
  bytes = 0;

  push(b: Buffer | Uint8Array): void {
    const buf = Buffer.from(b);
    this.bytes += buf.length;
    // Keep the text tail only (1 MiB runs would make it big); markers are short.
    this.text = (this.text + buf.toString('latin1')).slice(-64 * 1024);
    for (const w of [...this.waiters]) w();
  }

  /** Resolves when the output after `mark()` contains `needle`. */
  waitFor(needle: string | RegExp, since: number, timeoutMs = 30_000): Promise<void> {
    const test = () => {
      const tail = this.tailSince(since);
      return typeof needle === 'string' ? tail.includes(needle) : needle.test(tail);
    };
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`console: no ${String(needle)} within ${timeoutMs} ms; last output: ${JSON.stringify(this.text.slice(-200))}`));
      }, timeoutMs);
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  /** A position to wait from (total bytes so far). */
  mark(): number {
    return this.bytes;
  }

  private tailSince(since: number): string {
    const n = this.bytes - since;
    return n <= 0 ? '' : this.text.slice(-Math.min(n, this.text.length));
  }
}

/** A way to type into a console and read what it prints. */
export interface ConsoleSide {
  out: Collector;
  write(s: string | Buffer): void;
}

// ---- Vireo ---------------------------------------------------------------------------------------

export interface VireoSide extends ConsoleSide {
  backend: Backend;
  hostId: string;
  info: ConsoleInfo;
  /** Takes the console (back) with FORCE and attaches to the new channel. */
  take(): Promise<void>;
  close(): Promise<void>;
}

export async function vireoBackend(): Promise<{ backend: Backend; hostId: string }> {
  const backend = createBackend({ mode: 'web', dataDir: mkdtempSync(join(tmpdir(), 'vireo-bench-console-')) });
  const hosts = await connectLabHosts(inProcess(backend));
  const a = labHost('A');
  const hostId = hosts.find((h) => h.spec.address === a.address)?.id;
  if (!hostId) throw new Error('lab host A was not added');
  return { backend, hostId };
}

export function attachChannel(backend: Backend, channel: string, sink: (b: Buffer) => void): Attachment {
  const att = backend.streams.attach(channel, {
    data: (b) => {
      sink(b);
      att?.ack(b.length);
    },
    close: () => {},
  });
  if (!att) throw new Error(`cannot attach ${channel}`);
  return att;
}

export async function vireoSerial(domain: string): Promise<VireoSide> {
  const { backend, hostId } = await vireoBackend();
  const uuid = readLab().guests[domain]?.uuid;
  if (!uuid) throw new Error(`the lab has no guest ${domain}`);
  const out = new Collector();
  let att: Attachment | null = null;
  const side: VireoSide = {
    backend,
    hostId,
    out,
    info: await backend.consoles.open(hostId, uuid, 'serial', true),
    write: (s) => att?.write(Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1')),
    take: async () => {
      side.info = await backend.consoles.force(side.info.id);
      if (side.info.state.status !== 'open') throw new Error(`console not open: ${JSON.stringify(side.info.state)}`);
      att = attachChannel(backend, side.info.state.channel, (b) => out.push(b));
    },
    close: async () => {
      backend.consoles.close(side.info.id);
      await backend.close();
    },
  };
  await side.take();
  return side;
}

// ---- virsh console in a pty ------------------------------------------------------------------------

export interface VirshSide extends ConsoleSide {
  proc: ChildProcess;
  close(): Promise<void>;
}

/** Starts `virsh console --force` in a pty and waits until it is connected. */
export async function virshSerial(domain: string): Promise<VirshSide> {
  const cmd = shellJoin(['virsh', '-c', virshUri('A'), 'console', domain, '--force']);
  const proc = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'dumb' } });
  const out = new Collector();
  proc.stdout?.on('data', (b: Buffer) => out.push(b));
  proc.stderr?.on('data', (b: Buffer) => out.push(b));
  const side: VirshSide = {
    proc,
    out,
    write: (s) => proc.stdin?.write(s),
    close: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.stdin?.write('\x1d'); // Ctrl+] detaches
        setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
      }),
  };
  await out.waitFor('Escape character', 0, 30_000);
  return side;
}

// ---- the guest's shell -----------------------------------------------------------------------------

/** Pokes the console with Enter until the shell's prompt shows. */
export async function waitPrompt(c: ConsoleSide, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const from = c.out.mark();
    c.write('\r');
    try {
      // `# ` at the end, possibly followed by the shell's cursor query (ESC [ 6 n).
      await c.out.waitFor(/# \S*$/, from, 2000);
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
    }
  }
}

/** Runs a command and waits for a marker after it (typed split, so the echo never contains it). */
export async function runCommand(c: ConsoleSide, cmd: string, timeoutMs = 120_000): Promise<void> {
  const nonce = Math.random().toString(36).slice(2, 8);
  const from = c.out.mark();
  c.write(`${cmd}; echo "END""-${nonce}"\r`);
  await c.out.waitFor(`END-${nonce}`, from, timeoutMs);
}

/** tiny must run on A with its console shell up. */
export async function ensureTiny(): Promise<void> {
  const state = (await virshOn('A', ['domstate', 'tiny']).catch(() => '')).trim();
  if (state !== 'running') await labReset();
}
