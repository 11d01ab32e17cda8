// GENERATED FILE, DO NOT EDIT. Made by electron/libvirt/gen/generate.ts (npm run gen:protocol)
// from libvirt 9.0.0: src/rpc/virnetprotocol.x, src/rpc/virkeepaliveprotocol.x.
// `npm run gen:protocol -- --check` (run by CI) fails when this file and the generator disagree.
import { type XdrReader, type XdrWriter } from '../xdr';
import { type ProcedureSpec, readUuidText, writeUuidText } from './runtime';

// Constants the .x files take from libvirt's C headers (include/libvirt/*.h).
export const VIR_UUID_BUFLEN = 16;

export const VIR_NET_MESSAGE_INITIAL = 65536;
export const VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX = 262120;
export const VIR_NET_MESSAGE_MAX = 33554432;
export const VIR_NET_MESSAGE_HEADER_MAX = 24;
export const VIR_NET_MESSAGE_PAYLOAD_MAX = 33554408;
export const VIR_NET_MESSAGE_LEN_MAX = 4;
export const VIR_NET_MESSAGE_STRING_MAX = 4194304;
export const VIR_NET_MESSAGE_NUM_FDS_MAX = 32;

/** enum virNetMessageType */
export const VirNetMessageType = {
  VIR_NET_CALL: 0,
  VIR_NET_REPLY: 1,
  VIR_NET_MESSAGE: 2,
  VIR_NET_STREAM: 3,
  VIR_NET_CALL_WITH_FDS: 4,
  VIR_NET_REPLY_WITH_FDS: 5,
  VIR_NET_STREAM_HOLE: 6,
} as const;
export type VirNetMessageType = (typeof VirNetMessageType)[keyof typeof VirNetMessageType];

/** enum virNetMessageStatus */
export const VirNetMessageStatus = {
  VIR_NET_OK: 0,
  VIR_NET_ERROR: 1,
  VIR_NET_CONTINUE: 2,
} as const;
export type VirNetMessageStatus = (typeof VirNetMessageStatus)[keyof typeof VirNetMessageStatus];
export const VIR_NET_MESSAGE_HEADER_XDR_LEN = 4;

/** struct virNetMessageHeader */
export interface VirNetMessageHeader {
  prog: number;
  vers: number;
  proc: number;
  type: number;
  serial: number;
  status: number;
}
export function readVirNetMessageHeader(r: XdrReader): VirNetMessageHeader {
  return {
    prog: r.uint(),
    vers: r.uint(),
    proc: r.int(),
    type: r.int(),
    serial: r.uint(),
    status: r.int(),
  };
}
export function writeVirNetMessageHeader(w: XdrWriter, v: VirNetMessageHeader): void {
  w.uint(v.prog);
  w.uint(v.vers);
  w.int(v.proc);
  w.int(v.type);
  w.uint(v.serial);
  w.int(v.status);
}

/** typedef virNetMessageUUID */
export type VirNetMessageUUID = string;
export const readVirNetMessageUUID = readUuidText;
export const writeVirNetMessageUUID = writeUuidText;

/** typedef virNetMessageNonnullString */
export type VirNetMessageNonnullString = string;
export function readVirNetMessageNonnullString(r: XdrReader): VirNetMessageNonnullString {
  return r.string(VIR_NET_MESSAGE_STRING_MAX);
}
export function writeVirNetMessageNonnullString(w: XdrWriter, v: VirNetMessageNonnullString): void {
  w.string(v);
}

/** typedef virNetMessageString */
export type VirNetMessageString = VirNetMessageNonnullString | null;
export type VirNetMessageStringIn = VirNetMessageNonnullString | null | undefined;
export function readVirNetMessageString(r: XdrReader): VirNetMessageString {
  return r.optional(readVirNetMessageNonnullString);
}
export function writeVirNetMessageString(w: XdrWriter, v: VirNetMessageStringIn): void {
  w.optional(v, writeVirNetMessageNonnullString);
}

/** struct virNetMessageNonnullDomain */
export interface VirNetMessageNonnullDomain {
  name: VirNetMessageNonnullString;
  uuid: string;
  id: number;
}
export function readVirNetMessageNonnullDomain(r: XdrReader): VirNetMessageNonnullDomain {
  return {
    name: readVirNetMessageNonnullString(r),
    uuid: readUuidText(r),
    id: r.int(),
  };
}
export function writeVirNetMessageNonnullDomain(w: XdrWriter, v: VirNetMessageNonnullDomain): void {
  writeVirNetMessageNonnullString(w, v.name);
  writeUuidText(w, v.uuid);
  w.int(v.id);
}

/** struct virNetMessageNonnullNetwork */
export interface VirNetMessageNonnullNetwork {
  name: VirNetMessageNonnullString;
  uuid: string;
}
export function readVirNetMessageNonnullNetwork(r: XdrReader): VirNetMessageNonnullNetwork {
  return {
    name: readVirNetMessageNonnullString(r),
    uuid: readUuidText(r),
  };
}
export function writeVirNetMessageNonnullNetwork(w: XdrWriter, v: VirNetMessageNonnullNetwork): void {
  writeVirNetMessageNonnullString(w, v.name);
  writeUuidText(w, v.uuid);
}

/** typedef virNetMessageDomain */
export type VirNetMessageDomain = VirNetMessageNonnullDomain | null;
export type VirNetMessageDomainIn = VirNetMessageNonnullDomain | null | undefined;
export function readVirNetMessageDomain(r: XdrReader): VirNetMessageDomain {
  return r.optional(readVirNetMessageNonnullDomain);
}
export function writeVirNetMessageDomain(w: XdrWriter, v: VirNetMessageDomainIn): void {
  w.optional(v, writeVirNetMessageNonnullDomain);
}

/** typedef virNetMessageNetwork */
export type VirNetMessageNetwork = VirNetMessageNonnullNetwork | null;
export type VirNetMessageNetworkIn = VirNetMessageNonnullNetwork | null | undefined;
export function readVirNetMessageNetwork(r: XdrReader): VirNetMessageNetwork {
  return r.optional(readVirNetMessageNonnullNetwork);
}
export function writeVirNetMessageNetwork(w: XdrWriter, v: VirNetMessageNetworkIn): void {
  w.optional(v, writeVirNetMessageNonnullNetwork);
}

/** struct virNetMessageError */
export interface VirNetMessageError {
  code: number;
  domain: number;
  message: VirNetMessageString;
  level: number;
  dom: VirNetMessageDomain;
  str1: VirNetMessageString;
  str2: VirNetMessageString;
  str3: VirNetMessageString;
  int1: number;
  int2: number;
  net: VirNetMessageNetwork;
}
export interface VirNetMessageErrorIn {
  code: number;
  domain: number;
  message: VirNetMessageStringIn;
  level: number;
  dom: VirNetMessageDomainIn;
  str1: VirNetMessageStringIn;
  str2: VirNetMessageStringIn;
  str3: VirNetMessageStringIn;
  int1: number;
  int2: number;
  net: VirNetMessageNetworkIn;
}
export function readVirNetMessageError(r: XdrReader): VirNetMessageError {
  return {
    code: r.int(),
    domain: r.int(),
    message: readVirNetMessageString(r),
    level: r.int(),
    dom: readVirNetMessageDomain(r),
    str1: readVirNetMessageString(r),
    str2: readVirNetMessageString(r),
    str3: readVirNetMessageString(r),
    int1: r.int(),
    int2: r.int(),
    net: readVirNetMessageNetwork(r),
  };
}
export function writeVirNetMessageError(w: XdrWriter, v: VirNetMessageErrorIn): void {
  w.int(v.code);
  w.int(v.domain);
  writeVirNetMessageString(w, v.message);
  w.int(v.level);
  writeVirNetMessageDomain(w, v.dom);
  writeVirNetMessageString(w, v.str1);
  writeVirNetMessageString(w, v.str2);
  writeVirNetMessageString(w, v.str3);
  w.int(v.int1);
  w.int(v.int2);
  writeVirNetMessageNetwork(w, v.net);
}

/** struct virNetStreamHole */
export interface VirNetStreamHole {
  length: bigint;
  flags: number;
}
export interface VirNetStreamHoleIn {
  length: bigint | number;
  flags: number;
}
export function readVirNetStreamHole(r: XdrReader): VirNetStreamHole {
  return {
    length: r.hyper(),
    flags: r.uint(),
  };
}
export function writeVirNetStreamHole(w: XdrWriter, v: VirNetStreamHoleIn): void {
  w.hyper(v.length);
  w.uint(v.flags);
}
export const KEEPALIVE_PROGRAM = 0x6b656570;
export const KEEPALIVE_PROTOCOL_VERSION = 1;

/** enum keepalive_procedure */
export const KeepaliveProcedure = {
  KEEPALIVE_PROC_PING: 1,
  KEEPALIVE_PROC_PONG: 2,
} as const;
export type KeepaliveProcedure = (typeof KeepaliveProcedure)[keyof typeof KeepaliveProcedure];

/** keepalive_procedure without the KEEPALIVE_PROC_ prefix. */
export const KeepaliveProc = {
  PING: 1,
  PONG: 2,
} as const;

// keepalive_procedure: each procedure's number, the codecs of its args, reply and event message, and whether it opens a stream.
export const PING = { proc: 1, args: null, ret: null, msg: null, stream: null } as const;
export const PONG = { proc: 2, args: null, ret: null, msg: null, stream: null } as const;

/** Every procedure of keepalive_procedure (tests, tools; a program should import the ones it calls). */
export const keepaliveProcedures = {
  PING,
  PONG,
} as const satisfies Record<string, ProcedureSpec>;
