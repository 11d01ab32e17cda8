/**
 * Shared by connect-list, domstats-1000 and calls-200: both sides of a Vireo-vs-virsh benchmark
 * against a lab host. Not a benchmark itself (the runner skips files starting with '_').
 * Like is compared with like: warm calls against a warm virsh (VirshShell: one interactive virsh
 * whose connection opened before the clock), a cold connect against a cold process on both sides.
 *
 * Baseline: the real virsh binary in the root namespace (like an admin's laptop), with libvirt's
 * own ssh transport. libvirt passes `keyfile` to ssh but ignores `known_hosts` for the ssh binary,
 * and OpenSSH reads ~/.ssh from the passwd entry, so the URI's `command=` points at a two-line
 * wrapper that runs /usr/bin/ssh with an ssh config naming the lab key and known_hosts (full host
 * key checking). The wrapper costs one `sh` exec (~1 ms); no `unshare` as `lab.sh client` does.
 *
 * Vireo: SshSession (ssh2) + LibvirtConnection (AUTH_LIST, CONNECT_OPEN, keepalive feature
 * check), the app's own path.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RpcClient } from '../../electron/libvirt/client';
import { LibvirtConnection } from '../../electron/libvirt/connection';
import { SshSession } from '../../electron/transport/ssh';
import { type HostId, labHost, readLab } from '../lab/lab';

let wrapper: string | null = null;

/** An ssh_config (in a fresh 0700 directory) that reaches the lab hosts with the lab's key and known_hosts only. */
export function labSshConfig(): string {
  const lab = readLab();
  const dir = mkdtempSync(join(tmpdir(), 'vireo-bench-ssh-'));
  chmodSync(dir, 0o700);
  const h = labHost('A', lab);
  const file = join(dir, 'config');
  writeFileSync(
    file,
    [
      'Host *',
      `  User ${h.user}`,
      `  IdentityFile ${h.keyPath}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${lab.knownHosts}`,
      '  StrictHostKeyChecking yes',
      '  BatchMode yes',
      '  LogLevel ERROR',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return file;
}

/** The ssh wrapper for libvirt's `command=` URI parameter (made once per process). */
function sshWrapper(): string {
  if (wrapper) return wrapper;
  const config = labSshConfig();
  wrapper = join(dirname(config), 'ssh');
  writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/ssh -F ${config} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/** The libvirt URI virsh uses for a lab host: qemu:///system, or a test:///path URI, over ssh. */
export function virshUri(hostId: HostId, uri = 'qemu:///system'): string {
  const h = labHost(hostId);
  const m = /^(\w+):\/\/(\/.*)$/.exec(uri);
  if (!m) throw new Error(`unexpected URI ${uri}`);
  return `${m[1]}+ssh://${h.user}@${h.address}${m[2]}?command=${sshWrapper()}`;
}

/** Runs virsh -c <uri> <args> to completion; resolves with its stdout. */
export function runVirsh(uri: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('virsh', ['-c', uri, ...args], { maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`virsh ${args.join(' ').slice(0, 60)}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

export interface VireoConn {
  rpc: RpcClient;
  close: () => Promise<void>;
}

/** What the app does to reach a host: SSH session, libvirt channel, handshake. */
export async function vireoConnect(hostId: HostId, uri?: string): Promise<VireoConn> {
  const lab = readLab();
  const h = labHost(hostId, lab);
  const ssh = await SshSession.connect(
    { host: h.address, port: h.port, user: h.user, auth: { kind: 'key', path: h.keyPath } },
    { hostKeys: { knownHostsPath: lab.knownHosts, onUnknown: async () => false } },
  );
  const u = uri ?? h.uri;
  const conn = await LibvirtConnection.open({
    label: `bench ${hostId}`,
    uri: u,
    channel: () => ssh.openLibvirtChannel(u),
    reconnect: false,
  });
  return {
    rpc: conn.rpc,
    close: async () => {
      await conn.close();
      ssh.close();
    },
  };
}

/**
 * Times `work` from before connecting until its result is in hand, then closes (not timed: the
 * app shows the result without waiting for the goodbye; CONNECT_CLOSE through virt-ssh-helper
 * gets no reply and costs ~1 s of waiting). Returns ms.
 */
export async function timedVireo(hostId: HostId, uri: string | undefined, work: (rpc: RpcClient) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  const c = await vireoConnect(hostId, uri);
  try {
    await work(c.rpc);
    return performance.now() - t0;
  } finally {
    await c.close();
  }
}

/**
 * One long-lived interactive virsh (commands on stdin, line-buffered output), its connection
 * opened before any clock starts: the baseline for warm calls, where Vireo's side is an open
 * connection too. A batch ends with `echo <sentinel>`, whose line marks the end of its output.
 */
export class VirshShell {
  private proc: ChildProcessWithoutNullStreams;
  private buf = '';
  private lines: string[] = [];
  private waiter: { sentinel: string; resolve(lines: string[]): void; reject(e: Error): void } | null = null;
  private seq = 0;
  private exited: Error | null = null;

  private constructor(readonly uri: string) {
    this.proc = spawn('stdbuf', ['-oL', '-eL', 'virsh', '-c', uri], { stdio: 'pipe' });
    const onData = (d: Buffer) => {
      this.buf += d.toString();
      const parts = this.buf.split('\n');
      this.buf = parts.pop() ?? '';
      for (const line of parts) {
        const w = this.waiter;
        if (!w) continue;
        if (line === w.sentinel) {
          this.waiter = null;
          const out = this.lines;
          this.lines = [];
          w.resolve(out);
        } else if (/^error:/.test(line)) {
          this.waiter = null;
          this.lines = [];
          w.reject(new Error(`virsh (${this.uri}): ${line}`));
        } else this.lines.push(line);
      }
    };
    this.proc.stdout.on('data', onData);
    this.proc.stderr.on('data', onData);
    this.proc.on('exit', (code) => {
      this.exited = new Error(`virsh (${uri}) exited with ${code}`);
      this.waiter?.reject(this.exited);
      this.waiter = null;
    });
  }

  /** Starts virsh and waits until its connection is open (it answers `uri`). */
  static async open(uri: string): Promise<VirshShell> {
    const sh = new VirshShell(uri);
    await sh.run(['uri']);
    return sh;
  }

  /** Sends the commands in one write; resolves with their output lines (prompts included). */
  run(commands: readonly string[], timeoutMs = 120_000): Promise<string[]> {
    if (this.exited) return Promise.reject(this.exited);
    const sentinel = `__vireo_bench_${process.pid}_${++this.seq}__`;
    return new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`virsh (${this.uri}): no end of output within ${timeoutMs} ms`)), timeoutMs);
      this.lines = [];
      this.waiter = {
        sentinel,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.proc.stdin.write(`${[...commands, `echo ${sentinel}`].join('\n')}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      this.proc.once('exit', () => resolve());
      this.proc.stdin.end('quit\n');
      setTimeout(() => this.proc.kill('SIGKILL'), 5000).unref();
    });
  }
}
