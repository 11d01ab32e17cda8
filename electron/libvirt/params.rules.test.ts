// Typed params at their edges: which JS value each wire type takes (and the exact refusal), the
// 2^53 boundary between number and bigint, booleans from libvirt's int, records both ways.
import { describe, expect, it } from 'vitest';
import {
  fromRemoteTypedParam,
  paramsFromRecord,
  paramsToRecord,
  remoteParamsToRecord,
  safeNumber,
  type TypedParamType,
  toRemoteTypedParam,
  typedParam,
} from './params';

describe('typedParam', () => {
  it.each<[TypedParamType, unknown, unknown]>([
    ['int', -5, -5],
    ['uint', 7, 7],
    ['double', 0.5, 0.5],
    ['int', 3n, 3],
    ['uint', 4n, 4],
    ['llong', -9n, -9n],
    ['ullong', 2 ** 40, 2 ** 40],
    ['ullong', 2n ** 60n, 2n ** 60n],
    ['boolean', false, false],
    ['boolean', true, true],
    ['string', '', ''],
  ])('%s takes %s', (type, v, value) => {
    expect(typedParam('f', type, v as never)).toEqual({ field: 'f', type, value });
  });

  it.each<[TypedParamType, unknown, string]>([
    ['double', 1n, 'parameter "f": bigint 1 is not a valid double'],
    ['int', '1', 'parameter "f": string 1 is not a valid int'],
    ['uint', true, 'parameter "f": boolean true is not a valid uint'],
    ['llong', 'x', 'parameter "f": string x is not a valid llong'],
    ['ullong', 1.5, 'parameter "f": number 1.5 is not a valid ullong'],
    ['ullong', 2 ** 53, 'parameter "f": number 9007199254740992 is not a valid ullong'],
    ['boolean', 1, 'parameter "f": number 1 is not a valid boolean'],
    ['boolean', 'true', 'parameter "f": string true is not a valid boolean'],
    ['string', 5, 'parameter "f": number 5 is not a valid string'],
  ])('%s refuses %s', (type, v, message) => {
    expect(() => typedParam('f', type, v as never)).toThrow(new TypeError(message));
  });
});

describe('records', () => {
  it('paramsFromRecord: schema types, repeated fields, undefined skipped, unknown keys refused', () => {
    const schema = { bandwidth: 'ullong', migrate_disks: 'string', live: 'boolean' } as const;
    expect(paramsFromRecord({ bandwidth: 5, migrate_disks: ['vda', 'vdb'], live: true, skipped: undefined }, schema)).toEqual([
      { field: 'bandwidth', type: 'ullong', value: 5 },
      { field: 'migrate_disks', type: 'string', value: 'vda' },
      { field: 'migrate_disks', type: 'string', value: 'vdb' },
      { field: 'live', type: 'boolean', value: true },
    ]);
    expect(() => paramsFromRecord({ bandwith: 5 }, schema)).toThrow(new TypeError('unknown parameter "bandwith"'));
  });

  it('safeNumber: exact up to ±(2^53 - 1), bigint beyond', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(safeNumber(max)).toBe(Number.MAX_SAFE_INTEGER);
    expect(safeNumber(max + 1n)).toBe(max + 1n);
    expect(safeNumber(-max)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(safeNumber(-max - 1n)).toBe(-max - 1n);
    expect(safeNumber(0.25)).toBe(0.25);
  });

  it('paramsToRecord narrows only 64-bit kinds; the last repeated field wins', () => {
    expect(
      paramsToRecord([
        { field: 'a', type: 'ullong', value: 5n },
        { field: 'b', type: 'llong', value: 2n ** 60n },
        { field: 'c', type: 'int', value: 3 },
        { field: 'd', type: 'boolean', value: false },
        { field: 'e', type: 'string', value: 'x' },
        { field: 'e', type: 'string', value: 'y' },
      ]),
    ).toEqual({ a: 5, b: 2n ** 60n, c: 3, d: false, e: 'y' });
  });

  it('remote params: booleans from any non-zero int, 64-bit values narrowed, others as sent', () => {
    const wire = [
      toRemoteTypedParam({ field: 'on', type: 'boolean', value: true }),
      { ...toRemoteTypedParam({ field: 'two', type: 'boolean', value: true }), value: 2 },
      toRemoteTypedParam({ field: 'off', type: 'boolean', value: false }),
      toRemoteTypedParam({ field: 'big', type: 'ullong', value: 7n }),
      toRemoteTypedParam({ field: 'neg', type: 'llong', value: -(2n ** 60n) }),
      toRemoteTypedParam({ field: 'i', type: 'int', value: -1 }),
      toRemoteTypedParam({ field: 'd', type: 'double', value: 1.5 }),
      toRemoteTypedParam({ field: 's', type: 'string', value: 'v' }),
    ];
    expect(wire.slice(0, 3).map((p) => p.value)).toEqual([1, 2, 0]);
    expect(remoteParamsToRecord(wire as never)).toEqual({
      on: true,
      two: true,
      off: false,
      big: 7,
      neg: -(2n ** 60n),
      i: -1,
      d: 1.5,
      s: 'v',
    });
    expect(wire.map((p) => fromRemoteTypedParam(p as never))).toEqual([
      { field: 'on', type: 'boolean', value: true },
      { field: 'two', type: 'boolean', value: true },
      { field: 'off', type: 'boolean', value: false },
      { field: 'big', type: 'ullong', value: 7n },
      { field: 'neg', type: 'llong', value: -(2n ** 60n) },
      { field: 'i', type: 'int', value: -1 },
      { field: 'd', type: 'double', value: 1.5 },
      { field: 's', type: 'string', value: 'v' },
    ]);
  });

  it('a field name longer than libvirt allows is refused on decode', () => {
    const p = toRemoteTypedParam({ field: 'x'.repeat(81), type: 'int', value: 1 });
    expect(() => fromRemoteTypedParam(p as never)).toThrow('typed param field of 81 bytes exceeds 80');
    expect(fromRemoteTypedParam({ ...p, field: 'x'.repeat(80) } as never).field).toHaveLength(80);
  });
});
