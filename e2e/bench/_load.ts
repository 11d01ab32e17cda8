/**
 * Load set-up shared by e2e/reliability.spec.ts and the main-rss-5x1000 benchmark: N hosts in the
 * app, each a libvirt test driver with 1000 running domains, reached over SSH to lab host A.
 * HostManager refuses the same address+user+port+uri twice, so each host gets its own copy of the
 * lab's dom1000.xml (t-rel-dom1000-N.xml, in the test-driver folder the hosts see).
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HostInfo } from '../../shared/api';
import type { AppServer } from '../fixtures';
import { labDir, readLab } from '../lab/lab';
import { BackendClient, trustHostKey } from '../pages/backend';

export function testDriverDir(): string {
  return join(labDir(), 'testdrv');
}

/** Copies dom1000.xml n times; returns the test-driver URIs. */
export function prepareDom1000Copies(n: number): string[] {
  const src = join(testDriverDir(), 'dom1000.xml');
  return Array.from({ length: n }, (_, i) => {
    const file = join(testDriverDir(), `t-rel-dom1000-${i + 1}.xml`);
    copyFileSync(src, file);
    return `test://${file}`;
  });
}

export function removeDom1000Copies(n: number): void {
  for (let i = 1; i <= n; i++) rmSync(join(testDriverDir(), `t-rel-dom1000-${i}.xml`), { force: true });
}

/** Adds and connects n test-driver hosts (1000 domains each) through the web bridge, all at once. */
export async function addLoadHosts(server: AppServer, n: number): Promise<HostInfo[]> {
  const A = readLab().hosts.find((h) => h.id === 'A');
  if (!A) throw new Error('the lab describes no host A');
  trustHostKey(server, A.address, A.hostKey);
  const uris = prepareDom1000Copies(n);
  const client = await BackendClient.connect(server);
  try {
    return await Promise.all(
      uris.map((uri, i) =>
        client.call('hosts.add', {
          spec: {
            name: `t-rel-load-${i + 1}`,
            transport: 'ssh',
            address: A.address,
            port: A.port,
            user: A.user,
            auth: { kind: 'key', path: A.keyPath },
            uri,
          },
          connect: true,
        }),
      ),
    );
  } finally {
    client.close();
  }
}

/** Resident memory of a process (VmRSS), MiB. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m?.[1]) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}
