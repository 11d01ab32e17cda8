import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectLocal, localLibvirtAvailable } from './local';

describe('local libvirt socket', () => {
  it('connects to a unix socket and reports availability', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'vireo-local-')), 'libvirt-sock');
    expect(localLibvirtAvailable(path)).toBe(false);
    const server = createServer((c) => c.end('hello'));
    await new Promise<void>((r) => server.listen(path, r));
    try {
      expect(localLibvirtAvailable(path)).toBe(true);
      const s = await connectLocal(path);
      const got = await new Promise<string>((r) => s.once('data', (d: Buffer) => r(d.toString())));
      expect(got).toBe('hello');
      s.destroy();
    } finally {
      server.close();
    }
  });

  it('names the socket when it cannot connect', async () => {
    await expect(connectLocal('/nonexistent/libvirt-sock')).rejects.toThrow(
      'Cannot connect to the local libvirt daemon at /nonexistent/libvirt-sock: ENOENT',
    );
  });
});
