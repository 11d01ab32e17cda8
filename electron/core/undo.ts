/**
 * The undo stack every long operation's executor uses (VS Code's DisposableStore is the model,
 * made async and made to report). An executor registers an undo right after each resource it
 * creates; on failure or cancel it unwinds the stack in reverse order; on success it commits
 * (forgets every step, keeping what was made).
 *
 * A step marked `critical` protects what was registered before it: if its undo fails, the earlier
 * steps are kept, not run, and the report says so. Example: a clone registers "delete volume"
 * then "undefine domain" (critical). If the undefine fails, a definition still points at the
 * volume, so the volume is kept rather than deleted from under it.
 */

export interface UndoOptions {
  /** When this undo fails, keep (do not run) every step registered before it. */
  critical?: boolean;
}

export interface UndoFailure {
  label: string;
  error: Error;
}

export interface UndoReport {
  /** Labels of the undos that ran and worked, in the order they ran. */
  undone: string[];
  /** Undos that ran and failed (the resource is probably still there). */
  failed: UndoFailure[];
  /** Undos not run because a critical undo after them failed (the resource is kept on purpose). */
  kept: string[];
}

interface Step {
  label: string;
  run: () => Promise<void> | void;
  critical: boolean;
  released: boolean;
}

export interface UndoHandle {
  /** Forget this one step (the resource was handed over, or a later step made its undo moot). */
  release(): void;
}

export class UndoStack {
  private steps: Step[] = [];
  private unwinding = false;

  /** How many undos are registered and not released. */
  get size(): number {
    return this.steps.filter((s) => !s.released).length;
  }

  /** The labels of the registered undos, oldest first (for logs and the job's detail). */
  labels(): string[] {
    return this.steps.filter((s) => !s.released).map((s) => s.label);
  }

  /** Registers the undo of a resource just created. */
  push(label: string, run: () => Promise<void> | void, opts: UndoOptions = {}): UndoHandle {
    if (this.unwinding) throw new Error(`UndoStack: "${label}" registered while unwinding`);
    const step: Step = { label, run, critical: opts.critical ?? false, released: false };
    this.steps.push(step);
    return {
      release: () => {
        step.released = true;
      },
    };
  }

  /** The operation succeeded: keep everything it made. */
  commit(): void {
    this.steps = [];
  }

  /** Runs the undos newest first. Never throws: failures are in the report. Runs at most once per registration. */
  async unwind(): Promise<UndoReport> {
    const report: UndoReport = { undone: [], failed: [], kept: [] };
    const steps = this.steps.filter((s) => !s.released).reverse();
    this.steps = [];
    this.unwinding = true;
    try {
      let keepRest = false;
      for (const step of steps) {
        if (keepRest) {
          report.kept.push(step.label);
          continue;
        }
        try {
          await step.run();
          report.undone.push(step.label);
        } catch (e) {
          report.failed.push({ label: step.label, error: e instanceof Error ? e : new Error(String(e)) });
          if (step.critical) keepRest = true;
        }
      }
    } finally {
      this.unwinding = false;
    }
    return report;
  }
}

/** One sentence for the admin about what an unwind left behind ('' when everything was undone). */
export function describeUndo(report: UndoReport): string {
  const parts: string[] = [];
  if (report.failed.length) parts.push(`could not undo: ${report.failed.map((f) => `${f.label} (${f.error.message})`).join('; ')}`);
  if (report.kept.length) parts.push(`kept on purpose because an undo above failed: ${report.kept.join('; ')}`);
  return parts.join('. ');
}
