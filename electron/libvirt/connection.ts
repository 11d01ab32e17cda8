// One libvirt connection to a host, kept alive: opens (AUTH_LIST, AUTH_POLKIT when asked,
// CONNECT_OPEN, keepalive when the daemon supports it) and, when the link dies after having
// worked, reconnects on its own with backoff and runs the onReconnected hooks so that wrappers
// re-register their event callbacks (callback ids do not survive a reconnect).
//
// Calls during a reconnect: `conn.rpc` is the client of the dead link until a new one is up, so
// a call made meanwhile fails at once with ConnectionClosedError (its message names the host and
// why the link dropped). Callers who would rather wait use `await conn.ready(timeoutMs)`, which
// resolves with the next live RpcClient. We chose failing fast: a UI action gets an immediate,
// clear error and the host's state shows 'reconnecting'; a stale queued action is worse.

import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { Program, RpcClient, type RpcClientOptions } from './client';
import { ConnectionClosedError, classify, isLibvirtError, LibvirtError, TimeoutError } from './errors';
import * as P from './gen/remote_protocol.gen';
import { RemoteAuthType } from './gen/remote_protocol.gen';
import { callRemote } from './remote';

export type ConnState =
  | { status: 'connecting' }
  | { status: 'connected' }
  | { status: 'reconnecting'; reason: string; attempt: number }
  | { status: 'failed'; error: { code: string; message: string } }
  | { status: 'closed' };

/** What the channel factory is told: a first open, or a reconnect after `reason`. */
export interface ChannelContext {
  reconnect: boolean;
  reason?: string;
}

export interface LibvirtConnectionOptions {
  /** The host's name as the admin knows it (messages, timeouts). */
  label: string;
  /** The URI given to CONNECT_OPEN: 'qemu:///system', 'test:///path/to.xml'. */
  uri: string;
  /**
   * Makes a fresh byte stream to the daemon (an SSH exec channel or a unix socket). On a
   * reconnect it must make a new SSH session when the old one died (see SshLink.libvirtChannel).
   */
  channel: (ctx: ChannelContext) => Promise<Duplex>;
  readOnly?: boolean;
  /** Default true. */
  reconnect?: boolean;
  keepaliveIntervalMs?: number;
  keepaliveCount?: number;
  defaultTimeoutMs?: number;
  /** Deadline for each handshake call (AUTH_LIST …). Default 15 s. */
  openTimeoutMs?: number;
  /** Delays between reconnect attempts; the last repeats. Default 0.5, 1, 2, 4, 8, 10 s. */
  backoffMs?: readonly number[];
  /** Passed to each RpcClient: sees every frame (debugging). */
  trace?: RpcClientOptions['trace'];
}

const FEATURE_PROGRAM_KEEPALIVE = 10;
const CONNECT_RO = 1;
const DEFAULT_BACKOFF = [500, 1_000, 2_000, 4_000, 8_000, 10_000] as const;

/** Errors a retry cannot fix (ssh auth, host key): stop reconnecting and show them. */
const isFatal = (err: unknown): boolean => ['auth', 'host-key'].includes(classify(err).kind);

export interface LibvirtConnectionEvents {
  state: [s: ConnState];
  /** An onReconnected hook threw; the connection itself is fine. */
  hookError: [err: Error];
}

export class LibvirtConnection extends EventEmitter<LibvirtConnectionEvents> {
  readonly label: string;
  private readonly opts: LibvirtConnectionOptions;
  private client: RpcClient | null = null;
  private st: ConnState = { status: 'connecting' };
  private readonly hooks = new Set<(rpc: RpcClient) => Promise<void>>();
  private retryTimer: NodeJS.Timeout | null = null;
  private closing = false;

  private constructor(opts: LibvirtConnectionOptions) {
    super();
    this.opts = opts;
    this.label = opts.label;
  }

  /** Opens and handshakes; rejects (state 'failed') if the first attempt fails: no retry then. */
  static async open(opts: LibvirtConnectionOptions): Promise<LibvirtConnection> {
    const c = new LibvirtConnection(opts);
    try {
      c.adopt(await c.handshake({ reconnect: false }));
    } catch (err) {
      c.setState({ status: 'failed', error: errorInfo(err) });
      throw err;
    }
    c.setState({ status: 'connected' });
    return c;
  }

  /** The current RPC client. During a reconnect: the dead one (calls fail fast, see above). */
  get rpc(): RpcClient {
    if (!this.client) throw new ConnectionClosedError(this.label, new Error('not connected'));
    return this.client;
  }

  get state(): ConnState {
    return this.st;
  }

  /** Runs after every successful reconnect, in order, before the state turns 'connected'. */
  onReconnected(fn: (rpc: RpcClient) => Promise<void>): () => void {
    this.hooks.add(fn);
    return () => void this.hooks.delete(fn);
  }

  /** Resolves with a live client: now, or after the reconnect in progress (bounded). */
  ready(timeoutMs = 30_000): Promise<RpcClient> {
    if (this.st.status === 'connected' && this.client?.isOpen) return Promise.resolve(this.client);
    if (this.st.status === 'closed' || this.st.status === 'failed') {
      return Promise.reject(
        new ConnectionClosedError(this.label, new Error(this.st.status === 'failed' ? this.st.error.message : 'closed')),
      );
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('state', onState);
        reject(new TimeoutError(this.label, 0, Program.REMOTE, timeoutMs, 'reconnection'));
      }, timeoutMs);
      const onState = (s: ConnState): void => {
        if (s.status === 'connected' && this.client) {
          clearTimeout(timer);
          this.off('state', onState);
          resolve(this.client);
        } else if (s.status === 'closed' || s.status === 'failed') {
          clearTimeout(timer);
          this.off('state', onState);
          reject(new ConnectionClosedError(this.label, new Error(s.status === 'failed' ? s.error.message : 'closed')));
        }
      };
      this.on('state', onState);
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const c = this.client;
    if (c?.isOpen) await c.close();
    this.setState({ status: 'closed' });
  }

  private setState(s: ConnState): void {
    this.st = s;
    this.emit('state', s);
  }

  private adopt(rpc: RpcClient): void {
    this.client = rpc;
    rpc.once('close', (err?: Error) => {
      if (this.client !== rpc || this.closing) return;
      if (!err) {
        // Closed without an error but not by us: treat as a drop as well.
        err = new Error('the connection was closed');
      }
      if (this.opts.reconnect === false) {
        this.setState({ status: 'failed', error: errorInfo(err) });
        return;
      }
      this.scheduleReconnect(1, err.message);
    });
  }

  private scheduleReconnect(attempt: number, reason: string): void {
    if (this.closing) return;
    this.setState({ status: 'reconnecting', reason, attempt });
    const backoff = this.opts.backoffMs ?? DEFAULT_BACKOFF;
    const delay = backoff[Math.min(attempt - 1, backoff.length - 1)] ?? 10_000;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.reconnectOnce(attempt, reason);
    }, delay);
  }

  private async reconnectOnce(attempt: number, reason: string): Promise<void> {
    let rpc: RpcClient;
    try {
      rpc = await this.handshake({ reconnect: true, reason });
    } catch (err) {
      if (this.closing) return;
      const e = err as Error;
      if (isFatal(err)) {
        this.setState({ status: 'failed', error: errorInfo(e) });
        return;
      }
      this.scheduleReconnect(attempt + 1, e.message);
      return;
    }
    if (this.closing) {
      await rpc.close();
      return;
    }
    this.adopt(rpc);
    for (const hook of [...this.hooks]) {
      if (!rpc.isOpen) return; // dropped again: the close handler has scheduled the next attempt
      try {
        await hook(rpc);
      } catch (err) {
        this.emit('hookError', err as Error);
      }
    }
    if (rpc.isOpen && this.client === rpc && !this.closing) this.setState({ status: 'connected' });
  }

  private async handshake(ctx: ChannelContext): Promise<RpcClient> {
    const o = this.opts;
    const stream = await o.channel(ctx);
    const rpcOpts: RpcClientOptions = { label: o.label };
    if (o.trace) rpcOpts.trace = o.trace;
    if (o.keepaliveIntervalMs !== undefined) rpcOpts.keepaliveIntervalMs = o.keepaliveIntervalMs;
    if (o.keepaliveCount !== undefined) rpcOpts.keepaliveCount = o.keepaliveCount;
    if (o.defaultTimeoutMs !== undefined) rpcOpts.defaultTimeoutMs = o.defaultTimeoutMs;
    const rpc = new RpcClient(stream, rpcOpts);
    const call = { timeoutMs: o.openTimeoutMs ?? 15_000 };
    try {
      const { types } = await callRemote(rpc, P.AUTH_LIST, null, call);
      // libvirt's client uses the first type the daemon lists.
      const auth = types[0] ?? RemoteAuthType.REMOTE_AUTH_NONE;
      if (auth === RemoteAuthType.REMOTE_AUTH_POLKIT) {
        await callRemote(rpc, P.AUTH_POLKIT, null, call);
      } else if (auth !== RemoteAuthType.REMOTE_AUTH_NONE) {
        throw new LibvirtError({
          code: 45, // AUTH_FAILED
          domain: 0,
          level: 2,
          int1: 0,
          int2: 0,
          message: `${o.label}: the libvirt daemon requires ${auth === RemoteAuthType.REMOTE_AUTH_SASL ? 'SASL' : `auth type ${auth}`} authentication, which Vireo does not support; connect as a user allowed by polkit or root`,
        });
      }
      await callRemote(rpc, P.CONNECT_OPEN, { name: o.uri, flags: o.readOnly ? CONNECT_RO : 0 }, call);
      const { supported } = await callRemote(rpc, P.CONNECT_SUPPORTS_FEATURE, { feature: FEATURE_PROGRAM_KEEPALIVE }, call);
      if (supported === 1) rpc.startKeepalive();
      return rpc;
    } catch (err) {
      if (rpc.isOpen) void rpc.close();
      throw err;
    }
  }
}

function errorInfo(err: unknown): { code: string; message: string } {
  if (isLibvirtError(err)) return { code: `libvirt.${err.codeName ?? err.code}`, message: err.message };
  if (err instanceof Error) return { code: err.name, message: err.message };
  return { code: 'Error', message: String(err) };
}
