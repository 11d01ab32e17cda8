// The networks feature against lab host A's libvirt: define a NAT network with a static host (the
// XML libvirt keeps, checked with virsh), the overlap refusal, a static DHCP host added and
// removed live on the running network (dnsmasq not restarted: its pid stays), IPv6 static hosts
// (live, by name and by DUID alone, pending where the running network refuses, each removed from the
// list its row is in), lifecycle events (through the connection's
// event relay) from a change made with virsh, stop and delete; a network that cannot start is not left defined;
// a routed network; static-only DHCPv6 (hosts, no range) taking a host live; two static hosts at one address (a removal libvirt
// would apply to the other refused). Networks are n18-lab-* on 10.203.104.0/24, 10.203.110.0/24, 10.203.117.0/24 +
// fd00:203:117::/64, fd00:203:1d3::/64 and 10.203.129.0/24 + fd00:203:1f9::/64.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labSh } from '../../../e2e/lab/lab';
import type { Events } from '../../../shared/api';
import { EventHub } from '../../core/events';
import { type OpenHost, openHost, until, virsh, virshStatus } from '../../libvirt/lab-fixture';
import { EventRelays } from '../../libvirt/relay';
import type { ServiceDeps } from '../deps';
import { createNetworksFeature, type NetworksFeature } from './feature';

const NAME = `n18-lab-${randomBytes(3).toString('hex')}`;
const H = 'lab-a';

describe('networks feature (lab host A)', () => {
  let A: OpenHost;
  let f: NetworksFeature;
  // The connection's event relay, as the app hands it to every feature.
  const relays = new EventRelays();
  const seen: Events['network.changed'][] = [];
  beforeAll(async () => {
    A = await openHost('A');
    const events = new EventHub();
    events.on('network.changed', (e) => void seen.push(e));
    // The real libvirt connection; a host list of one (HostManager needs the app's store).
    const hosts = {
      connection: () => A.conn,
      connectedIds: () => [H],
      name: () => 'lab-a',
      on: () => hosts,
      off: () => hosts,
    };
    f = createNetworksFeature({ hosts, events, relays } as unknown as ServiceDeps);
  });
  afterAll(async () => {
    f?.dispose();
    await relays.dispose();
    await virshStatus('A', ['net-destroy', NAME]);
    await virshStatus('A', ['net-undefine', NAME]);
    await A?.close();
  });

  it('defines and starts a NAT network with a DHCP range and a static host; virsh sees the same', async () => {
    const info = await f.handlers['networks.define']({
      hostId: H,
      start: true,
      spec: {
        name: NAME,
        mode: 'nat',
        ipv4: {
          address: '10.203.104.1',
          prefix: 24,
          dhcp: { start: '10.203.104.100', end: '10.203.104.150' },
          hosts: [{ mac: '52:54:00:18:04:01', ip: '10.203.104.50', name: 'fixed' }],
        },
      },
    });
    expect(info).toMatchObject({ name: NAME, active: true, persistent: true, autostart: false, mode: 'nat', usedBy: [] });
    expect(info.addresses).toEqual([
      {
        family: 'ipv4',
        address: '10.203.104.1',
        prefix: 24,
        dhcp: { start: '10.203.104.100', end: '10.203.104.150' },
        hosts: [{ mac: '52:54:00:18:04:01', ip: '10.203.104.50', name: 'fixed' }],
      },
    ]);
    const xml = await virsh('A', ['net-dumpxml', NAME]);
    expect(xml).toContain("<forward mode='nat'>");
    expect(xml).toContain("<host mac='52:54:00:18:04:01' name='fixed' ip='10.203.104.50'/>");
    expect(await virsh('A', ['net-list', '--name'])).toContain(NAME);
    const list = await f.handlers['networks.list']({ hostId: H });
    expect(list.networks.find((n) => n.name === NAME)?.bridge).toMatch(/^virbr\d+$/);
  });

  it('refuses an overlapping subnet, naming the network in the way; nothing is defined', async () => {
    const other = `${NAME}-b`;
    await expect(
      f.handlers['networks.define']({
        hostId: H,
        start: false,
        spec: { name: other, mode: 'isolated', ipv4: { address: '10.203.104.129', prefix: 25, hosts: [] } },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining(`overlaps network "${NAME}" (10.203.104.0/24)`) });
    expect((await virshStatus('A', ['net-info', other])).code).not.toBe(0);
  });

  it("a network that cannot start (its subnet is the host's own eth0 subnet) is not left defined; libvirt's reason is kept", async () => {
    const clash = `${NAME}-c`;
    await expect(
      f.handlers['networks.define']({
        hostId: H,
        start: true,
        spec: { name: clash, mode: 'nat', ipv4: { address: '10.203.0.77', prefix: 24, hosts: [] } },
      }),
    ).rejects.toMatchObject({
      code: 'libvirt',
      message: expect.stringMatching(/^Cannot start network ".*-c": .*in use by interface eth0/),
    });
    expect((await virshStatus('A', ['net-info', clash])).code).not.toBe(0);
  });

  it('a routed network starts (the host routes 10.203.110.0/24 inside its namespace) and is deleted', async () => {
    const routed = `${NAME}-r`;
    try {
      const info = await f.handlers['networks.define']({
        hostId: H,
        start: true,
        spec: { name: routed, mode: 'route', ipv4: { address: '10.203.110.1', prefix: 24, hosts: [] } },
      });
      expect(info).toMatchObject({ mode: 'route', active: true });
      expect(await virsh('A', ['net-dumpxml', routed])).toContain("<forward mode='route'/>");
      await f.handlers['networks.undefine']({ hostId: H, name: routed });
      expect((await virshStatus('A', ['net-info', routed])).code).not.toBe(0);
    } finally {
      await virshStatus('A', ['net-destroy', routed]);
      await virshStatus('A', ['net-undefine', routed]);
    }
  });

  it('adds and removes a static DHCP host live and in the definition, without restarting dnsmasq', async () => {
    const before = await dnsmasqPid();
    expect(before).toMatch(/^\d+$/);
    const host = { mac: '52:54:00:18:04:02', ip: '10.203.104.51', name: 'reserved' };
    await f.handlers['networks.dhcpHost']({ hostId: H, name: NAME, op: 'add', host });
    const line = "<host mac='52:54:00:18:04:02' name='reserved' ip='10.203.104.51'/>";
    expect(await virsh('A', ['net-dumpxml', NAME])).toContain(line);
    expect(await virsh('A', ['net-dumpxml', '--inactive', NAME])).toContain(line);
    await expect(f.handlers['networks.dhcpHost']({ hostId: H, name: NAME, op: 'add', host })).rejects.toMatchObject({ code: 'exists' });
    await f.handlers['networks.dhcpHost']({ hostId: H, name: NAME, op: 'remove', host });
    expect(await virsh('A', ['net-dumpxml', NAME])).not.toContain('reserved');
    expect(await virsh('A', ['net-dumpxml', '--inactive', NAME])).not.toContain('reserved');
    expect(await dnsmasqPid()).toBe(before);
  });

  it('IPv6 static hosts on a running network: by name and DUID live (dnsmasq told); pending where a host added live only holds the address', async () => {
    const v6 = `${NAME}-6`;
    const ip = (n: number) => `fd00:203:117::${n}`;
    try {
      await f.handlers['networks.define']({
        hostId: H,
        start: true,
        spec: {
          name: v6,
          mode: 'isolated',
          ipv4: { address: '10.203.117.1', prefix: 24, hosts: [] },
          ipv6: { address: ip(1), prefix: 64, dhcp: { start: ip(100), end: ip(200) } },
        },
      });
      const host = { ip: ip(10), name: 'h6', id: '0:3:0:1:52:54:0:18:17:10' };
      expect(await f.handlers['networks.dhcpHost']({ hostId: H, name: v6, op: 'add', host })).toEqual({ applied: 'live' });
      const line = `<host id='0:3:0:1:52:54:0:18:17:10' name='h6' ip='${ip(10)}'/>`;
      expect(await virsh('A', ['net-dumpxml', v6])).toContain(line);
      expect(await virsh('A', ['net-dumpxml', '--inactive', v6])).toContain(line);
      expect((await labSh(['exec', 'A', 'cat', `/var/lib/libvirt/dnsmasq/${v6}.hostsfile`])).stdout).toContain(`[${ip(10)}]`);
      await expect(
        f.handlers['networks.dhcpHost']({ hostId: H, name: v6, op: 'add', host: { ip: 'fd00:203:118::10', name: 'x' } }),
      ).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining('Address is outside the subnet fd00:203:117::/64'),
      });
      // A host added to the running network only holds ::20 there: the same address under another name is refused live
      // by libvirt, saved in the definition, pending with libvirt's reason.
      await virsh('A', ['net-update', v6, 'add', 'ip-dhcp-host', `<host name='lv' ip='${ip(20)}'/>`, '--live', '--parent-index', '1']);
      const pending = await f.handlers['networks.dhcpHost']({ hostId: H, name: v6, op: 'add', host: { ip: ip(20), name: 'p6' } });
      expect(pending).toMatchObject({ applied: 'pending', reason: expect.stringContaining('existing dhcp host entry') });
      expect(await virsh('A', ['net-dumpxml', '--inactive', v6])).toContain(`<host name='p6' ip='${ip(20)}'/>`);
      expect(await virsh('A', ['net-dumpxml', v6])).toContain(`<host name='lv' ip='${ip(20)}'/>`);
      // A DUID alone is enough for an IPv6 host (libvirt: "must have id or name").
      const duid = { ip: ip(30), id: '0:3:0:1:52:54:0:18:17:30' };
      expect(await f.handlers['networks.dhcpHost']({ hostId: H, name: v6, op: 'add', host: duid })).toEqual({ applied: 'live' });
      expect(await virsh('A', ['net-dumpxml', '--inactive', v6])).toContain(`<host id='${duid.id}' ip='${ip(30)}'/>`);
      // Removed, each from the list its row is in: ::10 and ::30 from both; ::20 of the running network (lv, added
      // live only) from it alone — the pending p6 at the same address stays —, then p6 from the definition (saved).
      // Each row is named as listed (matched exactly).
      const remove = (row: { ip: string; name?: string; id?: string }, from: 'running' | 'next-boot') =>
        f.handlers['networks.dhcpHost']({ hostId: H, name: v6, op: 'remove', host: row, from });
      expect(await remove(host, 'running')).toEqual({ applied: 'live' });
      expect(await remove(duid, 'running')).toEqual({ applied: 'live' });
      expect(await remove({ ip: ip(20), name: 'lv' }, 'running')).toEqual({ applied: 'live' });
      const [run, next] = await Promise.all([virsh('A', ['net-dumpxml', v6]), virsh('A', ['net-dumpxml', '--inactive', v6])]);
      expect(run).not.toContain('<host ');
      expect(next).toContain(`<host name='p6' ip='${ip(20)}'/>`);
      expect(await remove({ ip: ip(20), name: 'p6' }, 'next-boot')).toEqual({ applied: 'saved' });
      for (const flags of [[], ['--inactive']]) expect(await virsh('A', ['net-dumpxml', ...flags, v6])).not.toContain('<host ');
    } finally {
      await virshStatus('A', ['net-destroy', v6]);
      await virshStatus('A', ['net-undefine', v6]);
    }
  });

  it('static-only DHCPv6 (IPv6 static hosts, no range: dnsmasq "static"): a host is added and removed live', async () => {
    const s6 = `${NAME}-s6`;
    const ip = (n: number) => `fd00:203:1d3::${n}`;
    const file = `/tmp/${s6}.xml`;
    writeFileSync(
      file,
      `<network><name>${s6}</name><bridge name='nd${NAME.slice(-6)}'/><ip family='ipv6' address='${ip(1)}' prefix='64'><dhcp><host name='s1' ip='${ip(10)}'/></dhcp></ip></network>`,
    );
    try {
      await virsh('A', ['net-define', file]);
      await virsh('A', ['net-start', s6]);
      const conf = `/var/lib/libvirt/dnsmasq/${s6}`;
      expect((await labSh(['exec', 'A', 'cat', `${conf}.conf`])).stdout).toContain(`dhcp-range=${ip(1)},static,64`);
      const host = { ip: ip(20), name: 'h20' };
      expect(await f.handlers['networks.dhcpHost']({ hostId: H, name: s6, op: 'add', host })).toEqual({ applied: 'live' });
      const line = `<host name='h20' ip='${ip(20)}'/>`;
      const [run, next, hostsfile] = await Promise.all([
        virsh('A', ['net-dumpxml', s6]),
        virsh('A', ['net-dumpxml', '--inactive', s6]),
        labSh(['exec', 'A', 'cat', `${conf}.hostsfile`]),
      ]);
      expect(run).toContain(line);
      expect(next).toContain(line);
      expect(hostsfile.stdout).toContain(`h20,[${ip(20)}]`);
      expect(await f.handlers['networks.dhcpHost']({ hostId: H, name: s6, op: 'remove', host, from: 'running' })).toEqual({
        applied: 'live',
      });
      for (const flags of [[], ['--inactive']]) expect(await virsh('A', ['net-dumpxml', ...flags, s6])).not.toContain('h20');
    } finally {
      rmSync(file, { force: true });
      await virshStatus('A', ['net-destroy', s6]);
      await virshStatus('A', ['net-undefine', s6]);
    }
  });

  it('two static hosts at one address (made with net-define): a removal libvirt would apply to the other is refused, nothing changed', async () => {
    const dup = `${NAME}-dup`;
    const X = 'fd00:203:1f9::60';
    const D1 = '0:3:0:1:52:54:0:f9:0:1';
    const D2 = '0:3:0:1:52:54:0:f9:0:2';
    const M = '52:54:00:f9:00:01';
    const file = `/tmp/${dup}.xml`;
    writeFileSync(
      file,
      `<network><name>${dup}</name><bridge name='nf${NAME.slice(-6)}'/>` +
        `<ip family='ipv6' address='fd00:203:1f9::1' prefix='64'><dhcp><host id='${D1}' ip='${X}'/><host id='${D2}' ip='${X}'/></dhcp></ip>` +
        `<ip address='10.203.129.1' prefix='24'><dhcp><host name='x' ip='10.203.129.10'/><host mac='${M}' ip='10.203.129.10'/></dhcp></ip></network>`,
    );
    const both = () => Promise.all([virsh('A', ['net-dumpxml', dup]), virsh('A', ['net-dumpxml', '--inactive', dup])]);
    try {
      await virsh('A', ['net-define', file]);
      await virsh('A', ['net-start', dup]);
      const before = await both();
      const remove = (host: { id?: string; mac?: string; ip: string }) =>
        f.handlers['networks.dhcpHost']({ hostId: H, name: dup, op: 'remove', host, from: 'running' });
      await expect(remove({ id: D2, ip: X })).rejects.toMatchObject({
        code: 'ambiguous',
        message: expect.stringContaining(`libvirt would remove DUID ${D1}, address ${X} instead`),
        hint: expect.stringContaining(`virsh net-edit ${dup}`),
      });
      await expect(remove({ mac: M, ip: '10.203.129.10' })).rejects.toMatchObject({
        message: expect.stringContaining('libvirt would remove name "x", address 10.203.129.10 instead'),
      });
      expect(await both()).toEqual(before);
      // libvirt itself takes the first loose match, as libvirtDeleteTarget says: a MAC delete by virsh removes x.
      await virsh('A', [
        'net-update',
        dup,
        'delete',
        'ip-dhcp-host',
        `<host mac='${M}' ip='10.203.129.10'/>`,
        '--config',
        '--parent-index',
        '1',
      ]);
      const next = await virsh('A', ['net-dumpxml', '--inactive', dup]);
      expect(next).toContain(`<host mac='${M}' ip='10.203.129.10'/>`);
      expect(next).not.toContain("name='x'");
      // The first DUID entry is what libvirt takes: Vireo removes it, and the second stays.
      expect(await remove({ id: D1, ip: X })).toEqual({ applied: 'live' });
      for (const x of await both()) {
        expect(x).not.toContain(D1);
        expect(x).toContain(`<host id='${D2}' ip='${X}'/>`);
      }
    } finally {
      rmSync(file, { force: true });
      await virshStatus('A', ['net-destroy', dup]);
      await virshStatus('A', ['net-undefine', dup]);
    }
  });

  it('turns libvirt lifecycle events (a change made with virsh) into network.changed', async () => {
    seen.length = 0;
    await virsh('A', ['net-destroy', NAME]);
    await until(async () => seen.find((e) => e.name === NAME && !e.removed) ?? undefined, 10_000);
    expect((await f.handlers['networks.list']({ hostId: H })).networks.find((n) => n.name === NAME)?.active).toBe(false);
    await f.handlers['networks.start']({ hostId: H, name: NAME });
    await f.handlers['networks.autostart']({ hostId: H, name: NAME, on: true });
    expect(await virsh('A', ['net-info', NAME])).toMatch(/Autostart:\s+yes/);
  });

  it('stops and deletes it; the undefine event says removed', async () => {
    seen.length = 0;
    await f.handlers['networks.undefine']({ hostId: H, name: NAME });
    expect((await virshStatus('A', ['net-info', NAME])).code).not.toBe(0);
    await until(async () => seen.find((e) => e.name === NAME && e.removed) ?? undefined, 10_000);
  });
});

/** dnsmasq's pid for our network (libvirt's pid file in the host's run dir). */
async function dnsmasqPid(): Promise<string> {
  return (await labSh(['exec', 'A', 'cat', `/run/libvirt/network/${NAME}.pid`])).stdout.trim();
}
