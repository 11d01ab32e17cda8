/**
 * Virtual networks and their DHCP leases (issue 18): its value types, schemas, requests and events.
 * Over 400 lines on purpose: the rules the form and the backend share (subnets, ranges, overlaps,
 * static hosts of both families) stay next to the schemas they refine.
 */
import { z } from 'zod';
import {
  BridgeName,
  bigIntToIpv6,
  DhcpHostName,
  Duid,
  HostId,
  hostRef,
  Ipv4Address,
  Ipv4Prefix,
  Ipv6Address,
  Ipv6Prefix,
  intToIpv4,
  ipv4Subnet,
  ipv4ToInt,
  ipv6Subnet,
  ipv6ToBigInt,
  NicMacAddress,
  ObjectName,
} from './common';
import { out } from './out';

/**
 * How a network reaches the outside: NAT (masquerade), routed, isolated (no forward), open
 * (routed, no firewall rules), or an existing host bridge that libvirt only names.
 */
export const NETWORK_MODES = ['nat', 'route', 'isolated', 'open', 'bridge'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** A static DHCP host: this MAC always gets this address (and, optionally, this host name). */
export const DhcpHost = z.object({ mac: NicMacAddress, ip: Ipv4Address, name: DhcpHostName.optional() }).strict();
export type DhcpHost = z.infer<typeof DhcpHost>;

/**
 * A static DHCP host of either family, as the DHCP panel adds or removes one. IPv4: dnsmasq
 * matches the MAC (needed). IPv6: a DHCPv6 client is matched by its host name or DUID, never by a
 * MAC (libvirt refuses mac= on an IPv6 host), so adding one needs a name or a DUID (id), or both
 * (the request checks it; libvirt: "must have id or name").
 */
const refineStaticHost = (h: { mac?: string | undefined; id?: string | undefined; ip: string }, ctx: z.RefinementCtx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (hostFamily(h.ip) === 'ipv6') {
    if (!Ipv6Address.safeParse(h.ip).success) issue('ip', 'is not an IPv6 address like fd00:1::10');
    if (h.mac) issue('mac', 'is not used by an IPv6 host: libvirt matches IPv6 hosts by host name or DUID');
  } else {
    if (!Ipv4Address.safeParse(h.ip).success) issue('ip', 'is not an IPv4 address like 10.0.0.5 (nor an IPv6 one like fd00:1::10)');
    if (!h.mac) issue('mac', 'is needed: an IPv4 host is matched by its MAC');
    if (h.id) issue('id', 'is for IPv6 hosts only');
  }
};
const staticHostFields = { mac: NicMacAddress.optional(), id: Duid.optional(), ip: z.string().max(64) };
export const StaticHost = z
  .object({ ...staticHostFields, name: DhcpHostName.optional() })
  .strict()
  .superRefine(refineStaticHost);
/**
 * A static host as its row lists it, for a removal: matched exactly (every attribute, absent ones
 * too), so of two entries at one address the row's own is taken. Its name and DUID are any text
 * libvirt holds (one made outside Vireo: a name of any length, a DUID of hex digits and ":" in any
 * grouping, e.g. 000300015254…): only compared, never sent back (the entry as libvirt has it is).
 * The bound is only against abuse: libvirt itself sets none.
 */
export const StaticHostRow = z
  .object({
    ...staticHostFields,
    id: z
      .string()
      .max(4096)
      .regex(/^[0-9A-Fa-f:]*$/, 'is not a DUID (hex digits and ":")')
      .optional(),
    name: z.string().min(1).max(4096).optional(),
  })
  .strict()
  .superRefine(refineStaticHost);
export type StaticHost = z.infer<typeof StaticHost>;

/** The family of a static host's address (its text: an IPv6 address has ":"). */
export const hostFamily = (ip: string): 'ipv4' | 'ipv6' => (ip.includes(':') ? 'ipv6' : 'ipv4');

/** The field names of a static host, in words (the panel's labels and the backend's messages). */
export const STATIC_HOST_LABELS: Readonly<Record<string, string>> = { mac: 'MAC address', ip: 'Address', name: 'Host name', id: 'DUID' };

/** An IPv6 host added needs one of these (libvirt: "must have id or name"); the message is at the name field. */
export const IPV6_HOST_NEEDS = 'or DUID is needed for an IPv6 host (libvirt matches IPv6 hosts by name or DUID, not MAC)';

/** The same static host: every attribute equal (MAC and DUID without regard to case, IPv6 in any spelling). */
export function sameStaticHost(a: StaticHostEntry, b: StaticHostEntry): boolean {
  return (
    a.mac?.toLowerCase() === b.mac?.toLowerCase() &&
    a.id?.toLowerCase() === b.id?.toLowerCase() &&
    (a.name ?? null) === (b.name ?? null) &&
    ((a.ip === undefined && b.ip === undefined) || (b.ip !== undefined && sameIp(a.ip, b.ip)))
  );
}

/**
 * The IPv6 <ip> with DHCPv6 — a range, or static hosts only (dnsmasq's "static" range) — its index,
 * -1: none (then a running network's dnsmasq may send only router advertisements, "ra-only").
 */
export function dhcp6Block(addresses: readonly NetworkAddress[]): number {
  return addresses.findIndex((a) => a.family === 'ipv6' && (!!a.dhcp || a.hosts.length > 0));
}

/**
 * The <ip> of the network a static host of this family goes in (its index, -1: none). libvirt
 * takes DHCP on one <ip> per family: the one with DHCP (IPv6: a range or static hosts only —
 * lab-checked, libvirt 9.0 adds a host there live), else the family's first <ip>. An IPv6 <ip>
 * with no DHCPv6 at all takes a host too (libvirt creates its <dhcp>; lab-checked: the next start
 * gives dnsmasq a "static" range) — the backend saves it in the definition only while the running
 * network shows no DHCPv6 (changeStaticHost: pending until a restart).
 */
export function staticHostBlock(addresses: readonly NetworkAddress[], family: 'ipv4' | 'ipv6'): number {
  const i = family === 'ipv6' ? dhcp6Block(addresses) : addresses.findIndex((a) => a.family === 'ipv4' && (!!a.dhcp || a.hosts.length > 0));
  return i >= 0 ? i : addresses.findIndex((a) => a.family === family);
}

const sameIp = (a: string | undefined, b: string) =>
  a !== undefined && (a === b || (hostFamily(b) === 'ipv6' && ipv6ToBigInt(a) !== null && ipv6ToBigInt(a) === ipv6ToBigInt(b)));

/**
 * The entry libvirt deletes when sent `sent` (virNetworkDefUpdateIPDHCPHost, network_conf.c,
 * libvirt 9.0, the DELETE branch): the FIRST of the <ip>'s hosts for which every attribute given
 * matches — a MAC only when both have one, the name only when `sent` has one, the address when
 * `sent` has one; the DUID is never compared. null: none matches (libvirt: "couldn't locate a
 * matching dhcp host entry"). So of two entries at one address that differ only by DUID, or where
 * one lacks the other's MAC or name, the first is deleted whichever was meant.
 */
export function libvirtDeleteTarget(hosts: readonly StaticHostEntry[], sent: StaticHostEntry): StaticHostEntry | null {
  return (
    hosts.find(
      (h) =>
        (!sent.mac || !h.mac || sent.mac.toLowerCase() === h.mac.toLowerCase()) &&
        (sent.name === undefined || sent.name === h.name) &&
        (sent.ip === undefined || sameIp(h.ip, sent.ip)),
    ) ?? null
  );
}

/** A static host with all its attributes, in words: 'MAC 52:54:…, name "x", address 10.0.0.5'. */
export function staticHostInFull(h: StaticHostEntry): string {
  return [
    h.mac && `MAC ${h.mac}`,
    h.name !== undefined && `name "${h.name}"`,
    h.id !== undefined && `DUID ${h.id}`,
    h.ip !== undefined && `address ${h.ip}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * The static host of the network a removal names: the one whose every attribute is the row's (MAC,
 * DUID, name and address; one the row lacks, the entry lacks too) — never another one at the same
 * address (two IPv6 entries at one address differ by name or DUID).
 */
export function findStaticHost(
  addresses: readonly NetworkAddress[],
  host: StaticHostEntry & { ip: string },
): { index: number; host: StaticHostEntry } | null {
  const family = hostFamily(host.ip);
  for (const [index, a] of addresses.entries()) {
    if (a.family !== family) continue;
    const h = a.hosts.find((x) => sameStaticHost(x, host));
    if (h) return { index, host: h };
  }
  return null;
}

/**
 * Adding a static host to a network (the panel before sending, the backend again): the network
 * has an <ip> of that family with DHCP; the address is inside its subnet and is not the network's
 * own; the address, MAC, DUID and name are not reserved already; an IPv6 host has a name or a
 * DUID. Each issue is at its field.
 */
export function staticHostIssues(addresses: readonly NetworkAddress[], host: StaticHost): { path: string[]; message: string }[] {
  const family = hostFamily(host.ip);
  const issues: { path: string[]; message: string }[] = [];
  const issue = (path: string, message: string) => issues.push({ path: [path], message });
  if (family === 'ipv6' && !host.name && !host.id) issue('name', IPV6_HOST_NEEDS);
  const i = staticHostBlock(addresses, family);
  const b = addresses[i];
  if (!b) {
    issue('ip', family === 'ipv4' ? 'is IPv4, but this network has no IPv4 subnet' : 'is IPv6, but this network has no IPv6 subnet');
    return issues;
  }
  if (family === 'ipv6') {
    const n = ipv6ToBigInt(host.ip);
    const s = ipv6Subnet(b.address, b.prefix);
    if (n !== null && (n <= s.first || n > s.last)) issue('ip', `is outside the subnet ${bigIntToIpv6(s.first)}/${b.prefix}`);
    else if (sameIp(b.address, host.ip)) issue('ip', "is the network's own address");
  } else if (Ipv4Address.safeParse(host.ip).success) {
    const s = ipv4Subnet(b.address, b.prefix);
    if (!inSubnet(host.ip, s)) issue('ip', `is outside the subnet ${intToIpv4(s.first)}/${b.prefix}`);
    else if (host.ip === b.address) issue('ip', "is the network's own address");
  }
  const who = (h: StaticHostEntry) => h.name ?? h.mac ?? h.id ?? '';
  const byIp = b.hosts.find((h) => sameIp(h.ip, host.ip));
  if (byIp) issue('ip', `is already reserved for ${who(byIp)}`);
  const byMac = host.mac && b.hosts.find((h) => h.mac?.toLowerCase() === host.mac?.toLowerCase());
  if (byMac) issue('mac', `already has a static host (${byMac.ip ?? ''})`);
  const byId = host.id && b.hosts.find((h) => h.id?.toLowerCase() === host.id?.toLowerCase());
  if (byId) issue('id', `already has a static host (${byId.ip ?? ''})`);
  const byName = host.name && b.hosts.find((h) => h.name === host.name);
  if (byName) issue('name', `is already given to ${byName.ip ?? ''}`);
  return issues;
}

const inSubnet = (ip: string, s: { first: number; last: number }) => {
  const n = ipv4ToInt(ip);
  return n > s.first && n < s.last;
};

export const NetworkIpv4 = z
  .object({
    address: Ipv4Address,
    prefix: Ipv4Prefix,
    dhcp: z.object({ start: Ipv4Address, end: Ipv4Address }).strict().optional(),
    hosts: z.array(DhcpHost).max(256).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!Ipv4Address.safeParse(v.address).success || !Ipv4Prefix.safeParse(v.prefix).success) return;
    const s = ipv4Subnet(v.address, v.prefix);
    const cidr = `${intToIpv4(s.first)}/${v.prefix}`;
    const a = ipv4ToInt(v.address);
    if (a === s.first || a === s.last)
      ctx.addIssue({ code: 'custom', path: ['address'], message: `is the ${a === s.first ? 'network' : 'broadcast'} address of ${cidr}` });
    const ok = (ip: string) => Ipv4Address.safeParse(ip).success;
    if (v.dhcp && ok(v.dhcp.start) && ok(v.dhcp.end)) {
      for (const k of ['start', 'end'] as const)
        if (!inSubnet(v.dhcp[k], s)) ctx.addIssue({ code: 'custom', path: ['dhcp', k], message: `is outside the subnet ${cidr}` });
      if (ipv4ToInt(v.dhcp.start) > ipv4ToInt(v.dhcp.end))
        ctx.addIssue({ code: 'custom', path: ['dhcp', 'end'], message: 'is before the start of the range' });
    }
    const macs = new Set<string>();
    const ips = new Set<string>();
    v.hosts.forEach((h, i) => {
      if (ok(h.ip) && !inSubnet(h.ip, s))
        ctx.addIssue({ code: 'custom', path: ['hosts', i, 'ip'], message: `is outside the subnet ${cidr}` });
      else if (h.ip === v.address) ctx.addIssue({ code: 'custom', path: ['hosts', i, 'ip'], message: "is the network's own address" });
      if (macs.has(h.mac.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['hosts', i, 'mac'], message: 'is listed twice' });
      if (ips.has(h.ip)) ctx.addIssue({ code: 'custom', path: ['hosts', i, 'ip'], message: 'is given to two hosts' });
      macs.add(h.mac.toLowerCase());
      ips.add(h.ip);
    });
  });
export type NetworkIpv4 = z.infer<typeof NetworkIpv4>;

/** An IPv6 subnet of a network: the host's address on it, its prefix, and optionally a DHCPv6 range inside it. */
export const NetworkIpv6 = z
  .object({
    address: Ipv6Address,
    prefix: Ipv6Prefix,
    dhcp: z.object({ start: Ipv6Address, end: Ipv6Address }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!Ipv6Address.safeParse(v.address).success || !Ipv6Prefix.safeParse(v.prefix).success) return;
    const s = ipv6Subnet(v.address, v.prefix);
    const a = ipv6ToBigInt(v.address) ?? 0n;
    if (a === s.first)
      ctx.addIssue({
        code: 'custom',
        path: ['address'],
        message: `is the subnet's own address (/${v.prefix}): give the host one inside it`,
      });
    if (!v.dhcp) return;
    const start = ipv6ToBigInt(v.dhcp.start);
    const end = ipv6ToBigInt(v.dhcp.end);
    if (start === null || end === null) return;
    for (const [k, n] of [
      ['start', start],
      ['end', end],
    ] as const)
      if (n <= s.first || n > s.last)
        ctx.addIssue({ code: 'custom', path: ['dhcp', k], message: `is outside the subnet /${v.prefix} of ${v.address}` });
    if (start > end) ctx.addIssue({ code: 'custom', path: ['dhcp', 'end'], message: 'is before the start of the range' });
  });
export type NetworkIpv6 = z.infer<typeof NetworkIpv6>;

/** A new network as the form and the backend take it. */
export const NetworkSpec = z
  .object({
    name: ObjectName,
    mode: z.enum(NETWORK_MODES),
    /** 'bridge': the existing host bridge. Other modes: the bridge libvirt creates (libvirt picks virbrN when absent). */
    bridge: BridgeName.optional(),
    ipv4: NetworkIpv4.optional(),
    ipv6: NetworkIpv6.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mode === 'bridge') {
      if (!v.bridge) ctx.addIssue({ code: 'custom', path: ['bridge'], message: 'is needed: the host bridge the guests join' });
      if (v.ipv4)
        ctx.addIssue({ code: 'custom', path: ['ipv4', 'address'], message: 'is not used with a host bridge (the bridge has its own)' });
      if (v.ipv6)
        ctx.addIssue({ code: 'custom', path: ['ipv6', 'address'], message: 'is not used with a host bridge (the bridge has its own)' });
    } else if ((v.mode === 'nat' || v.mode === 'route') && !v.ipv4) {
      ctx.addIssue({
        code: 'custom',
        path: ['ipv4', 'address'],
        message: `is needed for a ${v.mode === 'nat' ? 'NAT' : 'routed'} network`,
      });
    }
  });
export type NetworkSpec = z.infer<typeof NetworkSpec>;

/** The subnets of the host's other networks, as overlapSubnetIssues takes them (family: IPv4 unless said). */
export interface HostSubnet {
  network: string;
  family?: 'ipv4' | 'ipv6';
  address: string;
  prefix: number;
}

/**
 * The spec's subnets against the host's other networks (the form checks them before sending, the
 * backend again before defining): IPv4 against IPv4, IPv6 against IPv6; one issue at each address
 * field whose subnet overlaps another network's, naming that network.
 */
export function overlapSubnetIssues(
  spec: { name: string; ipv4?: { address: string; prefix: number }; ipv6?: { address: string; prefix: number } },
  others: readonly HostSubnet[],
) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const clash = (o: HostSubnet, message: string) => issues.push({ path: [o.family === 'ipv6' ? 'ipv6' : 'ipv4', 'address'], message });
  const ip = spec.ipv4;
  if (ip && Ipv4Address.safeParse(ip.address).success && Ipv4Prefix.safeParse(ip.prefix).success) {
    const mine = ipv4Subnet(ip.address, ip.prefix);
    for (const o of others) {
      if (o.network === spec.name || (o.family ?? 'ipv4') !== 'ipv4' || !Ipv4Address.safeParse(o.address).success) continue;
      const theirs = ipv4Subnet(o.address, o.prefix);
      if (mine.first <= theirs.last && theirs.first <= mine.last) {
        clash(
          o,
          `The subnet ${intToIpv4(mine.first)}/${ip.prefix} overlaps network "${o.network}" (${intToIpv4(theirs.first)}/${o.prefix}) on this host: pick another subnet.`,
        );
        break;
      }
    }
  }
  const ip6 = spec.ipv6;
  if (ip6 && Ipv6Address.safeParse(ip6.address).success && Ipv6Prefix.safeParse(ip6.prefix).success) {
    const mine = ipv6Subnet(ip6.address, ip6.prefix);
    for (const o of others) {
      // Another network's IPv6 prefix may be anything libvirt took (not only 48–64).
      if (o.network === spec.name || o.family !== 'ipv6' || ipv6ToBigInt(o.address) === null || o.prefix < 0 || o.prefix > 128) continue;
      const theirs = ipv6Subnet(o.address, o.prefix);
      if (mine.first <= theirs.last && theirs.first <= mine.last) {
        clash(
          o,
          `The subnet ${bigIntToIpv6(mine.first)}/${ip6.prefix} overlaps network "${o.network}" (${bigIntToIpv6(theirs.first)}/${o.prefix}) on this host: pick another subnet.`,
        );
        break;
      }
    }
  }
  return issues;
}

// ---- what the backend gives ---------------------------------------------------------------------

export interface NetworkUser {
  name: string;
  uuid: string;
  running: boolean;
  /** The MACs of its NICs on this network. */
  macs: string[];
}

/** A static host as libvirt's XML has it (any attribute may be missing in a definition made elsewhere; id: an IPv6 host's DUID). */
export interface StaticHostEntry {
  mac?: string;
  id?: string;
  ip?: string;
  name?: string;
}

export interface NetworkAddress {
  family: 'ipv4' | 'ipv6';
  address: string;
  prefix: number;
  dhcp?: { start: string; end: string };
  hosts: StaticHostEntry[];
}

export interface NetworkInfo {
  name: string;
  uuid: string;
  active: boolean;
  persistent: boolean;
  autostart: boolean;
  /** The forward mode ('nat', 'route', 'open', 'bridge' …); 'isolated' when there is no <forward>. */
  mode: string;
  bridge?: string;
  addresses: NetworkAddress[];
  /** Running and persistent, its definition's addresses differ (a change libvirt could not apply live): they take effect at the next start. */
  nextAddresses?: NetworkAddress[];
  /** VMs of this host with a NIC on this network. */
  usedBy: NetworkUser[];
  /** VMs of this host that could not be read (libvirt's message): they may use this network too, so `usedBy` may miss them. */
  usersUnread?: VmUnread[];
}

/** A VM whose definition could not be read, with libvirt's message (vm absent: the host's VM list itself): which networks it uses is not known. */
export interface VmUnread {
  vm?: string;
  message: string;
}

export interface NetworkList {
  hostId: HostId;
  networks: NetworkInfo[];
}

/** A DHCP lease of a network, with the VM that has its MAC on any connected host. */
export interface NetworkLease {
  mac: string;
  ip: string;
  prefix: number;
  hostname?: string;
  /** Seconds since the epoch. */
  expiry: number;
  /** A static DHCP host of the network gives this MAC this address. */
  reserved: boolean;
  vm?: { hostId: HostId; hostName: string; name: string; uuid: string };
}

/** A connected host whose VMs (some or all) could not be read for the lease table: a lease of one of them shows no VM. */
export interface LeaseHostUnread {
  hostId: HostId;
  hostName: string;
  vms: VmUnread[];
}

/** A network's leases, and the connected hosts whose VMs could not be read to map them. */
export interface NetworkLeases {
  leases: NetworkLease[];
  unread: LeaseHostUnread[];
}

const netRef = z.object({ hostId: HostId, name: ObjectName }).strict();

/**
 * What an edit may change on an existing network: its IPv4 DHCP range (none: no range), its
 * static hosts (the whole list wanted) and autostart. Checked against the network's own subnet.
 */
export const NetworkEdit = z
  .object({
    hostId: HostId,
    name: ObjectName,
    dhcp: z.object({ start: Ipv4Address, end: Ipv4Address }).strict().nullable(),
    hosts: z.array(DhcpHost).max(256),
    autostart: z.boolean(),
  })
  .strict();
export type NetworkEdit = z.infer<typeof NetworkEdit>;

/** What an edit did: each change applied to the running network at once, kept for its next start only, or saved in the definition alone. */
export interface NetworkEditResult {
  live: string[];
  /** Running network, libvirt could not apply these live: in the definition, effective after a restart. */
  pending: string[];
  /** Only the definition changed: the network is not running, or (running) it already was so. */
  saved: string[];
}

/**
 * What adding or removing a static host did: live (the running network changed, and its definition
 * when it has one), saved (only the definition changed: the network is not running, or the host was
 * one pending for its next start), or pending with libvirt's reason.
 */
export interface DhcpHostResult {
  applied: 'live' | 'saved' | 'pending';
  /** pending: why the running network did not take it (libvirt's message). */
  reason?: string;
}

/** This feature's requests, spread into the contract's `requests`. */
export const networkRequests = {
  'networks.list': { input: hostRef, output: out<NetworkList>() },
  'networks.define': {
    input: z.object({ hostId: HostId, spec: NetworkSpec, start: z.boolean().default(true) }).strict(),
    output: out<NetworkInfo>(),
  },
  /** Changes the DHCP range, static hosts and autostart: live on a running network where libvirt can (virNetworkUpdate), else pending until it restarts. */
  'networks.edit': { input: NetworkEdit, output: out<NetworkEditResult>() },
  'networks.start': { input: netRef, output: out<null>() },
  /** Refused while running VMs use it (naming them). */
  'networks.stop': { input: netRef, output: out<null>() },
  'networks.autostart': { input: netRef.extend({ on: z.boolean() }).strict(), output: out<null>() },
  /** Stops it if running and undefines it; refused while running VMs use it (naming them). */
  'networks.undefine': { input: netRef, output: out<null>() },
  /** Its leases, each with the VM of any connected host that has its MAC; a host whose VMs cannot be read is named (`unread`). */
  'networks.leases': { input: netRef, output: out<NetworkLeases>() },
  /**
   * Adds or removes a static DHCP host (IPv4 by MAC, IPv6 by name or DUID), live on a running
   * network and in its definition; pending until a restart when libvirt cannot apply it live.
   */
  'networks.dhcpHost': {
    input: netRef
      .extend({
        op: z.enum(['add', 'remove']),
        /** An add: the host (its name a dnsmasq host label); a removal: its row as listed, matched exactly (StaticHostRow). */
        host: StaticHostRow,
        /**
         * A removal: the list its row is in — the running network's (default) or the definition's
         * for the next start (a host pending there); that list's entry is removed, never another one
         * at the same address.
         */
        from: z.enum(['running', 'next-boot']).optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.op !== 'add') return;
        if (hostFamily(v.host.ip) === 'ipv6' && !v.host.name && !v.host.id)
          ctx.addIssue({ code: 'custom', path: ['host', 'name'], message: IPV6_HOST_NEEDS });
        const name = v.host.name === undefined ? undefined : DhcpHostName.safeParse(v.host.name).error;
        if (name) ctx.addIssue({ code: 'custom', path: ['host', 'name'], message: name.issues[0]?.message ?? 'is not a host name' });
        const id = v.host.id === undefined ? undefined : Duid.safeParse(v.host.id).error;
        if (id) ctx.addIssue({ code: 'custom', path: ['host', 'id'], message: id.issues[0]?.message ?? 'is not a DUID' });
      }),
    output: out<DhcpHostResult>(),
  },
} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export interface NetworkEvents {
  /** name absent: any of the host's networks may have changed (events missed while the link was down): all read again. */
  'network.changed': { hostId: HostId; name?: string; removed?: boolean };
}
