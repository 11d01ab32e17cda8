/**
 * The lab's hosts reach Vireo only the way an admin's hosts do (H3): seeded into a data dir before
 * the app starts (npm run demo), or added with hosts.add and the host-key confirmation.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { createBackend } from '../../electron/backend';
import { connectLabHosts, inProcess, seedLabHosts } from './hosts';
import { readLab } from './lab';

const lab = readLab();
let backends: Backend[] = [];
const open = (dataDir: string): Backend => {
  const b = createBackend({ mode: 'web', dataDir });
  backends.push(b);
  return b;
};
afterEach(async () => {
  await Promise.all(backends.map((b) => b.close()));
  backends = [];
});

describe('lab hosts without a lab inside the app (h3)', () => {
  it('h3 seedLabHosts writes hosts.json and known_hosts with the app code; the app then connects both with no prompt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-h3-seed-'));
    expect(await seedLabHosts(dir, lab)).toEqual({ added: ['lab-a', 'lab-b'], kept: [] });
    const known = readFileSync(join(dir, 'known_hosts'), 'utf8');
    expect(known).toBe(`${lab.hosts.map((h) => `${h.address} ${h.hostKey.split(' ').slice(0, 2).join(' ')}`).join('\n')}\n`);
    // A second run keeps what is there and writes nothing twice.
    expect(await seedLabHosts(dir, lab)).toEqual({ added: [], kept: ['lab-a', 'lab-b'] });
    expect(readFileSync(join(dir, 'known_hosts'), 'utf8')).toBe(known);
    expect(JSON.stringify(JSON.parse(readFileSync(join(dir, 'hosts.json'), 'utf8')))).not.toContain('password');

    // Nobody listens for prompts here, so an unknown host key would be refused: connecting proves the seeded keys.
    const be = open(dir);
    const saved = be.hosts.list();
    expect(saved.map((h) => [h.spec.name, h.spec.address, h.state.status])).toEqual([
      ['lab-a', lab.hosts[0]?.address, 'disconnected'],
      ['lab-b', lab.hosts[1]?.address, 'disconnected'],
    ]);
    for (const h of saved) expect((await be.hosts.connect(h.id)).state.status).toBe('connected');
  });

  it('demo: hosts seeded with autoconnect are connected when the app starts, with no call and no prompt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-demo-seed-'));
    // An earlier demo run saved the hosts without the mark: the next run adds it.
    await seedLabHosts(dir, lab);
    expect(await seedLabHosts(dir, lab, { autoconnect: true })).toEqual({ added: [], kept: ['lab-a', 'lab-b'] });
    const be = open(dir);
    const ids = await be.autoconnected;
    expect(ids).toHaveLength(2);
    expect(be.hosts.list().map((h) => [h.spec.name, h.spec.autoconnect, h.state.status])).toEqual([
      ['lab-a', true, 'connected'],
      ['lab-b', true, 'connected'],
    ]);
  });

  it('h3 connectLabHosts confirms only the fingerprint the lab published, and then both hosts are connected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-h3-add-'));
    const be = open(dir);
    const forged = { ...lab, hosts: lab.hosts.map((h) => ({ ...h, fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })) };
    await expect(connectLabHosts(inProcess(be), forged)).rejects.toThrow(/was not trusted.*refused: lab-a presented ssh-ed25519 SHA256:/s);
    expect(existsSync(join(dir, 'known_hosts'))).toBe(false);
    expect(be.hosts.list()).toEqual([]);

    const hosts = await connectLabHosts(inProcess(be), lab);
    expect(hosts.map((h) => [h.spec.address, h.state.status])).toEqual(lab.hosts.map((h) => [h.address, 'connected']));
    // Again: the same hosts, connected, nothing added twice.
    const again = await connectLabHosts(inProcess(be), lab);
    expect(again.map((h) => h.id)).toEqual(hosts.map((h) => h.id));
    expect(readFileSync(join(dir, 'known_hosts'), 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
