/**
 * Pre-flight checks about the VM and the two hosts, from facts: state, a running job, CPU,
 * networks, name and UUID on the destination, reachability, memory, versions. Pure.
 */
import type { PreflightCheck } from '../../../shared/api';
import { ErrorCode } from '../../libvirt/errors';
import { CpuCompareResult, JobOperation, JobType } from '../../libvirt/protocol';
import { attr, child, text } from '../../xml/dom';
import { type Check, type Ctx, couldNotCheck, type Status, size, worst } from './checks-common';
import type { PreflightFacts } from './facts';

export function stateCheck(ctx: Ctx): Check {
  const { live, active, name, A, B, spec, copying } = ctx;
  const { state, persistent } = ctx.facts;
  if (live && !active)
    return {
      status: 'fail',
      message: `${name} is ${state === 'shutoff' ? 'shut off' : state}: a live migration moves a running VM. Choose Offline, or start it first.`,
    };
  if (!live && active)
    return {
      status: 'fail',
      message: `${name} is ${state}: an offline migration moves a shut-off VM. Choose Live, or shut it down first.`,
    };
  if (!live && !persistent) return { status: 'fail', message: `${name} is transient (no definition): there is nothing to move offline.` };
  const notes: string[] = [];
  if (state === 'paused') notes.push(`${name} is paused: it arrives paused on ${B}.`);
  if (!persistent && spec.undefineSource) notes.push(`${name} is transient: there is no definition to remove from ${A}.`);
  return {
    status: 'pass',
    message: live
      ? `${name} is ${state} on ${A}.`
      : `${name} is shut off on ${A}; its definition${copying ? ' and disks' : ''} move to ${B}.`,
    ...(notes.length ? { details: notes } : {}),
  };
}

/** A job already running on the VM (none, or a failed read: no check at all). */
export function jobCheck(ctx: Ctx): PreflightCheck | null {
  const job = ctx.facts.job;
  if (!job.ok || job.value.type === JobType.NONE) return null;
  return {
    id: 'job',
    title: 'Running job',
    status: 'fail',
    message: `${ctx.name} already has a job running on ${ctx.A}${job.value.operation === JobOperation.MIGRATION_OUT ? ' (a migration)' : ''}: wait for it to end, or cancel it from the Jobs panel.`,
  };
}

export function cpuCheck(ctx: Ctx): Check {
  const { root, name, A, B, live } = ctx;
  const cpu = child(root, 'cpu');
  const mode = attr(cpu, 'mode') ?? (cpu ? 'custom' : undefined);
  if (!cpu || (mode === 'custom' && !child(cpu, 'model')))
    return { status: 'pass', message: `${name} uses the hypervisor's default CPU model.` };
  if (mode === 'host-passthrough' || mode === 'maximum') {
    return {
      status: 'warn',
      message: `${name} uses ${mode}: the guest sees ${A}'s exact CPU. ${B} must have the same CPU model, microcode and features, which libvirt cannot check; a difference can crash the guest after the move.`,
    };
  }
  if (mode === 'host-model' && !live)
    return { status: 'pass', message: `host-model: ${B}'s own CPU model is used when the VM starts there.` };
  const r = ctx.facts.cpuCompare;
  if (!r) return { status: 'warn', message: `Could not compare the CPU with ${B}: not compared` };
  if (r.ok) {
    const model = text(child(cpu, 'model')) ?? mode ?? 'custom';
    if (r.value === CpuCompareResult.INCOMPATIBLE)
      return { status: live ? 'fail' : 'warn', message: `${B} cannot provide ${name}'s CPU (${model}).` };
    return {
      status: 'pass',
      message: `${B} provides ${name}'s CPU (${model}${r.value === CpuCompareResult.IDENTICAL ? ', identical' : ''}).`,
    };
  }
  if (r.code === ErrorCode.CPU_INCOMPATIBLE) {
    return {
      status: live ? 'fail' : 'warn',
      message: `${B} cannot run ${name}'s CPU: ${r.error}${live ? '' : ` (it would not start on ${B})`}`,
    };
  }
  return { status: 'warn', message: `Could not compare the CPU with ${B}: ${r.error}` };
}

/** Networks and bridges; `bridges` and the disk facts' failure come from the destination's probe. */
export function networkCheck(ctx: Ctx, probeFailure: { error: string } | null): Check {
  const { ifaces, name, B, live, facts } = ctx;
  if (ifaces.length === 0) return { status: 'pass', message: `${name} has no network interfaces.` };
  if (!facts.networks.ok) return couldNotCheck(facts.networks);
  if (probeFailure) return couldNotCheck(probeFailure);
  const { defined, active } = facts.networks.value;
  const bridges = facts.dstProbe.ok ? facts.dstProbe.value.bridges : [];
  const lines: string[] = [];
  const statuses: Status[] = [];
  for (const i of ifaces) {
    const { type, mac } = i;
    if (type === 'network') {
      const net = i.network ?? '?';
      if (!defined.includes(net)) {
        statuses.push('fail');
        lines.push(`${mac}: ${B} has no network '${net}'. Define it on ${B}.`);
      } else if (!active.includes(net)) {
        statuses.push(live ? 'fail' : 'warn');
        lines.push(`${mac}: network '${net}' exists on ${B} but is not active: start it there.`);
      } else {
        statuses.push('pass');
        lines.push(`${mac}: network '${net}' is active on ${B}.`);
      }
    } else if (type === 'bridge') {
      const br = i.bridge ?? '?';
      const ok = bridges.includes(br);
      statuses.push(ok ? 'pass' : 'fail');
      lines.push(
        ok ? `${mac}: bridge ${br} exists on ${B}.` : `${mac}: ${B} has no bridge ${br}. Create it on ${B} (or change the NIC's bridge).`,
      );
    } else if (type === 'direct') {
      const dev = i.dev ?? '?';
      const r = facts.directDevices[dev] ?? { ok: false, error: `device ${dev} not probed` };
      if (!r.ok) return couldNotCheck(r);
      statuses.push(r.value ? 'pass' : 'fail');
      lines.push(r.value ? `${mac}: device ${dev} exists on ${B}.` : `${mac}: ${B} has no network device ${dev}.`);
    } else if (type === 'user') {
      statuses.push('pass');
      lines.push(`${mac}: user-mode networking needs nothing on ${B}.`);
    } else {
      statuses.push('warn');
      lines.push(`${mac}: type '${type}' is not checked by Vireo.`);
    }
  }
  const status = worst(statuses);
  return {
    status,
    message:
      status === 'pass'
        ? `Every network and bridge ${name} uses exists on ${B}.`
        : `Some networks or bridges ${name} uses are missing on ${B}.`,
    details: lines,
  };
}

/** The destination's copy of the VM (same UUID), when its state could be read. */
export function staleOf(facts: PreflightFacts): { dom: PreflightFacts['domain']; state: PreflightFacts['state'] } | undefined {
  const s = facts.sameUuidOnDst;
  return s?.state.ok ? { dom: s.ref, state: s.state.value } : undefined;
}

export function nameCheck(ctx: Ctx): Check {
  const { B, destName, facts } = ctx;
  const byUuid = facts.sameUuidOnDst;
  if (byUuid) {
    if (!byUuid.state.ok) return couldNotCheck(byUuid.state);
    const s = byUuid.state.value;
    if (s !== 'shutoff')
      return {
        status: 'fail',
        message: `${B} already runs this VM (same UUID) as '${byUuid.ref.name}' (${s}). A VM must run on one host only: find out which copy is current before going on.`,
      };
    if (byUuid.ref.name === destName) {
      return {
        status: 'warn',
        message: `${B} keeps a shut-off definition of this VM (same name and UUID, e.g. from an earlier migration): the migration replaces it with the current one.`,
      };
    }
    return {
      status: 'fail',
      message: `${B} already defines this VM as '${byUuid.ref.name}' (same UUID, shut off): libvirt refuses a second name for it.`,
      fix: {
        id: 'undefine-stale',
        label: `Remove the stale definition on ${B}`,
        detail: `Undefines '${byUuid.ref.name}' on ${B}. Its disks are kept.`,
      },
    };
  }
  const byName = facts.sameNameOnDst;
  if (byName) {
    return {
      status: 'fail',
      message: `${B} already has another VM named '${destName}' (UUID ${byName.uuid}): libvirt refuses to migrate onto it.`,
      fix: { id: 'rename', label: 'Choose a new name', detail: `The VM keeps its UUID and gets the new name on ${B}.` },
    };
  }
  return { status: 'pass', message: `${B} has no VM named '${destName}' and none with this UUID.` };
}

export function reachCheck(ctx: Ctx): Check {
  const { A, B, spec, facts, peerUri } = ctx;
  if (spec.transport === 'p2p') {
    if (!peerUri) return { status: 'fail', message: `Enter the URI ${A} uses to reach ${B}'s libvirt (e.g. qemu+ssh://host/system).` };
    const t = facts.peerTest;
    if (!t) return couldNotCheck({ error: `${peerUri} was not tested` });
    if (!t.ok) return couldNotCheck(t);
    const r = t.value;
    if (r.code === 0)
      return { status: 'pass', message: `${A}'s libvirt opens ${peerUri} (peer-to-peer: ${A} drives the migration itself).` };
    if (r.code === 127)
      return { status: 'warn', message: `${A} has no virsh to test ${peerUri} with; libvirt on ${A} must be able to open it.` };
    const why = (r.stdout + r.stderr)
      .replace(/^error: failed to connect to the hypervisor\s*/m, '')
      .replace(/^error:\s*/gm, '')
      .trim();
    return {
      status: 'fail',
      message: r.code === 124 ? `${A} could not reach ${peerUri} within 12 s.` : `${A} cannot open ${peerUri}: ${why || `exit ${r.code}`}`,
      details: [
        `Peer-to-peer needs ${A} to reach ${B} on its own (SSH keys of ${A}'s root for qemu+ssh). Use Direct instead, or fix ${A}'s access to ${B}.`,
      ],
    };
  }
  const addr = facts.dst.spec.address;
  if (facts.dst.spec.transport !== 'ssh' || !addr)
    return { status: 'warn', message: `Vireo cannot tell which address ${A} uses to reach ${B}; QEMU on ${A} must reach ${B} directly.` };
  if (!facts.srcProbe.ok) return couldNotCheck(facts.srcProbe);
  const r = facts.srcProbe.value.reach;
  const port = facts.dst.spec.port ?? 22;
  if (r?.ok)
    return {
      status: 'pass',
      message: `${A} reaches ${addr} (TCP ${port}): QEMU streams from ${A} to ${B} directly, with no SSH trust between the hosts.`,
    };
  return {
    status: 'fail',
    message: `${A} cannot reach ${addr} (TCP ${port})${r?.output ? `: ${r.output}` : ''}. A direct migration streams from ${A} to ${B}: check routing and firewalls between them.`,
  };
}

export function memoryCheck(ctx: Ctx): Check {
  const { B, name, live, memoryBytes } = ctx;
  const r = ctx.facts.freeMemory;
  if (!r.ok) return couldNotCheck(r);
  const free = r.value;
  if (!live) {
    return free < memoryBytes
      ? { status: 'warn', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)} to start there.` }
      : { status: 'pass', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)} when it starts.` };
  }
  if (free < memoryBytes) return { status: 'fail', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)}.` };
  if (free < memoryBytes * 1.1 + 256 * 1024 * 1024)
    return { status: 'warn', message: `${B} has ${size(free)} free for ${name}'s ${size(memoryBytes)}: little left for the host itself.` };
  return { status: 'pass', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)}.` };
}

const version = (s?: string): number[] => (s ? s.split('.').map(Number) : []);
function older(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

export function versionCheck(ctx: Ctx): Check {
  const { src, dst } = ctx.facts;
  const qa = version(src.hypervisorVersion);
  const qb = version(dst.hypervisorVersion);
  const line = `QEMU ${src.hypervisorVersion ?? '?'} / libvirt ${src.libvirtVersion ?? '?'} on ${ctx.A}, QEMU ${dst.hypervisorVersion ?? '?'} / libvirt ${dst.libvirtVersion ?? '?'} on ${ctx.B}.`;
  if (qa.length && qb.length && older(qb, qa) && ctx.live)
    return {
      status: 'warn',
      message: `${ctx.B} runs an older QEMU: ${line} Migrating to an older QEMU works only with a machine type both know.`,
    };
  return { status: 'pass', message: line };
}
