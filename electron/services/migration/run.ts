/**
 * One migration the app follows: who it is (fixed at start), how it is steered (the controls the
 * admin applied, to report and to restore), and what it shows (phase, log, the progress tracker).
 * Following it live from the source's job stats is here too: one read every 250 ms, woken early
 * by migration-iteration events.
 */
import type { HostId, MigrationFigures, MigrationInfo, MigrationResult, MigrationSpec } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainGetJobStats } from '../../libvirt/domain';
import { ErrorCode } from '../../libvirt/errors';
import { migrateSetMaxDowntime } from '../../libvirt/migration';
import type { ParamRecord } from '../../libvirt/params';
import { type DomainRef, JobType } from '../../libvirt/protocol';
import type { JobContext } from '../jobs';
import { libvirtCode } from './explain';
import { ProgressTracker, progressOf } from './progress';

export const POLL_MS = 250;

/** Who the run is: set when it starts (the destination may be learnt later for a found one). */
export interface RunId {
  jobId: string;
  srcHostId: HostId;
  srcConn: LibvirtConnection;
  dom: DomainRef;
  uuid: string;
  name: string;
  destHostId?: HostId;
  destName: string;
  /** Absent for a migration found running on a host. */
  spec?: MigrationSpec;
  reattached: boolean;
  startedAt: number;
}

/** How the admin steered it (what to report, and what to undo at the end: a pause). */
export interface Steering {
  controls: MigrationInfo['controls'];
  postCopyAllowed: boolean | null;
  /** The max downtime still to apply once the transfer runs. */
  pendingDowntime?: number;
}

/** What it shows while it runs. */
/** What the job's detail shows beside the figures (MigrationInfo less the history). */
export type RunView = Omit<MigrationInfo, 'samples' | 'log'>;

export interface Live {
  ctx: JobContext<'migration'> | null;
  /** The run as the panel shows it (set by the service, which knows the hosts' names). */
  view: (() => RunView) | null;
  tracker: ProgressTracker;
  log: { at: number; text: string }[];
  phase: string;
  running: boolean;
  /** Settles when the job has ended (set by the service when it launches the job). */
  finished?: Promise<unknown>;
  /** The job this one was restarted as (with auto-converge). */
  restartedAs?: string;
  /** Each auto-converge restart the remedies offered ("initial/increment" → why). */
  autoConvergeOffers: Map<string, string>;
  /** This run restarts one that did not converge: why its auto-converge numbers. */
  autoConvergeWhy?: string;
  /** The highest auto-converge throttle seen (%), to say each new step once. */
  throttleSeen?: number | undefined;
  /** A job-stats read has seen the migration job (controls apply from then on). */
  seenJob: boolean;
  /** Ends the wait between two reads early (an event came, a control was applied). */
  wake: (() => void) | null;
  /** Offline disks being copied: a cancel stops the copy (the job's signal), not a libvirt job. */
  copying: boolean;
  /** The jobCompleted event's stats (the final figures, downtime included). */
  completed?: ParamRecord;
  result?: MigrationResult;
}

export interface Run {
  id: RunId;
  steer: Steering;
  live: Live;
}

export function newRun(id: Omit<RunId, 'jobId' | 'startedAt'>, postCopyAllowed: boolean | null, now: number): Run {
  return {
    id: { ...id, jobId: '', startedAt: now },
    steer: { controls: { suspended: false, postCopy: false }, postCopyAllowed },
    live: {
      ctx: null,
      view: null,
      tracker: new ProgressTracker(now),
      log: [],
      phase: 'starting',
      running: true,
      seenJob: false,
      wake: null,
      copying: false,
      autoConvergeOffers: new Map(),
    },
  };
}

/** The job's detail now, less the figures (info and the log's length). */
export function detailOf(run: Run): { info?: RunView; logLines: number } {
  const info = run.live.view?.();
  return { ...(info ? { info } : {}), logLines: run.live.log.length };
}

export function note(run: Run, text: string): void {
  run.live.log.push({ at: Date.now(), text });
  if (run.live.log.length > 200) run.live.log.shift();
  run.live.ctx?.update({ phase: run.live.phase, detail: detailOf(run) });
}

export function setPhase(run: Run, phase: string, extra?: { progress?: number; figures?: MigrationFigures }): void {
  run.live.phase = phase;
  const { progress, figures } = extra ?? {};
  run.live.ctx?.update({
    phase,
    ...(progress !== undefined ? { progress } : {}),
    detail: { ...detailOf(run), ...(figures ? { figures } : {}) },
  });
}

export const sleep = (ms: number, run?: Run): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      if (run) run.live.wake = null;
      resolve();
    }
    if (run) run.live.wake = done;
  });

/** Follows the source's job stats; `hostName` names hosts in the phase. */
export class Follower {
  constructor(
    private readonly run: Run,
    private readonly hostName: (id: HostId) => string,
  ) {}

  /** Reads job stats while the migration runs; `stop()` ends it after the call in flight. */
  pollWhile(): { stop: () => Promise<void> } {
    const run = this.run;
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        await this.pollOnce();
        if (stopped) break;
        await sleep(POLL_MS, run);
      }
    })();
    return {
      stop: async () => {
        stopped = true;
        run.live.wake?.();
        await loop;
      },
    };
  }

  /** One job-stats read: figures, phase, pending controls. Returns the job type (or null when unreadable). */
  async pollOnce(): Promise<number | null> {
    const { id, steer, live } = this.run;
    let stats: { type: number; stats: ParamRecord };
    try {
      stats = await domainGetJobStats(id.srcConn.rpc, id.dom, { timeoutMs: 5_000 });
    } catch (err) {
      // Gone from the source (moved and undefined), or no longer running there: no job.
      const code = libvirtCode(err);
      return code === ErrorCode.NO_DOMAIN || code === ErrorCode.OPERATION_INVALID ? JobType.NONE : null;
    }
    if (stats.type === JobType.NONE) return stats.type;
    live.seenJob = true;
    const f = live.tracker.push(stats.stats, Date.now());
    // Auto-converge at work: each new throttle step QEMU takes is said once.
    if ((f.throttlePct ?? 0) > (live.throttleSeen ?? 0)) {
      live.throttleSeen = f.throttlePct;
      note(this.run, `Auto-converge: QEMU slows the guest’s vCPUs by ${f.throttlePct} %`);
    }
    if (steer.pendingDowntime !== undefined && (f.memTotal ?? 0) > 0) {
      const ms = steer.pendingDowntime;
      steer.pendingDowntime = undefined;
      migrateSetMaxDowntime(id.srcConn.rpc, id.dom, { ms }).then(
        () => {
          steer.controls.maxDowntimeMs = ms;
          note(this.run, `Max downtime set to ${(ms / 1000).toFixed(1)} s`);
        },
        (err: Error) => note(this.run, `Could not set max downtime: ${err.message}`),
      );
    }
    if (steer.controls.postCopy || Number(stats.stats.memory_postcopy_requests ?? 0) > 0) f.postcopy = 1;
    if (steer.controls.bandwidthMiBps) f.bandwidthMiBps = steer.controls.bandwidthMiBps;
    if (steer.controls.maxDowntimeMs) f.maxDowntimeMs = steer.controls.maxDowntimeMs;
    const B = id.destHostId ? this.hostName(id.destHostId) : 'the destination';
    let phase: string;
    if (f.postcopy) phase = `post-copy: running on ${B}, fetching the rest`;
    else if ((f.diskRemaining ?? 0) > 0 && (f.memProcessed ?? 0) === 0) phase = 'copying disks';
    else if (f.nonConverging) phase = `not converging (pass ${f.iteration ?? '?'})`;
    else phase = `transferring memory${(f.iteration ?? 0) > 1 ? ` (pass ${f.iteration})` : ''}`;
    if (steer.controls.suspended && !f.postcopy) phase = `finishing with the guest paused (pass ${f.iteration ?? '?'})`;
    if (live.phase.startsWith('link to')) phase = `${phase} (following ${this.hostName(id.srcHostId)} again)`;
    live.phase = phase;
    live.ctx?.update({ phase, progress: progressOf(f), detail: { ...detailOf(this.run), figures: f } });
    return stats.type;
  }

  /** After a lost link (or for a migration found on the host): follow the host's job until it ends. */
  async untilDone(): Promise<void> {
    const { id } = this.run;
    const A = this.hostName(id.srcHostId);
    for (;;) {
      try {
        await id.srcConn.ready(120_000);
      } catch (err) {
        throw new AppError('link-lost', `Lost ${A} and could not reach it again (${(err as Error).message})`, {
          hint: `A peer-to-peer migration goes on on ${A} without Vireo: reconnect ${A} and Vireo finds it again.`,
          cause: err,
        });
      }
      const type = await this.pollOnce();
      if (type === JobType.NONE) return;
      await sleep(POLL_MS, this.run);
    }
  }
}
