// Virtual networks (virNetwork*): what a guest NIC can attach to.

import type { RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { type CallOpts, callOpts, listAllArgs, type NetworkRef } from './protocol';
import { callRemote } from './remote';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** All networks matching `flags` (ListNetworksFlags; 0 = all). */
export async function networkListAll(rpc: RpcClient, o?: Flags): Promise<NetworkRef[]> {
  return (await callRemote(rpc, P.CONNECT_LIST_ALL_NETWORKS, listAllArgs(flagsOf(o)), callOpts(o))).nets;
}

export async function networkLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<NetworkRef> {
  return (await callRemote(rpc, P.NETWORK_LOOKUP_BY_NAME, { name }, callOpts(o))).net;
}

/** virsh net-dumpxml; flags: NetworkXmlFlags. */
export async function networkGetXmlDesc(rpc: RpcClient, net: NetworkRef, o?: Flags): Promise<string> {
  return (await callRemote(rpc, P.NETWORK_GET_XML_DESC, { net, flags: flagsOf(o) }, callOpts(o))).xml;
}

/** virsh net-define: defines (or redefines) a persistent network from XML. */
export async function networkDefineXml(rpc: RpcClient, xml: string, o?: CallOpts): Promise<NetworkRef> {
  return (await callRemote(rpc, P.NETWORK_DEFINE_XML, { xml }, callOpts(o))).net;
}

/** virsh net-start. */
export async function networkCreate(rpc: RpcClient, net: NetworkRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.NETWORK_CREATE, { net }, callOpts(o));
}

/** virsh net-destroy (stops it; a persistent network stays defined). */
export async function networkDestroy(rpc: RpcClient, net: NetworkRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.NETWORK_DESTROY, { net }, callOpts(o));
}

export async function networkUndefine(rpc: RpcClient, net: NetworkRef, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.NETWORK_UNDEFINE, { net }, callOpts(o));
}

export async function networkSetAutostart(rpc: RpcClient, net: NetworkRef, autostart: boolean, o?: CallOpts): Promise<void> {
  await callRemote(rpc, P.NETWORK_SET_AUTOSTART, { net, autostart: autostart ? 1 : 0 }, callOpts(o));
}

export async function networkGetAutostart(rpc: RpcClient, net: NetworkRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.NETWORK_GET_AUTOSTART, { net }, callOpts(o))).autostart !== 0;
}

export async function networkIsActive(rpc: RpcClient, net: NetworkRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.NETWORK_IS_ACTIVE, { net }, callOpts(o))).active !== 0;
}

export async function networkIsPersistent(rpc: RpcClient, net: NetworkRef, o?: CallOpts): Promise<boolean> {
  return (await callRemote(rpc, P.NETWORK_IS_PERSISTENT, { net }, callOpts(o))).persistent !== 0;
}

/** One DHCP lease (virNetworkDHCPLease); expiry in seconds since the epoch. */
export interface NetworkDhcpLease {
  iface: string;
  expiry: number;
  /** 0 = IPv4, 1 = IPv6 (virIPAddrType). */
  type: number;
  mac?: string;
  ip: string;
  prefix: number;
  hostname?: string;
  clientId?: string;
}

/** virsh net-dhcp-leases (of one MAC when given). */
export async function networkGetDhcpLeases(rpc: RpcClient, net: NetworkRef, o?: { mac?: string } & CallOpts): Promise<NetworkDhcpLease[]> {
  const r = await callRemote(rpc, P.NETWORK_GET_DHCP_LEASES, { net, mac: o?.mac ?? null, need_results: 1, flags: 0 }, callOpts(o));
  return r.leases.map((l) => ({
    iface: l.iface,
    expiry: Number(l.expirytime),
    type: l.type,
    ...(l.mac ? { mac: l.mac } : {}),
    ip: l.ipaddr,
    prefix: l.prefix,
    ...(l.hostname ? { hostname: l.hostname } : {}),
    ...(l.clientid ? { clientId: l.clientid } : {}),
  }));
}

/** virNetworkUpdateCommand. */
export const NetworkUpdateCommand = { MODIFY: 1, DELETE: 2, ADD_LAST: 3, ADD_FIRST: 4 } as const;
/** virNetworkUpdateSection (the ones Vireo edits). */
export const NetworkUpdateSection = { IP_DHCP_HOST: 4, IP_DHCP_RANGE: 5 } as const;
/** virNetworkUpdateFlags. */
export const NetworkUpdateFlags = { AFFECT_CURRENT: 0, AFFECT_LIVE: 1, AFFECT_CONFIG: 2 } as const;

/**
 * virsh net-update: one section of a network changed in place (live and/or in its definition).
 * command and section go in the fields of the same names (checked against libvirt 9.0 in
 * networks.lab.test.ts: swapped, ADD_LAST lands on the 'ip' section and is refused).
 */
export async function networkUpdate(
  rpc: RpcClient,
  net: NetworkRef,
  a: { command: number; section: number; parentIndex?: number; xml: string; flags?: number } & CallOpts,
): Promise<void> {
  await callRemote(
    rpc,
    P.NETWORK_UPDATE,
    { net, command: a.command, section: a.section, parentIndex: a.parentIndex ?? -1, xml: a.xml, flags: flagsOf(a) },
    callOpts(a),
  );
}
