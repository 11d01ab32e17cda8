/**
 * domstats-1000 (ms): all stats of the 1000 running domains of the libvirt test driver (lab host
 * A's dom1000.xml, through SSH like any host), on an open connection. Vireo: one
 * CONNECT_GET_ALL_DOMAIN_STATS on a LibvirtConnection opened in setup, decoded into records.
 * Baseline: `domstats` in one interactive virsh whose test+ssh connection opened in setup, until
 * the line after its output. Both sides warm: the connection is not what is measured.
 *
 * extra: the earlier, unlike figures (old …): Vireo connecting inside its time (closing outside
 * it) against a cold `virsh -c test+ssh://… domstats` process.
 */
import { performance } from 'node:perf_hooks';
import { domainGetAllStats } from '../../electron/libvirt/domain';
import { labHost } from '../lab/lab';
import { runVirsh, timedVireo, type VireoConn, VirshShell, vireoConnect, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const DOMAINS = 1000;
const uri = (): string => labHost('A').testUris.dom1000;
let conn: VireoConn | undefined;
let shell: VirshShell | undefined;

const records = (out: string | string[]): number =>
  (typeof out === 'string' ? out.split('\n') : out).filter((l) => l.startsWith('Domain: ')).length;

const bench: Bench = {
  name: 'domstats-1000',
  unit: 'ms',
  runs: 7,
  baselineLabel: `virsh domstats (interactive, connected; test driver, ${DOMAINS} domains)`,
  async setup() {
    conn = await vireoConnect('A', uri());
    shell = await VirshShell.open(virshUri('A', uri()));
  },
  async vireo() {
    if (!conn) throw new Error('setup did not run');
    const t0 = performance.now();
    const recs = await domainGetAllStats(conn.rpc, { timeoutMs: 120_000 });
    const ms = performance.now() - t0;
    if (recs.length !== DOMAINS) throw new Error(`expected ${DOMAINS} records, got ${recs.length}`);
    return ms;
  },
  async baseline() {
    if (!shell) throw new Error('setup did not run');
    const t0 = performance.now();
    const out = await shell.run(['domstats']);
    const ms = performance.now() - t0;
    if (records(out) !== DOMAINS) throw new Error(`expected ${DOMAINS} records, got ${records(out)}`);
    return ms;
  },
  async extra() {
    const oldVireo: number[] = [];
    const oldVirsh: number[] = [];
    for (let i = 0; i < 3; i++) {
      oldVireo.push(
        await timedVireo('A', uri(), async (rpc) => {
          const recs = await domainGetAllStats(rpc, { timeoutMs: 120_000 });
          if (recs.length !== DOMAINS) throw new Error(`expected ${DOMAINS} records, got ${recs.length}`);
        }),
      );
      const t0 = performance.now();
      const out = await runVirsh(virshUri('A', uri()), ['domstats']);
      oldVirsh.push(performance.now() - t0);
      if (records(out) !== DOMAINS) throw new Error(`expected ${DOMAINS} records, got ${records(out)}`);
    }
    return {
      'old vireo ms (connect + domstats, close untimed)': median(oldVireo),
      'old baseline ms (cold virsh process)': median(oldVirsh),
      'old ratio': median(oldVireo) / median(oldVirsh),
    };
  },
  async teardown() {
    await shell?.close();
    await conn?.close();
    shell = undefined;
    conn = undefined;
  },
};
export default bench;
