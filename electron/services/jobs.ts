/**
 * Long work (migration, install, clone, volume copy) runs as a Job: one JobManager owns them,
 * broadcasts `job.progress` (throttled to ≥ 2/s while running, always on phase/status changes)
 * and carries cancellation to the code doing the work through an AbortSignal.
 */
import { randomUUID } from 'node:crypto';
import type { HostId, Job, JobKind } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { EventHub } from '../core/events';
import { toApiError } from '../ipc';

export interface JobContext {
  signal: AbortSignal;
  /** Report progress (0..1) and the figures behind it; cheap to call often. */
  update(patch: { phase?: string; progress?: number; figures?: Record<string, number> }): void;
}

export interface JobSpec {
  kind: JobKind;
  hostId: HostId;
  domain?: string;
  title: string;
  cancellable?: boolean;
  /** Called on cancel before the signal aborts, e.g. to send libvirt's abort-job. */
  onCancel?: () => Promise<void>;
}

const MIN_INTERVAL_MS = 200;

export class JobManager {
  private jobs = new Map<string, Job>();
  private controllers = new Map<string, { ac: AbortController; onCancel?: () => Promise<void> }>();
  private lastEmit = new Map<string, number>();

  constructor(private readonly events: EventHub) {}

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not-found', `No job ${id}`);
    return job;
  }

  /** Starts `work` as a job; resolves with the job record immediately (work continues). */
  start<T>(spec: JobSpec, work: (ctx: JobContext) => Promise<T>): { job: Job; done: Promise<T> } {
    const id = `job-${randomUUID().slice(0, 8)}`;
    const job: Job = {
      id,
      kind: spec.kind,
      hostId: spec.hostId,
      ...(spec.domain !== undefined ? { domain: spec.domain } : {}),
      title: spec.title,
      phase: 'starting',
      progress: 0,
      figures: {},
      status: 'running',
      cancellable: spec.cancellable ?? true,
      startedAt: Date.now(),
    };
    const ac = new AbortController();
    this.jobs.set(id, job);
    this.controllers.set(id, { ac, ...(spec.onCancel ? { onCancel: spec.onCancel } : {}) });
    this.emit(job, true);

    const ctx: JobContext = {
      signal: ac.signal,
      update: (patch) => {
        if (job.status !== 'running') return;
        const phaseChanged = patch.phase !== undefined && patch.phase !== job.phase;
        if (patch.phase !== undefined) job.phase = patch.phase;
        // A figure that is not a number (0/0 from an empty total) keeps the last progress.
        if (patch.progress !== undefined && !Number.isNaN(patch.progress)) job.progress = Math.min(1, Math.max(0, patch.progress));
        if (patch.figures) job.figures = { ...job.figures, ...patch.figures };
        this.emit(job, phaseChanged);
      },
    };
    const done = work(ctx).then(
      (value) => {
        this.finish(job, ac.signal.aborted ? 'canceled' : 'succeeded');
        return value;
      },
      (err: unknown) => {
        this.finish(job, ac.signal.aborted ? 'canceled' : 'failed', err);
        throw err;
      },
    );
    // The caller may not await `done`; the job record carries the outcome.
    done.catch(() => {});
    return { job: { ...job }, done };
  }

  async cancel(id: string): Promise<Job> {
    const job = this.get(id);
    if (job.status !== 'running') return job;
    if (!job.cancellable) throw new AppError('not-cancellable', `${job.title} cannot be cancelled in phase ${job.phase}`);
    const c = this.controllers.get(id);
    job.phase = 'cancelling';
    this.emit(job, true);
    try {
      await c?.onCancel?.();
    } finally {
      c?.ac.abort(new AppError('canceled', 'Cancelled by the user'));
    }
    return job;
  }

  private finish(job: Job, status: Job['status'], err?: unknown): void {
    job.status = status;
    job.endedAt = Date.now();
    if (status === 'succeeded') job.progress = 1;
    if (err !== undefined && status === 'failed') job.error = toApiError(err);
    this.controllers.delete(job.id);
    this.emit(job, true);
  }

  private emit(job: Job, force: boolean): void {
    const now = Date.now();
    const last = this.lastEmit.get(job.id) ?? 0;
    if (!force && now - last < MIN_INTERVAL_MS) return;
    this.lastEmit.set(job.id, now);
    this.events.emit('job.progress', { ...job, figures: { ...job.figures } });
  }
}
