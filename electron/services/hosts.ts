/**
 * Saved hosts and their live connections: one SSH session per host (shared by the libvirt
 * channel, VNC forwards and copies) carrying one libvirt RPC connection, with a lifecycle that
 * the UI sees through `host.state` events.
 *
 * Over 400 lines: the host lifecycle (add, edit, connect with prompts, reconnect, remove) and the
 * host details read (pools, networks, capabilities) live here together; the details move to the
 * storage and network services of issue 18.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { statSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import type { HostDetails, HostId, HostInfo, HostSpec, HostStatus, NetworkSummary, StoragePoolSummary } from '../../shared/api';
import { splitLibvirtUri } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../core/events';
import type { HostStore, SavedHost, SecretStore } from '../core/store';
import { toApiError } from '../ipc';
import type { RpcClient } from '../libvirt/client';
import { type ConnState, LibvirtConnection } from '../libvirt/connection';
import {
  formatVersion,
  hostGetCapabilities,
  hostGetFreeMemory,
  hostGetHostname,
  hostGetHypervisorVersion,
  hostGetLibVersion,
  hostGetNodeInfo,
} from '../libvirt/host';
import { networkGetXmlDesc, networkListAll } from '../libvirt/network';
import { ListNetworksFlags, StoragePoolState } from '../libvirt/protocol';
import { poolGetInfo, poolGetXmlDesc, poolListAll } from '../libvirt/storage';
import { forgetHostKeys } from '../transport/known-hosts';
import { connectLocal } from '../transport/local';
import { describeDrop, SshLink, SshSession, type SshTarget } from '../transport/ssh';
import { attr, child, parseXml, path, text } from '../xml/dom';
import type { PromptBroker } from './prompts';
import { answerSshPrompt } from './ssh-prompts';

export interface HostDeps {
  events: EventHub;
  store: HostStore;
  secrets: SecretStore;
  prompts: PromptBroker;
  /** Vireo's own known_hosts file (OpenSSH format). */
  knownHostsPath: string;
}

interface Live {
  saved: SavedHost;
  state: HostStatus;
  /** The host's one SSH session (made again when it dies); null for a local host. */
  link: SshLink | null;
  conn: LibvirtConnection | null;
  hostname?: string;
  libvirtVersion?: string;
  hypervisorVersion?: string;
  connecting?: Promise<void>;
}

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'host'}-${randomBytes(3).toString('hex')}`;
}

/** Emits 'connected' (hostId, LibvirtConnection) and 'disconnected' (hostId) for other services. */
export class HostManager extends EventEmitter {
  private hosts = new Map<HostId, Live>();

  constructor(private readonly deps: HostDeps) {
    super();
    for (const saved of deps.store.load()) this.hosts.set(saved.id, { saved, state: { status: 'disconnected' }, link: null, conn: null });
  }

  list(): HostInfo[] {
    return [...this.hosts.values()].map((h) => this.info(h));
  }

  /** The live libvirt connection of a host, or a clear error saying what to do. */
  connection(id: HostId): LibvirtConnection {
    const h = this.get(id);
    if (!h.conn || h.state.status !== 'connected') {
      const s = h.state;
      // Reconnecting: why (e.g. "libvirtd on lab-b is not answering: …"), and that it comes back by itself.
      if (s.status === 'reconnecting')
        throw new AppError(
          'not-connected',
          `${h.saved.spec.name} is not connected: ${s.reason}`,
          `Vireo is reconnecting (attempt ${s.attempt}); try again once ${h.saved.spec.name} is connected.`,
        );
      throw new AppError('not-connected', `${h.saved.spec.name} is not connected`, 'Connect the host first.');
    }
    return h.conn;
  }

  /**
   * A live libvirt client of the host: now, or once its reconnect in progress succeeds (bounded).
   * For cleanup after a dropped link: what the failed work made on the host is removed as soon as
   * the host is back. Rejects with the host's state when it does not come back in time.
   */
  async ready(id: HostId, timeoutMs = 60_000): Promise<RpcClient> {
    const h = this.get(id);
    const deadline = Date.now() + timeoutMs;
    while (!(h.conn && h.state.status === 'connected')) {
      const s = h.state.status;
      if (s === 'disconnected' || s === 'failed' || Date.now() > deadline)
        throw new AppError('not-connected', `${h.saved.spec.name} is not connected (${s})`, 'Connect the host first.');
      await new Promise((r) => setTimeout(r, 200));
    }
    return h.conn.ready(Math.max(1, deadline - Date.now()));
  }

  /** The host's SSH session (shared by everything for that host), connecting it if needed. */
  sshSession(id: HostId): Promise<SshSession> {
    const h = this.get(id);
    if (!h.link) throw new AppError('not-connected', `${h.saved.spec.name} has no SSH session`, 'Connect the host first.');
    return h.link.session();
  }

  connectedIds(): HostId[] {
    return [...this.hosts.values()].filter((h) => h.state.status === 'connected').map((h) => h.saved.id);
  }

  name(id: HostId): string {
    return this.get(id).saved.spec.name;
  }

  /** Adds a host. With connect, the host is saved only once the connection works (a wrong password changes nothing). */
  async add(spec: HostSpec, connect: boolean): Promise<HostInfo> {
    const duplicate = [...this.hosts.values()].find(
      (h) =>
        h.saved.spec.transport === spec.transport &&
        h.saved.spec.address === spec.address &&
        (h.saved.spec.port ?? 22) === (spec.port ?? 22) &&
        h.saved.spec.user === spec.user &&
        h.saved.spec.uri === spec.uri,
    );
    if (duplicate) throw new AppError('exists', `${spec.address ?? 'This computer'} is already added as "${duplicate.saved.spec.name}"`);
    const saved: SavedHost = { id: slug(spec.name), spec };
    const live: Live = { saved, state: { status: 'disconnected' }, link: null, conn: null };
    const password = spec.auth?.kind === 'password' ? spec.auth.password : undefined;
    if (password) this.deps.secrets.set(saved.id, password);
    if (connect) {
      this.hosts.set(saved.id, live);
      try {
        await this.open(live);
      } catch (err) {
        this.hosts.delete(saved.id);
        this.deps.secrets.delete(saved.id);
        this.deps.events.emit('host.state', { hostId: saved.id, state: { status: 'disconnected' } });
        throw err;
      }
    } else {
      this.hosts.set(saved.id, live);
    }
    this.persist();
    return this.info(live);
  }

  async remove(id: HostId): Promise<void> {
    const h = this.get(id);
    await this.close(h);
    this.hosts.delete(id);
    this.deps.secrets.delete(id);
    this.persist();
  }

  /**
   * Connects every saved host marked "connect when Vireo starts", all at once. A host that fails
   * shows it in its own state (status 'failed' with libvirt's or SSH's message); nobody is asked
   * anything at start (an unknown key or a missing password fails that host, to be connected by hand).
   * Resolves when every attempt has ended, with the ids that connected.
   */
  async autoconnect(): Promise<HostId[]> {
    const marked = [...this.hosts.values()].filter((h) => h.saved.spec.autoconnect && h.state.status === 'disconnected');
    const results = await Promise.allSettled(marked.map((h) => this.open(h)));
    return marked.filter((_, i) => results[i]?.status === 'fulfilled').map((h) => h.saved.id);
  }

  async connect(id: HostId): Promise<HostInfo> {
    const h = this.get(id);
    if (h.state.status !== 'connected') await this.open(h);
    return this.info(h);
  }

  /**
   * After a refused changed host key, and only for the keys that refusal named: removes them from
   * Vireo's known_hosts (the one file Vireo reads) and connects again, so the new key is asked like
   * on a first connect (the admin compares its fingerprint). Another host's keys are never touched.
   */
  async forgetHostKey(id: HostId, fingerprints: readonly string[]): Promise<HostInfo> {
    const h = this.get(id);
    const hk = h.state.status === 'failed' ? h.state.error.hostKey : undefined;
    if (!hk)
      throw new AppError(
        'no-changed-key',
        `${h.saved.spec.name} has not been refused for a changed host key`,
        'Connect first: a key is forgotten only after the host presented another one.',
      );
    const named = hk.expected.map((e) => e.split(' ').pop() ?? '');
    const foreign = fingerprints.filter((f) => !named.includes(f));
    if (foreign.length)
      throw new AppError('not-the-old-key', `${foreign.join(', ')} is not a key ${hk.file} has for ${hk.host}`, 'Nothing was removed.');
    const r = await forgetHostKeys(this.deps.knownHostsPath, hk.host, hk.port, fingerprints);
    if (r.removed === 0)
      throw new AppError(
        'key-not-removed',
        `${hk.file} has no line for ${hk.host} alone with ${fingerprints.join(', ')}${r.kept ? ` (${r.kept} shared with other hosts were kept)` : ''}`,
        `Remove it by hand: ssh-keygen -R '${hk.port === 22 ? hk.host : `[${hk.host}]:${hk.port}`}' -f '${hk.file}'`,
      );
    await this.open(h);
    return this.info(h);
  }

  async disconnect(id: HostId): Promise<HostInfo> {
    const h = this.get(id);
    await this.close(h);
    return this.info(h);
  }

  /** Edits a saved host; a change to how we reach it reconnects. */
  async update(
    id: HostId,
    patch: Partial<Pick<HostSpec, 'name' | 'address' | 'port' | 'user' | 'auth' | 'autoconnect' | 'uri'>> & { jump?: string },
  ): Promise<HostInfo> {
    const h = this.get(id);
    const before = h.saved.spec;
    const { jump, ...rest } = patch;
    const spec: HostSpec = { ...before, ...rest };
    if (jump === '') delete spec.jump;
    else if (jump !== undefined) spec.jump = jump;
    if (patch.auth?.kind === 'password' && patch.auth.password !== undefined) this.deps.secrets.set(id, patch.auth.password);
    else if (patch.auth && patch.auth.kind !== 'password') this.deps.secrets.delete(id);
    h.saved = { id, spec };
    this.persist();
    const reach = (s: HostSpec) =>
      JSON.stringify([s.address, s.port, s.user, s.jump, s.auth?.kind, s.auth?.kind === 'key' ? s.auth.path : null, s.uri]);
    if (reach(before) !== reach(spec) || (patch.auth?.kind === 'password' && patch.auth.password !== undefined)) {
      if (h.state.status !== 'disconnected') {
        await this.close(h);
        await this.open(h);
      }
    }
    return this.info(h);
  }

  reorder(order: HostId[]): void {
    const rank = new Map(order.map((id, i) => [id, i]));
    const sorted = [...this.hosts.entries()].sort(([a], [b]) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9));
    this.hosts = new Map(sorted);
    this.persist();
  }

  async details(id: HostId): Promise<HostDetails> {
    const h = this.get(id);
    const rpc = this.connection(id).rpc;
    const [node, free, caps, pools, nets, active] = await Promise.all([
      hostGetNodeInfo(rpc),
      // Some drivers (libvirt's test driver) have no free-memory call: show the rest anyway.
      hostGetFreeMemory(rpc).catch(() => undefined),
      hostGetCapabilities(rpc),
      poolListAll(rpc),
      networkListAll(rpc),
      networkListAll(rpc, { flags: ListNetworksFlags.ACTIVE }),
    ]);
    const capsRoot = parseXml(caps, 'the host capabilities').documentElement;
    const activeNets = new Set(active.map((n) => n.uuid));
    const stateNames = Object.fromEntries(Object.entries(StoragePoolState).map(([k, v]) => [v, k.toLowerCase()])) as Record<
      number,
      StoragePoolSummary['state']
    >;
    const poolSummaries = await Promise.all(
      pools.map(async (p): Promise<StoragePoolSummary> => {
        const [info, xml] = await Promise.all([poolGetInfo(rpc, p), poolGetXmlDesc(rpc, p)]);
        const root = parseXml(xml, `pool ${p.name}`).documentElement;
        const type = attr(root, 'type');
        const poolPath = text(path(root, 'target', 'path'));
        return {
          name: p.name,
          uuid: p.uuid,
          state: stateNames[info.state] ?? 'inactive',
          ...(type ? { type } : {}),
          ...(poolPath ? { path: poolPath } : {}),
          capacity: info.capacity,
          allocation: info.allocation,
          available: info.available,
        };
      }),
    );
    const networks = await Promise.all(
      nets.map(async (n): Promise<NetworkSummary> => {
        const root = parseXml(await networkGetXmlDesc(rpc, n), `network ${n.name}`).documentElement;
        const bridge = attr(child(root, 'bridge'), 'name');
        const forward = attr(child(root, 'forward'), 'mode');
        return {
          name: n.name,
          uuid: n.uuid,
          active: activeNets.has(n.uuid),
          ...(bridge ? { bridge } : {}),
          ...(forward ? { forward } : {}),
        };
      }),
    );
    return {
      id,
      hostname: h.hostname ?? '',
      libvirtVersion: h.libvirtVersion ?? '',
      hypervisorVersion: h.hypervisorVersion ?? '',
      uri: h.saved.spec.uri,
      cpu: {
        arch: node.model,
        model: text(path(capsRoot, 'host', 'cpu', 'model')) ?? node.model,
        mhz: node.mhz,
        cpus: node.cpus,
        sockets: node.sockets,
        cores: node.cores,
        threads: node.threads,
        nodes: node.nodes,
      },
      memory: { totalKiB: node.memoryKiB, ...(free !== undefined ? { freeBytes: free } : {}) },
      pools: poolSummaries,
      networks,
    };
  }

  /**
   * Seconds since a running domain's QEMU started: the age of the pid file libvirt writes at
   * start (libvirt's API has no uptime without a guest agent). Undefined when it can't be read.
   */
  async domainUptime(id: HostId, name: string): Promise<number | undefined> {
    const h = this.get(id);
    const pidFile = `/run/libvirt/qemu/${name}.pid`;
    try {
      if (h.saved.spec.transport === 'local') return Math.round((Date.now() - statSync(pidFile).mtimeMs) / 1000);
      if (!h.link) return undefined;
      // The path travels as a positional argument, never spliced into the script.
      const { stdout } = await (await h.link.session()).run(['sh', '-c', 'stat -c %Y -- "$1" && date +%s', 'sh', pidFile]);
      const [started, hostNow] = stdout.trim().split(/\s+/).map(Number) as [number, number];
      return Number.isFinite(started) && Number.isFinite(hostNow) && started > 0 ? Math.max(0, hostNow - started) : undefined;
    } catch {
      return undefined;
    }
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.hosts.values()].map((h) => this.close(h)));
  }

  private get(id: HostId): Live {
    const h = this.hosts.get(id);
    if (!h) throw new AppError('not-found', `No host with id ${id}`, 'It may have been removed; refresh the host list.');
    return h;
  }

  private info(h: Live): HostInfo {
    const { auth, ...rest } = h.saved.spec;
    // Saved encrypted, or (no OS keychain, web mode) only until the app quits: the UI says which.
    const password = auth?.kind === 'password' ? this.deps.secrets.stored(h.saved.id) : undefined;
    return {
      id: h.saved.id,
      spec: { ...rest, ...(auth ? { auth: { kind: auth.kind, ...(auth.kind === 'key' ? { path: auth.path } : {}) } } : {}) },
      state: h.state,
      ...(h.hostname ? { hostname: h.hostname } : {}),
      ...(h.libvirtVersion ? { libvirtVersion: h.libvirtVersion } : {}),
      ...(h.hypervisorVersion ? { hypervisorVersion: h.hypervisorVersion } : {}),
      ...(password ? { password } : {}),
    };
  }

  private setState(h: Live, state: HostStatus): void {
    h.state = state;
    this.deps.events.emit('host.state', { hostId: h.saved.id, state });
  }

  private persist(): void {
    this.deps.store.save([...this.hosts.values()].map((h) => h.saved));
  }

  private open(h: Live): Promise<void> {
    h.connecting ??= this.doOpen(h).finally(() => {
      h.connecting = undefined;
    });
    return h.connecting;
  }

  private async doOpen(h: Live): Promise<void> {
    const { spec } = h.saved;
    const label = spec.name;
    this.setState(h, { status: 'connecting' });
    try {
      let channel: () => Promise<Duplex>;
      if (spec.transport === 'local') channel = () => connectLocal(splitLibvirtUri(spec.uri).socket);
      else {
        // One SSH session per host; SshLink makes a new one when the old one died or stalled.
        const link = new SshLink(() => this.openSsh(h));
        h.link = link;
        // A daemon on another socket (?socket=) is reached through that socket, not the URI.
        channel = link.libvirtChannel(spec.uri, splitLibvirtUri(spec.uri).socket);
      }
      const conn = await LibvirtConnection.open({ label, uri: splitLibvirtUri(spec.uri).open, channel });
      h.conn = conn;
      conn.on('state', (s: ConnState) => this.onConnState(h, conn, s));
      const [hostname, lib, hv] = await Promise.all([
        hostGetHostname(conn.rpc),
        hostGetLibVersion(conn.rpc),
        hostGetHypervisorVersion(conn.rpc),
      ]);
      h.hostname = hostname;
      h.libvirtVersion = formatVersion(lib);
      h.hypervisorVersion = formatVersion(hv);
      this.setState(h, { status: 'connected', since: Date.now() });
      this.emit('connected', h.saved.id, conn);
    } catch (err) {
      h.link?.close();
      h.link = null;
      h.conn = null;
      this.setState(h, { status: 'failed', error: toApiError(err) });
      throw err;
    }
  }

  private onConnState(h: Live, conn: LibvirtConnection, s: ConnState): void {
    if (h.conn !== conn) return;
    if (s.status === 'reconnecting')
      this.setState(h, { status: 'reconnecting', reason: describeDrop(h.saved.spec.name, s.reason), attempt: s.attempt });
    // Services re-register on the same LibvirtConnection themselves (onReconnected).
    else if (s.status === 'connected') this.setState(h, { status: 'connected', since: Date.now() });
    else if (s.status === 'failed') this.setState(h, { status: 'failed', error: { code: s.error.code, message: s.error.message } });
  }

  private async close(h: Live): Promise<void> {
    const { conn, link } = h;
    h.conn = null;
    h.link = null;
    if (conn) {
      this.emit('disconnected', h.saved.id);
      await conn.close().catch(() => {});
    }
    link?.close();
    if (h.state.status !== 'disconnected') this.setState(h, { status: 'disconnected' });
  }

  private async openSsh(h: Live): Promise<SshSession> {
    const { spec, id } = h.saved;
    const address = spec.address;
    if (!address) throw new AppError('invalid-input', `${spec.name} has no address`);
    const auth: SshTarget['auth'] =
      spec.auth?.kind === 'key'
        ? { kind: 'key', path: spec.auth.path }
        : spec.auth?.kind === 'password'
          ? { kind: 'password', password: this.deps.secrets.get(id) }
          : { kind: 'agent' };
    return SshSession.connect(
      {
        host: address,
        port: spec.port ?? 22,
        ...(spec.user ? { user: spec.user } : {}),
        ...(spec.jump ? { proxyJump: spec.jump } : {}),
        auth,
      },
      {
        hostKeys: {
          knownHostsPath: this.deps.knownHostsPath,
          onUnknown: async (k) => {
            const a = await this.deps.prompts.ask({
              kind: 'host-key',
              hostId: id,
              host: k.host,
              port: k.port,
              keyType: k.keyType,
              fingerprint: k.fingerprint,
            });
            return a.accept;
          },
        },
        // A saved password goes only to its own host: never the target's to a jump host.
        onPrompt: (p) =>
          answerSshPrompt(p, {
            hostId: id,
            targetSecret: () => this.deps.secrets.get(id),
            jumpSecret: (j) => {
              const same = [...this.hosts.values()].find(
                (x) =>
                  x.saved.spec.transport === 'ssh' &&
                  x.saved.spec.auth?.kind === 'password' &&
                  x.saved.spec.address === j.host &&
                  (x.saved.spec.port ?? 22) === j.port &&
                  x.saved.spec.user === j.user,
              );
              return same ? this.deps.secrets.get(same.saved.id) : undefined;
            },
            ask: (req) => this.deps.prompts.ask(req),
          }),
      },
    );
  }
}
