import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BlockIoTuneSchema,
  MigrateParamsSchema,
  paramsFromRecord,
  paramsToRecord,
  readTypedParam,
  readTypedParams,
  type TypedParam,
  writeTypedParam,
  writeTypedParams,
} from './params';
import { XdrError, XdrReader, XdrWriter } from './xdr';

const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};
const hex = (b: Buffer): string => b.toString('hex');

describe('typed param wire layout', () => {
  it('is field, type code, value', () => {
    // "cpu.time" (8 bytes, no pad), ULLONG 4, hyper 2^40
    expect(
      hex(
        enc((w) =>
          writeTypedParam(w, {
            field: 'cpu.time',
            type: 'ullong',
            value: 2n ** 40n,
          }),
        ),
      ),
    ).toBe(`00000008${hex(Buffer.from('cpu.time'))}000000040000010000000000`);
    expect(hex(enc((w) => writeTypedParam(w, { field: 'a', type: 'int', value: -2 })))).toBe(
      '00000001' + '61000000' + '00000001' + 'fffffffe',
    );
    expect(hex(enc((w) => writeTypedParam(w, { field: 'a', type: 'boolean', value: true })))).toBe(
      '00000001' + '61000000' + '00000006' + '00000001',
    );
    expect(hex(enc((w) => writeTypedParam(w, { field: 'a', type: 'string', value: 'xyz' })))).toBe(
      '00000001' + '61000000' + '00000007' + '00000003' + '78797a00',
    );
    expect(hex(enc((w) => writeTypedParam(w, { field: 'a', type: 'double', value: 1.5 })))).toBe(
      '00000001' + '61000000' + '00000005' + '3ff8000000000000',
    );
    expect(hex(enc((w) => writeTypedParams(w, [])))).toBe('00000000');
  });

  it('round-trips every type', () => {
    const field = fc.string({ minLength: 1, maxLength: 79 }).filter((s) => Buffer.byteLength(s) <= 80);
    const param: fc.Arbitrary<TypedParam> = fc.oneof(
      fc.record({
        field,
        type: fc.constant('int' as const),
        value: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      }),
      fc.record({
        field,
        type: fc.constant('uint' as const),
        value: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      }),
      fc.record({
        field,
        type: fc.constant('llong' as const),
        value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      }),
      fc.record({
        field,
        type: fc.constant('ullong' as const),
        value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      }),
      fc.record({
        field,
        type: fc.constant('double' as const),
        value: fc.double({ noNaN: true }),
      }),
      fc.record({
        field,
        type: fc.constant('boolean' as const),
        value: fc.boolean(),
      }),
      fc.record({
        field,
        type: fc.constant('string' as const),
        value: fc.string(),
      }),
    );
    fc.assert(
      fc.property(fc.array(param, { maxLength: 20 }), (ps) => {
        const r = new XdrReader(enc((w) => writeTypedParams(w, ps)));
        expect(readTypedParams(r, 64)).toEqual(ps);
        expect(r.remaining).toBe(0);
      }),
    );
  });

  it('refuses an unknown type code and too many params', () => {
    const bad = enc((w) => w.string('x').int(9).int(0));
    expect(() => readTypedParam(new XdrReader(bad))).toThrow(XdrError);
    const many = enc((w) =>
      writeTypedParams(
        w,
        Array.from({ length: 5 }, (_, i) => ({
          field: `f${i}`,
          type: 'int' as const,
          value: i,
        })),
      ),
    );
    expect(() => readTypedParams(new XdrReader(many), 4)).toThrow(XdrError);
  });
});

describe('records', () => {
  it('turn 64-bit values into numbers where exact', () => {
    const rec = paramsToRecord([
      { field: 'state.state', type: 'int', value: 1 },
      { field: 'cpu.time', type: 'ullong', value: 123456789n },
      { field: 'huge', type: 'ullong', value: 2n ** 60n },
      { field: 'neg', type: 'llong', value: -1n },
      { field: 'name', type: 'string', value: 'vda' },
      { field: 'ok', type: 'boolean', value: false },
    ]);
    expect(rec).toEqual({
      'state.state': 1,
      'cpu.time': 123456789,
      huge: 2n ** 60n,
      neg: -1,
      name: 'vda',
      ok: false,
    });
  });

  it('build param lists with the schema types, repeating arrays and skipping undefined', () => {
    const ps = paramsFromRecord(
      {
        migrate_uri: 'tcp://10.203.0.2',
        bandwidth: 100,
        migrate_disks: ['vda', 'vdb'],
        destination_name: undefined,
      },
      MigrateParamsSchema,
    );
    expect(ps).toEqual([
      { field: 'migrate_uri', type: 'string', value: 'tcp://10.203.0.2' },
      { field: 'bandwidth', type: 'ullong', value: 100 },
      { field: 'migrate_disks', type: 'string', value: 'vda' },
      { field: 'migrate_disks', type: 'string', value: 'vdb' },
    ]);
    // And they encode (numbers accepted for 64-bit kinds).
    const r = new XdrReader(enc((w) => writeTypedParams(w, ps)));
    expect(paramsToRecord(readTypedParams(r, 64)).bandwidth).toBe(100);
  });

  it('refuse unknown keys and values of the wrong kind', () => {
    expect(() => paramsFromRecord({ total_bytes_secs: 1 }, BlockIoTuneSchema)).toThrow(/unknown parameter/);
    expect(() => paramsFromRecord({ total_bytes_sec: 'fast' }, BlockIoTuneSchema)).toThrow(TypeError);
    expect(() => paramsFromRecord({ total_bytes_sec: 1.5 }, BlockIoTuneSchema)).toThrow(TypeError);
    expect(() => paramsFromRecord({ group_name: 3 }, BlockIoTuneSchema)).toThrow(TypeError);
  });
});
