/**
 * One virNetworkUpdate step (a DHCP range or a static host added or removed) applied to a
 * network, with the pending path: what libvirt will not apply to the running network goes into
 * the definition alone and is reported pending, with libvirt's reason.
 *
 * libvirt's networkUpdate (bridge_driver.c) first changes both definitions in memory
 * (virNetworkObjUpdate: both or nothing), then saves the config, refreshes the firewall and
 * dnsmasq and runs the hook; a failure in those later steps returns an error although both
 * definitions already hold the change. So after an error the network is read again (both):
 *  - the change in the running network and the definition: libvirt took it but could not apply it
 *    (dnsmasq, firewall, config save, hook): an error saying so, with libvirt's message and what to
 *    do (restart the network, or read the host's log) — not retried (a retry would only say "there
 *    is an existing dhcp host entry" or "couldn't locate a matching dhcp host entry");
 *  - the change in the definition alone (changed meanwhile): pending;
 *  - neither: libvirt refused it on the running network: retried on the definition alone, pending.
 */

import { ipv6ToBigInt } from '../../../shared/api/common';
import { hostFamily, type StaticHostEntry, sameStaticHost } from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import { isLibvirtError, type LibvirtError } from '../../libvirt/errors';
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

/** Whether `model` already shows the step done: its entry there after an add, gone after a delete. */
export function stepDone(step: Step, model: NetworkModel): boolean {
  const a = model.addresses.find((x) => x.family === step.block.family && sameIp(x.address, step.block.address));
  const e = step.entry;
  const has =
    !!a &&
    (e.kind === 'range' ? a.dhcp?.start === e.range.start && a.dhcp?.end === e.range.end : a.hosts.some((h) => sameStaticHost(h, e.host)));
  return step.command === NetworkUpdateCommand.DELETE ? !has : has;
}

export type StepOutcome = { applied: 'live' | 'saved' } | { applied: 'pending'; reason: string };

/** What applyStep does to the host (feature.ts binds it to one network; unit tests script it). */
export interface StepIo {
  update(step: Step, flags: number): Promise<void>;
  /** The network's running model and definition as libvirt has them now. */
  reread(): Promise<{ model: NetworkModel; defined: NetworkModel }>;
}

/** The error code of a change libvirt made to both definitions but could not apply (applyStep). */
export const NOT_APPLIED = 'not-applied';

/**
 * The error code of a libvirt failure after which the network could not be read again, so
 * whether libvirt changed it is not known (applyStep): libvirt's message, a hint to look.
 */
export const OUTCOME_UNKNOWN = 'outcome-unknown';

/** The network read again after libvirt's error `err`; if that read fails, libvirt's message is kept. */
async function rereadAfter(io: StepIo, err: LibvirtError): Promise<{ model: NetworkModel; defined: NetworkModel }> {
  try {
    return await io.reread();
  } catch (readErr) {
    const why = readErr instanceof Error ? readErr.message : String(readErr);
    throw new AppError(OUTCOME_UNKNOWN, err.message, {
      cause: err,
      hint:
        `Vireo could not read the network again (${why}), so whether libvirt changed it is not known: ` +
        'check with virsh net-dumpxml <network> and virsh net-dumpxml --inactive <network>.',
    });
  }
}

/**
 * Applies one step: inactive network, to its definition ('saved'); transient, to the running
 * network; running and persistent, to both at once ('live'), or to the definition alone when the
 * running network already is so ('saved': only the definition changed). When libvirt fails on the
 * running network: 'pending' with its message — after it left the change in the definition alone
 * (read again), or after a retry on the definition alone; an AppError NOT_APPLIED when both
 * definitions hold it (libvirt took it, its dnsmasq/firewall/config save failed); an AppError
 * OUTCOME_UNKNOWN with libvirt's message when the network cannot be read again after its error.
 * Any other failure is thrown (libvirt's error, for the caller to explain).
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
    // The running network is already so: the definition catches up (only it changes).
    await io.update(step, CONFIG);
    return { applied: 'saved' };
  }
  try {
    await io.update(step, LIVE | CONFIG);
    return { applied: 'live' };
  } catch (err) {
    if (!isLibvirtError(err)) throw err;
    const pending = { applied: 'pending', reason: err.message } as const;
    const now = await rereadAfter(io, err);
    if (stepDone(step, now.defined) && stepDone(step, now.model))
      throw new AppError(NOT_APPLIED, `libvirt took the change (${step.what}) but could not apply it: ${err.message}`, {
        cause: err,
        hint:
          'The running network and its definition hold it, but dnsmasq, the firewall or the saved configuration may not: ' +
          'restart the network (virsh net-destroy, then net-start; its guests lose the link meanwhile), or read the host’s libvirt log.',
      });
    if (stepDone(step, now.defined)) return pending;
    try {
      // libvirt would not change the running network: the definition only, for its next start.
      await io.update(step, CONFIG);
      return pending;
    } catch (err2) {
      if (isLibvirtError(err2) && stepDone(step, (await rereadAfter(io, err2)).defined)) return pending;
      throw err2;
    }
  }
}
