/**
 * After a disk move's pivot was sent, where does the guest run? Pure (review 5, item 2): the
 * executor (move-disk-run.ts) passes what it sent and what a fresh read of the running VM's XML
 * says (or why it could not be read), and does what the answer says:
 * - 'moved': the guest runs on the copy — the undo is committed (the copy is never deleted), the
 *   move goes on (next boot, source); what cannot be done after this is reported as 'disk-moved'.
 * - 'on-source': the guest is known to run on its source and no switch is under way — only then
 *   may the undo end the copy job and delete the copy.
 * - 'unknown': nothing is touched (both files kept), the error says what is known and how to find
 *   out (virsh domblklist) and what to do in either case.
 */
import { AppError } from '../../../shared/errors';
import { parseDomain } from '../../xml/parse';

/** What was sent: the pivot of `target` of `vm` from `from` to the copy, and how its reply went. */
export interface PivotSent {
  vm: string;
  target: string;
  /** The source's path (the guest ran on it before the pivot). */
  from: string;
  copy: { pool: string; volume: string; path: string };
  /** The pivot's call or the wait for its job to end failed (libvirt's or the link's message); absent: both went well. */
  failure?: string;
}

/** A fresh read of the running VM's XML, or why it could not be read. */
export type LiveRead = { xml: string } | { unreadable: string };

export type PivotOutcome = { kind: 'moved' } | { kind: 'on-source'; error: AppError } | { kind: 'unknown'; error: AppError };

/** Error codes of a move that is past its pivot (the renderer does not say "Not moved" for them). */
export const MOVED_CODE = 'disk-moved';
export const UNKNOWN_CODE = 'disk-move-unknown';

/** Where the guest runs after the pivot was sent, from the live XML only. Pure. */
export function pivotOutcome(sent: PivotSent, live: LiveRead): PivotOutcome {
  const { vm, target, from, copy } = sent;
  const sentText = sent.failure ? `the pivot of ${target} was sent, but ${sent.failure}` : `the pivot of ${target} was sent`;
  const unknown = (why: string): PivotOutcome => ({
    kind: 'unknown',
    error: new AppError(
      UNKNOWN_CODE,
      `Not known whether ${vm} runs on the copy: ${sentText}; ${why}. Nothing was deleted: both ${from} and the copy ${copy.path} are kept`,
      whatToDo(sent),
    ),
  });
  if ('unreadable' in live) return unknown(`its disks could not be read (${live.unreadable})`);
  let disk: ReturnType<typeof parseDomain>['disks'][number] | undefined;
  try {
    disk = parseDomain(live.xml).disks.find((d) => d.target === target);
  } catch (err) {
    return unknown(`its XML could not be read (${(err as Error).message})`);
  }
  if (!disk) return unknown(`the running VM has no ${target} any more`);
  if (disk.path === copy.path) return { kind: 'moved' };
  if (disk.path !== from) return unknown(`${target} now reads ${disk.path ?? 'nothing'}, neither the source nor the copy`);
  // On its source: libvirt may still be switching it (ready='pivot'), then the copy may become the disk any moment.
  if (disk.mirror?.ready === 'pivot') return unknown(`libvirt is still switching ${target} to the copy`);
  return {
    kind: 'on-source',
    error: new AppError(
      'libvirt',
      sent.failure ? `The pivot of ${target} failed: ${sent.failure}` : `After the pivot ${target} still reads ${from}`,
      `The guest stays on its source ${from}; the copy ${copy.volume} in ${copy.pool} is deleted.`,
    ),
  };
}

/** How to find out where the guest runs, and what to do in each case. */
function whatToDo({ vm, target, from, copy }: PivotSent): string {
  return (
    `On the host, \`virsh domblklist ${vm}\` says which file ${target} uses. ` +
    `If it is the copy ${copy.path}: ${nextBootFix({ vm, target, from, copy })} ` +
    `If it is ${from}: delete the copy ${copy.volume} in ${copy.pool} (host’s Storage tab).`
  );
}

/** What to do when the guest runs on the copy but its next boot still names the source. */
export function nextBootFix({ vm, target, from, copy }: Pick<PivotSent, 'vm' | 'target' | 'from' | 'copy'>): string {
  return (
    `point ${target} of the next boot at it (Settings → Edit XML, or \`virsh edit ${vm}\`: <source file='${copy.path}'/>) ` +
    `before the VM is shut down — a boot from ${from} would lose what the guest wrote since the move. Keep ${from} until then.`
  );
}

/** The guest runs on the copy, but a later step failed: the move is done, this is what is left. */
export function movedBut(sent: Pick<PivotSent, 'vm' | 'target' | 'from' | 'copy'>, left: 'next-boot' | 'source', cause: unknown): AppError {
  const { target, from, copy } = sent;
  const why = cause instanceof Error ? cause.message : String(cause);
  const done = `${target} moved to ${copy.pool}: the guest runs on ${copy.path}`;
  return left === 'next-boot'
    ? new AppError(MOVED_CODE, `${done}, but its next boot still names ${from} (${why})`, {
        cause,
        hint: `To finish: ${nextBootFix(sent)}`,
      })
    : new AppError(MOVED_CODE, `${done}; the source ${from} was not deleted (${why})`, {
        cause,
        hint: 'It is kept in its pool; delete it in the host’s Storage tab once nothing names it.',
      });
}
