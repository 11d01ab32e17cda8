/**
 * Pre-flight from facts: every check in the order the wizard shows them, and the plan they lead
 * to (flags, params, the destination's definition, the virsh line). Pure: the same facts and
 * spec give the same result.
 */
import type { DomainState, MigrationPlan, MigrationSpec, PreflightCheck } from '../../../shared/api';
import type { DomainRef } from '../../libvirt/protocol';
import { type Document, parseXml, serializeXml } from '../../xml/dom';
import { setDiskCache, setDiskPath } from '../../xml/edit';
import { type Check, type Ctx, contextOf, disksOf, SAFE_CACHE } from './checks-common';
import { cacheCheck, type DiskPlan, planDisks, storageCheck } from './checks-disks';
import { cpuCheck, jobCheck, memoryCheck, nameCheck, networkCheck, reachCheck, staleOf, stateCheck, versionCheck } from './checks-host';
import { snapshotsCheck } from './checks-snapshots';
import type { PreflightFacts } from './facts';
import { MIGRATE_FLAG_NAMES, type MigrationParams, migrationFlags, migrationParams, virshCommand } from './plan';

/** Everything the run needs beside the public plan. */
export interface Preflight {
  plan: MigrationPlan;
  dom: DomainRef;
  name: string;
  destName: string;
  state: DomainState;
  persistent: boolean;
  disks: DiskPlan[];
  flags: number;
  params: MigrationParams;
  /** The destination's copy of the VM (stale definition), for the 'undefine-stale' fix. */
  stale?: { dom: DomainRef; state: DomainState };
  peerUri?: string;
}

/** A check that throws (a definition it cannot read) fails with the reason instead of ending pre-flight. */
function guarded(id: PreflightCheck['id'], title: string, fn: () => Check): PreflightCheck {
  try {
    return { id, title, ...fn() };
  } catch (err) {
    return { id, title, status: 'fail', message: `Could not check: ${(err as Error).message}` };
  }
}

/** The checks, in order, and whether the storage check asks for --unsafe. */
export function runChecks(ctx: Ctx, planned: ReturnType<typeof planDisks>): { checks: PreflightCheck[]; needUnsafe: boolean } {
  let needUnsafe = false;
  const checks = [
    guarded('state', 'VM state', () => stateCheck(ctx)),
    jobCheck(ctx),
    snapshotsCheck(ctx),
    guarded('disk-cache', 'Disk cache mode', () => cacheCheck(ctx)),
    guarded('cpu', 'CPU compatibility', () => cpuCheck(ctx)),
    guarded('storage', 'Storage', () => {
      const r = storageCheck(ctx, planned);
      needUnsafe = r.needUnsafe;
      return r.check;
    }),
    guarded('network', 'Networks and bridges', () => networkCheck(ctx, planned.ok ? null : planned)),
    guarded('name', 'Name and UUID on the destination', () => nameCheck(ctx)),
    guarded('reachable', 'Destination reachable', () => reachCheck(ctx)),
    guarded('memory', 'Memory on the destination', () => memoryCheck(ctx)),
    guarded('versions', 'Hypervisor versions', () => versionCheck(ctx)),
  ].filter((c): c is PreflightCheck => c !== null);
  return { checks, needUnsafe };
}

/** The destination's definition when it must differ: disks in another pool, a fixed cache mode. */
function destinationXml(ctx: Ctx, plans: DiskPlan[]): Pick<MigrationParams, 'destination_xml' | 'persistent_xml'> {
  const { live, copying, facts } = ctx;
  const out: Pick<MigrationParams, 'destination_xml' | 'persistent_xml'> = {};
  const rewrite = (d: Document, useInactiveCache: boolean): boolean => {
    let changed = false;
    for (const x of disksOf(d)) {
      const p = plans.find((q) => q.target === x.target);
      if (p?.copy && p.dest !== p.source) {
        setDiskPath(x.el, p.dest);
        changed = true;
      }
      if (useInactiveCache && live && !copying && !SAFE_CACHE.has(x.cache)) {
        const defined = ctx.inactiveDisks.find((y) => y.target === x.target);
        if (defined && SAFE_CACHE.has(defined.cache)) {
          setDiskCache(x.el, defined.cache);
          changed = true;
        }
      }
    }
    return changed;
  };
  const destDoc = parseXml(facts.xml, 'the definition');
  if (rewrite(destDoc, true)) out.destination_xml = serializeXml(destDoc);
  if (live && ctx.spec.persist && facts.inactiveXml) {
    const pdoc = parseXml(facts.inactiveXml, 'the definition');
    if (rewrite(pdoc, false)) out.persistent_xml = serializeXml(pdoc);
  }
  return out;
}

/** The disk plan; facts it cannot read fail the disk-dependent checks, as a failed read does. */
function plannedDisks(ctx: Ctx): ReturnType<typeof planDisks> {
  try {
    return planDisks(ctx);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** Every check and the plan, from the facts. */
export function preflightFromFacts(facts: PreflightFacts, spec: MigrationSpec): Preflight {
  const ctx = contextOf(facts, spec);
  const planned = plannedDisks(ctx);
  const { checks, needUnsafe } = runChecks(ctx, planned);
  const plans = planned.ok ? planned.plans : [];
  const { name, destName, live, copying, peerUri } = ctx;
  const params = { ...migrationParams(spec, name), ...destinationXml(ctx, plans) };
  const flags = migrationFlags(spec, needUnsafe);
  const plan: MigrationPlan = {
    checks,
    canStart: !checks.some((c) => c.status === 'fail'),
    copyBytes: plans.reduce((s, p) => s + p.bytes, 0),
    memoryBytes: ctx.memoryBytes,
    flags: MIGRATE_FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n),
    virsh: virshCommand(spec, facts.src, facts.dst, name, flags, peerUri),
    disks: plans
      .filter((p) => p.copy)
      .map((p) => ({ target: p.target, source: p.source, dest: p.dest, ...(p.destPool ? { pool: p.destPool } : {}), bytes: p.bytes })),
  };
  if (!live && copying)
    plan.virsh = `# virsh cannot copy disks offline; Vireo copies them through libvirt's storage API first, then:\n${plan.virsh}`;
  const stale = staleOf(facts);
  return {
    plan,
    dom: facts.domain,
    name,
    destName,
    state: facts.state,
    persistent: facts.persistent,
    disks: plans,
    flags,
    params,
    ...(stale ? { stale } : {}),
    ...(peerUri ? { peerUri } : {}),
  };
}
