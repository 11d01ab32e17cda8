/**
 * Console sessions: a VM's serial console (libvirt's DOMAIN_OPEN_CONSOLE stream over the host's
 * existing libvirt connection — no `virsh console` process, no extra SSH session) and its VNC
 * display (vnc.ts: a TCP forward on the host's one SSH session).
 *
 * A session follows its VM by UUID. When its connection ends, the session finds out why and acts:
 * the VM stopped → it waits and reconnects when the VM starts; the VM migrated → it reopens on the
 * host where the VM now runs; the host link dropped → it reconnects when the host is back; another
 * client forced the serial console away → it says so and offers to take it back. Waiting sessions
 * are woken by libvirt's own events (domain.changed, host.state), with a slow re-check as a net.
 *
 * Bytes travel on a ByteChannel per connection (core/streams.ts); the renderer attaches to the
 * channel named in the session's 'open' state.
 *
 * Over 400 lines: one state machine (open, waiting, following a migration, taken over, closed)
 * whose transitions read better in one place than spread over files.
 */
import { randomBytes } from 'node:crypto';
import type { ConsoleInfo, ConsoleKind, ConsoleState, HostId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../core/events';
import type { ByteChannel, StreamHub } from '../core/streams';
import { toApiError } from '../ipc';
import type { RpcClient } from '../libvirt/client';
import { domainDefineXml, domainGetState, domainGetXmlDesc, domainListAll, domainLookupByUuid, domainOpenConsole } from '../libvirt/domain';
import { ErrorCode, isAppError, isConnectionClosedError, isLibvirtError } from '../libvirt/errors';
import { ConsoleFlags, type DomainRef, DomainState, DomainXmlFlags, ListDomainsFlags } from '../libvirt/protocol';
import { buildCharDevXml } from '../xml/devices';
import { addDevice, domainToXml, modelOf, openDomain } from '../xml/edit';
import { consoleDevices, parseDomain } from '../xml/parse';
import type { HostManager } from './hosts';

// ---------------------------------------------------------------------------------------------
// What a connector (serial, VNC) provides

/** Where the VM runs now. */
export interface Located {
  hostId: HostId;
  rpc: RpcClient;
  dom: DomainRef;
}

export type LinkEnd =
  /** The renderer closed its channel (or never attached). */
  | { kind: 'viewer'; why: string }
  /** The host ended the stream / closed the forward. */
  | { kind: 'eof' }
  | { kind: 'error'; error: Error }
  /** We closed it (session closed or superseded). */
  | { kind: 'closed' };

/** One live connection of a session. */
export interface ConsoleLink {
  channel: ByteChannel;
  vnc?: { port: number; listen: string; hasPassword: boolean };
  /** Settles once, with why the connection ended. */
  ended: Promise<LinkEnd>;
  /** Ends it from our side. */
  close(reason: string): void;
}

export interface Connector {
  /** `device`: which serial/console (its alias, e.g. serial1); absent = libvirt's first console. */
  open(at: Located, opts: { force: boolean; device?: string }): Promise<ConsoleLink>;
}

/** The VM has no device of this kind. Not retried until the VM changes. */
export class NoDeviceError extends AppError {
  constructor(
    message: string,
    hint: string,
    readonly canAdd: boolean,
  ) {
    super('no-device', message, hint);
  }
}

/**
 * Wires a byte source (a console stream, a TCP forward) to a new channel: bytes both ways, and one
 * settlement of `ended` for whichever comes first (EOF, error, viewer gone, our close).
 */
export function linkSource(
  channel: ByteChannel,
  source: NodeJS.ReadWriteStream & { destroy(err?: Error): void; destroyed?: boolean },
  opts: { pauseOnPressure: boolean },
): Pick<ConsoleLink, 'ended' | 'close'> {
  let settle!: (e: LinkEnd) => void;
  let settled = false;
  const ended = new Promise<LinkEnd>((resolve) => {
    settle = (e) => {
      if (settled) return;
      settled = true;
      resolve(e);
    };
  });
  source.on('data', (b: Buffer) => channel.send(b));
  source.on('end', () => settle({ kind: 'eof' }));
  source.on('close', () => settle({ kind: 'eof' }));
  source.on('error', (err: Error) => settle({ kind: 'error', error: err }));
  channel.on('input', (b) => {
    if (!settled && !source.destroyed) source.write(b);
  });
  channel.on('detach', (why) => {
    settle({ kind: 'viewer', why });
    source.destroy();
  });
  if (opts.pauseOnPressure) {
    channel.on('pressure', (high) => {
      if (high) source.pause();
      else source.resume();
    });
  }
  const close = (reason: string) => {
    settle({ kind: 'closed' });
    source.destroy();
    channel.close(reason);
  };
  // Whatever ended it, the renderer learns that this channel is over.
  void ended.then((e) => {
    if (e.kind !== 'closed') channel.close(e.kind === 'viewer' ? e.why : e.kind === 'error' ? e.error.message : 'the connection ended');
  });
  return { ended, close };
}

// ---------------------------------------------------------------------------------------------
// Serial console

const ACTIVE_STATES: ReadonlySet<number> = new Set([
  DomainState.RUNNING,
  DomainState.BLOCKED,
  DomainState.PAUSED,
  DomainState.SHUTDOWN,
  DomainState.PMSUSPENDED,
]);

const SERIAL_HINT =
  "Add a serial port: Vireo can add <serial type='pty'> with a <console> to the VM's definition. It takes effect at the next boot (shut the VM down and start it; a reboot from inside keeps the old devices).";

/** The character devices libvirt's console API can open (<console>, or a <serial> it maps to one). */
export function serialDevicesOf(xml: string): { type: string; port: number }[] {
  return consoleDevices(parseDomain(xml)).map((c) => ({ type: c.type, port: c.port ?? 0 }));
}

export class SerialConnector implements Connector {
  constructor(private readonly streams: StreamHub) {}

  async open(at: Located, opts: { force: boolean; device?: string }): Promise<ConsoleLink> {
    const devs = serialDevicesOf(await domainGetXmlDesc(at.rpc, at.dom));
    if (devs.length === 0) throw new NoDeviceError(`${at.dom.name} has no serial console`, SERIAL_HINT, true);
    const stream = await domainOpenConsole(at.rpc, at.dom, { devName: opts.device ?? null, flags: opts.force ? ConsoleFlags.FORCE : 0 });
    const channel = this.streams.create();
    // Never pause: the console stream shares the host's libvirt connection, and holding it back
    // would stall every other call. A serial line is slow enough for the renderer to keep up.
    const { ended, close } = linkSource(channel, stream, { pauseOnPressure: false });
    return { channel, ended, close };
  }
}

/**
 * Adds a serial port and its console to a persistent definition, keeping everything else (the
 * definition is read with SECURE so that passwords survive the round trip).
 */
export function withSerialConsole(xml: string): { xml: string; changed: boolean } {
  const d = openDomain(xml);
  const { serials, consoles } = modelOf(d);
  if (serials.length === 0) addDevice(d, buildCharDevXml({ kind: 'serial', type: 'pty', port: 0 }));
  if (consoles.length === 0) addDevice(d, buildCharDevXml({ kind: 'console', type: 'pty', port: 0, targetType: 'serial' }));
  return { xml: domainToXml(d), changed: serials.length === 0 || consoles.length === 0 };
}

// ---------------------------------------------------------------------------------------------
// Sessions

interface Session {
  id: string;
  kind: ConsoleKind;
  uuid: string;
  name: string;
  hostId: HostId;
  state: ConsoleState;
  link: ConsoleLink | null;
  /** Bumped by every attempt and by close(): an older attempt that finishes late steps aside. */
  gen: number;
  closed: boolean;
  retry: NodeJS.Timeout | null;
  /** Closes a session left 'disconnected' (its viewer is gone) after a while. */
  gc: NodeJS.Timeout | null;
  /** When recent connections ended, to back off when the VM keeps dropping us. */
  ends: number[];
  seq: number;
  /** The serial/console device chosen (its alias); absent: the first. */
  device?: string;
}

type Locate = { at: Located } | { waiting: Extract<ConsoleState, { status: 'waiting' }> };

export interface ConsoleServiceOptions {
  /** A session whose viewer is gone is closed after this long. Default 10 min. */
  abandonedMs?: number;
  /** While waiting, re-check where the VM is this often (events normally wake it first). Default 10 s. */
  recheckMs?: number;
  /** While another client holds the serial console, try (without force) this often. Default 3 s. */
  busyRetryMs?: number;
}

export class ConsoleService {
  private readonly sessions = new Map<string, Session>();
  private readonly connectors: Record<ConsoleKind, Connector>;
  private readonly offs: (() => void)[] = [];
  private readonly abandonedMs: number;
  private readonly recheckMs: number;
  private readonly busyRetryMs: number;

  constructor(
    private readonly hosts: HostManager,
    private readonly events: EventHub,
    connectors: Record<ConsoleKind, Connector>,
    opts: ConsoleServiceOptions = {},
  ) {
    this.connectors = connectors;
    this.abandonedMs = opts.abandonedMs ?? 10 * 60_000;
    this.recheckMs = opts.recheckMs ?? 10_000;
    this.busyRetryMs = opts.busyRetryMs ?? 3_000;
    // Wake sessions that wait for their VM (started, migrated in) or its host (reconnected).
    this.offs.push(
      events.on('domain.changed', (e) => {
        for (const s of this.sessions.values()) {
          if (s.uuid !== e.uuid) continue;
          if (s.state.status === 'waiting' || (s.state.status === 'no-device' && e.state === 'running')) this.kick(s, 150);
        }
      }),
      events.on('host.state', (e) => {
        if (e.state.status !== 'connected') return;
        for (const s of this.sessions.values()) if (s.state.status === 'waiting') this.kick(s, 150);
      }),
    );
    const onDisconnected = (hostId: HostId) => {
      for (const s of this.sessions.values()) {
        if (s.hostId !== hostId || s.closed) continue;
        s.gen++;
        s.link?.close(`${this.hostName(hostId)} was disconnected`);
        s.link = null;
        this.setState(s, {
          status: 'waiting',
          reason: 'host',
          message: `${this.hostName(hostId)} is disconnected; the console reconnects when it is connected again`,
        });
      }
    };
    hosts.on('disconnected', onDisconnected);
    this.offs.push(() => hosts.off('disconnected', onDisconnected));
  }

  list(): ConsoleInfo[] {
    return [...this.sessions.values()].map((s) => this.info(s));
  }

  async open(hostId: HostId, uuid: string, kind: ConsoleKind, force = false, device?: string): Promise<ConsoleInfo> {
    // Fails with libvirt's own message when the VM is not on that host.
    const dom = await domainLookupByUuid(this.hosts.connection(hostId).rpc, uuid);
    const s: Session = {
      id: `con-${randomBytes(12).toString('hex')}`,
      kind,
      uuid,
      name: dom.name,
      hostId,
      state: { status: 'connecting', hostId },
      link: null,
      gen: 0,
      closed: false,
      retry: null,
      gc: null,
      ends: [],
      seq: 0,
      ...(device ? { device } : {}),
    };
    this.sessions.set(s.id, s);
    await this.attempt(s, force);
    return this.info(s);
  }

  /** Serial: takes the console over from whoever holds it. */
  async force(id: string): Promise<ConsoleInfo> {
    const s = this.get(id);
    if (s.kind !== 'serial') throw new AppError('invalid-input', 'Only a serial console can be taken over');
    await this.attempt(s, true);
    return this.info(s);
  }

  async reconnect(id: string): Promise<ConsoleInfo> {
    const s = this.get(id);
    await this.attempt(s, false);
    return this.info(s);
  }

  close(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return; // already gone: closing twice is fine
    this.end(s);
  }

  closeAll(): void {
    for (const s of [...this.sessions.values()]) this.end(s);
    for (const off of this.offs.splice(0)) off();
  }

  /** Adds a serial port + console to the persistent definition (next boot). */
  async addSerial(hostId: HostId, uuid: string): Promise<{ name: string; running: boolean }> {
    const rpc = this.hosts.connection(hostId).rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    const transient = await domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT });
    if (transient.some((d) => d.uuid === uuid)) {
      throw new AppError(
        'transient',
        `${dom.name} is transient: it has no persistent definition to add a serial port to`,
        'Define it persistently first (virsh dumpxml … > vm.xml; virsh define vm.xml), then add the serial port.',
      );
    }
    const xml = await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
    const edited = withSerialConsole(xml);
    if (edited.changed) await domainDefineXml(rpc, { xml: edited.xml });
    const st = await domainGetState(rpc, dom);
    return { name: dom.name, running: ACTIVE_STATES.has(st.state) };
  }

  // -------------------------------------------------------------------------------------------

  private get(id: string): Session {
    const s = this.sessions.get(id);
    if (!s) throw new AppError('not-found', 'This console is closed', 'Open the console again.');
    return s;
  }

  private info(s: Session): ConsoleInfo {
    return { id: s.id, kind: s.kind, hostId: s.hostId, uuid: s.uuid, name: s.name, state: s.state, seq: s.seq };
  }

  private setState(s: Session, state: ConsoleState): void {
    if (s.closed && state.status !== 'closed') return;
    s.state = state;
    s.seq++;
    if (s.gc) clearTimeout(s.gc);
    s.gc = null;
    if (state.status === 'disconnected') {
      s.gc = setTimeout(() => this.end(s), this.abandonedMs);
      s.gc.unref();
    }
    this.rearm(s);
    this.events.emit('console.state', this.info(s));
  }

  private end(s: Session): void {
    if (s.closed) return;
    s.gen++;
    this.clearRetry(s);
    s.link?.close('the console was closed');
    s.link = null;
    this.setState(s, { status: 'closed' });
    s.closed = true;
    if (s.gc) clearTimeout(s.gc);
    this.sessions.delete(s.id);
  }

  private hostName(hostId: HostId): string {
    try {
      return this.hosts.name(hostId);
    } catch {
      return hostId;
    }
  }

  private clearRetry(s: Session): void {
    if (s.retry) clearTimeout(s.retry);
    s.retry = null;
  }

  /** Attempts again after `ms`, unless an attempt is already scheduled sooner. */
  private schedule(s: Session, ms: number): void {
    if (s.closed) return;
    this.clearRetry(s);
    s.retry = setTimeout(() => {
      s.retry = null;
      void this.attempt(s, false);
    }, ms);
    s.retry.unref();
  }

  private kick(s: Session, ms: number): void {
    this.schedule(s, ms);
  }

  /** Waiting and busy sessions try again by themselves (quietly: no event unless something changed). */
  private rearm(s: Session): void {
    if (s.state.status === 'waiting') this.schedule(s, this.recheckMs);
    else if (s.state.status === 'busy') this.schedule(s, this.busyRetryMs);
  }

  /** Enters `next`, staying silent when it says what the current state already says. */
  private settle(s: Session, next: ConsoleState): void {
    const cur = s.state;
    if (cur.status === 'busy' && next.status === 'busy') {
      // Still held: keep saying who took it (a retry without force cannot tell).
      this.rearm(s);
      return;
    }
    if (cur.status === 'waiting' && next.status === 'waiting' && cur.message === next.message) {
      this.rearm(s);
      return;
    }
    this.setState(s, next);
  }

  private async attempt(s: Session, force: boolean): Promise<void> {
    if (s.closed) return;
    const gen = ++s.gen;
    this.clearRetry(s);
    if (s.link) {
      s.link.close('reconnecting');
      s.link = null;
    }
    // Re-checks while waiting or held elsewhere stay quiet: the UI keeps its message meanwhile.
    if (s.state.status !== 'waiting' && s.state.status !== 'busy') this.setState(s, { status: 'connecting', hostId: s.hostId });
    let located: Locate;
    try {
      located = await this.locate(s);
    } catch (err) {
      if (gen === s.gen) this.setState(s, { status: 'failed', error: toApiError(err) });
      return;
    }
    if (gen !== s.gen || s.closed) return;
    if ('waiting' in located) {
      this.settle(s, located.waiting);
      return;
    }
    const at = located.at;
    s.hostId = at.hostId;
    s.name = at.dom.name;
    let link: ConsoleLink;
    try {
      link = await this.connectors[s.kind].open(at, { force, ...(s.device ? { device: s.device } : {}) });
    } catch (err) {
      if (gen === s.gen && !s.closed) this.settle(s, this.stateForError(s, err));
      return;
    }
    if (gen !== s.gen || s.closed) {
      link.close('superseded');
      return;
    }
    s.link = link;
    this.setState(s, { status: 'open', channel: link.channel.id, since: Date.now(), ...(link.vnc ? { vnc: link.vnc } : {}) });
    void link.ended.then((end) => this.onLinkEnd(s, link, at, end));
  }

  private async onLinkEnd(s: Session, link: ConsoleLink, at: Located, end: LinkEnd): Promise<void> {
    if (s.link !== link || s.closed || end.kind === 'closed') return;
    s.link = null;
    const gen = s.gen;
    if (end.kind === 'viewer') {
      this.setState(s, { status: 'disconnected', message: `The viewer closed the connection (${end.why})` });
      return;
    }
    if (end.kind === 'error' && isLinkLoss(end.error)) {
      this.setState(s, {
        status: 'waiting',
        reason: 'host',
        message: `Lost the connection to ${this.hostName(at.hostId)}; the console reconnects when it is back`,
      });
      return;
    }
    const still = await this.activeOn(at);
    if (gen !== s.gen || s.closed) return;
    if (still) {
      if (s.kind === 'serial' && end.kind === 'error') {
        // libvirt aborts the stream ("stream had I/O failure") when another client opens the
        // console with force; the VM is still running, so that is what happened.
        this.setState(s, {
          status: 'busy',
          takenOver: true,
          message: `Another client took over the serial console of ${s.name} (${end.error.message})`,
          hint: 'Vireo reconnects by itself when the other client lets go; take it back to continue now (the other client is disconnected).',
        });
        return;
      }
      if (s.kind === 'vnc') {
        this.setState(s, { status: 'disconnected', message: `The VNC server of ${s.name} closed the connection` });
        return;
      }
    }
    // The VM stopped or moved: find it again, backing off if this keeps happening.
    const now = Date.now();
    s.ends = [...s.ends.filter((t) => now - t < 30_000), now];
    const delay = s.ends.length <= 1 ? 0 : Math.min(10_000, 500 * 2 ** (s.ends.length - 2));
    this.schedule(s, delay);
  }

  /** Is the VM still running where this connection was? (false if that cannot be told). */
  private async activeOn(at: Located): Promise<boolean> {
    try {
      const rpc = this.hosts.connection(at.hostId).rpc;
      const st = await domainGetState(rpc, await domainLookupByUuid(rpc, at.dom.uuid));
      return ACTIVE_STATES.has(st.state);
    } catch {
      return false;
    }
  }

  /** The host where the VM runs now: its last host first, then every other connected host. */
  private async locate(s: Session): Promise<Locate> {
    const ids = [s.hostId, ...this.hosts.connectedIds().filter((id) => id !== s.hostId)];
    const found = await Promise.all(
      ids.map(async (hostId) => {
        let rpc: RpcClient;
        try {
          rpc = this.hosts.connection(hostId).rpc;
        } catch {
          return { hostId, kind: 'unreachable' as const };
        }
        try {
          const dom = await domainLookupByUuid(rpc, s.uuid);
          const st = await domainGetState(rpc, dom);
          return { hostId, kind: ACTIVE_STATES.has(st.state) ? ('active' as const) : ('inactive' as const), rpc, dom };
        } catch (err) {
          if (isLibvirtError(err, ErrorCode.NO_DOMAIN)) return { hostId, kind: 'absent' as const };
          return { hostId, kind: 'unreachable' as const };
        }
      }),
    );
    const active = found.find((f) => f.kind === 'active');
    if (active?.kind === 'active') return { at: { hostId: active.hostId, rpc: active.rpc, dom: active.dom } };
    const home = found[0];
    if (home?.kind === 'unreachable') {
      return {
        waiting: {
          status: 'waiting',
          reason: 'host',
          message: `${this.hostName(s.hostId)} is not connected; the console reconnects when it is back`,
        },
      };
    }
    const inactive = found.find((f) => f.kind === 'inactive');
    if (inactive) {
      return {
        waiting: {
          status: 'waiting',
          reason: 'stopped',
          message: `${s.name} is not running on ${this.hostName(inactive.hostId)}; the console connects when it starts`,
        },
      };
    }
    return {
      waiting: {
        status: 'waiting',
        reason: 'missing',
        message: `${s.name} is on none of the connected hosts (migrating, or undefined); the console reconnects when it appears`,
      },
    };
  }

  private stateForError(s: Session, err: unknown): ConsoleState {
    if (err instanceof NoDeviceError) return { status: 'no-device', message: err.message, hint: err.hint ?? '', canAdd: err.canAdd };
    if (isLibvirtError(err, ErrorCode.OPERATION_FAILED) && /console session exists/i.test(err.message)) {
      return {
        status: 'busy',
        takenOver: false,
        message: `Another client is using the serial console of ${s.name} (libvirt: ${err.message})`,
        hint: 'Vireo connects by itself when the other client lets go; take it over to use it now (the other client — virsh console, another Vireo … — is disconnected).',
      };
    }
    if (isLibvirtError(err, ErrorCode.OPERATION_INVALID) && /not running/i.test(err.message)) {
      return { status: 'waiting', reason: 'stopped', message: `${s.name} is not running; the console connects when it starts` };
    }
    if (isLinkLoss(err)) {
      return {
        status: 'waiting',
        reason: 'host',
        message: `${this.hostName(s.hostId)} is not reachable now; the console reconnects when it is back`,
      };
    }
    return { status: 'failed', error: toApiError(err) };
  }
}

/** The host connection itself went away (not the console). */
function isLinkLoss(err: unknown): boolean {
  return isConnectionClosedError(err) || isAppError(err, 'not-connected');
}
