// Typed params between the ergonomic shape (params.ts) and the generated wire form
// (remote_typed_param): the same bytes as libvirt's layout, records straight from the wire form.
import { describe, expect, it } from 'vitest';
import { type RemoteTypedParam, readRemoteTypedParam } from './gen/remote_protocol.gen';
import { fromRemoteTypedParam, readTypedParam, remoteParamsToRecord, type TypedParam, toRemoteTypedParam, writeTypedParam } from './params';
import { XdrError, XdrReader, XdrWriter } from './xdr';

const every: TypedParam[] = [
  { field: 'i', type: 'int', value: -2 },
  { field: 'u', type: 'uint', value: 4_000_000_000 },
  { field: 'l', type: 'llong', value: -(2n ** 40n) },
  { field: 'ul', type: 'ullong', value: 2n ** 63n },
  { field: 'd', type: 'double', value: 0.25 },
  { field: 'b', type: 'boolean', value: true },
  { field: 's', type: 'string', value: 'zstd' },
];

describe('typed params on the generated codec', () => {
  it('write the union arm of each type (libvirt: string field, int type, value)', () => {
    const w = new XdrWriter();
    writeTypedParam(w, { field: 'b', type: 'boolean', value: true });
    writeTypedParam(w, { field: 'ul', type: 'ullong', value: 5 });
    expect(w.finish().toString('hex')).toBe(
      ['00000001', '62000000', '00000006', '00000001', '00000002', '756c0000', '00000004', '0000000000000005'].join(''),
    );
  });

  it('round-trip every type through the wire form', () => {
    for (const p of every) {
      const w = new XdrWriter();
      writeTypedParam(w, p);
      const bytes = w.finish();
      expect(readTypedParam(new XdrReader(bytes))).toEqual(p);
      expect(fromRemoteTypedParam(readRemoteTypedParam(new XdrReader(bytes)))).toEqual(p);
    }
    expect(toRemoteTypedParam({ field: 'b', type: 'boolean', value: false })).toEqual({ field: 'b', type: 6, value: 0 });
  });

  it('read any non-zero boolean as true, like libvirt', () => {
    const w = new XdrWriter().string('b').int(6).int(2);
    expect(readTypedParam(new XdrReader(w.finish()))).toEqual({ field: 'b', type: 'boolean', value: true });
  });

  it('refuse a field name longer than libvirt allows (80 bytes) and an unknown type', () => {
    const long = new XdrWriter().string('x'.repeat(81)).int(1).int(0).finish();
    expect(() => readTypedParam(new XdrReader(long))).toThrow(XdrError);
    const ok = new XdrWriter().string('x'.repeat(80)).int(1).int(0).finish();
    expect(readTypedParam(new XdrReader(ok)).field).toHaveLength(80);
    const bad = new XdrWriter().string('f').int(9).finish();
    expect(() => readTypedParam(new XdrReader(bad))).toThrow(XdrError);
  });

  it('make records from the wire form: numbers where exact, bigint beyond 2^53', () => {
    const wire: RemoteTypedParam[] = [
      { field: 'state.state', type: 1, value: 1 },
      { field: 'cpu.time', type: 4, value: 123n },
      { field: 'huge', type: 4, value: 2n ** 60n },
      { field: 'neg', type: 3, value: -5n },
      { field: 'on', type: 6, value: 1 },
      { field: 'off', type: 6, value: 0 },
      { field: 'name', type: 7, value: 'vda' },
      { field: 'rate', type: 5, value: 1.5 },
      { field: 'count', type: 2, value: 7 },
    ];
    expect(remoteParamsToRecord(wire)).toEqual({
      'state.state': 1,
      'cpu.time': 123,
      huge: 2n ** 60n,
      neg: -5,
      on: true,
      off: false,
      name: 'vda',
      rate: 1.5,
      count: 7,
    });
  });
});
