// What the generated codecs (*.gen.ts) need beyond xdr.ts: fixed-length arrays, length limits
// on what we send, UUIDs in text form, and the shape of a procedure table. Written by hand.
import { XdrError, type XdrReader, type XdrWriter } from '../xdr';

/** A codec for one XDR type: `In` is what the writer accepts (numbers for hypers, readonly arrays …). */
export interface Codec<Out, In = Out> {
  read(r: XdrReader): Out;
  write(w: XdrWriter, v: In): void;
}

/** One procedure: its number and the codecs of its payloads (null when it has none). */
export interface ProcedureSpec {
  readonly proc: number;
  // `never` as the writer's input: any specific codec is assignable here (its write takes more).
  readonly args: Codec<unknown, never> | null;
  readonly ret: Codec<unknown, never> | null;
  readonly msg: Codec<unknown, never> | null;
  /** @readstream / @writestream in remote_protocol.x: the OK reply opens a stream. */
  readonly stream: 'read' | 'write' | null;
}

/** What a procedure's args encoder takes (null when it has no args). */
export type ArgsOf<S extends ProcedureSpec> = S['args'] extends Codec<unknown, infer In> ? In : null;
/** What a procedure's reply decodes to (void when it has no ret). */
export type RetOf<S extends ProcedureSpec> = S['ret'] extends Codec<infer Out, never> ? Out : undefined;
/** What an event message decodes to. */
export type MsgOf<S extends ProcedureSpec> = S['msg'] extends Codec<infer Out, never> ? Out : undefined;

export function readFixedArray<T>(r: XdrReader, n: number, fn: (r: XdrReader) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(fn(r));
  return out;
}

export function writeFixedArray<T>(w: XdrWriter, items: readonly T[], n: number, fn: (w: XdrWriter, v: T) => void, what: string): void {
  if (items.length !== n) throw new XdrError(`${what}: expected ${n} elements, got ${items.length}`);
  for (const item of items) fn(w, item);
}

/** T name<max>: refuses more than `max` elements before the daemon has to. */
export function writeArray<T>(w: XdrWriter, items: readonly T[], max: number, fn: (w: XdrWriter, v: T) => void, what: string): void {
  if (items.length > max) throw new XdrError(`${what}: ${items.length} elements exceed the limit ${max}`);
  w.array(items, fn);
}

/** opaque name<max>. */
export function writeOpaque(w: XdrWriter, v: Uint8Array, max: number, what: string): void {
  if (v.length > max) throw new XdrError(`${what}: ${v.length} bytes exceed the limit ${max}`);
  w.opaque(v);
}

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** 16 raw bytes → 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'. */
export function uuidToString(b: Uint8Array): string {
  if (b.length !== 16) throw new RangeError(`a UUID has 16 bytes, got ${b.length}`);
  const h = Buffer.from(b.buffer, b.byteOffset, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A UUID in text form (dashes optional, any case) → 16 bytes. */
export function uuidToBytes(s: string): Buffer {
  if (!UUID_RE.test(s)) throw new RangeError(`not a UUID: ${JSON.stringify(s)}`);
  return Buffer.from(s.replace(/-/g, ''), 'hex');
}

/**
 * remote_uuid (opaque[16]) kept in its canonical text form, what virsh prints and the XML holds,
 * so that an object reference can serve as an id across IPC.
 */
export const readUuidText = (r: XdrReader): string => uuidToString(r.fixedOpaque(16));
export const writeUuidText = (w: XdrWriter, v: string): void => void w.fixedOpaque(uuidToBytes(v), 16);
