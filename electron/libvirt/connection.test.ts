import { Duplex, PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, HostKeyRejectedError } from '../transport/ssh/errors';
import { encodeFrame, type FrameHeader, MessageType, Program, type RpcClient, splitFrames } from './client';
import { type ConnState, LibvirtConnection } from './connection';
import { ConnectionClosedError } from './errors';
import { XdrWriter } from './xdr';

/**
 * A scripted libvirtd: answers AUTH_LIST with `auth`, AUTH_POLKIT, CONNECT_OPEN, feature 10 and
 * CONNECT_GET_HOSTNAME; records every call; can hang up.
 */
class ScriptedDaemon {
  readonly calls: { proc: number; payload: Buffer }[] = [];
  private buf = Buffer.alloc(0);
  constructor(
    readonly sock: Duplex,
    private readonly auth: number[] = [0],
    private readonly hostname = 'lab-a',
  ) {
    sock.on('error', () => {});
    sock.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 4 && this.buf.length >= this.buf.readUInt32BE(0)) {
        const len = this.buf.readUInt32BE(0);
        const [f] = splitFrames(this.buf.subarray(0, len));
        this.buf = this.buf.subarray(len);
        if (f && f.header.type === MessageType.CALL) this.answer(f.header, f.payload);
      }
    });
  }
  private answer(h: FrameHeader, payload: Buffer): void {
    this.calls.push({ proc: h.proc, payload });
    const w = new XdrWriter();
    if (h.proc === 66) w.array(this.auth, (x, v) => x.int(v));
    else if (h.proc === 70) w.int(1);
    else if (h.proc === 60) w.int(1);
    else if (h.proc === 59) w.string(this.hostname);
    this.sock.write(encodeFrame({ ...h, type: MessageType.REPLY, status: 0 }, w.finish()));
  }
  hangUp(): void {
    this.sock.end();
  }
}

function duplexPair(): [Duplex, Duplex] {
  const ab = new PassThrough();
  const ba = new PassThrough();
  return [Duplex.from({ readable: ba, writable: ab }), Duplex.from({ readable: ab, writable: ba })];
}

const conns: LibvirtConnection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) await c.close();
});

/** A channel factory over fresh in-memory daemons; `fail` makes the next opens throw. */
function factory(opts: { auth?: number[] } = {}) {
  const daemons: ScriptedDaemon[] = [];
  const contexts: { reconnect: boolean; reason?: string }[] = [];
  const f = {
    daemons,
    contexts,
    failWith: null as Error | null,
    failTimes: 0,
    channel: async (ctx: { reconnect: boolean; reason?: string }): Promise<Duplex> => {
      contexts.push(ctx);
      if (f.failTimes > 0 && f.failWith) {
        f.failTimes--;
        throw f.failWith;
      }
      const [a, b] = duplexPair();
      daemons.push(new ScriptedDaemon(b, opts.auth ?? [0], `host-${daemons.length + 1}`));
      return a;
    },
  };
  return f;
}

const hostname = (rpc: RpcClient): Promise<string> => rpc.call(59, null, (r) => r.string());
const waitState = (c: LibvirtConnection, status: ConnState['status']): Promise<ConnState> =>
  new Promise((resolve) => {
    if (c.state.status === status) return resolve(c.state);
    const on = (s: ConnState): void => {
      if (s.status !== status) return;
      c.off('state', on);
      resolve(s);
    };
    c.on('state', on);
  });

describe('LibvirtConnection', () => {
  it('opens with AUTH_LIST, CONNECT_OPEN(uri, flags) and checks keepalive', async () => {
    const f = factory();
    const c = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel, readOnly: true });
    conns.push(c);
    expect(c.state).toEqual({ status: 'connected' });
    expect(f.daemons[0]?.calls.map((x) => x.proc)).toEqual([66, 1, 60]);
    const open = f.daemons[0]?.calls[1]?.payload;
    expect(
      open?.equals(
        new XdrWriter()
          .optional('qemu:///system', (w, v) => w.string(v))
          .uint(1)
          .finish(),
      ),
    ).toBe(true);
    expect(f.contexts).toEqual([{ reconnect: false }]);
    await expect(hostname(c.rpc)).resolves.toBe('host-1');
  });

  it('does AUTH_POLKIT when the daemon asks for it', async () => {
    const f = factory({ auth: [2] });
    const c = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel });
    conns.push(c);
    expect(f.daemons[0]?.calls.map((x) => x.proc)).toEqual([66, 70, 1, 60]);
  });

  it('refuses SASL clearly', async () => {
    const f = factory({ auth: [1] });
    await expect(LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel })).rejects.toThrow(
      /requires SASL authentication/,
    );
  });

  it('fails the first open without retrying', async () => {
    const f = factory();
    f.failWith = new AuthError('Authentication failed for root@10.203.0.1: the password was not accepted');
    f.failTimes = 1;
    await expect(LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel })).rejects.toThrow(
      /Authentication failed/,
    );
    expect(f.contexts).toHaveLength(1);
  });

  it('reconnects with backoff after a drop, runs the hooks, then reports connected', async () => {
    const f = factory();
    const c = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel, backoffMs: [20, 40] });
    conns.push(c);
    const states: ConnState[] = [];
    c.on('state', (s) => states.push(s));
    const hookRuns: string[] = [];
    c.onReconnected(async (rpc) => {
      hookRuns.push(await hostname(rpc)); // hooks can use the new client before 'connected'
    });
    const old = c.rpc;
    f.failWith = new Error('ssh: connect ECONNREFUSED');
    f.failTimes = 2;
    f.daemons[0]?.hangUp();
    await expect(hostname(old)).rejects.toBeInstanceOf(ConnectionClosedError); // fail fast while down
    await waitState(c, 'connected');
    expect(states.map((s) => s.status)).toEqual(['reconnecting', 'reconnecting', 'reconnecting', 'connected']);
    expect(states[0]).toEqual({ status: 'reconnecting', reason: expect.stringMatching(/^the host closed the connection/), attempt: 1 });
    expect(states[1]).toEqual({ status: 'reconnecting', reason: 'ssh: connect ECONNREFUSED', attempt: 2 });
    expect(f.contexts.slice(1).every((x) => x.reconnect)).toBe(true);
    expect(hookRuns).toEqual(['host-2']);
    expect(c.rpc).not.toBe(old);
    await expect(hostname(c.rpc)).resolves.toBe('host-2');
  });

  it('lets callers wait for the reconnect with ready()', async () => {
    const f = factory();
    const c = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel, backoffMs: [30] });
    conns.push(c);
    f.daemons[0]?.hangUp();
    await waitState(c, 'reconnecting');
    const rpc = await c.ready(2000);
    await expect(hostname(rpc)).resolves.toBe('host-2');
  });

  it('stops on errors a retry cannot fix (host key changed, auth)', async () => {
    const f = factory();
    const c = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel, backoffMs: [10] });
    conns.push(c);
    f.failWith = new HostKeyRejectedError('The host key of 10.203.0.1 is marked @revoked in known_hosts');
    f.failTimes = 10;
    f.daemons[0]?.hangUp();
    const s = await waitState(c, 'failed');
    expect(s).toEqual({
      status: 'failed',
      error: { code: 'HostKeyRejectedError', message: 'The host key of 10.203.0.1 is marked @revoked in known_hosts' },
    });
    await expect(c.ready(100)).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('does not reconnect when told not to, nor after close()', async () => {
    const f = factory();
    const c = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: f.channel, reconnect: false });
    f.daemons[0]?.hangUp();
    expect((await waitState(c, 'failed')).status).toBe('failed');

    const g = factory();
    const d = await LibvirtConnection.open({ label: 'hostA', uri: 'qemu:///system', channel: g.channel, backoffMs: [10] });
    await d.close();
    expect(d.state).toEqual({ status: 'closed' });
    expect(g.daemons[0]?.calls.map((x) => x.proc)).toEqual([66, 1, 60, 2]); // CONNECT_CLOSE sent
    await new Promise((r) => setTimeout(r, 50));
    expect(g.contexts).toHaveLength(1);
  });

  it('detects a silent daemon by keepalive and reconnects', async () => {
    const f = factory();
    const c = await LibvirtConnection.open({
      label: 'hostA',
      uri: 'qemu:///system',
      channel: f.channel,
      keepaliveIntervalMs: 30,
      keepaliveCount: 2,
      backoffMs: [10],
    });
    conns.push(c);
    const dead = new Promise<void>((r) => c.rpc.once('dead', () => r()));
    // The scripted daemon never answers PINGs: the link looks dead after ~60 ms.
    await dead;
    const s = await waitState(c, 'connected');
    expect(s.status).toBe('connected');
    expect(f.contexts[1]).toMatchObject({ reconnect: true, reason: expect.stringMatching(/keepalive timeout/) });
    expect(Program.KEEPALIVE).toBe(0x6b656570);
  });
});
