// Virtual networks (virNetwork*): what a guest NIC can attach to.
import type { RpcClient } from './client';
import { type CallOpts, callOpts, Limit, type NetworkRef, Proc, readNetwork, writeListAllArgs, writeNetwork } from './protocol';

type Flags = { flags?: number } & CallOpts;
const flagsOf = (o?: { flags?: number }): number => (o?.flags ?? 0) >>> 0;

/** All networks matching `flags` (ListNetworksFlags; 0 = all). */
export async function networkListAll(rpc: RpcClient, o?: Flags): Promise<NetworkRef[]> {
  return rpc.call(
    Proc.CONNECT_LIST_ALL_NETWORKS,
    (w) => writeListAllArgs(w, flagsOf(o)),
    (r) => {
      const nets = r.array(readNetwork, Limit.NETWORK_LIST);
      r.uint();
      return nets;
    },
    callOpts(o),
  );
}

export async function networkLookupByName(rpc: RpcClient, name: string, o?: CallOpts): Promise<NetworkRef> {
  return rpc.call(Proc.NETWORK_LOOKUP_BY_NAME, (w) => w.string(name), readNetwork, callOpts(o));
}

/** virsh net-dumpxml; flags: NetworkXmlFlags. */
export async function networkGetXmlDesc(rpc: RpcClient, net: NetworkRef, o?: Flags): Promise<string> {
  return rpc.call(
    Proc.NETWORK_GET_XML_DESC,
    (w) => {
      writeNetwork(w, net);
      w.uint(flagsOf(o));
    },
    (r) => r.string(),
    callOpts(o),
  );
}
