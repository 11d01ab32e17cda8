// Over 400 lines on purpose: the JobManager's whole contract (progress, throttle, cancel, typed detail, retention) in one place.
// JobManager: the record every long operation reports through. Exact outcomes: the final
// progress, status and error of each ending, what is broadcast and when (throttle), and how
// cancellation reaches the work.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Events, Job } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { EventHub } from '../core/events';
import { type JobContext, JobManager, RETAIN_MAX, RETAIN_MS } from './jobs';

const T0 = 1_800_000_000_000;

function setup() {
  const events = new EventHub();
  const emitted: Events['job.progress'][] = [];
  events.on('job.progress', (j) => emitted.push(j));
  return { jobs: new JobManager(events), emitted };
}

/** A job whose work waits until the test ends it; `ctx` is the work's context. */
function controllable(jobs: JobManager, spec: Partial<Parameters<JobManager['start']>[0]> = {}) {
  let ctx!: JobContext;
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  const { job, done } = jobs.start({ kind: 'clone', hostId: 'h-1', title: 'Clone tiny', ...spec }, (c) => {
    ctx = c;
    return new Promise<string>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  });
  return { job, done, ctx, resolve, reject };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('JobManager', () => {
  it('a job starts running at progress 0 and is announced at once', () => {
    const { jobs, emitted } = setup();
    const { job } = controllable(jobs, { domain: 'tiny' });
    expect(job).toEqual({
      id: job.id,
      kind: 'clone',
      hostId: 'h-1',
      domain: 'tiny',
      title: 'Clone tiny',
      phase: 'starting',
      progress: 0,
      detail: { figures: {} },
      status: 'running',
      cancellable: true,
      startedAt: T0,
    });
    expect(job.id).toMatch(/^job-[0-9a-f]{8}$/);
    expect(emitted).toEqual([job]);
    expect(jobs.get(job.id)).toEqual(job);
  });

  it('without a domain the record has no domain key; cancellable: false is kept', () => {
    const { jobs } = setup();
    const { job } = controllable(jobs, { cancellable: false });
    expect('domain' in job).toBe(false);
    expect(job.cancellable).toBe(false);
  });

  it('success sets progress to exactly 1, status succeeded and the end time', async () => {
    const { jobs, emitted } = setup();
    const { job, done, ctx, resolve } = controllable(jobs);
    ctx.update({ phase: 'copying', progress: 0.4 });
    vi.setSystemTime(T0 + 5000);
    resolve('ok');
    await expect(done).resolves.toBe('ok');
    const end = jobs.get(job.id);
    expect(end.progress).toBe(1);
    expect(end.status).toBe('succeeded');
    expect(end.endedAt).toBe(T0 + 5000);
    expect(end.error).toBeUndefined();
    // The last broadcast is the final record.
    expect(emitted.at(-1)).toEqual(end);
    expect(emitted.at(-1)?.progress).toBe(1);
  });

  it('failure keeps the progress reached and carries the error code, message and hint', async () => {
    const { jobs, emitted } = setup();
    const { job, done, ctx, reject } = controllable(jobs);
    ctx.update({ phase: 'copying', progress: 0.25 });
    const err = new AppError('libvirt', 'pool full', 'Free some space.');
    reject(err);
    await expect(done).rejects.toBe(err);
    const end = jobs.get(job.id);
    expect(end.status).toBe('failed');
    expect(end.progress).toBe(0.25);
    expect(end.error).toEqual({ code: 'libvirt', message: 'pool full', hint: 'Free some space.' });
    expect(end.endedAt).toBe(T0);
    expect(emitted.at(-1)).toEqual(end);
  });

  it('update clamps progress to 0..1 and merges figures', () => {
    const { jobs } = setup();
    const { job, ctx } = controllable(jobs);
    ctx.update({ progress: 1.7, detail: { figures: { bytes: 1, totalBytes: 2 } } });
    expect(jobs.get(job.id).progress).toBe(1);
    // No phase given: the phase stays.
    expect(jobs.get(job.id).phase).toBe('starting');
    ctx.update({ progress: -3, detail: { figures: { totalBytes: 5, disk: 7 } } });
    expect(jobs.get(job.id).progress).toBe(0);
    expect(jobs.get(job.id).detail.figures).toEqual({ bytes: 1, totalBytes: 5, disk: 7 });
    ctx.update({ phase: 'verifying' });
    // Progress untouched when not given.
    expect(jobs.get(job.id)).toMatchObject({ phase: 'verifying', progress: 0 });
  });

  it('property: any reported number (NaN and infinities too) leaves progress in 0..1; a value inside is kept exactly', () => {
    const { jobs } = setup();
    const { job, ctx } = controllable(jobs);
    fc.assert(
      fc.property(fc.double(), (p) => {
        const before = jobs.get(job.id).progress;
        ctx.update({ progress: p });
        const after = jobs.get(job.id).progress;
        expect(after >= 0 && after <= 1).toBe(true);
        if (Number.isNaN(p)) expect(after).toBe(before);
        else if (p >= 0 && p <= 1) expect(after).toBe(p);
        else expect(after).toBe(p < 0 ? 0 : 1);
      }),
    );
  });

  it('progress is broadcast at most every 200 ms; a phase change always is', () => {
    const { jobs, emitted } = setup();
    const { ctx } = controllable(jobs);
    expect(emitted).toHaveLength(1);
    ctx.update({ progress: 0.1 }); // same instant as the start event
    expect(emitted).toHaveLength(1);
    vi.setSystemTime(T0 + 199);
    ctx.update({ progress: 0.2 });
    expect(emitted).toHaveLength(1);
    vi.setSystemTime(T0 + 200);
    ctx.update({ progress: 0.3 });
    expect(emitted).toHaveLength(2);
    expect(emitted[1]?.progress).toBe(0.3);
    ctx.update({ phase: 'verifying' }); // 0 ms later, but a new phase
    expect(emitted).toHaveLength(3);
    expect(emitted[2]?.phase).toBe('verifying');
    ctx.update({ phase: 'verifying', progress: 0.5 }); // same phase: throttled
    expect(emitted).toHaveLength(3);
  });

  it('each broadcast is a copy: later updates do not change what was sent', () => {
    const { jobs, emitted } = setup();
    const { ctx } = controllable(jobs);
    vi.setSystemTime(T0 + 1000);
    ctx.update({ progress: 0.5, detail: { figures: { bytes: 10 } } });
    const sent = emitted[1] as Job;
    vi.setSystemTime(T0 + 2000);
    ctx.update({ progress: 0.6, detail: { figures: { bytes: 20 } } });
    expect(sent.progress).toBe(0.5);
    expect(sent.detail.figures).toEqual({ bytes: 10 });
  });

  it('after the job ended, updates change nothing and broadcast nothing', async () => {
    const { jobs, emitted } = setup();
    const { job, done, ctx, resolve } = controllable(jobs);
    resolve('x');
    await done;
    const n = emitted.length;
    vi.setSystemTime(T0 + 10_000);
    ctx.update({ phase: 'late', progress: 0.1 });
    expect(jobs.get(job.id)).toMatchObject({ phase: 'starting', progress: 1, status: 'succeeded' });
    expect(emitted).toHaveLength(n);
  });

  it('cancel runs onCancel before the signal aborts, then the job ends canceled', async () => {
    const { jobs, emitted } = setup();
    const order: string[] = [];
    let ctx!: JobContext;
    const { job, done } = jobs.start(
      {
        kind: 'migration',
        hostId: 'h-1',
        title: 'Migrate tiny',
        onCancel: async () => {
          order.push(`onCancel aborted=${ctx.signal.aborted}`);
        },
      },
      (c) => {
        ctx = c;
        return new Promise<void>((_, rej) => {
          c.signal.addEventListener('abort', () => {
            order.push('abort');
            rej(c.signal.reason);
          });
        });
      },
    );
    const during = jobs.cancel(job.id);
    expect(jobs.get(job.id).phase).toBe('cancelling');
    expect(emitted.at(-1)?.phase).toBe('cancelling');
    await during;
    await expect(done).rejects.toMatchObject({ code: 'canceled', message: 'Cancelled by the user' });
    expect(order).toEqual(['onCancel aborted=false', 'abort']);
    const end = jobs.get(job.id);
    expect(end.status).toBe('canceled');
    expect(end.error).toBeUndefined();
    expect(end.progress).toBe(0);
  });

  it('work that resolves after the abort still counts as canceled', async () => {
    const { jobs } = setup();
    const { job, done, resolve } = controllable(jobs);
    await jobs.cancel(job.id);
    resolve('finished anyway');
    await expect(done).resolves.toBe('finished anyway');
    expect(jobs.get(job.id)).toMatchObject({ status: 'canceled', progress: 0 });
  });

  it('a failing onCancel still aborts the work and the error reaches the caller', async () => {
    const { jobs } = setup();
    const { job, done, ctx } = controllable(jobs, {
      onCancel: async () => {
        throw new Error('abort-job refused');
      },
    });
    await expect(jobs.cancel(job.id)).rejects.toThrow('abort-job refused');
    expect(ctx.signal.aborted).toBe(true);
    expect(jobs.get(job.id).status).toBe('running'); // the work has not ended yet
    void done;
  });

  it('a job that cannot be cancelled says so; an ended job is returned unchanged', async () => {
    const { jobs } = setup();
    const a = controllable(jobs, { cancellable: false, title: 'Install vm1' });
    await expect(jobs.cancel(a.job.id)).rejects.toMatchObject({
      code: 'not-cancellable',
      message: 'Install vm1 cannot be cancelled in phase starting',
    });
    expect(a.ctx.signal.aborted).toBe(false);
    const b = controllable(jobs);
    b.resolve('done');
    await b.done;
    const ended = await jobs.cancel(b.job.id);
    expect(ended).toMatchObject({ status: 'succeeded', phase: 'starting', progress: 1 });
    expect(b.ctx.signal.aborted).toBe(false);
  });

  it('a refused Cancel does not relabel a failure: a later "canceled" error from the work fails the job with its message (review 7 item 3)', async () => {
    const { jobs } = setup();
    const a = controllable(jobs, { kind: 'migration', title: 'Migrate tiny' });
    a.ctx.setCancellable(false);
    expect(a.ctx.cancelAsked()).toBeUndefined();
    await expect(jobs.cancel(a.job.id)).rejects.toMatchObject({ code: 'not-cancellable' });
    expect(a.ctx.cancelAsked()).toBe('refused');
    // e.g. a migration's RunFailed built from libvirt's OPERATION_ABORTED after Vireo's own abort
    a.reject(new AppError('canceled', 'Cancelled: tiny is running on lab-a.', 'The link to lab-b dropped; nothing was deleted.'));
    await expect(a.done).rejects.toMatchObject({ code: 'canceled' });
    expect(jobs.get(a.job.id)).toMatchObject({
      status: 'failed',
      error: { code: 'canceled', message: 'Cancelled: tiny is running on lab-a.', hint: 'The link to lab-b dropped; nothing was deleted.' },
    });
  });

  it('an accepted Cancel: the work’s own "canceled" counts before onCancel finished; a later refused one keeps it accepted', async () => {
    const { jobs } = setup();
    let land!: () => void;
    const a = controllable(jobs, { onCancel: () => new Promise<void>((r) => (land = r)) });
    const during = jobs.cancel(a.job.id);
    expect(a.ctx.cancelAsked()).toBe('accepted');
    expect(a.ctx.signal.aborted).toBe(false);
    a.ctx.setCancellable(false);
    await expect(jobs.cancel(a.job.id)).rejects.toMatchObject({ code: 'not-cancellable' });
    expect(a.ctx.cancelAsked()).toBe('accepted');
    a.reject(new AppError('canceled', 'The move was cancelled'));
    await expect(a.done).rejects.toMatchObject({ code: 'canceled' });
    expect(jobs.get(a.job.id)).toMatchObject({ status: 'canceled' });
    land();
    await during;
  });

  it('get of an unknown id is a not-found error; list is newest first', () => {
    const { jobs } = setup();
    expect(() => jobs.get('job-nope')).toThrow(expect.objectContaining({ code: 'not-found', message: 'No job job-nope' }));
    const first = controllable(jobs, { title: 'first' });
    vi.setSystemTime(T0 + 1);
    const second = controllable(jobs, { title: 'second' });
    vi.setSystemTime(T0 + 2);
    const third = controllable(jobs, { title: 'third' });
    expect(jobs.list().map((j) => j.id)).toEqual([third.job.id, second.job.id, first.job.id]);
  });

  it('the caller may ignore `done`: a failure does not become an unhandled rejection', async () => {
    const { jobs } = setup();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { job } = jobs.start({ kind: 'clone', hostId: 'h-1', title: 't' }, async () => {
        throw new Error('boom');
      });
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      expect(jobs.get(job.id)).toMatchObject({ status: 'failed', error: { code: 'internal', message: 'boom' } });
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('typed detail', () => {
  const info = {
    jobId: 'j',
    source: { hostId: 'h-1', hostName: 'lab-a', uuid: '7e570000-0000-4000-8000-000000000001', name: 'tiny' },
    reattached: false,
    postCopyAllowed: false,
    controls: { suspended: false, postCopy: false },
    remedies: [],
  };

  it("a migration's detail: figures merged key by key, the rest replaced; history only in get() and list()", () => {
    const { jobs, emitted } = setup();
    let ctx!: JobContext<'migration'>;
    const history = { samples: [[0, 10]] as [number, number][], log: [{ at: T0, text: 'Started' }] };
    const { job } = jobs.start(
      { kind: 'migration', hostId: 'h-1', title: 'Migrate tiny', detail: { figures: {}, info, logLines: 0 }, full: () => ({ history }) },
      (c) => {
        ctx = c;
        return new Promise<void>(() => {});
      },
    );
    expect(job.detail).toEqual({ figures: {}, info, logLines: 0 });
    ctx.update({ phase: 'transferring', detail: { figures: { dataTotal: 100, dataRemaining: 80 }, logLines: 1 } });
    ctx.update({ phase: 'pass 2', detail: { figures: { dataRemaining: 40 } } });
    const last = emitted.at(-1);
    expect(last?.kind === 'migration' && last.detail).toEqual({ figures: { dataTotal: 100, dataRemaining: 40 }, info, logLines: 1 });
    // Events never carry the history; get() and list() do.
    expect(emitted.every((e) => e.kind === 'migration' && e.detail.history === undefined)).toBe(true);
    const got = jobs.get(job.id);
    expect(got.kind === 'migration' && got.detail.history).toEqual(history);
    const listed = jobs.list()[0];
    expect(listed?.kind === 'migration' && listed.detail.history).toEqual(history);
  });

  it("a copy job's figures merge one level deep in its detail", () => {
    const { jobs } = setup();
    const { job, ctx } = controllable(jobs);
    ctx.update({ detail: { figures: { bytes: 10, totalBytes: 100 } } });
    ctx.update({ detail: { figures: { bytes: 20 } } });
    expect(jobs.get(job.id)).toMatchObject({ detail: { figures: { bytes: 20, totalBytes: 100 } } });
    ctx.update({ detail: { figures: { bytesPerSec: 5 } } });
    expect(jobs.get(job.id).detail).toEqual({ figures: { bytes: 20, totalBytes: 100, bytesPerSec: 5 } });
  });

  it('get() and list() give copies: changing them changes no job', () => {
    const { jobs } = setup();
    const { job, ctx } = controllable(jobs);
    ctx.update({ detail: { figures: { bytes: 1 } } });
    const got = jobs.get(job.id);
    got.cancellable = false;
    got.detail.figures = {};
    expect(jobs.get(job.id)).toMatchObject({ cancellable: true, detail: { figures: { bytes: 1 } } });
  });
});

describe('cancellable through the context', () => {
  it('setCancellable changes it, broadcasts at once, and cancel() then refuses', async () => {
    const { jobs, emitted } = setup();
    const { job, ctx } = controllable(jobs);
    ctx.setCancellable(false);
    expect(emitted.at(-1)?.cancellable).toBe(false);
    const n = emitted.length;
    ctx.setCancellable(false);
    expect(emitted.length).toBe(n);
    await expect(jobs.cancel(job.id)).rejects.toMatchObject({ code: 'not-cancellable' });
    ctx.setCancellable(true);
    expect(jobs.get(job.id).cancellable).toBe(true);
  });

  it('after the job ended, setCancellable changes nothing', async () => {
    const { jobs, emitted } = setup();
    const { job, ctx, resolve, done } = controllable(jobs);
    resolve('ok');
    await done;
    const n = emitted.length;
    ctx.setCancellable(false);
    expect(jobs.get(job.id).cancellable).toBe(true);
    expect(emitted.length).toBe(n);
  });
});

describe('finished jobs are kept for a bounded time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(T0);
  });

  it(`a finished job is listed for ${RETAIN_MS / 60_000} minutes, then dropped; a running one stays`, async () => {
    const { jobs } = setup();
    const ended = controllable(jobs);
    const running = controllable(jobs);
    ended.resolve('ok');
    await ended.done;
    vi.advanceTimersByTime(RETAIN_MS - 1);
    expect(jobs.get(ended.job.id).status).toBe('succeeded');
    vi.advanceTimersByTime(1);
    expect(() => jobs.get(ended.job.id)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(jobs.list().map((j) => j.id)).toEqual([running.job.id]);
    vi.advanceTimersByTime(10 * RETAIN_MS);
    expect(jobs.get(running.job.id).status).toBe('running');
  });

  it(`at most ${RETAIN_MAX} finished jobs are kept: the oldest ended go first`, async () => {
    const { jobs } = setup();
    const all = [];
    for (let i = 0; i < RETAIN_MAX + 2; i++) {
      vi.setSystemTime(T0 + i);
      const c = controllable(jobs, { title: `j${i}` });
      c.resolve('ok');
      await c.done;
      all.push(c.job.id);
    }
    const kept = jobs.list().map((j) => j.id);
    expect(kept).toHaveLength(RETAIN_MAX);
    expect(kept).not.toContain(all[0]);
    expect(kept).not.toContain(all[1]);
    expect(kept).toContain(all[2]);
    expect(kept).toContain(all.at(-1));
  });

  it('dispose() stops the timers: nothing is dropped afterwards', async () => {
    const { jobs } = setup();
    const c = controllable(jobs);
    c.resolve('ok');
    await c.done;
    jobs.dispose();
    vi.advanceTimersByTime(2 * RETAIN_MS);
    expect(jobs.get(c.job.id).status).toBe('succeeded');
  });
});
