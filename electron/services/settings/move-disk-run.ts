/**
 * Moves a running VM's disk to another pool as a Job (plan: move-disk.ts): a new volume of the same
 * format and size in the destination pool, libvirt's block copy into it (BLOCK_JOB_2 events say
 * when it is ready, failed or cancelled; the bytes copied are read once a second for the bar),
 * then the pivot: the guest runs on the copy. The next boot's definition is pointed at the copy
 * too, and only then — when asked — the source volume is deleted. Cancel (before the pivot) ends
 * the copy with libvirt's abort and deletes the new volume: the guest never left its source. A
 * Cancel asked while its abort is still on the way stops the pivot (the work sees it at once, not
 * when the abort answered); once the pivot is about to be sent the job is no longer cancellable.
 * A Cancel whose clean-up failed (the copy job not ended, so its volume kept) fails the job saying
 * what is left; a refused Cancel never relabels a failure, and keeps a source chosen for deletion.
 * Once the pivot was sent nothing is undone blindly: a fresh read of the running VM says where the
 * guest runs, and move-disk-pivot.ts (pure) decides — the copy is deleted only while the guest is
 * known to run on its source.
 */
import type { HostId } from '../../../shared/api/common';
import type { JobOf } from '../../../shared/api/jobs';
import { AppError } from '../../../shared/errors';
import { describeUndo, UndoStack } from '../../core/undo';
import type { RpcClient } from '../../libvirt/client';
import {
  domainBlockCopy,
  domainDefineXml,
  domainGetXmlDesc,
  domainIsActive,
  domainIsPersistent,
  domainLookupByUuid,
} from '../../libvirt/domain';
import { isAppError, withLibvirtHint } from '../../libvirt/errors';
import { type DomainRef, DomainXmlFlags } from '../../libvirt/protocol';
import { BlockJobAbortFlags, BlockJobStatus, domainBlockJobAbort, domainGetBlockJobInfo } from '../../libvirt/snapshot';
import {
  poolGetInfo,
  poolGetXmlDesc,
  poolLookupByName,
  volCreateXml,
  volDelete,
  volGetInfo,
  volGetPath,
  volLookupByName,
  volLookupByPath,
} from '../../libvirt/storage';
import { buildDiskXml } from '../../xml/devices';
import { domainToXml, findDisk, openDomain, setDiskPath } from '../../xml/edit';
import { parseDomain } from '../../xml/parse';
import { parsePool } from '../../xml/pool';
import { buildVolumeXml } from '../../xml/volume';
import type { JobContext, JobManager } from '../jobs';
import type { BlockJobEvents } from '../snapshots/blockjobs';
import { type MoveDiskFacts, type MoveDiskPlan, type MoveDiskRequest, planMoveDisk } from './move-disk';
import { type LiveRead, MOVED_CODE, movedBut, type PivotSent, pivotOutcome, UNKNOWN_CODE } from './move-disk-pivot';

/** BlockCopyFlags: the destination is the volume made here (REUSE_EXT); the job need not survive a libvirtd restart. */
const REUSE_EXT = 2;
const TRANSIENT_JOB = 4;
const POOL_RUNNING = 2;

const soft = async <T>(p: Promise<T>): Promise<T | undefined> => p.catch(() => undefined);

/** The busy check's read failed: the move is refused with libvirt's message (a disk in another block job must not be copied). */
const busyUnknown =
  (dom: DomainRef, target: string) =>
  (err: unknown): never => {
    throw new AppError('libvirt', `Could not tell whether ${target} is in another block job: ${(err as Error).message}`, {
      cause: err,
      hint: `Nothing was moved. Check with \`virsh blockjob ${dom.name} ${target}\` (no job listed: try again; a job: wait for it or end it with --abort).`,
    });
  };

export async function moveDiskFacts(rpc: RpcClient, dom: DomainRef, r: MoveDiskRequest): Promise<MoveDiskFacts> {
  const [running, persistent] = await Promise.all([domainIsActive(rpc, dom), domainIsPersistent(rpc, dom)]);
  const m = parseDomain(await domainGetXmlDesc(rpc, dom));
  const d = m.disks.find((x) => x.target === r.target);
  // Only libvirt's "no block job" (no info) is "not busy": a failed read refuses the move (fail closed).
  const busy = running && d ? !!(await domainGetBlockJobInfo(rpc, dom, { disk: r.target }).catch(busyUnknown(dom, r.target))) : false;
  const srcVol = d?.path ? await soft(volLookupByPath(rpc, d.path)) : undefined;
  const srcInfo = srcVol ? await soft(volGetInfo(rpc, srcVol)) : undefined;
  const pool = await soft(poolLookupByName(rpc, r.pool));
  const [poolXml, poolInfo] = pool ? await Promise.all([soft(poolGetXmlDesc(rpc, pool)), soft(poolGetInfo(rpc, pool))]) : [];
  const name = srcVol?.name ?? d?.path?.slice(d.path.lastIndexOf('/') + 1) ?? '';
  const taken = pool && name ? !!(await soft(volLookupByName(rpc, pool, name))) : false;
  const type = poolXml ? parsePool(poolXml).type : undefined;
  return {
    vm: { name: dom.name, running, persistent },
    ...(d
      ? {
          disk: {
            target: r.target,
            device: d.device,
            type: d.type,
            ...(d.bus ? { bus: d.bus } : {}),
            ...(d.path ? { path: d.path } : {}),
            ...(d.driver.type ? { format: d.driver.type } : {}),
            readonly: d.readonly,
            shareable: d.shareable,
            busy,
          },
        }
      : {}),
    ...(srcVol && srcInfo ? { source: { pool: srcVol.pool, name: srcVol.name, capacity: srcInfo.capacity } } : {}),
    dest: { pool: r.pool, ...(type ? { type } : {}), active: poolInfo?.state === POOL_RUNNING, nameTaken: taken },
  };
}

export interface MoveDiskDeps {
  jobs: JobManager;
  rpcOf: (hostId: HostId) => RpcClient;
  blockEvents: BlockJobEvents;
}

/** Checks, then starts the move as a 'disk-move' Job (returned at once; the work goes on). */
export async function startMoveDisk(deps: MoveDiskDeps, hostId: HostId, uuid: string, r: MoveDiskRequest): Promise<JobOf<'disk-move'>> {
  const rpc = deps.rpcOf(hostId);
  const dom = await domainLookupByUuid(rpc, uuid);
  const plan = planMoveDisk(await moveDiskFacts(rpc, dom, r), r);
  let cancelCopy: (() => Promise<void>) | null = null;
  const cancel: CancelState = {};
  const { job, done } = deps.jobs.start(
    {
      kind: 'disk-move',
      hostId,
      domain: dom.name,
      title: `Move ${plan.target} of ${dom.name} to ${plan.to.pool}`,
      detail: { uuid, target: plan.target, from: plan.from, to: { pool: plan.to.pool, volume: plan.to.volume }, figures: {} },
      // libvirt's own cancel (a block-job abort without pivot): the guest stays on its source. The
      // work sees the Cancel at once (ctx.cancelAsked, set before this runs), so it stops before the
      // pivot even while this abort is on the way. The abort's own failure is not the Cancel's: the
      // work ends the copy in its undo (after this abort landed) and the job says how.
      onCancel: async () => {
        cancel.abort = cancelCopy?.().catch(() => {});
        await cancel.abort;
      },
    },
    (ctx) =>
      runMove(deps, hostId, rpc, dom, plan, ctx, cancel, (fn) => {
        cancelCopy = fn;
      }),
  );
  done.catch(() => {}); // the Job records the failure
  return job;
}

/** The abort a Cancel of the move sent, while on the way. */
interface CancelState {
  abort?: Promise<void> | undefined;
}

/** A Cancel the job took (it stops the move); a refused one does not count here. */
const cancelled = (ctx: JobContext<'disk-move'>): boolean => ctx.cancelAsked() === 'accepted' || ctx.signal.aborted;
/** Any Cancel, also one refused past the pivot: the source is then kept even when its deletion was chosen. */
const anyCancel = (ctx: JobContext<'disk-move'>): boolean => ctx.cancelAsked() !== undefined || ctx.signal.aborted;

async function runMove(
  deps: MoveDiskDeps,
  hostId: HostId,
  rpc: RpcClient,
  dom: DomainRef,
  plan: MoveDiskPlan,
  ctx: JobContext<'disk-move'>,
  cancel: CancelState,
  onCancel: (fn: (() => Promise<void>) | null) => void,
): Promise<void> {
  const undo = new UndoStack();
  const started = Date.now();
  try {
    ctx.update({ phase: `making ${plan.to.volume} in ${plan.to.pool}` });
    const pool = await poolLookupByName(rpc, plan.to.pool);
    const vol = await guard(
      volCreateXml(rpc, pool, { xml: buildVolumeXml({ name: plan.to.volume, capacity: plan.to.capacity, format: plan.to.format }) }),
      'Nothing was copied; the disk stays where it is.',
    );
    undo.push(`delete the copy ${plan.to.volume} in ${plan.to.pool}`, () => volDelete(rpc, vol));
    const destPath = await volGetPath(rpc, vol);
    await deps.blockEvents.ensure(rpc).catch(() => {}); // without events, the read below follows the job
    ctx.update({ phase: `copying ${plan.target}` });
    const destXml = buildDiskXml({ type: 'file', path: destPath, format: plan.to.format, target: plan.target, bus: plan.bus ?? 'virtio' });
    await guard(
      domainBlockCopy(rpc, dom, {
        disk: plan.target,
        destXml,
        flags: REUSE_EXT | TRANSIENT_JOB,
        ...(plan.bandwidth ? { bandwidth: plan.bandwidth } : {}),
      }),
      'Nothing was copied; the disk stays where it is.',
    );
    const abort = () => domainBlockJobAbort(rpc, dom, { disk: plan.target });
    // Critical: a copy job libvirt did not end keeps its volume (never deleted under a running mirror).
    // Only libvirt's answer "no job on this disk" means the copy ended; a failed read fails the step.
    undo.push(`end the copy of ${plan.target}`, () => endCopy(rpc, dom, plan.target, abort), { critical: true });
    onCancel(abort);
    await untilReady(deps.blockEvents, rpc, dom, plan.target, ctx, started);

    // Past this point the guest switches to the copy: no cancel. A Cancel asked before (its abort
    // maybe still on the way) wins: no pivot. Nothing is awaited between this check and the switch.
    if (cancelled(ctx)) throw new AppError('canceled', 'The move was cancelled');
    ctx.setCancellable(false);
    onCancel(null);
    ctx.update({ phase: `switching ${plan.target} to the copy (pivot)` });
    // From here on the guest may run on the copy: the undo runs only if a fresh read says it does not.
    const failure = await pivot(rpc, dom, plan.target)
      .then(() => untilGone(deps.blockEvents, rpc, dom, plan.target))
      .then(
        () => undefined,
        (err: unknown) => (err as Error).message,
      );
    const sent: PivotSent = {
      vm: dom.name,
      target: plan.target,
      from: plan.from.path,
      copy: { pool: plan.to.pool, volume: plan.to.volume, path: destPath },
      ...(failure ? { failure } : {}),
    };
    const outcome = pivotOutcome(sent, await readLive(() => deps.rpcOf(hostId), dom));
    if (outcome.kind === 'on-source') throw outcome.error; // the undo ends the copy job, then deletes the copy
    undo.commit(); // moved, or not known: the copy is never deleted from here on
    // Guard only: a Cancel asked before the pivot stops it (above) and one asked later is refused, so
    // no cancel aborts the signal past here; if one ever did, the job says what happened, not "canceled".
    ctx.pastCancel(
      outcome.kind === 'moved'
        ? `the cancel came too late: ${plan.target} had already switched to the copy`
        : `the cancel came too late: the pivot of ${plan.target} had been sent`,
    );
    if (outcome.kind === 'unknown') throw outcome.error;
    await finishMove(rpc, dom, plan, sent, ctx);
  } catch (err) {
    if (isAppError(err, MOVED_CODE) || isAppError(err, UNKNOWN_CODE)) throw err; // past the pivot: nothing to undo
    await cancel.abort; // the cancel's own abort lands first (the undo's would race it)
    const report = await undo.unwind();
    if (cancelled(ctx)) {
      if (!report.failed.length) {
        const ended = report.undone.includes(`end the copy of ${plan.target}`) ? 'libvirt ended the copy; ' : '';
        throw new AppError('canceled', 'The move was cancelled', `${ended}${plan.target} stays on ${plan.from.path}.`);
      }
      // The Cancel stopped the move but its clean-up did not finish: the job fails (not a grey
      // "canceled" without a word), its phase and error saying what is left and what to do.
      const left = describeUndo(report);
      ctx.update({ phase: `cancelled, but ${left}` });
      ctx.pastCancel('the clean-up failed');
      throw new AppError('libvirt', `The move was cancelled, but ${left}`, {
        cause: err,
        hint: `${plan.target} stays on ${plan.from.path}. See the copy job with \`virsh blockjob ${dom.name} ${plan.target}\` (end it with --abort), then delete ${plan.to.volume} in ${plan.to.pool}.`,
      });
    }
    if (report.failed.length) throw new AppError('libvirt', (err as Error).message, { cause: err, hint: describeUndo(report) });
    throw err;
  }
}

/**
 * The guest runs on the copy: the next boot pointed at it (SECURE: no password lost), unless libvirt
 * did it, then — when asked, and no Cancel came — the source deleted. A failure here is a
 * 'disk-moved' error.
 */
async function finishMove(
  rpc: RpcClient,
  dom: DomainRef,
  plan: MoveDiskPlan,
  sent: PivotSent,
  ctx: JobContext<'disk-move'>,
): Promise<void> {
  const destPath = sent.copy.path;
  ctx.update({ phase: 'pointing the next boot at the copy', progress: 0.99 });
  try {
    const inactive = openDomain(await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }));
    const el = findDisk(inactive, plan.target);
    const configPath = el ? parseDomain(domainToXml(inactive)).disks.find((x) => x.target === plan.target)?.path : undefined;
    if (el && configPath === plan.from.path) {
      setDiskPath(el, destPath);
      await domainDefineXml(rpc, { xml: domainToXml(inactive) });
    }
  } catch (err) {
    throw movedBut(sent, 'next-boot', err);
  }
  // A Cancel that came too late (refused once the pivot was on the way) still keeps the source: checked
  // here and again right before the delete (no await in between), so one refused meanwhile keeps it too.
  const keptOnCancel = (): boolean => {
    if (!anyCancel(ctx)) return false;
    ctx.update({ phase: `${plan.target} is in ${plan.to.pool}; source kept: you cancelled`, progress: 1 });
    return true;
  };
  if (plan.deleteSource && keptOnCancel()) return;
  if (plan.deleteSource && plan.from.volume && plan.from.pool) {
    try {
      const names = [await domainGetXmlDesc(rpc, dom), await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE })]
        .flatMap((x) => parseDomain(x).disks)
        .map((x) => x.path);
      if (names.includes(plan.from.path)) throw new Error(`${dom.name} still names it`);
      ctx.update({ phase: `deleting the source ${plan.from.volume} in ${plan.from.pool}` });
      const src = await volLookupByName(rpc, await poolLookupByName(rpc, plan.from.pool), plan.from.volume);
      if (keptOnCancel()) return;
      await volDelete(rpc, src);
    } catch (err) {
      throw movedBut(sent, 'source', err);
    }
  }
  ctx.update({ phase: `${plan.target} is in ${plan.to.pool}`, progress: 1 });
}

/**
 * The undo's "end the copy": nothing to do when libvirt answers that the disk has no block job;
 * otherwise libvirt's abort (synchronous: the job is gone when it returns). An abort refused because
 * the job ended meanwhile counts when a new read says no job. Any failed read throws: the copy is
 * then kept (the undo's critical step), never deleted while its copy job may still run.
 */
async function endCopy(rpc: RpcClient, dom: DomainRef, target: string, abort: () => Promise<void>): Promise<void> {
  if (!(await domainGetBlockJobInfo(rpc, dom, { disk: target }))) return;
  try {
    await abort();
  } catch (err) {
    if (await domainGetBlockJobInfo(rpc, dom, { disk: target })) throw err;
  }
}

/** A fresh read of the running VM's XML (the host's current link), or why it could not be read. */
async function readLive(rpcNow: () => RpcClient, dom: DomainRef): Promise<LiveRead> {
  try {
    return { xml: await domainGetXmlDesc(rpcNow(), dom) };
  } catch (err) {
    return { unreadable: (err as Error).message };
  }
}

/** Follows the copy until libvirt says it is ready (both sides in sync). */
async function untilReady(
  events: BlockJobEvents,
  rpc: RpcClient,
  dom: DomainRef,
  target: string,
  ctx: JobContext<'disk-move'>,
  started: number,
): Promise<void> {
  let atEnd = false;
  for (;;) {
    if (cancelled(ctx)) throw new AppError('canceled', 'The move was cancelled');
    const info = await domainGetBlockJobInfo(rpc, dom, { disk: target });
    if (!info) throw new AppError('libvirt', `The copy of ${target} ended before it was ready`, 'The guest stays on its source.');
    ctx.update({
      progress: info.end > 0 ? (0.95 * info.cur) / info.end : 0,
      detail: { figures: { bytes: info.cur, totalBytes: info.end, elapsedMs: Date.now() - started } },
    });
    const e = await events.next(dom.uuid, target, 1000, ctx.signal);
    if (e?.status === BlockJobStatus.READY) return;
    if (e?.status === BlockJobStatus.FAILED || e?.status === BlockJobStatus.CANCELED) {
      if (cancelled(ctx)) throw new AppError('canceled', 'The move was cancelled');
      throw new AppError(
        'libvirt',
        `libvirt reports the copy of ${target} ${e.status === 1 ? 'failed' : 'cancelled'}`,
        'The guest stays on its source.',
      );
    }
    // The READY event may have been missed (a reconnect): libvirt's figures, twice at the end, say it too.
    if (!e && info.end > 0 && info.cur === info.end) {
      if (atEnd) return;
      atEnd = true;
    } else atEnd = false;
  }
}

/** The pivot; QEMU may say "not ready" a moment after the figures reached the end: asked again. */
async function pivot(rpc: RpcClient, dom: DomainRef, target: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      // No RPC timeout: libvirt answers once QEMU has switched, which a busy QEMU may take long to do.
      await domainBlockJobAbort(rpc, dom, { disk: target, flags: BlockJobAbortFlags.PIVOT, timeoutMs: 0 });
      return;
    } catch (err) {
      if (i >= 10 || !/not ready/i.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** After the pivot: the job is gone once its COMPLETED event came (or the read says so). */
async function untilGone(events: BlockJobEvents, rpc: RpcClient, dom: DomainRef, target: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (!(await domainGetBlockJobInfo(rpc, dom, { disk: target }))) return;
    await events.next(dom.uuid, target, 200);
  }
  throw new AppError('libvirt', `The pivot of ${target} did not finish in 10 s`, 'virsh blockjob shows the job; the source is kept.');
}

async function guard<T>(p: Promise<T>, hint: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw withLibvirtHint(err, hint);
  }
}
