// Which VMs use a network, and which VM has a lease's MAC, come from reading every VM of a host
// (readHostVms). Only libvirt's NO_DOMAIN (undefined between the listing and the read) drops a VM:
// any other failure is an AppError for a check (stop/delete refused, fail closed), and is shown in
// the list ("used by") and the lease table (the host named with libvirt's message) — never a VM
// silently left out. One read per host is shared by concurrent callers (each network's leases and
// the list: what a reconnect refetches), never a cache: a read started after the listing was
// answered is a read of its own. Fake hosts (fake-rpc.ts) answer through the generated codecs, with
// the lab-captured network and VM (fixtures/lab-nat.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NetworkLeases, NetworkList } from '../../../shared/api/networks';
import { EventHub } from '../../core/events';
import { ErrorCode, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { type FakeRpc, fakeConnection, fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { DomainRef } from '../../libvirt/protocol';
import { EventRelays } from '../../libvirt/relay';
import type { ServiceDeps } from '../deps';
import { readHostVms, readVmNics } from './facts';
import { createNetworksFeature } from './feature';

const fx = JSON.parse(readFileSync(new URL('./fixtures/lab-nat.json', import.meta.url), 'utf8')) as Record<string, string>;
const MAC = '52:54:00:18:08:01'; // the fixture VM's NIC on n18-fx
const noDomain = (name: string) =>
  new LibvirtError({ code: ErrorCode.NO_DOMAIN, domain: 10, level: 2, message: `Domain not found: '${name}'`, int1: 0, int2: 0 });
const stuck = () => new TimeoutError('lab-a', P.DOMAIN_GET_XML_DESC.proc, 0x20008086, 30_000, 'DOMAIN_GET_XML_DESC');
const tick = () => new Promise((r) => setTimeout(r, 1));

interface Vm {
  dom: DomainRef;
  running: boolean;
  /** libvirt's state number in the listing, when not just running (1) or shut off (5). */
  state?: number;
  xml?: string;
  fail?: Error;
}
const vm = (name: string, n: number, o: Partial<Vm> = {}): Vm => ({
  dom: { name, uuid: `00000000-0000-4000-8000-00000000000${n}`, id: o.running === false ? -1 : n },
  running: true,
  xml: fx.vmLive,
  ...o,
});

/** A host: its VMs (changed by the test), each network of `nets` the fixture's running NAT network renamed, one lease on each. */
function host(
  vms: Vm[],
  o: { nets?: string[]; listFails?: Error; netFails?: Record<string, Error>; listGate?: { open: Promise<void> } } = {},
) {
  const f = fakeRpc();
  f.answer(P.CONNECT_GET_ALL_DOMAIN_STATS, async () => {
    if (o.listFails) throw o.listFails;
    // The listing as libvirtd computes it when asked; its reply may be held back (listGate).
    const retStats = vms.map((v) => ({ dom: v.dom, params: [{ field: 'state.state', type: 1, value: v.state ?? (v.running ? 1 : 5) }] }));
    if (o.listGate) await o.listGate.open;
    return { retStats };
  });
  f.answer(P.DOMAIN_GET_XML_DESC, async (a: { dom: DomainRef }) => {
    await tick();
    const v = vms.find((x) => x.dom.name === a.dom.name);
    if (!v) throw noDomain(a.dom.name);
    if (v.fail) throw v.fail;
    return { xml: v.xml };
  });
  const nets = o.nets ?? ['n18-fx'];
  const uuidOf = (name: string) => `a9cf9ced-c01f-4fa3-8959-f789b72370${String(nets.indexOf(name)).padStart(2, '0')}`;
  f.answer(P.NETWORK_LOOKUP_BY_NAME, (a: { name: string }) => ({ net: { name: a.name, uuid: uuidOf(a.name) } }));
  f.answer(P.CONNECT_LIST_ALL_NETWORKS, () => ({ nets: nets.map((name) => ({ name, uuid: uuidOf(name) })), ret: nets.length }));
  f.answer(P.NETWORK_GET_XML_DESC, (a: { net: { name: string } }) => {
    const fail = o.netFails?.[a.net.name];
    if (fail) throw fail;
    return {
      xml: (fx.networkLive as string).replace('<name>n18-fx</name>', `<name>${a.net.name}</name>`),
    };
  });
  f.answer(P.NETWORK_IS_ACTIVE, () => ({ active: 1 }));
  f.answer(P.NETWORK_IS_PERSISTENT, () => ({ persistent: 1 }));
  f.answer(P.NETWORK_GET_AUTOSTART, () => ({ autostart: 0 }));
  f.answer(P.NETWORK_GET_DHCP_LEASES, (a: { net: { name: string } }) => ({
    leases: [
      {
        iface: 'virbr1',
        expirytime: 1_900_000_000n,
        type: 0,
        mac: MAC,
        iaid: null,
        ipaddr: `10.203.108.${50 + nets.indexOf(a.net.name)}`,
        prefix: 24,
        hostname: null,
        clientid: null,
      },
    ],
    ret: 1,
  }));
  f.answer(P.NETWORK_DESTROY, () => undefined);
  f.answer(P.NETWORK_UNDEFINE, () => undefined);
  f.answer(P.CONNECT_NETWORK_EVENT_REGISTER_ANY, () => ({ callbackID: 1 }));
  f.answer(P.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, () => undefined);
  return f;
}

/** The feature over hosts lab-a and lab-b (fake connections). */
function feature(a: FakeRpc, b: FakeRpc) {
  const conns = { 'lab-a': fakeConnection(a), 'lab-b': fakeConnection(b) };
  const hosts = {
    connection: (id: 'lab-a' | 'lab-b') => conns[id].conn,
    connectedIds: () => ['lab-a', 'lab-b'],
    name: (id: string) => id,
    on: () => {},
    off: () => {},
  };
  return createNetworksFeature({ hosts, events: new EventHub(), relays: new EventRelays() } as unknown as ServiceDeps);
}

const listings = (f: FakeRpc) => f.count(P.CONNECT_GET_ALL_DOMAIN_STATS);
const xmlReads = (f: FakeRpc) => f.count(P.DOMAIN_GET_XML_DESC);

describe('readHostVms / readVmNics: only NO_DOMAIN drops a VM', () => {
  it('a VM gone meanwhile is dropped; a VM that cannot be read fails the read with libvirt’s message and a hint', async () => {
    const vms = [vm('web', 1), vm('gone', 2), vm('w "q" <1>', 3, { fail: stuck() })];
    const f = host(vms);
    vms.splice(1, 1); // undefined between the listing and its read: NO_DOMAIN
    const r = await readHostVms(f.rpc);
    expect(r.vms.map((v) => v.name)).toEqual(['web']);
    expect(r.failed).toMatchObject([{ vm: 'w "q" <1>', message: expect.stringContaining('no reply to DOMAIN_GET_XML_DESC') }]);
    const err = await readVmNics(f.rpc).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'libvirt',
      message: expect.stringMatching(
        /^Could not read the VMs to see which networks they use: VM "w "q" <1>": lab-a: no reply to DOMAIN_GET_XML_DESC/,
      ),
      hint: `Try again; if it persists, check the VM with virsh dumpxml 'w "q" <1>'.`,
    });
    expect((err as Error).cause).toBeInstanceOf(TimeoutError);
    // Without the failing VM it reads.
    vms.splice(1, 1);
    expect((await readVmNics(f.rpc)).map((v) => v.name)).toEqual(['web']);
  });

  it('the listing itself failing is a failure too (never "no VMs")', async () => {
    const f = host([vm('web', 1)], { listFails: new Error('lab-a: connection closed') });
    expect(await readHostVms(f.rpc)).toMatchObject({ vms: [], failed: [{ message: 'lab-a: connection closed' }] });
    await expect(readVmNics(f.rpc)).rejects.toMatchObject({
      code: 'libvirt',
      hint: 'Try again; if it persists, check the host with virsh list --all.',
    });
  });
});

describe('networks feature: a VM that cannot be read', () => {
  it('stop and delete are refused (fail closed), quoting libvirt; nothing is destroyed', async () => {
    const a = host([vm('web', 1, { running: false }), vm('stuck', 2, { fail: stuck() })]);
    const f = feature(a, host([]));
    for (const op of ['networks.stop', 'networks.undefine'] as const)
      await expect(f.handlers[op]({ hostId: 'lab-a', name: 'n18-fx' })).rejects.toMatchObject({
        code: 'in-use-unknown',
        message: expect.stringContaining('could not tell whether running VMs use it (could not read VM "stuck": lab-a: no reply'),
        hint: expect.stringContaining('Nothing was changed'),
      });
    expect(a.count(P.NETWORK_DESTROY) + a.count(P.NETWORK_UNDEFINE)).toBe(0);
    f.dispose();
  });

  it('a shut-off VM that cannot be read does not block a stop (its state comes from the listing)', async () => {
    const a = host([vm('stuck-off', 2, { running: false, fail: stuck() })]);
    const f = feature(a, host([]));
    await f.handlers['networks.stop']({ hostId: 'lab-a', name: 'n18-fx' });
    expect(a.count(P.NETWORK_DESTROY)).toBe(1);
    f.dispose();
  });

  it('a crashed VM (kept by on_crash=preserve: its QEMU and tap stay) or one in no state yet blocks a stop like a running one', async () => {
    for (const state of [6, 0]) {
      const a = host([vm('kept', 2, { running: false, state, fail: stuck() })]);
      const f = feature(a, host([]));
      await expect(f.handlers['networks.stop']({ hostId: 'lab-a', name: 'n18-fx' })).rejects.toMatchObject({ code: 'in-use-unknown' });
      expect(a.count(P.NETWORK_DESTROY)).toBe(0);
      f.dispose();
    }
  });

  it('the list says which VMs could not be read ("used by" may miss them)', async () => {
    const f = feature(host([vm('web', 1), vm('stuck', 2, { fail: stuck() })]), host([]));
    const list = (await f.handlers['networks.list']({ hostId: 'lab-a' })) as NetworkList;
    expect(list.networks[0]?.usedBy.map((u) => u.name)).toEqual(['web']);
    expect(list.networks[0]?.usersUnread).toEqual([{ vm: 'stuck', message: expect.stringContaining('no reply to DOMAIN_GET_XML_DESC') }]);
    f.dispose();
  });

  it('leases: another host whose VMs cannot be read is named with libvirt’s message; the lease rows still show', async () => {
    const b = host([vm('on-b', 1)], {
      listFails: new LibvirtError({ code: 1, domain: 7, level: 2, message: 'internal error: client socket is closed', int1: 0, int2: 0 }),
    });
    const f = feature(host([vm('web', 1)]), b);
    const r = (await f.handlers['networks.leases']({ hostId: 'lab-a', name: 'n18-fx' })) as NetworkLeases;
    expect(r.leases).toMatchObject([{ mac: MAC, ip: '10.203.108.50', vm: { hostId: 'lab-a', name: 'web' } }]);
    expect(r.unread).toEqual([{ hostId: 'lab-b', hostName: 'lab-b', vms: [{ message: 'internal error: client socket is closed' }] }]);
    f.dispose();
  });
});

describe('networks.list: a network that cannot be read', () => {
  it('is an error with libvirt’s message (only one undefined meanwhile is left out)', async () => {
    const lib = (code: number, message: string) => new LibvirtError({ code, domain: 19, level: 2, message, int1: 0, int2: 0 });
    const gone = host([], {
      nets: ['n0', 'n1'],
      netFails: { n1: lib(ErrorCode.NO_NETWORK, "Network not found: no network with matching name 'n1'") },
    });
    const f = feature(gone, host([]));
    expect(((await f.handlers['networks.list']({ hostId: 'lab-a' })) as NetworkList).networks.map((n) => n.name)).toEqual(['n0']);
    f.dispose();
    const busy = host([], { nets: ['n0', 'n1'], netFails: { n1: lib(ErrorCode.OPERATION_TIMEOUT, 'Timed out during operation') } });
    const g = feature(busy, host([]));
    await expect(g.handlers['networks.list']({ hostId: 'lab-a' })).rejects.toMatchObject({
      code: 'libvirt',
      message: 'Could not read network "n1": Timed out during operation',
    });
    g.dispose();
  });
});

describe('one read of a host’s VMs shared by concurrent callers, never a cache', () => {
  it('N networks’ leases and the list at once (a reconnect’s refetch): each host’s VMs are listed and read once', async () => {
    const nets = ['n0', 'n1', 'n2', 'n3', 'n4'];
    const a = host([vm('web', 1), vm('db', 2, { running: false })], { nets });
    const b = host([vm('on-b', 3)]);
    const f = feature(a, b);
    const [list, ...leases] = await Promise.all([
      f.handlers['networks.list']({ hostId: 'lab-a' }) as Promise<NetworkList>,
      ...nets.map((name) => f.handlers['networks.leases']({ hostId: 'lab-a', name }) as Promise<NetworkLeases>),
    ]);
    expect(list.networks).toHaveLength(5);
    expect(leases.map((l) => l.leases[0]?.vm?.name)).toEqual(['web', 'web', 'web', 'web', 'web']);
    // Before: 6 listings and 12 XML reads on A, 5 and 5 on B.
    expect([listings(a), xmlReads(a), listings(b), xmlReads(b)]).toEqual([1, 2, 1, 1]);
    f.dispose();
  });

  it('stop and delete read the VMs afresh: never a shared listing that may predate the click', async () => {
    let open = () => {};
    const listGate = { open: new Promise<void>((r) => (open = r)) };
    const vms = [vm('web', 1, { running: false })];
    const a = host(vms, { listGate });
    const f = feature(a, host([]));
    // A lease poll's listing is computed (web shut off) and its reply is still on its way ...
    const display = readHostVms(a.rpc);
    await tick();
    // ... when web is started elsewhere (Vireo saw the event) and the user clicks Stop.
    (vms[0] as Vm).running = true;
    const stop = f.handlers['networks.stop']({ hostId: 'lab-a', name: 'n18-fx' }).catch((e: unknown) => e);
    await tick();
    open();
    expect(await stop).toMatchObject({ code: 'in-use', message: 'Cannot stop network "n18-fx": VM "web" uses it' });
    expect(listings(a)).toBe(2); // its own listing (the old code joined the poll's: 1, and destroyed the network)
    expect(a.count(P.NETWORK_DESTROY)).toBe(0);
    expect((await display).vms.map((v) => v.running)).toEqual([false]);
    f.dispose();
  });

  it('a read started after the listing was answered is its own: it sees a VM defined meanwhile', async () => {
    const vms = [vm('web', 1)];
    const a = host(vms);
    const first = readHostVms(a.rpc);
    while (xmlReads(a) === 0) await tick(); // the listing is answered; web's XML is being read
    vms.push(vm('new', 2));
    const second = readHostVms(a.rpc);
    expect(second).not.toBe(first);
    expect((await first).vms.map((v) => v.name)).toEqual(['web']);
    expect((await second).vms.map((v) => v.name)).toEqual(['web', 'new']);
    expect(listings(a)).toBe(2);
    // Sequential reads never share.
    await readHostVms(a.rpc);
    expect(listings(a)).toBe(3);
  });
});
