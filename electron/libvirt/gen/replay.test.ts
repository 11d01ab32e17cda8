// The frames captured from the lab's libvirtd 9.0 (fixtures/lab-frames.json) through the
// generated codecs: every payload decodes to its last byte with the codec its header selects
// (CALL → args, REPLY OK → ret, REPLY ERROR → remote_error, MESSAGE → msg), and encoding what was
// decoded gives back libvirt's own bytes. A procedure without a codec must carry no payload.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MessageStatus, MessageType, Program, splitFrames } from '../client';
import { XdrReader, XdrWriter } from '../xdr';
import { qemuProcedures } from './qemu_protocol.gen';
import { readRemoteError, remoteProcedures, writeRemoteError } from './remote_protocol.gen';
import type { Codec, ProcedureSpec } from './runtime';
import { keepaliveProcedures } from './virnetprotocol.gen';

interface Capture {
  libvirtVersion: string;
  frames: { dir: 'out' | 'in'; hex: string }[];
}
const capture = JSON.parse(readFileSync(new URL('../fixtures/lab-frames.json', import.meta.url), 'utf8')) as Capture;

const tables: Record<number, Record<string, ProcedureSpec>> = {
  [Program.REMOTE]: remoteProcedures,
  [Program.QEMU]: qemuProcedures,
  [Program.KEEPALIVE]: keepaliveProcedures,
};
const byNumber = (program: number, proc: number): [string, ProcedureSpec] | undefined =>
  Object.entries(tables[program] ?? {}).find(([, s]) => s.proc === proc);

const errorCodec: Codec<unknown> = { read: readRemoteError, write: writeRemoteError as Codec<unknown>['write'] };

/** Decodes a payload completely and re-encodes it; returns the decoded value. */
function roundTrip(codec: Codec<unknown, unknown> | null, payload: Buffer, what: string): unknown {
  if (!codec) {
    expect(payload.length, `${what}: no codec, so no payload`).toBe(0);
    return undefined;
  }
  const r = new XdrReader(payload);
  const v = codec.read(r);
  expect(r.remaining, `${what}: bytes left after decoding`).toBe(0);
  const w = new XdrWriter();
  codec.write(w, v);
  expect(w.finish().toString('hex'), `${what}: re-encoded`).toBe(payload.toString('hex'));
  return v;
}

describe('lab frames through the generated codecs', () => {
  const frames = capture.frames.flatMap((f) => splitFrames(Buffer.from(f.hex, 'hex')).map((x) => ({ dir: f.dir, ...x })));

  it('cover calls, replies and an error reply', () => {
    expect(capture.libvirtVersion).toBe('9000000');
    const kinds = new Set(frames.map((f) => `${f.header.type}/${f.header.status}`));
    expect(kinds).toEqual(
      new Set([
        `${MessageType.CALL}/${MessageStatus.OK}`,
        `${MessageType.REPLY}/${MessageStatus.OK}`,
        `${MessageType.REPLY}/${MessageStatus.ERROR}`,
      ]),
    );
  });

  for (const [i, f] of frames.entries()) {
    const named = byNumber(f.header.program, f.header.proc);
    const label = `#${i} ${f.dir} ${named?.[0] ?? f.header.proc} type ${f.header.type} status ${f.header.status}`;
    it(`${label} decodes and re-encodes byte for byte`, () => {
      expect(named, `procedure ${f.header.proc} of program 0x${f.header.program.toString(16)} is in the generated table`).toBeDefined();
      const spec = (named as [string, ProcedureSpec])[1];
      const { type, status } = f.header;
      if (type === MessageType.CALL) roundTrip(spec.args, f.payload, label);
      else if (type === MessageType.REPLY && status === MessageStatus.OK) roundTrip(spec.ret, f.payload, label);
      else if (type === MessageType.REPLY && status === MessageStatus.ERROR) {
        const e = roundTrip(errorCodec, f.payload, label) as { code: number; message: string | null };
        expect(e.code).toBe(42); // VIR_ERR_NO_DOMAIN: the capture looks up a missing name
        expect(e.message).toMatch(/no domain with matching name/);
      } else if (type === MessageType.MESSAGE) roundTrip(spec.msg, f.payload, label);
      else throw new Error(`${label}: a frame type this test does not replay`);
    });
  }

  it('decode the values libvirt sent', () => {
    const decoded = frames
      .filter((f) => f.header.type === MessageType.REPLY && f.header.status === MessageStatus.OK)
      .map((f) => {
        const [name, spec] = byNumber(f.header.program, f.header.proc) as [string, ProcedureSpec];
        return [name, spec.ret ? spec.ret.read(new XdrReader(f.payload)) : null] as const;
      });
    const get = (n: string) => decoded.find(([name]) => name === n)?.[1];
    expect(get('CONNECT_GET_LIB_VERSION')).toEqual({ lib_ver: 9_000_000n });
    expect(get('AUTH_LIST')).toEqual({ types: [0] });
    expect(get('CONNECT_SUPPORTS_FEATURE')).toEqual({ supported: 1 });
    const stats = get('CONNECT_GET_ALL_DOMAIN_STATS') as {
      retStats: { dom: { name: string; uuid: string }; params: { field: string }[] }[];
    };
    expect(stats.retStats.length).toBeGreaterThan(0);
    expect(stats.retStats[0]?.dom.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(stats.retStats[0]?.params.map((p) => p.field)).toContain('state.state');
  });
});
