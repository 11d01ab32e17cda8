// The exact rules of migration-progress.ts, at their boundaries: which libvirt key feeds which
// figure, when a migration counts as not converging (80 %, 90 %, 70 % thresholds), the ETA, the
// history, and each remedy's wording, figures and order.
import { describe, expect, it } from 'vitest';
import { figuresFromStats, isNonConverging, ProgressTracker, progressOf, rankRemedies, UNLIMITED_MIBPS } from './progress';

const MiB = 1024 * 1024;

describe('figuresFromStats', () => {
  it('maps every libvirt key to its figure', () => {
    const f = figuresFromStats({
      time_elapsed: 1,
      data_total: 2,
      data_processed: 3,
      data_remaining: 4,
      memory_total: 5,
      memory_processed: 6,
      memory_remaining: 7,
      memory_bps: 8,
      disk_total: 9,
      disk_processed: 10,
      disk_remaining: 11,
      disk_bps: 12,
      memory_dirty_rate: 13,
      memory_page_size: 14,
      memory_iteration: 15,
      auto_converge_throttle: 16,
      memory_postcopy_requests: 17,
      operation: 5,
    });
    expect(f).toEqual({
      elapsedMs: 1,
      dataTotal: 2,
      dataProcessed: 3,
      dataRemaining: 4,
      memTotal: 5,
      memProcessed: 6,
      memRemaining: 7,
      memBps: 8,
      diskTotal: 9,
      diskProcessed: 10,
      diskRemaining: 11,
      diskBps: 12,
      dirtyPagesPerSec: 13,
      pageSize: 14,
      iteration: 15,
      throttlePct: 16,
      postcopyRequests: 17,
      speedBps: 20,
      dirtyBps: 13 * 14,
      expectedDowntimeMs: Math.round((7 / 8) * 1000),
    });
  });

  it('ignores strings, booleans and non-finite numbers; takes bigints; pages default to 4 KiB', () => {
    const f = figuresFromStats({
      data_total: 'lots',
      data_remaining: true,
      memory_remaining: Number.NaN,
      memory_bps: 10n,
      memory_dirty_rate: 3,
    });
    expect(f).toEqual({ memBps: 10, speedBps: 10, dirtyPagesPerSec: 3, dirtyBps: 3 * 4096 });
  });

  it('no figures: speed 0 and nothing else', () => {
    expect(figuresFromStats({})).toEqual({ speedBps: 0 });
    // Remaining memory without a speed: no downtime estimate.
    expect(figuresFromStats({ memory_remaining: 5, memory_bps: 0 })).toEqual({ memRemaining: 5, memBps: 0, speedBps: 0 });
  });

  it('progress clamps to 0..1 and reads a missing remainder as nothing sent', () => {
    expect(progressOf({ dataTotal: 100 })).toBe(0);
    expect(progressOf({ dataTotal: 100, dataRemaining: -50 })).toBe(1);
    expect(progressOf({ dataTotal: -1, dataRemaining: 0 })).toBe(0);
    expect(progressOf({})).toBe(0);
  });
});

const mark = (iteration: number, remaining: number, dirtyBps = 0, memBps = 100) => ({ iteration, remaining, dirtyBps, memBps });

describe('isNonConverging at its thresholds', () => {
  it('needs two passes from pass 2 on, the last at least pass 3', () => {
    expect(isNonConverging([])).toBe(false);
    expect(isNonConverging([mark(1, 100), mark(2, 100)])).toBe(false);
    expect(isNonConverging([mark(2, 100), mark(3, 100, 70)])).toBe(true);
    expect(isNonConverging([mark(1, 100, 95), mark(2, 100, 95)])).toBe(false); // last is pass 2
  });

  it('passes 2 and 3 only: stuck when pass 3 starts at ≥ 80 % of pass 2 and dirtying is ≥ 70 % of the speed', () => {
    expect(isNonConverging([mark(2, 100), mark(3, 80, 70)])).toBe(true);
    expect(isNonConverging([mark(2, 100), mark(3, 79.9, 70)])).toBe(false);
    expect(isNonConverging([mark(2, 100), mark(3, 80, 69.9)])).toBe(false);
  });

  it('the guest dirtying ≥ 90 % of the speed in both last passes is stuck whatever the sizes', () => {
    expect(isNonConverging([mark(2, 1000, 90), mark(3, 10, 90)])).toBe(true);
    expect(isNonConverging([mark(2, 1000, 90), mark(3, 10, 89.9)])).toBe(false);
    // No speed measured: dirtying cannot "win".
    expect(isNonConverging([mark(2, 1000, 5, 0), mark(3, 10, 5, 0)])).toBe(false);
  });

  it('later passes: both of the last two at ≥ 80 % of the best earlier start', () => {
    const earlier = [mark(2, 100), mark(3, 50)];
    expect(isNonConverging([...earlier, mark(4, 40), mark(5, 40)])).toBe(true);
    expect(isNonConverging([...earlier, mark(4, 40), mark(5, 39.9)])).toBe(false);
    expect(isNonConverging([...earlier, mark(4, 39.9), mark(5, 100)])).toBe(false);
    // Pass-1 marks do not count as "earlier".
    expect(isNonConverging([mark(1, 10), mark(2, 100), mark(3, 90, 70)])).toBe(true);
  });
});

/** A sample at pass `it` with `remaining` bytes left of 1000 MiB, sent at `bps`, `dirty` pages/s. */
const sample = (it: number, remaining: number, bps = 10 * MiB, dirtyPages = 0) => ({
  data_total: 1000 * MiB,
  data_remaining: remaining,
  memory_remaining: remaining,
  memory_bps: bps,
  memory_dirty_rate: dirtyPages,
  memory_page_size: 4096,
  memory_iteration: it,
});

describe('ProgressTracker', () => {
  it('passRates: the highest dirty rate and speed sampled over the last two passes (one sample dips), none before pass 2', () => {
    const t = new ProgressTracker(0);
    t.push(sample(1, 500 * MiB, 10 * MiB, 0), 1);
    expect(t.passRates).toBeUndefined();
    // Pass 2: 2300 pages/s ≈ 9 MiB/s; the speed read 5.8 then 10 MiB/s (as in the lab).
    t.push(sample(2, 30 * MiB, 5.8 * MiB, 2300), 2);
    t.push(sample(2, 20 * MiB, 10 * MiB, 2200), 3);
    t.push(sample(3, 30 * MiB, 6 * MiB, 2000), 4);
    expect(t.passRates).toEqual({ dirtyBps: 2300 * 4096, memBps: 10 * MiB });
    // Pass 4: pass 2 is out of the window.
    t.push(sample(4, 30 * MiB, 7 * MiB, 1000), 5);
    expect(t.passRates).toEqual({ dirtyBps: 2000 * 4096, memBps: 7 * MiB });
    // The restart remedy is chosen from these, not from the last sample.
    const r = rankRemedies({
      figures: t.last,
      postCopyAllowed: true,
      postCopyActive: false,
      suspended: false,
      canRestartAutoConverge: true,
      passRates: { dirtyBps: 9 * MiB, memBps: 10 * MiB },
    });
    expect(r.find((x) => x.control.action === 'restart-autoconverge')?.control).toEqual({
      action: 'restart-autoconverge',
      initial: 95,
      increment: 10,
    });
  });

  it('history: time since the start and the data left; samples without a total are left out', () => {
    const t = new ProgressTracker(1000);
    t.push(sample(1, 500 * MiB), 1500);
    t.push({ memory_remaining: 5 }, 1600);
    t.push(sample(1, 400 * MiB), 2000);
    expect(t.history).toEqual([
      [500, 500 * MiB],
      [1000, 400 * MiB],
    ]);
    expect(t.iterations).toBe(1);
  });

  it('history keeps the last 2400 samples', () => {
    const t = new ProgressTracker(0);
    for (let i = 0; i < 2402; i++) t.push(sample(1, 1000 - i), i);
    expect(t.history).toHaveLength(2400);
    expect(t.history[0]).toEqual([2, 998]);
    expect(t.history.at(-1)).toEqual([2401, 1000 - 2401]);
  });

  it('ETA: remaining over speed in pass 1, over speed minus dirtying later; -1 when it cannot finish', () => {
    const t = new ProgressTracker(0);
    expect(t.push(sample(1, 100 * MiB), 1).etaSec).toBe(10);
    expect(t.push(sample(1, 101 * MiB), 2).etaSec).toBe(11); // ceil
    // Pass 2: 10 MiB/s sent, 1280 pages of 4 KiB (5 MiB) dirtied per second: 5 MiB/s net.
    expect(t.push(sample(2, 50 * MiB, 10 * MiB, 1280), 3).etaSec).toBe(10);
    // Dirtying as fast as sending: never.
    expect(t.push(sample(2, 50 * MiB, 10 * MiB, 2560), 4).etaSec).toBe(-1);
    expect(t.push({ ...sample(1, 50 * MiB), memory_bps: 0 }, 5).etaSec).toBe(-1);
    const u = new ProgressTracker(0);
    expect(u.push({ memory_bps: 10 }, 1).etaSec).toBe(-1);
  });

  it('flags a stuck migration, explains it, and clears the flag when a pass starts below half', () => {
    const t = new ProgressTracker(0);
    const dirty = 2400; // pages/s = 9.375 MiB/s of 10 MiB/s sent (≥ 90 %)
    t.push(sample(1, 900 * MiB), 1);
    t.push(sample(2, 200 * MiB, 10 * MiB, dirty), 2);
    expect(t.nonConverging).toBeNull();
    const f = t.push(sample(3, 190 * MiB, 10 * MiB, dirty), 3);
    expect(f.nonConverging).toBe(1);
    expect(f.etaSec).toBe(-1);
    expect(t.nonConverging).toEqual({
      since: 3,
      message:
        'Not converging: the guest rewrites memory about as fast as it is sent (9.4 MiB/s dirtied vs 10.0 MiB/s sent), ' +
        'so each pass starts with as much left as the one before (200 MiB, 190 MiB). ' +
        'Left alone it never finishes: pick one of the remedies below.',
    });
    // Still stuck at pass 4 (not below half of 190 MiB): the flag stays, with its time.
    t.push(sample(4, 96 * MiB, 10 * MiB, 0), 4);
    expect(t.nonConverging?.since).toBe(3);
    // Pass 5 starts at 94 MiB, below half of 190: converging after all.
    const g = t.push(sample(5, 94 * MiB, 10 * MiB, 0), 5);
    expect(g.nonConverging).toBe(0);
    expect(t.nonConverging).toBeNull();
  });

  it('reset starts the judgement over from the last pass', () => {
    const t = new ProgressTracker(0);
    const dirty = 2400;
    t.push(sample(2, 200 * MiB, 10 * MiB, dirty), 1);
    t.push(sample(3, 190 * MiB, 10 * MiB, dirty), 2);
    expect(t.nonConverging?.since).toBe(2);
    t.reset();
    expect(t.nonConverging).toBeNull();
    // The same pass again changes nothing; the next one is judged with the kept last mark.
    t.push(sample(3, 190 * MiB, 10 * MiB, dirty), 3);
    expect(t.nonConverging).toBeNull();
    t.push(sample(4, 190 * MiB, 10 * MiB, dirty), 4);
    expect(t.nonConverging?.since).toBe(4);
    expect(t.nonConverging?.message).toContain('(190 MiB, 190 MiB)');
  });

  it('the message lists the starts of the last four passes from pass 2 on', () => {
    const t = new ProgressTracker(0);
    t.push(sample(1, 900 * MiB, 10 * MiB, 2400), 1);
    for (let i = 2; i <= 7; i++) t.push(sample(i, (200 - i) * MiB, 10 * MiB, 2400), i);
    expect(t.nonConverging?.message).toContain('(196 MiB, 195 MiB, 194 MiB, 193 MiB)');
  });
});

describe('rankRemedies', () => {
  const ctx = (o: Partial<Parameters<typeof rankRemedies>[0]> = {}): Parameters<typeof rankRemedies>[0] => ({
    figures: { memBps: 10 * MiB, memRemaining: 30 * MiB, dirtyBps: 10 * MiB },
    postCopyAllowed: true,
    postCopyActive: false,
    suspended: false,
    canRestartAutoConverge: true,
    ...o,
  });

  it('every remedy, cheapest for the guest first (a short pause before post-copy), with its exact wording', () => {
    expect(rankRemedies(ctx({ bandwidthMiBps: 10 }))).toEqual([
      {
        control: { action: 'bandwidth', mibps: 0 },
        label: 'Lift the 10 MiB/s bandwidth limit',
        impact:
          'No effect on the guest; the migration may use the whole link (enough if the link is faster than the guest dirties memory).',
      },
      {
        // 30 MiB at 10 MiB/s = 3 s, ×1.5 = 4.5 s.
        control: { action: 'max-downtime', ms: 4500 },
        label: 'Allow 4.5 s of downtime',
        impact: 'The guest pauses once, for up to 4.5 s, while the last 30.0 MiB are copied.',
      },
      {
        control: { action: 'postcopy' },
        label: 'Switch to post-copy',
        impact:
          'The guest moves to the destination now and keeps running while the rest of its memory follows on demand (slower for a few seconds). Until it ends, a broken link stops the guest.',
      },
      {
        // 10 MiB/s dirtied as 10 MiB/s are sent: autoconverge.ts's start (its own tests say why 95 %).
        control: { action: 'restart-autoconverge', initial: 95, increment: 10 },
        label: 'Restart with auto-converge',
        impact:
          'Cancels this migration (the guest keeps running here) and starts it again with auto-converge: QEMU slows the guest’s vCPUs by 95 % at first. The guest dirtied 10.0 MiB/s while 10.0 MiB/s was sent: nearly as fast as the link, so it may dirty far more (a page rewritten often counts once). The start assumes 8× that and slows the guest until it dirties at most half of what is sent. If the guest still outpaces the link, QEMU adds 10 % every second pass, up to its maximum of 99 %. A vCPU cap cannot be set by hand while a migration runs.',
      },
      {
        control: { action: 'suspend' },
        label: 'Pause the guest to finish',
        impact:
          'The guest stops for about 3.0 s (30.0 MiB left at 10.0 MiB/s; longer if the link slows) while the rest is copied, then resumes on the destination.',
      },
    ]);
  });

  it('the pause is sized from what a pass starts with, not from a sample taken mid-pass', () => {
    // 12 MiB left now, but the last passes began with 32 MiB: 32 / 10 × 1.5 = 4.8 → 5 s.
    const r = rankRemedies(
      ctx({ figures: { memBps: 10 * MiB, memRemaining: 12 * MiB, dirtyBps: 10 * MiB }, passStartRemaining: 32 * MiB }),
    );
    expect(r.find((x) => x.control.action === 'max-downtime')?.control).toEqual({ action: 'max-downtime', ms: 5000 });
    // A sample above the pass starts wins.
    const above = rankRemedies(ctx({ passStartRemaining: 10 * MiB }));
    expect(above.find((x) => x.control.action === 'max-downtime')?.control).toEqual({ action: 'max-downtime', ms: 4500 });
  });

  it('the tracker keeps the largest start of the last two passes', () => {
    const t = new ProgressTracker(0);
    expect(t.passStartRemaining).toBe(0);
    t.push(sample(1, 900 * MiB, 10 * MiB, 2400), 1);
    expect(t.passStartRemaining).toBe(0);
    t.push(sample(2, 30 * MiB, 10 * MiB, 2400), 2);
    t.push(sample(3, 32 * MiB, 10 * MiB, 2400), 3);
    t.push(sample(4, 31 * MiB, 10 * MiB, 2400), 4);
    expect(t.passStartRemaining).toBe(32 * MiB);
  });

  it('a long downtime ranks after post-copy; beyond a minute it is not offered', () => {
    const long = rankRemedies(ctx({ figures: { memBps: 10 * MiB, memRemaining: 100 * MiB, dirtyBps: 10 * MiB } }));
    expect(long.map((r) => r.control.action)).toEqual(['postcopy', 'max-downtime', 'restart-autoconverge', 'suspend']);
    expect(long[1]?.label).toBe('Allow 15 s of downtime');
    expect(long[3]?.impact).toBe(
      'The guest stops for about 10 s (100 MiB left at 10.0 MiB/s; longer if the link slows) while the rest is copied, then resumes on the destination.',
    );
    const huge = rankRemedies(ctx({ figures: { memBps: 1 * MiB, memRemaining: 100 * MiB, dirtyBps: 1 * MiB } }));
    expect(huge.map((r) => r.control.action)).toEqual(['postcopy', 'restart-autoconverge', 'suspend']);
    // Exactly 5 s is still "short"; exactly 60 s still offered.
    const five = rankRemedies(ctx({ figures: { memBps: 3 * MiB, memRemaining: 10 * MiB, dirtyBps: 1 } }));
    expect(five[0]?.control).toEqual({ action: 'max-downtime', ms: 5000 });
    const sixty = rankRemedies(ctx({ figures: { memBps: 1 * MiB, memRemaining: 40 * MiB, dirtyBps: 1 } }));
    expect(sixty.find((r) => r.control.action === 'max-downtime')?.control).toEqual({ action: 'max-downtime', ms: 60_000 });
  });

  it('no longer downtime than already allowed; at least 1 s; 5 s when the speed is unknown', () => {
    expect(rankRemedies(ctx({ maxDowntimeMs: 4500 })).some((r) => r.control.action === 'max-downtime')).toBe(false);
    expect(rankRemedies(ctx({ maxDowntimeMs: 4499 })).find((r) => r.control.action === 'max-downtime')?.control).toEqual({
      action: 'max-downtime',
      ms: 4500,
    });
    const tiny = rankRemedies(ctx({ figures: { memBps: 100 * MiB, memRemaining: 1 * MiB, dirtyBps: 1 } }));
    expect(tiny.find((r) => r.control.action === 'max-downtime')?.control).toEqual({ action: 'max-downtime', ms: 1000 });
    expect(tiny.find((r) => r.control.action === 'suspend')?.impact).toBe(
      'The guest stops for about 1.0 s (1.0 MiB left at 100 MiB/s; longer if the link slows) while the rest is copied, then resumes on the destination.',
    );
    const unknown = rankRemedies(ctx({ figures: { memRemaining: 10 * MiB, dirtyBps: 1 } }));
    expect(unknown.map((r) => [r.control.action, r.control.action === 'max-downtime' ? r.control.ms : undefined])).toEqual([
      ['max-downtime', 5000],
      ['postcopy', undefined],
      ['restart-autoconverge', undefined],
      ['suspend', undefined],
    ]);
    expect(unknown.find((r) => r.control.action === 'suspend')?.impact).toBe(
      'The guest stops while the rest is copied, then resumes on the destination.',
    );
    // A zero speed is as good as unknown.
    expect(
      rankRemedies(ctx({ figures: { memBps: 0, memRemaining: 10 * MiB, dirtyBps: 1 } })).find((r) => r.control.action === 'max-downtime')
        ?.control,
    ).toEqual({ action: 'max-downtime', ms: 5000 });
  });

  it('the remaining data stands in for remaining memory', () => {
    const r = rankRemedies(ctx({ figures: { memBps: 10 * MiB, dataRemaining: 20 * MiB, dirtyBps: 1 } }));
    expect(r.find((x) => x.control.action === 'max-downtime')?.control).toEqual({ action: 'max-downtime', ms: 3000 });
  });

  it('bandwidth: only a real cap below the unlimited value', () => {
    const has = (o: Partial<Parameters<typeof rankRemedies>[0]>) => rankRemedies(ctx(o)).some((r) => r.control.action === 'bandwidth');
    expect(has({ bandwidthMiBps: 1 })).toBe(true);
    expect(has({ bandwidthMiBps: UNLIMITED_MIBPS - 1 })).toBe(true);
    expect(has({ bandwidthMiBps: UNLIMITED_MIBPS })).toBe(false);
    expect(has({ bandwidthMiBps: 0 })).toBe(false);
    expect(has({})).toBe(false);
  });

  it('restart with auto-converge: only for a live migration started here without it, never while paused', () => {
    const has = (o: Partial<Parameters<typeof rankRemedies>[0]>) =>
      rankRemedies(ctx(o)).some((r) => r.control.action === 'restart-autoconverge');
    expect(has({})).toBe(true);
    expect(has({ canRestartAutoConverge: false })).toBe(false);
    expect(has({ suspended: true })).toBe(false);
    // No remedy offers a vCPU cap: libvirt refuses it while the migration holds the domain.
    expect(rankRemedies(ctx({})).some((r) => r.control.action === 'throttle')).toBe(false);
  });

  it('post-copy: offered unless refused; when unknown it says so; none while post-copy runs; none suspended', () => {
    expect(rankRemedies(ctx({ postCopyAllowed: false })).some((r) => r.control.action === 'postcopy')).toBe(false);
    expect(rankRemedies(ctx({ postCopyAllowed: null })).find((r) => r.control.action === 'postcopy')?.impact).toMatch(
      / Works only if post-copy was allowed when the migration started\.$/,
    );
    expect(rankRemedies(ctx({ postCopyActive: true, bandwidthMiBps: 10 }))).toEqual([]);
    expect(rankRemedies(ctx({ suspended: true })).map((r) => r.control.action)).toEqual(['max-downtime', 'postcopy']);
  });
});
