/**
 * Cloning a shut-off (or paused) VM, like virt-clone: new name, UUID and MACs, each disk copied
 * into a pool of the target host (copy.ts: libvirt's create-from on the same host, a verified
 * stream across hosts), read-only disks shared if the admin wants, the definition rewritten for
 * the target (paths, name, UUID, MACs, networks/bridges, emulator).
 *
 * Three parts: facts.ts reads both hosts, checks.ts and plan.ts decide (pure, unit-tested from
 * facts captured in the lab), execute.ts makes it with an undo for everything it creates. The
 * source is only ever read; a failure or a cancel removes what this clone created, nothing else.
 */
import { randomUUID } from 'node:crypto';
import type { CloneOptions, ClonePreview, CloneSpec, HostId, Job } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { toApiError } from '../../ipc';
import { domainCreate, domainDefineXml, domainGetState, domainLookupByUuid } from '../../libvirt/domain';
import { classify, ErrorCode, isAppError, isLibvirtError, isLinkError, withLibvirtHint } from '../../libvirt/errors';
import { volGetPath } from '../../libvirt/storage';
import { randomMac } from '../../xml/build';
import { stateOf } from '../domains';
import { domainNameFree } from '../hostfacts';
import type { HostManager } from '../hosts';
import type { JobContext, JobManager } from '../jobs';
import { deleteCreatedVolume, hostIo } from '../transfer';
import { domainUndoIo, removeDefinition } from '../undo-steps';
import { cloneOptions, cloneRefusals, cloneWarnings } from './checks';
import { copyVolumeAcross, copyVolumeLocal } from './copy';
import { type CloneExecIo, executeClone } from './execute';
import { type CloneFacts, type CloneHosts, collectCloneFacts } from './facts';
import { type ClonePlan, clonePreview, cloneTitle, planClone } from './plan';

export { copyVolumeAcross, copyVolumeLocal } from './copy';

/** What to do next after a failed clone, in the admin's words (libvirt's own message stays as it is). */
export function cloneHint(err: unknown, p: Pick<ClonePlan, 'copies' | 'target' | 'source' | 'verify'>): string | undefined {
  const msg = (err as Error)?.message ?? '';
  const pools = [...new Set(p.copies.map((c) => c.pool))].join(', ');
  const clean = `Nothing the clone made was left on ${p.target.label}; ${p.source.dom.name} on ${p.source.label} was not touched.`;
  if (/No space left on device|not enough space|ENOSPC|Disk quota exceeded/i.test(msg))
    return `Pool ${pools} on ${p.target.label} ran out of space: free space there or pick another pool, then clone again. ${clean}`;
  if (isLinkError(err) || /connection closed|link.*dropped/i.test(msg))
    return `The link to a host dropped during the clone. Vireo reconnects by itself; once both hosts show connected, clone again. ${clean}`;
  if (p.verify === 'sha256' && /differs from|changed size/i.test(msg)) return `The copy did not verify. ${clean}`;
  return undefined;
}

/**
 * The error with what to do next, wrapped (never mutated): an error that already says what to do
 * is kept as it is; libvirt's numbers and message survive in the wrapper's cause.
 */
export function withHint(err: unknown, hint: string | undefined): unknown {
  if (!hint) return err;
  if (isAppError(err)) return err.hint ? err : new AppError(err.code, err.message, { cause: err, hint });
  if (isLibvirtError(err)) return withLibvirtHint(err, hint);
  return new AppError(toApiError(err).code, classify(err).message, { cause: err, hint });
}

export class CloneService {
  private readonly reach: CloneHosts;

  constructor(
    private readonly hosts: HostManager,
    private readonly jobs: JobManager,
  ) {
    this.reach = { io: (id) => hostIo(hosts, id), details: (id) => hosts.details(id) };
  }

  async options(hostId: HostId, uuid: string, targetHostId: HostId): Promise<CloneOptions> {
    return cloneOptions(await collectCloneFacts(this.reach, { hostId, uuid, targetHostId }));
  }

  async preview(spec: CloneSpec): Promise<ClonePreview> {
    return clonePreview((await this.plan(spec)).plan);
  }

  async start(spec: CloneSpec): Promise<{ job: Job; uuid: string; name: string; hostId: HostId }> {
    const { plan } = await this.plan(spec);
    const { job } = this.jobs.start({ kind: 'clone', hostId: spec.targetHostId, domain: spec.name, title: cloneTitle(plan) }, (ctx) =>
      this.run(plan, ctx),
    );
    return { job, uuid: plan.uuid, name: spec.name, hostId: spec.targetHostId };
  }

  /** Facts for the spec, its first refusal thrown as the AppError the wizard shows, else the plan. */
  private async plan(spec: CloneSpec): Promise<{ facts: CloneFacts; plan: ClonePlan }> {
    const uuid = spec.newUuid ?? randomUUID();
    const facts = await collectCloneFacts(this.reach, spec, { spec, uuid });
    const refusal = cloneRefusals(facts, spec)[0];
    if (refusal) throw new AppError(refusal.code, refusal.message, refusal.hint);
    return { facts, plan: planClone(facts, spec, cloneWarnings(facts, spec), randomMac) };
  }

  private run(p: ClonePlan, ctx: JobContext): Promise<void> {
    const src = hostIo(this.hosts, p.source.hostId);
    const dst = hostIo(this.hosts, p.target.hostId);
    const io: CloneExecIo = {
      sourceState: async () => stateOf((await domainGetState(src.rpc(), p.source.dom)).state),
      targetNameFree: (name) => domainNameFree(dst.rpc(), name),
      copyStream: (c, o) =>
        copyVolumeAcross({
          from: src,
          fromVol: c.from.ref,
          fromPath: c.from.vol.path,
          to: dst,
          toPool: c.poolRef,
          toName: c.name,
          block: c.blockPool,
          verify: p.verify,
          ...(p.rateBps ? { rateBps: p.rateBps } : {}),
          signal: o.signal,
          onCreated: o.onCreated,
          onBytes: o.onBytes,
        }),
      copyLocal: (c, onProgress) =>
        copyVolumeLocal({
          rpc: dst.rpc(),
          pool: c.poolRef,
          name: c.name,
          from: c.from.ref,
          capacity: c.from.vol.capacity,
          format: c.from.vol.format ?? 'raw',
          expected: c.bytes,
          onProgress,
        }),
      volumePath: (vol) => volGetPath(dst.rpc(), vol),
      define: (xml) => domainDefineXml(dst.rpc(), { xml }),
      start: async (dom) => void (await domainCreate(dst.rpc(), dom)),
      findDomain: async (uuid) => {
        try {
          return await domainLookupByUuid(dst.rpc(), uuid);
        } catch (err) {
          if (isLibvirtError(err, ErrorCode.NO_DOMAIN)) return null;
          throw err;
        }
      },
      removeDefinition: (dom) =>
        removeDefinition(
          domainUndoIo(() => dst.rpc()),
          dom,
        ),
      deleteVolume: (vol) => deleteCreatedVolume(dst.rpc(), vol),
      targetReady: async () => void (await this.hosts.ready(dst.id, 60_000)),
    };
    return executeClone(p, io, ctx, { explain: (err) => withHint(err, cloneHint(err, p)) });
  }
}
