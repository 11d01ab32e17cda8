/**
 * Live and offline migration as Jobs: pre-flight (preflight.ts), then libvirt's v3 sequence held
 * by the app (direct) or run by the source host (peer-to-peer), followed live from the source's
 * job stats (every 250 ms) and migration-iteration events, steerable while it runs (downtime,
 * bandwidth, post-copy, throttle, suspend), and judged at the end from both hosts: the VM runs on
 * exactly one of them, and no disk of it is ever deleted.
 *
 * A peer-to-peer migration belongs to the source host: when the app's link drops (or the app
 * restarts), the host keeps migrating; on reconnect the app finds the job in the host's job stats
 * (operation = migration out) and follows it again.
 */
import type {
  HostId,
  Job,
  MIGRATION_FIXES,
  MigrationControl,
  MigrationHostState,
  MigrationInfo,
  MigrationPlan,
  MigrationResult,
  MigrationSpec,
} from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import {
  domainAbortJob,
  domainDefineXml,
  domainGetJobStats,
  domainGetSchedulerParameters,
  domainGetState,
  domainGetXmlDesc,
  domainListAll,
  domainLookupByUuid,
  domainResume,
  domainSetSchedulerParameters,
  domainSuspend,
  domainUndefine,
} from '../../libvirt/domain';
import { ConnectionClosedError, ErrorCode } from '../../libvirt/errors';
import { DomainEvents } from '../../libvirt/events';
import {
  MigrationError,
  type MigrationStep,
  migrateDirect,
  migratePeerToPeer,
  migrateSetMaxDowntime,
  migrateSetMaxSpeed,
  migrateStartPostCopy,
} from '../../libvirt/migration';
import type { ParamRecord } from '../../libvirt/params';
import {
  type DomainRef,
  DomainXmlFlags,
  Impact,
  JobOperation,
  JobStatsFlags,
  JobType,
  ListDomainsFlags,
  type StorageVolRef,
  UndefineFlags,
} from '../../libvirt/protocol';
import { poolLookupByName, poolRefresh, volCreateXml, volDownload, volLookupByPath, volUpload } from '../../libvirt/storage';
import { stateOf } from '../domains';
import type { HostManager } from '../hosts';
import type { JobContext, JobManager } from '../jobs';
import { type CleanupPlan, describeState, type HostView, planCleanup } from './cleanup';
import { type Figures, ProgressTracker, progressOf, rankRemedies, UNLIMITED_MIBPS } from './progress';
import { applyFix, type DiskPlan, type Preflight, runPreflight } from '../preflight';
import { deleteCreatedVolume, hostIo, pipeBytes } from '../transfer';

const POLL_MS = 250;

const STEP_PHASE: Record<MigrationStep, (a: string, b: string) => string> = {
  begin: (a) => `starting on ${a}`,
  prepare: (_a, b) => `preparing ${b}`,
  perform: () => 'transferring memory',
  finish: (_a, b) => `starting the guest on ${b}`,
  confirm: (a) => `confirming on ${a}`,
};
const STEP_WORDS: Record<MigrationStep, string> = {
  begin: 'starting on the source',
  prepare: 'preparing the destination',
  perform: 'transferring',
  finish: 'starting the guest on the destination',
  confirm: 'confirming on the source',
};

interface Run {
  jobId: string;
  ctx: JobContext | null;
  srcHostId: HostId;
  srcConn: LibvirtConnection;
  dom: DomainRef;
  uuid: string;
  name: string;
  destHostId?: HostId;
  destName: string;
  spec?: MigrationSpec;
  pre?: Preflight;
  reattached: boolean;
  startedAt: number;
  tracker: ProgressTracker;
  controls: MigrationInfo['controls'];
  postCopyAllowed: boolean | null;
  log: { at: number; text: string }[];
  result?: MigrationResult;
  /** The jobCompleted event's stats (the final figures, downtime included). */
  completed?: ParamRecord;
  /** The vCPU quota before we throttled, to restore. */
  throttle?: { period: number; quota: number };
  /** The max downtime still to apply once the transfer runs. */
  pendingDowntime?: number;
  phase: string;
  running: boolean;
  seenJob: boolean;
  wake: (() => void) | null;
  copying: boolean;
  /** Live copy: what libvirt knew at each destination path before the job (see volumesBefore). */
  before?: Map<string, 'yes' | 'no' | 'unknown'>;
}

/** What one host shows for the migrating VM. */
type HostRead = HostView & { hostId: HostId; persistent: boolean; name?: string };
/** What the source and the destination show after the migration call. */
interface Placed {
  source: HostRead;
  dest: HostRead | null;
}

function toHostState(v: HostRead): MigrationHostState {
  const detail = v.state === 'unreadable' ? v.detail : /\((.+)\)$/.exec(describeState(v))?.[1];
  return {
    hostId: v.hostId,
    hostName: v.hostName,
    state: v.state === 'unreadable' ? 'unknown' : v.state,
    persistent: v.persistent,
    ...(v.name ? { name: v.name } : {}),
    ...(detail ? { detail } : {}),
  };
}

const sleep = (ms: number, run?: Run): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      if (run) run.wake = null;
      resolve();
    }
    if (run) run.wake = done;
  });

function isLinkError(err: unknown): boolean {
  const n = (err as Error)?.name;
  return n === 'ConnectionClosedError' || n === 'SshError';
}

function libvirtCode(err: unknown): number | undefined {
  const e = err as { name?: string; code?: unknown };
  return e?.name === 'LibvirtError' && typeof e.code === 'number' ? e.code : undefined;
}

export class MigrationService {
  private runs = new Map<string, Run>();
  /** Runs by source host + UUID: one follower per migration. */
  private bySource = new Map<string, Run>();
  private watchers = new Map<HostId, () => void>();

  constructor(
    private readonly hosts: HostManager,
    private readonly jobs: JobManager,
  ) {
    hosts.on('connected', (hostId: HostId, conn: LibvirtConnection) => this.watch(hostId, conn));
    hosts.on('disconnected', (hostId: HostId) => this.unwatch(hostId));
  }

  async preflight(spec: MigrationSpec): Promise<MigrationPlan> {
    return (await runPreflight(this.hosts, spec)).plan;
  }

  async fix(spec: MigrationSpec, fix: (typeof MIGRATION_FIXES)[number]): Promise<MigrationPlan> {
    await applyFix(this.hosts, spec, fix);
    return this.preflight(spec);
  }

  /** Checks again and starts the Job. `skipChecks` is for tests that provoke libvirt's own refusals. */
  async start(spec: MigrationSpec, opts: { skipChecks?: boolean } = {}): Promise<Job> {
    const pre = await runPreflight(this.hosts, spec);
    if (!pre.plan.canStart && !opts.skipChecks) {
      const failed = pre.plan.checks.filter((c) => c.status === 'fail');
      throw new AppError(
        'preflight-failed',
        `Pre-flight checks failed: ${failed.map((c) => `${c.title}: ${c.message}`).join(' — ')}`,
        'Nothing was changed. Fix what the checks say (the wizard offers fixes) and try again.',
      );
    }
    const key = `${spec.hostId}/${spec.uuid}`;
    if (this.bySource.get(key)?.running)
      throw new AppError('busy', `${pre.name} is already being migrated`, 'Follow it in the Jobs panel.');
    const run = this.newRun({
      srcHostId: spec.hostId,
      dom: pre.dom,
      destHostId: spec.destHostId,
      destName: pre.destName,
      spec,
      pre,
      reattached: false,
      postCopyAllowed: spec.mode === 'live' ? spec.postCopy : false,
    });
    if (spec.bandwidthMiBps) run.controls.bandwidthMiBps = spec.bandwidthMiBps;
    if (spec.maxDowntimeMs) run.pendingDowntime = spec.maxDowntimeMs;
    const B = this.hosts.name(spec.destHostId);
    return this.launch(run, `Migrate ${pre.name} to ${B}`, () => this.execute(run));
  }

  get(jobId: string): MigrationInfo {
    return this.info(this.runOf(jobId));
  }

  async control(jobId: string, c: MigrationControl): Promise<MigrationInfo> {
    const run = this.runOf(jobId);
    if (!run.running) throw new AppError('not-running', `The migration of ${run.name} is over`, 'Nothing to steer any more.');
    const rpc = run.srcConn.rpc;
    const A = this.hosts.name(run.srcHostId);
    try {
      switch (c.action) {
        case 'max-downtime':
          if (!run.seenJob) {
            run.pendingDowntime = c.ms;
            this.note(run, `Max downtime ${c.ms} ms (applied when the transfer starts)`);
            break;
          }
          await migrateSetMaxDowntime(rpc, run.dom, { ms: c.ms });
          run.controls.maxDowntimeMs = c.ms;
          this.note(run, `Max downtime set to ${(c.ms / 1000).toFixed(1)} s`);
          break;
        case 'bandwidth': {
          await migrateSetMaxSpeed(rpc, run.dom, { mibps: c.mibps === 0 ? UNLIMITED_MIBPS : c.mibps });
          if (c.mibps === 0) delete run.controls.bandwidthMiBps;
          else run.controls.bandwidthMiBps = c.mibps;
          this.note(run, c.mibps === 0 ? 'Bandwidth limit lifted' : `Bandwidth limited to ${c.mibps} MiB/s`);
          break;
        }
        case 'postcopy':
          if (run.postCopyAllowed === false) {
            throw new AppError(
              'not-allowed',
              'Post-copy was not allowed when this migration started',
              'Use another remedy, or cancel and start again with "Allow post-copy".',
            );
          }
          await migrateStartPostCopy(rpc, run.dom);
          run.controls.postCopy = true;
          this.setCancellable(run, false);
          this.note(run, 'Switched to post-copy: the guest now runs on the destination while the rest of its memory follows');
          break;
        case 'throttle': {
          if (!run.throttle) {
            const cur = await domainGetSchedulerParameters(rpc, run.dom, { flags: Impact.LIVE });
            run.throttle = { period: Number(cur.vcpu_period ?? 100_000), quota: Number(cur.vcpu_quota ?? -1) };
          }
          await domainSetSchedulerParameters(rpc, run.dom, {
            params: { vcpu_period: 100_000, vcpu_quota: c.percent * 1000 },
            flags: Impact.LIVE,
          });
          run.controls.throttlePercent = c.percent;
          this.note(run, `Guest vCPUs capped at ${c.percent} % of a CPU each (lifted when it is over)`);
          break;
        }
        case 'suspend':
          await domainSuspend(rpc, run.dom);
          run.controls.suspended = true;
          this.note(run, `Guest paused on ${A} to let the migration finish (it resumes on the destination)`);
          break;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('libvirt', `${(err as Error).message}`, 'The migration goes on unchanged.');
    }
    run.tracker.reset();
    run.wake?.();
    return this.info(run);
  }

  dispose(): void {
    for (const id of [...this.watchers.keys()]) this.unwatch(id);
  }

  // ---- runs -----------------------------------------------------------------------------------------

  private newRun(o: {
    srcHostId: HostId;
    dom: DomainRef;
    destHostId?: HostId;
    destName: string;
    spec?: MigrationSpec;
    pre?: Preflight;
    reattached: boolean;
    postCopyAllowed: boolean | null;
  }): Run {
    const now = Date.now();
    return {
      jobId: '',
      ctx: null,
      srcHostId: o.srcHostId,
      srcConn: this.hosts.connection(o.srcHostId),
      dom: o.dom,
      uuid: o.dom.uuid,
      name: o.dom.name,
      ...(o.destHostId ? { destHostId: o.destHostId } : {}),
      destName: o.destName,
      ...(o.spec ? { spec: o.spec } : {}),
      ...(o.pre ? { pre: o.pre } : {}),
      reattached: o.reattached,
      startedAt: now,
      tracker: new ProgressTracker(now),
      controls: { suspended: false, postCopy: false },
      postCopyAllowed: o.postCopyAllowed,
      log: [],
      phase: 'starting',
      running: true,
      seenJob: false,
      wake: null,
      copying: false,
    };
  }

  private launch(run: Run, title: string, work: () => Promise<void>): Job {
    const key = `${run.srcHostId}/${run.uuid}`;
    this.bySource.set(key, run);
    const { job, done } = this.jobs.start(
      {
        kind: 'migration',
        hostId: run.srcHostId,
        domain: run.name,
        title,
        onCancel: () => this.cancel(run),
      },
      async (ctx) => {
        run.ctx = ctx;
        await Promise.resolve(); // run.jobId is set once start() returns
        try {
          await work();
        } finally {
          run.running = false;
          run.wake?.();
          if (this.bySource.get(key) === run) this.bySource.delete(key);
        }
      },
    );
    run.jobId = job.id;
    this.runs.set(job.id, run);
    done.catch(() => {});
    return job;
  }

  private runOf(jobId: string): Run {
    const run = this.runs.get(jobId);
    if (!run) throw new AppError('not-found', `No migration job ${jobId}`, 'It may belong to an earlier session of the app.');
    return run;
  }

  private note(run: Run, text: string): void {
    run.log.push({ at: Date.now(), text });
    if (run.log.length > 200) run.log.shift();
    run.ctx?.update({ phase: run.phase });
  }

  private setPhase(run: Run, phase: string, extra?: { progress?: number; figures?: Figures }): void {
    run.phase = phase;
    run.ctx?.update({ phase, ...(extra ?? {}) });
  }

  private setCancellable(run: Run, on: boolean): void {
    try {
      const job = this.jobs.get(run.jobId);
      if (job.cancellable !== on) {
        job.cancellable = on;
        run.ctx?.update({ phase: run.phase });
      }
    } catch {
      // finished meanwhile
    }
  }

  private async cancel(run: Run): Promise<void> {
    if (run.controls.postCopy)
      throw new AppError('not-cancellable', 'A post-copy migration cannot be cancelled: the guest already runs on the destination');
    this.note(run, 'Cancel requested');
    if (run.copying) return; // the job's signal stops the disk copy
    try {
      await domainAbortJob(run.srcConn.rpc, run.dom);
    } catch (err) {
      // No job any more: it ended on its own (the outcome check tells where the VM is).
      this.note(run, `Abort: ${(err as Error).message}`);
    }
  }

  private info(run: Run): MigrationInfo {
    const nc = run.running ? run.tracker.nonConverging : null;
    return {
      jobId: run.jobId,
      source: { hostId: run.srcHostId, hostName: this.hostName(run.srcHostId), uuid: run.uuid, name: run.name },
      ...(run.destHostId ? { dest: { hostId: run.destHostId, hostName: this.hostName(run.destHostId), name: run.destName } } : {}),
      ...(run.spec ? { spec: run.spec } : {}),
      reattached: run.reattached,
      postCopyAllowed: run.postCopyAllowed,
      controls: { ...run.controls },
      samples: run.tracker.history.slice(),
      ...(nc ? { nonConvergence: nc } : {}),
      remedies: nc
        ? rankRemedies({
            figures: run.tracker.last,
            bandwidthMiBps: run.controls.bandwidthMiBps,
            postCopyAllowed: run.postCopyAllowed,
            postCopyActive: run.controls.postCopy,
            throttlePercent: run.controls.throttlePercent,
            suspended: run.controls.suspended,
            maxDowntimeMs: run.controls.maxDowntimeMs,
          })
        : [],
      log: run.log.slice(),
      ...(run.result ? { result: run.result } : {}),
    };
  }

  private hostName(id: HostId): string {
    try {
      return this.hosts.name(id);
    } catch {
      return id;
    }
  }

  // ---- the migration itself -------------------------------------------------------------------

  private async execute(run: Run): Promise<void> {
    const spec = run.spec as MigrationSpec;
    const pre = run.pre as Preflight;
    const A = this.hosts.name(spec.hostId);
    const B = this.hosts.name(spec.destHostId);
    const srcRpc = run.srcConn.rpc;
    const dstConn = this.hosts.connection(spec.destHostId);
    const created: { vol: StorageVolRef }[] = [];
    this.note(
      run,
      `Started: ${pre.plan.flags.join(' ')} (${spec.transport === 'p2p' ? `${A} drives it` : 'the app holds both connections'})`,
    );

    const params: Record<string, string | number | string[]> = { ...pre.params };
    try {
      if (spec.mode === 'live' && spec.storage === 'copy') run.before = await this.volumesBefore(dstConn.rpc, pre.disks);
      if (spec.mode === 'offline' && spec.storage === 'copy') {
        run.copying = true;
        await this.copyDisksOffline(run, pre, created);
        run.copying = false;
      }
      this.setPhase(run, spec.mode === 'live' ? `starting on ${A}` : `moving the definition to ${B}`);
      const poller = spec.mode === 'live' ? this.pollWhile(run) : null;
      try {
        if (spec.transport === 'p2p') {
          this.setPhase(run, spec.mode === 'live' ? `${A} migrates to ${B}` : `${A} moves the definition to ${B}`);
          try {
            await migratePeerToPeer(srcRpc, run.dom, { dconnuri: pre.peerUri as string, params, flags: pre.flags });
          } catch (err) {
            if (!isLinkError(err) || spec.mode !== 'live') throw err;
            // The source host goes on without us: follow it once the link is back.
            await poller?.stop();
            this.note(run, `Lost the link to ${A} (${(err as Error).message}); the migration goes on on ${A}`);
            this.setPhase(run, `link to ${A} lost: the migration goes on there`);
            await this.followUntilDone(run);
          }
        } else {
          // Without the link to B the transfer can never be finished: stop it on A at once (the
          // guest goes on there) rather than let it run to the end for nothing.
          const dstRpc = dstConn.rpc;
          let step: MigrationStep = 'begin';
          let dropped: Error | undefined;
          const onDrop = (why?: Error) => {
            dropped = new ConnectionClosedError(B, why);
            if (step !== 'perform') return;
            this.note(
              run,
              `Lost the link to ${B} during the transfer (${dropped.message}): stopping it on ${A}, where ${run.name} goes on`,
            );
            domainAbortJob(srcRpc, run.dom).catch((e: Error) => this.note(run, `Could not stop the transfer on ${A}: ${e.message}`));
          };
          dstRpc.once('close', onDrop);
          try {
            await migrateDirect({
              src: srcRpc,
              dst: dstRpc,
              dom: run.dom,
              flags: pre.flags,
              params,
              onStep: (s) => {
                step = s;
                if (s === 'finish' || s === 'confirm') this.setCancellable(run, false);
                this.setPhase(run, STEP_PHASE[s](A, B));
              },
            });
          } catch (err) {
            // The abort above is ours, not the user's: report the dropped link as the cause.
            if (dropped && err instanceof MigrationError && !isLinkError(err.cause) && !run.ctx?.signal.aborted)
              throw new MigrationError(err.step, dropped, err.guestOn);
            throw err;
          } finally {
            dstRpc.off('close', onDrop);
          }
        }
      } finally {
        await poller?.stop();
      }
      await this.finishMoved(run, created.length > 0);
    } catch (err) {
      await this.afterFailure(run, err, created);
    }
  }

  /** Reads job stats while the migration runs; `stop()` ends it after the call in flight. */
  private pollWhile(run: Run): { stop: () => Promise<void> } {
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        await this.pollOnce(run);
        if (stopped) break;
        await sleep(POLL_MS, run);
      }
    })();
    return {
      stop: async () => {
        stopped = true;
        run.wake?.();
        await loop;
      },
    };
  }

  /** One job-stats read: figures, phase, pending controls. Returns the job type (or null when unreadable). */
  private async pollOnce(run: Run): Promise<number | null> {
    let stats: { type: number; stats: ParamRecord };
    try {
      stats = await domainGetJobStats(run.srcConn.rpc, run.dom, { timeoutMs: 5_000 });
    } catch (err) {
      // Gone from the source (moved and undefined), or no longer running there: no job.
      const code = libvirtCode(err);
      return code === ErrorCode.NO_DOMAIN || code === ErrorCode.OPERATION_INVALID ? JobType.NONE : null;
    }
    if (stats.type === JobType.NONE) return stats.type;
    run.seenJob = true;
    const f = run.tracker.push(stats.stats, Date.now());
    if (run.pendingDowntime !== undefined && (f.memTotal ?? 0) > 0) {
      const ms = run.pendingDowntime;
      run.pendingDowntime = undefined;
      migrateSetMaxDowntime(run.srcConn.rpc, run.dom, { ms }).then(
        () => {
          run.controls.maxDowntimeMs = ms;
          this.note(run, `Max downtime set to ${(ms / 1000).toFixed(1)} s`);
        },
        (err: Error) => this.note(run, `Could not set max downtime: ${err.message}`),
      );
    }
    if (run.controls.postCopy || Number(stats.stats.memory_postcopy_requests ?? 0) > 0) f.postcopy = 1;
    if (run.controls.bandwidthMiBps) f.bandwidthMiBps = run.controls.bandwidthMiBps;
    if (run.controls.maxDowntimeMs) f.maxDowntimeMs = run.controls.maxDowntimeMs;
    const B = run.destHostId ? this.hostName(run.destHostId) : 'the destination';
    let phase: string;
    if (f.postcopy) phase = `post-copy: running on ${B}, fetching the rest`;
    else if ((f.diskRemaining ?? 0) > 0 && (f.memProcessed ?? 0) === 0) phase = 'copying disks';
    else if (f.nonConverging) phase = `not converging (pass ${f.iteration ?? '?'})`;
    else phase = `transferring memory${(f.iteration ?? 0) > 1 ? ` (pass ${f.iteration})` : ''}`;
    if (run.controls.suspended && !f.postcopy) phase = `finishing with the guest paused (pass ${f.iteration ?? '?'})`;
    if (run.phase.startsWith('link to')) phase = `${phase} (following ${this.hostName(run.srcHostId)} again)`;
    run.phase = phase;
    run.ctx?.update({ phase, progress: progressOf(f), figures: f });
    return stats.type;
  }

  /** After a lost link (or for a migration found on the host): follow the host's job until it ends. */
  private async followUntilDone(run: Run): Promise<void> {
    const A = this.hostName(run.srcHostId);
    for (;;) {
      try {
        await run.srcConn.ready(120_000);
      } catch (err) {
        throw new AppError(
          'link-lost',
          `Lost ${A} and could not reach it again (${(err as Error).message})`,
          `A peer-to-peer migration goes on on ${A} without Vireo: reconnect ${A} and Vireo finds it again.`,
        );
      }
      const type = await this.pollOnce(run);
      if (type === JobType.NONE) return;
      await sleep(POLL_MS, run);
    }
  }

  /** The migration call returned: check where the VM is, restore what we changed, report. */
  private async finishMoved(run: Run, copied: boolean): Promise<void> {
    const placed = await this.placement(run);
    const plan = this.cleanupPlan(run, placed, []);
    if (plan.outcome !== 'moved') {
      const err = await this.jobError(run);
      throw Object.assign(
        new AppError('migration-failed', err ?? `The migration of ${run.name} ended, but it does not run on the destination`),
        { placed },
      );
    }
    const source = toHostState(placed.source);
    const dest = placed.dest ? toHostState(placed.dest) : undefined;
    await this.restoreAfter(run, plan, { source, ...(dest ? { dest } : {}) });
    await this.completeDefinitions(run, { source, ...(dest ? { dest } : {}) });
    const f = await this.finalFigures(run, { ...(dest ? { dest } : {}) });
    const B = dest?.hostName ?? '?';
    run.result = {
      outcome: 'moved',
      message: `${run.name} ${dest?.state === 'shutoff' ? 'is defined' : 'runs'} on ${B}${dest?.name && dest.name !== run.name ? ` as ${dest.name}` : ''}${
        dest?.state === 'shutoff' ? ' (shut off)' : ''
      }${copied ? ', with its disks copied' : ''}.`,
      totalMs: Date.now() - run.startedAt,
      ...(f.downtimeMs !== undefined ? { downtimeMs: f.downtimeMs } : {}),
      ...(f.dataSent !== undefined ? { dataBytes: f.dataSent } : {}),
      source,
      ...(dest ? { dest } : {}),
    };
    this.note(run, run.result.message);
    run.ctx?.update({
      phase: 'done',
      progress: 1,
      figures: { ...f, totalMs: run.result.totalMs, nonConverging: 0, dataRemaining: 0, memRemaining: 0, etaSec: 0 },
    });
  }

  /**
   * What was asked of the definitions, when libvirt's last steps did not get to it (an error at
   * Finish after the guest already ran on the destination): keep it there, remove it from the
   * source. Only definitions: no disk is touched.
   */
  private async completeDefinitions(run: Run, placed: { source: MigrationHostState; dest?: MigrationHostState }): Promise<void> {
    const spec = run.spec;
    const dest = placed.dest;
    if (!spec || !dest || dest.state === 'absent') return;
    try {
      if (spec.persist && !dest.persistent) {
        const rpc = this.hosts.connection(dest.hostId).rpc;
        const d = await domainLookupByUuid(rpc, run.uuid);
        await domainDefineXml(rpc, { xml: await domainGetXmlDesc(rpc, d, { flags: DomainXmlFlags.SECURE | DomainXmlFlags.MIGRATABLE }) });
        dest.persistent = true;
        this.note(run, `Made the definition on ${dest.hostName} persistent (libvirt had not)`);
      }
      if (spec.undefineSource && placed.source.state === 'shutoff' && placed.source.persistent) {
        const rpc = this.hosts.connection(run.srcHostId).rpc;
        await domainUndefine(rpc, await domainLookupByUuid(rpc, run.uuid), {
          flags:
            UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA | UndefineFlags.CHECKPOINTS_METADATA | UndefineFlags.KEEP_NVRAM,
        });
        placed.source.state = 'absent';
        placed.source.persistent = false;
        this.note(run, `Removed the definition from ${placed.source.hostName} (libvirt had not; its disks are kept)`);
      }
    } catch (err) {
      this.note(run, `Could not finish the definitions: ${(err as Error).message}`);
    }
  }

  private async finalFigures(run: Run, placed: { dest?: MigrationHostState }): Promise<Figures> {
    // The jobCompleted event usually beats us here; give it a moment, then ask the destination.
    for (let i = 0; i < 10 && !run.completed; i++) await sleep(100);
    let s = run.completed;
    if (!s && placed.dest && placed.dest.state !== 'absent') {
      try {
        const rpc = this.hosts.connection(placed.dest.hostId).rpc;
        const dom = await domainLookupByUuid(rpc, run.uuid);
        const st = await domainGetJobStats(rpc, dom, { flags: JobStatsFlags.COMPLETED });
        if (st.type === JobType.COMPLETED) s = st.stats;
      } catch {
        // no figures: the result shows what we have
      }
    }
    const f: Figures = {};
    if (s) {
      const n = (k: string) => (s?.[k] === undefined ? undefined : Number(s[k]));
      const downtime = n('downtime');
      if (downtime !== undefined) f.downtimeMs = downtime;
      const data = n('data_processed') ?? (n('memory_processed') ?? 0) + (n('disk_processed') ?? 0);
      if (data !== undefined) f.dataSent = data;
      const elapsed = n('time_elapsed');
      if (elapsed !== undefined) f.elapsedMs = elapsed;
    }
    return f;
  }

  /** What each host shows now: the source, and the destination (the planned one, else where the VM turned up). */
  private async placement(run: Run): Promise<Placed> {
    // The planned destination is asked even while it reconnects (view() waits for it).
    const others = [...new Set([...(run.destHostId ? [run.destHostId] : []), ...this.hosts.connectedIds()])].filter(
      (id) => id !== run.srcHostId,
    );
    const [source, ...views] = await Promise.all([run.srcHostId, ...others].map((id) => this.view(id, run.uuid)));
    const found = (v: HostRead) => v.state !== 'absent' && v.state !== 'unreadable';
    let dest: HostRead | null = null;
    if (run.destHostId) {
      const planned = views.find((v) => v.hostId === run.destHostId) ?? {
        hostId: run.destHostId,
        hostName: this.hostName(run.destHostId),
        state: 'unreadable' as const,
        reason: 0,
        persistent: false,
        detail: 'not connected',
      };
      // The planned destination, unless it has nothing and the VM runs on another connected host.
      dest = planned.state === 'absent' ? (views.find((v) => found(v) && v.state !== 'shutoff') ?? planned) : planned;
    } else {
      dest = views.find((v) => found(v) && v.state !== 'shutoff') ?? views.find(found) ?? null;
      if (dest) {
        run.destHostId = dest.hostId;
        run.destName = dest.name ?? run.name;
      }
    }
    return { source: source as HostRead, dest };
  }

  /** What one host shows for the VM; a host that does not answer says so (never throws). */
  private async view(hostId: HostId, uuid: string): Promise<HostRead> {
    const hostName = this.hostName(hostId);
    try {
      const rpc = await this.hosts.ready(hostId, 30_000);
      const dom = await domainLookupByUuid(rpc, uuid);
      const [st, persistent] = await Promise.all([domainGetState(rpc, dom), domainListAll(rpc, { flags: ListDomainsFlags.PERSISTENT })]);
      return {
        hostId,
        hostName,
        state: stateOf(st.state),
        reason: st.reason,
        persistent: persistent.some((d) => d.uuid === uuid),
        name: dom.name,
      };
    } catch (err) {
      if (libvirtCode(err) === ErrorCode.NO_DOMAIN) return { hostId, hostName, state: 'absent', reason: 0, persistent: false };
      return { hostId, hostName, state: 'unreadable', reason: 0, persistent: false, detail: (err as Error).message };
    }
  }

  /** The facts of this run as the pure cleanup decision takes them. */
  private cleanupPlan(run: Run, placed: Placed, created: { vol: StorageVolRef }[]): CleanupPlan {
    const spec = run.spec;
    const liveCopy = spec?.mode === 'live' && spec.storage === 'copy';
    return planCleanup({
      name: run.name,
      mode: spec?.mode ?? 'live',
      source: placed.source,
      dest: placed.dest,
      wasPaused: run.pre?.state === 'paused',
      steeredPause: run.controls.suspended,
      throttled: !!run.throttle,
      created: created.map((c) => `${c.vol.pool}/${c.vol.name}`),
      liveCopies:
        liveCopy && run.pre
          ? run.pre.disks
              .filter((d) => d.copy && d.type === 'file')
              .map((d) => ({ path: d.dest, probeSaw: d.preexisting, libvirtSaw: run.before?.get(d.dest) ?? 'unknown' }))
          : [],
    });
  }

  /** Before a live disk copy: which destination paths libvirt already knows as volumes (never ours to delete). */
  private async volumesBefore(rpc: RpcClient, disks: DiskPlan[]): Promise<Map<string, 'yes' | 'no' | 'unknown'>> {
    const out = new Map<string, 'yes' | 'no' | 'unknown'>();
    for (const d of disks.filter((x) => x.copy && x.type === 'file')) {
      // A file put there behind libvirt's back shows up once its pool is refreshed.
      let refreshed = false;
      if (d.destPool) {
        try {
          await poolRefresh(rpc, await poolLookupByName(rpc, d.destPool));
          refreshed = true;
        } catch {
          // not refreshed: a "no" below is not trusted
        }
      }
      try {
        await volLookupByPath(rpc, d.dest);
        out.set(d.dest, 'yes');
      } catch (err) {
        out.set(d.dest, refreshed && libvirtCode(err) === ErrorCode.NO_STORAGE_VOL ? 'no' : 'unknown');
      }
    }
    return out;
  }

  /** Undo our steering where the plan says: the vCPU cap, the pause (never a post-copy one). */
  private async restoreAfter(
    run: Run,
    plan: CleanupPlan,
    placed: { source: MigrationHostState; dest?: MigrationHostState },
  ): Promise<void> {
    for (const a of plan.actions) {
      if (a.kind !== 'lift-throttle' && a.kind !== 'resume') continue;
      const where = a.on === 'dest' ? placed.dest : placed.source;
      if (!where) continue;
      try {
        const rpc = await this.hosts.ready(where.hostId, 30_000);
        const dom = await domainLookupByUuid(rpc, run.uuid);
        if (a.kind === 'lift-throttle' && run.throttle) {
          await domainSetSchedulerParameters(rpc, dom, {
            params: { vcpu_period: run.throttle.period, vcpu_quota: run.throttle.quota },
            flags: Impact.LIVE,
          });
          this.note(run, `vCPU cap lifted on ${where.hostName}`);
        } else if (a.kind === 'resume') {
          await domainResume(rpc, dom);
          where.state = 'running';
          this.note(run, `${run.name} resumed on ${where.hostName}`);
        }
      } catch (err) {
        this.note(
          run,
          a.kind === 'resume'
            ? `Could not resume ${run.name} on ${where.hostName}: ${(err as Error).message}`
            : `Could not lift the vCPU cap on ${where.hostName}: ${(err as Error).message} (virsh schedinfo ${run.name} --live --set vcpu_quota=-1)`,
        );
      }
    }
  }

  /** libvirt's own words for why the last job failed (from the source's completed-job stats). */
  private async jobError(run: Run): Promise<string | undefined> {
    try {
      const st = await domainGetJobStats(run.srcConn.rpc, run.dom, { flags: JobStatsFlags.COMPLETED });
      const msg = st.stats.errmsg;
      if (typeof msg === 'string' && msg) return msg;
      if (st.type === JobType.CANCELLED) return 'operation aborted: migration out job: canceled by client';
    } catch {
      // not available
    }
    return undefined;
  }

  /**
   * A failed migration: read what each host shows, then only what the cleanup plan allows —
   * remove what this job created and undo its pause when the VM stayed; change nothing when it
   * is unknown where the VM runs, and say what each host shows and what to do.
   */
  private async afterFailure(run: Run, err: unknown, created: { vol: StorageVolRef }[]): Promise<never> {
    const A = this.hostName(run.srcHostId);
    const B = run.destHostId ? this.hostName(run.destHostId) : 'the destination';
    const cause = err instanceof MigrationError ? err.cause : (err as Error);
    const step = err instanceof MigrationError ? err.step : undefined;
    if (isLinkError(cause) || isLinkError(err)) this.setPhase(run, `link lost: checking where ${run.name} is`);
    else this.setPhase(run, `failed: checking where ${run.name} is`);
    const placed = (err as { placed?: Placed }).placed ?? (await this.placement(run));
    const plan = this.cleanupPlan(run, placed, created);
    const source = toHostState(placed.source);
    const dest = placed.dest ? toHostState(placed.dest) : undefined;
    await this.restoreAfter(run, plan, { source, ...(dest ? { dest } : {}) });
    for (const a of plan.actions) {
      if (a.kind !== 'delete-created' && a.kind !== 'delete-live-copy') continue;
      // Volumes this job (offline copy) or libvirt (live copy) created on the destination, the VM not there.
      const what = a.kind === 'delete-created' ? a.name : a.path;
      try {
        const rpc = await this.hosts.ready(run.destHostId as HostId);
        const vol =
          a.kind === 'delete-created'
            ? created.find((c) => `${c.vol.pool}/${c.vol.name}` === a.name)?.vol
            : await volLookupByPath(rpc, a.path);
        if (vol) await deleteCreatedVolume(rpc, vol);
        this.note(run, `Removed the partial copy ${what} on ${B}`);
      } catch (e) {
        if (a.kind === 'delete-live-copy' && libvirtCode(e) === ErrorCode.NO_STORAGE_VOL) continue; // never created (the failure came first)
        this.note(run, `Could not remove the partial copy ${what} on ${B}: ${(e as Error).message}`);
      }
    }
    const where =
      plan.outcome === 'stayed'
        ? `${run.name} is ${stateWord(source.state)} on ${A}, as before`
        : plan.outcome === 'moved'
          ? `${run.name} runs on ${dest?.hostName ?? B}`
          : (plan.unknown?.message ?? `Vireo could not tell where ${run.name} runs`).replace(/\.$/, '');
    const canceled = run.ctx?.signal.aborted || libvirtCode(cause) === ErrorCode.OPERATION_ABORTED;
    const explained = explain(cause, { step, A, B, name: run.name, canceled: !!canceled, transport: run.spec?.transport });
    const message = canceled ? `Cancelled. ${where}.` : `${explained.message} ${where}.`;
    // Unknown: what to do about the two hosts matters more than how to retry — but a host to fix
    // first (its libvirtd stopped, which is also why it cannot be read) is said first.
    const hint = plan.unknown ? (explained.hostToFix ? `${explained.hint} ${plan.unknown.hint}` : plan.unknown.hint) : explained.hint;
    run.result = {
      outcome: plan.outcome,
      message,
      totalMs: Date.now() - run.startedAt,
      source,
      ...(dest ? { dest } : {}),
    };
    this.note(run, message);
    if (plan.unknown) this.note(run, plan.unknown.hint);
    throw new AppError(canceled ? 'canceled' : 'migration-failed', canceled ? `Cancelled: ${where}.` : message, hint);
  }

  // ---- offline disk copy ------------------------------------------------------------------------

  /** Copies the disks of a shut-off VM into the destination pools (download on A → upload on B). */
  private async copyDisksOffline(run: Run, pre: Preflight, created: { vol: StorageVolRef }[]): Promise<void> {
    const spec = run.spec as MigrationSpec;
    const ctx = run.ctx as JobContext;
    const src = hostIo(this.hosts, spec.hostId);
    const dst = hostIo(this.hosts, spec.destHostId);
    const disks = pre.disks.filter(
      (d): d is DiskPlan & { srcVol: StorageVolRef; destPool: string } => d.copy && !!d.srcVol && !!d.destPool,
    );
    const total = disks.reduce((s, d) => s + d.fileSize, 0);
    let done = 0;
    const t0 = Date.now();
    this.setPhase(run, `copying disks to ${dst.label}`, { figures: { copyTotal: total, copyDone: 0 } });
    const [sb, db] = await Promise.all([src.openBulk(), dst.openBulk()]);
    try {
      for (const d of disks) {
        ctx.signal.throwIfAborted();
        const pool = await poolLookupByName(dst.rpc(), d.destPool);
        const name = d.dest.split('/').pop() as string;
        const xml = `<volume><name>${escapeXml(name)}</name><capacity unit='bytes'>${d.fileSize}</capacity><allocation unit='bytes'>0</allocation><target><format type='${escapeXml(
          d.format === 'qcow2' ? 'qcow2' : 'raw',
        )}'/></target></volume>`;
        const vol = await volCreateXml(dst.rpc(), pool, { xml });
        created.push({ vol });
        this.note(run, `Copying ${d.target} (${d.source}) to ${d.dest} on ${dst.label}`);
        const down = await volDownload(sb.rpc, d.srcVol);
        const up = await volUpload(db.rpc, vol, { offset: 0, length: d.fileSize });
        const base = done;
        const r = await pipeBytes(down, up, {
          hash: false,
          signal: ctx.signal,
          onBytes: (n) => {
            done = base + n;
            const bps = (done / Math.max(1, Date.now() - t0)) * 1000;
            ctx.update({ progress: total ? done / total : 1, figures: { copyDone: done, copyTotal: total, speedBps: bps } });
          },
        });
        if (r.bytes !== d.fileSize) throw new AppError('copy', `Copied ${r.bytes} bytes of ${d.source}, expected ${d.fileSize}`);
        await poolRefresh(dst.rpc(), pool).catch(() => {});
      }
    } finally {
      sb.close();
      db.close();
    }
    this.note(run, `Disks copied: ${(total / 1024 / 1024).toFixed(1)} MiB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  // ---- found on the host: re-attach -----------------------------------------------------------

  private watch(hostId: HostId, conn: LibvirtConnection): void {
    this.unwatch(hostId);
    const events = new DomainEvents(conn, { kinds: ['migrationIteration', 'jobCompleted'] });
    events.on('migrationIteration', (e) => this.bySource.get(`${hostId}/${e.domain.uuid}`)?.wake?.());
    events.on('jobCompleted', (e) => {
      const run = this.bySource.get(`${hostId}/${e.domain.uuid}`);
      if (run) {
        run.completed = e.stats;
        run.wake?.();
      }
    });
    events.onError(() => {});
    events.start().catch(() => {});
    // A migration found before its destination was connected learns where it goes now.
    for (const run of this.bySource.values()) {
      if (run.running && !run.destHostId && run.srcHostId !== hostId) {
        domainLookupByUuid(conn.rpc, run.uuid).then(
          () => {
            run.destHostId ??= hostId;
            this.note(run, `Incoming side found on ${this.hostName(hostId)}`);
          },
          () => {},
        );
      }
    }
    const offRe = conn.onReconnected(async () => {
      void this.scan(hostId);
    });
    this.watchers.set(hostId, () => {
      offRe();
      void events.stop();
    });
    void this.scan(hostId);
  }

  private unwatch(hostId: HostId): void {
    this.watchers.get(hostId)?.();
    this.watchers.delete(hostId);
  }

  /** Finds outgoing migrations on a host that nobody follows (app restarted, link dropped). */
  private async scan(hostId: HostId): Promise<void> {
    let conn: LibvirtConnection;
    try {
      conn = this.hosts.connection(hostId);
    } catch {
      return;
    }
    if (!/^qemu/.test(this.hosts.list().find((h) => h.id === hostId)?.spec.uri ?? '')) return;
    try {
      const rpc = await conn.ready(30_000);
      const doms = await domainListAll(rpc, { flags: ListDomainsFlags.ACTIVE });
      for (let i = 0; i < doms.length; i += 8) {
        await Promise.all(
          doms.slice(i, i + 8).map(async (dom) => {
            if (this.bySource.get(`${hostId}/${dom.uuid}`)?.running) return;
            const st = await domainGetJobStats(rpc, dom).catch(() => null);
            if (!st || st.type === JobType.NONE || Number(st.stats.operation) !== JobOperation.MIGRATION_OUT) return;
            if (this.bySource.get(`${hostId}/${dom.uuid}`)?.running) return;
            await this.reattach(hostId, dom);
          }),
        );
      }
    } catch (err) {
      console.error(`[migration] scanning ${this.hostName(hostId)} for running migrations: ${(err as Error).message}`);
    }
  }

  private async reattach(hostId: HostId, dom: DomainRef): Promise<void> {
    // The incoming side is a paused domain with the same UUID on another connected host.
    let destHostId: HostId | undefined;
    for (const id of this.hosts.connectedIds()) {
      if (id === hostId) continue;
      const found = await domainLookupByUuid(this.hosts.connection(id).rpc, dom.uuid).catch(() => null);
      if (found) destHostId = id;
    }
    const run = this.newRun({
      srcHostId: hostId,
      dom,
      ...(destHostId ? { destHostId } : {}),
      destName: dom.name,
      reattached: true,
      postCopyAllowed: null,
    });
    const A = this.hostName(hostId);
    run.phase = `following (found running on ${A})`;
    this.note(
      run,
      `Found a migration of ${dom.name} running on ${A} (started by the host itself, another client, or before Vireo restarted); following it`,
    );
    this.launch(run, `Migrate ${dom.name} from ${A}${destHostId ? ` to ${this.hostName(destHostId)}` : ''} (found on ${A})`, async () => {
      this.setPhase(run, run.phase);
      try {
        await this.followUntilDone(run);
        await this.finishMoved(run, false);
      } catch (err) {
        await this.afterFailure(run, err, []);
      }
    });
  }
}

function stateWord(s: MigrationHostState['state'] | undefined): string {
  if (s === undefined || s === 'unknown') return 'unknown';
  return s === 'shutoff' ? 'shut off' : s === 'absent' ? 'not defined' : s;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

/** libvirt's message, and what to do next, in the admin's words. */
export function explain(
  err: Error,
  c: { step: MigrationStep | undefined; A: string; B: string; name: string; canceled: boolean; transport: string | undefined },
): { message: string; hint: string; hostToFix?: string } {
  const raw = err?.message ?? String(err);
  const at = c.step ? ` while ${STEP_WORDS[c.step]}` : '';
  const code = libvirtCode(err);
  if (c.canceled) return { message: 'Cancelled.', hint: 'Nothing was deleted; start it again when you are ready.' };
  if (isLinkError(err)) {
    // SSH still works but the proxy to libvirtd's socket ended: the daemon stopped.
    const who = /^(.+?)(?: \(transfer\))?: connection closed/.exec(raw)?.[1];
    if (who && /libvirt proxy|virt-ssh-helper|libvirt-sock/i.test(raw)) {
      return {
        message: `The link to a host dropped${at}: ${raw}.`,
        hint: `libvirtd on ${who} stopped answering while SSH to it still works: check libvirtd there (systemctl status libvirtd), then migrate again. Vireo reconnects to ${who} by itself once libvirtd is back.`,
        hostToFix: who,
      };
    }
    return {
      message: `The link to a host dropped${at}: ${raw}.`,
      hint:
        c.transport === 'p2p'
          ? `A peer-to-peer migration goes on on ${c.A} without Vireo: once reconnected, Vireo follows it again.`
          : `A direct migration needs Vireo's links to both hosts until it ends: try again, or use peer-to-peer so that ${c.A} drives it.`,
    };
  }
  const hints: Partial<Record<number, string>> = {
    [ErrorCode.CPU_INCOMPATIBLE]: `${c.B}'s CPU cannot run this guest's CPU model: pick another destination, or change the VM's CPU to a model both hosts have.`,
    [ErrorCode.MIGRATE_UNSAFE]:
      'libvirt considers the storage unsafe to share: use Copy disks, or put the disks on storage libvirt knows as shared.',
    [ErrorCode.NO_STORAGE_POOL]: `Pick a pool on ${c.B} for the copied disks, or define a pool at the disks' directory on ${c.B}.`,
    [ErrorCode.AUTH_FAILED]: `${c.A} could not log in to ${c.B}: check ${c.A}'s SSH keys for the destination URI, or use Direct.`,
    [ErrorCode.NO_CONNECT]: `${c.A} could not reach ${c.B}'s libvirt: check the URI, routing and SSH keys, or use Direct.`,
    [ErrorCode.OPERATION_TIMEOUT]: `${c.B} did not answer in time: check the link between the hosts and try again.`,
    [ErrorCode.DOM_EXIST]: `${c.B} already has this VM: remove the stale definition there (the wizard offers it) or migrate under a new name.`,
    [ErrorCode.OPERATION_FAILED]: 'See libvirt’s message above; the VM was kept where it runs.',
  };
  let hint =
    (code !== undefined ? hints[code] : undefined) ??
    'Read libvirt’s message above; nothing was deleted. Fix the cause and start the migration again.';
  if (/already exists with uuid|already defined with uuid|already exists/i.test(raw)) hint = hints[ErrorCode.DOM_EXIST] as string;
  if (/Permission denied|publickey|Authentication/i.test(raw)) hint = hints[ErrorCode.AUTH_FAILED] as string;
  if (/No route to host|Connection refused|Connection timed out|Name or service not known|Could not resolve/i.test(raw))
    hint = hints[ErrorCode.NO_CONNECT] as string;
  if (/different sizes|size.*mismatch|too small/i.test(raw))
    hint = `The volume waiting on ${c.B} has the wrong size: remove it there (or resize it to the disk's size) and try again.`;
  if (/storage pool|target path/i.test(raw)) hint = hints[ErrorCode.NO_STORAGE_POOL] as string;
  return { message: `Migration of ${c.name} failed${at}: ${raw}.`.replace(/\.\.$/, '.'), hint };
}
