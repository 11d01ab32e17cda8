/**
 * All I/O of the guest feature: a VM's addresses from the best source that answers, the guest
 * facts through the agent, the guest clock, the agent channel added. Decisions come from
 * decide.ts; this file only asks libvirt and hands the answers over.
 */
import type { AddressSource, AgentChannelAdded, AgentState, GuestInfo, VmAddresses } from '../../../shared/api/guest';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import {
  domainAttachDevice,
  domainGetState,
  domainGetXmlDesc,
  domainIsActive,
  domainIsPersistent,
  domainLookupByUuid,
} from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import { domainGetGuestInfo, domainInterfaceAddresses, domainSetTime, AddressSource as Src } from '../../libvirt/guest';
import type { ParamRecord } from '../../libvirt/params';
import { DeviceModifyFlags, type DomainRef, DomainState, DomainXmlFlags } from '../../libvirt/protocol';
import { agentChannelOf, buildAgentChannelXml } from '../../xml/agent';
import { parseDomain } from '../../xml/parse';
import {
  type AgentFailure,
  type AgentHint,
  agentFailure,
  explainAgent,
  fallbackWhy,
  guestFactsOf,
  hintAfter,
  sourcesToTry,
  visibleAddresses,
} from './decide';

const SOURCE_CODE: Record<AddressSource, number> = { agent: Src.AGENT, lease: Src.LEASE, arp: Src.ARP };
/** An agent that is connected but hung must not hold a read for libvirt's whole agent timeout. */
export const AGENT_TIMEOUT_MS = 10_000;

export interface AddressRead {
  value: VmAddresses;
  hint: AgentHint;
  /** libvirt calls this read made. */
  calls: number;
}

/** A VM's addresses: the agent (when it may answer), else the DHCP leases, else ARP; the first with an address wins. */
export async function readAddresses(rpc: RpcClient, dom: DomainRef, hint: AgentHint, now: number): Promise<AddressRead> {
  let calls = 0;
  let h = hint;
  let why: string | undefined =
    hint === 'none' ? fallbackWhy('skipped-none') : hint === 'disconnected' ? fallbackWhy('skipped-disconnected') : undefined;
  const result = (source: AddressSource | undefined, addresses: VmAddresses['addresses']): AddressRead => ({
    value: { uuid: dom.uuid, ...(source ? { source } : {}), addresses, ...(why && source !== 'agent' ? { fallback: why } : {}), at: now },
    hint: h,
    calls,
  });
  for (const source of sourcesToTry(hint)) {
    calls++;
    let answer: Awaited<ReturnType<typeof domainInterfaceAddresses>>;
    try {
      answer = await domainInterfaceAddresses(rpc, dom, {
        source: SOURCE_CODE[source],
        ...(source === 'agent' ? { timeoutMs: AGENT_TIMEOUT_MS } : {}),
      });
    } catch (err) {
      // Gone, or stopped meanwhile (its stop event follows): nothing to show.
      if (isLibvirtError(err, ErrorCode.NO_DOMAIN) || (source !== 'agent' && isLibvirtError(err, ErrorCode.OPERATION_INVALID))) {
        return result(undefined, []);
      }
      if (source === 'agent') {
        const f: AgentFailure = agentFailure(err);
        h = hintAfter(f, h);
        why = fallbackWhy(f);
      }
      continue; // a lease or ARP read that failed (a driver without it): the next source
    }
    if (source === 'agent') h = 'connected';
    const addresses = visibleAddresses(answer);
    if (addresses.length) return result(source, addresses);
    if (source === 'agent') why = fallbackWhy('no-address');
  }
  return result(undefined, []);
}

/** The raw answers behind a VM's guest facts (captured as fixtures by the lab test). */
export interface GuestFactsRaw {
  name: string;
  running: boolean;
  channel: ReturnType<typeof agentChannelOf>;
  /** virDomainGetGuestInfo's keys, when the agent answered. */
  info?: ParamRecord;
  failure?: { kind: AgentFailure; message: string };
}

export async function readGuestFacts(rpc: RpcClient, uuid: string): Promise<{ dom: DomainRef; raw: GuestFactsRaw }> {
  const dom = await domainLookupByUuid(rpc, uuid);
  const st = await domainGetState(rpc, dom);
  if (st.state !== DomainState.RUNNING && st.state !== DomainState.PAUSED && st.state !== DomainState.BLOCKED) {
    return { dom, raw: { name: dom.name, running: false, channel: { present: false } } };
  }
  const channel = agentChannelOf(parseDomain(await domainGetXmlDesc(rpc, dom)));
  const raw: GuestFactsRaw = { name: dom.name, running: true, channel };
  if (!channel.present || channel.state === 'disconnected') return { dom, raw };
  try {
    raw.info = await domainGetGuestInfo(rpc, dom, { timeoutMs: AGENT_TIMEOUT_MS });
  } catch (err) {
    raw.failure = { kind: agentFailure(err), message: (err as Error).message };
  }
  return { dom, raw };
}

/** What the admin sees of the raw answers (pure; unit-tested with the captured fixtures). */
export function guestInfoOf(hostId: string, uuid: string, raw: GuestFactsRaw): Omit<GuestInfo, 'addresses' | 'clock'> {
  let state: AgentState;
  if (!raw.running) state = 'off';
  else if (!raw.channel.present) state = 'no-channel';
  else if (raw.channel.state === 'disconnected') state = 'not-connected';
  else if (raw.failure)
    state =
      raw.failure.kind === 'not-connected'
        ? 'not-connected'
        : raw.failure.kind === 'no-channel'
          ? 'no-channel'
          : raw.failure.kind === 'not-running'
            ? 'off'
            : 'not-answering';
  else state = 'answering';
  const explained = explainAgent(state, raw.failure?.message);
  return {
    hostId,
    uuid,
    name: raw.name,
    agent: { state, ...explained },
    ...(raw.info ? guestFactsOf(raw.info) : {}),
  };
}

/** Sets the guest's clock from its RTC (virsh domtime --sync); the agent's error when it cannot. */
export async function syncGuestClock(rpc: RpcClient, dom: DomainRef): Promise<void> {
  await domainSetTime(rpc, dom, { sync: true, timeoutMs: AGENT_TIMEOUT_MS });
}

/**
 * Adds the agent channel: plugged into the running VM where libvirt allows it, and to the
 * persistent definition (the next start). Says which of the two happened and why not the other.
 */
export async function addAgentChannel(rpc: RpcClient, uuid: string): Promise<AgentChannelAdded> {
  const dom = await domainLookupByUuid(rpc, uuid);
  const [active, persistent] = await Promise.all([domainIsActive(rpc, dom), domainIsPersistent(rpc, dom)]);
  const xml = buildAgentChannelXml();
  const inLive = active && agentChannelOf(parseDomain(await domainGetXmlDesc(rpc, dom))).present;
  const inConfig = persistent && agentChannelOf(parseDomain(await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }))).present;
  let live = inLive;
  let liveRefusal: string | undefined;
  if (active && !inLive) {
    try {
      await domainAttachDevice(rpc, dom, { xml, flags: DeviceModifyFlags.LIVE });
      live = true;
    } catch (err) {
      liveRefusal = (err as Error).message;
    }
  }
  let config = inConfig;
  if (persistent && !inConfig) {
    try {
      await domainAttachDevice(rpc, dom, { xml, flags: DeviceModifyFlags.CONFIG });
      config = true;
    } catch (err) {
      throw new AppError('libvirt', `Could not add the guest agent channel to the definition of ${dom.name}: ${(err as Error).message}`, {
        cause: err,
        hint: live
          ? 'It is plugged in until the VM stops. To keep it, add it with virsh edit: a unix channel with target name org.qemu.guest_agent.0.'
          : 'Nothing was changed.',
      });
    }
  }
  const message =
    inLive && inConfig
      ? `${dom.name} already has a guest agent channel.`
      : live
        ? `Plugged into the running VM now${config ? ' and kept in its definition' : ' (a transient VM: until it stops)'}. An agent in the guest can use it at once.`
        : `Added to the definition: it takes effect at the next start of ${dom.name}${
            liveRefusal ? ` (libvirt did not plug it into the running VM: ${liveRefusal})` : ''
          }.`;
  return { name: dom.name, live, config, message };
}
