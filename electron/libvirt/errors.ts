// Errors of the libvirt client, and the one place that tells errors apart: type guards and
// classify(). Every Vireo error class carries a brand (shared/errors.ts ERROR_KIND, a registered
// symbol: it survives a second copy of a module, where `instanceof` does not); nothing compares
// `err.name` strings. Messages are fit to show an admin as is.
import { AppError, ERROR_KIND, errorKindOf } from '../../shared/errors';
import type { AuthError, HostKeyMismatchError, HostKeyRejectedError, SshError } from '../transport/ssh/errors';
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
  readonly [ERROR_KIND] = 'libvirt' as const;
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
  readonly [ERROR_KIND] = 'protocol' as const;
}

/** A call got no reply in time. The message names the host and the procedure. */
export class TimeoutError extends Error {
  override name = 'TimeoutError' as const;
  readonly [ERROR_KIND] = 'timeout' as const;
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
  readonly [ERROR_KIND] = 'closed' as const;
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
  readonly [ERROR_KIND] = 'aborted' as const;
}

const REMOTE_PROGRAM = 0x20008086;
const fmtMs = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

// ---- type guards and classify() ------------------------------------------------------------------

const isObject = (e: unknown): e is Record<PropertyKey, unknown> => (typeof e === 'object' || typeof e === 'function') && e !== null;

/** A libvirt error (optionally with this virErrorNumber, e.g. ErrorCode.NO_DOMAIN). */
export function isLibvirtError(err: unknown, code?: number): err is LibvirtError {
  return (
    errorKindOf(err) === 'libvirt' &&
    isObject(err) &&
    typeof err.code === 'number' &&
    typeof err.domain === 'number' &&
    (code === undefined || err.code === code)
  );
}

export const isProtocolError = (err: unknown): err is ProtocolError => errorKindOf(err) === 'protocol';
export const isTimeoutError = (err: unknown): err is TimeoutError => errorKindOf(err) === 'timeout';
export const isConnectionClosedError = (err: unknown): err is ConnectionClosedError => errorKindOf(err) === 'closed';

/** The call was aborted: our AbortedError, or the DOMException an AbortSignal throws (throwIfAborted). */
export function isAbortedError(err: unknown): err is AbortedError | DOMException {
  return errorKindOf(err) === 'aborted' || (err instanceof DOMException && err.code === DOMException.ABORT_ERR);
}

/** SSH authentication failed or was cancelled (`cancelled` says which). */
export const isAuthError = (err: unknown): err is AuthError => errorKindOf(err) === 'auth';

/** The host key changed (mismatch) or was not trusted / is revoked (rejected): a retry cannot fix it. */
export function isHostKeyError(err: unknown): err is HostKeyMismatchError | HostKeyRejectedError {
  const k = errorKindOf(err);
  return k === 'host-key-mismatch' || k === 'host-key-rejected';
}

/** The host presented a key other than the one on file. */
export const isHostKeyMismatch = (err: unknown): err is HostKeyMismatchError => errorKindOf(err) === 'host-key-mismatch';

/** The host could not be reached over SSH, or a channel could not be opened. */
export const isSshError = (err: unknown): err is SshError => errorKindOf(err) === 'ssh';

/** An AppError (optionally with this code, e.g. 'not-connected'). */
export function isAppError(err: unknown, code?: string): err is AppError {
  return errorKindOf(err) === 'app' && isObject(err) && typeof err.code === 'string' && (code === undefined || err.code === code);
}

/** The link to the host went away (the libvirt connection closed, or SSH failed): reconnecting may help. */
export const isLinkError = (err: unknown): err is ConnectionClosedError | SshError => isConnectionClosedError(err) || isSshError(err);

/** The LibvirtError behind `err`: itself, or the first in its `cause` chain (an AppError that wraps one). */
export function libvirtCause(err: unknown): LibvirtError | undefined {
  for (let e = err, depth = 0; isObject(e) && depth < 8; e = e.cause, depth++) if (isLibvirtError(e)) return e;
  return undefined;
}

/** What an error is, as one discriminated union: switch on `kind` instead of testing names. */
export type ErrorClass =
  | { kind: 'libvirt'; code: number; codeName?: ErrorCodeName; domain: number; message: string }
  | { kind: 'timeout'; message: string }
  /** The libvirt connection ended. */
  | { kind: 'closed'; message: string }
  /** SSH: unreachable, handshake failed, a channel did not open. */
  | { kind: 'ssh'; message: string }
  | { kind: 'auth'; message: string; cancelled: boolean }
  | { kind: 'host-key'; message: string; reason: 'mismatch' | 'rejected' }
  | { kind: 'protocol'; message: string }
  | { kind: 'aborted'; message: string }
  /** Ours, on purpose; `cause` is what it wraps, classified. */
  | { kind: 'app'; code: string; message: string; hint?: string; cause?: ErrorClass }
  /** Anything else; `code` is a Node system error's ('ENOENT' …). */
  | { kind: 'unknown'; message: string; code?: string };

export function classify(err: unknown, depth = 0): ErrorClass {
  const message = messageOf(err);
  if (isLibvirtError(err)) {
    const codeName = err.codeName ?? codeNames.get(err.code);
    return { kind: 'libvirt', code: err.code, domain: err.domain, message, ...(codeName ? { codeName } : {}) };
  }
  if (isAppError(err)) {
    const hint = typeof err.hint === 'string' ? err.hint : undefined;
    const cause = err.cause !== undefined && depth < 8 ? classify(err.cause, depth + 1) : undefined;
    return { kind: 'app', code: err.code, message, ...(hint ? { hint } : {}), ...(cause ? { cause } : {}) };
  }
  if (isTimeoutError(err)) return { kind: 'timeout', message };
  if (isConnectionClosedError(err)) return { kind: 'closed', message };
  if (isSshError(err)) return { kind: 'ssh', message };
  if (isAuthError(err)) return { kind: 'auth', message, cancelled: err.cancelled === true };
  if (isHostKeyError(err)) return { kind: 'host-key', message, reason: errorKindOf(err) === 'host-key-mismatch' ? 'mismatch' : 'rejected' };
  if (isProtocolError(err)) return { kind: 'protocol', message };
  if (isAbortedError(err)) return { kind: 'aborted', message };
  if (err instanceof DOMException && err.code === DOMException.TIMEOUT_ERR) return { kind: 'timeout', message };
  const code = isObject(err) && typeof err.code === 'string' ? err.code : undefined;
  return { kind: 'unknown', message, ...(code ? { code } : {}) };
}

function messageOf(err: unknown): string {
  if (isObject(err) && typeof err.message === 'string') return err.message;
  if (typeof err === 'string') return err;
  try {
    return String(err);
  } catch {
    return 'unknown error';
  }
}

/**
 * Adds what to do next to a libvirt error without touching it: an AppError with code 'libvirt',
 * libvirt's own message, the hint, and the error as its cause. Any other error is returned as is.
 * `throw withLibvirtHint(err, 'Nothing was changed.')`.
 */
export function withLibvirtHint(err: unknown, hint: string): unknown {
  return isLibvirtError(err) ? new AppError('libvirt', err.message, { cause: err, hint }) : err;
}
