// The frames of libvirt's RPC protocol: program numbers, message types and statuses (generated
// from libvirt's .x files), the 28-byte header, encoding and splitting frames, and procedure names
// for messages. Pure: no I/O.

import { ProtocolError } from './errors';
import { QEMU_PROGRAM, QemuProc } from './gen/qemu_protocol.gen';
import { REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION, RemoteProc } from './gen/remote_protocol.gen';
import {
  KEEPALIVE_PROGRAM,
  KeepaliveProc as KeepaliveProcedures,
  VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX,
  VirNetMessageStatus,
  VirNetMessageType,
} from './gen/virnetprotocol.gen';
import { XdrReader } from './xdr';

// Program numbers, message types and statuses: generated from libvirt's .x files.
export const Program = { REMOTE: REMOTE_PROGRAM, QEMU: QEMU_PROGRAM, KEEPALIVE: KEEPALIVE_PROGRAM } as const;
export const PROTOCOL_VERSION = REMOTE_PROTOCOL_VERSION;

export const MessageType = {
  CALL: VirNetMessageType.VIR_NET_CALL,
  REPLY: VirNetMessageType.VIR_NET_REPLY,
  MESSAGE: VirNetMessageType.VIR_NET_MESSAGE,
  STREAM: VirNetMessageType.VIR_NET_STREAM,
  CALL_WITH_FDS: VirNetMessageType.VIR_NET_CALL_WITH_FDS,
  REPLY_WITH_FDS: VirNetMessageType.VIR_NET_REPLY_WITH_FDS,
  STREAM_HOLE: VirNetMessageType.VIR_NET_STREAM_HOLE,
} as const;
export const MessageStatus = {
  OK: VirNetMessageStatus.VIR_NET_OK,
  ERROR: VirNetMessageStatus.VIR_NET_ERROR,
  CONTINUE: VirNetMessageStatus.VIR_NET_CONTINUE,
} as const;
export const KeepaliveProc = KeepaliveProcedures;

/** The length word plus the 24-byte header. */
export const HEADER_SIZE = 28;
/** Largest frame we accept (VIR_NET_MESSAGE_MAX, 32 MiB, plus the length word). */
export const MAX_RECV_FRAME = 32 * 1024 * 1024 + 4;
/** Largest frame we send: 16 MiB, what libvirt releases before 32 MiB accept. */
export const MAX_SEND_FRAME = 16 * 1024 * 1024;
/** VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX: stream data per packet. */
export const STREAM_CHUNK_MAX = VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX;

export interface FrameHeader {
  program: number;
  version: number;
  proc: number;
  type: number;
  serial: number;
  status: number;
}

/** Encodes one complete frame (length word, header, payload). */
export function encodeFrame(h: FrameHeader, payload: Uint8Array = Buffer.alloc(0)): Buffer {
  const head = Buffer.allocUnsafe(HEADER_SIZE);
  head.writeUInt32BE(HEADER_SIZE + payload.length, 0);
  head.writeUInt32BE(h.program, 4);
  head.writeUInt32BE(h.version, 8);
  head.writeInt32BE(h.proc, 12);
  head.writeInt32BE(h.type, 16);
  head.writeUInt32BE(h.serial, 20);
  head.writeInt32BE(h.status, 24);
  return Buffer.concat([head, payload]);
}

/** Decodes the 24-byte header of a frame given without its length word. */
export function decodeHeader(r: XdrReader): FrameHeader {
  return { program: r.uint(), version: r.uint(), proc: r.int(), type: r.int(), serial: r.uint(), status: r.int() };
}

/** Splits a byte capture into frames (header + payload); for fixtures and debugging. */
export function splitFrames(buf: Buffer): { header: FrameHeader; payload: Buffer }[] {
  const out: { header: FrameHeader; payload: Buffer }[] = [];
  let off = 0;
  while (off < buf.length) {
    if (buf.length - off < 4) throw new ProtocolError(`trailing ${buf.length - off} bytes`);
    const len = buf.readUInt32BE(off);
    if (len < HEADER_SIZE || len > MAX_RECV_FRAME || off + len > buf.length) {
      throw new ProtocolError(`bad frame length ${len} at offset ${off}`);
    }
    const body = buf.subarray(off + 4, off + len);
    out.push({ header: decodeHeader(new XdrReader(body)), payload: body.subarray(24) });
    off += len;
  }
  return out;
}

// Names for timeout and error messages ('DOMAIN_GET_STATE (212)'), from the generated tables.
const byNumber = (names: Readonly<Record<string, number>>, prefix = ''): Map<number, string> =>
  new Map(Object.entries(names).map(([k, v]) => [v, `${prefix}${k}`]));
const procNames = new Map<number, Map<number, string>>([
  [Program.REMOTE, byNumber(RemoteProc)],
  [Program.QEMU, byNumber(QemuProc)],
  [Program.KEEPALIVE, byNumber(KeepaliveProcedures, 'KEEPALIVE_')],
]);

/** Names procedures of another program in timeout and error messages. */
export function registerProcedureNames(program: number, names: Readonly<Record<number, string>>): void {
  const m = procNames.get(program) ?? new Map<number, string>();
  procNames.set(program, m);
  for (const [k, v] of Object.entries(names)) m.set(Number(k), v);
}

export function describeProc(program: number, proc: number): string {
  const name = procNames.get(program)?.get(proc);
  const prog = program === Program.REMOTE ? '' : program === Program.QEMU ? 'QEMU ' : `program 0x${program.toString(16)} `;
  return name ? `${prog}${name} (${proc})` : `${prog}procedure ${proc}`;
}
