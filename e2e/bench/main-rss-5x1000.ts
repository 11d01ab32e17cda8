/**
 * main-rss-5x1000 (absolute, MiB): resident memory of the backend process (the web-mode stand-in
 * for Electron's main process: the same backend.ts, services and connections) with 5 hosts of
 * 1000 running domains each (libvirt's test driver over SSH to lab host A) connected at once and
 * all 5000 domains listed, as the VM table does. Target: under 150 MiB.
 *
 * extra: the RSS before adding the hosts, and the number of domains listed.
 */
import { type AppServer, startServer } from '../fixtures';
import { BackendClient } from '../pages/backend';
import { addLoadHosts, removeDom1000Copies, rssMiB } from './_load';
import type { Bench } from './types';

const HOSTS = 5;
let server: AppServer | undefined;
let idleMiB = 0;
let listed = 0;

const bench: Bench = {
  name: 'main-rss-5x1000',
  unit: 'MiB',
  runs: 3,
  setup: async () => {
    server = await startServer();
    idleMiB = rssMiB(server.proc.pid ?? 0);
    await addLoadHosts(server, HOSTS);
  },
  vireo: async () => {
    if (!server) throw new Error('no backend');
    const client = await BackendClient.connect(server);
    try {
      const doms = await client.call('domains.list', {});
      listed = doms.length;
      if (listed !== HOSTS * 1000) throw new Error(`listed ${listed} domains, expected ${HOSTS * 1000}`);
    } finally {
      client.close();
    }
    return rssMiB(server.proc.pid ?? 0);
  },
  extra: async () => ({ idleMiB, domainsListed: listed }),
  teardown: async () => {
    await server?.stop();
    removeDom1000Copies(HOSTS);
  },
};
export default bench;
