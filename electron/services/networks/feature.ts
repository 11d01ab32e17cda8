/** Binds this feature's part of the contract (shared/api/networks.ts) to its service, and turns network events into 'network.changed'. */
import type { HostId } from '../../../shared/api/common';
import type { NetworkLeases, NetworkSpec, networkRequests } from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import { UndoStack } from '../../core/undo';
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { NetworkLifecycleEvent } from '../../libvirt/events';
import { networkCreate, networkDefineXml, networkDestroy, networkSetAutostart, networkUndefine } from '../../libvirt/network';
import { networkChannel } from '../../libvirt/relay';
import { buildNetworkXml } from '../../xml/network';
import type { Feature, ServiceDeps } from '../deps';
import { checkDefine, leaseRows, refuseWhileInUse, vmIndex } from './checks';
import { changeStaticHost, editNetwork, explain, networkIo } from './edit';
import { type HostVms, lookupNetwork, networkInfo, readHostVms, readLeases, readNetwork, readNetworks, unreadOf } from './facts';

export type NetworksFeature = Feature<keyof typeof networkRequests>;

export function createNetworksFeature(deps: ServiceDeps): NetworksFeature {
  const rpcOf = (hostId: HostId): RpcClient => deps.hosts.connection(hostId).rpc;
  const changed = (hostId: HostId, name?: string, removed?: boolean) =>
    deps.events.emit('network.changed', { hostId, ...(name !== undefined ? { name } : {}), ...(removed ? { removed: true } : {}) });

  async function define(hostId: HostId, spec: NetworkSpec, start: boolean) {
    const rpc = rpcOf(hostId);
    checkDefine(
      spec,
      (await readNetworks(rpc)).map((n) => n.model),
    );
    // Each step registers its undo: a network that cannot start is not left defined.
    const undo = new UndoStack();
    try {
      const ref = await networkDefineXml(rpc, buildNetworkXml(spec)).catch(
        explain(`Cannot define network "${spec.name}"`, 'Check the name, bridge and addresses.'),
      );
      undo.push(`undefine network "${spec.name}"`, () => networkUndefine(rpc, ref));
      if (start)
        await networkCreate(rpc, ref).catch(
          explain(
            `Cannot start network "${spec.name}"`,
            'Another interface of the host may use that subnet or bridge name: pick another one.',
          ),
        );
      undo.commit();
      changed(hostId, spec.name);
      return networkInfo(await readNetwork(rpc, ref), await readHostVms(rpc));
    } catch (err) {
      const r = await undo.unwind();
      if (r.failed.length > 0)
        throw new AppError(
          'left-behind',
          `${(err as Error).message}; and could not ${r.failed.map((f) => `${f.label} (${f.error.message})`).join(', ')}`,
          {
            cause: err,
            hint: `Delete network "${spec.name}" by hand.`,
          },
        );
      throw err;
    }
  }

  async function stopOrDelete(hostId: HostId, name: string, verb: 'stop' | 'delete') {
    const rpc = rpcOf(hostId);
    // A read of its own (never one whose listing may predate the click): safety depends on it.
    const [net, vms] = await Promise.all([lookupNetwork(rpc, name), readHostVms(rpc, { fresh: true })]);
    refuseWhileInUse(verb, net.model, vms, net.active);
    if (net.active) await networkDestroy(rpc, net.ref).catch(explain(`Cannot stop network "${name}"`, 'Try again; see the host log.'));
    if (verb === 'delete' && net.persistent)
      await networkUndefine(rpc, net.ref).catch(explain(`Cannot delete network "${name}"`, 'Try again; see the host log.'));
    changed(hostId, name, verb === 'delete');
    return null;
  }

  /** A connected host's VMs; a host that cannot be asked (disconnected meanwhile) is a failure too, never "no VMs". */
  const hostVms = (id: HostId): Promise<HostVms> =>
    Promise.resolve()
      .then(() => readHostVms(rpcOf(id)))
      .catch((err: unknown) => ({ vms: [], failed: [{ message: err instanceof Error ? err.message : String(err), error: err }] }));

  async function leases(hostId: HostId, name: string): Promise<NetworkLeases> {
    const rpc = rpcOf(hostId);
    // Every connected host's VMs (a guest on a bridged network may live on another host), asked at
    // once with the network: concurrent calls (each network's leases, the list) share each host's read.
    const hosts = Promise.all(
      deps.hosts.connectedIds().map(async (id) => ({ hostId: id, hostName: deps.hosts.name(id), ...(await hostVms(id)) })),
    );
    hosts.catch(() => {}); // awaited below (unless the lookup fails first)
    const net = await lookupNetwork(rpc, name);
    if (!net.active) return { leases: [], unread: [] };
    const [raw, vms] = await Promise.all([readLeases(rpc, net.ref), hosts]);
    return {
      leases: leaseRows(raw, net.model, vmIndex(vms)),
      // A host whose VMs could not be read is named with libvirt's message: its VMs' leases show no VM.
      unread: vms.filter((h) => h.failed.length > 0).map((h) => ({ hostId: h.hostId, hostName: h.hostName, vms: unreadOf(h.failed) })),
    };
  }

  // ---- network events, per connected host: through the connection's event relay (deps.relays), which
  // registers the network lifecycle event once per connection, shares it with any other subscriber and
  // registers it again on the new client after a reconnect (then the host's networks are read again).
  const detach = new Map<HostId, () => void>();
  function watch(hostId: HostId, conn: LibvirtConnection) {
    unwatch(hostId);
    const relay = deps.relays.of(conn);
    const warn = (err: Error) => console.error(`[networks] events on ${deps.hosts.name(hostId)}: ${err.message}`);
    // A refused registration (also one again after a reconnect) or a message that cannot be read is told here.
    const offError = relay.onError((err, key) => {
      if (key === networkChannel.key) warn(err);
    });
    const sub = relay.subscribe(networkChannel, (e) => changed(hostId, e.net.name, e.event === NetworkLifecycleEvent.UNDEFINED));
    sub.ready.catch(() => {}); // told through onError
    // Reconnected (registered again on the new client): what changed while the link was down sent no
    // event here, so every network of the host is read again (a network.changed without a name).
    const offResync = relay.onResync(() => changed(hostId));
    detach.set(hostId, () => {
      offError();
      offResync();
      sub.off();
    });
  }
  function unwatch(hostId: HostId) {
    detach.get(hostId)?.();
    detach.delete(hostId);
  }
  // (Re)connected: events of the time it was not were missed, so its networks are read again too.
  const onConnected = (hostId: HostId, conn: LibvirtConnection) => {
    watch(hostId, conn);
    changed(hostId);
  };
  const onDisconnected = (hostId: HostId) => unwatch(hostId);
  deps.hosts.on('connected', onConnected);
  deps.hosts.on('disconnected', onDisconnected);
  for (const id of deps.hosts.connectedIds()) watch(id, deps.hosts.connection(id));

  return {
    handlers: {
      'networks.list': async ({ hostId }) => {
        const rpc = rpcOf(hostId);
        const [nets, vms] = await Promise.all([readNetworks(rpc), readHostVms(rpc)]);
        return { hostId, networks: nets.map((n) => networkInfo(n, vms)).sort((a, b) => a.name.localeCompare(b.name)) };
      },
      'networks.define': ({ hostId, spec, start }) => define(hostId, spec, start),
      'networks.edit': async (e) => {
        const rpc = rpcOf(e.hostId);
        const out = await editNetwork(rpc, await lookupNetwork(rpc, e.name), e);
        changed(e.hostId, e.name);
        return out;
      },
      'networks.start': async ({ hostId, name }) => {
        const rpc = rpcOf(hostId);
        const net = await lookupNetwork(rpc, name);
        await networkCreate(rpc, net.ref).catch(
          explain(`Cannot start network "${name}"`, 'Another interface of the host may use its subnet or bridge name.'),
        );
        changed(hostId, name);
        return null;
      },
      'networks.stop': ({ hostId, name }) => stopOrDelete(hostId, name, 'stop'),
      'networks.undefine': ({ hostId, name }) => stopOrDelete(hostId, name, 'delete'),
      'networks.autostart': async ({ hostId, name, on }) => {
        const rpc = rpcOf(hostId);
        const net = await lookupNetwork(rpc, name);
        await networkSetAutostart(rpc, net.ref, on).catch(
          explain(`Cannot change autostart of "${name}"`, 'Only a defined network can autostart.'),
        );
        changed(hostId, name);
        return null;
      },
      'networks.leases': ({ hostId, name }) => leases(hostId, name),
      'networks.dhcpHost': async ({ hostId, name, op, host, from }) => {
        const rpc = rpcOf(hostId);
        const net = await lookupNetwork(rpc, name);
        const out = await changeStaticHost(networkIo(rpc, net), net, op, host, from);
        changed(hostId, name);
        return out;
      },
    },
    dispose: () => {
      deps.hosts.off('connected', onConnected);
      deps.hosts.off('disconnected', onDisconnected);
      for (const id of [...detach.keys()]) unwatch(id);
    },
  };
}
