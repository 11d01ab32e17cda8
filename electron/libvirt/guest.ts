// What libvirt asks the guest (virDomainInterfaceAddresses, virDomainGetGuestInfo, the guest
// clock, fsfreeze): the calls that go through the QEMU guest agent, or read addresses from
// libvirt's DHCP leases and the host's ARP table. One family, its own module (domain.ts is full).

import type { RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { type ParamRecord, remoteParamsToRecord } from './params';
import { type CallOpts, callOpts, type DomainRef } from './protocol';
import { callRemote } from './remote';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** virDomainInterfaceAddressesSource. */
export const AddressSource = { LEASE: 0, AGENT: 1, ARP: 2 } as const;
/** virIPAddrType. */
export const IpAddrType = { IPV4: 0, IPV6: 1 } as const;

export interface GuestInterface {
  /** The guest's name for it (agent: eth0; leases and ARP: the host-side tap, vnet3). */
  name: string;
  /** Its MAC, lower case, when known. */
  mac?: string;
  addrs: { type: number; addr: string; prefix: number }[];
}

/** virsh domifaddr --source lease|agent|arp. Agent: refused at once when no agent is connected. */
export async function domainInterfaceAddresses(rpc: RpcClient, dom: DomainRef, a: { source: number } & Flags): Promise<GuestInterface[]> {
  const r = await callRemote(rpc, P.DOMAIN_INTERFACE_ADDRESSES, { dom, source: a.source >>> 0, flags: flagsOf(a) }, callOpts(a));
  return r.ifaces.map((i) => ({
    name: i.name,
    ...(i.hwaddr ? { mac: i.hwaddr.toLowerCase() } : {}),
    addrs: i.addrs.map((x) => ({ type: x.type, addr: x.addr, prefix: x.prefix })),
  }));
}

/** virDomainGuestInfoTypes (0 = every type the agent supports; unsupported ones are left out). */
export const GuestInfoTypes = { USERS: 1, OS: 2, TIMEZONE: 4, HOSTNAME: 8, FILESYSTEM: 16, DISKS: 32 } as const;

/** virsh guestinfo: flat keys as virsh prints them (hostname, os.name, fs.0.mountpoint …). */
export async function domainGetGuestInfo(rpc: RpcClient, dom: DomainRef, o?: { types?: number } & Flags): Promise<ParamRecord> {
  const r = await callRemote(rpc, P.DOMAIN_GET_GUEST_INFO, { dom, types: (o?.types ?? 0) >>> 0, flags: flagsOf(o) }, callOpts(o));
  return remoteParamsToRecord(r.params);
}

/** virDomainSetTimeFlags. */
export const SetTimeFlags = { SYNC: 1 } as const;

/**
 * virsh domtime: `sync` sets the guest's clock from its RTC (QEMU's RTC follows the host's
 * clock, also across a pause or a migration); else to `seconds`/`nseconds` since the epoch.
 */
export async function domainSetTime(
  rpc: RpcClient,
  dom: DomainRef,
  a: ({ sync: true } | { sync?: false; seconds: number; nseconds?: number }) & CallOpts,
): Promise<void> {
  const args = a.sync
    ? { dom, seconds: 0, nseconds: 0, flags: SetTimeFlags.SYNC }
    : { dom, seconds: a.seconds, nseconds: a.nseconds ?? 0, flags: 0 };
  await callRemote(rpc, P.DOMAIN_SET_TIME, args, callOpts(a));
}

/** The guest's clock through the agent (seconds since the epoch). */
export async function domainGetTime(rpc: RpcClient, dom: DomainRef, o?: Flags): Promise<{ seconds: number; nseconds: number }> {
  const r = await callRemote(rpc, P.DOMAIN_GET_TIME, { dom, flags: flagsOf(o) }, callOpts(o));
  return { seconds: Number(r.seconds), nseconds: r.nseconds };
}

/** virsh domfsfreeze: freezes the guest's file systems (all when `mountpoints` is empty); returns how many. */
export async function domainFsFreeze(rpc: RpcClient, dom: DomainRef, o?: { mountpoints?: readonly string[] } & Flags): Promise<number> {
  return (await callRemote(rpc, P.DOMAIN_FSFREEZE, { dom, mountpoints: o?.mountpoints ?? [], flags: flagsOf(o) }, callOpts(o))).filesystems;
}

/** virsh domfsthaw. */
export async function domainFsThaw(rpc: RpcClient, dom: DomainRef, o?: { mountpoints?: readonly string[] } & Flags): Promise<number> {
  return (await callRemote(rpc, P.DOMAIN_FSTHAW, { dom, mountpoints: o?.mountpoints ?? [], flags: flagsOf(o) }, callOpts(o))).filesystems;
}
