/**
 * Network XML (virNetwork): the one place that builds and reads it. Built with the DOM, so a
 * hostile name reaches libvirt escaped; read into a small model the service and checks use.
 */
import { intToIpv4, ipv4Subnet, ipv4ToInt } from '../../shared/api/common';
import type { DhcpHost, NetworkAddress, NetworkSpec, StaticHostEntry } from '../../shared/api/networks';
import { appendElement, attr, child, children, type Element, indent, intAttr, newDocument, parseXml, text, toXml } from './dom';

export interface NetworkModel {
  name: string;
  uuid?: string;
  /** forward mode; 'isolated' when there is no <forward>. */
  mode: string;
  bridge?: string;
  addresses: NetworkAddress[];
}

/** libvirt's netmask form of a prefix (24 → 255.255.255.0). */
export function prefixToNetmask(prefix: number): string {
  return intToIpv4(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

/** The prefix of a netmask (255.255.255.0 → 24); undefined when it is not contiguous. */
export function netmaskToPrefix(mask: string): number | undefined {
  const n = ipv4ToInt(mask);
  const p = 32 - Math.log2(((~n >>> 0) + 1) >>> 0 || 2 ** 32);
  return Number.isInteger(p) && prefixToNetmask(p) === mask ? p : undefined;
}

/** <network> for a new network from the form's spec. */
export function buildNetworkXml(spec: NetworkSpec): string {
  const doc = newDocument('network');
  const root = doc.documentElement as Element;
  appendElement(root, 'name', {}, spec.name);
  if (spec.mode === 'bridge') {
    appendElement(root, 'forward', { mode: 'bridge' });
    appendElement(root, 'bridge', { name: spec.bridge });
  } else {
    if (spec.mode !== 'isolated') appendElement(root, 'forward', { mode: spec.mode });
    appendElement(root, 'bridge', { name: spec.bridge, stp: 'on', delay: '0' });
    const ip = spec.ipv4;
    if (ip) {
      const e = appendElement(root, 'ip', { address: ip.address, prefix: ip.prefix });
      if (ip.dhcp || ip.hosts.length > 0) {
        const dhcp = appendElement(e, 'dhcp');
        if (ip.dhcp) appendElement(dhcp, 'range', { start: ip.dhcp.start, end: ip.dhcp.end });
        for (const h of ip.hosts) appendDhcpHost(dhcp, h);
      }
    }
    const ip6 = spec.ipv6;
    if (ip6) {
      const e = appendElement(root, 'ip', { family: 'ipv6', address: ip6.address, prefix: ip6.prefix });
      if (ip6.dhcp) appendElement(appendElement(e, 'dhcp'), 'range', { start: ip6.dhcp.start, end: ip6.dhcp.end });
    }
  }
  indent(doc);
  return toXml(doc);
}

function appendDhcpHost(parent: Element, h: DhcpHost) {
  return appendElement(parent, 'host', { mac: h.mac.toLowerCase(), name: h.name, ip: h.ip });
}

/** One <host> element for virNetworkUpdate (section ip-dhcp-host): IPv4 by mac=, IPv6 by name= and/or id= (the DUID). */
export function buildDhcpHostXml(h: StaticHostEntry): string {
  const doc = newDocument('host');
  const root = doc.documentElement as Element;
  if (h.mac) root.setAttribute('mac', h.mac.toLowerCase());
  if (h.id) root.setAttribute('id', h.id);
  if (h.name) root.setAttribute('name', h.name);
  if (h.ip) root.setAttribute('ip', h.ip);
  return toXml(doc).trim();
}

/** One <range> element for virNetworkUpdate (section ip-dhcp-range). */
export function buildDhcpRangeXml(r: { start: string; end: string }): string {
  const doc = newDocument('range');
  const root = doc.documentElement as Element;
  root.setAttribute('start', r.start);
  root.setAttribute('end', r.end);
  return toXml(doc).trim();
}

export function parseNetworkXml(xml: string): NetworkModel {
  const root = parseXml(xml, 'network XML').documentElement as Element;
  const name = text(child(root, 'name')) ?? '';
  const uuid = text(child(root, 'uuid'));
  const forward = attr(child(root, 'forward'), 'mode') ?? (child(root, 'forward') ? 'nat' : 'isolated');
  const bridge = attr(child(root, 'bridge'), 'name');
  const addresses: NetworkAddress[] = [];
  for (const ip of children(root, 'ip')) {
    const address = attr(ip, 'address');
    if (!address) continue;
    const family = attr(ip, 'family') === 'ipv6' || address.includes(':') ? 'ipv6' : 'ipv4';
    const mask = attr(ip, 'netmask');
    const prefix = intAttr(ip, 'prefix') ?? (mask ? netmaskToPrefix(mask) : undefined) ?? (family === 'ipv6' ? 64 : 24);
    const dhcp = child(ip, 'dhcp');
    const range = child(dhcp, 'range');
    const start = attr(range, 'start');
    const end = attr(range, 'end');
    addresses.push({
      family,
      address,
      prefix,
      ...(start && end ? { dhcp: { start, end } } : {}),
      hosts: (dhcp ? children(dhcp, 'host') : []).map((h) => {
        const mac = attr(h, 'mac');
        const hip = attr(h, 'ip');
        const hn = attr(h, 'name');
        const id = attr(h, 'id');
        return { ...(mac ? { mac } : {}), ...(id ? { id } : {}), ...(hip ? { ip: hip } : {}), ...(hn ? { name: hn } : {}) };
      }),
    });
  }
  return { name, ...(uuid ? { uuid } : {}), mode: forward, ...(bridge ? { bridge } : {}), addresses };
}

/** The network's IPv4 subnets (for the overlap check). */
export function ipv4Subnets(m: NetworkModel): { address: string; prefix: number }[] {
  return m.addresses
    .filter((a) => a.family === 'ipv4')
    .map((a) => ({ address: intToIpv4(ipv4Subnet(a.address, a.prefix).first), prefix: a.prefix }));
}
