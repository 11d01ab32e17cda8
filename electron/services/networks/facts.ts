/** What the networks service reads from the hosts (all its I/O): networks, the VMs on them, leases. */
import type { NetworkInfo, NetworkLease } from '../../../shared/api/networks';
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainListAllWithState } from '../../libvirt/domain';
import {
  networkGetAutostart,
  networkGetDhcpLeases,
  networkGetXmlDesc,
  networkIsActive,
  networkIsPersistent,
  networkListAll,
  networkLookupByName,
} from '../../libvirt/network';
import type { NetworkRef } from '../../libvirt/protocol';
import { type NetworkModel, parseNetworkXml } from '../../xml/network';
import { parseDomain } from '../../xml/parse';

/** A VM of one host and its NICs (from the one domain XML model). */
export interface VmNics {
  name: string;
  uuid: string;
  /** Running, paused, … anything but shut off or crashed. */
  running: boolean;
  /**
   * type= of each NIC and its source: a shut-off VM's NIC names its network; a running VM's live
   * XML names the bridge libvirt plugged it into (the model reads bridge= first).
   */
  nics: { type: string; mac?: string; network?: string; bridge?: string }[];
}

/** libvirt's domain states that hold no running guest: no state, shut off, crashed. */
const STOPPED = new Set([0, 5, 6]);

/** A VM's NICs from its XML (the one domain model): type, MAC and the network or bridge of each. */
export function vmNicsOf(name: string, uuid: string, running: boolean, xml: string): VmNics {
  return {
    name,
    uuid,
    running,
    nics: parseDomain(xml).interfaces.map((i) => ({
      type: i.type,
      ...(i.mac ? { mac: i.mac.toLowerCase() } : {}),
      ...(i.source?.kind === 'network' ? { network: i.source.name } : {}),
      ...(i.source?.kind === 'bridge' ? { bridge: i.source.name } : {}),
    })),
  };
}

export async function readVmNics(rpc: RpcClient): Promise<VmNics[]> {
  const doms = await domainListAllWithState(rpc);
  const out = await Promise.all(
    doms.map(async (d): Promise<VmNics | null> => {
      try {
        return vmNicsOf(d.name, d.uuid, !STOPPED.has(d.state), await domainGetXmlDesc(rpc, d));
      } catch {
        return null; // undefined between the list and the read
      }
    }),
  );
  return out.filter((v): v is VmNics => v !== null);
}

export interface NetworkFacts {
  ref: NetworkRef;
  /** As it runs (or, inactive, as defined). */
  model: NetworkModel;
  /** Its persistent definition: what the next start brings (the same as `model` unless a change is pending). */
  defined: NetworkModel;
  active: boolean;
  persistent: boolean;
  autostart: boolean;
}

/** virNetworkXMLFlags.INACTIVE: the persistent definition, not the running network. */
const XML_INACTIVE = 1;

export async function readNetwork(rpc: RpcClient, ref: NetworkRef): Promise<NetworkFacts> {
  // Both definitions in the same round trip: a running network's definition may hold changes for its next start.
  const [xml, inactive, active, persistent, autostart] = await Promise.all([
    networkGetXmlDesc(rpc, ref),
    networkGetXmlDesc(rpc, ref, { flags: XML_INACTIVE }),
    networkIsActive(rpc, ref),
    networkIsPersistent(rpc, ref),
    networkGetAutostart(rpc, ref),
  ]);
  const model = parseNetworkXml(xml);
  return { ref, model, defined: inactive === xml ? model : parseNetworkXml(inactive), active, persistent, autostart };
}

/** The addresses with their DHCP ranges and static hosts, in a form that compares (host order ignored). */
const addressKey = (m: NetworkModel) =>
  JSON.stringify(
    m.addresses.map((a) => [
      a.family,
      a.address,
      a.prefix,
      a.dhcp?.start ?? null,
      a.dhcp?.end ?? null,
      a.hosts.map((h) => JSON.stringify([h.mac?.toLowerCase() ?? null, h.id ?? null, h.ip ?? null, h.name ?? null])).sort(),
    ]),
  );

/** A running persistent network whose definition's addresses (DHCP range, static hosts) differ from what runs: those wait for a restart. */
export function pendingAddresses(f: NetworkFacts): NetworkModel['addresses'] | undefined {
  return f.active && f.persistent && addressKey(f.model) !== addressKey(f.defined) ? f.defined.addresses : undefined;
}

export async function readNetworks(rpc: RpcClient): Promise<NetworkFacts[]> {
  const refs = await networkListAll(rpc);
  const out = await Promise.all(refs.map((r) => readNetwork(rpc, r).catch(() => null)));
  return out.filter((n): n is NetworkFacts => n !== null);
}

export async function lookupNetwork(rpc: RpcClient, name: string): Promise<NetworkFacts> {
  return readNetwork(rpc, await networkLookupByName(rpc, name));
}

/** Whether a NIC is on this network: it names it, or (live XML) it is a network NIC on the network's bridge. */
const onNetwork = (n: VmNics['nics'][number], net: NetworkModel) =>
  n.network === net.name || (n.type === 'network' && !!net.bridge && n.bridge === net.bridge);

/** The VMs with a NIC on this network. */
export function usersOf(net: NetworkModel, vms: readonly VmNics[]): NetworkInfo['usedBy'] {
  const out: NetworkInfo['usedBy'] = [];
  for (const vm of vms) {
    const on = vm.nics.filter((n) => onNetwork(n, net));
    if (on.length > 0) out.push({ name: vm.name, uuid: vm.uuid, running: vm.running, macs: on.flatMap((n) => (n.mac ? [n.mac] : [])) });
  }
  return out;
}

export function networkInfo(f: NetworkFacts, vms: readonly VmNics[]): NetworkInfo {
  return {
    name: f.model.name,
    uuid: f.ref.uuid,
    active: f.active,
    persistent: f.persistent,
    autostart: f.autostart,
    mode: f.model.mode,
    ...(f.model.bridge ? { bridge: f.model.bridge } : {}),
    addresses: f.model.addresses,
    ...(pendingAddresses(f) ? { nextAddresses: f.defined.addresses } : {}),
    usedBy: usersOf(f.model, vms),
  };
}

export type RawLease = Omit<NetworkLease, 'reserved' | 'vm'>;

export async function readLeases(rpc: RpcClient, ref: NetworkRef): Promise<RawLease[]> {
  const leases = await networkGetDhcpLeases(rpc, ref);
  return leases.map((l) => ({
    mac: (l.mac ?? '').toLowerCase(),
    ip: l.ip,
    prefix: l.prefix,
    ...(l.hostname ? { hostname: l.hostname } : {}),
    expiry: l.expiry,
  }));
}
