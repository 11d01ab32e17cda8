/**
 * Vireo's delete of several snapshots in order (a snapshot and its children, or a merge found
 * running after a restart and the steps after it): each step re-reads the VM's facts strictly
 * (other VMs' files) and runs its block-job plan. A read that fails between steps must not say
 * "nothing was changed": the error names the steps done (and the files they left), the steps not
 * started, and a merge resumed from the host that still runs there without Vireo following it.
 * A step after the first that fails (Vireo's refusal, or a raw libvirt, timeout or link error) is
 * wrapped the same way, libvirt's message kept.
 */
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { classify, isAppError } from '../../libvirt/errors';
import type { DomainRef } from '../../libvirt/protocol';
import { shellQuote } from '../../transport/ssh/quote';
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
      // The step's own error says what it left; after earlier steps, say those too (a raw libvirt,
      // timeout or link error as much as Vireo's own, with libvirt's message kept).
      if (i === 0) throw err;
      throw stepFailed(err, a, i, stays);
    }
    rpc = r.rpc;
    stays.left.push(...r.removal.left);
    stays.failed.push(...r.removal.failed);
    stays.kept?.push(...(r.removal.kept ?? []));
  }
  return stays;
}

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

/** The AppError code for wrapping `err`: its own when it is ours, else what it is (libvirt's, a timeout, the link). */
export function codeOf(err: unknown): string {
  const c = classify(err);
  if (c.kind === 'app') return c.code;
  if (c.kind === 'timeout') return 'timeout';
  if (c.kind === 'ssh' || c.kind === 'auth' || c.kind === 'host-key') return 'ssh';
  return 'libvirt';
}

/**
 * Step `i` (after the first) failed or was refused: the steps done and the files they left, its own
 * hint (a refusal's "Nothing was changed" said of this step alone, since the earlier ones changed
 * plenty), the steps not started. A raw error (libvirt's, a timeout, a closed link) has no hint of
 * its own: what the step did before it is then not known, and the check says where to look.
 */
function stepFailed(err: unknown, a: { vm: string; steps: readonly string[] }, i: number, stays: Removal): AppError {
  const name = a.steps[i] ?? '';
  const phase = removalPhase(stays);
  const own = isAppError(err)
    ? (err.hint ?? '').replace(/\bNothing was changed\b/g, `Deleting “${name}” changed nothing`)
    : `What deleting “${name}” changed before this is not known: check with \`virsh snapshot-list ${shellQuote(a.vm)} --tree\` and \`virsh domblklist ${shellQuote(a.vm)} --details\` before deleting it again.`;
  const msg = err instanceof Error ? err.message : String(err);
  return new AppError(codeOf(err), isAppError(err) ? msg : `Deleting “${name}” failed: ${msg}`, {
    cause: err,
    hint: [
      `Deleted already: ${quoted(a.steps.slice(0, i))}${phase ? ` (${phase})` : ''}.`,
      own,
      i + 1 < a.steps.length ? `Not started: ${quoted(a.steps.slice(i + 1))}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
}

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
