// HostManager without a network: adding hosts (saved, not connected) — which hosts count as the
// same one, what is written to disk, where a password goes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostSpec } from '../../shared/api';
import { EventHub } from '../core/events';
import { HostStore, MemorySecrets } from '../core/store';
import { HostManager } from './hosts';
import { PromptBroker } from './prompts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'vireo-hosts-test-'));
  dirs.push(dir);
  const events = new EventHub();
  const store = new HostStore(dir);
  const secrets = new MemorySecrets();
  const deps = { events, store, secrets, prompts: new PromptBroker(events), knownHostsPath: join(dir, 'known_hosts') };
  return { hosts: new HostManager(deps), deps, dir, secrets };
}

const base: HostSpec = { name: 'alpha', transport: 'ssh', address: '10.0.0.5', user: 'root', uri: 'qemu:///system' };

describe('HostManager.add: the same host twice', () => {
  it.each<[string, Partial<HostSpec>]>([
    ['port 22 spelled out (the default)', { port: 22 }],
    ['only the name differs', { name: 'beta' }],
  ])('refuses %s', async (_, change) => {
    const { hosts } = setup();
    await hosts.add(base, false);
    await expect(hosts.add({ ...base, ...change, name: change.name ?? 'again' }, false)).rejects.toMatchObject({
      code: 'exists',
      message: '10.0.0.5 is already added as "alpha"',
    });
    expect(hosts.list()).toHaveLength(1);
  });

  it.each<[string, Partial<HostSpec>]>([
    ['another port', { port: 2222 }],
    ['another user', { user: 'admin' }],
    ['no user', { user: undefined }],
    ['another address', { address: '10.0.0.6' }],
    ['another libvirt URI', { uri: 'qemu:///session' }],
  ])('accepts the same address with %s', async (_, change) => {
    const { hosts } = setup();
    await hosts.add(base, false);
    const added = await hosts.add({ ...base, ...change, name: 'beta' }, false);
    expect(added.spec.name).toBe('beta');
    expect(hosts.list().map((h) => h.spec.name)).toEqual(['alpha', 'beta']);
  });

  it('a host saved on port 2222 is the same as 2222 again, not as the default port', async () => {
    const { hosts } = setup();
    await hosts.add({ ...base, port: 2222 }, false);
    await expect(hosts.add({ ...base, port: 2222, name: 'again' }, false)).rejects.toMatchObject({ code: 'exists' });
    await hosts.add({ ...base, name: 'default-port' }, false);
    await expect(hosts.add({ ...base, port: 22, name: 'again' }, false)).rejects.toMatchObject({
      code: 'exists',
      message: '10.0.0.5 is already added as "default-port"',
    });
    expect(hosts.list().map((h) => [h.spec.name, h.spec.port])).toEqual([
      ['alpha', 2222],
      ['default-port', undefined],
    ]);
  });

  it('this computer once', async () => {
    const { hosts } = setup();
    const local: HostSpec = { name: 'here', transport: 'local', uri: 'qemu:///system' };
    await hosts.add(local, false);
    await expect(hosts.add({ ...local, name: 'here2' }, false)).rejects.toMatchObject({
      code: 'exists',
      message: 'This computer is already added as "here"',
    });
    // An SSH host is not this computer.
    await hosts.add(base, false);
    expect(hosts.list()).toHaveLength(2);
  });
});

describe('HostManager.add: what is kept', () => {
  it('saves the host without its password; the password goes to the secret store', async () => {
    const { hosts, dir, secrets, deps } = setup();
    const info = await hosts.add({ ...base, auth: { kind: 'password', password: 's3cret' } }, false);
    expect(info.id).toMatch(/^alpha-[0-9a-f]{6}$/);
    expect(info.state).toEqual({ status: 'disconnected' });
    expect(info.spec.auth).toEqual({ kind: 'password' });
    const file = readFileSync(join(dir, 'hosts.json'), 'utf8');
    expect(file).not.toContain('s3cret');
    expect(JSON.parse(file)).toEqual({ version: 1, hosts: [{ id: info.id, spec: { ...base, auth: { kind: 'password' } } }] });
    expect(secrets.get(info.id)).toBe('s3cret');
    // A new manager over the same store sees the same host.
    const again = new HostManager(deps);
    expect(again.list().map((h) => h.id)).toEqual([info.id]);
  });

  it('a refused duplicate writes nothing and stores no secret', async () => {
    const { hosts, dir, secrets } = setup();
    await hosts.add(base, false);
    const before = readFileSync(join(dir, 'hosts.json'), 'utf8');
    const setSecret = vi.spyOn(secrets, 'set');
    await expect(hosts.add({ ...base, name: 'dup', auth: { kind: 'password', password: 'pw' } }, false)).rejects.toMatchObject({
      code: 'exists',
    });
    expect(readFileSync(join(dir, 'hosts.json'), 'utf8')).toBe(before);
    expect(setSecret).not.toHaveBeenCalled();
  });
});

describe('HostManager.autoconnect: "connect when Vireo starts"', () => {
  /** A loopback port nobody listens on (opened, then closed): a connect there is refused at once. */
  async function closedPort(): Promise<number> {
    const { createServer } = await import('node:net');
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const addr = srv.address();
    await new Promise<void>((r) => srv.close(() => r()));
    if (!addr || typeof addr === 'string') throw new Error('no port');
    return addr.port;
  }

  it('tries only the marked hosts; a marked host that cannot be reached shows why in its own state', async () => {
    const { hosts, deps } = setup();
    const port = await closedPort();
    const marked = await hosts.add({ ...base, name: 'marked', address: '127.0.0.1', port, autoconnect: true }, false);
    const plain = await hosts.add({ ...base, name: 'plain', address: '127.0.0.1', port: port, user: 'other' }, false);
    // A new start over the same store, as the app does.
    const again = new HostManager(deps);
    expect(await again.autoconnect()).toEqual([]);
    const byId = new Map(again.list().map((h) => [h.id, h]));
    const failed = byId.get(marked.id)?.state;
    expect(failed?.status).toBe('failed');
    expect(failed?.status === 'failed' ? failed.error.message : '').toMatch(/ECONNREFUSED|refused/i);
    expect(byId.get(plain.id)?.state).toEqual({ status: 'disconnected' });
    expect(again.list().find((h) => h.id === marked.id)?.spec.autoconnect).toBe(true);
    await hosts.remove(marked.id);
  });

  it('update sets and clears the mark, and it is saved', async () => {
    const { hosts, deps } = setup();
    const h = await hosts.add(base, false);
    expect(h.spec.autoconnect).toBeUndefined();
    await hosts.update(h.id, { autoconnect: true });
    expect(new HostManager(deps).list()[0]?.spec.autoconnect).toBe(true);
    await hosts.update(h.id, { autoconnect: false });
    expect(new HostManager(deps).list()[0]?.spec.autoconnect).toBe(false);
  });
});
