/**
 * Vireo's delete of several snapshots in order (a snapshot and its children, or a merge found
 * running after a restart and the steps after it): each step re-reads the VM's facts strictly
 * (other VMs' files) and runs its block-job plan. A read that fails between steps must not say
 * "nothing was changed": the error names the steps done (and the files they left), the steps not
 * started, and a merge resumed from the host that still runs there without Vireo following it.
 */
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { isAppError } from '../../libvirt/errors';
import type { DomainRef } from '../../libvirt/protocol';
import type { SnapshotFacts } from './facts';
import { type Removal, removalPhase } from './outcome';

export async function runMergeSteps(a: {
  vm: string;
  steps: readonly string[];
  /** Disks whose block job of the first step already runs on the host (found after a restart). */
  resume?: ReadonlySet<string>;
  rpc: RpcClient;
  read: (rpc: RpcClient) => Promise<{ dom: DomainRef; facts: SnapshotFacts }>;
  /** Runs step `i` on these facts; returns the files it left and the client it ended on. */
  step: (rpc: RpcClient, dom: DomainRef, facts: SnapshotFacts, i: number) => Promise<{ removal: Removal; rpc: RpcClient }>;
}): Promise<Removal> {
  const stays: Removal = { left: [], failed: [], kept: [] };
  let rpc = a.rpc;
  for (const i of a.steps.keys()) {
    let read: { dom: DomainRef; facts: SnapshotFacts };
    try {
      read = await a.read(rpc);
    } catch (err) {
      // Before anything ran (and nothing resumed) the reader's "Nothing was changed" is true.
      if (i === 0 && !a.resume?.size) throw err;
      throw stepUnread(err, a, i, stays);
    }
    let r: { removal: Removal; rpc: RpcClient };
    try {
      r = await a.step(rpc, read.dom, read.facts, i);
    } catch (err) {
      // The step's own error says what it left; after earlier steps, say those too.
      if (i === 0 || !isAppError(err)) throw err;
      const phase = removalPhase(stays);
      throw new AppError(err.code, err.message, {
        cause: err,
        hint: [
          `Deleted already: ${quoted(a.steps.slice(0, i))}${phase ? ` (${phase})` : ''}.`,
          err.hint ?? '',
          i + 1 < a.steps.length ? `Not started: ${quoted(a.steps.slice(i + 1))}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    }
    rpc = r.rpc;
    stays.left.push(...r.removal.left);
    stays.failed.push(...r.removal.failed);
    stays.kept?.push(...(r.removal.kept ?? []));
  }
  return stays;
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** The facts for step `i` could not be read: what is done, what runs on the host still, what was not started. */
function stepUnread(
  err: unknown,
  a: { vm: string; steps: readonly string[]; resume?: ReadonlySet<string> },
  i: number,
  stays: Removal,
): AppError {
  const msg = err instanceof Error ? err.message : String(err);
  const resumed = i === 0 && a.resume?.size ? [...a.resume] : null;
  const done = a.steps.slice(0, i);
  const notStarted = a.steps.slice(resumed ? 1 : i);
  const phase = removalPhase(stays);
  // The reader's own hint says "Nothing was changed", true of the read alone: keep only its check.
  const check = isAppError(err) && err.hint ? err.hint.replace(/^Nothing was changed\.\s*/, '') : '';
  return new AppError(isAppError(err) ? err.code : 'libvirt', msg, {
    cause: err,
    hint: [
      done.length ? `Deleted already: ${quoted(done)}${phase ? ` (${phase})` : ''}.` : '',
      resumed
        ? `The merge of “${a.steps[0]}” found running on the host still runs there (${resumed.join(', ')}): Vireo stopped following it and pivoted nothing; an active commit waits at “ready” until it is pivoted. Check with ${resumed.map((d) => `\`virsh blockjob ${a.vm} ${d}\``).join(', ')}.`
        : '',
      notStarted.length ? `Not started: ${quoted(notStarted)}.` : '',
      check,
    ]
      .filter(Boolean)
      .join(' '),
  });
}
