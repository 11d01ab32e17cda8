/**
 * Live and offline migration as Jobs: pre-flight, then the plan (plan.ts) run by the executor
 * (execute.ts) on the real hosts (io.ts): libvirt's v3 sequence held by the app (direct) or run by
 * the source host (peer-to-peer), followed live from the source's job stats (every 250 ms) and
 * migration-iteration events, steerable while it runs (downtime, bandwidth, post-copy, throttle,
 * suspend), and judged at the end from both hosts: the VM runs on exactly one of them, and no
 * disk of it is ever deleted.
 *
 * A peer-to-peer migration belongs to the source host: when the app's link drops (or the app
 * restarts), the host keeps migrating; on reconnect the app finds the job in the host's job stats
 * (operation = migration out) and follows it again.
 *
 * Over 400 lines: the service's public face (pre-flight, start, control) and the re-attach scan of
 * each host sit together because both build the same job and its live follower.
 */
import type {
  HostId,
  MIGRATION_FIXES,
  MigrationControl,
  MigrationInfo,
  MigrationJob,
  MigrationPlan,
  MigrationSpec,
} from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainAbortJob, domainGetJobStats, domainListAll, domainLookupByUuid } from '../../libvirt/domain';
import { type DomainRef, JobOperation, JobType, ListDomainsFlags } from '../../libvirt/protocol';
import { type EventRelays, RelayedDomainEvents } from '../../libvirt/relay';
import type { HostManager } from '../hosts';
import type { JobManager } from '../jobs';
import { autoConvergeFor } from './autoconverge';
import { Executor, RunFailed } from './execute';
import { hostExecIo } from './io';
import { planFollow, planRun, type RunPlan } from './plan';
import { applyFix, runPreflight } from './preflight';
import { rankRemedies } from './progress';
import { detailOf, newRun, note, type Run, type RunView, setPhase } from './run';
import { applyControl } from './steer';

export class MigrationService {
  private runs = new Map<string, Run>();
  /** Runs by source host + UUID: one follower per migration. */
  private bySource = new Map<string, Run>();
  private watchers = new Map<HostId, () => void>();

  constructor(
    private readonly hosts: HostManager,
    private readonly jobs: JobManager,
    /** The connections' event relays (one registration per event and connection, shared with every feature). */
    private readonly relays: EventRelays,
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
  async start(spec: MigrationSpec, opts: { skipChecks?: boolean; autoConvergeWhy?: string } = {}): Promise<MigrationJob> {
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
    if (this.bySource.get(key)?.live.running)
      throw new AppError('busy', `${pre.name} is already being migrated`, 'Follow it in the Jobs panel.');
    const run = newRun(
      {
        srcHostId: spec.hostId,
        srcConn: this.hosts.connection(spec.hostId),
        dom: pre.dom,
        uuid: pre.dom.uuid,
        name: pre.dom.name,
        destHostId: spec.destHostId,
        destName: pre.destName,
        spec,
        reattached: false,
      },
      spec.mode === 'live' ? spec.postCopy : false,
      Date.now(),
    );
    if (spec.bandwidthMiBps) run.steer.controls.bandwidthMiBps = spec.bandwidthMiBps;
    if (opts.autoConvergeWhy) run.live.autoConvergeWhy = opts.autoConvergeWhy;
    if (spec.maxDowntimeMs) run.steer.pendingDowntime = spec.maxDowntimeMs;
    const A = this.hosts.name(spec.hostId);
    const B = this.hosts.name(spec.destHostId);
    const plan = planRun(spec, pre);
    return this.launch(run, `Migrate ${pre.name} to ${B}`, async () => {
      note(run, `Started: ${pre.plan.flags.join(' ')} (${spec.transport === 'p2p' ? `${A} drives it` : 'the app holds both connections'})`);
      if (spec.autoConverge)
        note(
          run,
          `Auto-converge from ${spec.autoConverge.initial} %, +${spec.autoConverge.increment} % per step${opts.autoConvergeWhy ? `: ${opts.autoConvergeWhy}` : ''}`,
        );
      await this.execute(run, plan);
    });
  }

  async control(jobId: string, c: MigrationControl): Promise<MigrationInfo> {
    const run = this.runOf(jobId);
    if (!run.live.running) throw new AppError('not-running', `The migration of ${run.id.name} is over`, 'Nothing to steer any more.');
    if (c.action === 'restart-autoconverge') return this.restartWithAutoConverge(run, c);
    await applyControl(run, c, this.hosts.name(run.id.srcHostId));
    run.live.tracker.reset();
    run.live.wake?.();
    return this.info(run);
  }

  dispose(): void {
    for (const id of [...this.watchers.keys()]) this.unwatch(id);
  }

  /**
   * Cancels a live migration that does not converge and starts it again with auto-converge (the
   * numbers the remedy offered, chosen from this attempt's rates: autoconverge.ts), with the
   * bandwidth and downtime in force now. Only once the cancel has left the VM on the source (the
   * outcome says "stayed"); any other outcome is reported as it is and nothing new starts.
   */
  private async restartWithAutoConverge(
    run: Run,
    c: Extract<MigrationControl, { action: 'restart-autoconverge' }>,
  ): Promise<MigrationInfo> {
    const spec = run.id.spec;
    if (!spec || spec.mode !== 'live' || spec.autoConverge)
      throw new AppError(
        'not-allowed',
        `The migration of ${run.id.name} cannot be restarted with auto-converge here`,
        spec
          ? 'It already uses auto-converge, or is not live.'
          : 'It was found on the host, not started here: cancel it and start it again from the wizard with "Auto-converge".',
      );
    if (run.steer.controls.postCopy || run.steer.controls.suspended)
      throw new AppError('not-allowed', `The migration of ${run.id.name} is already finishing`, 'Let it end.');
    // Why these numbers: what the remedy said when it offered them (else they were asked as they are).
    const why =
      run.live.autoConvergeOffers.get(`${c.initial}/${c.increment}`) ?? `Asked as ${c.initial} %, then ${c.increment} % more per step.`;
    note(run, `Restart with auto-converge from ${c.initial} % (+${c.increment} % per step): cancelling this attempt first`);
    await this.jobs.cancel(run.id.jobId);
    await run.live.finished?.catch(() => {});
    const outcome = run.live.result?.outcome;
    if (outcome !== 'stayed')
      throw new AppError(
        'not-restarted',
        `The migration of ${run.id.name} ended (${outcome ?? 'no result'}) before it could be restarted`,
        outcome === 'moved'
          ? 'It finished on its own: nothing to restart.'
          : 'Check the result: it says what each host shows. Nothing new was started.',
      );
    // The bandwidth and downtime in force now (a remedy may have changed them since the start).
    const { bandwidthMiBps: _b, maxDowntimeMs: _d, ...rest } = spec;
    const bandwidthMiBps = run.steer.controls.bandwidthMiBps;
    const maxDowntimeMs = run.steer.controls.maxDowntimeMs ?? spec.maxDowntimeMs;
    const next = await this.start(
      {
        ...rest,
        ...(bandwidthMiBps ? { bandwidthMiBps } : {}),
        ...(maxDowntimeMs ? { maxDowntimeMs } : {}),
        autoConverge: { initial: c.initial, increment: c.increment },
      },
      { autoConvergeWhy: why },
    );
    run.live.restartedAs = next.id;
    note(run, `Restarted with auto-converge as a new job`);
    return this.info(run);
  }

  // ---- runs -----------------------------------------------------------------------------------------

  /** Runs the plan; the result (moved, stayed or unknown) is kept for the panel either way. */
  private async execute(run: Run, plan: RunPlan): Promise<void> {
    const io = hostExecIo(run, {
      hosts: this.hosts,
      hostName: (id) => this.hostName(id),
      setCancellable: (on) => this.setCancellable(run, on),
    });
    const ctx = run.live.ctx;
    if (!ctx) throw new Error('execute() before the job started');
    const ex = new Executor(plan, io, {
      srcName: this.hostName(run.id.srcHostId),
      destName: () => (run.id.destHostId ? this.hostName(run.id.destHostId) : 'the destination'),
      transport: run.id.spec?.transport,
      signal: ctx.signal,
      now: () => Date.now(),
      startedAt: run.id.startedAt,
      note: (text) => note(run, text),
      phase: (text, extra) => setPhase(run, text, extra),
      update: ({ progress, figures }) =>
        ctx.update({ ...(progress !== undefined ? { progress } : {}), ...(figures ? { detail: { figures } } : {}) }),
      copying: (on) => {
        run.live.copying = on;
      },
      steering: () => ({ steeredPause: run.steer.controls.suspended }),
    });
    try {
      run.live.result = await ex.run();
    } catch (err) {
      if (err instanceof RunFailed) run.live.result = err.result;
      throw err;
    } finally {
      // The result goes into the detail the job ends with.
      ctx.update({ detail: detailOf(run) });
    }
  }

  private launch(run: Run, title: string, work: () => Promise<void>): MigrationJob {
    const key = `${run.id.srcHostId}/${run.id.uuid}`;
    this.bySource.set(key, run);
    run.live.view = () => this.view(run);
    const { job, done } = this.jobs.start(
      {
        kind: 'migration',
        hostId: run.id.srcHostId,
        domain: run.id.name,
        title,
        detail: { figures: {}, info: this.view(run), logLines: run.live.log.length },
        // The graph's history and the log: with jobs.get / jobs.list, never with every job.progress.
        full: () => ({ history: { samples: run.live.tracker.history.slice(), log: run.live.log.slice() } }),
        onCancel: () => this.cancel(run),
      },
      async (ctx) => {
        run.live.ctx = ctx;
        await Promise.resolve(); // run.id.jobId is set once start() returns
        try {
          await work();
        } finally {
          run.live.running = false;
          run.live.wake?.();
          if (this.bySource.get(key) === run) this.bySource.delete(key);
        }
      },
    );
    run.id.jobId = job.id;
    this.runs.set(job.id, run);
    run.live.finished = done;
    done.catch(() => {});
    return job;
  }

  private runOf(jobId: string): Run {
    const run = this.runs.get(jobId);
    if (!run) throw new AppError('not-found', `No migration job ${jobId}`, 'It may belong to an earlier session of the app.');
    return run;
  }

  private setCancellable(run: Run, on: boolean): void {
    run.live.ctx?.setCancellable(on);
  }

  private async cancel(run: Run): Promise<void> {
    if (run.steer.controls.postCopy)
      throw new AppError('not-cancellable', 'A post-copy migration cannot be cancelled: the guest already runs on the destination');
    note(run, 'Cancel requested');
    if (run.live.copying) return; // the job's signal stops the disk copy
    try {
      await domainAbortJob(run.id.srcConn.rpc, run.id.dom);
    } catch (err) {
      // No job any more: it ended on its own (the outcome check tells where the VM is).
      note(run, `Abort: ${(err as Error).message}`);
    }
  }

  /** The whole run as the panel shows it (controls answer with it). */
  private info(run: Run): MigrationInfo {
    return { ...this.view(run), samples: run.live.tracker.history.slice(), log: run.live.log.slice() };
  }

  /** The run less its history: what the job's detail carries with every update. */
  private view(run: Run): RunView {
    const { id, steer, live } = run;
    // Paused to finish, or in post-copy: it ends by itself; no banner (and no remedies) any more.
    const nc = live.running && !steer.controls.suspended && !steer.controls.postCopy ? live.tracker.nonConverging : null;
    const remedies = nc
      ? rankRemedies({
          figures: live.tracker.last,
          bandwidthMiBps: steer.controls.bandwidthMiBps,
          postCopyAllowed: steer.postCopyAllowed,
          postCopyActive: steer.controls.postCopy,
          canRestartAutoConverge: !!id.spec && id.spec.mode === 'live' && !id.spec.autoConverge,
          suspended: steer.controls.suspended,
          // A downtime asked at the start and not applied yet counts: a remedy must allow more.
          maxDowntimeMs: steer.controls.maxDowntimeMs ?? steer.pendingDowntime,
          passStartRemaining: live.tracker.passStartRemaining,
          passRates: live.tracker.passRates,
        })
      : [];
    // What the restart remedy offered (rankRemedies chose it from the same rates), with its reason:
    // kept by its numbers, so a click on any offer shown is explained.
    if (remedies.some((r) => r.control.action === 'restart-autoconverge')) {
      const offer = autoConvergeFor(live.tracker.passRates ?? live.tracker.last);
      live.autoConvergeOffers.set(`${offer.initial}/${offer.increment}`, offer.why);
    }
    return {
      jobId: id.jobId,
      source: { hostId: id.srcHostId, hostName: this.hostName(id.srcHostId), uuid: id.uuid, name: id.name },
      ...(id.destHostId ? { dest: { hostId: id.destHostId, hostName: this.hostName(id.destHostId), name: id.destName } } : {}),
      ...(id.spec ? { spec: id.spec } : {}),
      reattached: id.reattached,
      postCopyAllowed: steer.postCopyAllowed,
      controls: { ...steer.controls },
      ...(nc ? { nonConvergence: nc } : {}),
      remedies,
      ...(live.result ? { result: live.result } : {}),
      ...(live.restartedAs ? { restartedAs: live.restartedAs } : {}),
      ...(live.autoConvergeWhy ? { autoConvergeWhy: live.autoConvergeWhy } : {}),
    };
  }

  private hostName(id: HostId): string {
    try {
      return this.hosts.name(id);
    } catch {
      return id;
    }
  }

  // ---- found on the host: re-attach -----------------------------------------------------------

  private watch(hostId: HostId, conn: LibvirtConnection): void {
    this.unwatch(hostId);
    const events = new RelayedDomainEvents(this.relays.of(conn), ['migrationIteration', 'jobCompleted']);
    events.on('migrationIteration', (e) => this.bySource.get(`${hostId}/${e.domain.uuid}`)?.live.wake?.());
    events.on('jobCompleted', (e) => {
      const run = this.bySource.get(`${hostId}/${e.domain.uuid}`);
      if (run) {
        run.live.completed = e.stats;
        run.live.wake?.();
      }
    });
    events.onError(() => {});
    events.start().catch(() => {});
    // A migration found before its destination was connected learns where it goes now.
    for (const run of this.bySource.values()) {
      if (run.live.running && !run.id.destHostId && run.id.srcHostId !== hostId) {
        domainLookupByUuid(conn.rpc, run.id.uuid).then(
          () => {
            run.id.destHostId ??= hostId;
            note(run, `Incoming side found on ${this.hostName(hostId)}`);
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
            if (this.bySource.get(`${hostId}/${dom.uuid}`)?.live.running) return;
            const st = await domainGetJobStats(rpc, dom).catch(() => null);
            if (!st || st.type === JobType.NONE || Number(st.stats.operation) !== JobOperation.MIGRATION_OUT) return;
            if (this.bySource.get(`${hostId}/${dom.uuid}`)?.live.running) return;
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
    const run = newRun(
      {
        srcHostId: hostId,
        srcConn: this.hosts.connection(hostId),
        dom,
        uuid: dom.uuid,
        name: dom.name,
        ...(destHostId ? { destHostId } : {}),
        destName: dom.name,
        reattached: true,
      },
      null,
      Date.now(),
    );
    const A = this.hostName(hostId);
    run.live.phase = `following (found running on ${A})`;
    note(
      run,
      `Found a migration of ${dom.name} running on ${A} (started by the host itself, another client, or before Vireo restarted); following it`,
    );
    const title = `Migrate ${dom.name} from ${A}${destHostId ? ` to ${this.hostName(destHostId)}` : ''} (found on ${A})`;
    this.launch(run, title, async () => {
      setPhase(run, run.live.phase);
      await this.execute(run, planFollow(dom.name));
    });
  }
}
