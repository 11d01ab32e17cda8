// One SSH session per host (ssh2), shared by everything that talks to that host: libvirt
// channels (exec of virt-ssh-helper or nc), TCP forwards for VNC, commands. Host keys are
// checked against OpenSSH known_hosts; ~/.ssh/config is honoured for the common keywords;
// passwords and keyboard-interactive prompts go through the caller's onPrompt (never an askpass).
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import type {
  AnyAuthMethod,
  AuthenticationType,
  AuthHandlerMiddleware,
  ClientChannel,
  ConnectConfig,
  HostVerifier,
  ParsedKey,
  Prompt,
  ServerHostKeyAlgorithm,
} from 'ssh2';
import ssh2 from 'ssh2';
import { appendKnownHost, checkHostKey, fingerprintOf, keyTypeOf, knownKeyTypes, readKnownHosts } from './known-hosts';
import { AuthError, HostKeyMismatchError, HostKeyRejectedError, SshError } from './ssh/errors';

export { AuthError, HostKeyMismatchError, HostKeyRejectedError, SshError } from './ssh/errors';

const { Client, utils } = ssh2;
type Ssh2Client = InstanceType<typeof Client>;

// ---------------------------------------------------------------------------------------------
// Public types

export type SshAuth = { kind: 'agent' } | { kind: 'key'; path: string; passphrase?: string } | { kind: 'password'; password?: string };

export interface SshTarget {
  /** A host name, an address or a ~/.ssh/config alias. */
  host: string;
  port?: number;
  user?: string;
  auth: SshAuth;
  /** `[user@]host[:port]`, comma-separated for a chain, or 'none'; overrides ProxyJump from ssh config. */
  proxyJump?: string;
}

export interface HostKeyInfo {
  host: string;
  port: number;
  keyType: string;
  /** 'SHA256:…' as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

export interface HostKeyPolicy {
  /** OpenSSH known_hosts; hashed entries supported. Trusted new keys are appended here. */
  knownHostsPath: string;
  /** A host not on file: true = trust and append, false = refuse. */
  onUnknown: (info: HostKeyInfo) => Promise<boolean>;
}

/**
 * The SSH server a prompt comes from: its answer is sent there (a key passphrase only unlocks a
 * local key, to log in there). 'jump' = a ProxyJump hop on the way to the target, which must
 * never get the target's saved password.
 */
export interface PromptHost {
  role: 'target' | 'jump';
  /** After ~/.ssh/config (HostName), as connected to. */
  host: string;
  port: number;
  user: string;
}

export interface PromptRequest {
  /** password: the account's password; passphrase: a local key's; keyboard-interactive: the server's own questions. */
  kind: 'password' | 'passphrase' | 'keyboard-interactive';
  for: PromptHost;
  prompts: { prompt: string; echo: boolean }[];
}

export interface SshConnectOptions {
  hostKeys: HostKeyPolicy;
  /** Answers for password / keyboard-interactive / key passphrase prompts; null = cancel. */
  onPrompt?: (p: PromptRequest) => Promise<string[] | null>;
  /** SSH-level keepalive; the session is declared dead after 3 unanswered. Default 5 s. */
  keepaliveIntervalMs?: number;
  /** Handshake + authentication deadline. Default 20 s. */
  readyTimeoutMs?: number;
  /** Default ~/.ssh/config; a missing file is fine. */
  sshConfigPath?: string;
  /** How long to wait for the server to open a channel (exec, forward). Default 10 s. */
  channelTimeoutMs?: number;
  /** The most stdout (and, separately, stderr) `run` collects before it stops the command. Default 8 MiB. */
  maxRunOutputBytes?: number;
}

// ---------------------------------------------------------------------------------------------
// Shell quoting: every argument becomes exactly one word for the remote shell.

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new SshError('a NUL byte cannot be passed in a remote command');
  if (SAFE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function shellJoin(argv: readonly string[]): string {
  if (argv.length === 0) throw new SshError('empty remote command');
  return argv.map(shellQuote).join(' ');
}

/**
 * sshd runs an exec request through the account's login shell (`$SHELL -c <command>`), and
 * fish, csh or zsh do not read POSIX quoting the way sh does: under fish `'a\';echo X;#'` runs
 * `echo`. So the command string sshd gets is always this fixed text, which sh, bash, dash, zsh,
 * fish, csh and tcsh all read alike (one single-quoted word without `\`, `'`, `!` or a newline,
 * then plain words); the POSIX-quoted argv travels as its one argument, in base64
 * ([A-Za-z0-9+/=], nothing any shell expands), and /bin/sh decodes and runs it.
 */
const REMOTE_SH_PREFIX = `exec /bin/sh -c 'eval "$(printf %s "$1" | base64 -d)"' sh `;
/** One argument may be at most 128 KiB on Linux (MAX_ARG_STRLEN); the login shell gets the whole string as one. */
const MAX_REMOTE_COMMAND = 120 * 1024;

/** The exec request for argv: runs argv[0] (a program, found in PATH) with the arguments byte for byte, whatever the login shell. */
export function remoteCommand(argv: readonly string[]): string {
  const encoded = Buffer.from(`exec ${shellJoin(argv)}`, 'utf8').toString('base64');
  const cmd = REMOTE_SH_PREFIX + encoded;
  if (cmd.length > MAX_REMOTE_COMMAND)
    throw new SshError(
      `the remote command ${describeCommand(argv)} is too long (${cmd.length} bytes encoded, at most ${MAX_REMOTE_COMMAND})`,
    );
  return cmd;
}

/** argv for messages: quoted as sh would take it, shortened. */
function describeCommand(argv: readonly string[]): string {
  const s = argv.map((a) => (a.includes('\0') ? JSON.stringify(a) : shellQuote(a))).join(' ');
  return `\`${s.length > 200 ? `${s.slice(0, 200)}…` : s}\``;
}

// ---------------------------------------------------------------------------------------------
// ~/.ssh/config: Host blocks with the keywords Vireo uses. First value wins, as in ssh.

export interface SshConfigBlock {
  patterns: string[];
  options: Map<string, string[]>;
}

export interface ResolvedSshConfig {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  proxyJump?: string;
}

export function parseSshConfig(text: string): SshConfigBlock[] {
  // Lines before the first Host apply to every host.
  const blocks: SshConfigBlock[] = [{ patterns: ['*'], options: new Map() }];
  let skipping = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const args = splitConfigArgs(m[2] ?? '');
    if (key === 'host') {
      blocks.push({ patterns: args, options: new Map() });
      skipping = false;
      continue;
    }
    if (key === 'match') {
      skipping = true; // Match conditions are not evaluated: its options are ignored
      continue;
    }
    if (skipping) continue;
    const block = blocks[blocks.length - 1];
    if (!block) continue;
    const list = block.options.get(key) ?? [];
    list.push(args.join(' '));
    block.options.set(key, list);
  }
  return blocks;
}

function splitConfigArgs(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

function patternMatches(patterns: string[], host: string): boolean {
  let matched = false;
  for (const pat of patterns) {
    const neg = pat.startsWith('!');
    const p = neg ? pat.slice(1) : pat;
    const re = new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
    if (re.test(host)) {
      if (neg) return false;
      matched = true;
    }
  }
  return matched;
}

export function resolveSshConfig(blocks: readonly SshConfigBlock[], alias: string, localUser = safeUserName()): ResolvedSshConfig {
  const first = new Map<string, string>();
  const identityFiles: string[] = [];
  for (const b of blocks) {
    if (!patternMatches(b.patterns, alias)) continue;
    for (const [k, vals] of b.options) {
      if (k === 'identityfile') identityFiles.push(...vals);
      else if (!first.has(k) && vals[0] !== undefined) first.set(k, vals[0]);
    }
  }
  const out: ResolvedSshConfig = { identityFiles: [] };
  const hostName = first.get('hostname');
  if (hostName) out.hostName = hostName.replace(/%h/g, alias);
  const user = first.get('user');
  if (user) out.user = user;
  const port = Number(first.get('port'));
  if (Number.isInteger(port) && port > 0 && port < 65536) out.port = port;
  const pj = first.get('proxyjump');
  if (pj && pj.toLowerCase() !== 'none') out.proxyJump = pj;
  const h = out.hostName ?? alias;
  const r = out.user ?? localUser;
  out.identityFiles = identityFiles
    .filter((f) => f.toLowerCase() !== 'none')
    .map((f) =>
      f
        .replace(/^~(?=\/|$)/, homedir())
        .replace(/%d/g, homedir())
        .replace(/%u/g, localUser)
        .replace(/%r/g, r)
        .replace(/%h/g, h)
        .replace(/%%/g, '%'),
    );
  return out;
}

async function loadSshConfig(path: string | undefined): Promise<SshConfigBlock[]> {
  try {
    return parseSshConfig(await readFile(path ?? `${homedir()}/.ssh/config`, 'utf8'));
  } catch {
    return []; // no config is the common case
  }
}

/** `[user@]host[:port]` (or `[host]:port` for IPv6). */
export function parseJumpSpec(spec: string): { user?: string; host: string; port?: number } {
  let s = spec.trim().replace(/^ssh:\/\//, '');
  let user: string | undefined;
  const at = s.lastIndexOf('@');
  if (at >= 0) {
    user = s.slice(0, at);
    s = s.slice(at + 1);
  }
  let host = s;
  let port: number | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  const v4 = /^([^:]+):(\d+)$/.exec(s);
  if (v6) {
    host = v6[1] ?? s;
    if (v6[2]) port = Number(v6[2]);
  } else if (v4) {
    host = v4[1] ?? s;
    port = Number(v4[2]);
  }
  if (!host) throw new SshError(`bad ProxyJump host: ${spec}`);
  const out: { user?: string; host: string; port?: number } = { host };
  if (user) out.user = user;
  if (port !== undefined) out.port = port;
  return out;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'root';
  }
}

// ---------------------------------------------------------------------------------------------
// Host key algorithms: the types we already know for a host first, so a host with several keys
// presents the one on file (as OpenSSH does) and "unknown type" really means "changed".

const ALGOS_FOR_TYPE: Record<string, ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  // An RSA key signs with SHA-2 only: 'ssh-rsa' as an algorithm means SHA-1 signatures, which
  // OpenSSH stopped accepting in 8.8.
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256'],
};
const DEFAULT_HOST_KEY_ALGOS: ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];

/** The host key algorithms offered, most wanted first; never SHA-1 ('ssh-rsa') or DSA. */
export function preferredHostKeyAlgorithms(knownTypes: readonly string[]): ServerHostKeyAlgorithm[] {
  const first = knownTypes.flatMap((t) => ALGOS_FOR_TYPE[t] ?? []);
  return [...new Set([...first, ...DEFAULT_HOST_KEY_ALGOS])];
}

// ---------------------------------------------------------------------------------------------

/**
 * libvirt's own proxy choice, in one remote command (a separate probe would cost a round trip
 * of ~100 ms per session): virt-ssh-helper when present, else nc (-q0 where that nc needs it).
 * The URI and socket path arrive as positional parameters, never spliced into the script.
 */
const PROXY_SCRIPT =
  'if command -v virt-ssh-helper >/dev/null 2>&1; then exec virt-ssh-helper "$1"; ' +
  'elif nc -q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then exec nc -q0 -U "$2"; else exec nc -U "$2"; fi';

const URI_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9._~/?=&%:@+,-]*$/;

export interface SshSessionEvents {
  /** The SSH connection is gone; `err` says why when it was not our close(). */
  close: [err?: Error];
}

export class SshSession extends EventEmitter<SshSessionEvents> {
  /** `user@host` (plus `:port` when not 22), for messages. */
  readonly label: string;
  private readonly client: Ssh2Client;
  private hostFingerprint = '';
  private ended = false;
  private lastError: Error | undefined;
  private readonly channelTimeoutMs: number;
  /** The jump session this one tunnels through; closed with us. */
  private jump: SshSession | null = null;

  private constructor(
    client: Ssh2Client,
    label: string,
    channelTimeoutMs: number,
    private readonly maxRunOutputBytes: number,
  ) {
    super();
    this.client = client;
    this.label = label;
    this.channelTimeoutMs = channelTimeoutMs;
  }

  static connect(target: SshTarget, opts: SshConnectOptions): Promise<SshSession> {
    return SshSession.connectHop(target, opts, 'target');
  }

  /** One hop: the target, or a jump host on the way (its prompts say so). */
  private static async connectHop(target: SshTarget, opts: SshConnectOptions, role: PromptHost['role']): Promise<SshSession> {
    const cfg = resolveSshConfig(await loadSshConfig(opts.sshConfigPath), target.host);
    const host = cfg.hostName ?? target.host;
    const port = target.port ?? cfg.port ?? 22;
    const user = target.user ?? cfg.user ?? safeUserName();
    const label = `${user}@${host}${port === 22 ? '' : `:${port}`}`;
    const spec = target.proxyJump ?? cfg.proxyJump;
    const jumpSpec = spec && spec.toLowerCase() !== 'none' ? spec : undefined;

    let jump: SshSession | null = null;
    let sock: Duplex | undefined;
    if (jumpSpec) {
      // A chain a,b reaches b through a, then the target through b.
      const hops = jumpSpec
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const last = parseJumpSpec(hops[hops.length - 1] ?? '');
      const jumpTarget: SshTarget = {
        host: last.host,
        // A password is specific to the target; the jump host gets asked for its own.
        auth: target.auth.kind === 'password' ? { kind: 'password' } : target.auth,
      };
      if (last.port !== undefined) jumpTarget.port = last.port;
      if (last.user !== undefined) jumpTarget.user = last.user;
      // The earlier hops, or 'none' so a `Host *` ProxyJump in the config cannot loop.
      jumpTarget.proxyJump = hops.length > 1 ? hops.slice(0, -1).join(',') : 'none';
      jump = await SshSession.connectHop(jumpTarget, opts, 'jump');
      try {
        sock = await jump.forwardOut(host, port);
      } catch (err) {
        jump.close();
        throw err;
      }
    }

    const entries = await readKnownHosts(opts.hostKeys.knownHostsPath);
    let hostKeyFailure: Error | null = null;
    let presented = '';
    const hostVerifier: HostVerifier = (key, verify) => {
      const keyType = keyTypeOf(key);
      presented = fingerprintOf(key);
      const verdict = checkHostKey(entries, host, port, key);
      if (verdict.status === 'known') return verify(true);
      if (verdict.status === 'revoked') {
        hostKeyFailure = new HostKeyRejectedError(`The host key of ${label} (${presented}) is marked @revoked in known_hosts`);
        return verify(false);
      }
      if (verdict.status === 'mismatch') {
        hostKeyFailure = new HostKeyMismatchError(
          host,
          port,
          verdict.expected.map((e) => `${e.keyType} ${e.fingerprint}`),
          `${keyType} ${presented}`,
        );
        return verify(false);
      }
      opts.hostKeys
        .onUnknown({ host, port, keyType, fingerprint: presented })
        .then(async (trust) => {
          if (!trust) {
            hostKeyFailure = new HostKeyRejectedError(`The host key of ${label} (${keyType} ${presented}) was not trusted`);
            return verify(false);
          }
          await appendKnownHost(opts.hostKeys.knownHostsPath, host, port, key);
          verify(true);
        })
        .catch((err: unknown) => {
          hostKeyFailure = err instanceof Error ? err : new HostKeyRejectedError(String(err));
          verify(false);
        });
    };

    const auth = await buildAuth(target.auth, cfg.identityFiles, { role, host, port, user }, label, opts.onPrompt);
    const client = new Client();
    const session = new SshSession(client, label, opts.channelTimeoutMs ?? 10_000, opts.maxRunOutputBytes ?? 8 * 1024 * 1024);
    session.jump = jump;

    const config: ConnectConfig = {
      host,
      port,
      username: user,
      hostVerifier,
      authHandler: auth.handler,
      keepaliveInterval: opts.keepaliveIntervalMs ?? 5_000,
      keepaliveCountMax: 3,
      readyTimeout: opts.readyTimeoutMs ?? 20_000,
      algorithms: { serverHostKey: preferredHostKeyAlgorithms(knownKeyTypes(entries, host, port)) },
    };
    if (sock) config.sock = sock;

    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        client.end();
        jump?.close();
        reject(err);
      };
      client.once('ready', () => {
        if (settled) return;
        settled = true;
        // RPC is many small request/reply frames: Nagle + delayed ACK would add ~40 ms to each.
        client.setNoDelay(true);
        resolve();
      });
      client.on('error', (err: Error & { level?: string }) => {
        if (!settled) {
          if (hostKeyFailure) return fail(hostKeyFailure);
          if (auth.cancelled()) return fail(new AuthError(`Authentication cancelled for ${label}`, true));
          if (err.level === 'client-authentication') return fail(new AuthError(`Authentication failed for ${label}: ${auth.explain()}`));
          if (err.level === 'client-timeout')
            return fail(new SshError(`${label}: no SSH handshake within ${Math.round((opts.readyTimeoutMs ?? 20_000) / 1000)} s`));
          return fail(new SshError(`Cannot connect to ${label}: ${err.message}`));
        }
        session.lastError = err;
      });
      client.on('close', () => {
        if (!settled) fail(hostKeyFailure ?? new SshError(`Cannot connect to ${label}: connection closed during the handshake`));
        else session.onClientClose();
      });
      client.connect(config);
    });
    session.hostFingerprint = presented;
    jump?.once('close', (err) => {
      session.lastError ??= new SshError(`${label}: the jump host ${jump.label} disconnected${err ? `: ${err.message}` : ''}`);
      session.close();
    });
    return session;
  }

  /** The SHA256 fingerprint of the host key this session verified. */
  get fingerprint(): string {
    return this.hostFingerprint;
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** True once the SSH connection is gone (then make a new session). */
  get closed(): boolean {
    return this.ended;
  }

  /** The local end of the TCP connection (undefined through a jump host); for diagnostics. */
  get localPort(): number | undefined {
    const sock = (this.client as unknown as { _sock?: { localPort?: number } })._sock;
    return typeof sock?.localPort === 'number' ? sock.localPort : undefined;
  }

  /** Runs argv on the host, each argument quoted as one shell word. stderr is drained. */
  exec(argv: readonly string[]): Promise<Duplex> {
    return this.execChannel(argv);
  }

  /**
   * Runs a command to completion and collects its output (probes, small files). More than
   * maxOutputBytes on stdout or on stderr (default: the session's maxRunOutputBytes) stops the
   * command and rejects, naming it.
   */
  async run(
    argv: readonly string[],
    opts: { maxOutputBytes?: number } = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const limit = opts.maxOutputBytes ?? this.maxRunOutputBytes;
    let settle: { resolve: (r: { code: number | null; stdout: string; stderr: string }) => void; reject: (e: Error) => void } | null = null;
    let outcome: { ok: { code: number | null; stdout: string; stderr: string } } | { err: Error } | null = null;
    const finish = (o: NonNullable<typeof outcome>): void => {
      if (outcome) return;
      outcome = o;
      if (settle) 'ok' in o ? settle.resolve(o.ok) : settle.reject(o.err);
    };
    // Every listener goes on as the channel opens: a quick command's output, exit status and
    // close can come in the same read as the channel itself.
    await this.execChannel(argv, (ch) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const size = { stdout: 0, stderr: 0 };
      let code: number | null = null;
      const collect = (which: 'stdout' | 'stderr', into: Buffer[]) => (d: Buffer) => {
        if (outcome) return;
        size[which] += d.length;
        if (size[which] > limit) {
          ch.destroy();
          finish({
            err: new SshError(
              `${this.label}: ${describeCommand(argv)} wrote more than ${limit} bytes to ${which}; it was stopped ` +
                '(the output is larger than expected: check the command on the host)',
            ),
          });
          return;
        }
        into.push(d);
      };
      ch.on('data', collect('stdout', out));
      ch.stderr.on('data', collect('stderr', err));
      ch.once('exit', (c: number | null) => (code = c));
      ch.on('error', (e: Error) => finish({ err: e }));
      // Decoded once at the end: a UTF-8 character split across two packets stays whole.
      ch.on('close', () =>
        finish({ ok: { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') } }),
      );
    });
    return new Promise((resolve, reject) => {
      const o = outcome as typeof outcome;
      if (!o) settle = { resolve, reject };
      else if ('ok' in o) resolve(o.ok);
      else reject(o.err);
    });
  }

  /**
   * A byte stream to the host's libvirt daemon, the way libvirt's own ssh transport does it:
   * `virt-ssh-helper <uri>` when the host has it (checked once per session), else
   * `nc -U <socket>`. The URI only picks the daemon; CONNECT_OPEN names the driver.
   */
  async openLibvirtChannel(uri: string, socketPath = '/var/run/libvirt/libvirt-sock'): Promise<Duplex> {
    if (!URI_RE.test(uri)) throw new SshError(`not a libvirt URI: ${JSON.stringify(uri)}`);
    if (!socketPath.startsWith('/')) throw new SshError(`not an absolute socket path: ${JSON.stringify(socketPath)}`);
    const argv = ['sh', '-c', PROXY_SCRIPT, 'libvirt-proxy', uri, socketPath];
    let stream: ProxyStream | undefined;
    // Made as the channel opens: a proxy that fails at once sends its exit status in the same
    // read as the channel's confirmation, and the stream must see it.
    await this.execChannel(argv, (ch, stderrTail) => {
      // The helper's own complaint ("could not proxy traffic", "failed to connect to the
      // hypervisor") is the reason the libvirt client reports, not a bare "host closed the connection".
      stream = new ProxyStream(ch, (code, signal) => {
        const detail = stderrTail().trim();
        return new SshError(
          `${this.label}: the libvirt proxy (virt-ssh-helper or nc) ${code === null ? `killed by ${signal ?? 'a signal'}` : `exited with status ${code}`}` +
            (detail ? `: ${detail}` : ''),
        );
      });
    });
    if (!stream) throw new SshError(`${this.label}: the libvirt proxy channel did not open`);
    return stream;
  }

  /** A direct-tcpip channel to host:port as seen from the SSH server (VNC, jump hosts). */
  forwardOut(host: string, port: number): Promise<Duplex> {
    return this.withChannelTimeout(`a connection to ${host}:${port}`, (cb) => this.client.forwardOut('127.0.0.1', 0, host, port, cb));
  }

  /** A direct-streamlocal channel to a unix socket on the host (a VNC display listening on a socket). */
  forwardOutStreamLocal(socketPath: string): Promise<Duplex> {
    if (!socketPath.startsWith('/')) return Promise.reject(new SshError(`not an absolute socket path: ${JSON.stringify(socketPath)}`));
    return this.withChannelTimeout(`a connection to ${socketPath}`, (cb) => this.client.openssh_forwardOutStreamLocal(socketPath, cb));
  }

  close(): void {
    if (this.ended) return;
    this.client.end();
    // A session that cannot even say goodbye (dead link) is torn down without waiting.
    const t = setTimeout(() => this.client.destroy(), 2_000);
    t.unref();
  }

  private onClientClose(): void {
    if (this.ended) return;
    this.ended = true;
    this.jump?.close();
    this.emit('close', this.lastError);
  }

  /**
   * `onOpen` runs as soon as the channel exists, before any of its messages are handled: a fast
   * command's output, exit status and close can arrive in the same read as the channel's
   * confirmation, and ssh2 emits 'exit' right then, before an awaiting caller could listen.
   */
  private async execChannel(
    argv: readonly string[],
    onOpen?: (ch: ClientChannel, stderrTail: () => string) => void,
  ): Promise<ClientChannel & { stderrTail: () => string }> {
    const cmd = remoteCommand(argv);
    let tail = '';
    const stderrTail = (): string => tail;
    const ch = await this.withChannelTimeout(
      `${argv[0] ?? 'command'}`,
      (cb) => this.client.exec(cmd, cb),
      (opened) => {
        // Drain stderr (an unread stderr would stall the channel's window) and keep its end for messages.
        opened.stderr.on('data', (d: Buffer) => {
          tail = (tail + d.toString('utf8')).slice(-2048);
        });
        onOpen?.(opened, stderrTail);
      },
    );
    return Object.assign(ch, { stderrTail });
  }

  private withChannelTimeout(
    what: string,
    open: (cb: (err: Error | undefined, ch: ClientChannel) => void) => void,
    onOpen?: (ch: ClientChannel) => void,
  ): Promise<ClientChannel> {
    if (this.ended) return Promise.reject(new SshError(`${this.label}: the SSH session is closed`));
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new SshError(`${this.label}: the SSH server did not open ${what} within ${this.channelTimeoutMs / 1000} s`));
      }, this.channelTimeoutMs);
      timer.unref();
      try {
        open((err, ch) => {
          clearTimeout(timer);
          if (done) {
            ch?.destroy(); // too late: we already gave up on it
            return;
          }
          done = true;
          if (err) return reject(new SshError(`${this.label}: cannot open ${what}: ${err.message}`));
          onOpen?.(ch);
          resolve(ch);
        });
      } catch (err) {
        clearTimeout(timer);
        done = true;
        reject(new SshError(`${this.label}: cannot open ${what}: ${(err as Error).message}`));
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Authentication: one attempt per configured method, in order, skipping what the server refuses.

interface AuthPlan {
  handler: AuthHandlerMiddleware;
  explain: () => string;
  cancelled: () => boolean;
}

const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

async function buildAuth(
  auth: SshAuth,
  configIdentities: string[],
  server: PromptHost,
  label: string,
  onPrompt: SshConnectOptions['onPrompt'],
): Promise<AuthPlan> {
  const user = server.user;
  const whose = server.role === 'jump' ? `the jump host ${label}` : label;
  let cancelled = false;
  const tried: string[] = [];
  const notes: string[] = [];
  let serverMethods: AuthenticationType[] | null = null;
  const steps: { type: AuthenticationType; describe: string; make: () => Promise<AnyAuthMethod | null> }[] = [];

  const ask = async (req: Omit<PromptRequest, 'for'>): Promise<string[] | null> => {
    if (!onPrompt) return null;
    const answers = await onPrompt({ ...req, for: { ...server } });
    if (answers === null) cancelled = true;
    return answers;
  };

  const keyStep = (path: string, passphrase: string | undefined, explicit: boolean): void => {
    steps.push({
      type: 'publickey',
      describe: `key ${path}`,
      make: async () => {
        let data: Buffer;
        try {
          data = await readFile(path);
        } catch (err) {
          if (explicit)
            throw new AuthError(`cannot read the key ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
          return null;
        }
        let key = utils.parseKey(data, passphrase);
        if (key instanceof Error && /passphrase/i.test(key.message) && passphrase === undefined) {
          const a = await ask({
            kind: 'passphrase',
            prompts: [{ prompt: `Passphrase for ${path} (to log in to ${whose}):`, echo: false }],
          });
          if (!a) return null;
          key = utils.parseKey(data, a[0] ?? '');
        }
        if (key instanceof Error) {
          if (explicit) throw new AuthError(`cannot use the key ${path}: ${key.message}`);
          return null;
        }
        const parsed: ParsedKey = Array.isArray(key) ? (key[0] as ParsedKey) : key;
        return { type: 'publickey', username: user, key: parsed };
      },
    });
  };

  if (auth.kind === 'agent') {
    steps.push({
      type: 'agent',
      describe: 'the keys in ssh-agent',
      make: async () => {
        const sock = process.env.SSH_AUTH_SOCK;
        if (!sock) notes.push('no ssh-agent is running (SSH_AUTH_SOCK is not set)');
        return sock ? { type: 'agent', username: user, agent: sock } : null;
      },
    });
    // Like ssh: the configured IdentityFiles, else the default key files (missing ones skipped).
    const files = configIdentities.length > 0 ? configIdentities : DEFAULT_IDENTITIES.map((f) => join(homedir(), '.ssh', f));
    for (const f of files) keyStep(f, undefined, false);
  } else if (auth.kind === 'key') {
    keyStep(auth.path, auth.passphrase, true);
  } else {
    let password = auth.password;
    const getPassword = async (): Promise<string | null> => {
      if (password !== undefined) return password;
      const a = await ask({ kind: 'password', prompts: [{ prompt: `Password for ${whose}:`, echo: false }] });
      password = a?.[0];
      return password ?? null;
    };
    steps.push({
      type: 'password',
      describe: 'the password',
      make: async () => {
        const p = await getPassword();
        return p === null ? null : { type: 'password', username: user, password: p };
      },
    });
    // Servers with PasswordAuthentication off often still take the password through PAM's
    // keyboard-interactive; use it only when plain password is not on offer (one try per password).
    steps.push({
      type: 'keyboard-interactive',
      describe: 'the password (keyboard-interactive)',
      make: async () => ({
        type: 'keyboard-interactive',
        username: user,
        prompt: (_name: string, _instr: string, _lang: string, prompts: Prompt[], finish: (answers: string[]) => void) => {
          void (async () => {
            const onlyPassword = prompts.length === 1 && prompts[0]?.echo !== true && /password/i.test(prompts[0]?.prompt ?? '');
            const answers =
              onlyPassword && (await getPassword()) !== null
                ? [password ?? '']
                : await ask({ kind: 'keyboard-interactive', prompts: prompts.map((p) => ({ prompt: p.prompt, echo: p.echo === true })) });
            finish(answers ?? []);
          })();
        },
      }),
    });
  }

  // First ask with 'none', as ssh does: the answer lists the methods the server allows, so we
  // never prompt for a password the server would not take anyway.
  steps.unshift({ type: 'none', describe: 'no authentication', make: async () => ({ type: 'none', username: user }) });

  let i = 0;
  const handler: AuthPlan['handler'] = (methodsLeft: AuthenticationType[] | null, _partial, nextAuth) => {
    // ssh2 takes `false` for "no more methods"; its typings only list method names.
    const next = nextAuth as (m: AnyAuthMethod | false) => void;
    if (methodsLeft) serverMethods = methodsLeft;
    void (async () => {
      while (i < steps.length && !cancelled) {
        const step = steps[i++];
        if (!step) break;
        const offered = serverMethods === null || serverMethods.includes(step.type === 'agent' ? 'publickey' : step.type);
        if (!offered) {
          if (step.type !== 'keyboard-interactive') notes.push(`the server does not allow ${step.type} logins for ${user}`);
          continue;
        }
        // keyboard-interactive is the fallback for a password only when 'password' was not offered.
        if (step.type === 'keyboard-interactive' && tried.includes('the password')) continue;
        let method: AnyAuthMethod | null;
        try {
          method = await step.make();
        } catch (err) {
          explicitError = err as Error;
          return next(false);
        }
        if (!method) continue;
        if (step.type !== 'none') tried.push(step.describe);
        return next(method);
      }
      next(false);
    })();
  };
  let explicitError: Error | null = null;

  return {
    handler,
    cancelled: () => cancelled,
    explain: () => {
      if (explicitError) return explicitError.message;
      const parts = [...new Set(notes)];
      if (tried.length > 0) parts.unshift(`${tried.join(', ')} ${tried.length === 1 ? 'was' : 'were'} not accepted`);
      if (parts.length === 0) parts.push('no usable credentials');
      const offered = serverMethods ? ` (the server accepts: ${serverMethods.join(', ')})` : '';
      return `${parts.join('; ')}${offered}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The byte stream of the libvirt proxy's exec channel. SSH sends the proxy's EOF, its exit status
 * and CHANNEL_CLOSE as separate messages, which may arrive in separate reads: this stream ends only
 * at the channel's close (ssh2 emits it after both), and fails with `failure` as soon as the exit
 * status says the proxy failed. So whether a connection ended because libvirtd went away (the proxy
 * fails) or the link did never depends on how the packets were split.
 */
export class ProxyStream extends Duplex {
  constructor(
    private readonly ch: ClientChannel,
    failure: (code: number | null, signal: string | undefined) => Error,
  ) {
    super();
    ch.on('data', (d: Buffer) => {
      if (!this.push(d)) ch.pause();
    });
    let failed = false;
    ch.on('exit', (code: number | null, signal?: string) => {
      if (code === 0 || failed) return;
      failed = true;
      // A proxy that fails at once does so before openLibvirtChannel has handed this stream to
      // its reader, and its stderr (the reason) may still be on its way in: fail on the next turn,
      // once the reader listens (the close must not end the stream first).
      setImmediate(() => this.destroy(failure(code, signal)));
    });
    ch.on('error', (err: Error) => this.destroy(err));
    ch.on('close', () => {
      if (!this.destroyed && !failed) this.push(null);
    });
  }

  override _read(): void {
    this.ch.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.ch.write(chunk, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.ch.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.ch.destroy();
    cb(err);
  }
}

/**
 * Holds the one SshSession of a host and replaces it when it died: the channel factory for
 * LibvirtConnection and the source of VNC forwards. Concurrent callers share one reconnect.
 */
export class SshLink extends EventEmitter<{ session: [s: SshSession] }> {
  private current: SshSession | null = null;
  private connecting: Promise<SshSession> | null = null;
  private closed = false;

  constructor(private readonly connect: () => Promise<SshSession>) {
    super();
  }

  /** The live session, connecting (again) when there is none. */
  session(): Promise<SshSession> {
    if (this.closed) return Promise.reject(new SshError('the host was closed'));
    if (this.current?.isOpen) return Promise.resolve(this.current);
    this.connecting ??= this.connect().then(
      (s) => {
        this.connecting = null;
        if (this.closed) {
          s.close();
          throw new SshError(`${s.label}: the host was closed`);
        }
        this.current = s;
        s.once('close', () => {
          if (this.current === s) this.current = null;
        });
        this.emit('session', s);
        return s;
      },
      (err: unknown) => {
        this.connecting = null;
        throw err;
      },
    );
    return this.connecting;
  }

  /**
   * A channel factory for LibvirtConnection.open. On a reconnect the old session may be a
   * zombie (a silently dead link that SSH keepalive has not caught yet): if it cannot open a
   * channel, it is dropped and a fresh session is made once.
   */
  libvirtChannel(uri: string, socketPath?: string): (ctx?: { reconnect: boolean }) => Promise<Duplex> {
    return async (ctx) => {
      const s = await this.session();
      try {
        return await s.openLibvirtChannel(uri, socketPath);
      } catch (err) {
        if (!ctx?.reconnect || err instanceof AuthError) throw err;
        s.close();
        if (this.current === s) this.current = null;
        const fresh = await this.session();
        return fresh.openLibvirtChannel(uri, socketPath);
      }
    };
  }

  close(): void {
    this.closed = true;
    this.current?.close();
    this.current = null;
  }
}
