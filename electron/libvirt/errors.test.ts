import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { AuthError, HostKeyMismatchError, HostKeyRejectedError, SshError } from '../transport/ssh/errors';
import {
  AbortedError,
  ConnectionClosedError,
  classify,
  ErrorCode,
  isAbortedError,
  isAppError,
  isAuthError,
  isConnectionClosedError,
  isHostKeyError,
  isLibvirtError,
  isLinkError,
  isProtocolError,
  isSshError,
  isTimeoutError,
  LibvirtError,
  libvirtCause,
  ProtocolError,
  TimeoutError,
  withLibvirtHint,
} from './errors';

const lv = (code: number, message = 'Domain not found: no domain with matching uuid', domain = 10) =>
  new LibvirtError({ code, domain, message, level: 2, int1: -1, int2: -1 });

/** One of each error the app raises, and what classify must say of it. */
const samples = () =>
  [
    [
      lv(ErrorCode.NO_DOMAIN),
      { kind: 'libvirt', code: 42, codeName: 'NO_DOMAIN', domain: 10, message: 'Domain not found: no domain with matching uuid' },
    ],
    [lv(1234, 'odd'), { kind: 'libvirt', code: 1234, domain: 10, message: 'odd' }],
    [
      new TimeoutError('lab-a', 3, 0x20008086, 5000, 'DOMAIN_GET_STATE'),
      { kind: 'timeout', message: 'lab-a: no reply to DOMAIN_GET_STATE within 5 s' },
    ],
    [new ConnectionClosedError('lab-a'), { kind: 'closed', message: 'lab-a: connection closed' }],
    [
      new SshError('Cannot connect to root@10.0.0.1: ECONNREFUSED'),
      { kind: 'ssh', message: 'Cannot connect to root@10.0.0.1: ECONNREFUSED' },
    ],
    [new AuthError('Authentication failed for root@h'), { kind: 'auth', message: 'Authentication failed for root@h', cancelled: false }],
    [
      new AuthError('Authentication cancelled for root@h', true),
      { kind: 'auth', message: 'Authentication cancelled for root@h', cancelled: true },
    ],
    [new HostKeyMismatchError('h', 22, ['ssh-ed25519 SHA256:a'], 'ssh-ed25519 SHA256:b'), { kind: 'host-key', reason: 'mismatch' }],
    [
      new HostKeyRejectedError('The host key of root@h was not trusted'),
      { kind: 'host-key', reason: 'rejected', message: 'The host key of root@h was not trusted' },
    ],
    [new ProtocolError('bad frame'), { kind: 'protocol', message: 'bad frame' }],
    [new AbortedError('lab-a: DOMAIN_MIGRATE_PERFORM3 aborted'), { kind: 'aborted', message: 'lab-a: DOMAIN_MIGRATE_PERFORM3 aborted' }],
    [
      new AppError('busy', 'tiny is already being migrated', 'Follow it in the Jobs panel.'),
      { kind: 'app', code: 'busy', message: 'tiny is already being migrated', hint: 'Follow it in the Jobs panel.' },
    ],
  ] as const;

describe('classify: one union for every error the app raises', () => {
  it('names each error class with its fields', () => {
    for (const [err, want] of samples()) expect(classify(err), err.constructor.name).toMatchObject(want);
    // exactly: nothing extra on a plain libvirt class
    expect(classify(lv(55, 'not valid'))).toEqual({
      kind: 'libvirt',
      code: 55,
      codeName: 'OPERATION_INVALID',
      domain: 10,
      message: 'not valid',
    });
  });

  it('an AppError that wraps an error classifies its cause too, however deep', () => {
    const inner = lv(ErrorCode.OPERATION_INVALID, 'Requested operation is not valid: domain is not running');
    const outer = new AppError('migrate', 'cannot migrate', {
      cause: new AppError('libvirt', inner.message, { cause: inner, hint: 'Start it.' }),
    });
    expect(classify(outer)).toEqual({
      kind: 'app',
      code: 'migrate',
      message: 'cannot migrate',
      cause: {
        kind: 'app',
        code: 'libvirt',
        message: inner.message,
        hint: 'Start it.',
        cause: { kind: 'libvirt', code: 55, codeName: 'OPERATION_INVALID', domain: 10, message: inner.message },
      },
    });
  });

  it('a cycle of causes ends', () => {
    const a = new AppError('a', 'a');
    const b = new AppError('b', 'b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    let depth = 0;
    for (let c = classify(a); c.kind === 'app' && c.cause; c = c.cause) depth++;
    expect(depth).toBe(8);
  });

  it('aborts and timeouts of AbortSignal (DOMException) are aborted / timeout', () => {
    const ac = new AbortController();
    ac.abort();
    let thrown: unknown;
    try {
      ac.signal.throwIfAborted();
    } catch (e) {
      thrown = e;
    }
    expect(classify(thrown)).toMatchObject({ kind: 'aborted' });
    expect(isAbortedError(thrown)).toBe(true);
    expect(classify(new DOMException('The operation timed out.', 'TimeoutError'))).toEqual({
      kind: 'timeout',
      message: 'The operation timed out.',
    });
    expect(isAbortedError(new DOMException('x', 'NotFoundError'))).toBe(false);
  });

  it('anything else is unknown; a Node system error keeps its code', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), { code: 'ENOENT' });
    expect(classify(enoent)).toEqual({ kind: 'unknown', code: 'ENOENT', message: "ENOENT: no such file or directory, open '/x'" });
    expect(classify(new Error('boom'))).toEqual({ kind: 'unknown', message: 'boom' });
    expect(classify('a string')).toEqual({ kind: 'unknown', message: 'a string' });
    expect(classify(42)).toEqual({ kind: 'unknown', message: '42' });
    expect(classify(null)).toEqual({ kind: 'unknown', message: 'null' });
    expect(classify(undefined)).toEqual({ kind: 'unknown', message: 'undefined' });
    expect(classify({ message: 'from a plain object' })).toEqual({ kind: 'unknown', message: 'from a plain object' });
    expect(classify(Object.create(null))).toEqual({ kind: 'unknown', message: 'unknown error' });
  });

  it('a plain object or Error that only looks like one of ours (by name) is unknown: names are not proof', () => {
    const looks = Object.assign(new Error('Domain not found'), { name: 'LibvirtError', code: 42, domain: 10 });
    expect(classify(looks)).toMatchObject({ kind: 'unknown' });
    expect(isLibvirtError(looks)).toBe(false);
    expect(isLibvirtError({ name: 'LibvirtError', code: 42, domain: 10, message: 'x' })).toBe(false);
    expect(isConnectionClosedError(Object.assign(new Error('closed'), { name: 'ConnectionClosedError' }))).toBe(false);
    expect(isAuthError({ name: 'AuthError', message: 'x' })).toBe(false);
    expect(isAppError({ name: 'AppError', code: 'not-connected', message: 'x' })).toBe(false);
  });
});

describe('type guards', () => {
  const guards = {
    isLibvirtError: (e: unknown) => isLibvirtError(e),
    isTimeoutError,
    isConnectionClosedError,
    isSshError,
    isAuthError,
    isHostKeyError,
    isProtocolError,
    isAbortedError,
    isAppError: (e: unknown) => isAppError(e),
  };
  /** Which guard each sample satisfies (exactly one). */
  const expected = [
    'isLibvirtError',
    'isLibvirtError',
    'isTimeoutError',
    'isConnectionClosedError',
    'isSshError',
    'isAuthError',
    'isAuthError',
    'isHostKeyError',
    'isHostKeyError',
    'isProtocolError',
    'isAbortedError',
    'isAppError',
  ];

  it('each error satisfies its own guard and no other', () => {
    const s = samples();
    expect(s).toHaveLength(expected.length);
    s.forEach(([err], i) => {
      const hits = Object.entries(guards)
        .filter(([, g]) => g(err))
        .map(([n]) => n);
      expect(hits, err.constructor.name).toEqual([expected[i]]);
    });
  });

  it('non-errors satisfy none', () => {
    for (const x of [undefined, null, 0, 'LibvirtError', true, {}, [], () => 1, new Error('x'), Symbol('e')])
      for (const [n, g] of Object.entries(guards)) expect(g(x), `${n}(${String(x)})`).toBe(false);
  });

  it('isLibvirtError and isAppError narrow to a code', () => {
    expect(isLibvirtError(lv(ErrorCode.NO_DOMAIN), ErrorCode.NO_DOMAIN)).toBe(true);
    expect(isLibvirtError(lv(ErrorCode.NO_DOMAIN), ErrorCode.NO_STORAGE_POOL)).toBe(false);
    const e: unknown = lv(ErrorCode.NO_STORAGE_VOL, 'Storage volume not found');
    if (isLibvirtError(e)) expect([e.code, e.domain, e.codeName]).toEqual([50, 10, 'NO_STORAGE_VOL']);
    expect(isAppError(new AppError('not-connected', 'x'), 'not-connected')).toBe(true);
    expect(isAppError(new AppError('not-connected', 'x'), 'busy')).toBe(false);
  });

  it('a branded object missing the fields its guard promises is refused', () => {
    const half = new AppError('x', 'y');
    (half as unknown as { code: unknown }).code = 7;
    expect(isAppError(half)).toBe(false);
    const lvNoCode = lv(42);
    (lvNoCode as unknown as { code: unknown }).code = '42';
    expect(isLibvirtError(lvNoCode)).toBe(false);
    const lvNoDomain = lv(42);
    (lvNoDomain as unknown as { domain: unknown }).domain = undefined;
    expect(isLibvirtError(lvNoDomain)).toBe(false);
  });

  it('isLinkError: the connection closed or ssh failed, nothing else', () => {
    expect(isLinkError(new ConnectionClosedError('a'))).toBe(true);
    expect(isLinkError(new SshError('a: the SSH session is closed'))).toBe(true);
    expect(isLinkError(new TimeoutError('a', 1, 0x20008086, 1000))).toBe(false);
    expect(isLinkError(lv(ErrorCode.NO_CONNECT))).toBe(false);
  });

  it('errors made by a second copy of the modules (crossed a module boundary) are recognised; instanceof is not', async () => {
    vi.resetModules();
    const other = await import('./errors');
    const otherSsh = await import('../transport/ssh/errors');
    const otherShared = await import('../../shared/errors');
    expect(other.LibvirtError).not.toBe(LibvirtError);
    const e = new other.LibvirtError({ code: 42, domain: 10, message: 'gone', level: 2, int1: 0, int2: 0 });
    expect(e instanceof LibvirtError).toBe(false);
    expect(isLibvirtError(e, 42)).toBe(true);
    expect(classify(e)).toEqual({ kind: 'libvirt', code: 42, codeName: 'NO_DOMAIN', domain: 10, message: 'gone' });
    expect(isConnectionClosedError(new other.ConnectionClosedError('a'))).toBe(true);
    expect(isTimeoutError(new other.TimeoutError('a', 1, 2, 3))).toBe(true);
    expect(isAbortedError(new other.AbortedError('x'))).toBe(true);
    expect(isAuthError(new otherSsh.AuthError('x', true))).toBe(true);
    expect(classify(new otherSsh.AuthError('x', true))).toEqual({ kind: 'auth', message: 'x', cancelled: true });
    expect(isHostKeyError(new otherSsh.HostKeyRejectedError('x'))).toBe(true);
    expect(isAppError(new otherShared.AppError('not-connected', 'x'), 'not-connected')).toBe(true);
    // and the other way round: the other copy's guards know ours
    expect(other.isLibvirtError(lv(42), 42)).toBe(true);
  });
});

describe('withLibvirtHint wraps instead of mutating', () => {
  it("a libvirt error becomes an AppError with libvirt's message, the hint, and the error as cause", () => {
    const inner = lv(ErrorCode.OPERATION_FAILED, 'internal error: unable to execute QEMU command');
    const out = withLibvirtHint(inner, 'Nothing was attached to the running VM.');
    expect(out).toBeInstanceOf(AppError);
    expect(out).toMatchObject({ code: 'libvirt', message: inner.message, hint: 'Nothing was attached to the running VM.' });
    expect((out as Error).cause).toBe(inner);
    expect(inner).not.toHaveProperty('hint');
    expect(libvirtCause(out)).toBe(inner);
    expect(libvirtCause(inner)).toBe(inner);
  });

  it('any other error comes back as it was', () => {
    for (const e of [new ConnectionClosedError('a'), new Error('x'), 'text', undefined]) expect(withLibvirtHint(e, 'h')).toBe(e);
    expect(libvirtCause(new ConnectionClosedError('a', new Error('x')))).toBeUndefined();
    expect(libvirtCause(undefined)).toBeUndefined();
  });
});

describe('AppError', () => {
  it('takes a hint, or { cause, hint }', () => {
    const a = new AppError('busy', 'm', 'h');
    expect([a.code, a.message, a.hint, 'cause' in a]).toEqual(['busy', 'm', 'h', false]);
    const cause = new Error('root');
    const b = new AppError('x', 'm', { cause, hint: 'try' });
    expect([b.hint, b.cause]).toEqual(['try', cause]);
    const c = new AppError('x', 'm', { cause: undefined });
    expect('cause' in c).toBe(true);
    expect(new AppError('x', 'm').hint).toBeUndefined();
    expect(b.toApi()).toEqual({ code: 'x', message: 'm', hint: 'try' });
  });
});
