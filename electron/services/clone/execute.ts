/**
 * Runs a clone's plan step by step on the target, registering an undo for each thing it makes:
 * each copied volume, then the definition (critical: a definition that cannot be removed keeps
 * its volumes). On a failure or a cancel the stack unwinds, newest first; the source is only read.
 */
import type { DomainState } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { UndoStack } from '../../core/undo';
import type { DomainRef, StorageVolRef } from '../../libvirt/protocol';
import type { JobContext } from '../jobs';
import { fmtRate } from '../transfer';
import { afterUnwind, KeptOnPurpose, leftBehind } from '../undo-steps';
import { type ClonePlan, type CopyPlan, cloneDefinition } from './plan';
import { planCloneRollback } from './rollback';

/** What the executor does on the hosts (the real one in index.ts; a fake in the unit tests). */
export interface CloneExecIo {
  /** The source's state now. */
  sourceState(): Promise<DomainState>;
  targetNameFree(name: string): Promise<boolean>;
  /** A stream copy across hosts (or of a paused VM's disk); calls onCreated as soon as the target volume exists. */
  copyStream(
    c: CopyPlan,
    o: { signal: AbortSignal; onCreated: (vol: StorageVolRef) => void; onBytes: (n: number, total: number) => void },
  ): Promise<{ vol: StorageVolRef; path: string; bytes: number }>;
  /** libvirt's create-from on the same host; resolves with the new volume. */
  copyLocal(c: CopyPlan, onProgress: (bytes: number) => void): Promise<StorageVolRef>;
  volumePath(vol: StorageVolRef): Promise<string>;
  define(xml: string): Promise<DomainRef>;
  start(dom: DomainRef): Promise<void>;
  /** The target's domain with this UUID; null when the target says it has none; throws when it cannot be asked. */
  findDomain(uuid: string): Promise<DomainRef | null>;
  /** Stops and undefines a domain this clone defined. */
  removeDefinition(dom: DomainRef): Promise<void>;
  deleteVolume(vol: StorageVolRef): Promise<void>;
  /** Waits (bounded) for the target's link to be back after a failure. */
  targetReady(): Promise<void>;
}

/** What the executor reports to: its job. */
export type CloneJobSink = Pick<JobContext<'clone'>, 'signal' | 'update'>;

/** Labels of the undos (the unit tests read the order). */
export const undoLabel = {
  volume: (v: { pool: string; name: string }) => `volume ${v.pool}/${v.name}`,
  definition: (name: string) => `definition ${name}`,
};

export interface CloneHooks {
  /** Adds the hint for a failure (cloneHint), without changing the error otherwise. */
  explain?: (err: unknown) => unknown;
  now?: () => number;
  /** The interval of progress reports while a step waits (ms); 0: none. */
  tickMs?: number;
}

export async function executeClone(p: ClonePlan, io: CloneExecIo, ctx: CloneJobSink, hooks: CloneHooks = {}): Promise<void> {
  const now = hooks.now ?? Date.now;
  const undo = new UndoStack();
  const volumes: StorageVolRef[] = [];
  const total = p.copies.reduce((s, c) => s + c.bytes, 0) || 1;
  let doneBytes = 0;
  const t0 = now();
  let current = 0;
  let inFlight = 0; // bytes of the disk being copied now
  const report = (phase: string | undefined, bytesNow = inFlight) => {
    inFlight = bytesNow;
    const secs = (now() - t0) / 1000;
    const moved = doneBytes + bytesNow;
    ctx.update({
      ...(phase ? { phase } : {}),
      progress: 0.02 + 0.93 * Math.min(1, moved / total),
      detail: {
        figures: {
          bytes: moved,
          totalBytes: total,
          bytesPerSec: secs > 0 ? moved / secs : 0,
          disk: current,
          disks: p.copies.length,
          elapsedMs: now() - t0,
        },
      },
    });
  };
  const checkCancel = () => {
    if (ctx.signal.aborted) throw ctx.signal.reason;
  };
  const made = (vol: StorageVolRef) => {
    volumes.push(vol);
    undo.push(undoLabel.volume(vol), () => io.deleteVolume(vol));
  };
  const tickMs = hooks.tickMs ?? 400;
  const tick = tickMs ? setInterval(() => report(undefined), tickMs) : undefined;
  const paths: Record<string, string> = {};
  try {
    // The source must still be shut off or paused, and the name still free.
    const st = await io.sourceState();
    if (st !== 'shutoff' && st !== 'paused')
      throw new AppError('source-running', `${p.source.dom.name} is ${st} now`, 'Shut it down or pause it, then clone again.');
    if (!(await io.targetNameFree(p.name))) throw new AppError('exists', `A VM named “${p.name}” already exists on ${p.target.label}`);
    for (const c of p.copies) {
      current++;
      checkCancel();
      report(`copying ${c.target} (${c.from.vol.name}) to ${c.pool}/${c.name} [${current}/${p.copies.length}]`, 0);
      if (c.method === 'stream') {
        let last = 0;
        const r = await io.copyStream(c, {
          signal: ctx.signal,
          onCreated: made,
          onBytes: (n, bytes) => {
            last = n;
            if (n === bytes) report(`verifying ${c.pool}/${c.name} (${p.verify})`, n);
            else report(undefined, n);
          },
        });
        doneBytes += Math.max(last, r.bytes);
        paths[c.target] = r.path;
        report(undefined, 0);
        ctx.update({ detail: { figures: { lastRateBps: r.bytes / Math.max(0.001, (now() - t0) / 1000) } } });
      } else {
        const vol = await io.copyLocal(c, (n) => report(undefined, n));
        made(vol);
        doneBytes += c.bytes;
        report(undefined, 0);
        paths[c.target] = await io.volumePath(vol);
        checkCancel();
      }
    }
    checkCancel();
    ctx.update({ phase: `defining ${p.name} on ${p.target.label}`, progress: 0.96 });
    const { xml } = cloneDefinition(p, paths);
    // Registered before the define is sent: its answer may be lost with the link while the definition exists.
    let dom: DomainRef | undefined;
    undo.push(undoLabel.definition(p.name), () => removeCloneDefinition(p, io, dom, volumes), { critical: true });
    dom = await io.define(xml);
    checkCancel();
    if (p.start) {
      ctx.update({ phase: `starting ${p.name}`, progress: 0.98 });
      await io.start(dom);
    }
    undo.commit();
    const secs = (now() - t0) / 1000;
    ctx.update({ phase: `done${p.copies.length ? ` (${fmtRate(doneBytes / Math.max(secs, 0.001))} average)` : ''}`, progress: 1 });
  } catch (err) {
    ctx.update({
      phase: ctx.signal.aborted
        ? `cancelled: removing what was created on ${p.target.label}`
        : `failed: removing what was created on ${p.target.label}`,
    });
    // The link to the target may have dropped (that may be the failure): wait for the reconnect.
    if (undo.size) await io.targetReady().catch(() => {});
    const left = leftBehind(await undo.unwind(), `${p.name} still uses them`);
    const explained = hooks.explain ? hooks.explain(err) : err;
    throw afterUnwind(
      explained,
      left,
      `the clone created on ${p.target.label}`,
      'Remove these by hand on the target host; the source was not touched.',
    );
  } finally {
    if (tick) clearInterval(tick);
  }
}

/**
 * The definition's undo, as planCloneRollback decides: the clone's own definition (known, or
 * found under its UUID) is removed; none there lets the volumes go; when the target cannot be
 * asked, nothing is removed (KeptOnPurpose keeps the volumes and says what to check).
 */
async function removeCloneDefinition(p: ClonePlan, io: CloneExecIo, dom: DomainRef | undefined, volumes: StorageVolRef[]): Promise<void> {
  let found = dom;
  let definition: 'none' | 'ours' | 'unknown' = found ? 'ours' : 'none';
  if (!found) {
    // The define was sent and its answer lost: ask the target for the clone's UUID.
    try {
      found = (await io.findDomain(p.uuid)) ?? undefined;
      definition = found ? 'ours' : 'none';
    } catch {
      definition = 'unknown';
    }
  }
  const rb = planCloneRollback({
    name: p.name,
    target: p.target.label,
    definition,
    volumes: volumes.map((v) => `${v.pool}/${v.name}`),
  });
  if (!rb.deleteVolumes) throw new KeptOnPurpose(rb.kept ?? `nothing was removed on ${p.target.label}`);
  if (rb.undefine && found) await io.removeDefinition(found);
}
