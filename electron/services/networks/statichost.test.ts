// Static DHCP hosts of either family, the pure parts: the request's schema (IPv4 by MAC, IPv6 by
// name or DUID), the checks against a network's <ip> blocks (inside the subnet, not its own address,
// not reserved, a name or DUID for IPv6), the entry a removal names, and the <host> XML built escaped and
// read back — from network XML captured in the lab (fixtures/lab-v6-hosts.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findStaticHost,
  libvirtDeleteTarget,
  networkRequests,
  StaticHost,
  staticHostBlock,
  staticHostIssues,
} from '../../../shared/api/networks';
import { buildDhcpHostXml, parseNetworkXml } from '../../xml/network';

const lab = JSON.parse(readFileSync(new URL('./fixtures/lab-v6-hosts.json', import.meta.url), 'utf8')) as Record<string, string>;
const live = parseNetworkXml(lab.live as string);
const defined = parseNetworkXml(lab.inactive as string);
const schemaIssues = (v: unknown) => (StaticHost.safeParse(v).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const checks = (h: StaticHost, addresses = defined.addresses) => staticHostIssues(addresses, h).map((i) => [i.path.join('.'), i.message]);

describe('StaticHost (the request)', () => {
  it('takes an IPv4 host by MAC and an IPv6 host by name and DUID', () => {
    expect(schemaIssues({ mac: '52:54:00:18:00:01', ip: '10.203.101.50', name: 'web' })).toEqual([]);
    expect(schemaIssues({ ip: 'fd00:203:119::50', name: 'web6', id: '0:3:0:1:52:54:0:18:7:10' })).toEqual([]);
  });
  it('names each wrong field in plain words', () => {
    expect(schemaIssues({ mac: '52:54:00:01:02:03', ip: 'fd00:203:119::zz' })).toEqual([
      ['ip', 'is not an IPv6 address like fd00:1::10'],
      ['mac', 'is not used by an IPv6 host: libvirt matches IPv6 hosts by host name or DUID'],
    ]);
    expect(schemaIssues({ ip: '10.203.101.50', id: '0:3' })).toEqual([
      ['mac', 'is needed: an IPv4 host is matched by its MAC'],
      ['id', 'is for IPv6 hosts only'],
    ]);
    expect(schemaIssues({ ip: 'fd00::5', name: 'a', id: 'zz:1' })).toEqual([
      ['id', 'is not a DUID like 0:3:0:1:52:54:0:12:34:56 (hex bytes separated by ":")'],
    ]);
    // A hostile name never reaches libvirt through Vireo (dnsmasq takes host labels only).
    expect(schemaIssues({ ip: 'fd00::5', name: 'a "b" <c> & ü' })).toEqual([
      ['name', 'may contain only letters, digits and "-" (up to 63)'],
    ]);
  });
  it('an IPv6 host added needs a name or a DUID (libvirt: "must have id or name"); a removal does not; a removal may name its list', () => {
    const input = networkRequests['networks.dhcpHost'].input;
    const r = input.safeParse({ hostId: 'lab-a', name: 'n', op: 'add', host: { ip: 'fd00::5' } });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['host.name', 'or DUID is needed for an IPv6 host (libvirt matches IPv6 hosts by name or DUID, not MAC)'],
    ]);
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'add', host: { ip: 'fd00::5', id: '0:3:0:1' } }).success).toBe(true);
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'add', host: { ip: 'fd00::5', name: 'web6' } }).success).toBe(true);
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'remove', host: { ip: 'fd00::5' } }).success).toBe(true);
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'remove', host: { ip: 'fd00::5' }, from: 'next-boot' }).success).toBe(true);
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'remove', host: { ip: 'fd00::5' }, from: 'both' }).success).toBe(false);
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'add', host: { mac: '52:54:00:18:00:01', ip: '10.0.0.5' } }).success).toBe(
      true,
    );
  });
});

describe('staticHostIssues (the panel and the backend)', () => {
  it('picks the <ip> with DHCP of each family', () => {
    expect(staticHostBlock(defined.addresses, 'ipv4')).toBe(0);
    expect(staticHostBlock(defined.addresses, 'ipv6')).toBe(1);
    // Static-only DHCPv6 (hosts, no range: dnsmasq's "static" range): hosts are added there (libvirt 9.0 does it live, lab-checked).
    const staticOnly6 = defined.addresses.map((a) => (a.family === 'ipv6' ? { ...a, dhcp: undefined } : a));
    expect(staticHostBlock(staticOnly6, 'ipv6')).toBe(1);
    expect(checks({ ip: 'fd00:203:119::50', name: 'web6' }, staticOnly6)).toEqual([]);
    expect(checks({ ip: 'fd00:203:119::30', name: 'x' }, staticOnly6)).toEqual([['ip', 'is already reserved for h6']]);
    // No DHCPv6 at all (none yet, or its last static host removed): the IPv6 subnet takes the host (libvirt
    // creates its <dhcp>; the backend keeps it for the next start while the running network shows none).
    // The old code refused it with the ra-only wording, although the next start serves it.
    const noDhcp6 = defined.addresses.map((a) => (a.family === 'ipv6' ? { ...a, dhcp: undefined, hosts: [] } : a));
    expect(staticHostBlock(noDhcp6, 'ipv6')).toBe(1);
    expect(checks({ ip: 'fd00:203:119::50', name: 'x' }, noDhcp6)).toEqual([]);
    expect(checks({ ip: 'fd00:203:118::50', name: 'x' }, noDhcp6)).toEqual([['ip', 'is outside the subnet fd00:203:119::/64']]);
    const no6 = defined.addresses.filter((a) => a.family === 'ipv4');
    expect(checks({ ip: 'fd00:203:119::50', name: 'x' }, no6)).toEqual([['ip', 'is IPv6, but this network has no IPv6 subnet']]);
  });
  it('takes a free address inside the IPv6 subnet', () => expect(checks({ ip: 'fd00:203:119::50', name: 'web6' })).toEqual([]));
  it('refuses an address outside the subnet, the network’s own, or one reserved; a name or DUID taken; neither name nor DUID', () => {
    // libvirt itself took fd00:203:200::10 into this /64 (the fixture's 'a3'): Vireo does not.
    expect(checks({ ip: 'fd00:203:200::11', name: 'b' })).toEqual([['ip', 'is outside the subnet fd00:203:119::/64']]);
    expect(checks({ ip: 'fd00:203:119:0::1', name: 'b' })).toEqual([['ip', "is the network's own address"]]);
    expect(checks({ ip: 'fd00:203:119::0010', name: 'b' })).toEqual([['ip', 'is already reserved for a1']]);
    expect(checks({ ip: 'fd00:203:119::51', name: 'h6', id: '0:3:0:1:52:54:0:18:7:10' })).toEqual([
      ['id', 'already has a static host (fd00:203:119::30)'],
      ['name', 'is already given to fd00:203:119::30'],
    ]);
    expect(checks({ ip: 'fd00:203:119::52' })).toEqual([
      ['name', 'or DUID is needed for an IPv6 host (libvirt matches IPv6 hosts by name or DUID, not MAC)'],
    ]);
    // A DUID alone is enough (libvirt takes <host id=… ip=…/>).
    expect(checks({ ip: 'fd00:203:119::52', id: '0:3:0:1:52:54:0:18:7:52' })).toEqual([]);
    expect(checks({ mac: '52:54:00:18:00:01', ip: '10.203.120.5' })).toEqual([['ip', 'is outside the subnet 10.203.119.0/24']]);
    expect(checks({ mac: '52:54:00:18:00:01', ip: '10.203.119.1' })).toEqual([['ip', "is the network's own address"]]);
  });
  it('checks against the definition: an address held by a host added live only is free there', () => {
    expect(checks({ ip: 'fd00:203:119::40', name: 'lv2' })).toEqual([]);
    expect(checks({ ip: 'fd00:203:119::40', name: 'lv2' }, live.addresses)).toEqual([['ip', 'is already reserved for lv']]);
  });
});

describe('findStaticHost (a removal): the row’s own entry, matched exactly', () => {
  it('finds an IPv6 host by all its attributes (the address in any spelling)', () => {
    const h6 = { id: '0:3:0:1:52:54:0:18:7:10', name: 'h6', ip: 'fd00:203:119::30' };
    expect(findStaticHost(defined.addresses, { ...h6, ip: 'fd00:203:119:0:0:0:0:30' })).toEqual({ index: 1, host: h6 });
    expect(findStaticHost(defined.addresses, { ...h6, id: '0:3:0:1:52:54:0:18:7:99' })).toBeNull();
    // A row without the DUID the entry has is not that entry.
    expect(findStaticHost(defined.addresses, { ip: 'fd00:203:119::30', name: 'h6' })).toBeNull();
    expect(findStaticHost(defined.addresses, { ip: 'fd00:203:119::40', name: 'lv' })).toBeNull();
    expect(findStaticHost(live.addresses, { ip: 'fd00:203:119::40', name: 'lv' })?.host).toEqual({ name: 'lv', ip: 'fd00:203:119::40' });
  });
  it('two IPv6 entries at one address (made with net-edit): the row without a DUID takes its own, not the first', () => {
    const ip = 'fd00:203:119::50';
    const two = defined.addresses.map((a) =>
      a.family === 'ipv6'
        ? {
            ...a,
            hosts: [
              { id: '0:3:0:1:52:54:0:18:7:50', name: 'a', ip },
              { name: 's18 "b" <ü>', ip },
              { name: 'c', ip },
            ],
          }
        : a,
    );
    expect(findStaticHost(two, { ip, name: 's18 "b" <ü>' })?.host).toEqual({ name: 's18 "b" <ü>', ip });
    expect(findStaticHost(two, { ip, name: 'c' })?.host).toEqual({ name: 'c', ip });
    expect(findStaticHost(two, { ip, name: 'a', id: '0:3:0:1:52:54:0:18:7:50' })?.host.name).toBe('a');
    expect(findStaticHost(two, { ip })).toBeNull();
  });
  it('IPv4: MAC (any case), address and name as listed', () => {
    const v4 = [
      { family: 'ipv4' as const, address: '10.0.0.1', prefix: 24, hosts: [{ mac: '52:54:00:18:00:01', name: 'web', ip: '10.0.0.5' }] },
    ];
    expect(findStaticHost(v4, { mac: '52:54:00:18:00:01'.toUpperCase(), name: 'web', ip: '10.0.0.5' })?.index).toBe(0);
    expect(findStaticHost(v4, { mac: '52:54:00:18:00:01', ip: '10.0.0.5' })).toBeNull();
  });
  it('the request: a removal’s name is the row’s, any text (a name made outside Vireo); an add’s is a host label', () => {
    const input = networkRequests['networks.dhcpHost'].input;
    const host = { ip: 'fd00::5', name: 's18 "h" ü <tag>' };
    expect(input.safeParse({ hostId: 'lab-a', name: 'n', op: 'remove', host }).success).toBe(true);
    expect(
      input.safeParse({ hostId: 'lab-a', name: 'n', op: 'add', host }).error?.issues.map((i) => [i.path.join('.'), i.message]),
    ).toEqual([['host.name', 'may contain only letters, digits and "-" (up to 63)']]);
  });
});

describe('libvirtDeleteTarget: the entry libvirt 9.0 deletes (network_conf.c virNetworkDefUpdateIPDHCPHost, DELETE)', () => {
  const X = 'fd00:203:119::60';
  const D1 = '0:3:0:1:52:54:0:18:7:11';
  const D2 = '0:3:0:1:52:54:0:18:7:12';
  it('the review’s three cases: the first loose match, not the entry sent', () => {
    // DUIDs are never compared: D2 sent, D1 (first at the address) taken.
    expect(
      libvirtDeleteTarget(
        [
          { id: D1, ip: X },
          { id: D2, ip: X },
        ],
        { id: D2, ip: X },
      ),
    ).toEqual({ id: D1, ip: X });
    // No name sent: a named entry at the address matches.
    expect(
      libvirtDeleteTarget(
        [
          { name: 'a', ip: X },
          { id: D2, ip: X },
        ],
        { id: D2, ip: X },
      ),
    ).toEqual({ name: 'a', ip: X });
    // IPv4: a MAC counts only when both have one; x has none.
    const M = '52:54:00:aa:bb:01';
    expect(
      libvirtDeleteTarget(
        [
          { name: 'x', ip: '10.0.0.10' },
          { mac: M, ip: '10.0.0.10' },
        ],
        { mac: M, ip: '10.0.0.10' },
      ),
    ).toEqual({
      name: 'x',
      ip: '10.0.0.10',
    });
  });
  it('a name sent must be equal; a MAC both have must be equal (any case); the address in any spelling; none: null', () => {
    const hosts = [
      { name: 'a', ip: X },
      { name: 'b', ip: X },
      { mac: '52:54:00:aa:bb:01', ip: '10.0.0.10' },
      { mac: '52:54:00:aa:bb:02', ip: '10.0.0.10' },
    ];
    expect(libvirtDeleteTarget(hosts, { name: 'b', ip: 'fd00:203:119:0:0::60' })).toEqual({ name: 'b', ip: X });
    expect(libvirtDeleteTarget(hosts, { mac: '52:54:00:AA:BB:02', ip: '10.0.0.10' })).toEqual(hosts[3]);
    expect(libvirtDeleteTarget(hosts, { name: 'c', ip: X })).toBeNull();
    expect(libvirtDeleteTarget(hosts, { name: 'a', ip: 'fd00:203:119::61' })).toBeNull();
  });
  it('a removal row holds any DUID and name libvirt holds (only compared); an add still takes a DUID of hex bytes', () => {
    const input = networkRequests['networks.dhcpHost'].input;
    const req = (op: 'add' | 'remove', host: object) => input.safeParse({ hostId: 'lab-a', name: 'n', op, host });
    // libvirt takes any text of hex digits and ":" as a DUID (network_conf.c strspn), of any length.
    for (const id of ['000300015254001807aa', '0003:0001:5254:0018:07aa', `${'ab'.repeat(200)}`])
      expect(req('remove', { ip: X, id }).success, id).toBe(true);
    expect(req('remove', { ip: X, name: `h${'x'.repeat(300)}` }).success).toBe(true);
    expect(req('remove', { ip: X, id: 'zz:1' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['host.id', 'is not a DUID (hex digits and ":")'],
    ]);
    expect(req('add', { ip: X, id: '000300015254001807aa' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['host.id', 'is not a DUID like 0:3:0:1:52:54:0:12:34:56 (hex bytes separated by ":")'],
    ]);
  });
});

describe('<host> XML', () => {
  it('IPv6: id, name and ip, no mac; a hostile name (one made outside Vireo) escaped and read back verbatim', () => {
    expect(buildDhcpHostXml({ id: '0:3:0:1:52:54:0:18:7:10', name: 'h6', ip: 'fd00:203:119::30' })).toBe(
      '<host id="0:3:0:1:52:54:0:18:7:10" name="h6" ip="fd00:203:119::30"/>',
    );
    const hostile = `s18 "h" <ü> & 'q'`;
    const xml = buildDhcpHostXml({ name: hostile, ip: 'fd00::20' });
    expect(xml).toBe('<host name="s18 &quot;h&quot; &lt;ü&gt; &amp; \'q\'" ip="fd00::20"/>');
    const net = parseNetworkXml(
      `<network><name>n</name><ip family='ipv6' address='fd00::1' prefix='64'><dhcp><range start='fd00::100' end='fd00::1ff'/>${xml}</dhcp></ip></network>`,
    );
    expect(net.addresses[0]?.hosts).toEqual([{ name: hostile, ip: 'fd00::20' }]);
  });
});
