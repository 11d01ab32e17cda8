import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestOutput } from '../../shared/api';
import { type Backend, createBackend } from '../backend';
import { HostStore } from './store';

let open: Backend[] = [];
afterEach(async () => {
  await Promise.all(open.map((b) => b.close()));
  open = [];
  vi.restoreAllMocks();
});

const call = async <N extends 'app.info' | 'hosts.list'>(b: Backend, name: N): Promise<RequestOutput<N>> => {
  const r = await b.dispatch(name, {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as RequestOutput<N>;
};

describe('a corrupt hosts.json (low)', () => {
  it('low corrupt hosts.json: the app starts with no hosts, keeps the file as hosts.json.corrupt-<time> and says what was wrong', async () => {
    const cases = [
      ['{"version": 1, "hosts": [', /not valid JSON/],
      ['', /not valid JSON/],
      ['{"version": 1, "hosts": [{"id": "BAD ID", "spec": {}}]}', /not in the expected form \(hosts\.0\.id: Invalid host id/],
      ['{"version": 7}', /not in the expected form/],
    ] as const;
    for (const [content, why] of cases) {
      const dir = mkdtempSync(join(tmpdir(), 'vireo-low-hosts-'));
      writeFileSync(join(dir, 'hosts.json'), content);
      const err = vi.spyOn(console, 'error').mockImplementation(() => {});
      const b = createBackend({ mode: 'web', dataDir: dir }); // used to throw SyntaxError here
      open.push(b);
      expect(await call(b, 'hosts.list')).toEqual([]);
      const info = await call(b, 'app.info');
      expect(info.startupWarnings).toHaveLength(1);
      const w = info.startupWarnings[0];
      expect(w?.code).toBe('hosts-file-corrupt');
      expect(w?.message).toMatch(why);
      expect(w?.message).toContain(join(dir, 'hosts.json'));
      const backups = readdirSync(dir).filter((f) => f.startsWith('hosts.json.corrupt-'));
      expect(backups).toHaveLength(1);
      expect(readFileSync(join(dir, backups[0] ?? ''), 'utf8')).toBe(content);
      expect(w?.hint).toContain(backups[0]);
      expect(err).toHaveBeenCalledWith(expect.stringContaining('[store] The saved hosts file could not be read'));
      err.mockRestore();
    }
  });

  it('low a good hosts.json loads with no warning, and saving never touches a set-aside copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-low-hosts-ok-'));
    const store = new HostStore(dir);
    store.save([{ id: 'lab-a', spec: { name: 'lab-a', transport: 'ssh', address: '10.203.0.1', uri: 'qemu:///system' } }]);
    const again = new HostStore(dir);
    expect(again.load().map((h) => h.id)).toEqual(['lab-a']);
    expect(again.warnings).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['hosts.json']);
  });
});
