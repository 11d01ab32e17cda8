/**
 * Runs a migration's plan (plan.ts) step by step through an io (index.ts gives the real one; the
 * tests a fake that records calls). Every resource the run may leave on the destination gets an
 * undo on an UndoStack as soon as it can exist: each volume an offline copy creates, each path a
 * live copy lets libvirt create. On success the stack is committed (kept). On failure or cancel
 * the pure cleanup decision (cleanup.ts) says what may be undone, from what each host shows:
 * "stayed" unwinds the undos it names (newest first), "moved" keeps every disk, and "unknown"
 * touches nothing on either host — it says what each host shows and what to do.
 *
 * Our steering (a pause) is undone where the decision says, on whichever host runs the VM: that
 * is not an undo of something created, so it is not on the stack.
 */
import type { MigrationHostState, MigrationResult } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { describeUndo, type UndoHandle, UndoStack } from '../../core/undo';
import { ErrorCode, isLinkError } from '../../libvirt/errors';
import { MigrationError, type MigrationStep } from '../../libvirt/migration';
import type { StorageVolRef } from '../../libvirt/protocol';
import { type CleanupPlan, describeState, type HostView, planCleanup } from './cleanup';
import { explain, libvirtCode } from './explain';
import type { LiveCopyTarget, OfflineCopy, RunPlan, Step } from './plan';
import type { Figures } from './progress';

/** What one host shows for the migrating VM. */
export type HostRead = HostView & { hostId: string; persistent: boolean; name?: string };
/** What the source and the destination show after the migration call. */
export interface Placed {
  source: HostRead;
  dest: HostRead | null;
}

export type VolumesBefore = Map<string, 'yes' | 'no' | 'unknown'>;

/** Everything the executor does to the hosts. */
export interface ExecIo {
  /** Live copy: which destination paths libvirt knows as volumes before the job. */
  volumesBefore(targets: readonly LiveCopyTarget[]): Promise<VolumesBefore>;
  /** Offline copy: two bulk connections (source, destination) for the streams. */
  openCopy(): Promise<CopyChannel>;
  /** Creates a volume in a destination pool. */
  createVolume(pool: string, xml: string): Promise<StorageVolRef>;
  /** Deletes a volume this run created on the destination. */
  deleteVolume(vol: StorageVolRef): Promise<void>;
  /** Deletes the volume at a destination path (a live copy's); 'absent' when libvirt has none there. */
  deleteVolumeAt(path: string): Promise<'deleted' | 'absent'>;
  refreshPool(pool: string): Promise<void>;
  /** libvirt's migration (direct or peer-to-peer), followed live by the service. */
  migrate(step: Extract<Step, { kind: 'migrate' }>): Promise<void>;
  /** What each host shows now (never throws: a host that does not answer is 'unreadable'). */
  placement(): Promise<Placed>;
  /** Resumes our pause on a host (throws on failure). */
  resume(on: MigrationHostState): Promise<void>;
  /** Defines the running copy on the destination persistently. */
  persistOnDest(dest: MigrationHostState): Promise<void>;
  /** Undefines the (shut off) source copy; disks kept. */
  undefineSource(): Promise<void>;
  /** libvirt's final figures (downtime, data sent). */
  finalFigures(dest: MigrationHostState | undefined): Promise<Figures>;
  /** libvirt's own words for why the last job failed (the source's completed-job stats). */
  jobError(): Promise<string | undefined>;
}

export interface CopyChannel {
  /** Streams the source volume into `to`; returns the bytes copied. */
  copy(c: OfflineCopy, to: StorageVolRef, onBytes: (n: number) => void, signal: AbortSignal): Promise<number>;
  close(): void;
}

/** What the executor reports and reads of the run while it goes. */
export interface ExecHooks {
  srcName: string;
  /** The destination's name (the planned one; the io's placement may find it elsewhere). */
  destName: () => string;
  transport: 'direct' | 'p2p' | undefined;
  signal: AbortSignal;
  now(): number;
  startedAt: number;
  note(text: string): void;
  phase(text: string, extra?: { progress?: number; figures?: Figures }): void;
  /** Progress without a new phase (cheap to call often). */
  update(extra: { progress?: number; figures?: Figures }): void;
  /** Set while disks are copied offline (a cancel then stops the copy, not a libvirt job). */
  copying(on: boolean): void;
  /** The steering the job applied, as the cleanup decision takes it. */
  steering(): { steeredPause: boolean };
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

function stateWord(s: MigrationHostState['state'] | undefined): string {
  if (s === undefined || s === 'unknown') return 'unknown';
  return s === 'shutoff' ? 'shut off' : s === 'absent' ? 'not defined' : s;
}

/** The undo key of a cleanup action that deletes something (the two share it). */
const createdKey = (poolName: string): string => `created:${poolName}`;
const liveKey = (path: string): string => `live:${path}`;

/** An error that already knows what the hosts showed (the placement check). */
class NotMoved extends AppError {
  constructor(
    message: string,
    readonly placed: Placed,
  ) {
    super('migration-failed', message);
  }
}

/** A failed (or cancelled) run, settled: `result` says where the VM is and what was changed. */
export class RunFailed extends AppError {
  constructor(
    code: string,
    message: string,
    hint: string,
    readonly result: MigrationResult,
  ) {
    super(code, message, hint);
  }
}

export class Executor {
  private readonly undo = new UndoStack();
  private readonly undos = new Map<string, UndoHandle>();
  private readonly created: string[] = [];
  private before: VolumesBefore | undefined;
  private liveTargets: LiveCopyTarget[] = [];

  constructor(
    private readonly plan: RunPlan,
    private readonly io: ExecIo,
    private readonly h: ExecHooks,
  ) {}

  /** Runs every step; resolves with the result, or throws an AppError after settling the failure. */
  async run(): Promise<MigrationResult> {
    let copied = false;
    try {
      for (const step of this.plan.steps) {
        switch (step.kind) {
          case 'record-destination-volumes':
            await this.recordDestinationVolumes(step.targets);
            break;
          case 'copy-disks':
            this.h.copying(true);
            await this.copyDisks(step.copies, step.totalBytes);
            this.h.copying(false);
            copied = step.copies.length > 0;
            break;
          case 'migrate':
            await this.io.migrate(step);
            break;
          case 'check-placement':
            // Settled below with complete-definitions: where the VM is decides everything after.
            break;
          case 'complete-definitions':
            return await this.finishMoved(step, copied);
        }
      }
      throw new Error('plan without a complete-definitions step');
    } catch (err) {
      return await this.afterFailure(err);
    }
  }

  // ---- steps -------------------------------------------------------------------------------------

  private async recordDestinationVolumes(targets: LiveCopyTarget[]): Promise<void> {
    this.liveTargets = targets;
    this.before = await this.io.volumesBefore(targets);
    // libvirt creates the missing ones while it copies: each may be ours to remove (cleanup decides).
    for (const t of targets) {
      const label = `the partial copy ${t.path} on ${this.h.destName()}`;
      const handle = this.undo.push(label, async () => {
        if ((await this.io.deleteVolumeAt(t.path)) === 'deleted') this.h.note(`Removed the partial copy ${t.path} on ${this.h.destName()}`);
      });
      this.undos.set(liveKey(t.path), handle);
    }
  }

  /** Copies the disks of a shut-off VM into the destination pools (download on A → upload on B). */
  private async copyDisks(copies: OfflineCopy[], total: number): Promise<void> {
    const B = this.h.destName();
    let done = 0;
    const t0 = this.h.now();
    this.h.phase(`copying disks to ${B}`, { figures: { copyTotal: total, copyDone: 0 } });
    const ch = await this.io.openCopy();
    try {
      for (const c of copies) {
        this.h.signal.throwIfAborted();
        const vol = await this.io.createVolume(c.pool, c.xml);
        const key = `${vol.pool}/${vol.name}`;
        this.created.push(key);
        this.undos.set(
          createdKey(key),
          this.undo.push(`the partial copy ${key} on ${B}`, async () => {
            await this.io.deleteVolume(vol);
            this.h.note(`Removed the partial copy ${key} on ${B}`);
          }),
        );
        this.h.note(`Copying ${c.target} (${c.source}) to ${c.dest} on ${B}`);
        const base = done;
        const bytes = await ch.copy(
          c,
          vol,
          (n) => {
            done = base + n;
            const bps = (done / Math.max(1, this.h.now() - t0)) * 1000;
            this.h.update({ progress: total ? done / total : 1, figures: { copyDone: done, copyTotal: total, speedBps: bps } });
          },
          this.h.signal,
        );
        if (bytes !== c.bytes) throw new AppError('copy', `Copied ${bytes} bytes of ${c.source}, expected ${c.bytes}`);
        await this.io.refreshPool(c.pool).catch(() => {});
      }
    } finally {
      ch.close();
    }
    this.h.note(`Disks copied: ${(total / 1024 / 1024).toFixed(1)} MiB in ${((this.h.now() - t0) / 1000).toFixed(1)} s`);
  }

  /** The migration call returned: check where the VM is, restore what we changed, report. */
  private async finishMoved(step: Extract<Step, { kind: 'complete-definitions' }>, copied: boolean): Promise<MigrationResult> {
    const placed = await this.io.placement();
    const cleanup = this.decide(placed);
    if (cleanup.outcome !== 'moved') {
      const why = await this.io.jobError();
      throw new NotMoved(why ?? `The migration of ${this.plan.name} ended, but it does not run on the destination`, placed);
    }
    // Moved: every disk on the destination is the guest's now.
    this.undo.commit();
    const source = toHostState(placed.source);
    const dest = placed.dest ? toHostState(placed.dest) : undefined;
    await this.restore(cleanup, { source, ...(dest ? { dest } : {}) });
    await this.completeDefinitions(step, { source, ...(dest ? { dest } : {}) });
    const f = await this.io.finalFigures(dest);
    const B = dest?.hostName ?? '?';
    const name = this.plan.name;
    const result: MigrationResult = {
      outcome: 'moved',
      message: `${name} ${dest?.state === 'shutoff' ? 'is defined' : 'runs'} on ${B}${dest?.name && dest.name !== name ? ` as ${dest.name}` : ''}${
        dest?.state === 'shutoff' ? ' (shut off)' : ''
      }${copied ? ', with its disks copied' : ''}.`,
      totalMs: this.h.now() - this.h.startedAt,
      ...(f.downtimeMs !== undefined ? { downtimeMs: f.downtimeMs } : {}),
      ...(f.dataSent !== undefined ? { dataBytes: f.dataSent } : {}),
      source,
      ...(dest ? { dest } : {}),
    };
    this.h.note(result.message);
    this.h.phase('done', {
      progress: 1,
      figures: { ...f, totalMs: result.totalMs, nonConverging: 0, dataRemaining: 0, memRemaining: 0, etaSec: 0 },
    });
    return result;
  }

  /**
   * What was asked of the definitions, when libvirt's last steps did not get to it (an error at
   * Finish after the guest already ran on the destination): keep it there, remove it from the
   * source. Only definitions: no disk is touched.
   */
  private async completeDefinitions(
    step: Extract<Step, { kind: 'complete-definitions' }>,
    placed: { source: MigrationHostState; dest?: MigrationHostState },
  ): Promise<void> {
    const dest = placed.dest;
    if (!dest || dest.state === 'absent') return;
    try {
      if (step.persist && !dest.persistent) {
        await this.io.persistOnDest(dest);
        dest.persistent = true;
        this.h.note(`Made the definition on ${dest.hostName} persistent (libvirt had not)`);
      }
      if (step.undefineSource && placed.source.state === 'shutoff' && placed.source.persistent) {
        await this.io.undefineSource();
        placed.source.state = 'absent';
        placed.source.persistent = false;
        this.h.note(`Removed the definition from ${placed.source.hostName} (libvirt had not; its disks are kept)`);
      }
    } catch (err) {
      this.h.note(`Could not finish the definitions: ${(err as Error).message}`);
    }
  }

  // ---- after a failure -----------------------------------------------------------------------------

  /** The facts of this run as the pure cleanup decision takes them. */
  private decide(placed: Placed): CleanupPlan {
    const s = this.h.steering();
    return planCleanup({
      name: this.plan.name,
      mode: this.plan.mode,
      source: placed.source,
      dest: placed.dest,
      wasPaused: this.plan.wasPaused,
      steeredPause: s.steeredPause,
      created: [...this.created],
      liveCopies: this.liveTargets.map((t) => ({ path: t.path, probeSaw: t.probeSaw, libvirtSaw: this.before?.get(t.path) ?? 'unknown' })),
    });
  }

  /**
   * A failed migration: read what each host shows, then only what the cleanup plan allows —
   * remove what this job created and undo its pause when the VM stayed; change nothing when it
   * is unknown where the VM runs, and say what each host shows and what to do.
   */
  private async afterFailure(err: unknown): Promise<never> {
    const A = this.h.srcName;
    const name = this.plan.name;
    const cause = err instanceof MigrationError ? err.cause : (err as Error);
    const step: MigrationStep | undefined = err instanceof MigrationError ? err.step : undefined;
    if (isLinkError(cause) || isLinkError(err)) this.h.phase(`link lost: checking where ${name} is`);
    else this.h.phase(`failed: checking where ${name} is`);
    const placed = err instanceof NotMoved ? err.placed : await this.io.placement();
    const B = this.h.destName();
    const plan = this.decide(placed);
    const source = toHostState(placed.source);
    const dest = placed.dest ? toHostState(placed.dest) : undefined;
    await this.restore(plan, { source, ...(dest ? { dest } : {}) });
    await this.undoCreated(plan);
    const where =
      plan.outcome === 'stayed'
        ? `${name} is ${stateWord(source.state)} on ${A}, as before`
        : plan.outcome === 'moved'
          ? `${name} runs on ${dest?.hostName ?? B}`
          : (plan.unknown?.message ?? `Vireo could not tell where ${name} runs`).replace(/\.$/, '');
    const canceled = this.h.signal.aborted || libvirtCode(cause) === ErrorCode.OPERATION_ABORTED;
    const explained = explain(cause, { step, A, B, name, canceled, transport: this.h.transport });
    const message = canceled ? `Cancelled. ${where}.` : `${explained.message} ${where}.`;
    // Unknown: what to do about the two hosts matters more than how to retry — but a host to fix
    // first (its libvirtd stopped, which is also why it cannot be read) is said first.
    const hint = plan.unknown ? (explained.hostToFix ? `${explained.hint} ${plan.unknown.hint}` : plan.unknown.hint) : explained.hint;
    const result: MigrationResult = {
      outcome: plan.outcome,
      message,
      totalMs: this.h.now() - this.h.startedAt,
      source,
      ...(dest ? { dest } : {}),
    };
    this.h.note(message);
    if (plan.unknown) this.h.note(plan.unknown.hint);
    throw new RunFailed(canceled ? 'canceled' : 'migration-failed', canceled ? `Cancelled: ${where}.` : message, hint, result);
  }

  /** Unwinds the undos the cleanup plan names (newest first); every other one is kept. */
  private async undoCreated(plan: CleanupPlan): Promise<void> {
    const allowed = new Set<string>();
    for (const a of plan.actions) {
      if (a.kind === 'delete-created') allowed.add(createdKey(a.name));
      if (a.kind === 'delete-live-copy') allowed.add(liveKey(a.path));
    }
    for (const [key, handle] of this.undos) if (!allowed.has(key)) handle.release();
    const report = await this.undo.unwind();
    for (const f of report.failed) this.h.note(`Could not remove ${f.label}: ${f.error.message}`);
    const left = describeUndo({ ...report, failed: [] });
    if (left) this.h.note(left);
  }

  /** Undo our pause where the plan says (never a post-copy one). */
  private async restore(plan: CleanupPlan, placed: { source: MigrationHostState; dest?: MigrationHostState }): Promise<void> {
    const name = this.plan.name;
    for (const a of plan.actions) {
      if (a.kind !== 'resume') continue;
      const where = a.on === 'dest' ? placed.dest : placed.source;
      if (!where) continue;
      try {
        await this.io.resume(where);
        where.state = 'running';
        this.h.note(`${name} resumed on ${where.hostName}`);
      } catch (err) {
        this.h.note(`Could not resume ${name} on ${where.hostName}: ${(err as Error).message}`);
      }
    }
  }
}
