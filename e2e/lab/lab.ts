/**
 * Node helpers for the two-host test lab (e2e/lab/lab.sh). Everything runs lab.sh with argument
 * arrays (execFile, never a shell string), so domain names and commands are passed verbatim.
 *
 *   const lab = readLab();                         // $LAB_DIR/lab.json, typed
 *   await virshOn('A', ['list', '--all']);         // virsh inside host A on qemu:///system
 *   await virshRemote('B', ['list', '--all']);     // virsh -c qemu+ssh://root@10.203.0.2/system from the root namespace
 *   await guestExec('A', 'tiny', 'echo $((6*7))'); // '42\n', over the guest's serial console
 *   await labReset();                              // back to the initial state (seconds)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type HostId = 'A' | 'B';

export interface LabHost {
  id: HostId;
  name: string;
  address: string;
  port: number;
  user: string;
  /** The lab's private key (accepted for root on both hosts). */
  keyPath: string;
  /** `ssh-ed25519 AAAA…` (fixed per lab dir; `lab.sh purge` regenerates it). */
  hostKey: string;
  /** `SHA256:…` of hostKey, as ssh prints it. */
  fingerprint: string;
  /** The URI on the host itself (`qemu:///system`). */
  uri: string;
  /** `qemu+ssh://root@<address>/system`. */
  sshUri: string;
  hostUuid: string;
  /** libvirt test-driver URIs served by this host's libvirtd (usb: USB node devices; dom1000/dom5000: many running domains). */
  testUris: { usb: string; dom1000: string; dom5000?: string };
  /** Password account (host A only), allowed to use qemu:///system. */
  password?: { user: string; password: string };
}

export interface LabGuest {
  host: HostId;
  /** Disk path as seen on the host (for `shared` storage the same path on both hosts). */
  disk: string;
  storage: 'shared' | 'local';
  pool: string | null;
  /** Initial state: 'running' or 'shut off'. */
  state: string;
  uuid: string;
  mac: string;
  /** Printed on the serial console at boot and when the console shell starts. */
  banner: string;
  /** Serial console log on the host running the guest. */
  serialLog: string;
}

export interface Lab {
  version: 1;
  dir: string;
  rootIp: string;
  network: string;
  /** known_hosts file listing both hosts' keys by IP. */
  knownHosts: string;
  labScript: string;
  clientSshDir: string;
  hosts: LabHost[];
  guests: Record<string, LabGuest>;
}

export interface LabHostStatus {
  id: HostId;
  name: string;
  address: string;
  daemons: Record<'holder' | 'sshd' | 'libvirtd', number | null>;
  healthy: boolean;
  guests: { name: string; state: string }[];
}

export interface LabStatus {
  /** Both hosts' daemons are alive and the root-namespace link exists. */
  healthy: boolean;
  ready: boolean;
  hosts: LabHostStatus[];
  raw: string;
}

export const LAB_SCRIPT = fileURLToPath(new URL('./lab.sh', import.meta.url));

/** The lab directory: $VIREO_LAB_DIR, else $LAB_DIR, else /tmp/vireo-lab (as lab.sh and the app). */
export function labDir(): string {
  return process.env.VIREO_LAB_DIR ?? process.env.LAB_DIR ?? '/tmp/vireo-lab';
}

export class LabCommandError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'LabCommandError';
  }
}

interface RunOptions {
  timeoutMs?: number;
  /** Print lab.sh's log lines (stderr) as they come, e.g. for `up`. */
  echoStderr?: boolean;
}

/** Runs `bash lab.sh ...args`; resolves with stdout/stderr, rejects with a LabCommandError. */
export function labSh(args: readonly string[], opts: RunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'bash',
      [LAB_SCRIPT, ...args],
      {
        env: { ...process.env, LAB_DIR: labDir() },
        maxBuffer: 64 * 1024 * 1024,
        timeout: opts.timeoutMs ?? 120_000,
        killSignal: 'SIGTERM',
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        if (!err) {
          resolve({ stdout, stderr });
          return;
        }
        const code = typeof err.code === 'number' ? err.code : null;
        const why = err.killed ? `timed out after ${opts.timeoutMs ?? 120_000} ms` : `exit ${code ?? err.signal ?? '?'}`;
        const detail = stderr.trim() || stdout.trim();
        reject(new LabCommandError(`lab.sh ${args.join(' ')}: ${why}${detail ? `\n${detail}` : ''}`, args, code, stdout, stderr));
      },
    );
    if (opts.echoStderr) child.stderr?.on('data', (d: string) => process.stderr.write(d));
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(cond: boolean, what: string): asserts cond {
  if (!cond) throw new Error(`lab.json: ${what}`);
}

/** lab.json of the running lab, checked for the fields the tests rely on. */
export function readLab(dir = labDir()): Lab {
  const file = join(dir, 'lab.json');
  if (!existsSync(file)) throw new Error(`${file} does not exist: bring the lab up first (bash e2e/lab/lab.sh up)`);
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  need(isRecord(data) && data.version === 1, 'version 1 expected');
  need(Array.isArray(data.hosts) && data.hosts.length === 2, 'two hosts expected');
  for (const h of data.hosts as unknown[]) {
    need(isRecord(h) && (h.id === 'A' || h.id === 'B'), 'host id A or B expected');
    for (const k of ['name', 'address', 'user', 'keyPath', 'hostKey', 'fingerprint', 'uri', 'sshUri'] as const) {
      need(typeof h[k] === 'string', `host ${String(h.id)}: ${k} must be a string`);
    }
    need(typeof h.port === 'number', `host ${String(h.id)}: port must be a number`);
    need(isRecord(h.testUris) && typeof h.testUris.usb === 'string', `host ${String(h.id)}: testUris.usb missing`);
  }
  need(isRecord(data.guests), 'guests missing');
  need(typeof data.knownHosts === 'string' && typeof data.dir === 'string', 'dir/knownHosts missing');
  return data as unknown as Lab;
}

export function labHost(id: HostId, lab: Lab = readLab()): LabHost {
  const h = lab.hosts.find((x) => x.id === id);
  if (!h) throw new Error(`lab.json has no host ${id}`);
  return h;
}

/** lab.json and READY exist (written at the end of a successful `lab.sh up`). */
export function labReady(dir = labDir()): boolean {
  return existsSync(join(dir, 'lab.json')) && existsSync(join(dir, 'READY'));
}

/** `lab.sh up`: installs what is missing, builds the guest, starts both hosts (minutes on a fresh machine). */
export async function labUp(): Promise<void> {
  await labSh(['up'], { timeoutMs: 30 * 60_000, echoStderr: true });
}

/** `lab.sh down`: ends everything `up` started. Do not call it on a lab others are using. */
export async function labDown(): Promise<void> {
  await labSh(['down'], { timeoutMs: 5 * 60_000, echoStderr: true });
}

/**
 * `lab.sh reset`: back to the initial state (extra domains/volumes removed, guests restored and booted).
 * A development knob: VIREO_LAB_NO_RESET=1 skips it (a spec narrowed with -g on a lab other runs share).
 */
export async function labReset(): Promise<void> {
  if (process.env.VIREO_LAB_NO_RESET === '1') {
    console.log('labReset skipped (VIREO_LAB_NO_RESET=1)');
    return;
  }
  await labSh(['reset'], { timeoutMs: 5 * 60_000 });
}

/** Parses `lab.sh status` (which exits 1 when a host is unhealthy; that is not an error here). */
export async function labStatus(): Promise<LabStatus> {
  let raw: string;
  try {
    raw = (await labSh(['status'], { timeoutMs: 60_000 })).stdout;
  } catch (err) {
    if (err instanceof LabCommandError && err.code === 1) raw = err.stdout;
    else throw err;
  }
  const hosts: LabHostStatus[] = [];
  let current: LabHostStatus | undefined;
  for (const line of raw.split('\n')) {
    const h = /^host ([AB]) (\S+) (\S+):(.*)$/.exec(line);
    if (h) {
      const daemons: LabHostStatus['daemons'] = { holder: null, sshd: null, libvirtd: null };
      for (const m of (h[4] ?? '').matchAll(/(holder|sshd|libvirtd)=(\d+|DOWN)/g)) {
        const key = m[1] as keyof LabHostStatus['daemons'];
        daemons[key] = m[2] === 'DOWN' ? null : Number(m[2]);
      }
      current = {
        id: h[1] as HostId,
        name: h[2] ?? '',
        address: h[3] ?? '',
        daemons,
        healthy: Object.values(daemons).every((p) => p !== null),
        guests: [],
      };
      hosts.push(current);
      continue;
    }
    const g = /^ {2}guest (\S+) (.+)$/.exec(line);
    if (g && current) current.guests.push({ name: g[1] ?? '', state: (g[2] ?? '').trim() });
  }
  const rootUp = /^root namespace: \S+ \d/m.test(raw);
  return {
    healthy: hosts.length === 2 && hosts.every((h) => h.healthy) && rootUp,
    ready: /^ready: \//m.test(raw),
    hosts,
    raw,
  };
}

/** `virsh -c qemu:///system ...args` inside the host; returns stdout, throws with stderr. */
export async function virshOn(hostId: HostId, args: readonly string[], timeoutMs = 120_000): Promise<string> {
  return (await labSh(['virsh', hostId, ...args], { timeoutMs })).stdout;
}

/**
 * `virsh -c qemu+ssh://root@<ip>/system ...args` from the root namespace with the lab's client
 * ssh config (key + known_hosts), i.e. what an admin's laptop would run.
 */
export async function virshRemote(hostId: HostId, args: readonly string[], timeoutMs = 120_000): Promise<string> {
  const host = labHost(hostId);
  return (await labSh(['client', 'virsh', '-c', host.sshUri, ...args], { timeoutMs })).stdout;
}

/** Any command in the root namespace with the lab's client ssh config (`ssh root@10.203.0.1 true`). */
export async function labClient(cmd: readonly string[], timeoutMs = 120_000): Promise<string> {
  return (await labSh(['client', ...cmd], { timeoutMs })).stdout;
}

/**
 * Runs a shell command in the guest over its serial console (waits up to 60 s for the console
 * shell if the guest is still booting) and returns its output (stdout and stderr merged).
 * Rejects if the command exits non-zero (the error's `code` is the command's exit status) or
 * the console could not be used (code 125).
 */
export async function guestExec(hostId: HostId, domain: string, cmd: string, timeoutMs = 120_000): Promise<string> {
  return (await labSh(['guest-exec', hostId, domain, cmd], { timeoutMs })).stdout;
}

/** Current state of a domain on a host as virsh prints it ('running', 'shut off', …), or null if it is not defined there. */
export async function domainState(hostId: HostId, name: string): Promise<string | null> {
  try {
    return (await virshOn(hostId, ['domstate', name])).trim().split('\n')[0] ?? null;
  } catch (err) {
    if (err instanceof LabCommandError && /failed to get domain|Domain not found/i.test(err.stderr)) return null;
    throw err;
  }
}

/** Polls until the domain is in `state` on the host ('absent' = not defined there). */
export async function waitForDomainState(hostId: HostId, name: string, state: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  for (;;) {
    last = await domainState(hostId, name);
    if ((last ?? 'absent') === state) return;
    if (Date.now() > deadline)
      throw new Error(`domain ${name} on ${hostId}: still '${last ?? 'absent'}' after ${timeoutMs} ms (wanted '${state}')`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Defines on host A a shut-off copy of the lab's `stopped` guest named `name`, whose one disk is
 * a raw file of `bytes` random bytes in A's default pool: a source that takes a while to copy at
 * a capped rate. Returns the disk's path. Remove it with `virsh undefine` + `vol-delete`.
 */
export async function defineBigSource(name: string, bytes: number): Promise<string> {
  const lab = readLab();
  const stopped = lab.guests.stopped;
  if (!stopped) throw new Error('the lab has no guest "stopped"');
  const path = `/var/lib/libvirt/images/${name}.raw`;
  await labSh(['exec', 'A', 'sh', '-c', 'head -c "$2" /dev/urandom > "$1"', 'sh', path, String(bytes)]);
  await virshOn('A', ['pool-refresh', 'default']);
  const xml = (await virshOn('A', ['dumpxml', '--inactive', 'stopped']))
    .replace('<name>stopped</name>', `<name>${name}</name>`)
    .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
    .replace(/\s*<mac address=[^>]*\/>/, '')
    .replace(/\s*<log file=[^>]*\/>/g, '')
    .replace("type='qcow2'", "type='raw'")
    .replace(stopped.disk, path);
  const dir = mkdtempSync(join(tmpdir(), 'vireo-big-source-'));
  try {
    const file = join(dir, 'domain.xml');
    writeFileSync(file, xml);
    await virshOn('A', ['define', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return path;
}

/**
 * Makes sure the lab is up: reuses it when lab.json + READY exist and both hosts' daemons are
 * alive, else runs `lab.sh up`. Returns whether this call started it (so the caller knows
 * whether to take it down again). Used by the vitest global setup and Playwright fixtures.
 */
export async function ensureLab(): Promise<{ started: boolean; lab: Lab }> {
  const wasUp = labReady();
  if (wasUp) {
    const st = await labStatus().catch(() => null);
    if (st?.healthy) return { started: false, lab: readLab() };
  }
  process.stderr.write(
    wasUp
      ? '[lab] the lab is up but a daemon is not answering: lab.sh up repairs it\n'
      : '[lab] the lab is not up: running lab.sh up (minutes on a fresh machine)\n',
  );
  await labUp();
  // Only a run that found no lab at all owns it: one that repaired a daemon another run had
  // stopped on purpose (a fault test) must not take the whole lab down when it ends.
  return { started: !wasUp, lab: readLab() };
}
