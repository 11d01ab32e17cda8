/**
 * Migration pre-flight: what would stop or endanger a migration, checked on both hosts before
 * anything moves. Each check says pass / warn / fail, why, and the fix where one exists; the same
 * pass plans the run. Three parts: facts.ts reads both hosts (all the I/O), checks*.ts turn the
 * facts into checks and a plan (pure), and this file joins them and applies a check's fix.
 */
import type { MIGRATION_FIXES, MigrationSpec } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { domainDefineXml, domainGetState, domainGetXmlDesc, domainLookupByUuid, domainUndefine } from '../../libvirt/domain';
import { DomainXmlFlags, UndefineFlags } from '../../libvirt/protocol';
import { parseXml, serializeXml } from '../../xml/dom';
import { setDiskCache } from '../../xml/edit';
import { stateOf } from '../domains';
import type { HostManager } from '../hosts';
import { type Preflight, preflightFromFacts } from './checks';
import { disksOf, SAFE_CACHE } from './checks-common';
import { collectPreflightFacts, preflightIo } from './facts';

export type { Preflight } from './checks';
export { preflightFromFacts } from './checks';
export type { DiskPlan } from './checks-disks';
export type { PreflightFacts } from './facts';
export { collectPreflightFacts, preflightIo, qemuImgInfo } from './facts';

/** Runs every check and plans the migration. Throws only when a host or the VM is not usable at all. */
export async function runPreflight(hosts: HostManager, spec: MigrationSpec): Promise<Preflight> {
  const facts = await collectPreflightFacts(preflightIo(hosts, spec), spec);
  return preflightFromFacts(facts, spec);
}

/** Applies a check's fix on the hosts. */
export async function applyFix(hosts: HostManager, spec: MigrationSpec, fix: (typeof MIGRATION_FIXES)[number]): Promise<void> {
  if (fix === 'disk-cache-none') {
    const rpc = hosts.connection(spec.hostId).rpc;
    const dom = await domainLookupByUuid(rpc, spec.uuid);
    let xml: string;
    try {
      xml = await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
    } catch (err) {
      throw new AppError('libvirt', `Cannot read the definition of ${dom.name}: ${(err as Error).message}`);
    }
    const doc = parseXml(xml, `the definition of ${dom.name}`);
    let changed = 0;
    for (const d of disksOf(doc)) {
      if (!d.source || d.readonly || d.type === 'network' || SAFE_CACHE.has(d.cache)) continue;
      setDiskCache(d.el, 'none');
      changed++;
    }
    if (changed === 0) return;
    await domainDefineXml(rpc, { xml: serializeXml(doc) });
    return;
  }
  const rpc = hosts.connection(spec.destHostId).rpc;
  const stale = await domainLookupByUuid(rpc, spec.uuid).catch(() => null);
  if (!stale) return;
  const st = stateOf((await domainGetState(rpc, stale)).state);
  if (st !== 'shutoff') {
    throw new AppError(
      'refused',
      `'${stale.name}' is ${st} on ${hosts.name(spec.destHostId)}: Vireo removes only a shut-off stale definition`,
      'Decide which copy is current first.',
    );
  }
  await domainUndefine(rpc, stale, {
    flags: UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA | UndefineFlags.CHECKPOINTS_METADATA | UndefineFlags.KEEP_NVRAM,
  });
}
