import { Duplex, PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  encodeFrame,
  type FrameHeader,
  KeepaliveProc,
  type LibvirtStream,
  MessageStatus,
  MessageType,
  Program,
  RpcClient,
  STREAM_CHUNK_MAX,
  splitFrames,
} from './client';
import { ConnectionClosedError, LibvirtError, ProtocolError, TimeoutError } from './errors';
import { XdrWriter } from './xdr';

type Frame = { header: FrameHeader; payload: Buffer };

/** Two ends of an in-memory byte stream. */
function duplexPair(): [Duplex, Duplex] {
  const ab = new PassThrough();
  const ba = new PassThrough();
  return [Duplex.from({ readable: ba, writable: ab }), Duplex.from({ readable: ab, writable: ba })];
}

/** The daemon's side: records the frames the client sends and answers by hand. */
class FakeDaemon {
  readonly frames: Frame[] = [];
  private buf = Buffer.alloc(0);
  private waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private seen = 0;
  ended = false;

  constructor(readonly sock: Duplex) {
    sock.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 4 && this.buf.length >= this.buf.readUInt32BE(0)) {
        const len = this.buf.readUInt32BE(0);
        const [f] = splitFrames(this.buf.subarray(0, len));
        this.buf = this.buf.subarray(len);
        if (f) this.push(f);
      }
    });
    sock.on('end', () => (this.ended = true));
    sock.on('error', () => {});
  }

  private push(f: Frame): void {
    this.frames.push(f);
    const i = this.waiters.findIndex((w) => w.pred(f));
    if (i >= 0) {
      const [w] = this.waiters.splice(i, 1);
      w?.resolve(f);
    }
  }

  /** The next frame (after those already taken) matching pred. */
  next(pred: (f: Frame) => boolean = () => true): Promise<Frame> {
    for (let i = this.seen; i < this.frames.length; i++) {
      const f = this.frames[i];
      if (f && pred(f)) {
        this.seen = i + 1;
        return Promise.resolve(f);
      }
    }
    return new Promise((resolve) =>
      this.waiters.push({
        pred,
        resolve: (f) => {
          this.seen = this.frames.length;
          resolve(f);
        },
      }),
    );
  }

  nextCall(proc?: number): Promise<Frame> {
    return this.next((f) => f.header.type === MessageType.CALL && (proc === undefined || f.header.proc === proc));
  }

  send(h: Partial<FrameHeader>, payload: Uint8Array = Buffer.alloc(0)): void {
    this.sock.write(
      encodeFrame(
        { program: Program.REMOTE, version: 1, proc: 0, type: MessageType.REPLY, serial: 0, status: MessageStatus.OK, ...h },
        payload,
      ),
    );
  }

  reply(call: Frame, payload: Uint8Array = Buffer.alloc(0), status: number = MessageStatus.OK): void {
    this.send({ ...call.header, type: MessageType.REPLY, status }, payload);
  }
}

function remoteError(code: number, message: string, extra: { str1?: string } = {}): Buffer {
  const s = (w: XdrWriter, v: string): void => void w.string(v);
  return new XdrWriter()
    .int(code)
    .int(10) // VIR_FROM_QEMU
    .optional(message, s)
    .int(2)
    .optional({ name: 'tiny', uuid: Buffer.alloc(16, 9), id: 1 }, (w, d) => w.string(d.name).fixedOpaque(d.uuid, 16).int(d.id))
    .optional(extra.str1, s)
    .optional(null, s)
    .optional(null, s)
    .int(0)
    .int(-1)
    .optional(null, (w) => w)
    .finish();
}

const clients: RpcClient[] = [];
function setup(opts: Partial<ConstructorParameters<typeof RpcClient>[1]> = {}): { rpc: RpcClient; d: FakeDaemon; raw: Duplex } {
  const [a, b] = duplexPair();
  const rpc = new RpcClient(a, { label: 'hostA', ...opts });
  clients.push(rpc);
  return { rpc, d: new FakeDaemon(b), raw: b };
}
afterEach(() => {
  for (const c of clients.splice(0)) if (c.isOpen) void c.close();
});

const closeReason = (rpc: RpcClient): Promise<Error | undefined> => new Promise((r) => rpc.once('close', r));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('RpcClient calls', () => {
  it('frames a CALL like libvirt: length, program, version, proc, type, serial, status, args', async () => {
    const { rpc, d } = setup();
    const p = rpc.call(
      60,
      (w) => w.int(10),
      (r) => r.int(),
    );
    const call = await d.nextCall();
    expect(call.header).toMatchObject({ program: Program.REMOTE, version: 1, proc: 60, type: MessageType.CALL, status: 0 });
    expect(call.payload.toString('hex')).toBe('0000000a');
    d.reply(call, new XdrWriter().int(1).finish());
    await expect(p).resolves.toBe(1);
  });

  it('matches concurrent replies by serial, in any order', async () => {
    const { rpc, d } = setup();
    const ps = [1, 2, 3, 4, 5].map((i) =>
      rpc.call(
        59,
        (w) => w.int(i),
        (r) => r.string(),
      ),
    );
    const calls: Frame[] = [];
    for (let i = 0; i < 5; i++) calls.push(await d.nextCall());
    expect(new Set(calls.map((c) => c.header.serial)).size).toBe(5);
    for (const c of [...calls].reverse()) d.reply(c, new XdrWriter().string(`answer-${c.payload.readInt32BE(0)}`).finish());
    await expect(Promise.all(ps)).resolves.toEqual(['answer-1', 'answer-2', 'answer-3', 'answer-4', 'answer-5']);
  });

  it('decodes remote_error into LibvirtError with libvirt message and fields', async () => {
    const { rpc, d } = setup();
    const p = rpc.call(
      23,
      (w) => w.string('nope'),
      (r) => r.string(),
    );
    d.reply(
      await d.nextCall(),
      remoteError(42, "Domain not found: no domain with matching name 'nope'", { str1: 'x' }),
      MessageStatus.ERROR,
    );
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect(err).toMatchObject({
      name: 'LibvirtError',
      code: 42,
      domain: 10,
      level: 2,
      str1: 'x',
      int2: -1,
      message: "Domain not found: no domain with matching name 'nope'",
      codeName: 'NO_DOMAIN',
    });
    expect(rpc.isOpen).toBe(true);
  });

  it('fails only the call whose reply does not decode (left-over bytes)', async () => {
    const { rpc, d } = setup();
    const p = rpc.call(59, null, (r) => r.int());
    d.reply(await d.nextCall(), new XdrWriter().int(1).int(2).finish());
    await expect(p).rejects.toThrow(/hostA: bad reply to CONNECT_GET_HOSTNAME \(59\): 4 bytes left over/);
    expect(rpc.isOpen).toBe(true);
    const q = rpc.call(59, null, (r) => r.string());
    d.reply(await d.nextCall(), new XdrWriter().string('ok').finish());
    await expect(q).resolves.toBe('ok');
  });

  it('times out naming the host and the procedure, and drops the late reply quietly', async () => {
    const { rpc, d } = setup();
    const p = rpc.call(59, null, (r) => r.string(), { timeoutMs: 50 });
    const call = await d.nextCall();
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toBe('hostA: no reply to CONNECT_GET_HOSTNAME (59) within 50 ms');
    d.reply(call, new XdrWriter().string('late').finish());
    await sleep(20);
    expect(rpc.isOpen).toBe(true);
  });

  it('names QEMU-program procedures in timeouts too', async () => {
    const { rpc } = setup();
    await expect(rpc.call(1, null, null, { program: Program.QEMU, timeoutMs: 10 })).rejects.toThrow(
      /hostA: no reply to QEMU DOMAIN_MONITOR_COMMAND \(1\)/,
    );
    // A number qemu_protocol.x does not define stays a number.
    await expect(rpc.call(999, null, null, { program: Program.QEMU, timeoutMs: 10 })).rejects.toThrow(
      /hostA: no reply to QEMU procedure 999/,
    );
  });

  it('aborts a call through its AbortSignal', async () => {
    const { rpc, d } = setup();
    const ac = new AbortController();
    const p = rpc.call(59, null, null, { signal: ac.signal });
    await d.nextCall();
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses to send arguments over 16 MiB without closing', async () => {
    const { rpc } = setup();
    await expect(rpc.call(350, (w) => w.opaque(Buffer.alloc(16 * 1024 * 1024)), null)).rejects.toThrow(/too large/);
    expect(rpc.isOpen).toBe(true);
  });

  it('rejects an arguments encoder that throws, without sending', async () => {
    const { rpc, d } = setup();
    await expect(rpc.call(1, (w) => w.int(2 ** 40), null)).rejects.toThrow(/int out of range/);
    expect(d.frames).toHaveLength(0);
  });
});

describe('RpcClient broken peers: the connection closes, every pending call learns why', () => {
  async function expectClosedWith(raw: Buffer | ((d: FakeDaemon) => void), reason: RegExp): Promise<void> {
    const { rpc, d } = setup();
    const closed = closeReason(rpc);
    const pending = [rpc.call(59, null, (r) => r.string()), rpc.call(4, null, (r) => r.uhyper())];
    await d.nextCall();
    if (typeof raw === 'function') raw(d);
    else d.sock.write(raw);
    for (const p of pending) {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionClosedError);
      expect((err as Error).message).toMatch(/^hostA: connection closed: /);
      expect((err as Error).message).toMatch(reason);
      expect((err as ConnectionClosedError).reason).toBeInstanceOf(Error);
    }
    expect((await closed)?.message).toMatch(reason);
    expect(rpc.isOpen).toBe(false);
    await expect(rpc.call(59, null, null)).rejects.toBeInstanceOf(ConnectionClosedError);
  }

  it('bad frame length', () => expectClosedWith(Buffer.from('00000010', 'hex'), /bad frame length 16 \(less than the 28-byte header\)/));

  it('a message over the 32 MiB limit', () =>
    expectClosedWith(Buffer.from('02000005', 'hex'), /message of 33554437 bytes exceeds the 33554436-byte limit/));

  it('wrong program', () => expectClosedWith((d) => d.send({ program: 0x12345678, proc: 59, serial: 1 }), /unexpected program 0x12345678/));

  it('wrong version', () => expectClosedWith((d) => d.send({ version: 2, proc: 59, serial: 1 }), /unexpected protocol version 2/));

  it('a reply to an unknown serial', () =>
    expectClosedWith((d) => d.send({ proc: 59, serial: 999 }), /reply to unknown serial 999 \(CONNECT_GET_HOSTNAME \(59\)\)/));

  it('a CALL from the daemon', () => expectClosedWith((d) => d.send({ type: MessageType.CALL, proc: 1 }), /unexpected message type 0/));

  it('a stream truncated inside a message', () =>
    expectClosedWith((d) => {
      d.sock.write(
        encodeFrame({ program: Program.REMOTE, version: 1, proc: 59, type: 1, serial: 1, status: 0 }, Buffer.alloc(8)).subarray(0, 30),
      );
      d.sock.end();
    }, /the stream ended inside a message \(30 of 36 bytes\)/));

  it('a stream truncated inside the length word', () =>
    expectClosedWith((d) => {
      d.sock.write(Buffer.from([0, 0]));
      d.sock.end();
    }, /ended inside a length word/));

  it('the host hanging up', () => expectClosedWith((d) => d.sock.end(), /the host closed the connection/));

  it('assembles frames split at every byte', async () => {
    const { rpc, d } = setup();
    const p = rpc.call(59, null, (r) => r.string());
    const call = await d.nextCall();
    const frame = encodeFrame({ ...call.header, type: MessageType.REPLY }, new XdrWriter().string('hostA').finish());
    for (const byte of frame) d.sock.write(Buffer.from([byte]));
    await expect(p).resolves.toBe('hostA');
  });

  it('handles many frames in one chunk', async () => {
    const { rpc, d } = setup();
    const ps = [rpc.call(59, null, (r) => r.int()), rpc.call(59, null, (r) => r.int())];
    const c1 = await d.nextCall();
    const c2 = await d.nextCall();
    d.sock.write(
      Buffer.concat([
        encodeFrame({ ...c2.header, type: 1 }, new XdrWriter().int(2).finish()),
        encodeFrame({ ...c1.header, type: 1 }, new XdrWriter().int(1).finish()),
      ]),
    );
    await expect(Promise.all(ps)).resolves.toEqual([1, 2]);
  });
});

describe('RpcClient keepalive', () => {
  it('answers a PING with a PONG, even before startKeepalive', async () => {
    const { d } = setup();
    d.send({ program: Program.KEEPALIVE, proc: KeepaliveProc.PING, type: MessageType.MESSAGE });
    const pong = await d.next();
    expect(pong.header).toEqual({
      program: Program.KEEPALIVE,
      version: 1,
      proc: KeepaliveProc.PONG,
      type: MessageType.MESSAGE,
      serial: 0,
      status: 0,
    });
    expect(pong.payload.length).toBe(0);
  });

  it('pings every interval and stays up while the host answers', async () => {
    const { rpc, d } = setup({ keepaliveIntervalMs: 40, keepaliveCount: 3 });
    d.sock.on('data', () => {}); // FakeDaemon parses; answer each PING below
    let pings = 0;
    const answer = async (): Promise<void> => {
      for (;;) {
        const f = await d.next((x) => x.header.program === Program.KEEPALIVE);
        if (!rpc.isOpen) return;
        pings++;
        d.send({ program: Program.KEEPALIVE, proc: KeepaliveProc.PONG, type: MessageType.MESSAGE, serial: f.header.serial });
      }
    };
    void answer();
    rpc.startKeepalive();
    await sleep(400);
    expect(rpc.isOpen).toBe(true);
    expect(pings).toBeGreaterThanOrEqual(5);
  });

  it("declares a silent link dead after interval × count, emits 'dead' and fails pending calls", async () => {
    const { rpc, d } = setup({ keepaliveIntervalMs: 40, keepaliveCount: 3 });
    let dead = 0;
    rpc.on('dead', () => dead++);
    const closed = closeReason(rpc);
    const t0 = Date.now();
    rpc.startKeepalive();
    const p = rpc.call(59, null, null, { timeoutMs: 0 });
    const ping = await d.next((f) => f.header.program === Program.KEEPALIVE);
    expect(ping.header).toMatchObject({ proc: KeepaliveProc.PING, type: MessageType.MESSAGE, serial: 0 });
    const reason = await closed;
    const elapsed = Date.now() - t0;
    expect(dead).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(115);
    expect(elapsed).toBeLessThan(1000);
    expect(reason?.message).toMatch(/keepalive timeout/);
    await expect(p).rejects.toThrow(/hostA: connection closed: no data from the host for .* \(keepalive timeout\)/);
  });
});

describe('RpcClient events', () => {
  it('delivers MESSAGE packets to each subscriber from the payload start; unsubscribe works', async () => {
    const { rpc, d } = setup();
    const got: number[] = [];
    const off1 = rpc.onMessage(318, (r) => got.push(r.int()));
    rpc.onMessage(318, (r) => got.push(r.int() * 10));
    d.send({ proc: 318, type: MessageType.MESSAGE }, new XdrWriter().int(7).finish());
    await sleep(10);
    expect(got).toEqual([7, 70]);
    off1();
    d.send({ proc: 318, type: MessageType.MESSAGE }, new XdrWriter().int(8).finish());
    await sleep(10);
    expect(got).toEqual([7, 70, 80]);
  });

  it("reports a throwing subscriber as 'messageError' and goes on", async () => {
    const { rpc, d } = setup();
    const errors: [Error, number, number][] = [];
    rpc.on('messageError', (e, prog, proc) => errors.push([e, prog, proc]));
    rpc.onMessage(319, (r) => r.string());
    d.send({ proc: 319, type: MessageType.MESSAGE }, Buffer.from('00', 'hex'));
    d.send({ proc: 999, type: MessageType.MESSAGE }); // nobody listens: ignored
    await sleep(10);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[2]).toBe(319);
    expect(rpc.isOpen).toBe(true);
  });

  it('separates programs', async () => {
    const { rpc, d } = setup();
    const got: string[] = [];
    rpc.onMessage(1, () => got.push('qemu'), Program.QEMU);
    rpc.onMessage(1, () => got.push('remote'));
    d.send({ program: Program.QEMU, proc: 1, type: MessageType.MESSAGE });
    await sleep(10);
    expect(got).toEqual(['qemu']);
  });
});

async function openConsole(rpc: RpcClient, d: FakeDaemon, early?: Buffer): Promise<{ st: LibvirtStream; call: Frame }> {
  const p = rpc.openStream(201, (w) => w.int(0));
  const call = await d.nextCall(201);
  if (early) d.send({ ...call.header, type: MessageType.STREAM, status: MessageStatus.CONTINUE }, early);
  d.reply(call);
  return { st: await p, call };
}

describe('LibvirtStream', () => {
  const streamFrames = (d: FakeDaemon, serial: number): Frame[] =>
    d.frames.filter((f) => f.header.type === MessageType.STREAM && f.header.serial === serial);

  it('sends STREAM CONTINUE with the call proc and serial, splitting at 262120 bytes', async () => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d);
    const big = Buffer.alloc(STREAM_CHUNK_MAX * 2 + 10, 0x61);
    await new Promise<void>((res, rej) => st.write(big, (e) => (e ? rej(e) : res())));
    await sleep(10);
    const data = streamFrames(d, call.header.serial);
    expect(data.map((f) => f.payload.length)).toEqual([STREAM_CHUNK_MAX, STREAM_CHUNK_MAX, 10]);
    expect(data.every((f) => f.header.proc === 201 && f.header.status === MessageStatus.CONTINUE)).toBe(true);
    expect(Buffer.concat(data.map((f) => f.payload)).equals(big)).toBe(true);
  });

  it('keeps data sent before the reply, reads CONTINUE, finishes with OK both ways', async () => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d, Buffer.from('early '));
    const h = { ...call.header, type: MessageType.STREAM };
    d.send({ ...h, status: MessageStatus.CONTINUE }, Buffer.from('VIREO-42\n'));
    const chunks: Buffer[] = [];
    st.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => st.on('end', r));
    const finished = new Promise((r) => st.on('finish', r));
    st.end();
    const ok = await d.next((f) => f.header.type === MessageType.STREAM && f.header.status === MessageStatus.OK);
    expect(ok.payload.length).toBe(0);
    d.send({ ...h, status: MessageStatus.OK });
    await Promise.all([ended, finished]);
    expect(Buffer.concat(chunks).toString()).toBe('early VIREO-42\n');
  });

  // As captured from libvirt 9.0: a download ends with an *empty* CONTINUE, the client answers
  // OK, the daemon confirms with OK. A HANGUP-style end may come as OK; both end the stream.
  it.each([
    ['an empty CONTINUE (volume download)', MessageStatus.CONTINUE],
    ['STREAM OK', MessageStatus.OK],
  ])('answers the host ending first with %s with its own OK', async (_what, eofStatus) => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d);
    const h = { ...call.header, type: MessageType.STREAM };
    d.send({ ...h, status: MessageStatus.CONTINUE }, Buffer.from('data'));
    d.send({ ...h, status: eofStatus });
    const body: Buffer[] = [];
    st.on('data', (c: Buffer) => body.push(c));
    await new Promise((r) => st.on('end', r));
    await d.next((f) => f.header.type === MessageType.STREAM && f.header.status === MessageStatus.OK);
    d.send({ ...h, status: MessageStatus.OK }); // the host's answer completes the handshake
    await new Promise((r) => st.on('close', r));
    expect(Buffer.concat(body).toString()).toBe('data');
  });

  it('destroys the stream with the LibvirtError of a STREAM ERROR', async () => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d);
    d.send(
      { ...call.header, type: MessageType.STREAM, status: MessageStatus.ERROR },
      remoteError(1, 'internal error: character device console0 is not using a PTY'),
    );
    const err = await new Promise<Error>((r) => st.on('error', r));
    expect(err).toBeInstanceOf(LibvirtError);
    expect(err.message).toMatch(/not using a PTY/);
    expect(rpc.isOpen).toBe(true);
  });

  // libvirt 9.0 confirms an abort with an empty STREAM OK (seen in the lab); a failed abort
  // is answered with a REPLY error. Either is dropped quietly, as is data still in flight.
  it.each(['STREAM OK confirm', 'REPLY error'])('aborts with STREAM ERROR on destroy; the %s is dropped', async (answer) => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d);
    st.destroy();
    const abort = await d.next((f) => f.header.type === MessageType.STREAM);
    expect(abort.header).toMatchObject({ proc: 201, serial: call.header.serial, status: MessageStatus.ERROR });
    expect(abort.payload.length).toBe(0);
    d.send({ ...call.header, type: MessageType.STREAM, status: MessageStatus.CONTINUE }, Buffer.from('in flight'));
    if (answer === 'REPLY error') d.reply(call, remoteError(39, 'stream aborted at client request'), MessageStatus.ERROR);
    else d.send({ ...call.header, type: MessageType.STREAM, status: MessageStatus.OK });
    await sleep(20);
    expect(rpc.isOpen).toBe(true);
    const q = rpc.call(59, null, (r) => r.string());
    d.reply(await d.nextCall(59), new XdrWriter().string('still fine').finish());
    await expect(q).resolves.toBe('still fine');
  });

  it('aborts a stream whose opening call timed out when its late OK arrives', async () => {
    const { rpc, d } = setup();
    const p = rpc.openStream(201, null, { timeoutMs: 30 });
    const call = await d.nextCall(201);
    await expect(p).rejects.toBeInstanceOf(TimeoutError);
    d.send({ ...call.header, type: MessageType.STREAM, status: MessageStatus.CONTINUE }, Buffer.from('early'));
    d.reply(call); // late OK: the daemon has opened the console
    const abort = await d.next((f) => f.header.type === MessageType.STREAM);
    expect(abort.header).toMatchObject({ serial: call.header.serial, proc: 201, status: MessageStatus.ERROR });
    d.send({ ...call.header, type: MessageType.STREAM, status: MessageStatus.OK }); // the abort's confirm
    await sleep(10);
    expect(rpc.isOpen).toBe(true);
  });

  it('rejects openStream with the LibvirtError of the call', async () => {
    const { rpc, d } = setup();
    const p = rpc.openStream(201, null);
    d.reply(await d.nextCall(201), remoteError(55, 'Requested operation is not valid: domain is not running'), MessageStatus.ERROR);
    await expect(p).rejects.toMatchObject({ name: 'LibvirtError', code: 55 });
    expect(rpc.isOpen).toBe(true);
  });

  it('pauses reading the byte stream while the consumer lags, resumes when it reads', async () => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d);
    const chunk = Buffer.alloc(256 * 1024, 1);
    for (let i = 0; i < 12; i++) d.send({ ...call.header, type: MessageType.STREAM, status: MessageStatus.CONTINUE }, chunk);
    await sleep(50);
    const underlying = (rpc as unknown as { stream: Duplex }).stream;
    expect(underlying.isPaused()).toBe(true);
    let got = 0;
    st.on('data', (c: Buffer) => (got += c.length));
    await sleep(50);
    expect(got).toBe(12 * chunk.length);
    expect(underlying.isPaused()).toBe(false);
  });

  // A copy's download whose consumer (the upload) lagged: the client stopped reading the byte
  // stream, and the host's end of data arrived in the same read. The ended stream is never read
  // from again, so it must let go of the connection itself, or the host's answer to our OK (and
  // every reply after it) stays unread: the stream then failed at close with the proxy's exit.
  it('a download whose consumer lagged: its end lets reading resume, so the handshake completes and replies are read', async () => {
    const { rpc, d } = setup();
    const { st, call } = await openConsole(rpc, d);
    const h = { ...call.header, type: MessageType.STREAM };
    const data = Buffer.alloc(256 * 1024, 1);
    const frames = Array.from({ length: 6 }, () => encodeFrame({ ...h, status: MessageStatus.CONTINUE }, data));
    const underlying = (rpc as unknown as { stream: Duplex }).stream;
    let paused = 0;
    underlying.on('pause', () => paused++);
    d.sock.write(Buffer.concat([...frames, encodeFrame({ ...h, status: MessageStatus.CONTINUE })])); // data, then the empty end
    await sleep(20);
    expect(paused).toBeGreaterThan(0); // the stream's buffer (1 MiB) filled: reading was held
    let got = 0;
    st.on('data', (c: Buffer) => (got += c.length));
    await new Promise((r) => st.on('end', r));
    expect(got).toBe(6 * data.length);
    await d.next((f) => f.header.type === MessageType.STREAM && f.header.status === MessageStatus.OK);
    expect(underlying.isPaused()).toBe(false);
    d.send({ ...h, status: MessageStatus.OK }); // the host's answer to our OK
    await new Promise((r) => st.on('close', r));
    const q = rpc.call(59, null, (r) => r.string(), { timeoutMs: 1000 });
    d.reply(await d.nextCall(59), new XdrWriter().string('read on').finish());
    await expect(q).resolves.toBe('read on');
  });

  it('fails streams and pending calls when the connection drops', async () => {
    const { rpc, d } = setup();
    const { st } = await openConsole(rpc, d);
    const err = new Promise<Error>((r) => st.on('error', r));
    d.sock.end();
    expect(await err).toBeInstanceOf(ConnectionClosedError);
  });
});

describe('RpcClient.close', () => {
  it('sends CONNECT_CLOSE and returns within ~1 s when nothing answers (a dead link)', async () => {
    const { rpc, d } = setup();
    const t0 = Date.now();
    const closed = closeReason(rpc);
    const done = rpc.close();
    const call = await d.nextCall(2);
    expect(call.payload.length).toBe(0);
    await done;
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(await closed).toBeUndefined();
    expect(rpc.isOpen).toBe(false);
  });

  it('closes quickly when the daemon answers CONNECT_CLOSE (unix socket)', async () => {
    const { rpc, d } = setup();
    const t0 = Date.now();
    const done = rpc.close();
    d.reply(await d.nextCall(2));
    await new Promise<void>((r) => d.sock.once('end', () => r()));
    d.sock.end();
    await done;
    expect(Date.now() - t0).toBeLessThan(500);
  });

  // virt-ssh-helper exits with status 1 ("End of file while reading data") when libvirtd hangs up
  // after answering CONNECT_CLOSE: every close of a connection through it ends that way.
  it("a transport error after the daemon answered CONNECT_CLOSE is the close's own end: no reason, open streams end quietly", async () => {
    const { rpc, d } = setup();
    const { st } = await openConsole(rpc, d);
    const streamErrors: Error[] = [];
    st.on('error', (e) => streamErrors.push(e));
    const closed = closeReason(rpc);
    const done = rpc.close();
    d.reply(await d.nextCall(2));
    await new Promise<void>((r) => d.sock.once('end', () => r())); // the answer was read: the client ended its side
    const underlying = (rpc as unknown as { stream: Duplex }).stream;
    underlying.destroy(new Error('the libvirt proxy (virt-ssh-helper or nc) exited with status 1'));
    await done;
    expect(await closed).toBeUndefined();
    await sleep(5);
    expect(st.destroyed).toBe(true);
    expect(streamErrors).toEqual([]);
  });

  it('a transport error before the daemon answered CONNECT_CLOSE is kept as the reason, and fails open streams', async () => {
    const { rpc, d } = setup();
    const { st } = await openConsole(rpc, d);
    const streamError = new Promise<Error>((r) => st.on('error', r));
    const closed = closeReason(rpc);
    const done = rpc.close();
    await d.nextCall(2);
    const underlying = (rpc as unknown as { stream: Duplex }).stream;
    underlying.destroy(new Error('the libvirt proxy (virt-ssh-helper or nc) killed by SIGKILL'));
    await done;
    expect((await closed)?.message).toMatch(/killed by SIGKILL/);
    expect((await streamError).message).toMatch(/killed by SIGKILL/);
  });

  it('rejects calls made after close', async () => {
    const { rpc } = setup();
    await rpc.close();
    await expect(rpc.call(59, null, null)).rejects.toThrow(/hostA: connection closed/);
  });
});

describe('ProtocolError is an Error with a stable name', () => {
  it('names itself', () => {
    expect(new ProtocolError('x').name).toBe('ProtocolError');
  });
});
