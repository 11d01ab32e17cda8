/**
 * domstats-1000 (ms): connect and fetch all stats of the 1000 running domains of the libvirt
 * test driver (lab host A's dom1000.xml, through SSH like any host). Vireo: SSH +
 * CONNECT_OPEN(test:///…) + CONNECT_GET_ALL_DOMAIN_STATS, decoded into records. Baseline:
 * `virsh -c test+ssh://root@10.203.0.1/…/dom1000.xml domstats`, the same work in one process.
 */
import { domainGetAllStats } from '../../electron/libvirt/domain';
import { labHost } from '../lab/lab';
import { runVirsh, timedVireo, virshUri } from './_virsh';
import type { Bench } from './types';

const uri = (): string => labHost('A').testUris.dom1000;

const bench: Bench = {
  name: 'domstats-1000',
  unit: 'ms',
  runs: 7,
  baselineLabel: 'virsh domstats (test driver, 1000 domains)',
  vireo: async () =>
    timedVireo('A', uri(), async (rpc) => {
      const recs = await domainGetAllStats(rpc, { timeoutMs: 120_000 });
      if (recs.length !== 1000) throw new Error(`expected 1000 records, got ${recs.length}`);
    }),
  baseline: async () => {
    const out = await runVirsh(virshUri('A', uri()), ['domstats']);
    const n = out.split('\n').filter((l) => l.startsWith('Domain: ')).length;
    if (n !== 1000) throw new Error(`expected 1000 records, got ${n}`);
  },
};
export default bench;
