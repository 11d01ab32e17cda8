/**
 * Long work (migration, install, clone, volume copy) runs as a Job: one JobManager owns them,
 * broadcasts `job.progress` (throttled to ≥ 2/s while running, always on phase/status changes)
 * and carries cancellation to the code doing the work through an AbortSignal.
 *
 * Typed by kind: `start({ kind: 'migration', … }, (ctx) => …)` gives a JobContext<'migration'>
 * whose `update({ detail })` takes only a migration's detail. Heavy parts of a detail (a
 * migration's history) are not broadcast: the spec's `full()` adds them to get() and list().
 * A finished job stays listed for RETAIN_MS (at most RETAIN_MAX finished jobs), then is dropped.
 */
import { randomUUID } from 'node:crypto';
import type { HostId, Job, JobDetails, JobKind, JobOf } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../core/events';
import { toApiError } from '../ipc';
import { isAppError } from '../libvirt/errors';

export interface JobUpdate<K extends JobKind> {
  phase?: string;
  /** 0..1 */
  progress?: number;
  /** Merged into the job's detail, one level deep (a detail's `figures` are merged too). */
  detail?: Partial<JobDetails[K]>;
}

export interface JobContext<K extends JobKind = JobKind> {
  signal: AbortSignal;
  /** Report phase, progress (0..1) and detail; cheap to call often. */
  update(patch: JobUpdate<K>): void;
  /** Whether the job may be cancelled now (a migration past the point of no return may not). */
  setCancellable(on: boolean): void;
  /**
   * The work is past what a cancel can undo (a disk move's pivot that won a Cancel clicked just
   * before, or a cancel whose clean-up failed): its outcome is reported as it is (succeeded or
   * failed, with its error), not "canceled"; when a cancel did come, `note` is added to the last phase.
   */
  pastCancel(note: string): void;
  /**
   * Whether a Cancel was asked, known at once (before onCancel ran and the signal aborted):
   * 'accepted' (the job was cancellable: it stops), 'refused' (it was not: the work goes on and its
   * outcome stands — a disk move still keeps its source), undefined when none was asked.
   */
  cancelAsked(): CancelAsked | undefined;
}

/** A Cancel the job took ('accepted'), or one refused because it was no longer cancellable. */
export type CancelAsked = 'accepted' | 'refused';

export interface JobSpec<K extends JobKind = JobKind> {
  kind: K;
  hostId: HostId;
  domain?: string;
  title: string;
  cancellable?: boolean;
  /** The detail it starts with (default: empty figures; a migration must give its own). */
  detail?: JobDetails[K];
  /** Heavy parts of the detail, added by get() and list() only (never broadcast). */
  full?: () => Partial<JobDetails[K]>;
  /** Called on cancel before the signal aborts, e.g. to send libvirt's abort-job. */
  onCancel?: () => Promise<void>;
}

const MIN_INTERVAL_MS = 200;
/** How long a finished job stays listed. */
export const RETAIN_MS = 15 * 60_000;
/** At most this many finished jobs are kept (the oldest ended go first). */
export const RETAIN_MAX = 100;

interface Entry {
  job: Job;
  ac?: AbortController;
  onCancel?: () => Promise<void>;
  full?: () => object;
  lastEmit: number;
  drop?: ReturnType<typeof setTimeout>;
  /** Set by pastCancel: a cancel that came is noted, the outcome stands. */
  tooLate?: string;
  /**
   * A Cancel was asked (set before onCancel runs, whose end aborts the signal). Only an 'accepted'
   * one labels a failure "canceled"; a 'refused' one never does (the failure keeps its error).
   */
  cancelAsked?: CancelAsked;
}

/** Merges a detail patch one level deep (so `{ figures: { a } }` keeps the other figures). */
function mergeDetail(cur: object, patch: object): object {
  const out: Record<string, unknown> = { ...cur };
  for (const [k, v] of Object.entries(patch)) {
    const old = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && old && typeof old === 'object' && !Array.isArray(old) ? { ...old, ...v } : v;
  }
  return out;
}

export class JobManager {
  private entries = new Map<string, Entry>();

  constructor(private readonly events: EventHub) {}

  /** Every job still kept, newest first, each with its full detail. */
  list(): Job[] {
    return [...this.entries.values()].sort((a, b) => b.job.startedAt - a.job.startedAt).map((e) => this.withFull(e));
  }

  /** One job with its full detail. */
  get(id: string): Job {
    return this.withFull(this.entry(id));
  }

  /** Starts `work` as a job; resolves with the job record immediately (work continues). */
  start<K extends JobKind, T>(spec: JobSpec<K>, work: (ctx: JobContext<K>) => Promise<T>): { job: JobOf<K>; done: Promise<T> } {
    const id = `job-${randomUUID().slice(0, 8)}`;
    const job = {
      id,
      kind: spec.kind,
      hostId: spec.hostId,
      ...(spec.domain !== undefined ? { domain: spec.domain } : {}),
      title: spec.title,
      phase: 'starting',
      progress: 0,
      detail: spec.detail ?? { figures: {} },
      status: 'running',
      cancellable: spec.cancellable ?? true,
      startedAt: Date.now(),
    } as JobOf<K>;
    const ac = new AbortController();
    const entry: Entry = {
      job,
      ac,
      lastEmit: 0,
      ...(spec.onCancel ? { onCancel: spec.onCancel } : {}),
      ...(spec.full ? { full: spec.full } : {}),
    };
    this.entries.set(id, entry);
    this.emit(entry, true);

    const ctx: JobContext<K> = {
      signal: ac.signal,
      update: (patch) => {
        if (job.status !== 'running') return;
        const phaseChanged = patch.phase !== undefined && patch.phase !== job.phase;
        if (patch.phase !== undefined) job.phase = patch.phase;
        // A figure that is not a number (0/0 from an empty total) keeps the last progress.
        if (patch.progress !== undefined && !Number.isNaN(patch.progress)) job.progress = Math.min(1, Math.max(0, patch.progress));
        if (patch.detail) job.detail = mergeDetail(job.detail, patch.detail) as JobDetails[K];
        this.emit(entry, phaseChanged);
      },
      setCancellable: (on) => {
        if (job.status !== 'running' || job.cancellable === on) return;
        job.cancellable = on;
        this.emit(entry, true);
      },
      pastCancel: (note) => {
        if (job.status === 'running') entry.tooLate = note;
      },
      cancelAsked: () => entry.cancelAsked,
    };
    /** A cancel decides the label unless the work went past it (pastCancel): then the outcome stands, with the note. */
    const canceled = (): boolean => {
      if (!ac.signal.aborted) return false;
      if (entry.tooLate === undefined) return true;
      job.phase = `${job.phase} (${entry.tooLate})`;
      return false;
    };
    const done = work(ctx).then(
      (value) => {
        this.finish(entry, canceled() ? 'canceled' : 'succeeded');
        return value;
      },
      (err: unknown) => {
        // The work may stop on an accepted Cancel before its onCancel finished (the signal not aborted
        // yet): its own 'canceled' counts. After a refused one, a 'canceled' error (e.g. libvirt's
        // OPERATION_ABORTED in a migration) is a failure like any other: its message is kept.
        const stopped = entry.cancelAsked === 'accepted' && entry.tooLate === undefined && isAppError(err, 'canceled');
        this.finish(entry, stopped || canceled() ? 'canceled' : 'failed', err);
        throw err;
      },
    );
    // The caller may not await `done`; the job record carries the outcome.
    done.catch(() => {});
    return { job: structuredClone(job), done };
  }

  async cancel(id: string): Promise<Job> {
    const entry = this.entry(id);
    const job = entry.job;
    if (job.status !== 'running') return this.withFull(entry);
    if (entry.cancelAsked !== 'accepted') entry.cancelAsked = job.cancellable ? 'accepted' : 'refused';
    if (!job.cancellable)
      throw new AppError(
        'not-cancellable',
        `${job.title} cannot be cancelled in phase ${job.phase}`,
        'It is past the point where it can be stopped: the job says how it ends.',
      );
    job.phase = 'cancelling';
    this.emit(entry, true);
    try {
      await entry.onCancel?.();
    } finally {
      entry.ac?.abort(new AppError('canceled', 'Cancelled by the user'));
    }
    return this.withFull(entry);
  }

  /** Stops the retention timers (the app quits). */
  dispose(): void {
    for (const e of this.entries.values()) if (e.drop) clearTimeout(e.drop);
  }

  private entry(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new AppError('not-found', `No job ${id}`, 'Finished jobs are kept for 15 minutes.');
    return e;
  }

  private withFull(e: Entry): Job {
    const job = structuredClone(e.job);
    if (e.full) (job as { detail: object }).detail = mergeDetail(job.detail, e.full());
    return job;
  }

  private finish(entry: Entry, status: Job['status'], err?: unknown): void {
    const job = entry.job;
    job.status = status;
    job.endedAt = Date.now();
    if (status === 'succeeded') job.progress = 1;
    if (err !== undefined && status === 'failed') job.error = toApiError(err);
    delete entry.ac;
    delete entry.onCancel;
    this.emit(entry, true);
    this.retain(entry);
  }

  /** Drops the job RETAIN_MS after it ended, and the oldest finished ones beyond RETAIN_MAX now. */
  private retain(entry: Entry): void {
    entry.drop = setTimeout(() => this.entries.delete(entry.job.id), RETAIN_MS);
    entry.drop.unref?.();
    const finished = [...this.entries.values()]
      .filter((e) => e.job.status !== 'running')
      .sort((a, b) => (a.job.endedAt ?? 0) - (b.job.endedAt ?? 0));
    for (const e of finished.slice(0, Math.max(0, finished.length - RETAIN_MAX))) {
      if (e.drop) clearTimeout(e.drop);
      this.entries.delete(e.job.id);
    }
  }

  private emit(entry: Entry, force: boolean): void {
    const now = Date.now();
    if (!force && now - entry.lastEmit < MIN_INTERVAL_MS) return;
    entry.lastEmit = now;
    this.events.emit('job.progress', structuredClone(entry.job));
  }
}
