/** What the networks service reads from the hosts (all its I/O): networks, the VMs on them, leases. */
import type { NetworkInfo, NetworkLease, VmUnread } from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainListAllWithState } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
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
import { shellQuote } from '../../transport/ssh/quote';
import { type NetworkModel, parseNetworkXml } from '../../xml/network';
import { parseDomain } from '../../xml/parse';

/** A VM of one host and its NICs (from the one domain XML model). */
export interface VmNics {
  name: string;
  uuid: string;
  /** Running, paused, crashed but kept, … anything but shut off. */
  running: boolean;
  /**
   * type= of each NIC and its source: a shut-off VM's NIC names its network; a running VM's live
   * XML names the bridge libvirt plugged it into (the model reads bridge= first).
   */
  nics: { type: string; mac?: string; network?: string; bridge?: string }[];
}

/**
 * The one libvirt domain state that holds no guest: shut off. A crashed VM (6) is one kept by
 * on_crash=preserve, its QEMU and its tap still there (a crash with the default on_crash is shut
 * off, reason crashed); no state (0) is a VM between states. Both count as running users.
 */
const STOPPED = new Set([5]);

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

/** A VM whose definition could not be read (anything but "no such domain"), or (vm absent) the host's VM list. */
export interface VmReadFailure {
  vm?: string;
  /** The VM's state from the listing (its XML could not be read): whether it may be a running user of a network. */
  running?: boolean;
  /** libvirt's message (or the link's). */
  message: string;
  error: unknown;
}

/** The host's VMs with their NICs, and those that could not be read (which networks they use is not known). */
export interface HostVms {
  vms: VmNics[];
  failed: VmReadFailure[];
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Per connection, the read whose VM listing is still unanswered (others may join it). */
const joinable = new WeakMap<RpcClient, Promise<HostVms>>();

/**
 * Every VM of the host with its NICs. Only libvirt's NO_DOMAIN (undefined between the listing and
 * its read) drops a VM; any other failure is in `failed` with its message — never "no VM".
 *
 * One read per connection is shared: a call made while another read's listing is still unanswered
 * joins that read, so every reply it gets arrives after it asked (each network's leases, the list
 * and a reconnect's refetch of them all read the host's VMs once). A call after the listing was
 * answered starts a read of its own: nothing is kept once read (no cache), so a read started after
 * a change sees it.
 *
 * `fresh`: a read of its own, joining none (and joined by none): where safety depends on it (stop,
 * delete), a listing computed before the click must not be trusted.
 */
export function readHostVms(rpc: RpcClient, opts: { fresh?: boolean } = {}): Promise<HostVms> {
  const open = opts.fresh ? undefined : joinable.get(rpc);
  if (open) return open;
  const listing = domainListAllWithState(rpc);
  const read = listing.then(
    async (doms): Promise<HostVms> => {
      const failed: VmReadFailure[] = [];
      const out = await Promise.all(
        doms.map(async (d): Promise<VmNics | null> => {
          try {
            return vmNicsOf(d.name, d.uuid, !STOPPED.has(d.state), await domainGetXmlDesc(rpc, d));
          } catch (err) {
            if (isLibvirtError(err, ErrorCode.NO_DOMAIN)) return null; // undefined between the listing and the read
            failed.push({ vm: d.name, running: !STOPPED.has(d.state), message: messageOf(err), error: err });
            return null;
          }
        }),
      );
      return { vms: out.filter((v): v is VmNics => v !== null), failed };
    },
    (err: unknown): HostVms => ({ vms: [], failed: [{ message: messageOf(err), error: err }] }),
  );
  if (opts.fresh) return read;
  joinable.set(rpc, read);
  // Runs right after `read`'s own step above (same microtask run): no call can join in between.
  const close = () => {
    if (joinable.get(rpc) === read) joinable.delete(rpc);
  };
  listing.then(close, close);
  return read;
}

/** The failures of a VM read in words: 'VM "web": <libvirt's message>', or the listing's failure. */
export function failuresInWords(failed: readonly { vm?: string; message: string }[]): string {
  return failed.map((f) => (f.vm !== undefined ? `VM "${f.vm}": ${f.message}` : `the VM list: ${f.message}`)).join('; ');
}

/** The host's VMs with their NICs; a VM (or the listing) that cannot be read fails it: an AppError with libvirt's message. */
export async function readVmNics(rpc: RpcClient): Promise<VmNics[]> {
  const r = await readHostVms(rpc);
  const first = r.failed[0];
  if (first)
    throw new AppError('libvirt', `Could not read the VMs to see which networks they use: ${failuresInWords(r.failed)}`, {
      cause: first.error,
      hint: `Try again; if it persists, check ${first.vm !== undefined ? `the VM with virsh dumpxml ${shellQuote(first.vm)}` : 'the host with virsh list --all'}.`,
    });
  return r.vms;
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
  // Only a network undefined between the listing and its read is left out; any other failure fails the read.
  const out = await Promise.all(
    refs.map((r) =>
      readNetwork(rpc, r).catch((err: unknown) => {
        if (isLibvirtError(err, ErrorCode.NO_NETWORK)) return null;
        throw new AppError('libvirt', `Could not read network "${r.name}": ${messageOf(err)}`, {
          cause: err,
          hint: `Try again; if it persists, check it with virsh net-dumpxml ${shellQuote(r.name)}.`,
        });
      }),
    ),
  );
  return out.filter((n): n is NetworkFacts => n !== null);
}

export async function lookupNetwork(rpc: RpcClient, name: string): Promise<NetworkFacts> {
  return readNetwork(rpc, await networkLookupByName(rpc, name));
}

/**
 * Whether a NIC is on this network: it names it, or (live XML) it is a network NIC on the network's
 * bridge, or a type='bridge' NIC plugged straight into the bridge libvirt made for it (virbrN of a
 * NAT, routed, isolated or open network: stopping the network removes that bridge under it). A host
 * bridge a 'bridge' network only names outlives the network: a NIC on it is not its user.
 */
const onNetwork = (n: VmNics['nics'][number], net: NetworkModel) =>
  n.network === net.name ||
  (!!net.bridge && n.bridge === net.bridge && (n.type === 'network' || (n.type === 'bridge' && net.mode !== 'bridge')));

/** The VMs with a NIC on this network. */
export function usersOf(net: NetworkModel, vms: readonly VmNics[]): NetworkInfo['usedBy'] {
  const out: NetworkInfo['usedBy'] = [];
  for (const vm of vms) {
    const on = vm.nics.filter((n) => onNetwork(n, net));
    if (on.length > 0) out.push({ name: vm.name, uuid: vm.uuid, running: vm.running, macs: on.flatMap((n) => (n.mac ? [n.mac] : [])) });
  }
  return out;
}

export function networkInfo(f: NetworkFacts, host: HostVms): NetworkInfo {
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
    usedBy: usersOf(f.model, host.vms),
    ...(host.failed.length > 0 ? { usersUnread: unreadOf(host.failed) } : {}),
  };
}

/** The failures as the contract carries them (libvirt's message, no error object). */
export const unreadOf = (failed: readonly VmReadFailure[]): VmUnread[] =>
  failed.map((f) => ({ ...(f.vm !== undefined ? { vm: f.vm } : {}), message: f.message }));

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
