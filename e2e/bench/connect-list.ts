/**
 * connect-list (ms): from nothing to the list of all domains with their state on lab host A.
 * Vireo: SSH + CONNECT_OPEN + one CONNECT_GET_ALL_DOMAIN_STATS (STATE group), the call the VM
 * list uses. Baseline: `virsh -c qemu+ssh://root@10.203.0.1/system list --all` as a process
 * (which lists, then asks each domain's state). See _virsh.ts for how both sides connect.
 */
import { domainListAllWithState } from '../../electron/libvirt/domain';
import { runVirsh, timedVireo, virshUri } from './_virsh';
import type { Bench } from './types';

const bench: Bench = {
  name: 'connect-list',
  unit: 'ms',
  runs: 7,
  baselineLabel: 'virsh list --all',
  vireo: async () =>
    timedVireo('A', undefined, async (rpc) => {
      const doms = await domainListAllWithState(rpc);
      if (!doms.some((d) => d.name === 'tiny-local')) throw new Error('tiny-local is not listed on host A');
    }),
  baseline: async () => {
    const out = await runVirsh(virshUri('A'), ['list', '--all']);
    if (!out.includes('tiny-local')) throw new Error('tiny-local is not listed on host A');
  },
};
export default bench;
