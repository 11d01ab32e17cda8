/**
 * What an operation's outcome leaves, in words for the job's phase and the error's hint: files that
 * stay (removalPhase), and a create or a memory restore whose call went unanswered (nothing undone,
 * what the host shows, the check to run).
 */
import { shellQuote } from '../../transport/ssh/quote';
import type { RevertPlan } from './revert-plan';

/** What removeFiles did not remove, and why. */
export interface Removal {
  /** No storage pool holds them (libvirt's "no storage vol"): left in place. */
  left: string[];
  /** libvirt refused or the link failed: the file stays, with libvirt's message. */
  failed: { file: string; message: string }[];
  /** Not even tried: something else names them. */
  kept?: { file: string; why: string }[];
}

/** One phrase for a job's last phase about the files that stay ('' when every file went). */
export function removalPhase(r: Removal): string {
  const parts: string[] = [];
  if (r.left.length) parts.push(`left in place (no storage pool holds them): ${r.left.join(', ')}`);
  if (r.failed.length) parts.push(`not deleted: ${r.failed.map((x) => `${x.file} (${x.message})`).join('; ')}`);
  if (r.kept?.length) parts.push(`kept: ${r.kept.map((x) => `${x.file} (${x.why})`).join('; ')}`);
  return parts.join('; ');
}

/**
 * The error's hint when a memory restore's call went unanswered (only a closed link gets here: the
 * call has no timeout). Nothing was undone, whatever the host shows: even "shut off" tells
 * nothing, since libvirt may still be starting the restore it received. It names every file and
 * what to check.
 */
export function restoreUnknownHint(plan: RevertPlan, state: string | null, vm: string): string {
  const where =
    state === 'shutoff'
      ? `The host shows the VM shut off, but the link dropped while libvirt restored it, and it may still be starting it: Vireo could not tell whether it will run.`
      : state
        ? `The host shows the VM ${state}.`
        : "Vireo could not read the VM's state from the host.";
  const disks = plan.disks.map((d) => `${d.target} → ${d.overlay} (new, on top of ${d.image}, the snapshot's data)`).join(', ');
  return [
    where,
    `Vireo undid nothing: the VM's disks are ${disks}; the memory state was being read from ${plan.memoryFile ?? '(none)'} (the snapshot's, kept).`,
    plan.untouched.length ? `Left as they are: ${plan.untouched.join(', ')}.` : '',
    `Check with \`virsh domstate ${vm}\` in a minute. If the VM runs, it runs on those overlays from the snapshot's moment: keep them. If it stays shut off, it boots from those overlays (the snapshot's disks, without its memory): revert to “${plan.snapshot}” again to restore the memory.`,
    `“${plan.snapshot}” is not marked current yet.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * A create's call went unanswered (a timeout, a closed link) and the host could not say yet whether
 * libvirt made it: a job still runs on the VM (libvirt lists a snapshot before it is made, so the
 * list alone would show an unfinished one as made), or the host could not be read. The check to
 * run says so: the list only once `virsh domjobinfo` shows no job.
 */
export function createUnknownHint(
  vm: string,
  name: string,
  seen: { busy: string; stopped?: boolean } | { unread: string },
  memoryFile?: string,
): string {
  const shown =
    'busy' in seen && seen.stopped
      ? `Vireo could not tell whether libvirt made “${name}”: ${seen.busy}.`
      : 'busy' in seen
        ? `libvirt is still busy with ${vm} (${seen.busy}): it may still be making “${name}”, and libvirt lists a snapshot before it is made, so Vireo could not tell whether it will be made.`
        : `Vireo could not read from the host whether libvirt is still making “${name}” (${seen.unread}).`;
  return [
    shown,
    'Vireo undid nothing.',
    'stopped' in seen && seen.stopped
      ? `Check with \`virsh snapshot-current --name ${vm}\`: it shows “${name}” once libvirt made it (libvirt makes a new snapshot current only then; \`virsh snapshot-list\` alone also lists one still being made).`
      : `Check with \`virsh domjobinfo ${vm}\` until it shows “Job type: None” (while an internal snapshot is made it waits 30 s and answers “cannot acquire state change lock”: still being made); only then does \`virsh snapshot-list ${vm}\` tell: listed = made, not listed = not made.`,
    memoryFile ? `Its memory state would be in ${memoryFile}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A create's call went unanswered, and once no job ran on the VM its list lacked the snapshot: not made. */
export function createNotMadeHint(vm: string, name: string): string {
  return `Once the host answered again, no job ran on ${vm} and its snapshot list lacked “${name}”: libvirt did not make it (or took it out again when making it failed). Nothing to undo; take it again.`;
}

/** What the host showed of an unanswered revert or delete that left it undecided. */
type Undecided = { busy: string; stopped?: boolean } | { unread: string } | { unclear: true };

/** The first sentence for an undecided outcome: busy, unreadable, or (revert) the current snapshot tells nothing. */
function undecided(vm: string, doing: string, seen: Undecided): string {
  if ('unclear' in seen) return '';
  if ('busy' in seen && seen.stopped) return `Vireo could not tell whether libvirt is done ${doing}: ${seen.busy}.`;
  if ('busy' in seen) return `libvirt is still busy with ${vm} (${seen.busy}): it may still be ${doing}.`;
  return `Vireo could not read from the host whether libvirt is still ${doing} (${seen.unread}).`;
}

/**
 * An unanswered revert the host does not show decided: a job still runs on the VM, the host could not
 * be read, or the snapshot was current already (then being current tells nothing). The check to run.
 */
export function revertUnknownHint(vm: string, name: string, seen: Undecided, wasCurrent: boolean): string {
  const q = shellQuote(vm);
  return [
    'unclear' in seen
      ? `No job runs on ${vm} any more, but “${name}” was its current snapshot already before the revert, so the host cannot show whether libvirt reverted to it.`
      : undecided(vm, `reverting to “${name}”`, seen),
    'Vireo undid nothing.',
    'unclear' in seen
      ? `Look at the guest (its console): if it is back at “${name}”'s moment, it was reverted; if not, revert again.`
      : wasCurrent
        ? `Check with \`virsh domjobinfo ${q}\` until it shows “Job type: None”; then look at the guest (its console): “${name}” was current already, so \`virsh snapshot-current\` cannot tell; if the guest is back at “${name}”'s moment, it was reverted.`
        : 'busy' in seen && seen.stopped
          ? `Check with \`virsh snapshot-current --name ${q}\`: it shows “${name}” once libvirt reverted to it (libvirt makes it current only then).`
          : `Check with \`virsh domjobinfo ${q}\` until it shows “Job type: None” (while QEMU loads the snapshot it waits 30 s and answers “cannot acquire state change lock”: still reverting); then \`virsh snapshot-current --name ${q}\`: “${name}” = reverted, another = not reverted.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** An unanswered revert: once no job ran, the snapshot was not current: libvirt did not revert. */
export function revertNotDoneHint(vm: string, name: string, state: string | null): string {
  return `Once the host answered again, no job ran on ${vm} and “${name}” was not its current snapshot: libvirt did not revert it (it makes the snapshot current only once reverted). Nothing to undo; ${state ? `the VM is ${state}` : "the VM's state could not be read"}; revert again.`;
}

/** An unanswered delete the host does not show decided: the check to run (the list only once no job runs). */
export function deleteUnknownHint(vm: string, name: string, seen: { busy: string; stopped?: boolean } | { unread: string }): string {
  const q = shellQuote(vm);
  return [
    undecided(vm, `deleting “${name}”`, seen),
    'Vireo undid nothing.',
    'busy' in seen && seen.stopped
      ? `Check with \`virsh snapshot-list ${q}\` in a minute: once “${name}” is gone it is deleted.`
      : `Check with \`virsh domjobinfo ${q}\` until it shows “Job type: None” (an external snapshot's merge runs as a job); then \`virsh snapshot-list ${q}\`: gone = deleted, listed = not deleted.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * An unanswered delete: once no job ran, the snapshot was still listed: libvirt did not delete it.
 * An external one may still have been merged in part (partlyMerged).
 */
export function deleteNotDoneHint(vm: string, name: string, external = false): string {
  return [
    `Once the host answered again, no job ran on ${vm} and “${name}” was still listed: libvirt did not delete it. Vireo undid nothing; check with \`virsh snapshot-list ${shellQuote(vm)} --tree\`, then delete it again.`,
    external ? partlyMerged(vm, name) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * A failed delete of an external snapshot: libvirt 9.0 merges its disks one by one inside the
 * delete call and undoes none it merged when a later one fails, so "still listed" does not mean
 * "as it was".
 */
export function partlyMerged(vm: string, name: string): string {
  return `libvirt 9.0 merges an external snapshot's disks inside the delete and does not undo the ones merged before a failure, so some of “${name}”'s disks may be merged already: check with \`virsh domblklist ${shellQuote(vm)} --details\`, and do not revert to “${name}” until that is clear (a merged disk no longer holds what it saved).`;
}
