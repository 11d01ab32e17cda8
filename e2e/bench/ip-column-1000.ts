/**
 * ip-column-1000 (absolute and against virsh, ms): the IP addresses of 1000 running VMs read after
 * a host connects, as the VM table's "IP address" column asks for them. libvirt's test driver on
 * lab host A, reached over SSH like any host: this benchmark's own node file (1000 running
 * domains, each with a NIC on a test network; the lab's dom1000.xml has no NICs), written to the
 * lab's tmp dir, which host A sees at the same path.
 *
 * Vireo: the real backend (web bridge); each run connects the host (not timed), then asks
 * `guest.addresses` as the table does and polls its cache until all 1000 VMs have addresses.
 * The backend reads 4 VMs at a time per host; each read asks the agent first (the test driver
 * answers the agent source with made-up addresses, so one call per VM here; a real VM without an
 * agent costs one more call, the DHCP leases). Baseline: one interactive virsh, connected before
 * the clock, running `domifaddr bench-NNNN` for each (its default source, the leases), which is a
 * lookup by name plus the addresses call: 2 calls per VM.
 *
 * extra: the libvirt calls Vireo made for the addresses (its own count, in its reply), virsh's
 * (2 per VM, by construction), and the calls Vireo made over one idle minute after the read
 * (no events, no polling: must be 0).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type AppServer, startServer } from '../fixtures';
import { readLab } from '../lab/lab';
import { BackendClient, trustHostKey } from '../pages/backend';
import { VirshShell, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const DOMAINS = 1000;
const IDLE_MS = 60_000;
let server: AppServer | undefined;
let backend: BackendClient | undefined;
let shell: VirshShell | undefined;
let hostId = '';
let uri = '';
let file = '';
const calls: number[] = [];

function nodeFile(path: string): void {
  const doms: string[] = [];
  for (let i = 1; i <= DOMAINS; i++) {
    const n = String(i).padStart(4, '0');
    const mac = `52:54:00:20:${n.slice(0, 2)}:${n.slice(2)}`;
    doms.push(
      `  <domain type='test'><name>bench-${n}</name><uuid>be200000-0000-4000-8000-${String(i).padStart(12, '0')}</uuid><memory>131072</memory><currentMemory>131072</currentMemory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os><devices><interface type='network'><mac address='${mac}'/><source network='default'/></interface></devices></domain>`,
    );
  }
  writeFileSync(
    path,
    `<node>\n  <!-- Vireo ip-column-1000: ${DOMAINS} running domains with a NIC each (libvirt test driver) -->\n  <network><name>default</name><bridge name='virbr0'/><forward/><ip address='192.168.122.1' netmask='255.255.255.0'><dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>\n${doms.join('\n')}\n</node>\n`,
  );
}

/** Connected host, timer from the first ask to all addresses in the backend's reply. */
async function readAll(b: BackendClient): Promise<{ ms: number; calls: number }> {
  await b.call('hosts.connect', { hostId });
  const t0 = performance.now();
  for (;;) {
    const r = await b.call('guest.addresses', { hostId });
    if (r.pending === 0 && r.vms.length === DOMAINS && r.vms.every((v) => v.addresses.length > 0)) {
      return { ms: performance.now() - t0, calls: r.calls };
    }
    if (performance.now() - t0 > 120_000) throw new Error(`after 120 s: ${r.vms.length} of ${DOMAINS} VMs read, ${r.pending} pending`);
    await new Promise((res) => setTimeout(res, 20));
  }
}

const bench: Bench = {
  name: 'ip-column-1000',
  unit: 'ms',
  runs: 5,
  baselineLabel: `virsh domifaddr x${DOMAINS} (interactive, connected; test driver)`,
  async setup() {
    const lab = readLab();
    const A = lab.hosts.find((h) => h.id === 'A');
    if (!A) throw new Error('the lab has no host A');
    file = `${lab.dir}/tmp/ip-column-1000.xml`;
    nodeFile(file);
    uri = `test://${file}`;
    server = await startServer();
    trustHostKey(server, A.address, A.hostKey);
    backend = await BackendClient.connect(server);
    const host = await backend.call('hosts.add', {
      spec: {
        name: 'bench-ip',
        transport: 'ssh',
        address: A.address,
        port: A.port,
        user: A.user,
        auth: { kind: 'key', path: A.keyPath },
        uri,
      },
      connect: false,
    });
    hostId = host.id;
    shell = await VirshShell.open(virshUri('A', uri));
  },
  async vireo() {
    if (!backend) throw new Error('setup did not run');
    try {
      const r = await readAll(backend);
      calls.push(r.calls);
      return r.ms;
    } finally {
      await backend.call('hosts.disconnect', { hostId });
    }
  },
  async baseline() {
    if (!shell) throw new Error('setup did not run');
    const t0 = performance.now();
    const out = await shell.run(Array.from({ length: DOMAINS }, (_, i) => `domifaddr bench-${String(i + 1).padStart(4, '0')}`));
    const ms = performance.now() - t0;
    const n = out.filter((l) => /\bipv4\b/.test(l)).length;
    if (n !== DOMAINS) throw new Error(`expected ${DOMAINS} addresses from virsh, got ${n}`);
    return ms;
  },
  async extra(): Promise<Record<string, number>> {
    if (!backend) return {};
    // One more read, then an idle minute: no event, no retry due (the test driver's VMs were read
    // from the agent at once), so the count must not move.
    const r = await readAll(backend);
    const before = (await backend.call('guest.addresses', { hostId })).calls;
    await new Promise((res) => setTimeout(res, IDLE_MS));
    const after = (await backend.call('guest.addresses', { hostId })).calls;
    await backend.call('hosts.disconnect', { hostId });
    return {
      'vireo libvirt calls (median)': median(calls),
      'vireo libvirt calls, last read': r.calls,
      'virsh libvirt calls (lookup + domifaddr per VM)': 2 * DOMAINS,
      'vireo calls per idle minute': ((after - before) * 60_000) / IDLE_MS,
    };
  },
  async teardown() {
    await shell?.close();
    backend?.close();
    await server?.stop();
    if (file) rmSync(file, { force: true });
  },
};

export default bench;
