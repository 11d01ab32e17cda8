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
