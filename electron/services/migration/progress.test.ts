import { describe, expect, expectTypeOf, it } from 'vitest';
import { MIGRATION_FIGURES, type MigrationFigures } from '../../../shared/api';
import { figuresFromStats, isNonConverging, ProgressTracker, progressOf, rankRemedies, UNLIMITED_MIBPS } from './progress';

const MiB = 1024 * 1024;

/** One job-stats record as libvirt 9.0 sends it during a migration (keys of PROTOCOL.md §7). */
function stats(o: {
  it: number;
  remaining: number;
  dirtyPages?: number;
  bps?: number;
  processed?: number;
  total?: number;
  elapsed?: number;
}) {
  const total = o.total ?? 209 * MiB;
  return {
    operation: 5,
    time_elapsed: o.elapsed ?? 1000,
    data_total: total,
    data_processed: o.processed ?? total - o.remaining,
    data_remaining: o.remaining,
    memory_total: total,
    memory_processed: o.processed ?? total - o.remaining,
    memory_remaining: o.remaining,
    memory_bps: o.bps ?? 10 * MiB,
    memory_dirty_rate: o.dirtyPages ?? 0,
    memory_page_size: 4096,
    memory_iteration: o.it,
  };
}

describe('figures from job stats', () => {
  it('maps libvirt keys, adds the dirty rate in bytes and the expected downtime as an estimate', () => {
    const f = figuresFromStats({ ...stats({ it: 3, remaining: 20 * MiB, dirtyPages: 2560 }), disk_bps: 5 * MiB });
    expect(f.memRemaining).toBe(20 * MiB);
    expect(f.iteration).toBe(3);
    expect(f.dirtyPagesPerSec).toBe(2560);
    expect(f.dirtyBps).toBe(2560 * 4096);
    expect(f.speedBps).toBe(15 * MiB);
    // remaining / memory_bps: 20 MiB at 10 MiB/s.
    expect(f.expectedDowntimeMs).toBe(2000);
  });

  it('progress is by data: what no longer waits to be sent, over the total', () => {
    expect(progressOf({ dataTotal: 200, dataRemaining: 50 })).toBe(0.75);
    expect(progressOf({ dataTotal: 0 })).toBe(0);
    expect(progressOf({ dataTotal: 100, dataRemaining: 150 })).toBe(0);
  });
});

describe('non-convergence', () => {
  /** The lab's recipe as measured: 10 MiB/s cap, the guest rewriting 32 MiB at ~2550 pages/s. */
  const stuck = [
    stats({ it: 1, remaining: 185 * MiB }),
    stats({ it: 1, remaining: 60 * MiB }),
    stats({ it: 2, remaining: 17.6 * MiB, dirtyPages: 680 }),
    stats({ it: 2, remaining: 8 * MiB, dirtyPages: 680 }),
    stats({ it: 3, remaining: 31 * MiB, dirtyPages: 2514 }),
    stats({ it: 3, remaining: 11 * MiB, dirtyPages: 2514 }),
    stats({ it: 4, remaining: 25 * MiB, dirtyPages: 2551 }),
  ];

  it('flags the lab recipe at the start of pass 3 and keeps the ETA at "never"', () => {
    const t = new ProgressTracker(0);
    const flags = stuck.map((s, i) => t.push(s, i * 1000).nonConverging);
    expect(flags).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(t.last.etaSec).toBe(-1);
    expect(t.nonConverging?.message).toMatch(/Not converging: the guest rewrites memory about as fast as it is sent/);
    expect(t.nonConverging?.message).toContain('31.0 MiB');
  });

  it('does not flag a migration whose passes shrink', () => {
    const t = new ProgressTracker(0);
    const ok = [
      stats({ it: 1, remaining: 150 * MiB }),
      stats({ it: 2, remaining: 20 * MiB, dirtyPages: 300 }),
      stats({ it: 3, remaining: 4 * MiB, dirtyPages: 300 }),
      stats({ it: 4, remaining: 1 * MiB, dirtyPages: 300 }),
    ];
    expect(ok.map((s, i) => t.push(s, i).nonConverging)).toEqual([0, 0, 0, 0]);
    expect(t.last.etaSec).toBeGreaterThan(0);
  });

  it('judges again after a remedy, and clears once a pass starts well below', () => {
    const t = new ProgressTracker(0);
    for (const [i, s] of stuck.entries()) t.push(s, i);
    expect(t.nonConverging).not.toBeNull();
    t.reset();
    expect(t.push(stats({ it: 5, remaining: 5 * MiB, dirtyPages: 100 }), 10).nonConverging).toBe(0);
  });

  it('the rule itself: the guest dirtying at ≥ 90 % of the speed over two passes is enough', () => {
    const m = (iteration: number, remaining: number, dirty: number) => ({ iteration, remaining, dirtyBps: dirty, memBps: 10 * MiB });
    expect(isNonConverging([m(1, 100 * MiB, 0), m(2, 30 * MiB, 9.5 * MiB), m(3, 20 * MiB, 9.6 * MiB)])).toBe(true);
    expect(isNonConverging([m(1, 100 * MiB, 0), m(2, 30 * MiB, 2 * MiB)])).toBe(false);
  });
});

describe('remedies, least guest impact first', () => {
  const figures = figuresFromStats(stats({ it: 4, remaining: 25 * MiB, dirtyPages: 2551 }));

  it('lift the cap, allow a few seconds of downtime, post-copy, restart with auto-converge, pause', () => {
    const r = rankRemedies({
      figures,
      bandwidthMiBps: 10,
      postCopyAllowed: true,
      postCopyActive: false,
      suspended: false,
      canRestartAutoConverge: true,
    });
    expect(r.map((x) => x.control.action)).toEqual(['bandwidth', 'max-downtime', 'postcopy', 'restart-autoconverge', 'suspend']);
    expect(r[0]?.control).toEqual({ action: 'bandwidth', mibps: 0 });
    // 25 MiB at 10 MiB/s = 2.5 s, with a 50 % margin, rounded up to 0.5 s.
    expect(r[1]?.control).toEqual({ action: 'max-downtime', ms: 4000 });
    expect(r[1]?.impact).toMatch(/pauses once, for up to 4.0 s/);
  });

  it('leaves out what cannot apply: no cap, post-copy not allowed, already paused, in post-copy', () => {
    const r = rankRemedies({ figures, postCopyAllowed: false, postCopyActive: false, suspended: true });
    expect(r.map((x) => x.control.action)).toEqual(['max-downtime']);
    expect(rankRemedies({ figures, postCopyAllowed: true, postCopyActive: true, suspended: false })).toEqual([]);
    const found = rankRemedies({ figures, postCopyAllowed: null, postCopyActive: false, suspended: false });
    expect(found.find((x) => x.control.action === 'postcopy')?.impact).toMatch(/only if post-copy was allowed/);
  });

  it('a downtime longer than a minute is not offered', () => {
    const slow = figuresFromStats(stats({ it: 4, remaining: 900 * MiB, dirtyPages: 2551, bps: 10 * MiB }));
    expect(
      rankRemedies({ figures: slow, postCopyAllowed: false, postCopyActive: false, suspended: false }).some(
        (x) => x.control.action === 'max-downtime',
      ),
    ).toBe(false);
  });

  it('"unlimited" is libvirt\'s own maximum', () => {
    expect(BigInt(UNLIMITED_MIBPS)).toBe((2n ** 63n - 1n) / BigInt(MiB));
  });
});

describe('the figures are typed', () => {
  it('MIGRATION_FIGURES names every key of MigrationFigures, and every figure the stats give is one of them', () => {
    expectTypeOf<Exclude<keyof MigrationFigures, (typeof MIGRATION_FIGURES)[number]>>().toEqualTypeOf<never>();
    const all = figuresFromStats({
      time_elapsed: 1,
      data_total: 1,
      data_processed: 1,
      data_remaining: 1,
      memory_total: 1,
      memory_processed: 1,
      memory_remaining: 1,
      memory_bps: 1,
      disk_total: 1,
      disk_processed: 1,
      disk_remaining: 1,
      disk_bps: 1,
      memory_dirty_rate: 1,
      memory_page_size: 1,
      memory_iteration: 1,
      auto_converge_throttle: 1,
      memory_postcopy_requests: 1,
    });
    for (const k of Object.keys(all)) expect(MIGRATION_FIGURES as readonly string[]).toContain(k);
    expect(Object.keys(all)).toContain('postcopyRequests');
  });
});
