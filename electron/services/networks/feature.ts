/** Binds this feature's part of the contract (shared/api/networks.ts) to its service, and turns network events into 'network.changed'. */
import type { HostId } from '../../../shared/api/common';
import {
  type DhcpHost,
  type NetworkEdit,
  type NetworkEditResult,
  NetworkIpv4,
  type NetworkSpec,
  type networkRequests,
} from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import { UndoStack } from '../../core/undo';
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { isLibvirtError } from '../../libvirt/errors';
import { NetworkLifecycleEvent, networkEventDeregister, networkEventRegister, onNetworkLifecycle } from '../../libvirt/events';
import {
  NetworkUpdateCommand,
  NetworkUpdateFlags,
  NetworkUpdateSection,
  networkCreate,
  networkDefineXml,
  networkDestroy,
  networkSetAutostart,
  networkUndefine,
  networkUpdate,
} from '../../libvirt/network';
import { buildDhcpHostXml, buildDhcpRangeXml, buildNetworkXml } from '../../xml/network';
import type { Feature, ServiceDeps } from '../deps';
import { checkDefine, checkDhcpHost, leaseRows, refuseWhileInUse, vmIndex } from './checks';
import { lookupNetwork, networkInfo, readLeases, readNetwork, readNetworks, readVmNics } from './facts';

export type NetworksFeature = Feature<keyof typeof networkRequests>;

/** libvirt's message kept, with what to do next. */
function explain(what: string, hint: string) {
  return (err: unknown): never => {
    if (isLibvirtError(err)) throw new AppError('libvirt', `${what}: ${err.message}`, { cause: err, hint });
    throw err;
  };
}

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

  async function dhcpHost(hostId: HostId, name: string, op: 'add' | 'remove', host: DhcpHost) {
    const rpc = rpcOf(hostId);
    const net = await lookupNetwork(rpc, name);
    const h = { ...host, mac: host.mac.toLowerCase() };
    checkDhcpHost(net.model, h, op);
    // Live on a running network (dnsmasq is told at once, no restart) and in the definition.
    const flags = (net.active ? NetworkUpdateFlags.AFFECT_LIVE : 0) | (net.persistent ? NetworkUpdateFlags.AFFECT_CONFIG : 0);
    await networkUpdate(rpc, net.ref, {
      command: op === 'add' ? NetworkUpdateCommand.ADD_LAST : NetworkUpdateCommand.DELETE,
      section: NetworkUpdateSection.IP_DHCP_HOST,
      // The IPv4 <ip> (-1 would take the first <ip> with DHCP, maybe an IPv6 one).
      parentIndex: net.model.addresses.findIndex((a) => a.family === 'ipv4'),
      xml: buildDhcpHostXml(h),
      flags,
    }).catch(explain(`Cannot ${op} the static host ${h.mac} → ${h.ip} on "${name}"`, 'Check that the address is inside the network.'));
    changed(hostId, name);
    return null;
  }

  /**
   * An edit as virNetworkUpdate steps: removals first (an address freed before it is given
   * again), then additions. The edit is of the network's definition (a running network's
   * definition may already hold changes for its next start; the form shows it); each step also
   * goes to the running network where that one differs, in the same call. One libvirt refuses on
   * the running network (e.g. its address is held there by a host added live only) is put in the
   * definition alone and reported pending until the network restarts. Entries the running network
   * has but its definition lacks (added live only) are left to it: a restart drops them.
   */
  async function edit(e: NetworkEdit): Promise<NetworkEditResult> {
    const rpc = rpcOf(e.hostId);
    const net = await lookupNetwork(rpc, e.name);
    // Inactive or persistent: the definition; transient: only the running network exists.
    const base = net.persistent ? net.defined : net.model;
    const v4 = base.addresses.find((a) => a.family === 'ipv4');
    if (!v4)
      throw new AppError(
        'invalid-input',
        `Network "${e.name}" has no IPv4 subnet`,
        'Only a network with an IPv4 address has a DHCP range and static hosts.',
      );
    const v4Index = base.addresses.indexOf(v4);
    // The running network's IPv4 <ip> (the same place unless a restart is pending on the addresses themselves).
    const live4 = net.active ? net.model.addresses.find((a) => a.family === 'ipv4' && a.address === v4.address) : undefined;
    const hosts = e.hosts.map((h) => ({ ...h, mac: h.mac.toLowerCase() }));
    const check = NetworkIpv4.safeParse({ address: v4.address, prefix: v4.prefix, ...(e.dhcp ? { dhcp: e.dhcp } : {}), hosts });
    if (!check.success)
      throw new AppError(
        'invalid-input',
        `Cannot change "${e.name}": ${check.error.issues.map((i) => `${i.path.join(' ')} ${i.message}`).join('; ')}`,
        'Nothing was changed.',
      );
    const key = (h: { mac?: string; ip?: string; name?: string }) => JSON.stringify([h.mac?.toLowerCase(), h.ip, h.name ?? null]);
    const before = v4.hosts.filter((h): h is DhcpHost => !!h.mac && !!h.ip);
    const running = new Set((live4?.hosts ?? []).map(key));
    const wanted = new Set(hosts.map(key));
    const had = new Set(before.map(key));
    const sameRange = (a?: { start: string; end: string } | null, b?: { start: string; end: string } | null) =>
      (a?.start ?? null) === (b?.start ?? null) && (a?.end ?? null) === (b?.end ?? null);
    /** `live`: the running network needs this step too (it has what is removed, lacks what is added). */
    type Step = { what: string; section: number; command: number; xml: string; live: boolean };
    const removals: Step[] = [];
    const additions: Step[] = [];
    if (!sameRange(v4.dhcp, e.dhcp) && v4.dhcp)
      removals.push({
        what: `DHCP range ${v4.dhcp.start}–${v4.dhcp.end} removed`,
        section: NetworkUpdateSection.IP_DHCP_RANGE,
        command: NetworkUpdateCommand.DELETE,
        xml: buildDhcpRangeXml(v4.dhcp),
        live: !!live4 && sameRange(live4.dhcp, v4.dhcp),
      });
    for (const h of before)
      if (!wanted.has(key(h)))
        removals.push({
          what: `static host ${h.mac} → ${h.ip} removed`,
          section: NetworkUpdateSection.IP_DHCP_HOST,
          command: NetworkUpdateCommand.DELETE,
          xml: buildDhcpHostXml(h),
          live: running.has(key(h)),
        });
    if (!sameRange(v4.dhcp, e.dhcp) && e.dhcp)
      additions.push({
        what: `DHCP range ${e.dhcp.start}–${e.dhcp.end}`,
        section: NetworkUpdateSection.IP_DHCP_RANGE,
        command: NetworkUpdateCommand.ADD_LAST,
        xml: buildDhcpRangeXml(e.dhcp),
        live: !!live4 && !sameRange(live4.dhcp, e.dhcp),
      });
    for (const h of hosts)
      if (!had.has(key(h)))
        additions.push({
          what: `static host ${h.mac} → ${h.ip}`,
          section: NetworkUpdateSection.IP_DHCP_HOST,
          command: NetworkUpdateCommand.ADD_LAST,
          xml: buildDhcpHostXml(h),
          live: !!live4 && !running.has(key(h)),
        });
    const out: NetworkEditResult = { live: [], pending: [], saved: [] };
    const done = () => [...out.live, ...out.pending, ...out.saved];
    for (const st of [...removals, ...additions]) {
      const failed = (err: unknown) =>
        explain(
          `Cannot change "${e.name}" (${st.what})`,
          done().length ? `Already done: ${done().join('; ')}. Look at the network again.` : 'Nothing was changed.',
        )(err);
      // The IPv4 <ip> by its place (with -1 libvirt takes the first <ip> that has DHCP, maybe the IPv6 one).
      const update = (flags: number) =>
        networkUpdate(rpc, net.ref, { command: st.command, section: st.section, parentIndex: v4Index, xml: st.xml, flags });
      if (!net.active) {
        await update(NetworkUpdateFlags.AFFECT_CONFIG).catch(failed);
        out.saved.push(st.what);
        continue;
      }
      if (!net.persistent) {
        await update(NetworkUpdateFlags.AFFECT_LIVE).catch(failed);
        out.live.push(st.what);
        continue;
      }
      if (!st.live) {
        // The running network is already so: the definition catches up.
        await update(NetworkUpdateFlags.AFFECT_CONFIG).catch(failed);
        out.live.push(st.what);
        continue;
      }
      try {
        await update(NetworkUpdateFlags.AFFECT_LIVE | NetworkUpdateFlags.AFFECT_CONFIG);
        out.live.push(st.what);
      } catch (err) {
        if (!isLibvirtError(err)) failed(err);
        // libvirt would not change the running network (both or nothing): the definition only, for its next start.
        await update(NetworkUpdateFlags.AFFECT_CONFIG).catch(failed);
        out.pending.push(`${st.what} (the running network refused it: ${(err as Error).message})`);
      }
    }
    if (net.persistent && e.autostart !== net.autostart) {
      await networkSetAutostart(rpc, net.ref, e.autostart).catch(
        explain(`Cannot change autostart of "${e.name}"`, done().length ? `Already done: ${done().join('; ')}.` : 'Nothing was changed.'),
      );
      out[net.active ? 'live' : 'saved'].push(`autostart ${e.autostart ? 'on' : 'off'}`);
    }
    changed(e.hostId, e.name);
    return out;
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
      'networks.edit': (e) => edit(e),
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
      'networks.dhcpHost': ({ hostId, name, op, host }) => dhcpHost(hostId, name, op, host),
    },
    dispose: () => {
      deps.hosts.off('connected', onConnected);
      deps.hosts.off('disconnected', onDisconnected);
      for (const id of [...detach.keys()]) unwatch(id);
    },
  };
}
