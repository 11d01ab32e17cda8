// One SSH session per host (ssh2), shared by everything that talks to that host: libvirt
// channels (exec of virt-ssh-helper or nc), TCP forwards for VNC, commands. Host keys are
// checked against OpenSSH known_hosts; ~/.ssh/config is honoured for the common keywords;
// passwords and keyboard-interactive prompts go through the caller's onPrompt (never an askpass).
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { ClientChannel, ConnectConfig } from 'ssh2';
import ssh2 from 'ssh2';
import { knownKeyTypes, readKnownHosts } from '../known-hosts';
import { preferredHostKeyAlgorithms } from './algorithms';
import { buildAuth } from './auth';
import { loadSshConfig, parseJumpSpec, resolveSshConfig, safeUserName } from './config';
import { AuthError, SshError } from './errors';
import { hostKeyCheck } from './host-key';
import { libvirtProxyArgv, PROXY_FAILED, ProxyStream } from './proxy';
import { describeCommand, remoteCommand } from './quote';
import type { PromptHost, SshConnectOptions, SshTarget } from './types';

const { Client } = ssh2;
type Ssh2Client = InstanceType<typeof Client>;

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
    const hostKey = hostKeyCheck(entries, host, port, label, opts.hostKeys);

    const auth = await buildAuth(target.auth, cfg.identityFiles, { role, host, port, user }, label, opts.onPrompt);
    const client = new Client();
    const session = new SshSession(client, label, opts.channelTimeoutMs ?? 10_000, opts.maxRunOutputBytes ?? 8 * 1024 * 1024);
    session.jump = jump;

    const config: ConnectConfig = {
      host,
      port,
      username: user,
      hostVerifier: hostKey.verifier,
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
          const refused = hostKey.failure();
          if (refused) return fail(refused);
          if (auth.cancelled()) return fail(new AuthError(`Authentication cancelled for ${label}`, true));
          if (err.level === 'client-authentication') return fail(new AuthError(`Authentication failed for ${label}: ${auth.explain()}`));
          if (err.level === 'client-timeout')
            return fail(new SshError(`${label}: no SSH handshake within ${Math.round((opts.readyTimeoutMs ?? 20_000) / 1000)} s`));
          return fail(new SshError(`Cannot connect to ${label}: ${err.message}`));
        }
        session.lastError = err;
      });
      client.on('close', () => {
        if (!settled) fail(hostKey.failure() ?? new SshError(`Cannot connect to ${label}: connection closed during the handshake`));
        else session.onClientClose();
      });
      client.connect(config);
    });
    session.hostFingerprint = hostKey.presented();
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
    const argv = libvirtProxyArgv(uri, socketPath);
    let stream: ProxyStream | undefined;
    // Made as the channel opens: a proxy that fails at once sends its exit status in the same
    // read as the channel's confirmation, and the stream must see it.
    await this.execChannel(argv, (ch, stderrTail) => {
      // The helper's own complaint ("could not proxy traffic", "failed to connect to the
      // hypervisor") is the reason the libvirt client reports, not a bare "host closed the connection".
      stream = new ProxyStream(ch, (code, signal) => {
        const detail = stderrTail().trim();
        return new SshError(
          `${this.label}: ${PROXY_FAILED} ${code === null ? `killed by ${signal ?? 'a signal'}` : `exited with status ${code}`}` +
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
