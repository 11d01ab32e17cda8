/**
 * VNC displays: the graphics port comes from the live domain XML; the bytes travel over a TCP
 * forward (direct-tcpip) on the host's existing SSH session to the address QEMU listens on, as
 * seen from the host (127.0.0.1 by default). Never a remote `nc`, never a port opened on the
 * host's network, and no local listening port: the renderer's noVNC reads a ByteChannel.
 */
import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HostId } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { StreamHub } from '../core/streams';
import { domainGetXmlDesc } from '../libvirt/domain';
import { DomainXmlFlags } from '../libvirt/protocol';
import { parseDomain } from '../xml/parse';
import { type Connector, type ConsoleLink, type Located, linkSource, NoDeviceError } from './console';
import type { HostManager } from './hosts';

export type VncTarget =
  | { kind: 'tcp'; host: string; port: number; hasPassword: boolean }
  | { kind: 'unix'; path: string; hasPassword: boolean }
  /** Defined, but QEMU has no port yet (autoport before start) or listens nowhere. */
  | { kind: 'unreachable'; why: string }
  | { kind: 'none'; others: string[] };

/** Where a wildcard listen address is reached from the host itself. */
function reachable(address: string): string {
  if (address === '' || address === '0.0.0.0') return '127.0.0.1';
  if (address === '::' || address === '[::]') return '::1';
  return address.replace(/^\[(.*)\]$/, '$1');
}

/** Reads the first VNC display of a live domain XML. */
export function vncTargetOf(xml: string): VncTarget {
  const graphics = parseDomain(xml).graphics;
  const g = graphics.find((x) => x.type === 'vnc');
  if (!g) return { kind: 'none', others: graphics.map((x) => x.type || '?') };
  const { hasPassword } = g;
  const listen = g.listens[0];
  const listenType = listen?.type;
  if (listenType === 'socket') {
    const path = listen?.socket ?? g.socket;
    return path
      ? { kind: 'unix', path, hasPassword }
      : { kind: 'unreachable', why: 'the display listens on a socket whose path the live XML does not give' };
  }
  if (listenType === 'none')
    return { kind: 'unreachable', why: "the display has <listen type='none'/>: QEMU does not listen for VNC clients" };
  if (g.socket) return { kind: 'unix', path: g.socket, hasPassword };
  const port = g.port ?? -1;
  if (!Number.isInteger(port) || port <= 0) return { kind: 'unreachable', why: 'QEMU has not been given a VNC port (is the VM running?)' };
  const address = listen?.address ?? g.listen ?? '127.0.0.1';
  return { kind: 'tcp', host: reachable(address), port, hasPassword };
}

export class VncConnector implements Connector {
  constructor(
    private readonly hosts: HostManager,
    private readonly streams: StreamHub,
  ) {}

  async open(at: Located): Promise<ConsoleLink> {
    // SECURE only to learn whether a password is set; the password itself never leaves here.
    const xml = await domainGetXmlDesc(at.rpc, at.dom, { flags: DomainXmlFlags.SECURE }).catch(() => domainGetXmlDesc(at.rpc, at.dom));
    const target = vncTargetOf(xml);
    if (target.kind === 'none') {
      const spice = target.others.includes('spice');
      throw new NoDeviceError(
        spice ? `${at.dom.name} shows its display over SPICE, which Vireo does not speak` : `${at.dom.name} has no graphical display`,
        spice
          ? "Add a VNC display (<graphics type='vnc' listen='127.0.0.1' autoport='yes'/>) next to the SPICE one, or use virt-viewer for SPICE."
          : "Add a VNC display (<graphics type='vnc' listen='127.0.0.1' autoport='yes'/> and a <video> device), then shut the VM down and start it. The serial console may still work.",
        false,
      );
    }
    if (target.kind === 'unreachable')
      throw new AppError(
        'vnc-unreachable',
        `Cannot reach the display of ${at.dom.name}: ${target.why}`,
        'Start the VM, or give its display a listen address.',
      );
    const socket = await this.connect(at.hostId, target);
    const channel = this.streams.create();
    const { ended, close } = linkSource(channel, socket, { pauseOnPressure: true });
    const listen = target.kind === 'tcp' ? `${target.host}:${target.port}` : target.path;
    return { channel, ended, close, vnc: { port: target.kind === 'tcp' ? target.port : 0, listen, hasPassword: target.hasPassword } };
  }

  /** The forward: over the host's one SSH session, or straight to this machine for a local host. */
  private async connect(hostId: HostId, t: Extract<VncTarget, { kind: 'tcp' | 'unix' }>): Promise<Duplex> {
    const local = this.hosts.list().find((h) => h.id === hostId)?.spec.transport === 'local';
    if (local) {
      return new Promise<Socket>((resolve, reject) => {
        const sock = t.kind === 'tcp' ? netConnect({ host: t.host, port: t.port }) : netConnect({ path: t.path });
        sock.once('connect', () => {
          sock.off('error', reject);
          resolve(sock);
        });
        sock.once('error', reject);
      });
    }
    const ssh = await this.hosts.sshSession(hostId);
    return t.kind === 'tcp' ? ssh.forwardOut(t.host, t.port) : ssh.forwardOutStreamLocal(t.path);
  }
}
