/**
 * Issue 14, H1, fuzz: 10,000 random requests against the real web bridge in this process, from
 * clients without the token (raw HTTP requests and WebSocket upgrades) and with it (WebSocket
 * frames of every shape on /ws, bytes and text on an attached console channel on /stream). Each case has an oracle written here, apart from the bridge: the status
 * an upgrade must get, the close code or answer a frame must get, what a foreign Host may get.
 * Afterwards the bridge still serves a normal request, and nothing reached the process as an
 * uncaught error. Fixed seed (e2e/fast-check-setup.ts); FC_SEED=random looks for new cases.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { requests } from '../shared/api';
import { EVENT_NAMES } from '../shared/channels';
import type { ByteChannel } from './core/streams';
import { Client, hostOf, httpGet, originOf, type RawAnswer, rawRequest, startTestBridge, type TestBridge } from './web.fixture';

const CASES = 10_000;
const MAX_PAYLOAD = 8 * 1024 * 1024;
/** Every HUGE_EVERY-th frame is one byte over the bridge's limit. */
const HUGE_EVERY = 1000;

let t: TestBridge;
let port: number;
const faults: unknown[] = [];
const onFault = (err: unknown) => faults.push(err);

beforeAll(async () => {
  process.on('uncaughtException', onFault);
  process.on('unhandledRejection', onFault);
  t = await startTestBridge();
  port = t.bridge.port;
});
afterAll(async () => {
  process.off('uncaughtException', onFault);
  process.off('unhandledRejection', onFault);
  await t.bridge.close();
});

// ---- generators ---------------------------------------------------------------------------------

/** Host header values: ours (any case), foreign ones, wrong ports, garbage; null = no header. */
const hostArb = (p: number) =>
  fc.oneof(
    fc.constantFrom(`127.0.0.1:${p}`, `localhost:${p}`, `LocalHost:${p}`, `[::1]:${p}`),
    fc.constantFrom('evil.example', `evil.example:${p}`, `127.0.0.1:${p + 1}`, '127.0.0.1', 'localhost', `localhost.:${p}`, `0.0.0.0:${p}`),
    fc.constant(''),
    fc.stringMatching(/^[ -~]{0,40}$/),
    fc.constant(null),
  );

const pathSegment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/),
  fc.constantFrom('%', '%E0%A4%A', '%00', '%C0%AF', '%2e%2e', '..', '.', '%ff%fe', '%u2215', '%%', 'index.html', 'app.js', 'ws', 'stream'),
  fc.tuple(fc.constantFrom(...'0123456789abcdefABCDEFgz%'), fc.constantFrom(...'0123456789abcdefABCDEFgz%')).map(([a, b]) => `%${a}${b}`),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const pathArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(pathSegment, { maxLength: 6 }).map((s) => `/${s.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('*', 'http://127.0.0.1/', '//evil.example/', '/?token=', '/ws?token=x', '/stream?channel=x') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const headerArb = fc.oneof(
  fc.tuple(fc.constant('Origin'), fc.oneof(fc.constantFrom('http://evil.example', 'null', ''), fc.string({ maxLength: 30 }))),
  fc.tuple(fc.constant('Upgrade'), fc.constantFrom('websocket', 'h2c', '')),
  fc.tuple(fc.constant('Connection'), fc.constantFrom('Upgrade', 'keep-alive', 'close', 'Upgrade, close')),
  fc.tuple(fc.constant('Sec-WebSocket-Version'), fc.constantFrom('13', '8', 'x')),
  fc.tuple(fc.constant('Sec-WebSocket-Key'), fc.constantFrom('dGhlIHNhbXBsZSBub25jZQ==', 'short', '')),
  fc.tuple(fc.constant('Content-Length'), fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '99999999999999999999', 'x'))),
  fc.tuple(fc.constant('Transfer-Encoding'), fc.constantFrom('chunked', 'gzip', 'chunked, chunked')),
  fc.tuple(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,19}$/).filter((n) => n.toLowerCase() !== 'host'),
    fc.string({ maxLength: 60 }),
  ),
);

interface HttpCase {
  kind: 'http';
  method: string;
  target: string;
  host: string | null;
  headers: [string, string][];
  body: string;
}
const httpArb = (p: number): fc.Arbitrary<HttpCase> =>
  fc.record({
    kind: fc.constant('http' as const),
    method: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('GET', 'HEAD') },
      { weight: 2, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'SEARCH') },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}$/) },
    ),
    target: pathArb,
    host: hostArb(p),
    headers: fc.array(headerArb, { maxLength: 5 }),
    body: fc.oneof(fc.constant(''), fc.string({ maxLength: 200 })),
  });

interface UpgradeCase {
  kind: 'upgrade';
  path: '/ws' | '/stream' | '/nope' | '/ws%E0%A4%A';
  channel: string | null;
  token: 'right' | 'wrong' | 'none';
  origin: string | null;
  host: string | null;
  /** Bytes after the request (frames a refused client sends anyway). */
  trailing: Uint8Array;
}
const upgradeArb = (p: number): fc.Arbitrary<UpgradeCase> =>
  fc.record({
    kind: fc.constant('upgrade' as const),
    path: fc.constantFrom('/ws', '/stream', '/nope', '/ws%E0%A4%A'),
    channel: fc.oneof(fc.constant(null), fc.constantFrom('ch-0123456789abcdef0123456789abcdef', '../../etc', 'ch-x')),
    token: fc.constantFrom('right', 'wrong', 'none'),
    origin: fc.oneof(
      fc.constantFrom(`http://127.0.0.1:${p}`, `http://localhost:${p}`),
      fc.constantFrom('http://evil.example', `http://127.0.0.1:${p + 1}`, 'null'),
      fc.constant(null),
    ),
    host: hostArb(p),
    trailing: fc.uint8Array({ maxLength: 64 }),
  });

const requestNames = Object.keys(requests);
/** Something shaped like a client message, right or wrong in every field. */
const messageLike = fc
  .record(
    {
      t: fc.oneof(fc.constantFrom('invoke', 'subscribe', 'unsubscribe'), fc.constantFrom('result', 'event', '', 'INVOKE'), fc.jsonValue()),
      id: fc.oneof(
        fc.nat(),
        fc.constantFrom(-1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308),
        fc.string({ maxLength: 5 }),
        fc.constant(null),
      ),
      name: fc.oneof(
        fc.constantFrom(...requestNames),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('__proto__', 'constructor', 'x'.repeat(300)),
        fc.jsonValue(),
      ),
      input: fc.jsonValue({ maxDepth: 3 }),
      event: fc.oneof(fc.constantFrom(...EVENT_NAMES), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 })),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((m) => JSON.stringify(m));

type Frame = { text: string } | { bytes: Uint8Array; binary: boolean } | { huge: number };
interface FrameCase {
  kind: 'frame';
  frame: Frame;
}
const frameArb: fc.Arbitrary<FrameCase> = fc
  .oneof(
    { weight: 8, arbitrary: messageLike.map((text): Frame => ({ text })) },
    { weight: 3, arbitrary: fc.jsonValue().map((v): Frame => ({ text: JSON.stringify(v) ?? 'null' })) },
    { weight: 1, arbitrary: fc.constantFrom<Frame>({ text: 'null' }, { text: '[]' }, { text: '{}' }, { text: '""' }, { text: '0' }) },
    { weight: 2, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map((a): Frame => ({ text: JSON.stringify(a) })) },
    { weight: 2, arbitrary: fc.string({ maxLength: 80 }).map((text): Frame => ({ text })) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes): Frame => ({ bytes, binary: true })) },
    // Text frames that may not be UTF-8.
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes): Frame => ({ bytes, binary: false })) },
    // Deep nesting, and large frames under the limit.
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((d): Frame => ({ text: `${'['.repeat(d)}${']'.repeat(d)}` })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n): Frame => ({ text: `"${'a'.repeat(n)}"` })) },
  )
  .map((frame) => ({ kind: 'frame' as const, frame }));

/** Frames on an attached console channel (/stream): bytes in, bytes out, text where only binary goes. */
interface StreamCase {
  kind: 'stream';
  frame: { bytes: Uint8Array; binary: boolean } | { out: Uint8Array };
}
const streamArb: fc.Arbitrary<StreamCase> = fc
  .oneof(
    { weight: 6, arbitrary: fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ bytes, binary: true })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes, binary: false })) },
    { weight: 3, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((out) => ({ out })) },
  )
  .map((frame) => ({ kind: 'stream' as const, frame }));

type Case = HttpCase | UpgradeCase | FrameCase | StreamCase;

// ---- oracles ------------------------------------------------------------------------------------

const ourHosts = (p: number) => [`127.0.0.1:${p}`, `localhost:${p}`, `[::1]:${p}`];

/** What the bridge must do with a frame on an authenticated socket. */
type FrameOutcome = { close: number } | { answer: number | null };
function expectedForFrame(frame: Frame): FrameOutcome {
  if ('huge' in frame) return { close: 1009 };
  let text: string;
  if ('bytes' in frame) {
    if (frame.binary) return { close: 1003 };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(frame.bytes);
    } catch {
      return { close: 1007 }; // ws itself refuses a text frame that is not UTF-8
    }
  } else text = frame.text;
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { close: 1007 };
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) return { close: 1008 };
  const m = msg as Record<string, unknown>;
  if (m.t === 'invoke' && typeof m.id === 'number' && Number.isSafeInteger(m.id) && m.id >= 0) return { answer: m.id };
  if ((m.t === 'subscribe' || m.t === 'unsubscribe') && typeof m.event === 'string' && (EVENT_NAMES as readonly string[]).includes(m.event))
    return { answer: null };
  return { close: 1008 };
}

/** The exact status a well-formed upgrade request must get. */
function expectedUpgrade(c: UpgradeCase, p: number): number {
  if (c.host === null || !ourHosts(p).includes(c.host.toLowerCase())) return 421;
  if (c.path === '/ws%E0%A4%A') return 400;
  if (c.path === '/nope') return 404;
  if (c.origin !== `http://127.0.0.1:${p}` && c.origin !== `http://localhost:${p}`) return 403;
  if (c.token !== 'right') return 401;
  if (c.path === '/stream' && !/^ch-[0-9a-f]{32}$/.test(c.channel ?? '')) return 400;
  return 101;
}

// ---- runners ------------------------------------------------------------------------------------

function describeCase(c: Case): string {
  return JSON.stringify(c, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)).slice(0, 400);
}

async function runHttp(c: HttpCase): Promise<void> {
  const lines = [`${c.method} ${c.target} HTTP/1.1`];
  if (c.host !== null) lines.push(`Host: ${c.host}`);
  for (const [k, v] of c.headers) lines.push(`${k}: ${v}`);
  lines.push('Connection: close', '', c.body);
  const res = await rawRequest(port, lines.join('\r\n'), { statusOnly: true });
  const ok = (cond: boolean, why: string) => {
    if (!cond) throw new Error(`${why}: got ${res.status} for ${describeCase(c)}`);
  };
  ok(res.status === null || res.status < 500, 'a server error');
  const foreign = c.host === null || !ourHosts(port).includes(c.host.toLowerCase());
  // Node answers 400 (431, 413) itself to what it cannot parse; past the parser, only 421.
  if (foreign) ok(res.status === null || [400, 413, 421, 431].includes(res.status), 'a foreign Host got past the check');
  if (res.status === 200) ok(c.method === 'GET' || c.method === 'HEAD', '200 for a method other than GET/HEAD');
  ok(res.status !== 101, 'an upgrade without the token');
}

async function runUpgrade(c: UpgradeCase): Promise<void> {
  const q = [
    c.token === 'right' ? `token=${t.bridge.token}` : c.token === 'wrong' ? 'token=wrong' : '',
    c.channel ? `channel=${c.channel}` : '',
  ]
    .filter(Boolean)
    .join('&');
  const lines = [`GET ${c.path}${q ? `?${q}` : ''} HTTP/1.1`];
  if (c.host !== null) lines.push(`Host: ${c.host}`);
  if (c.origin !== null) lines.push(`Origin: ${c.origin}`);
  lines.push(
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    '',
    '',
  );
  const res: RawAnswer = await rawRequest(port, Buffer.concat([Buffer.from(lines.join('\r\n')), c.trailing]), { statusOnly: true });
  const want = expectedUpgrade(c, port);
  // A 101 for an unknown channel is followed by a close (4404); we only read the status line.
  if (res.status !== want) throw new Error(`upgrade: want ${want}, got ${res.status} for ${describeCase(c)}`);
}

/** Frames on one authenticated socket, reopened whenever the bridge closes it as it must. */
class Lane {
  private client: Client | null = null;
  private probe = 2 ** 52;
  constructor(private readonly name: string) {}

  async run(c: FrameCase): Promise<void> {
    this.client ??= await Client.open(port, t.bridge.token);
    const client = this.client;
    const want = expectedForFrame(c.frame);
    const f = c.frame;
    if ('huge' in f) client.ws.send(Buffer.alloc(f.huge, 0x20).toString());
    else if ('text' in f) client.ws.send(f.text);
    else client.ws.send(f.bytes, { binary: f.binary });
    if ('close' in want) {
      const closed = await client.closedBy().catch((err: Error) => {
        throw new Error(`${this.name}: ${err.message} (want close ${want.close}) for ${describeCase(c)}`);
      });
      this.client = null;
      if (closed.code !== want.close)
        throw new Error(`${this.name}: want close ${want.close}, got ${closed.code} ${closed.reason} for ${describeCase(c)}`);
      return;
    }
    // The socket stays open: a normal request behind the frame is answered, and so is the frame.
    const probe = this.probe++;
    client.ws.send(JSON.stringify({ t: 'invoke', id: probe, name: 'jobs.list', input: {} }));
    const answered = want.answer;
    await client
      .until(() => client.results.has(probe) && (answered === null || client.results.has(answered)), `the answers to ${describeCase(c)}`)
      .catch((err: Error) => {
        throw new Error(`${this.name}: ${err.message}`);
      });
    expect(client.results.get(probe)).toEqual({ ok: true, value: [] });
    client.results.clear();
  }

  close(): void {
    this.client?.close();
  }
}

/** One console channel at a time, attached over /stream; a new one after the bridge closes it. */
class StreamLane {
  private conn: {
    ws: WebSocket;
    ch: ByteChannel;
    input: number;
    output: number;
    closed: { code: number; reason: string } | null;
    /** The service was told its viewer left. */
    detached: boolean;
  } | null = null;
  private waiters: (() => void)[] = [];
  constructor(private readonly name: string) {}

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  private until(ok: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: timed out waiting for ${what}`)), 10_000);
      const check = () => {
        if (ok()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  private async open(): Promise<NonNullable<StreamLane['conn']>> {
    const ch = t.streams.create();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/stream?channel=${ch.id}&token=${t.bridge.token}`, { origin: originOf(port) });
    const conn = { ws, ch, input: 0, output: 0, closed: null as { code: number; reason: string } | null, detached: false };
    ch.on('input', (b) => {
      conn.input += b.length;
      this.wake();
    });
    ch.on('detach', () => {
      conn.detached = true;
      this.wake();
    });
    ws.on('message', (d: Buffer) => {
      conn.output += d.length;
      this.wake();
    });
    ws.on('close', (code, reason) => {
      conn.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`${this.name}: upgrade refused: ${res.statusCode}`)));
    });
    return conn;
  }

  async run(c: StreamCase): Promise<void> {
    this.conn ??= await this.open();
    const conn = this.conn;
    const f = c.frame;
    if ('out' in f) {
      const want = conn.output + f.out.length;
      conn.ch.send(Buffer.from(f.out));
      return this.until(() => conn.output === want, `${want} bytes out for ${describeCase(c)}`);
    }
    if (f.binary) {
      const want = conn.input + f.bytes.length;
      conn.ws.send(f.bytes, { binary: true });
      return this.until(() => conn.input === want, `${want} bytes in for ${describeCase(c)}`);
    }
    // Text on a byte channel: refused (1003), or by ws itself when it is not UTF-8 (1007).
    let utf8 = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);
    } catch {
      utf8 = false;
    }
    conn.ws.send(f.bytes, { binary: false });
    await this.until(() => conn.closed !== null, `the close after ${describeCase(c)}`);
    this.conn = null;
    const want = utf8 ? 1003 : 1007;
    if (conn.closed?.code !== want)
      throw new Error(`${this.name}: want close ${want}, got ${JSON.stringify(conn.closed)} for ${describeCase(c)}`);
    // The service learns that its viewer left.
    await this.until(() => conn.detached, 'the channel to learn that its viewer left');
  }

  async close(): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    conn.ws.close();
    await this.until(() => conn.detached, 'the channel to learn that its viewer left');
  }
}

it(`h1 fuzz: the web bridge answers ${CASES} random HTTP requests, upgrades and WebSocket frames and keeps serving`, async () => {
  const seed = fc.readConfigureGlobal().seed;
  const cases = fc.sample(
    fc.oneof(
      { weight: 4, arbitrary: httpArb(port) },
      { weight: 2, arbitrary: upgradeArb(port) },
      { weight: 3, arbitrary: frameArb },
      { weight: 1, arbitrary: streamArb },
    ),
    { numRuns: CASES, ...(seed !== undefined ? { seed } : {}) },
  );
  let frames = 0;
  for (const c of cases) if (c.kind === 'frame' && ++frames % HUGE_EVERY === 0) c.frame = { huge: MAX_PAYLOAD + 1 };

  const done = { http: 0, upgrade: 0, frame: 0, stream: 0 };
  /** Milliseconds spent per kind, summed over the parallel clients. */
  const busy = { http: 0, upgrade: 0, frame: 0, stream: 0 };
  const failures: string[] = [];
  // Ten failures are enough to show what broke: then every client stops, and the test fails fast.
  const record = (err: unknown) => {
    if (failures.length < 10) failures.push((err as Error).message);
  };
  const going = () => failures.length < 10;
  // Sockets and HTTP clients in parallel; each lane's frames in order.
  const lanes = [new Lane('lane 0'), new Lane('lane 1'), new Lane('lane 2'), new Lane('lane 3')];
  const frameCases = cases.filter((c): c is FrameCase => c.kind === 'frame');
  const otherCases = cases.filter((c): c is HttpCase | UpgradeCase => c.kind === 'http' || c.kind === 'upgrade');
  const streamCases = cases.filter((c): c is StreamCase => c.kind === 'stream');
  const streamLanes = [new StreamLane('stream lane 0'), new StreamLane('stream lane 1')];
  const runStreamLane = async (lane: StreamLane, i: number) => {
    for (let k = i; k < streamCases.length && going(); k += streamLanes.length) {
      const c = streamCases[k];
      if (!c) continue;
      const t1 = Date.now();
      await lane.run(c).then(() => done.stream++, record);
      busy.stream += Date.now() - t1;
    }
    await lane.close().catch(record);
  };
  const runLane = async (lane: Lane, i: number) => {
    for (let k = i; k < frameCases.length && going(); k += lanes.length) {
      const c = frameCases[k];
      if (!c) continue;
      const t1 = Date.now();
      await lane.run(c).then(() => done.frame++, record);
      busy.frame += Date.now() - t1;
    }
    lane.close();
  };
  let next = 0;
  const runHttpWorker = async () => {
    while (next < otherCases.length && going()) {
      const c = otherCases[next++];
      if (!c) continue;
      const t1 = Date.now();
      await (c.kind === 'http' ? runHttp(c) : runUpgrade(c)).then(() => done[c.kind]++, record);
      busy[c.kind] += Date.now() - t1;
    }
  };
  // Events flow meanwhile to whatever sockets subscribed, while others are being closed.
  const ticker = setInterval(() => t.events.emit('host.state', { hostId: 'h-1', state: { status: 'connecting' } }), 20);
  const t0 = Date.now();
  await Promise.all([...lanes.map(runLane), ...streamLanes.map(runStreamLane), ...Array.from({ length: 8 }, runHttpWorker)]);
  clearInterval(ticker);
  const secs = (Date.now() - t0) / 1000;
  console.log(
    `h1 fuzz (seed ${seed}): ${done.http} HTTP requests, ${done.upgrade} upgrades, ${done.frame} frames, ${done.stream} console-channel frames in ${secs.toFixed(1)} s (client time: ${JSON.stringify(busy)} ms)`,
  );

  expect(failures).toEqual([]);
  expect(done.http + done.upgrade + done.frame + done.stream).toBe(CASES);
  expect(Math.min(done.http, done.upgrade, done.frame, done.stream)).toBeGreaterThan(CASES / 20);
  // Every console channel ended with its viewer.
  expect(t.streams.size).toBe(0);
  expect(faults).toEqual([]);
  // Still serving: the page, and a normal authenticated request.
  expect((await httpGet(port, '/', { Host: hostOf(port) })).status).toBe(200);
  const c = await Client.open(port, t.bridge.token);
  expect(await c.invoke(1, 'jobs.list')).toEqual({ ok: true, value: [] });
  c.close();
}, 180_000);
