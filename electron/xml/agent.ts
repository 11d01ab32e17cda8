/**
 * The QEMU guest agent's channel: a virtio-serial port named org.qemu.guest_agent.0 whose host
 * side is a unix socket libvirt creates and connects to. Built here (the install builder and the
 * "Add guest agent channel" action share it) and read from the one domain model.
 */
import { appendElement, type Element, newDocument, serializeXml } from './dom';
import type { DomainModel } from './model';

export const GUEST_AGENT_CHANNEL = 'org.qemu.guest_agent.0';

/** Adds the agent's channel under <devices> (libvirt picks the socket path and the port). */
export function appendAgentChannel(devices: Element): Element {
  const ch = appendElement(devices, 'channel', { type: 'unix' });
  appendElement(ch, 'target', { type: 'virtio', name: GUEST_AGENT_CHANNEL });
  return ch;
}

/** The channel as one device, for attach (hot-plug) and define. */
export function buildAgentChannelXml(): string {
  const doc = newDocument('channel');
  const root = doc.documentElement as Element;
  root.setAttribute('type', 'unix');
  appendElement(root, 'target', { type: 'virtio', name: GUEST_AGENT_CHANNEL });
  return serializeXml(doc);
}

/**
 * The agent channel of a definition: absent, or present with the state the live XML gives
 * ('connected' while an agent in the guest holds the port open, 'disconnected'; none when shut off).
 */
export function agentChannelOf(m: Pick<DomainModel, 'channels'>): { present: false } | { present: true; state?: string } {
  const ch = m.channels.find((c) => c.targetName === GUEST_AGENT_CHANNEL && (c.targetType ?? 'virtio') === 'virtio');
  return ch ? { present: true, ...(ch.state ? { state: ch.state } : {}) } : { present: false };
}
