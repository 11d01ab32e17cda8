/**
 * Shut down and reboot through the guest agent when it is connected (a guest without an ACPI
 * daemon ignores the power button), else with the ACPI power button. Used by the domain actions.
 */
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainReboot, domainShutdown } from '../../libvirt/domain';
import { type DomainRef, ShutdownFlags } from '../../libvirt/protocol';
import { agentChannelOf } from '../../xml/agent';
import { parseDomain } from '../../xml/parse';
import { agentFailure } from './decide';

/** Asks the guest to shut down or reboot; says which way went through. */
export async function guestPower(rpc: RpcClient, dom: DomainRef, what: 'shutdown' | 'reboot'): Promise<'agent' | 'acpi'> {
  const call = what === 'shutdown' ? domainShutdown : domainReboot;
  const channel = agentChannelOf(parseDomain(await domainGetXmlDesc(rpc, dom)));
  if (channel.present && channel.state === 'connected') {
    try {
      await call(rpc, dom, { flags: ShutdownFlags.GUEST_AGENT });
      return 'agent';
    } catch (err) {
      // Connected but not answering (or gone since): the power button, as libvirt itself falls back.
      if (agentFailure(err) === 'other') throw err;
    }
  }
  await call(rpc, dom, { flags: ShutdownFlags.ACPI_POWER_BTN });
  return 'acpi';
}
