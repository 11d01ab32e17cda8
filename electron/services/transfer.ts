/**
 * Moving volume bytes: between two hosts (download on A piped into upload on B, each on a libvirt
 * connection of its own over the host's one SSH session), or from this computer into a host (an
 * ISO upload). Back-pressure end to end (stream.pipeline), an optional rate cap, sizes and
 * sha256 read on the hosts themselves (source file, written copy), and for bytes that come from
 * this computer a sha256 computed here as they pass.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { type Duplex, type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HostId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { RpcClient } from '../libvirt/client';
import { LibvirtConnection } from '../libvirt/connection';
import { ErrorCode } from '../libvirt/errors';
import type { StorageVolRef } from '../libvirt/protocol';
import { volDelete } from '../libvirt/storage';
import { connectLocal } from '../transport/local';
import type { HostManager } from './hosts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What transfers need from a host: its libvirt connection, commands, a connection for bulk streams. */
export interface HostIo {
  id: HostId;
  label: string;
  rpc(): RpcClient;
  /** Runs argv on the host (each argument one word; never a shell string built from input). */
  run(argv: readonly string[]): Promise<RunResult>;
  /** A libvirt connection of its own for one bulk stream (a stream holds its connection's byte stream). */
  openBulk(): Promise<{ rpc: RpcClient; close(): void }>;
  /**
   * Starts argv now with its stdin open (each argument one word), for a command that waits for a
   * line before it does its work (armDigest). Absent: such commands are run when needed instead.
   */
  start?(argv: readonly string[]): Promise<Started>;
}

/** A command started on a host: its stdin, and its outcome once it exits. */
export interface Started {
  send(line: string): void;
  /** Closes its stdin. */
  end(): void;
  result: Promise<RunResult>;
}

export function hostIo(hosts: HostManager, id: HostId): HostIo {
  const info = hosts.list().find((h) => h.id === id);
  if (!info) throw new AppError('not-found', `No host with id ${id}`);
  const label = info.spec.name;
  const uri = info.spec.uri;
  const local = info.spec.transport === 'local';
  return {
    id,
    label,
    rpc: () => hosts.connection(id).rpc,
    run: async (argv) => {
      if (local) return runLocal(argv);
      return (await hosts.sshSession(id)).run(argv);
    },
    start: async (argv) => {
      if (local) return startLocal(argv);
      return startedChannel(await (await hosts.sshSession(id)).exec(argv));
    },
    openBulk: async () => {
      const channel = local ? () => connectLocal() : async () => (await hosts.sshSession(id)).openLibvirtChannel(uri);
      const conn = await LibvirtConnection.open({ label: `${label} (transfer)`, uri, channel, reconnect: false });
      logBulkEnd(conn.rpc, `${label} (transfer)`);
      return { rpc: conn.rpc, close: () => void conn.close().catch(() => {}) };
    },
  };
}

/**
 * Logs a bulk connection that ends for a reason of its own: its proxy failed, the link dropped,
 * libvirtd went away (during a copy, the copy fails with it too; after it, this line is the only
 * trace). Our own close ends without a reason (RpcClient.close: the daemon answers CONNECT_CLOSE,
 * then virt-ssh-helper's exit with status 1 as libvirtd hangs up is expected), so it logs nothing.
 */
export function logBulkEnd(rpc: RpcClient, label: string, log: (line: string) => void = (l) => console.warn(l)): void {
  rpc.once('close', (err) => {
    if (err) log(`[copy] ${label}: the connection ended: ${err.message}`);
  });
}

function runLocal(argv: readonly string[]): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (!cmd) return Promise.reject(new Error('empty command'));
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 127) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function startLocal(argv: readonly string[]): Started {
  const [cmd, ...args] = argv;
  if (!cmd) throw new Error('empty command');
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {}); // a command that exited early: its outcome says why
  const result = new Promise<RunResult>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => resolve({ code: 127, stdout: '', stderr: e.message }));
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
  return { send: (line) => child.stdin.write(line), end: () => child.stdin.end(), result };
}

/**
 * An SSH exec channel as a Started command. The command waits on its stdin, so its output and
 * exit cannot have come before these listeners; a channel already closed (the command could not
 * even start) settles at once with no status.
 */
function startedChannel(ch: Duplex): Started {
  const chan = ch as Duplex & { stderr?: Readable };
  const result = new Promise<RunResult>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let code: number | null = null;
    const done = () => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    chan.on('data', (d: Buffer) => out.push(d));
    chan.stderr?.on('data', (d: Buffer) => err.push(d));
    chan.once('exit', (c: number | null) => (code = c));
    chan.on('error', (e: Error) => {
      err.push(Buffer.from(e.message));
      done();
    });
    chan.on('close', done);
    if (chan.closed) done();
  });
  return { send: (line) => void chan.write(line), end: () => chan.end(), result };
}

/** Bridges on the host (any interface with /sys/class/net/X/bridge). */
export async function hostBridges(io: HostIo): Promise<string[]> {
  const r = await io.run(['sh', '-c', 'for d in /sys/class/net/*/bridge; do [ -d "$d" ] && basename "$(dirname "$d")"; done; true']);
  return r.stdout
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9_.:-]{1,15}$/.test(s))
    .sort();
}

/** Which of these paths are readable files or devices on the host. */
export async function hostReadable(io: HostIo, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const r = await io.run(['sh', '-c', 'for p in "$@"; do [ -r "$p" ] && printf "%s\\0" "$p"; done; true', 'sh', ...paths]);
  return new Set(r.stdout.split('\0').filter(Boolean));
}

// The size, and optionally the sha256 of the first `n` bytes, of a file or block device.
// openssl is several times faster than coreutils' sha256sum where both exist.
const DIGEST_SCRIPT = `
p=$1; n=$2; algo=$3
if [ -b "$p" ]; then size=$(blockdev --getsize64 "$p") || exit 3; else size=$(stat -c %s -- "$p") || exit 3; fi
echo "size $size"
[ "$algo" = sha256 ] || exit 0
if command -v openssl >/dev/null 2>&1; then hash() { openssl dgst -sha256 -r; }; else hash() { sha256sum; }; fi
if [ -f "$p" ] && [ "$size" = "$n" ]; then sum=$(hash < "$p"); else sum=$(head -c "$n" -- "$p" | hash); fi || exit 4
echo "sha256 \${sum%% *}"
`;

export interface Digest {
  size: number;
  sha256?: string;
}

export async function hostDigest(io: HostIo, path: string, bytes: number, algo: 'sha256' | 'size'): Promise<Digest> {
  return readDigest(io, path, algo, await io.run(['sh', '-c', DIGEST_SCRIPT, 'sh', path, String(bytes), algo]));
}

/**
 * hostDigest started ahead: the command (an SSH exec, about a tenth of a second to start) starts
 * now and waits; fire() lets it read the file then, so the time after a copy is the hash alone.
 * It reads nothing before fire(). cancel() lets it exit without reading (e.g. the copy failed).
 * Where the host cannot start commands ahead, or starting failed, fire() runs hostDigest. So it
 * does when the armed command ended without its check: it exited before fire() (its idle SSH
 * channel closed during a long copy: sshd's ChannelTimeout, a link hiccup), or it ended with
 * ARMED's exit 5 or no status and no "size" line — a finished copy is not discarded for that.
 */
export function armDigest(io: HostIo, path: string, bytes: number, algo: 'sha256' | 'size'): { fire(): Promise<Digest>; cancel(): void } {
  if (!io.start) return { fire: () => hostDigest(io, path, bytes, algo), cancel: () => {} };
  const started = io.start(['sh', '-c', ARMED + DIGEST_SCRIPT, 'sh', path, String(bytes), algo]);
  let ended = false; // the armed command exited (or its channel closed) before fire()
  started.then(
    (s) =>
      void s.result.then(
        () => (ended = true),
        () => (ended = true),
      ),
    () => {},
  );
  let used = false;
  return {
    fire: async () => {
      if (used) throw new Error('armDigest: fired twice or after cancel');
      used = true;
      const s = await started.catch(() => null);
      if (!s || ended) return hostDigest(io, path, bytes, algo);
      s.send('go\n');
      s.end();
      const r = await s.result;
      // Ended without running the check (stdin or channel closed before "go" reached it): run it afresh.
      if ((r.code === 5 || r.code === null) && !/^size \d+$/m.test(r.stdout)) return hostDigest(io, path, bytes, algo);
      return readDigest(io, path, algo, r);
    },
    cancel: () => {
      if (used) return;
      used = true;
      void started.then(
        (s) => s.end(),
        () => {},
      );
    },
  };
}

/** Waits for the line "go" on stdin; anything else (stdin closed: cancelled) exits 5 without reading. */
const ARMED = 'IFS= read -r go && [ "$go" = go ] || exit 5\n';

function readDigest(io: HostIo, path: string, algo: 'sha256' | 'size', r: RunResult): Digest {
  const size = /^size (\d+)$/m.exec(r.stdout)?.[1];
  const sum = /^sha256 ([0-9a-f]{64})$/m.exec(r.stdout)?.[1];
  if (r.code !== 0 || size === undefined || (algo === 'sha256' && !sum)) {
    throw new AppError('verify', `Could not read ${path} on ${io.label} to verify it: ${r.stderr.trim() || `exit ${r.code}`}`);
  }
  return { size: Number(size), ...(sum ? { sha256: sum } : {}) };
}

export interface PipeResult {
  bytes: number;
  sha256?: string;
}

export interface PipeOptions {
  hash: boolean;
  /** Bytes per second; unlimited when absent. */
  rateBps?: number;
  signal: AbortSignal;
  onBytes?: (total: number) => void;
}

/** Counts, hashes and (optionally) paces the bytes passing through. */
export class Tap extends Transform {
  bytes = 0;
  private readonly hash;
  private readonly t0 = Date.now();

  constructor(private readonly opts: Pick<PipeOptions, 'hash' | 'rateBps' | 'onBytes' | 'signal'>) {
    super({ highWaterMark: 1024 * 1024 });
    this.hash = opts.hash ? createHash('sha256') : null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    this.hash?.update(chunk);
    this.opts.onBytes?.(this.bytes);
    const rate = this.opts.rateBps;
    // Ahead of the allowed rate: hold this chunk until the schedule catches up.
    const due = rate ? (this.bytes / rate) * 1000 - (Date.now() - this.t0) : 0;
    if (due <= 0) {
      cb(null, chunk);
      return;
    }
    const t = setTimeout(() => {
      this.opts.signal.removeEventListener('abort', onAbort);
      cb(null, chunk);
    }, due);
    const onAbort = () => clearTimeout(t);
    this.opts.signal.addEventListener('abort', onAbort, { once: true });
  }

  digest(): string | undefined {
    return this.hash?.digest('hex');
  }
}

/** from → tap → to, with back-pressure; abort destroys both ends (libvirt aborts the streams). */
export async function pipeBytes(from: Readable, to: Writable, o: PipeOptions): Promise<PipeResult> {
  if (!o.hash && !o.rateBps) {
    // Nothing to do to the bytes: count them as they pass, without a stage in between.
    let bytes = 0;
    from.on('data', (c: Buffer) => {
      bytes += c.length;
      o.onBytes?.(bytes);
    });
    await pipeline(from, to, { signal: o.signal });
    return { bytes };
  }
  const tap = new Tap(o);
  await pipeline(from, tap, to, { signal: o.signal });
  const sha256 = tap.digest();
  return { bytes: tap.bytes, ...(sha256 ? { sha256 } : {}) };
}

/**
 * Opens the two ends of a copy (a download and an upload stream) side by side. Each stream gets an
 * 'error' listener for its whole life: a stream whose connection drops after the copy settled, or
 * whose sibling failed to open, would otherwise raise an unhandled 'error' and end the process.
 * Errors during the copy still reach the caller through the pipeline; a late one is logged with
 * what it was. When one end fails to open, the other is destroyed and the failure thrown.
 */
export async function openStreamPair<A extends Duplex, B extends Duplex>(
  label: string,
  open: readonly [Promise<A>, Promise<B>],
  log: (line: string) => void = (l) => console.warn(l),
): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled(open);
  for (const [side, r] of [
    ['source', a],
    ['target', b],
  ] as const) {
    if (r.status === 'fulfilled')
      r.value.on('error', (err: Error) =>
        log(`[copy] ${label}: ${side} stream: ${err.message} (after the copy settled or while it failed)`),
      );
  }
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  if (a.status === 'fulfilled') a.value.destroy();
  if (b.status === 'fulfilled') b.value.destroy();
  throw a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason;
}

/**
 * Deletes a volume we created, retrying while libvirt still counts an aborted upload as using it
 * (its in-use count drops in a thread after the stream closes).
 */
export async function deleteCreatedVolume(rpc: RpcClient, vol: StorageVolRef, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    try {
      await volDelete(rpc, vol);
      return;
    } catch (err) {
      const e = err as { code?: unknown; message?: string };
      if (e.code === ErrorCode.NO_STORAGE_VOL) return;
      const busy = /in use|being|uploaded|building/i.test(e.message ?? '');
      if (!busy || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Formats a rate for phases: "48.2 MiB/s". */
export function fmtRate(bps: number): string {
  return `${(bps / 1024 / 1024).toFixed(1)} MiB/s`;
}
