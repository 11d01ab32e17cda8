/**
 * The chain planner for deleting an external snapshot with block jobs, which libvirt will not do
 * on older hosts: which layer merges into which, what metadata moves, which files go (the facts
 * it reads: chain.ts; Vireo's own revert: revert-plan.ts; the words for what is left: outcome.ts).
 *
 * The merge rule (libvirt's own, qemuSnapshotDeleteExternal): deleting snapshot S whose disk d
 * was snapshotted into overlay O on top of image B commits O into B (the active commit with a
 * pivot when O is the VM's top layer); O leaves the chain, B then holds what O held, and the
 * snapshots whose data was in O (S's children) are redefined with B. Refused whenever a layer
 * that would be dropped or changed is still needed by something else.
 */
import { AppError } from '../../../shared/errors';
import { type ChainFacts, descendantsLeafFirst, memoryFileHolders } from './chain';
import { isRevertOverlayOf } from './revert-plan';

export interface MergeStep {
  target: string;
  /** The layer merged away. */
  top: string;
  /** The layer it merges into. */
  base: string;
  /** top is the VM's active layer: an active commit, then a pivot. */
  active: boolean;
}

export interface DeletePlan {
  snapshot: string;
  merges: MergeStep[];
  /**
   * Overlays the VM was reverted away from (off its chain, read by nothing): they hold only the
   * state the revert discarded, and go without a merge.
   */
  discards: { target: string; overlay: string }[];
  /** Snapshots to redefine, each disk's image moved (target → new image path). */
  redefine: { name: string; moves: Record<string, string> }[];
  /** Files no longer used by anything once the merges are done. */
  removeFiles: string[];
  /** Files of the snapshot that stay because something else names them (a memory state another snapshot names too). */
  keptFiles?: { file: string; why: string }[];
  /** Overlays Vireo's own revert made for the branch deleted, which nothing names any more (also in removeFiles). */
  revertOverlays?: string[];
}

/** Why nothing is merged or discarded while other VMs could not be read (the Snapshots tab says the same). */
export function unreadRefusal(unread: readonly { vm: string; message: string }[]): [string, string] {
  return [
    `Vireo could not read ${unread.map((u) => `the disks of ${u.vm} (${u.message})`).join(', ')}`,
    `Which files ${unread.length > 1 ? 'they use' : 'it uses'} is not known, so nothing is merged or removed. Try again once ${unread.length > 1 ? 'they' : 'it'} can be read (\`virsh dumpxml ${unread[0]?.vm ?? '<vm>'}\`).`,
  ];
}

const refuse = (why: string, hint: string): never => {
  throw new AppError('refused', why, hint);
};

/** The block-job plan to delete external snapshot `name`, or an AppError saying why not. */
export function planDeleteByBlockJobs(c: ChainFacts, name: string): DeletePlan {
  const s = c.snapshots.find((x) => x.name === name);
  if (!s) return refuse(`There is no snapshot “${name}”`, 'Refresh the list.');
  if (s.kind !== 'external') return refuse(`“${name}” is an internal snapshot`, 'libvirt deletes internal snapshots itself.');
  if (c.snapshots.some((x) => x.kind === 'internal'))
    return refuse(
      'The VM also has internal snapshots (a mixed chain)',
      'Merging would carry them into another image; delete the internal ones first.',
    );
  if (c.otherUsersUnread?.length) return refuse(...unreadRefusal(c.otherUsersUnread));
  const kept = c.snapshots.filter((x) => x !== s);
  const merges: MergeStep[] = [];
  const moves = new Map<string, Record<string, string>>();
  const removeFiles: string[] = [];
  const discards: DeletePlan['discards'] = [];
  /** The images under discarded overlays (per disk): one may be the overlay a revert of Vireo's made for this branch. */
  const under = new Map<string, { target: string; file: string }>();
  for (const d of s.disks) {
    const chain = c.disks.find((x) => x.target === d.target)?.chain ?? [];
    const at = chain.indexOf(d.overlay);
    if (at < 0) {
      // Reverted away from: the overlay holds the discarded state. It goes when nothing reads it.
      discards.push({ target: d.target, overlay: discardable(c, kept, name, d) });
      removeFiles.push(d.overlay);
      if (d.image) under.set(`${d.target}\n${d.image}`, { target: d.target, file: d.image });
      continue;
    }
    if (chain[at + 1] !== d.image)
      return refuse(
        `The VM's ${d.target} does not run on “${name}”'s overlay ${d.overlay} over ${d.image}`,
        'The VM was reverted to another branch: these layers are not in its chain, and merging them would change another branch. Revert to a snapshot of this branch first.',
      );
    // B changes: nothing else may read it as it is.
    const holder = kept.find((k) => k.disks.some((kd) => kd.target === d.target && kd.image === d.image));
    if (holder)
      return refuse(
        `${d.image} holds the data of snapshot “${holder.name}” too`,
        `Merging “${name}” into it would change “${holder.name}”. Delete “${holder.name}” first, or keep both.`,
      );
    // O goes: nothing but the layer above it in the VM's chain may be built on it (a clone's overlay, made by hand).
    // (the delete path always reads the pools for external snapshots: no `backing` there means a volume read failed)
    if (!c.backing && c.backingError) return refuse(`Vireo could not read which files are built on ${d.overlay}`, unreadHint(c, 'merged'));
    const built = Object.entries(c.backing ?? {}).find(([f, b]) => b === d.overlay && f !== chain[at - 1])?.[0];
    if (built)
      return refuse(`${built} is built on ${d.overlay}`, `Merging “${name}” would remove a file ${built} reads: remove ${built} first.`);
    const users = c.otherUsers[d.image] ?? c.otherUsers[d.overlay];
    if (users?.length)
      return refuse(
        `${c.otherUsers[d.image] ? d.image : d.overlay} is also used by ${users.join(', ')}`,
        'A merge would change it under that VM.',
      );
    // O goes: a kept snapshot may name it only as its image on this chain (it is moved to B).
    for (const k of kept) {
      for (const kd of k.disks.filter((x) => x.target === d.target)) {
        if (kd.overlay === d.overlay)
          return refuse(
            `${d.overlay} is also the overlay of “${k.name}”`,
            'The snapshots share a layer: delete them one at a time from the top.',
          );
        if (kd.image === d.overlay) {
          if (!chain.includes(kd.overlay))
            return refuse(
              `“${k.name}” has its data in ${d.overlay} and its overlay ${kd.overlay} is off the VM's chain (another branch)`,
              'That branch still reads the file: delete or revert that branch first.',
            );
          const m = moves.get(k.name) ?? {};
          m[d.target] = d.image;
          moves.set(k.name, m);
        }
      }
    }
    merges.push({ target: d.target, top: d.overlay, base: d.image, active: at === 0 });
    removeFiles.push(d.overlay);
  }
  if (merges.length && !c.running)
    return refuse('Block jobs need the VM running', 'Start the VM, or delete through libvirt (which merges offline).');
  const keptFiles: { file: string; why: string }[] = [];
  const revertOverlays: string[] = [];
  for (const { target, file: b } of under.values()) {
    if (revertOverlays.includes(b)) continue;
    const fate = revertOverlayFate(c, kept, target, b, removeFiles);
    if (fate === 'remove') revertOverlays.push(b);
    else if (fate) keptFiles.push({ file: b, why: fate });
  }
  removeFiles.push(...revertOverlays);
  if (s.memory) {
    const holders = memoryFileHolders(c, s.memory, [name]);
    if (holders.length) keptFiles.push({ file: s.memory, why: `also the memory state of ${holders.join(', ')}` });
    else removeFiles.push(s.memory);
  }
  return {
    snapshot: name,
    merges,
    discards,
    redefine: [...moves].map(([n, m]) => ({ name: n, moves: m })),
    removeFiles,
    ...(keptFiles.length ? { keptFiles } : {}),
    ...(revertOverlays.length ? { revertOverlays } : {}),
  };
}

/**
 * `file`, the image under an overlay this delete discards (disk `target`): when it is an overlay
 * Vireo's revert made ('remove') that nothing names any more — not the VM's chain or next boot, no kept snapshot,
 * no other VM (live or next boot), no file built on it but those removed with it. null: not such
 * an overlay, or something names it. A reason (kept, said in the job): Vireo could not read all
 * of that.
 */
function revertOverlayFate(
  c: ChainFacts,
  kept: ChainFacts['snapshots'],
  target: string,
  file: string,
  removing: readonly string[],
): 'remove' | string | null {
  // Vireo's own revert made it: named exactly as planRevertExternal names a revert to a kept
  // snapshot k on k's image I, and (when the pool was read) built on I. A user's file that only
  // looks like one (`web.pre-revert-1.qcow2`) is never touched.
  const made = kept.filter((k) => k.disks.some((kd) => kd.target === target && kd.image && isRevertOverlayOf(file, kd.image, k.name)));
  if (!made.length) return null;
  if (c.backing && !made.some((k) => k.disks.some((kd) => kd.target === target && c.backing?.[file] === kd.image))) return null;
  if (c.disks.some((d) => d.chain.includes(file)) || c.inactive?.includes(file)) return null;
  if (kept.some((k) => k.files?.includes(file) || k.disks.some((kd) => kd.image === file || kd.overlay === file))) return null;
  if (c.otherUsers[file]?.length) return null;
  if (c.backing && Object.entries(c.backing).some(([f, b]) => b === file && !removing.includes(f))) return null;
  const unread = [
    c.inactive ? '' : "the VM's next-boot definition",
    c.otherUsersComplete ? '' : "other VMs' next-boot definitions",
    c.backing ? '' : 'which files are built on it',
    kept.every((k) => k.files) ? '' : "every snapshot's saved definition",
  ].filter(Boolean);
  if (unread.length) return `the overlay Vireo's revert made for this branch, kept: Vireo could not read ${unread.join(', ')}`;
  return 'remove';
}

/** The hint of a refusal for an incomplete pool reading: libvirt's message when a volume read failed. */
function unreadHint(c: ChainFacts, what: 'kept' | 'merged'): string {
  const why = c.backingError ? `A volume of its storage pool could not be read (${c.backingError})` : 'Its storage pool was not readable';
  return `${why}: ${what === 'kept' ? 'the overlay is kept' : 'nothing was merged'}. Refresh the pool and try again.`;
}

/** An overlay off the VM's chain may be dropped when no kept snapshot and no other VM reads it; else a refusal naming who does. */
function discardable(c: ChainFacts, kept: ChainFacts['snapshots'], name: string, d: { target: string; overlay: string }): string {
  for (const k of kept)
    for (const kd of k.disks.filter((x) => x.target === d.target)) {
      if (kd.image === d.overlay)
        return refuse(
          `“${k.name}” has its data in ${d.overlay}, the overlay of “${name}” that the VM was reverted away from`,
          `Delete “${k.name}” first, or delete “${name}” with its children (the branch you left goes as a whole).`,
        );
      if (kd.overlay === d.overlay)
        return refuse(`${d.overlay} is also the overlay of “${k.name}”`, `The snapshots share a layer: delete “${k.name}” first.`);
    }
  const users = c.otherUsers[d.overlay];
  if (users?.length) return refuse(`${d.overlay} is also used by ${users.join(', ')}`, 'It stays; remove it from that VM first.');
  // Its own next boot (a live-only change left the definition on this overlay): the VM would boot from a deleted file.
  if (c.inactive?.includes(d.overlay))
    return refuse(
      `${d.overlay} is in the VM's own next-boot definition`,
      'It would boot from it at its next start (a live-only change left its definition there): the overlay is kept. Check with `virsh dumpxml --inactive <vm>`.',
    );
  if (!c.backing) return refuse(`Vireo could not read which files are built on ${d.overlay}`, unreadHint(c, 'kept'));
  // A running VM's next boot may name it (an attach with --config sends no event): every one must have been read.
  if (!c.otherUsersComplete)
    return refuse(
      `Vireo could not read every other VM's next-boot definition, so it cannot tell that none names ${d.overlay}`,
      'Nothing was changed: the overlay is kept. Try again; if it persists, check the other VMs with `virsh dumpxml --inactive <vm>`.',
    );
  const built = Object.entries(c.backing).find(([, b]) => b === d.overlay)?.[0];
  if (built) return refuse(`${built} is built on ${d.overlay}`, `Something still reads the overlay of “${name}”: remove ${built} first.`);
  return d.overlay;
}

/** The facts once `plan` is done: merged layers out of the chains, moved images, the snapshot and its discarded files gone. */
export function applyPlan(c: ChainFacts, plan: DeletePlan): ChainFacts {
  let backing: Record<string, string> | undefined;
  if (c.backing) {
    backing = {};
    for (const [f, b] of Object.entries(c.backing)) {
      if (plan.removeFiles.includes(f)) continue;
      backing[f] = plan.merges.find((m) => m.top === b)?.base ?? b;
    }
  }
  return {
    ...c,
    ...(backing ? { backing } : {}),
    disks: c.disks.map((d) => ({
      target: d.target,
      chain: d.chain.filter((p) => !plan.merges.some((m) => m.target === d.target && m.top === p)),
    })),
    snapshots: c.snapshots
      .filter((s) => s.name !== plan.snapshot)
      .map((s) => {
        const moves = plan.redefine.find((r) => r.name === s.name)?.moves ?? {};
        const parent = s.parent === plan.snapshot ? c.snapshots.find((x) => x.name === plan.snapshot)?.parent : s.parent;
        return {
          name: s.name,
          ...(parent ? { parent } : {}),
          kind: s.kind,
          ...(s.memory ? { memory: s.memory } : {}),
          // the moved images too (the old names stay: a revert overlay is kept rather than removed on a doubt)
          ...(s.files ? { files: [...s.files, ...Object.values(moves)] } : {}),
          disks: s.disks.map((d) => ({ ...d, image: moves[d.target] ?? d.image })),
        };
      }),
  };
}

/**
 * Deleting `name` with its children: each descendant first (leaves first, newest first), then
 * `name`, each step planned on the facts the steps before it leave. Refused as a whole when any
 * step would be (nothing is merged before the refusal).
 */
export function planDeleteWithChildren(c: ChainFacts, name: string): DeletePlan[] {
  if (!c.snapshots.some((x) => x.name === name)) return refuse(`There is no snapshot “${name}”`, 'Refresh the list.');
  const plans: DeletePlan[] = [];
  let cur = c;
  for (const n of [...descendantsLeafFirst(c, name), name]) {
    const p = planDeleteByBlockJobs(cur, n);
    plans.push(p);
    cur = applyPlan(cur, p);
  }
  return plans;
}
