// The networks feature's pure parts: the spec's rules (addresses, ranges inside the subnet), the
// overlap refusal, the refusal while running VMs use a network, the lease rows, and network XML
// built escaped and read back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NetworkSpec, overlapSubnetIssues } from '../../../shared/api/networks';
import { buildDhcpHostXml, buildNetworkXml, netmaskToPrefix, parseNetworkXml } from '../../xml/network';
import { checkDefine, hostSubnets, leaseRows, refuseWhileInUse, vmIndex } from './checks';
import { usersOf, type VmNics, vmNicsOf } from './facts';

const nat = {
  name: 'lan',
  mode: 'nat',
  ipv4: {
    address: '10.203.101.1',
    prefix: 24,
    dhcp: { start: '10.203.101.100', end: '10.203.101.150' },
    hosts: [{ mac: '52:54:00:18:00:01', ip: '10.203.101.50', name: 'web' }],
  },
} as const;

const issues = (v: unknown) => (NetworkSpec.safeParse(v).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('NetworkSpec', () => {
  it('takes a NAT network with a range and a static host', () => expect(issues(nat)).toEqual([]));
  it('names each wrong field in plain words', () => {
    expect(issues({ ...nat, ipv4: { ...nat.ipv4, address: '10.203.101.0' } })).toEqual([
      ['ipv4.address', 'is the network address of 10.203.101.0/24'],
    ]);
    expect(issues({ ...nat, ipv4: { ...nat.ipv4, dhcp: { start: '10.203.102.5', end: '10.203.101.3' } } })).toEqual([
      ['ipv4.dhcp.start', 'is outside the subnet 10.203.101.0/24'],
      ['ipv4.dhcp.end', 'is before the start of the range'],
    ]);
    expect(issues({ ...nat, ipv4: { ...nat.ipv4, address: '10.203.101.256' } })[0]).toEqual([
      'ipv4.address',
      'is not an IPv4 address like 10.0.0.1',
    ]);
    expect(issues({ name: 'b', mode: 'bridge' })).toEqual([['bridge', 'is needed: the host bridge the guests join']]);
    expect(issues({ name: 'r', mode: 'route' })).toEqual([['ipv4.address', 'is needed for a routed network']]);
    expect(
      issues({ ...nat, ipv4: { ...nat.ipv4, hosts: [...nat.ipv4.hosts, { mac: '52:54:00:18:00:02', ip: '10.203.101.50' }] } }),
    ).toEqual([['ipv4.hosts.1.ip', 'is given to two hosts']]);
  });
});

describe('checks', () => {
  const other = parseNetworkXml("<network><name>busy</name><ip address='10.203.101.129' netmask='255.255.255.128'/></network>");
  it('refuses an overlapping subnet naming the other network, and a taken name', () => {
    expect(() => checkDefine(NetworkSpec.parse(nat), [other])).toThrow('overlaps network "busy" (10.203.101.128/25)');
    expect(() =>
      checkDefine(NetworkSpec.parse({ ...nat, ipv4: { ...nat.ipv4, address: '10.203.102.1', dhcp: undefined, hosts: [] } }), [other]),
    ).not.toThrow();
    expect(() => checkDefine(NetworkSpec.parse({ name: 'busy', mode: 'isolated' }), [other])).toThrow('already has a network named "busy"');
  });
  const vms: VmNics[] = [
    { name: 'a "q"', uuid: 'u1', running: true, nics: [{ type: 'network', mac: '52:54:00:18:00:01', bridge: 'virbr7' }] },
    { name: 'off', uuid: 'u2', running: false, nics: [{ type: 'network', mac: '52:54:00:18:00:02', network: 'lan' }] },
  ];
  it('refuses stop/delete while running VMs use it, naming only those', () => {
    const lan = parseNetworkXml(buildNetworkXml(NetworkSpec.parse({ ...nat, bridge: 'virbr7' })));
    expect(() => refuseWhileInUse('delete', lan, { vms, failed: [] })).toThrow('Cannot delete network "lan": VM "a "q"" uses it');
    expect(() => refuseWhileInUse('delete', lan, { vms: vms.slice(1), failed: [] })).not.toThrow();
    // A VM plugged straight into the network's own bridge (type='bridge' on virbr7) uses it too: stopping
    // the network removes virbr7 under it (f9net; the old code let it through).
    const direct: VmNics[] = [{ name: 'direct "b"', uuid: 'u3', running: true, nics: [{ type: 'bridge', bridge: 'virbr7' }] }];
    for (const verb of ['stop', 'delete'] as const)
      expect(() => refuseWhileInUse(verb, lan, { vms: direct, failed: [] })).toThrow(`network "lan": VM "direct "b"" uses it`);
    expect(usersOf(lan, direct)).toEqual([{ name: 'direct "b"', uuid: 'u3', running: true, macs: [] }]);
    // A host bridge a 'bridge' network only names outlives the network: a NIC on it is not its user.
    const hostBridge = { ...lan, mode: 'bridge' as const };
    expect(() => refuseWhileInUse('stop', hostBridge, { vms: direct, failed: [] })).not.toThrow();
    // Another bridge is not this network.
    expect(() =>
      refuseWhileInUse('stop', lan, {
        vms: [{ name: 'other', uuid: 'u4', running: true, nics: [{ type: 'bridge', bridge: 'virbr8' }] }],
        failed: [],
      }),
    ).not.toThrow();
  });
  it('fails closed only where an unread VM could matter: running per the listing (or the listing failed), on an active network', () => {
    const lan = parseNetworkXml(buildNetworkXml(NetworkSpec.parse({ ...nat, bridge: 'virbr7' })));
    const off = [{ vm: "o'ff", running: false, message: 'Timed out during operation' }];
    const on = [{ vm: "r'un", running: true, message: 'Timed out during operation' }];
    const list = [{ message: 'connection closed' }];
    for (const verb of ['stop', 'delete'] as const) {
      // A shut-off VM cannot be cut off (the old code refused any unread VM).
      expect(() => refuseWhileInUse(verb, lan, { vms: [], failed: off }, true)).not.toThrow();
      // An inactive network is not destroyed (a delete only undefines it): nothing unread can matter.
      expect(() => refuseWhileInUse(verb, lan, { vms: [], failed: [...on, ...list] }, false)).not.toThrow();
      // A running one, or the VM list itself, on an active network: refused, its name quoted for a shell.
      expect(() => refuseWhileInUse(verb, lan, { vms: [], failed: [...off, ...on] }, true)).toThrow(
        expect.objectContaining({
          code: 'in-use-unknown',
          message: `Cannot ${verb} network "lan": could not tell whether running VMs use it (could not read VM "r'un": Timed out during operation)`,
          hint: `Nothing was changed. Try again; if it persists, check the VM with virsh dumpxml 'r'\\''un'.`,
        }),
      );
      expect(() => refuseWhileInUse(verb, lan, { vms: [], failed: list }, true)).toThrow('could not read the VM list: connection closed');
    }
    // A known running user still refuses on an inactive network (as before).
    expect(() => refuseWhileInUse('delete', lan, { vms, failed: [] }, false)).toThrow('VM "a "q"" uses it');
  });
  it('fails closed: a VM that could not be read may use it, so stop/delete is refused quoting libvirt', () => {
    const lan = parseNetworkXml(buildNetworkXml(NetworkSpec.parse({ ...nat, bridge: 'virbr7' })));
    const failed = [{ vm: 'w <1>', message: 'Timed out during operation: cannot acquire state change lock' }];
    let err: unknown;
    try {
      refuseWhileInUse('delete', lan, { vms: vms.slice(1), failed });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'in-use-unknown',
      message:
        'Cannot delete network "lan": could not tell whether running VMs use it (could not read VM "w <1>": Timed out during operation: cannot acquire state change lock)',
      hint: "Nothing was changed. Try again; if it persists, check the VM with virsh dumpxml 'w <1>'.",
    });
    // The VM list itself unread: refused too.
    expect(() => refuseWhileInUse('stop', lan, { vms: [], failed: [{ message: 'connection closed' }] })).toThrow(
      'could not read the VM list: connection closed',
    );
    // A known running user is named first.
    expect(() => refuseWhileInUse('stop', lan, { vms, failed })).toThrow('VM "a "q"" uses it');
  });
  it('maps each lease to its VM across hosts and marks reserved ones', () => {
    const lan = parseNetworkXml(buildNetworkXml(NetworkSpec.parse(nat)));
    const idx = vmIndex([{ hostId: 'b', hostName: 'lab-b', vms }]);
    const rows = leaseRows(
      [
        { mac: '52:54:00:18:00:01', ip: '10.203.101.50', prefix: 24, expiry: 1 },
        { mac: '52:54:00:18:00:09', ip: '10.203.101.101', prefix: 24, expiry: 2 },
      ],
      lan,
      idx,
    );
    expect(rows.map((r) => [r.reserved, r.vm?.name, r.vm?.hostName])).toEqual([
      [true, 'a "q"', 'lab-b'],
      [false, undefined, undefined],
    ]);
  });
});

describe('network XML', () => {
  it('escapes a hostile name and reads back what it built', () => {
    const xml = buildNetworkXml(NetworkSpec.parse({ ...nat, name: `x'<&>"ü y` }));
    expect(xml).toContain('<name>x\'&lt;&amp;&gt;"ü y</name>');
    const m = parseNetworkXml(xml);
    expect(m).toMatchObject({ name: `x'<&>"ü y`, mode: 'nat' });
    expect(m.addresses[0]).toEqual({ family: 'ipv4', ...nat.ipv4, hosts: [{ ...nat.ipv4.hosts[0] }] });
  });
  it('reads an isolated network, netmasks and a host bridge', () => {
    expect(netmaskToPrefix('255.255.255.0')).toBe(24);
    expect(netmaskToPrefix('255.0.255.0')).toBeUndefined();
    expect(parseNetworkXml(buildNetworkXml(NetworkSpec.parse({ name: 'i', mode: 'isolated' }))).mode).toBe('isolated');
    expect(parseNetworkXml(buildNetworkXml(NetworkSpec.parse({ name: 'b', mode: 'bridge', bridge: 'br0' })))).toMatchObject({
      mode: 'bridge',
      bridge: 'br0',
      addresses: [],
    });
    expect(buildDhcpHostXml({ mac: '52:54:00:AA:00:01', ip: '10.0.0.5', name: 'h' })).toBe(
      '<host mac="52:54:00:aa:00:01" name="h" ip="10.0.0.5"/>',
    );
  });
});

describe('facts captured in the lab (fixtures/lab-nat.json)', () => {
  const fx = JSON.parse(readFileSync(new URL('./fixtures/lab-nat.json', import.meta.url), 'utf8')) as {
    networkLive: string;
    vmLive: string;
    vmInactive: string;
  };
  const net = parseNetworkXml(fx.networkLive);
  it('reads libvirt’s own network XML: netmask as a prefix, the range, the static host, the bridge', () => {
    expect(net).toMatchObject({ name: 'n18-fx', mode: 'nat', bridge: 'virbr1' });
    expect(net.addresses).toEqual([
      {
        family: 'ipv4',
        address: '10.203.108.1',
        prefix: 24,
        dhcp: { start: '10.203.108.100', end: '10.203.108.150' },
        hosts: [{ mac: '52:54:00:18:08:01', ip: '10.203.108.50', name: 'fixed' }],
      },
    ]);
  });
  it('finds the VM on the network from its live XML (bridge= read first) and from its definition', () => {
    for (const xml of [fx.vmLive, fx.vmInactive]) {
      const vm = vmNicsOf('n18-fx-vm', 'u', true, xml);
      expect(usersOf(net, [vm])).toEqual([{ name: 'n18-fx-vm', uuid: 'u', running: true, macs: ['52:54:00:18:08:01'] }]);
    }
    expect(() => refuseWhileInUse('stop', net, { vms: [vmNicsOf('n18-fx-vm', 'u', true, fx.vmLive)], failed: [] })).toThrow(
      'VM "n18-fx-vm" uses it',
    );
  });
});

describe('NetworkSpec, IPv6 (one validator: shared/api/common.ts Ipv6Address / ipv6Subnet)', () => {
  const v6 = { address: 'fd00:203:108::1', prefix: 64, dhcp: { start: 'fd00:203:108::100', end: 'fd00:203:108::1ff' } };
  it('takes an IPv6 subnet with a DHCPv6 range, and builds it as libvirt reads it', () => {
    expect(issues({ ...nat, ipv6: v6 })).toEqual([]);
    const xml = buildNetworkXml(NetworkSpec.parse({ ...nat, ipv6: v6 }));
    expect(xml).toContain('<ip family="ipv6" address="fd00:203:108::1" prefix="64">');
    expect(xml).toContain('<range start="fd00:203:108::100" end="fd00:203:108::1ff"/>');
    expect(parseNetworkXml(xml).addresses.find((a) => a.family === 'ipv6')).toEqual({ family: 'ipv6', ...v6, hosts: [] });
  });
  it('names a wrong address, a range outside the subnet or reversed, the subnet address itself, a bridge', () => {
    expect(issues({ ...nat, ipv6: { ...v6, address: 'fd00:203:108::zz' } })).toEqual([
      ['ipv6.address', 'is not an IPv6 address like fd00:1::1'],
    ]);
    expect(issues({ ...nat, ipv6: { ...v6, dhcp: { start: 'fd00:203:109::1', end: 'fd00:203:108::1' } } })).toEqual([
      ['ipv6.dhcp.start', 'is outside the subnet /64 of fd00:203:108::1'],
      ['ipv6.dhcp.end', 'is before the start of the range'],
    ]);
    expect(issues({ ...nat, ipv6: { ...v6, address: 'fd00:203:108::', dhcp: undefined } })).toEqual([
      ['ipv6.address', "is the subnet's own address (/64): give the host one inside it"],
    ]);
    expect(issues({ ...nat, ipv6: { ...v6, prefix: 96 } })).toEqual([['ipv6.prefix', 'must be 64 or less']]);
    expect(issues({ name: 'b', mode: 'bridge', bridge: 'br0', ipv6: v6 })).toEqual([
      ['ipv6.address', 'is not used with a host bridge (the bridge has its own)'],
    ]);
  });
  it('reads the text forms of IPv6 and refuses the rest', async () => {
    const { ipv6ToBigInt } = await import('../../../shared/api/common');
    expect(ipv6ToBigInt('::')).toBe(0n);
    expect(ipv6ToBigInt('::1')).toBe(1n);
    expect(ipv6ToBigInt('fd00::1:2')).toBe((0xfd00n << 112n) | (1n << 16n) | 2n);
    expect(ipv6ToBigInt('1:2:3:4:5:6:7:8')).toBe(ipv6ToBigInt('1:2:3:4:5:6:7:8'));
    for (const bad of ['1::2::3', ':1', '1:2:3:4:5:6:7:8:9', '12345::', 'fe80::1%eth0', '::ffff:1.2.3.4', '', 'g::1'])
      expect(ipv6ToBigInt(bad)).toBeNull();
  });
  it('writes IPv6 back in its short form', async () => {
    const { bigIntToIpv6, ipv6ToBigInt } = await import('../../../shared/api/common');
    for (const a of ['::', '::1', 'fd00:203:108::', 'fd00::1:0:0:2', '1:2:3:4:5:6:7:8', '1:0:2::', 'fd00:0:0:1::1'])
      expect(bigIntToIpv6(ipv6ToBigInt(a) ?? -1n)).toBe(a);
    expect(bigIntToIpv6(ipv6ToBigInt('fd00:0000:0000:0001:0:0:0:1') ?? -1n)).toBe('fd00:0:0:1::1');
  });
  it("refuses an IPv6 subnet overlapping another network's, IPv4 and IPv6 apart", () => {
    const v6net = parseNetworkXml(
      "<network><name>six</name><ip address='10.203.120.1' prefix='24'/><ip family='ipv6' address='fd00:203:120::1' prefix='56'/></network>",
    );
    // fd00:203:120:7::/64 lies inside six's fd00:203:120::/56.
    expect(() => checkDefine(NetworkSpec.parse({ ...nat, ipv6: { address: 'fd00:203:120:7::1', prefix: 64 } }), [v6net])).toThrow(
      'The subnet fd00:203:120:7::/64 overlaps network "six" (fd00:203:120::/56) on this host: pick another subnet.',
    );
    expect(() => checkDefine(NetworkSpec.parse({ ...nat, ipv6: { address: 'fd00:203:121::1', prefix: 64 } }), [v6net])).not.toThrow();
    // Both families clash: each is named at its own field.
    const both = { name: 'x', ipv4: { address: '10.203.120.9', prefix: 24 }, ipv6: { address: 'fd00:203:120::9', prefix: 64 } };
    expect(overlapSubnetIssues(both, hostSubnets([v6net])).map((i) => i.path.join('.'))).toEqual(['ipv4.address', 'ipv6.address']);
  });
});
