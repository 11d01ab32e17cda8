/**
 * What an operation's outcome leaves, in words for the job's phase and the error's hint: files that
 * stay (removalPhase), and a create or a memory restore whose call went unanswered (nothing undone,
 * what the host shows, the check to run).
 */
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
