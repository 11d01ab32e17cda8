/**
 * calls-200 (ms): 200 `domstate` calls for one guest on an open connection, one after the other
 * (each waits for the previous reply: a round-trip benchmark, no pipelining). Both sides are warm
 * and do the same RPCs: virsh's `domstate NAME` is DOMAIN_LOOKUP_BY_NAME + DOMAIN_GET_STATE, so
 * Vireo makes the same two calls each time.
 * Vireo: one LibvirtConnection over SSH, opened in setup. Baseline: one interactive virsh (its
 * connection opened in setup) fed `domstate G` ×200 in one write, until the line after the last.
 * The guest is `tiny-local`: same as tiny for this purpose, and always on host A (other tests
 * migrate tiny away and back at any time).
 *
 * extra: the earlier, unlike figures (old …): Vireo connecting inside its time and closing outside
 * it, one LOOKUP then 200 GET_STATE, against a cold virsh process doing 200 domstate; and what a
 * script calling virsh once per call would take (5 single `virsh domstate` processes, scaled).
 */
import { performance } from 'node:perf_hooks';
import { domainGetState, domainLookupByName } from '../../electron/libvirt/domain';
import { runVirsh, timedVireo, type VireoConn, VirshShell, vireoConnect, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const CALLS = 200;
const guest = 'tiny-local';
let conn: VireoConn | undefined;
let shell: VirshShell | undefined;

const bench: Bench = {
  name: 'calls-200',
  unit: 'ms',
  runs: 5,
  baselineLabel: `virsh 'domstate' x${CALLS} (interactive, connected)`,
  async setup() {
    conn = await vireoConnect('A');
    shell = await VirshShell.open(virshUri('A'));
  },
  async vireo() {
    if (!conn) throw new Error('setup did not run');
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await domainGetState(conn.rpc, await domainLookupByName(conn.rpc, guest));
    return performance.now() - t0;
  },
  async baseline() {
    if (!shell) throw new Error('setup did not run');
    const t0 = performance.now();
    const out = await shell.run(Array.from({ length: CALLS }, () => `domstate ${guest}`));
    const ms = performance.now() - t0;
    const n = out.filter((l) => l.trim() === 'running').length;
    if (n !== CALLS) throw new Error(`expected ${CALLS} states, got ${n}`);
    return ms;
  },
  async extra() {
    const oldVireo: number[] = [];
    const oldVirsh: number[] = [];
    for (let i = 0; i < 3; i++) {
      oldVireo.push(
        await timedVireo('A', undefined, async (rpc) => {
          const dom = await domainLookupByName(rpc, guest);
          for (let j = 0; j < CALLS; j++) await domainGetState(rpc, dom);
        }),
      );
      const t0 = performance.now();
      await runVirsh(virshUri('A'), [Array.from({ length: CALLS }, () => `domstate ${guest}`).join(' ; ')]);
      oldVirsh.push(performance.now() - t0);
    }
    const one: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await runVirsh(virshUri('A'), ['domstate', guest]);
      one.push(performance.now() - t0);
    }
    return {
      'old vireo ms (connect + 1 lookup + 200 states, close untimed)': median(oldVireo),
      'old baseline ms (cold virsh process, 200 domstate)': median(oldVirsh),
      'old ratio': median(oldVireo) / median(oldVirsh),
      'virsh process per call, x200 (ms)': median(one) * CALLS,
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
