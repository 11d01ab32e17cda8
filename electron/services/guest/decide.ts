/**
 * Pure decisions of the guest feature (no I/O, no clock): which address source to ask next, which
 * addresses to show, what an agent error means, what a lifecycle event asks for (a fresh read, a
 * clock set), and the guest facts from virDomainGetGuestInfo's flat keys. Unit-tested in
 * decide.test.ts from answers captured in the lab (fixtures/).
 */
import type { AddressSource, AgentState, GuestAddress, GuestFileSystem, GuestInfo, GuestUser } from '../../../shared/api/guest';
import { ErrorCode, isLibvirtError, isTimeoutError } from '../../libvirt/errors';
import type { GuestInterface } from '../../libvirt/guest';
import { IpAddrType } from '../../libvirt/guest';
import type { ParamRecord } from '../../libvirt/params';
import { LifecycleDetail, LifecycleEvent } from '../../libvirt/protocol';

/** What we know of a VM's agent between reads (from agent events and the last answer). */
export type AgentHint = 'unknown' | 'connected' | 'disconnected' | 'none';

/** The sources to ask, best first: the agent only when it may answer (one call saved per VM without one). */
export function sourcesToTry(hint: AgentHint): AddressSource[] {
  return hint === 'none' || hint === 'disconnected' ? ['lease', 'arp'] : ['agent', 'lease', 'arp'];
}

const ipv4 = (a: string) => a.split('.').map(Number);

/** Loopback and link-local addresses reach nothing from outside the guest: never shown. */
export function isHidden(family: 'ipv4' | 'ipv6', address: string): boolean {
  if (family === 'ipv4') {
    const [a, b] = ipv4(address);
    return a === 127 || (a === 169 && b === 254) || a === 0;
  }
  const lower = address.toLowerCase();
  return lower === '::1' || lower === '::' || /^fe[89ab][0-9a-f]:/.test(lower);
}

/** The addresses worth showing from one source's answer: IPv4 first, then IPv6, in the guest's order. */
export function visibleAddresses(ifaces: readonly GuestInterface[]): GuestAddress[] {
  const out: GuestAddress[] = [];
  for (const i of ifaces) {
    if (i.name === 'lo') continue;
    for (const a of i.addrs) {
      const family = a.type === IpAddrType.IPV6 ? 'ipv6' : 'ipv4';
      if (isHidden(family, a.addr)) continue;
      out.push({ family, address: a.addr, prefix: a.prefix, iface: i.name, ...(i.mac ? { mac: i.mac } : {}) });
    }
  }
  return [...out.filter((a) => a.family === 'ipv4'), ...out.filter((a) => a.family === 'ipv6')];
}

/** What an agent call's failure says about the agent. */
export type AgentFailure = 'no-channel' | 'not-connected' | 'not-answering' | 'not-running' | 'other';

export function agentFailure(err: unknown): AgentFailure {
  if (isTimeoutError(err)) return 'not-answering';
  if (!isLibvirtError(err)) return 'other';
  // "QEMU guest agent is not configured" (no channel in the definition).
  if (err.code === ErrorCode.ARGUMENT_UNSUPPORTED) return 'no-channel';
  if (err.code === ErrorCode.AGENT_UNRESPONSIVE) return /not connected/i.test(err.message) ? 'not-connected' : 'not-answering';
  if (err.code === ErrorCode.OPERATION_INVALID && /not running/i.test(err.message)) return 'not-running';
  if (err.code === ErrorCode.OPERATION_TIMEOUT) return 'not-answering';
  return 'other';
}

/** The hint to keep after an agent failure (the next read skips an agent that cannot answer). */
export function hintAfter(f: AgentFailure, before: AgentHint): AgentHint {
  if (f === 'no-channel') return 'none';
  if (f === 'not-connected') return 'disconnected';
  return before;
}

const FALLBACK_WHY: Record<AgentFailure, string> = {
  'no-channel': 'the VM has no guest agent channel',
  'not-connected': 'the guest agent is not connected',
  'not-answering': 'the guest agent did not answer',
  'not-running': 'the guest agent cannot answer while the VM is paused',
  other: 'the guest agent failed',
};

/** Why the agent was not the source, in the words the UI shows after "from the DHCP lease: …". */
export function fallbackWhy(f: AgentFailure | 'skipped-none' | 'skipped-disconnected' | 'no-address'): string {
  if (f === 'skipped-none') return FALLBACK_WHY['no-channel'];
  if (f === 'skipped-disconnected') return FALLBACK_WHY['not-connected'];
  if (f === 'no-address') return 'the guest agent reported no address';
  return FALLBACK_WHY[f];
}

/** What the agent state means, and what to do about it. */
export function explainAgent(state: AgentState, libvirtMessage?: string): { message?: string; hint?: string } {
  const install =
    'Install and start the QEMU guest agent in the guest: the package qemu-guest-agent (Debian/Ubuntu: apt install qemu-guest-agent; Fedora/RHEL: dnf install qemu-guest-agent; then systemctl enable --now qemu-guest-agent; Windows: the virtio-win guest tools).';
  switch (state) {
    case 'off':
      return { message: 'The VM is not running: the guest agent answers only while it runs.' };
    case 'no-channel':
      return {
        message: 'The VM has no guest agent channel (org.qemu.guest_agent.0), so libvirt cannot reach an agent.',
        hint: `Add the channel, then: ${install}`,
      };
    case 'not-connected':
      return { message: 'The guest agent channel is there, but no agent in the guest has opened it.', hint: install };
    case 'not-answering':
      return {
        message: `The guest agent is connected but did not answer${libvirtMessage ? ` (libvirt: ${libvirtMessage})` : ''}.`,
        hint: 'Restart it in the guest (systemctl restart qemu-guest-agent); a guest under heavy load may answer later.',
      };
    case 'answering':
      return {};
  }
}

/** The lifecycle events after which the guest's clock is behind: it was paused, or moved. */
export function clockReason(event: number, detail: number): 'resume' | 'migration' | 'restore' | undefined {
  if (event === LifecycleEvent.RESUMED) {
    if (detail === LifecycleDetail.RESUMED.MIGRATED || detail === LifecycleDetail.RESUMED.POSTCOPY) return 'migration';
    if (detail === LifecycleDetail.RESUMED.FROM_SNAPSHOT) return 'restore';
    if (detail === LifecycleDetail.RESUMED.UNPAUSED) return 'resume';
    return undefined;
  }
  if (event === LifecycleEvent.STARTED) {
    if (detail === LifecycleDetail.STARTED.MIGRATED) return 'migration';
    if (detail === LifecycleDetail.STARTED.RESTORED || detail === LifecycleDetail.STARTED.FROM_SNAPSHOT) return 'restore';
  }
  return undefined;
}

/** What a lifecycle event does to a VM's cached addresses. */
export function addressesAfter(event: number): 'read-with-retries' | 'read' | 'drop' | 'keep' {
  switch (event) {
    case LifecycleEvent.STARTED:
      return 'read-with-retries';
    case LifecycleEvent.RESUMED:
      return 'read';
    case LifecycleEvent.STOPPED:
    case LifecycleEvent.CRASHED:
    case LifecycleEvent.UNDEFINED:
      return 'drop';
    default:
      return 'keep';
  }
}

/**
 * When to read again after a start or an agent connecting (ms after the event): the address
 * comes some seconds after the agent (DHCP in the guest). Bounded: five reads, then only events.
 */
export const RETRY_AFTER_MS: readonly number[] = [2_000, 5_000, 10_000, 20_000, 40_000];

/** Whether the retries may stop: the best source answered with an address. */
export function settled(e: { source?: AddressSource; addresses: readonly unknown[] }, hint: AgentHint): boolean {
  if (e.addresses.length === 0) return false;
  return e.source === 'agent' || hint === 'none';
}

// ---- virDomainGetGuestInfo's flat keys → the facts shown ------------------------------------------

const str = (r: ParamRecord, k: string): string | undefined => {
  const v = r[k];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
const num = (r: ParamRecord, k: string): number | undefined => {
  const v = r[k];
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
};
const opt = <K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } => (v === undefined ? {} : ({ [k]: v } as { [P in K]?: V }));

type Facts = Pick<GuestInfo, 'hostname' | 'os' | 'timezone' | 'users' | 'filesystems'>;

/** The facts in libvirt's keys (hostname, os.*, timezone.*, user.N.*, fs.N.*); absent groups stay absent. */
export function guestFactsOf(r: ParamRecord): Facts {
  const os = {
    ...opt('name', str(r, 'os.name')),
    ...opt('prettyName', str(r, 'os.pretty-name')),
    ...opt('version', str(r, 'os.version')),
    ...opt('id', str(r, 'os.id')),
    ...opt('kernelRelease', str(r, 'os.kernel-release')),
    ...opt('kernelVersion', str(r, 'os.kernel-version')),
    ...opt('machine', str(r, 'os.machine')),
  };
  const users: GuestUser[] = [];
  for (let i = 0; i < (num(r, 'user.count') ?? 0); i++) {
    const name = str(r, `user.${i}.name`);
    if (!name) continue;
    users.push({ name, ...opt('domain', str(r, `user.${i}.domain`)), ...opt('loginTime', num(r, `user.${i}.login-time`)) });
  }
  const filesystems: GuestFileSystem[] = [];
  for (let i = 0; i < (num(r, 'fs.count') ?? 0); i++) {
    const mountpoint = str(r, `fs.${i}.mountpoint`);
    if (!mountpoint) continue;
    const disks: string[] = [];
    for (let j = 0; j < (num(r, `fs.${i}.disk.count`) ?? 0); j++) {
      const d = str(r, `fs.${i}.disk.${j}.alias`) ?? str(r, `fs.${i}.disk.${j}.device`);
      if (d) disks.push(d);
    }
    filesystems.push({
      mountpoint,
      ...opt('name', str(r, `fs.${i}.name`)),
      ...opt('type', str(r, `fs.${i}.fstype`)),
      ...opt('totalBytes', num(r, `fs.${i}.total-bytes`)),
      ...opt('usedBytes', num(r, `fs.${i}.used-bytes`)),
      disks,
    });
  }
  const tzOffset = num(r, 'timezone.offset');
  return {
    ...opt('hostname', str(r, 'hostname')),
    ...(Object.keys(os).length ? { os } : {}),
    ...(tzOffset !== undefined || str(r, 'timezone.name')
      ? { timezone: { ...opt('name', str(r, 'timezone.name')), offsetSec: tzOffset ?? 0 } }
      : {}),
    ...(r['user.count'] !== undefined ? { users } : {}),
    ...(r['fs.count'] !== undefined ? { filesystems } : {}),
  };
}
