/** Binds this feature's part of the contract (shared/api/networks.ts) to its service, and turns network events into 'network.changed'. */
import type { HostId } from '../../../shared/api/common';
import type { NetworkSpec, networkRequests } from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import { UndoStack } from '../../core/undo';
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { NetworkLifecycleEvent, networkEventDeregister, networkEventRegister, onNetworkLifecycle } from '../../libvirt/events';
import { networkCreate, networkDefineXml, networkDestroy, networkSetAutostart, networkUndefine } from '../../libvirt/network';
import { buildNetworkXml } from '../../xml/network';
import type { Feature, ServiceDeps } from '../deps';
import { checkDefine, leaseRows, refuseWhileInUse, vmIndex } from './checks';
import { changeStaticHost, editNetwork, explain } from './edit';
import { lookupNetwork, networkInfo, readLeases, readNetwork, readNetworks, readVmNics } from './facts';

export type NetworksFeature = Feature<keyof typeof networkRequests>;

export function createNetworksFeature(deps: ServiceDeps): NetworksFeature {
  const rpcOf = (hostId: HostId): RpcClient => deps.hosts.connection(hostId).rpc;
  const changed = (hostId: HostId, name: string, removed?: boolean) =>
    deps.events.emit('network.changed', { hostId, name, ...(removed ? { removed: true } : {}) });

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
      return networkInfo(await readNetwork(rpc, ref), await readVmNics(rpc));
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
    const [net, vms] = await Promise.all([lookupNetwork(rpc, name), readVmNics(rpc)]);
    refuseWhileInUse(verb, net.model, vms);
    if (net.active) await networkDestroy(rpc, net.ref).catch(explain(`Cannot stop network "${name}"`, 'Try again; see the host log.'));
    if (verb === 'delete' && net.persistent)
      await networkUndefine(rpc, net.ref).catch(explain(`Cannot delete network "${name}"`, 'Try again; see the host log.'));
    changed(hostId, name, verb === 'delete');
    return null;
  }

  async function leases(hostId: HostId, name: string) {
    const rpc = rpcOf(hostId);
    const net = await lookupNetwork(rpc, name);
    if (!net.active) return [];
    const raw = await readLeases(rpc, net.ref);
    // Every connected host's VMs: a guest on a bridged network may live on another host.
    const hosts = await Promise.all(
      deps.hosts.connectedIds().map(async (id) => ({
        hostId: id,
        hostName: deps.hosts.name(id),
        vms: await readVmNics(id === hostId ? rpc : rpcOf(id)).catch(() => []),
      })),
    );
    return leaseRows(raw, net.model, vmIndex(hosts));
  }

  // ---- network events, per connected host ----
  const detach = new Map<HostId, () => void>();
  function watch(hostId: HostId, conn: LibvirtConnection) {
    unwatch(hostId);
    let ids = new Set<number>();
    let unhook: (() => void) | null = null;
    let stopped = false;
    const attach = async (rpc: RpcClient) => {
      unhook?.();
      ids = new Set();
      const early: { callbackId: number; name: string; event: number }[] = [];
      let registering = true;
      unhook = onNetworkLifecycle(rpc, (m) => {
        const e = { callbackId: m.callbackId, name: m.net.name, event: m.event };
        if (ids.has(e.callbackId)) changed(hostId, e.name, e.event === NetworkLifecycleEvent.UNDEFINED);
        else if (registering) early.push(e);
      });
      const id = await networkEventRegister(rpc);
      registering = false;
      if (stopped) return void networkEventDeregister(rpc, id).catch(() => undefined);
      ids.add(id);
      for (const e of early) if (ids.has(e.callbackId)) changed(hostId, e.name, e.event === NetworkLifecycleEvent.UNDEFINED);
    };
    const warn = (err: Error) => console.error(`[networks] events on ${deps.hosts.name(hostId)}: ${err.message}`);
    const offReconnect = conn.onReconnected((rpc) => attach(rpc).catch(warn));
    attach(conn.rpc).catch(warn);
    detach.set(hostId, () => {
      stopped = true;
      offReconnect();
      unhook?.();
      const rpc = conn.rpc;
      if (rpc.isOpen) for (const id of ids) void networkEventDeregister(rpc, id, { timeoutMs: 5_000 }).catch(() => undefined);
    });
  }
  function unwatch(hostId: HostId) {
    detach.get(hostId)?.();
    detach.delete(hostId);
  }
  const onConnected = (hostId: HostId, conn: LibvirtConnection) => watch(hostId, conn);
  const onDisconnected = (hostId: HostId) => unwatch(hostId);
  deps.hosts.on('connected', onConnected);
  deps.hosts.on('disconnected', onDisconnected);
  for (const id of deps.hosts.connectedIds()) watch(id, deps.hosts.connection(id));

  return {
    handlers: {
      'networks.list': async ({ hostId }) => {
        const rpc = rpcOf(hostId);
        const [nets, vms] = await Promise.all([readNetworks(rpc), readVmNics(rpc)]);
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
      'networks.dhcpHost': async ({ hostId, name, op, host }) => {
        const rpc = rpcOf(hostId);
        const out = await changeStaticHost(rpc, await lookupNetwork(rpc, name), op, host);
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
