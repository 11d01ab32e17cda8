import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { createDispatcher, type Handlers, toApiError } from './ipc';
import { ConnectionClosedError, LibvirtError, TimeoutError, withLibvirtHint } from './libvirt/errors';
import { AuthError, HostKeyMismatchError, HostKeyRejectedError, SshError } from './transport/ssh/errors';

function handlers(calls: unknown[]): Handlers {
  const record = async (input: unknown) => {
    calls.push(input);
    return null as never;
  };
  return new Proxy({} as Handlers, { get: () => record });
}

describe('dispatch validates every request against its schema', () => {
  it('rejects a host spec with a shell-hostile address and never calls the service', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(handlers(calls));
    const r = await dispatch('hosts.add', { spec: { name: 'x', transport: 'ssh', address: 'a; rm -rf /', user: 'root' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-input');
    expect(r.error.message).toContain('spec.address');
    expect(calls).toHaveLength(0);
  });

  it('names every refused value at once, in words, and says nothing changed', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(handlers(calls));
    const r = await dispatch('hosts.add', { spec: { name: 'n'.repeat(70), transport: 'ssh', address: 'a b', port: 0 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe(
      'hosts.add refused 3 values: spec.name is longer than 64 characters; spec.address: Address may contain only letters, digits, ".", ":", "-", "_"; spec.port must be at least 1',
    );
    expect(r.error.hint).toBe('Nothing was changed. Correct the values named here and try again.');
    expect(r.error.issues?.map((i) => i.path)).toEqual(['spec.name', 'spec.address', 'spec.port']);
    expect(calls).toHaveLength(0);
  });

  it('rejects extra fields, wrong types and unknown requests', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(handlers(calls));
    expect((await dispatch('hosts.remove', { hostId: 'lab-a-1', evil: true })).ok).toBe(false);
    expect((await dispatch('hosts.remove', { hostId: 42 })).ok).toBe(false);
    expect((await dispatch('jobs.cancel', {})).ok).toBe(false);
    const unknown = await dispatch('process.exec', { cmd: 'id' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('unknown-request');
    expect(calls).toHaveLength(0);
  });

  it('passes validated input with defaults applied', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(handlers(calls));
    const r = await dispatch('hosts.add', {
      spec: { name: 'A', transport: 'ssh', address: '10.203.0.1', user: 'root', auth: { kind: 'agent' } },
    });
    expect(r.ok).toBe(true);
    expect(calls).toEqual([
      {
        spec: { name: 'A', transport: 'ssh', address: '10.203.0.1', user: 'root', auth: { kind: 'agent' }, uri: 'qemu:///system' },
        connect: true,
      },
    ]);
  });

  it("keeps libvirt's error code and message", async () => {
    const err = new LibvirtError({
      code: 55,
      domain: 10,
      message: 'Requested operation is not valid: domain is already running',
      level: 2,
      int1: -1,
      int2: -1,
    });
    const dispatch = createDispatcher(
      new Proxy({} as Handlers, {
        get: () => async () => {
          throw err;
        },
      }),
    );
    const r = await dispatch('jobs.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'libvirt', message: err.message, libvirt: { code: 55, domain: 10 } } });
  });
});

describe('toApiError: one shape for every error', () => {
  const lv = new LibvirtError({
    code: 9,
    domain: 10,
    message: 'operation failed: USB device 1234:5678 is in use',
    level: 2,
    int1: -1,
    int2: -1,
  });

  it("a wrapped libvirt error keeps libvirt's message, code and domain, and adds the hint", () => {
    expect(toApiError(withLibvirtHint(lv, 'Nothing was attached to the running VM.'))).toEqual({
      code: 'libvirt',
      message: lv.message,
      libvirt: { code: 9, domain: 10 },
      hint: 'Nothing was attached to the running VM.',
    });
    // an AppError of our own that explains a libvirt failure keeps its code and libvirt's numbers
    expect(toApiError(new AppError('not-found', 'tiny is gone', { cause: new AppError('libvirt', lv.message, { cause: lv }) }))).toEqual({
      code: 'not-found',
      message: 'tiny is gone',
      libvirt: { code: 9, domain: 10 },
    });
  });

  it('ssh, timeouts, app and other errors', () => {
    const cases: [unknown, unknown][] = [
      [
        new AppError('busy', 'tiny is already being migrated', 'Follow it in the Jobs panel.'),
        { code: 'busy', message: 'tiny is already being migrated', hint: 'Follow it in the Jobs panel.' },
      ],
      [new TimeoutError('lab-a', 3, 0x20008086, 5000), { code: 'timeout', message: 'lab-a: no reply to procedure 3 within 5 s' }],
      [new AuthError('Authentication failed for root@h'), { code: 'ssh', message: 'Authentication failed for root@h' }],
      [
        new HostKeyMismatchError('h', 2222, ['ssh-ed25519 SHA256:old'], 'ssh-ed25519 SHA256:new', '/data/known_hosts'),
        {
          code: 'ssh',
          message: expect.stringMatching(
            /^The host key of h:2222 has changed: \/data\/known_hosts has ssh-ed25519 SHA256:old, .*ssh-keygen -R '\[h\]:2222' -f '\/data\/known_hosts'/,
          ),
          hostKey: {
            host: 'h',
            port: 2222,
            expected: ['ssh-ed25519 SHA256:old'],
            presented: 'ssh-ed25519 SHA256:new',
            file: '/data/known_hosts',
          },
        },
      ],
      [
        new HostKeyRejectedError('The host key of root@h was not trusted'),
        { code: 'ssh', message: 'The host key of root@h was not trusted' },
      ],
      [new SshError('Cannot connect to root@h: ECONNREFUSED'), { code: 'internal', message: 'Cannot connect to root@h: ECONNREFUSED' }],
      [new ConnectionClosedError('lab-a'), { code: 'internal', message: 'lab-a: connection closed' }],
      [Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }), { code: 'ENOENT', message: 'ENOENT: no such file' }],
      [new Error('boom'), { code: 'internal', message: 'boom' }],
      ['text', { code: 'internal', message: 'text' }],
    ];
    for (const [err, want] of cases) expect(toApiError(err)).toEqual(want);
  });

  it('a hint set on a foreign error is not read: hints travel only in an AppError', () => {
    expect(toApiError(Object.assign(new Error('x'), { hint: 'mutated' }))).toEqual({ code: 'internal', message: 'x' });
    const other = new LibvirtError({ code: 55, domain: 10, message: 'not valid', level: 2, int1: -1, int2: -1 });
    expect(toApiError(Object.assign(other, { hint: 'mutated' }))).toEqual({
      code: 'libvirt',
      message: 'not valid',
      libvirt: { code: 55, domain: 10 },
    });
  });

  it('an Error named like a libvirt error but not one is internal (names are not proof)', () => {
    const fake = Object.assign(new Error('x'), { name: 'LibvirtError', code: 55, domain: 10 });
    expect(toApiError(fake)).toEqual({ code: 'internal', message: 'x' });
  });
});
