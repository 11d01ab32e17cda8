/**
 * Issue 11, property tests of the RPC framing (fast-check): whatever bytes a host (or something
 * impersonating one) sends, in whatever chunks, the client never throws out of its data handler;
 * it either goes on or closes with a ProtocolError, and every pending call settles with one of our
 * error types. Valid frames decode the same however the byte stream is split.
 */
import { Duplex } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeFrame,
  type FrameHeader,
  HEADER_SIZE,
  MessageStatus,
  MessageType,
  PROTOCOL_VERSION,
  Program,
  RpcClient,
  splitFrames,
} from './client';
import { ConnectionClosedError, LibvirtError, ProtocolError, TimeoutError } from './errors';
import { XdrError, XdrWriter } from './xdr';

/** A host end we push bytes into by hand; what the client writes is kept. */
function fakeHost(): { sock: Duplex; written: Buffer[] } {
  const written: Buffer[] = [];
  const sock = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      written.push(chunk);
      cb();
    },
  });
  return { sock, written };
}

const OUR_ERRORS = [LibvirtError, ProtocolError, ConnectionClosedError, TimeoutError, XdrError];
const isOurs = (e: unknown) => OUR_ERRORS.some((C) => e instanceof C);

/** Splits bytes at the given cut points (sorted, deduplicated). */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    if (c > prev) out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

const header = (over: Partial<FrameHeader>): FrameHeader => ({
  program: Program.REMOTE,
  version: PROTOCOL_VERSION,
  proc: 59,
  type: MessageType.REPLY,
  serial: 1,
  status: MessageStatus.OK,
  ...over,
});

// Bytes a hostile or broken peer could send: pure noise, or frames with plausible headers and
// random payloads (so the decoders behind the framing get exercised too), in random chunks.
const plausibleFrame = fc
  .record({
    type: fc.constantFrom(MessageType.REPLY, MessageType.MESSAGE, MessageType.STREAM, 7),
    proc: fc.constantFrom(59, 66, 207, 1, 2, 9999),
    serial: fc.integer({ min: 0, max: 5 }),
    status: fc.constantFrom(MessageStatus.OK, MessageStatus.ERROR, MessageStatus.CONTINUE, 9),
    program: fc.constantFrom(Program.REMOTE, Program.KEEPALIVE, Program.QEMU, 0x1234),
    payload: fc.uint8Array({ maxLength: 120 }),
  })
  .map(({ payload, ...h }) => encodeFrame(header(h), payload));
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.array(plausibleFrame, { minLength: 1, maxLength: 6 }).map((fs) => Buffer.concat(fs)),
  fc
    .tuple(fc.array(plausibleFrame, { minLength: 1, maxLength: 4 }), fc.uint8Array({ maxLength: 40 }))
    .map(([fs, tail]) => Buffer.concat([...fs, tail])),
);

describe('the frame decoder under hostile bytes (issue 11)', () => {
  it('never throws; pending calls settle with our errors; a close carries a ProtocolError', async () => {
    let runs = 0;
    let closed = 0;
    await fc.assert(
      fc.asyncProperty(hostileBytes, fc.array(fc.nat(), { maxLength: 8 }), async (bytes, cuts) => {
        runs++;
        const { sock } = fakeHost();
        const client = new RpcClient(sock, { label: 'hostile', keepaliveIntervalMs: 0 });
        let closeReason: Error | undefined | null = null;
        client.on('close', (err) => (closeReason = err));
        const messageErrors: Error[] = [];
        client.on('messageError', (e) => messageErrors.push(e));
        client.onMessage(207, (r) => {
          r.string();
          r.int();
        });
        const settled: { ok: boolean; v: unknown }[] = [];
        const calls = [1, 2, 3].map(() =>
          client
            .call(59, null, (r) => r.string(), { timeoutMs: 0 })
            .then(
              (v) => settled.push({ ok: true, v }),
              (e) => settled.push({ ok: false, v: e }),
            ),
        );
        for (const c of chunked(bytes, cuts)) sock.push(c);
        await tick();
        if (closeReason !== null) {
          closed++;
          expect(closeReason).toBeInstanceOf(ProtocolError);
          await Promise.all(calls); // all settle once the connection is gone
        }
        for (const s of settled) {
          if (s.ok) expect(typeof s.v).toBe('string');
          else expect(isOurs(s.v), `${(s.v as Error).name}: ${(s.v as Error).message}`).toBe(true);
        }
        for (const e of messageErrors) expect(isOurs(e), e.message).toBe(true);
        sock.destroy();
        await Promise.all(calls);
        expect(client.isOpen).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(runs).toBe(500);
    expect(closed).toBeGreaterThan(0);
    console.info(`hostile byte streams fed: ${runs}, of which the client closed with a ProtocolError: ${closed}`);
  });

  it('refuses an announced length beyond the limit before allocating it', async () => {
    const { sock } = fakeHost();
    const client = new RpcClient(sock, { label: 'big', keepaliveIntervalMs: 0 });
    const closed = new Promise<Error | undefined>((r) => client.once('close', r));
    const head = Buffer.alloc(4);
    head.writeUInt32BE(0xffff_ffff);
    sock.push(head);
    expect(await closed).toBeInstanceOf(ProtocolError);
  });

  it('decodes the same replies however the stream is split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 50 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (names, cuts) => {
          const { sock } = fakeHost();
          const client = new RpcClient(sock, { label: 'split', keepaliveIntervalMs: 0 });
          const calls = names.map(() => client.call(59, null, (r) => r.string(), { timeoutMs: 0 }));
          // Replies in reverse order, each for its serial.
          const frames = names.map((n, i) => encodeFrame(header({ serial: i + 1 }), new XdrWriter().string(n).finish())).reverse();
          for (const c of chunked(Buffer.concat(frames), cuts)) sock.push(c);
          expect(await Promise.all(calls)).toEqual(names);
          expect(client.isOpen).toBe(true);
          sock.destroy();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('splitFrames / encodeFrame', () => {
  it('round-trips any header and payload', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            program: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
            version: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
            proc: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            type: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            serial: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
            status: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            payload: fc.uint8Array({ maxLength: 64 }),
          }),
          { maxLength: 5 },
        ),
        (frames) => {
          const buf = Buffer.concat(frames.map(({ payload, ...h }) => encodeFrame(h, payload)));
          const back = splitFrames(buf);
          expect(back.map((f) => f.header)).toEqual(frames.map(({ payload: _p, ...h }) => h));
          expect(back.map((f) => [...f.payload])).toEqual(frames.map((f) => [...f.payload]));
        },
      ),
    );
  });

  it('throws only a ProtocolError (or XdrError) on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        try {
          for (const f of splitFrames(Buffer.from(b))) expect(f.payload.length + HEADER_SIZE).toBeLessThanOrEqual(b.length);
        } catch (err) {
          expect(err instanceof ProtocolError || err instanceof XdrError, String(err)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// Frames as views: a frame whose body lies whole within one received chunk is handed on as a view
// into that chunk (no copy); one that spans chunks is assembled into one buffer of exactly its
// size. The client never writes into a chunk it was given.
describe('frames as views of the received chunks', () => {
  const DATA = 209; // STORAGE_VOL_DOWNLOAD: the stream's proc

  /** A client with a download stream open on serial 1; what the stream delivers is collected. */
  async function withStream(): Promise<{ sock: Duplex; client: RpcClient; got: Buffer[] }> {
    const { sock } = fakeHost();
    const client = new RpcClient(sock, { label: 'views', keepaliveIntervalMs: 0 });
    const p = client.openStream(DATA, null, { timeoutMs: 0 });
    sock.push(encodeFrame(header({ proc: DATA, serial: 1 })));
    const st = await p;
    const got: Buffer[] = [];
    st.on('data', (d: Buffer) => got.push(d));
    st.on('error', () => {}); // the end of each case drops the connection
    return { sock, client, got };
  }
  const dataFrame = (payload: Uint8Array): Buffer =>
    encodeFrame(header({ proc: DATA, serial: 1, type: MessageType.STREAM, status: MessageStatus.CONTINUE }), payload);

  /** Feeds `bytes` cut at `at` (offsets), each chunk in memory of its own (never Node's shared pool), as sockets deliver them. */
  function feed(sock: Duplex, bytes: Buffer, at: number[]): Buffer[] {
    const chunks: Buffer[] = [];
    let prev = 0;
    for (const c of [...at, bytes.length]) {
      const chunk = Buffer.alloc(c - prev);
      bytes.copy(chunk, 0, prev, c);
      chunks.push(chunk);
      prev = c;
    }
    for (const c of chunks) sock.push(c);
    return chunks;
  }

  const big = (n: number, seed: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));
  const PACKET = 262120; // a full stream packet: 262148 bytes on the wire
  // Where the 256 KiB packet (bytes [0, 262148)) is cut, and whether its body then lies in one chunk.
  it.each([
    ['whole in one chunk', [], true],
    ['the length word split (body in the next chunk)', [2], true],
    ['the 24-byte header split', [10], false],
    ['the body split', [100_000], false],
    ['over 3 chunks', [30_000, 200_000], false],
    ['over 9 chunks (32 KiB SSH channel packets)', [1, 2, 3, 4, 5, 6, 7, 8].map((i) => i * 32 * 1024), false],
  ] as const)('a 256 KiB stream packet %s', async (_what, at, view) => {
    const { sock, client, got } = await withStream();
    const payload = big(PACKET, 7);
    const frame = dataFrame(payload);
    const chunks = feed(sock, frame, [...at]);
    const copies = chunks.map((c) => Buffer.from(c));
    await tick();
    expect(got).toHaveLength(1);
    const d = got[0] as Buffer;
    expect(d.equals(payload)).toBe(true);
    const last = chunks[chunks.length - 1] as Buffer;
    if (view) {
      expect(d.buffer).toBe(last.buffer); // no copy: a view into the chunk that held the body
    } else {
      expect(chunks.some((c) => c.buffer === d.buffer)).toBe(false);
      expect(d.buffer.byteLength).toBe(frame.length - 4); // one allocation of the frame's size
    }
    expect(chunks.map((c, i) => c.equals(copies[i] as Buffer))).not.toContain(false); // never written into
    expect(client.isOpen).toBe(true);
    sock.destroy();
  });

  it('many frames in one chunk are each a view into it', async () => {
    const { sock, got } = await withStream();
    const payloads = [1, 5000, 3, 70_000].map((n, i) => big(n, i));
    const [chunk] = feed(sock, Buffer.concat(payloads.map(dataFrame)), []);
    await tick();
    expect(got.map((d) => d.buffer === chunk?.buffer)).toEqual([true, true, true, true]);
    expect(Buffer.concat(got).equals(Buffer.concat(payloads))).toBe(true);
    sock.destroy();
  });

  it('however the stream is cut: the same data and replies, views exactly for frames within one chunk, chunks untouched', async () => {
    const frameArb = fc.oneof(
      fc.record({ kind: fc.constant('data' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 3000 }) }),
      fc.record({ kind: fc.constant('reply' as const), name: fc.string({ maxLength: 20 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frameArb, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 }), async (frames, cuts) => {
        const { sock, client, got } = await withStream();
        const names = frames.flatMap((f) => (f.kind === 'reply' ? [f.name] : []));
        const calls = names.map(() => client.call(59, null, (r) => r.string(), { timeoutMs: 0 }));
        let serial = 2;
        const wire = frames.map((f) =>
          f.kind === 'data' ? dataFrame(f.bytes) : encodeFrame(header({ serial: serial++ }), new XdrWriter().string(f.name).finish()),
        );
        const bytes = Buffer.concat(wire);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
        const chunks = feed(sock, bytes, at);
        const copies = chunks.map((c) => Buffer.from(c));
        expect(await Promise.all(calls)).toEqual(names);
        await tick();
        const want = frames.flatMap((f) => (f.kind === 'data' ? [Buffer.from(f.bytes)] : []));
        expect(Buffer.concat(got).equals(Buffer.concat(want))).toBe(true);
        // Each data frame's body [s + 4, e): a view iff one chunk holds all of it.
        const starts = [0, ...at];
        const ends = [...at, bytes.length];
        let s = 0;
        let k = 0;
        for (const [i, f] of frames.entries()) {
          const e = s + (wire[i] as Buffer).length;
          if (f.kind === 'data') {
            const d = got[k++] as Buffer;
            const j = ends.findIndex((x) => x > s + 4); // the chunk holding the body's first byte
            const whole = e <= (ends[j] as number) && (starts[j] as number) <= s + 4;
            expect(d.length).toBe(f.bytes.length);
            expect(d.buffer === (chunks[j] as Buffer).buffer).toBe(whole);
            if (!whole) expect(chunks.some((c) => c.buffer === d.buffer)).toBe(false);
          }
          s = e;
        }
        expect(chunks.map((c, i) => c.equals(copies[i] as Buffer))).not.toContain(false);
        expect(client.isOpen).toBe(true);
        sock.destroy();
      }),
      { numRuns: 200 },
    );
  });
});
