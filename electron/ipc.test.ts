import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from './ipc';

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
    const err = Object.assign(new Error('Requested operation is not valid: domain is already running'), {
      name: 'LibvirtError',
      code: 55,
      domain: 10,
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
