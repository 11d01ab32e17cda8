/**
 * One virNetworkUpdate step (a DHCP range or a static host added or removed) applied to a
 * network, with the pending path: what libvirt will not apply to the running network goes into
 * the definition alone and is reported pending, with libvirt's reason.
 *
 * libvirt's networkUpdate (bridge_driver.c) first changes both definitions in memory
 * (virNetworkObjUpdate: both or nothing), then saves the config, refreshes the firewall and
 * dnsmasq and runs the hook; a failure in those later steps returns an error although the
 * definition already holds the change. So after an error the network is read again: a step the
 * definition already shows done is pending (not retried — a retry would only say "there is an
 * existing dhcp host entry" or "couldn't locate a matching dhcp host entry").
 */

import { ipv6ToBigInt } from '../../../shared/api/common';
import { hostFamily, type StaticHostEntry } from '../../../shared/api/networks';
import { isLibvirtError } from '../../libvirt/errors';
import { NetworkUpdateCommand, NetworkUpdateFlags } from '../../libvirt/network';
import type { NetworkModel } from '../../xml/network';

export interface Step {
  /** In words, for the result ("static host 52:54:00:… → 10.0.0.5 removed"). */
  what: string;
  /** NetworkUpdateSection.IP_DHCP_HOST or IP_DHCP_RANGE. */
  section: number;
  /** NetworkUpdateCommand.ADD_LAST or DELETE. */
  command: number;
  /** The <ip>'s index in the definition (virNetworkUpdate's parentIndex). */
  parentIndex: number;
  /** That <ip>, to find it again in a model read later. */
  block: { family: 'ipv4' | 'ipv6'; address: string };
  entry: { kind: 'host'; host: StaticHostEntry } | { kind: 'range'; range: { start: string; end: string } };
  xml: string;
  /** The running network needs this step too (it has what is removed, lacks what is added). */
  live: boolean;
}

const sameIp = (a: string | undefined, b: string | undefined) =>
  a === b || (!!a && !!b && hostFamily(a) === 'ipv6' && ipv6ToBigInt(a) !== null && ipv6ToBigInt(a) === ipv6ToBigInt(b));

/** The same static host: every attribute equal (MAC and DUID without regard to case, IPv6 in any spelling). */
export function sameHost(a: StaticHostEntry, b: StaticHostEntry): boolean {
  return (
    a.mac?.toLowerCase() === b.mac?.toLowerCase() &&
    a.id?.toLowerCase() === b.id?.toLowerCase() &&
    (a.name ?? null) === (b.name ?? null) &&
    sameIp(a.ip, b.ip)
  );
}

/** Whether `model` already shows the step done: its entry there after an add, gone after a delete. */
export function stepDone(step: Step, model: NetworkModel): boolean {
  const a = model.addresses.find((x) => x.family === step.block.family && sameIp(x.address, step.block.address));
  const e = step.entry;
  const has =
    !!a && (e.kind === 'range' ? a.dhcp?.start === e.range.start && a.dhcp?.end === e.range.end : a.hosts.some((h) => sameHost(h, e.host)));
  return step.command === NetworkUpdateCommand.DELETE ? !has : has;
}

export type StepOutcome = { applied: 'live' | 'saved' } | { applied: 'pending'; reason: string };

/** What applyStep does to the host (feature.ts binds it to one network; unit tests script it). */
export interface StepIo {
  update(step: Step, flags: number): Promise<void>;
  /** The network's running model and definition as libvirt has them now. */
  reread(): Promise<{ model: NetworkModel; defined: NetworkModel }>;
}

/**
 * Applies one step: inactive network, to its definition ('saved'); transient, to the running
 * network; running and persistent, to both at once ('live'), or to the definition alone when the
 * running network already is so. When libvirt fails on the running network: 'pending' with its
 * message — after it left the change in the definition (read again), or after a retry on the
 * definition alone. Any other failure is thrown (libvirt's error, for the caller to explain).
 */
export async function applyStep(step: Step, net: { active: boolean; persistent: boolean }, io: StepIo): Promise<StepOutcome> {
  const { AFFECT_LIVE: LIVE, AFFECT_CONFIG: CONFIG } = NetworkUpdateFlags;
  if (!net.active) {
    await io.update(step, CONFIG);
    return { applied: 'saved' };
  }
  if (!net.persistent) {
    await io.update(step, LIVE);
    return { applied: 'live' };
  }
  if (!step.live) {
    // The running network is already so: the definition catches up.
    await io.update(step, CONFIG);
    return { applied: 'live' };
  }
  try {
    await io.update(step, LIVE | CONFIG);
    return { applied: 'live' };
  } catch (err) {
    if (!isLibvirtError(err)) throw err;
    const pending = { applied: 'pending', reason: err.message } as const;
    if (stepDone(step, (await io.reread()).defined)) return pending;
    try {
      // libvirt would not change the running network: the definition only, for its next start.
      await io.update(step, CONFIG);
      return pending;
    } catch (err2) {
      if (isLibvirtError(err2) && stepDone(step, (await io.reread()).defined)) return pending;
      throw err2;
    }
  }
}
