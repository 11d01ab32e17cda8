/**
 * connect-list (ms): a cold process, from its start to its exit, that connects to lab host A,
 * lists all domains with their state and prints them. Both sides are cold processes.
 * Vireo: `node connect-list.mjs`, the app's connection code (SSH session, libvirt channel,
 * handshake, one CONNECT_GET_ALL_DOMAIN_STATS with the STATE group, the VM list's call) bundled in
 * setup with the app's own esbuild settings (_connect-list-cli.ts). Baseline: `virsh -c
 * qemu+ssh://root@10.203.0.1/system list --all` (which lists, then asks each domain's state).
 * See _virsh.ts for how both reach the host.
 *
 * extra: the earlier, unlike figures (old …): Vireo inside this warm process (connect and list,
 * close outside the time) against the same cold virsh.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { domainListAllWithState } from '../../electron/libvirt/domain';
import { ROOT } from '../fixtures';
import { labHost, readLab } from '../lab/lab';
import { runVirsh, timedVireo, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const GUEST = 'tiny-local';
// Inside the tree, so that node resolves the bundle's external packages (ssh2) from node_modules.
const OUT = join(ROOT, 'node_modules', '.cache', 'vireo-bench', 'connect-list.mjs');
const baselineMs: number[] = [];

function runNode(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`node ${args[0]}: ${stderr.trim() || err.message}`)) : resolve(stdout),
    );
  });
}

const bench: Bench = {
  name: 'connect-list',
  unit: 'ms',
  runs: 7,
  baselineLabel: 'virsh list --all (cold process)',
  async setup() {
    mkdirSync(join(OUT, '..'), { recursive: true });
    // electron/build.ts's settings: one ESM file, node_modules external.
    await build({
      entryPoints: [join(ROOT, 'e2e', 'bench', '_connect-list-cli.ts')],
      outfile: OUT,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      logLevel: 'warning',
    });
  },
  async vireo() {
    const lab = readLab();
    const h = labHost('A', lab);
    const arg = JSON.stringify({ host: h.address, port: h.port, user: h.user, keyPath: h.keyPath, knownHosts: lab.knownHosts, uri: h.uri });
    const t0 = performance.now();
    const out = await runNode([OUT, arg]);
    const ms = performance.now() - t0;
    if (!out.split('\n').some((l) => l.startsWith(`${GUEST} `))) throw new Error(`${GUEST} is not listed on host A:\n${out}`);
    return ms;
  },
  async baseline() {
    const t0 = performance.now();
    const out = await runVirsh(virshUri('A'), ['list', '--all']);
    const ms = performance.now() - t0;
    if (!out.includes(GUEST)) throw new Error(`${GUEST} is not listed on host A`);
    baselineMs.push(ms);
    return ms;
  },
  async extra() {
    const old: number[] = [];
    for (let i = 0; i < 3; i++)
      old.push(
        await timedVireo('A', undefined, async (rpc) => {
          const doms = await domainListAllWithState(rpc);
          if (!doms.some((d) => d.name === GUEST)) throw new Error(`${GUEST} is not listed on host A`);
        }),
      );
    return {
      'old vireo ms (in this warm process, close untimed)': median(old),
      'old ratio': median(old) / median(baselineMs),
    };
  },
};
export default bench;
