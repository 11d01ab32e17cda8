// Errors of the libvirt client. Each carries a stable `name` (checked across processes instead of
// `instanceof`) and a message fit to show an admin as is.
import { readRemoteError } from './gen/remote_protocol.gen';
import type { XdrReader } from './xdr';

/** virErrorNumber values worth naming (include/libvirt/virterror.h). */
export const ErrorCode = {
  INTERNAL_ERROR: 1,
  NO_SUPPORT: 3,
  NO_CONNECT: 5,
  INVALID_DOMAIN: 7,
  INVALID_ARG: 8,
  OPERATION_FAILED: 9,
  XML_ERROR: 27,
  DOM_EXIST: 28,
  OPERATION_DENIED: 29,
  SYSTEM_ERROR: 38,
  RPC: 39,
  NO_DOMAIN: 42,
  NO_NETWORK: 43,
  AUTH_FAILED: 45,
  NO_STORAGE_POOL: 49,
  NO_STORAGE_VOL: 50,
  NO_NODE_DEVICE: 53,
  OPERATION_INVALID: 55,
  CONFIG_UNSUPPORTED: 67,
  OPERATION_TIMEOUT: 68,
  MIGRATE_PERSIST_FAILED: 69,
  ARGUMENT_UNSUPPORTED: 74,
  OPERATION_ABORTED: 78,
  AUTH_CANCELLED: 79,
  MIGRATE_UNSAFE: 81,
  OPERATION_UNSUPPORTED: 84,
  AGENT_UNRESPONSIVE: 86,
  RESOURCE_BUSY: 87,
  ACCESS_DENIED: 88,
  CPU_INCOMPATIBLE: 91,
  XML_INVALID_SCHEMA: 92,
  MIGRATE_FINISH_OK: 93,
} as const;
export type ErrorCodeName = keyof typeof ErrorCode;

/** virErrorLevel. */
export const ErrorLevel = { NONE: 0, WARNING: 1, ERROR: 2 } as const;

export interface LibvirtErrorFields {
  code: number;
  domain: number;
  message: string;
  level: number;
  str1?: string;
  str2?: string;
  str3?: string;
  int1: number;
  int2: number;
}

/** A remote_error sent by the daemon: the operation failed on the host. */
export class LibvirtError extends Error {
  override name = 'LibvirtError' as const;
  readonly code: number;
  /** virErrorDomain: which libvirt subsystem raised it (10 = QEMU, 7 = RPC …). */
  readonly domain: number;
  readonly level: number;
  readonly str1?: string;
  readonly str2?: string;
  readonly str3?: string;
  readonly int1: number;
  readonly int2: number;

  constructor(f: LibvirtErrorFields) {
    super(f.message);
    this.code = f.code;
    this.domain = f.domain;
    this.level = f.level;
    if (f.str1 !== undefined) this.str1 = f.str1;
    if (f.str2 !== undefined) this.str2 = f.str2;
    if (f.str3 !== undefined) this.str3 = f.str3;
    this.int1 = f.int1;
    this.int2 = f.int2;
  }

  /** The symbolic name of `code` when we know it, e.g. 'NO_DOMAIN'. */
  get codeName(): ErrorCodeName | undefined {
    return codeNames.get(this.code);
  }
}

const codeNames = new Map<number, ErrorCodeName>((Object.entries(ErrorCode) as [ErrorCodeName, number][]).map(([k, v]) => [v, k]));

/** Decodes a remote_error (REPLY or STREAM with status ERROR); its `dom` and `net` are unused by libvirt. */
export function decodeRemoteError(r: XdrReader): LibvirtError {
  const { code, domain, message, level, str1, str2, str3, int1, int2 } = readRemoteError(r);
  const f: LibvirtErrorFields = {
    code,
    domain,
    // libvirt always sets a message; keep something readable if a daemon did not.
    message: message ?? `libvirt error ${code} (domain ${domain})`,
    level,
    int1,
    int2,
  };
  if (str1 !== null) f.str1 = str1;
  if (str2 !== null) f.str2 = str2;
  if (str3 !== null) f.str3 = str3;
  return new LibvirtError(f);
}

/** The peer broke the protocol (bad frame, unknown serial, undecodable payload). */
export class ProtocolError extends Error {
  override name = 'ProtocolError' as const;
}

/** A call got no reply in time. The message names the host and the procedure. */
export class TimeoutError extends Error {
  override name = 'TimeoutError' as const;
  constructor(
    readonly label: string,
    readonly proc: number,
    readonly program: number,
    readonly timeoutMs: number,
    procName?: string,
  ) {
    super(
      `${label}: no reply to ${procName ?? `procedure ${proc}`}` +
        `${program === REMOTE_PROGRAM ? '' : ` (program 0x${program.toString(16)})`} within ${fmtMs(timeoutMs)}`,
    );
  }
}

/** The connection ended (or was never usable); `reason` is why, when known. */
export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError' as const;
  constructor(
    readonly label: string,
    readonly reason?: Error,
  ) {
    super(reason ? `${label}: connection closed: ${reason.message}` : `${label}: connection closed`);
    if (reason) this.cause = reason;
  }
}

/** The caller aborted the call through its AbortSignal. */
export class AbortedError extends Error {
  override name = 'AbortError' as const;
}

const REMOTE_PROGRAM = 0x20008086;
const fmtMs = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
