// Frames captured from the real lab daemon (libvirt 9.0; see fixtures/lab-frames.json for how)
// replayed through the client: our CALL frames must match what we sent then byte for byte, the
// daemon's replies must decode, and re-encoding what we decoded must give back libvirt's own
// bytes (its rpcgen XDR against ours).
import { readFileSync } from 'node:fs';
import { Duplex, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MessageStatus, MessageType, Program, RpcClient, splitFrames } from './client';
import { LibvirtError } from './errors';
import { type XdrReader, XdrWriter } from './xdr';

interface Capture {
  libvirtVersion: string;
  frames: { dir: 'out' | 'in'; hex: string }[];
}
const capture = JSON.parse(readFileSync(new URL('./fixtures/lab-frames.json', import.meta.url), 'utf8')) as Capture;
const frames = capture.frames.map((f) => ({ dir: f.dir, bytes: Buffer.from(f.hex, 'hex') }));

// remote_typed_param, remote_nonnull_domain, remote_error: spelled out here so this test checks
// the XDR core against libvirt's encoder independently of protocol.ts.
type ParamValue =
  | { type: 1; v: number }
  | { type: 2; v: number }
  | { type: 3; v: bigint }
  | { type: 4; v: bigint }
  | { type: 5; v: number }
  | { type: 6; v: number }
  | { type: 7; v: string };
interface Param {
  field: string;
  value: ParamValue;
}
interface Dom {
  name: string;
  uuid: Buffer;
  id: number;
}
const readDom = (r: XdrReader): Dom => ({ name: r.string(), uuid: r.fixedOpaque(16), id: r.int() });
const writeDom = (w: XdrWriter, d: Dom): void => void w.string(d.name).fixedOpaque(d.uuid, 16).int(d.id);
function readParam(r: XdrReader): Param {
  const field = r.string(80);
  const type = r.int();
  switch (type) {
    case 1:
      return { field, value: { type, v: r.int() } };
    case 2:
      return { field, value: { type, v: r.uint() } };
    case 6:
      return { field, value: { type, v: r.int() } };
    case 3:
      return { field, value: { type, v: r.hyper() } };
    case 4:
      return { field, value: { type, v: r.uhyper() } };
    case 5:
      return { field, value: { type, v: r.double() } };
    case 7:
      return { field, value: { type, v: r.string() } };
    default:
      throw new Error(`typed param ${field}: unknown type ${type}`);
  }
}
function writeParam(w: XdrWriter, p: Param): void {
  w.string(p.field).int(p.value.type);
  const { value } = p;
  if (value.type === 1 || value.type === 6) w.int(value.v);
  else if (value.type === 2) w.uint(value.v);
  else if (value.type === 3) w.hyper(value.v);
  else if (value.type === 4) w.uhyper(value.v);
  else if (value.type === 5) w.double(value.v);
  else w.string(value.v);
}
interface StatsRecord {
  dom: Dom;
  params: Param[];
}
const readStats = (r: XdrReader): StatsRecord[] => r.array((x) => ({ dom: readDom(x), params: x.array(readParam, 262144) }), 16384);

function duplexPair(): [Duplex, Duplex] {
  const ab = new PassThrough();
  const ba = new PassThrough();
  return [Duplex.from({ readable: ba, writable: ab }), Duplex.from({ readable: ab, writable: ba })];
}

/** Plays the daemon's side of the capture; records each CALL that differed from the capture. */
function replayDaemon(sock: Duplex): { mismatches: string[] } {
  const state = { mismatches: [] as string[] };
  let i = 0;
  let buf = Buffer.alloc(0);
  sock.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 4 && buf.length >= buf.readUInt32BE(0)) {
      const len = buf.readUInt32BE(0);
      const got = buf.subarray(0, len);
      buf = buf.subarray(len);
      if (got.readUInt32BE(4) === Program.KEEPALIVE) continue;
      const want = frames[i++];
      if (want?.dir !== 'out' || !want.bytes.equals(got)) {
        state.mismatches.push(`frame ${i - 1}: sent ${got.toString('hex')}, captured ${want?.bytes.toString('hex')}`);
      }
      while (frames[i]?.dir === 'in') sock.write(frames[i++]?.bytes);
    }
  });
  return state;
}

const payloadOf = (index: number): Buffer => {
  const f = frames[index];
  if (!f) throw new Error(`no frame ${index}`);
  return f.bytes.subarray(28);
};

describe('frames captured from the lab', () => {
  it('are well-formed: one CALL then its REPLY, serials from 1', () => {
    const parsed = frames.map((f) => splitFrames(f.bytes)[0]);
    expect(parsed.every(Boolean)).toBe(true);
    parsed.forEach((p, i) => {
      expect(p?.header.program).toBe(Program.REMOTE);
      expect(p?.header.type).toBe(i % 2 === 0 ? MessageType.CALL : MessageType.REPLY);
      expect(p?.header.serial).toBe(Math.floor(i / 2) + 1);
    });
    expect(capture.libvirtVersion).toBe('9000000');
  });

  it('replay through RpcClient: identical calls, decoded replies', async () => {
    const [a, b] = duplexPair();
    const daemon = replayDaemon(b);
    const rpc = new RpcClient(a, { label: 'lab-a' });

    expect(await rpc.call(66, null, (r) => r.array((x) => x.int(), 20))).toEqual([0]); // AUTH_LIST: none
    await rpc.call(1, (w) => w.optional('qemu:///system', (x, v) => x.string(v)).uint(0), null); // CONNECT_OPEN
    expect(
      await rpc.call(
        60,
        (w) => w.int(10),
        (r) => r.int(),
      ),
    ).toBe(1); // keepalive supported
    const host = await rpc.call(59, null, (r) => r.string());
    expect(host).toMatch(/^lab-a/);
    expect(await rpc.call(157, null, (r) => r.uhyper())).toBe(9_000_000n);
    const err = await rpc.call(23, (w) => w.string('no-such-domain'), readDom).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect(err).toMatchObject({
      code: 42,
      domain: 10,
      level: 2,
      str1: 'Domain not found: %s',
      str2: "no domain with matching name 'no-such-domain'",
      int1: -1,
    });
    expect((err as Error).message).toBe("Domain not found: no domain with matching name 'no-such-domain'");
    const tiny = await rpc.call(23, (w) => w.string('tiny'), readDom);
    expect(tiny.name).toBe('tiny');
    expect(tiny.uuid).toHaveLength(16);
    expect(tiny.id).toBeGreaterThan(0);
    const stats = await rpc.call(
      344,
      (w) =>
        w
          .array([], () => undefined)
          .uint(63)
          .uint(0),
      readStats,
    );
    const byName = new Map(stats.map((s) => [s.dom.name, new Map(s.params.map((p) => [p.field, p.value]))]));
    expect([...byName.keys()].sort()).toEqual(['stopped', 'tiny', 'tiny-local']);
    expect(byName.get('tiny')?.get('state.state')).toEqual({ type: 1, v: 1 }); // running
    expect(byName.get('stopped')?.get('state.state')).toEqual({ type: 1, v: 5 }); // shut off
    expect(byName.get('tiny')?.get('cpu.time')).toMatchObject({ type: 4 });
    expect(byName.get('tiny')?.get('balloon.maximum')).toMatchObject({ type: 4 });
    expect(byName.get('tiny')?.get('block.0.name')).toMatchObject({ type: 7 });
    expect(await rpc.call(157, null, (r) => r.uhyper())).toBe(9_000_000n);

    expect(daemon.mismatches).toEqual([]);
    expect(rpc.isOpen).toBe(true);
    // Tearing the in-memory pair down aborts both ends; that abort is expected here.
    for (const end of [a, b]) end.on('error', () => {});
    a.destroy();
  });

  it('re-encoding the decoded replies gives libvirt’s bytes back', async () => {
    const { XdrReader } = await import('./xdr');
    const find = (proc: number, nth = 0): number => {
      let n = 0;
      for (let i = 0; i < frames.length; i++) {
        const p = splitFrames(frames[i]?.bytes ?? Buffer.alloc(0))[0];
        if (p?.header.type === MessageType.REPLY && p.header.proc === proc && n++ === nth) return i;
      }
      throw new Error(`no reply to ${proc}`);
    };
    // GET_ALL_DOMAIN_STATS: arrays of records of typed params (hyper, strings, ints)
    const statsPayload = payloadOf(find(344));
    const stats = readStats(new XdrReader(statsPayload));
    const w = new XdrWriter();
    w.array(stats, (x, s) => {
      writeDom(x, s.dom);
      x.array(s.params, writeParam);
    });
    expect(w.finish().equals(statsPayload)).toBe(true);
    // DOMAIN_LOOKUP_BY_NAME OK reply
    const lookupPayload = payloadOf(find(23, 1));
    const dom = readDom(new XdrReader(lookupPayload));
    const w2 = new XdrWriter();
    writeDom(w2, dom);
    expect(w2.finish().equals(lookupPayload)).toBe(true);
    // the error reply is a REPLY with status ERROR
    const errFrame = splitFrames(frames[find(23, 0)]?.bytes ?? Buffer.alloc(0))[0];
    expect(errFrame?.header.status).toBe(MessageStatus.ERROR);
    // CONNECT_GET_HOSTNAME: one padded string
    const hostPayload = payloadOf(find(59));
    const name = new XdrReader(hostPayload).string();
    expect(new XdrWriter().string(name).finish().equals(hostPayload)).toBe(true);
  });
});
