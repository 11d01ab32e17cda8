import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XdrError, XdrReader, XdrWriter } from './xdr';

const hex = (b: Buffer): string => b.toString('hex');

describe('XdrWriter byte layout (RFC 4506)', () => {
  it('encodes the primitive types big-endian in 4-byte units', () => {
    expect(hex(new XdrWriter().int(-1).finish())).toBe('ffffffff');
    expect(hex(new XdrWriter().int(0x01020304).finish())).toBe('01020304');
    expect(hex(new XdrWriter().uint(0xfffffffe).finish())).toBe('fffffffe');
    expect(hex(new XdrWriter().hyper(-2n).finish())).toBe('fffffffffffffffe');
    expect(hex(new XdrWriter().uhyper(9000000).finish())).toBe('0000000000895440');
    expect(hex(new XdrWriter().bool(true).bool(false).finish())).toBe('0000000100000000');
    expect(hex(new XdrWriter().double(1.5).finish())).toBe('3ff8000000000000');
  });

  it('length-prefixes and zero-pads strings and opaques', () => {
    expect(hex(new XdrWriter().string('abc').finish())).toBe('0000000361626300');
    expect(hex(new XdrWriter().string('abcd').finish())).toBe('0000000461626364');
    expect(hex(new XdrWriter().string('').finish())).toBe('00000000');
    // UTF-8: the length counts bytes, not UTF-16 units
    expect(hex(new XdrWriter().string('é').finish())).toBe('00000002c3a90000');
    expect(hex(new XdrWriter().opaque(Buffer.from([1, 2, 3, 4, 5])).finish())).toBe('00000005' + '0102030405' + '000000');
  });

  it('writes fixed opaques without a length, optionals with a flag, arrays with a count', () => {
    const uuid = Buffer.alloc(16, 0xab);
    expect(hex(new XdrWriter().fixedOpaque(uuid, 16).finish())).toBe('ab'.repeat(16));
    expect(hex(new XdrWriter().fixedOpaque(Buffer.from([7]), 1).finish())).toBe('07000000');
    expect(hex(new XdrWriter().optional(null, (w, v: string) => w.string(v)).finish())).toBe('00000000');
    expect(hex(new XdrWriter().optional('x', (w, v) => w.string(v)).finish())).toBe('000000010000000178000000');
    expect(hex(new XdrWriter().array([1, 2], (w, v) => w.int(v)).finish())).toBe('000000020000000100000002');
  });

  it('encodes CONNECT_OPEN args exactly as libvirt does', () => {
    // remote_connect_open_args { remote_string name; unsigned flags }
    const b = new XdrWriter()
      .optional('qemu:///system', (w, v) => w.string(v))
      .uint(0)
      .finish();
    expect(hex(b)).toBe(`00000001${'0000000e'}${Buffer.from('qemu:///system').toString('hex')}0000${'00000000'}`);
  });

  it('refuses values that do not fit', () => {
    expect(() => new XdrWriter().int(2 ** 31)).toThrow(XdrError);
    expect(() => new XdrWriter().int(1.5)).toThrow(XdrError);
    expect(() => new XdrWriter().uint(-1)).toThrow(XdrError);
    expect(() => new XdrWriter().uhyper(-1n)).toThrow(XdrError);
    expect(() => new XdrWriter().hyper(2n ** 63n)).toThrow(XdrError);
    expect(() => new XdrWriter().hyper(2 ** 60)).toThrow(/safe integer/);
    expect(() => new XdrWriter().fixedOpaque(Buffer.alloc(15), 16)).toThrow(/expected 16 bytes/);
  });

  it('grows past its initial buffer', () => {
    const w = new XdrWriter(16);
    for (let i = 0; i < 10_000; i++) w.uint(i);
    const r = new XdrReader(w.finish());
    for (let i = 0; i < 10_000; i++) expect(r.uint()).toBe(i);
  });
});

describe('XdrReader', () => {
  it('reads what the writer wrote', () => {
    const b = new XdrWriter()
      .int(-5)
      .uint(7)
      .hyper(-(2n ** 62n))
      .uhyper(2n ** 64n - 1n)
      .bool(true)
      .double(-0.25)
      .string('héllo')
      .opaque(Buffer.from('xyz'))
      .fixedOpaque(Buffer.alloc(16, 1), 16)
      .optional(null, (w, v: number) => w.int(v))
      .optional(3, (w, v) => w.int(v))
      .array(['a', 'bb'], (w, v) => w.string(v))
      .finish();
    const r = new XdrReader(b);
    expect(r.int()).toBe(-5);
    expect(r.uint()).toBe(7);
    expect(r.hyper()).toBe(-(2n ** 62n));
    expect(r.uhyper()).toBe(2n ** 64n - 1n);
    expect(r.bool()).toBe(true);
    expect(r.double()).toBe(-0.25);
    expect(r.string()).toBe('héllo');
    expect(r.opaque().toString()).toBe('xyz');
    expect(r.fixedOpaque(16)).toEqual(Buffer.alloc(16, 1));
    expect(r.optional((x) => x.int())).toBeNull();
    expect(r.optional((x) => x.int())).toBe(3);
    expect(r.array((x) => x.string())).toEqual(['a', 'bb']);
    expect(r.remaining).toBe(0);
    expect(r.offset).toBe(b.length);
  });

  it('starts at an offset', () => {
    const r = new XdrReader(Buffer.from('0000000100000002', 'hex'), 4);
    expect(r.uint()).toBe(2);
    expect(() => new XdrReader(Buffer.alloc(4), 5)).toThrow(XdrError);
  });

  it('reports truncation with the offset', () => {
    expect(() => new XdrReader(Buffer.from('000000', 'hex')).int()).toThrow(/truncated XDR: int needs 4 bytes at offset 0, 3 left/);
    expect(() => new XdrReader(Buffer.from('0000000861', 'hex')).string()).toThrow(/truncated/);
    expect(() => new XdrReader(Buffer.from('00000001', 'hex')).optional((r) => r.int())).toThrow(XdrError);
  });

  it('enforces the caller limits before allocating', () => {
    const big = new XdrWriter().string('x'.repeat(100)).finish();
    expect(() => new XdrReader(big).string(99)).toThrow(/string of 100 bytes at offset 0 exceeds the limit 99/);
    expect(new XdrReader(big).string(100)).toHaveLength(100);
    // An array count of 2^32-1 with 4 bytes behind it must fail at once, not loop.
    expect(() => new XdrReader(Buffer.from('ffffffff00000000', 'hex')).array((r) => r.int(), 2 ** 32)).toThrow(/truncated XDR: array/);
    expect(() => new XdrReader(new XdrWriter().array([1, 2, 3], (w, v) => w.int(v)).finish()).array((r) => r.int(), 2)).toThrow(
      /exceeds the limit 2/,
    );
    // default string cap: REMOTE_STRING_MAX (4 MiB)
    expect(() => new XdrReader(Buffer.from('00400001', 'hex')).string()).toThrow(/exceeds the limit 4194304/);
  });

  it('rejects bool and optional flags other than 0/1', () => {
    expect(() => new XdrReader(Buffer.from('00000002', 'hex')).bool()).toThrow(/bool must be 0 or 1/);
    expect(() => new XdrReader(Buffer.from('00000002', 'hex')).optional((r) => r.int())).toThrow(/optional flag/);
  });
});

// ---- properties ---------------------------------------------------------------------------

type Val =
  | { t: 'int'; v: number }
  | { t: 'uint'; v: number }
  | { t: 'hyper'; v: bigint }
  | { t: 'uhyper'; v: bigint }
  | { t: 'bool'; v: boolean }
  | { t: 'double'; v: number }
  | { t: 'string'; v: string }
  | { t: 'opaque'; v: Uint8Array }
  | { t: 'fixed'; v: Uint8Array }
  | { t: 'opt'; v: number | null }
  | { t: 'arr'; v: string[] };

const val: fc.Arbitrary<Val> = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((v) => ({ t: 'int' as const, v })),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((v) => ({ t: 'uint' as const, v })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => ({ t: 'hyper' as const, v })),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((v) => ({ t: 'uhyper' as const, v })),
  fc.boolean().map((v) => ({ t: 'bool' as const, v })),
  fc.double().map((v) => ({ t: 'double' as const, v })),
  fc.string({ unit: 'grapheme' }).map((v) => ({ t: 'string' as const, v })),
  fc.uint8Array({ maxLength: 40 }).map((v) => ({ t: 'opaque' as const, v })),
  fc.uint8Array({ minLength: 0, maxLength: 20 }).map((v) => ({ t: 'fixed' as const, v })),
  fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })).map((v) => ({ t: 'opt' as const, v })),
  fc.array(fc.string(), { maxLength: 5 }).map((v) => ({ t: 'arr' as const, v })),
);

function write(w: XdrWriter, x: Val): void {
  switch (x.t) {
    case 'int':
      w.int(x.v);
      break;
    case 'uint':
      w.uint(x.v);
      break;
    case 'hyper':
      w.hyper(x.v);
      break;
    case 'uhyper':
      w.uhyper(x.v);
      break;
    case 'bool':
      w.bool(x.v);
      break;
    case 'double':
      w.double(x.v);
      break;
    case 'string':
      w.string(x.v);
      break;
    case 'opaque':
      w.opaque(x.v);
      break;
    case 'fixed':
      w.fixedOpaque(x.v, x.v.length);
      break;
    case 'opt':
      w.optional(x.v, (ww, v) => ww.int(v));
      break;
    case 'arr':
      w.array(x.v, (ww, v) => ww.string(v));
      break;
  }
}

function read(r: XdrReader, like: Val): Val {
  switch (like.t) {
    case 'int':
      return { t: 'int', v: r.int() };
    case 'uint':
      return { t: 'uint', v: r.uint() };
    case 'hyper':
      return { t: 'hyper', v: r.hyper() };
    case 'uhyper':
      return { t: 'uhyper', v: r.uhyper() };
    case 'bool':
      return { t: 'bool', v: r.bool() };
    case 'double':
      return { t: 'double', v: r.double() };
    case 'string':
      return { t: 'string', v: r.string() };
    case 'opaque':
      return { t: 'opaque', v: new Uint8Array(r.opaque()) };
    case 'fixed':
      return { t: 'fixed', v: new Uint8Array(r.fixedOpaque(like.v.length)) };
    case 'opt':
      return { t: 'opt', v: r.optional((x) => x.int()) };
    case 'arr':
      return { t: 'arr', v: r.array((x) => x.string()) };
  }
}

describe('XDR properties', () => {
  it('round-trips any sequence of values, always in 4-byte units', () => {
    fc.assert(
      fc.property(fc.array(val, { maxLength: 30 }), (vals) => {
        const w = new XdrWriter(8);
        for (const v of vals) write(w, v);
        const buf = w.finish();
        expect(buf.length % 4).toBe(0);
        const r = new XdrReader(buf);
        const back = vals.map((v) => read(r, v));
        expect(r.remaining).toBe(0);
        expect(back).toEqual(vals);
      }),
      { numRuns: 500 },
    );
  });

  it('never fails on random bytes with anything but XdrError', () => {
    const op = fc.constantFrom('int', 'uint', 'hyper', 'uhyper', 'bool', 'double', 'string', 'opaque', 'fixed', 'opt', 'arr', 'nested');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(op, { minLength: 1, maxLength: 20 }), fc.nat(3), (bytes, ops, start) => {
        const buf = Buffer.from(bytes);
        try {
          const r = new XdrReader(buf, Math.min(start, buf.length));
          for (const o of ops) {
            switch (o) {
              case 'int':
                r.int();
                break;
              case 'uint':
                r.uint();
                break;
              case 'hyper':
                r.hyper();
                break;
              case 'uhyper':
                r.uhyper();
                break;
              case 'bool':
                r.bool();
                break;
              case 'double':
                r.double();
                break;
              case 'string':
                r.string(64);
                break;
              case 'opaque':
                r.opaque();
                break;
              case 'fixed':
                r.fixedOpaque(16);
                break;
              case 'opt':
                r.optional((x) => x.string());
                break;
              case 'arr':
                r.array((x) => x.uhyper(), 1000);
                break;
              case 'nested':
                r.array((x) => ({ k: x.string(), v: x.optional((y) => y.array((z) => z.int())) }));
                break;
            }
          }
        } catch (err) {
          expect(err).toBeInstanceOf(XdrError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
