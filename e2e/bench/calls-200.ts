/**
 * calls-200 (ms): connect, then 200 DOMAIN_GET_STATE calls for one guest, one after the other
 * (each waits for the previous reply: a round-trip benchmark, no pipelining). Baseline: one virsh
 * process running `domstate G; domstate G; …` ×200 on one connection. `extra` reports what a
 * script calling virsh once per call would take: the median of 5 single `virsh domstate`
 * processes, scaled to 200. The guest is `tiny-local`: same as tiny for this purpose, and always
 * on host A (other tests migrate tiny away and back at any time).
 */
import { performance } from 'node:perf_hooks';
import { domainGetState, domainLookupByName } from '../../electron/libvirt/domain';
import { runVirsh, timedVireo, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const CALLS = 200;
const guest = 'tiny-local';

const bench: Bench = {
  name: 'calls-200',
  unit: 'ms',
  runs: 5,
  baselineLabel: `virsh 'domstate' x${CALLS} (one process)`,
  vireo: async () =>
    timedVireo('A', undefined, async (rpc) => {
      const dom = await domainLookupByName(rpc, guest);
      for (let i = 0; i < CALLS; i++) await domainGetState(rpc, dom);
    }),
  baseline: async () => {
    const out = await runVirsh(virshUri('A'), [Array.from({ length: CALLS }, () => `domstate ${guest}`).join(' ; ')]);
    const n = out.split('\n').filter((l) => l.trim() !== '').length;
    if (n !== CALLS) throw new Error(`expected ${CALLS} states, got ${n}`);
  },
  extra: async () => {
    const one: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await runVirsh(virshUri('A'), ['domstate', guest]);
      one.push(performance.now() - t0);
    }
    return { 'virsh process per call, x200 (ms)': median(one) * CALLS };
  },
};
export default bench;
