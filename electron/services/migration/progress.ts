/**
 * The numbers of a running migration, from the source's job stats (PROTOCOL.md §7): the panel's
 * figures, the graph's history, whether it converges, and the remedies when it does not, ranked
 * by what the guest goes through. Pure: no I/O, so every rule here is unit-tested.
 */
import type { MigrationControl, MigrationFigures, MigrationRemedy } from '../../../shared/api';
import type { ParamRecord } from '../../libvirt/params';
import { autoConvergeFor } from './autoconverge';

/** libvirt's "no limit" for SET_MAX_SPEED: QEMU_DOMAIN_MIG_BANDWIDTH_MAX (INT64_MAX / MiB). */
export const UNLIMITED_MIBPS = 8_796_093_022_207;
const MiB = 1024 * 1024;
const HISTORY_MAX = 2400;

/** The live numbers (shared/api MigrationFigures: every key typed). */
export type Figures = MigrationFigures;

const num = (s: ParamRecord, k: string): number | undefined => {
  const v = s[k];
  if (v === undefined || typeof v === 'string' || typeof v === 'boolean') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** The panel's figures from one job-stats record. */
export function figuresFromStats(s: ParamRecord): Figures {
  const f: Figures = {};
  const copy = (to: keyof Figures, from: string): void => {
    const v = num(s, from);
    if (v !== undefined) f[to] = v;
  };
  copy('elapsedMs', 'time_elapsed');
  copy('dataTotal', 'data_total');
  copy('dataProcessed', 'data_processed');
  copy('dataRemaining', 'data_remaining');
  copy('memTotal', 'memory_total');
  copy('memProcessed', 'memory_processed');
  copy('memRemaining', 'memory_remaining');
  copy('memBps', 'memory_bps');
  copy('diskTotal', 'disk_total');
  copy('diskProcessed', 'disk_processed');
  copy('diskRemaining', 'disk_remaining');
  copy('diskBps', 'disk_bps');
  copy('dirtyPagesPerSec', 'memory_dirty_rate');
  copy('pageSize', 'memory_page_size');
  copy('iteration', 'memory_iteration');
  copy('throttlePct', 'auto_converge_throttle');
  copy('postcopyRequests', 'memory_postcopy_requests');
  const memBps = f.memBps ?? 0;
  const speed = memBps + (f.diskBps ?? 0);
  f.speedBps = speed;
  if (f.dirtyPagesPerSec !== undefined) f.dirtyBps = f.dirtyPagesPerSec * (f.pageSize ?? 4096);
  // Not a libvirt key: the time the last pass would take at the current speed (an estimate).
  if (f.memRemaining !== undefined && memBps > 0) f.expectedDowntimeMs = Math.round((f.memRemaining / memBps) * 1000);
  return f;
}

/** 0..1 by data: how much of the total is no longer waiting to be sent. */
export function progressOf(f: Figures): number {
  const total = f.dataTotal ?? 0;
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, (total - (f.dataRemaining ?? total)) / total));
}

interface IterationMark {
  iteration: number;
  /** Memory left when this pass began: what the guest dirtied during the previous one. */
  remaining: number;
  dirtyBps: number;
  memBps: number;
  /** The highest dirty rate and transfer speed sampled during this pass (one sample swings widely). */
  peakDirtyBps?: number;
  peakMemBps?: number;
}

/**
 * Follows one migration: keeps the history (remaining over time) and decides whether it
 * converges. It does not when the memory left at the start of each pass stops shrinking, or when
 * the guest dirties memory at least as fast as it is sent, over the last passes.
 */
export class ProgressTracker {
  readonly history: [number, number][] = [];
  private marks: IterationMark[] = [];
  private lastIteration = 0;
  private flaggedAt: number | null = null;
  private flaggedRemaining = 0;
  last: Figures = {};

  constructor(private readonly startedAt: number) {}

  /** Feeds one stats sample taken at `at` (ms epoch); returns its figures with nonConverging/etaSec. */
  push(stats: ParamRecord, at: number): Figures {
    const f = figuresFromStats(stats);
    const remaining = f.memRemaining ?? f.dataRemaining;
    if (remaining !== undefined && (f.dataTotal ?? 0) > 0) {
      this.history.push([at - this.startedAt, f.dataRemaining ?? remaining]);
      if (this.history.length > HISTORY_MAX) this.history.splice(0, this.history.length - HISTORY_MAX);
    }
    const it = f.iteration ?? 0;
    if (it > this.lastIteration && remaining !== undefined) {
      this.lastIteration = it;
      this.marks.push({ iteration: it, remaining, dirtyBps: f.dirtyBps ?? 0, memBps: f.memBps ?? 0 });
    }
    const cur = this.marks[this.marks.length - 1];
    if (cur && it === cur.iteration) {
      cur.peakDirtyBps = Math.max(cur.peakDirtyBps ?? 0, f.dirtyBps ?? 0);
      cur.peakMemBps = Math.max(cur.peakMemBps ?? 0, f.memBps ?? 0);
    }
    this.evaluate(f, at);
    f.nonConverging = this.flaggedAt !== null ? 1 : 0;
    f.etaSec = etaSeconds(f, this.flaggedAt !== null);
    this.last = f;
    return f;
  }

  /** The most memory left at the start of one of the last two passes (0 before pass 2). */
  get passStartRemaining(): number {
    return Math.max(
      0,
      ...this.marks
        .filter((m) => m.iteration >= 2)
        .slice(-2)
        .map((m) => m.remaining),
    );
  }

  /**
   * The guest's dirty rate and the transfer speed over the last two passes (from pass 2), each the
   * highest sampled: steadier than one sample, where the speed dips to half between two reads.
   */
  get passRates(): { dirtyBps: number; memBps: number } | undefined {
    const last = this.marks.filter((m) => m.iteration >= 2).slice(-2);
    if (last.length === 0) return undefined;
    return {
      dirtyBps: Math.max(...last.map((m) => m.peakDirtyBps ?? m.dirtyBps)),
      memBps: Math.max(...last.map((m) => m.peakMemBps ?? m.memBps)),
    };
  }

  /** The last pass seen (libvirt's memory_iteration). */
  get iterations(): number {
    return this.lastIteration;
  }

  get nonConverging(): { since: number; message: string } | null {
    if (this.flaggedAt === null) return null;
    return { since: this.flaggedAt, message: nonConvergenceMessage(this.last, this.marks) };
  }

  /** After a remedy the judgement starts over (the next passes show whether it worked). */
  reset(): void {
    this.flaggedAt = null;
    this.marks = this.marks.slice(-1);
  }

  private evaluate(f: Figures, at: number): void {
    if (f.postcopy) return;
    if (this.flaggedAt !== null) {
      // Converging after all (a remedy, or the guest calmed down): the pass started well below.
      const latest = this.marks[this.marks.length - 1];
      if (latest && latest.remaining < this.flaggedRemaining * 0.5) this.flaggedAt = null;
      return;
    }
    if (isNonConverging(this.marks)) {
      this.flaggedAt = at;
      this.flaggedRemaining = this.marks[this.marks.length - 1]?.remaining ?? 0;
    }
  }
}

/**
 * The rule: from pass 3 on, either the memory left at the start of each of the last two passes
 * did not fall below 80 % of the smallest earlier start (it stopped shrinking), or the guest
 * dirtied memory at ≥ 90 % of the transfer speed during both of the last two passes.
 */
export function isNonConverging(marks: readonly IterationMark[]): boolean {
  const passes = marks.filter((m) => m.iteration >= 2);
  if (passes.length < 2 || (marks[marks.length - 1]?.iteration ?? 0) < 3) return false;
  const lastTwo = passes.slice(-2);
  const earlier = passes.slice(0, -2);
  const dirtyWins = lastTwo.every((m) => m.memBps > 0 && m.dirtyBps >= 0.9 * m.memBps);
  if (dirtyWins) return true;
  if (earlier.length === 0) {
    // Only passes 2 and 3: shrinking means the second is clearly smaller than the first.
    const [a, b] = lastTwo as [IterationMark, IterationMark];
    return b.remaining >= 0.8 * a.remaining && b.dirtyBps >= 0.7 * b.memBps;
  }
  const best = Math.min(...earlier.map((m) => m.remaining));
  return lastTwo.every((m) => m.remaining >= 0.8 * best);
}

function etaSeconds(f: Figures, stuck: boolean): number {
  if (stuck) return -1;
  const speed = f.speedBps ?? 0;
  const remaining = f.dataRemaining ?? f.memRemaining;
  if (!speed || remaining === undefined) return -1;
  const dirty = f.dirtyBps ?? 0;
  // Each second sends `speed` and the guest re-dirties `dirty`: the pile shrinks by the difference.
  const net = (f.iteration ?? 1) > 1 ? speed - dirty : speed;
  if (net <= 0) return -1;
  return Math.ceil(remaining / net);
}

const mib = (b: number): string => `${(b / MiB).toFixed(b >= 100 * MiB ? 0 : 1)} MiB`;
const secs = (ms: number): string => (ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`);

function nonConvergenceMessage(f: Figures, marks: readonly IterationMark[]): string {
  const starts = marks
    .filter((m) => m.iteration >= 2)
    .slice(-4)
    .map((m) => mib(m.remaining));
  const dirty = f.dirtyBps ?? 0;
  const speed = f.memBps ?? 0;
  return (
    `Not converging: the guest rewrites memory about as fast as it is sent (${mib(dirty)}/s dirtied vs ${mib(speed)}/s sent), ` +
    `so each pass starts with as much left as the one before (${starts.join(', ')}). ` +
    'Left alone it never finishes: pick one of the remedies below.'
  );
}

export interface RemedyContext {
  figures: Figures;
  /** The bandwidth cap in force, MiB/s (undefined: none). */
  bandwidthMiBps?: number | undefined;
  /** true/false when known; null for a migration found on the host (try it: libvirt answers). */
  postCopyAllowed: boolean | null;
  postCopyActive: boolean;
  suspended: boolean;
  /** The migration can be started again with auto-converge (started here, live, without it). */
  canRestartAutoConverge?: boolean;
  /** The max downtime already allowed, ms (QEMU's default 300). */
  maxDowntimeMs?: number | undefined;
  /**
   * Memory left when the last passes began (ProgressTracker.passStartRemaining): what the guest
   * dirties during one pass. A sample taken mid-pass shows less, and a pause sized from it is too short.
   */
  passStartRemaining?: number | undefined;
  /** ProgressTracker.passRates: what the auto-converge restart is chosen from (else the figures). */
  passRates?: { dirtyBps: number; memBps: number } | undefined;
}

/**
 * Remedies for a migration that does not converge, least impact on the guest first:
 * lifting a bandwidth cap (none), a longer switch-over pause (a few seconds, once), post-copy (no
 * pause, slower for a while, and the guest depends on the link until it ends), throttling the
 * vCPUs (slower for tens of seconds), pausing the guest until it is done.
 */
export function rankRemedies(c: RemedyContext): MigrationRemedy[] {
  const f = c.figures;
  const memBps = f.memBps && f.memBps > 0 ? f.memBps : undefined;
  const remaining = Math.max(f.memRemaining ?? f.dataRemaining ?? 0, c.passStartRemaining ?? 0);
  const out: { r: MigrationRemedy; cost: number }[] = [];
  const add = (control: MigrationControl, label: string, impact: string, cost: number) => out.push({ r: { control, label, impact }, cost });

  if (c.postCopyActive) return [];
  if (c.bandwidthMiBps !== undefined && c.bandwidthMiBps > 0 && c.bandwidthMiBps < UNLIMITED_MIBPS) {
    add(
      { action: 'bandwidth', mibps: 0 },
      `Lift the ${c.bandwidthMiBps} MiB/s bandwidth limit`,
      'No effect on the guest; the migration may use the whole link (enough if the link is faster than the guest dirties memory).',
      0,
    );
  }
  // One pause at the end, long enough for what the guest dirties during a pass, with a margin.
  const needMs = memBps ? Math.max(1000, Math.ceil(((remaining / memBps) * 1000 * 1.5) / 500) * 500) : 5000;
  if (needMs <= 60_000 && needMs > (c.maxDowntimeMs ?? 300)) {
    add(
      { action: 'max-downtime', ms: needMs },
      `Allow ${secs(needMs)} of downtime`,
      `The guest pauses once, for up to ${secs(needMs)}, while the last ${mib(remaining)} are copied.`,
      needMs <= 5000 ? 1 : 3,
    );
  }
  if (c.postCopyAllowed !== false) {
    add(
      { action: 'postcopy' },
      'Switch to post-copy',
      'The guest moves to the destination now and keeps running while the rest of its memory follows on demand (slower for a few seconds). Until it ends, a broken link stops the guest.' +
        (c.postCopyAllowed === null ? ' Works only if post-copy was allowed when the migration started.' : ''),
      2,
    );
  }
  // A vCPU cap cannot be set while the migration runs (libvirt holds the domain's job for it);
  // auto-converge, chosen at the start, lets QEMU throttle the guest itself. The button carries
  // the numbers its text gives (autoconverge.ts chose them from this attempt's rates).
  if (!c.suspended && c.canRestartAutoConverge) {
    const ac = autoConvergeFor(c.passRates ?? f);
    add(
      { action: 'restart-autoconverge', initial: ac.initial, increment: ac.increment },
      'Restart with auto-converge',
      `Cancels this migration (the guest keeps running here) and starts it again with auto-converge: QEMU slows the guest’s vCPUs by ${ac.initial} % at first. ${ac.why} A vCPU cap cannot be set by hand while a migration runs.`,
      4,
    );
  }
  if (!c.suspended) {
    const pauseMs = memBps ? Math.max(1000, Math.round((remaining / memBps) * 1000)) : undefined;
    add(
      { action: 'suspend' },
      'Pause the guest to finish',
      `The guest stops${pauseMs ? ` for about ${secs(pauseMs)} (${mib(remaining)} left at ${mib(memBps ?? 0)}/s; longer if the link slows)` : ''} while the rest is copied, then resumes on the destination.`,
      5,
    );
  }
  return out.sort((a, b) => a.cost - b.cost).map((x) => x.r);
}
