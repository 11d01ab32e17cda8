// XDR (RFC 4506) as libvirt's remote protocol uses it: big-endian, everything in 4-byte units.
// The reader is the first thing hostile or corrupt bytes reach, so every read is bounds-checked
// and every length is limited before anything is allocated; it throws only XdrError.

/** libvirt's REMOTE_STRING_MAX: the default cap for strings and opaques we accept. */
export const XDR_STRING_MAX = 4 * 1024 * 1024;
/** Default cap for array counts when the caller gives none (libvirt's lists are ≤ 262144). */
export const XDR_ARRAY_MAX = 262_144;

export class XdrError extends Error {
  override name = 'XdrError';
}

const INT_MIN = -0x8000_0000;
const INT_MAX = 0x7fff_ffff;
const UINT_MAX = 0xffff_ffff;
const HYPER_MIN = -(1n << 63n);
const HYPER_MAX = (1n << 63n) - 1n;
const UHYPER_MAX = (1n << 64n) - 1n;

const pad4 = (n: number): number => (4 - (n & 3)) & 3;

function toBigInt(v: bigint | number, what: string): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new XdrError(`${what}: ${v} is not a safe integer`);
  return BigInt(v);
}

export class XdrWriter {
  private buf: Buffer;
  private len = 0;

  constructor(initialSize = 256) {
    this.buf = Buffer.allocUnsafe(Math.max(16, initialSize));
  }

  private ensure(n: number): void {
    const need = this.len + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  int(v: number): this {
    if (!Number.isInteger(v) || v < INT_MIN || v > INT_MAX) throw new XdrError(`int out of range: ${v}`);
    this.ensure(4);
    this.buf.writeInt32BE(v, this.len);
    this.len += 4;
    return this;
  }

  uint(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > UINT_MAX) throw new XdrError(`unsigned int out of range: ${v}`);
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.len);
    this.len += 4;
    return this;
  }

  hyper(v: bigint | number): this {
    const b = toBigInt(v, 'hyper');
    if (b < HYPER_MIN || b > HYPER_MAX) throw new XdrError(`hyper out of range: ${b}`);
    this.ensure(8);
    this.buf.writeBigInt64BE(b, this.len);
    this.len += 8;
    return this;
  }

  uhyper(v: bigint | number): this {
    const b = toBigInt(v, 'unsigned hyper');
    if (b < 0n || b > UHYPER_MAX) throw new XdrError(`unsigned hyper out of range: ${b}`);
    this.ensure(8);
    this.buf.writeBigUInt64BE(b, this.len);
    this.len += 8;
    return this;
  }

  bool(v: boolean): this {
    return this.int(v ? 1 : 0);
  }

  double(v: number): this {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.len);
    this.len += 8;
    return this;
  }

  string(v: string): this {
    return this.opaque(Buffer.from(v, 'utf8'));
  }

  opaque(v: Uint8Array): this {
    this.uint(v.length);
    return this.raw(v);
  }

  fixedOpaque(v: Uint8Array, n: number): this {
    if (v.length !== n) throw new XdrError(`fixed opaque: expected ${n} bytes, got ${v.length}`);
    return this.raw(v);
  }

  optional<T>(v: T | null | undefined, fn: (w: XdrWriter, v: T) => void): this {
    if (v === null || v === undefined) return this.uint(0);
    this.uint(1);
    fn(this, v);
    return this;
  }

  array<T>(items: readonly T[], fn: (w: XdrWriter, v: T) => void): this {
    this.uint(items.length);
    for (const item of items) fn(this, item);
    return this;
  }

  /** Bytes plus zero padding to a 4-byte boundary (no length). */
  private raw(v: Uint8Array): this {
    const p = pad4(v.length);
    this.ensure(v.length + p);
    this.buf.set(v, this.len);
    this.len += v.length;
    this.buf.fill(0, this.len, this.len + p);
    this.len += p;
    return this;
  }

  get length(): number {
    return this.len;
  }

  /** A copy of the bytes written so far; the writer stays usable. */
  finish(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }
}

export class XdrReader {
  private pos: number;

  constructor(
    private readonly buf: Buffer,
    offset = 0,
  ) {
    if (!Number.isInteger(offset) || offset < 0 || offset > buf.length) {
      throw new XdrError(`offset ${offset} outside a ${buf.length}-byte buffer`);
    }
    this.pos = offset;
  }

  private need(n: number, what: string): void {
    if (this.buf.length - this.pos < n) {
      throw new XdrError(`truncated XDR: ${what} needs ${n} bytes at offset ${this.pos}, ${this.buf.length - this.pos} left`);
    }
  }

  int(): number {
    this.need(4, 'int');
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint(): number {
    this.need(4, 'unsigned int');
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  hyper(): bigint {
    this.need(8, 'hyper');
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  uhyper(): bigint {
    this.need(8, 'unsigned hyper');
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  bool(): boolean {
    const v = this.uint();
    if (v > 1) throw new XdrError(`bool must be 0 or 1, got ${v} at offset ${this.pos - 4}`);
    return v === 1;
  }

  double(): number {
    this.need(8, 'double');
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  string(max: number = XDR_STRING_MAX): string {
    return this.opaqueView(max, 'string').toString('utf8');
  }

  /** Variable-length opaque, copied so it outlives the frame buffer. */
  opaque(max: number = XDR_STRING_MAX): Buffer {
    return Buffer.from(this.opaqueView(max, 'opaque'));
  }

  fixedOpaque(n: number): Buffer {
    if (!Number.isInteger(n) || n < 0) throw new XdrError(`fixed opaque: bad size ${n}`);
    return Buffer.from(this.rawView(n, 'fixed opaque'));
  }

  optional<T>(fn: (r: XdrReader) => T): T | null {
    const flag = this.uint();
    if (flag === 0) return null;
    if (flag !== 1) throw new XdrError(`optional flag must be 0 or 1, got ${flag} at offset ${this.pos - 4}`);
    return fn(this);
  }

  array<T>(fn: (r: XdrReader) => T, max: number = XDR_ARRAY_MAX): T[] {
    const at = this.pos;
    const count = this.uint();
    if (count > max) throw new XdrError(`array of ${count} elements at offset ${at} exceeds the limit ${max}`);
    // Every element takes at least 4 bytes: a count beyond what is left is a lie; fail before looping.
    if (count * 4 > this.remaining) {
      throw new XdrError(`truncated XDR: array of ${count} elements at offset ${at}, ${this.remaining} bytes left`);
    }
    const out: T[] = [];
    for (let i = 0; i < count; i++) out.push(fn(this));
    return out;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  get offset(): number {
    return this.pos;
  }

  private opaqueView(max: number, what: string): Buffer {
    const at = this.pos;
    const n = this.uint();
    if (n > max) throw new XdrError(`${what} of ${n} bytes at offset ${at} exceeds the limit ${max}`);
    return this.rawView(n, what);
  }

  private rawView(n: number, what: string): Buffer {
    const p = pad4(n);
    this.need(n + p, what);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n + p;
    return v;
  }
}
