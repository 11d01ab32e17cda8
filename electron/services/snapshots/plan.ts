/**
 * Pure plans for what libvirt will not do on older hosts: the chain planner for deleting an
 * external snapshot with block jobs (which layer merges into which, what metadata moves, which
 * files go), and Vireo's own revert to an external snapshot (disks pointed back at the snapshot's
 * images, with fresh overlays so it can be reverted to again).
 *
 * The merge rule (libvirt's own, qemuSnapshotDeleteExternal): deleting snapshot S whose disk d
 * was snapshotted into overlay O on top of image B commits O into B (the active commit with a
 * pivot when O is the VM's top layer); O leaves the chain, B then holds what O held, and the
 * snapshots whose data was in O (S's children) are redefined with B. Refused whenever a layer
 * that would be dropped or changed is still needed by something else.
 */
import { AppError } from '../../../shared/errors';
import { isRunning, kindOf } from './checks';
import type { SnapshotFacts } from './facts';

/** A disk's chain as the running VM has it: its top layer first. */
export interface DiskChain {
  target: string;
  chain: string[];
}

/** What the planner needs: plain, so the property test generates it. */
export interface ChainFacts {
  running: boolean;
  disks: DiskChain[];
  snapshots: {
    name: string;
    /** Its parent snapshot (the tree); absent for a root. */
    parent?: string;
    kind: 'internal' | 'external';
    /** Per disk target: the overlay created by the snapshot and the image holding its data. */
    disks: { target: string; overlay: string; image: string }[];
    /** Its memory state's file (external with memory): read by nothing else, it goes with the snapshot. */
    memory?: string;
    /** Every file its saved definition and its disks name (also disks it left out); absent: not known. */
    files?: string[];
  }[];
  /** Files the VM's persistent definition (its next boot) names; absent: not read (no revert overlay is removed then). */
  inactive?: string[];
  /** `otherUsers` holds every other VM's next-boot definition too (read on the delete path); else no overlay off the chain is discarded and no revert overlay removed. */
  otherUsersComplete?: boolean;
  /** Images other VMs use: path → their names. */
  otherUsers: Record<string, string[]>;
  /** Other VMs that could not be read (libvirt's message): `otherUsers` lacks their files, so nothing is merged or discarded. */
  otherUsersUnread?: { vm: string; message: string }[];
  /** Memory state files other VMs' snapshots name: path → who (“VM (snapshot “s”)”). */
  memoryUsers?: Record<string, string[]>;
  /**
   * File → the file it is built on, for every volume of the pools involved (the pool's reading).
   * Without it (not read), no overlay off the chain is discarded: something unseen may be built on it.
   */
  backing?: Record<string, string>;
  /** Why `backing` is missing, when a volume read failed: libvirt's message (said in the refusal). */
  backingError?: string;
}

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

/** The fresh overlay Vireo's revert makes (planRevertExternal): `<image stem>.<snapshot>-revert-<stamp>.qcow2`. */
export const REVERT_OVERLAY = /\.[^/]+-revert-[0-9a-z]+\.qcow2$/;

/** The overlay name planRevertExternal builds for a revert to `snapshot` on `image`, its stamp left open. */
export function isRevertOverlayOf(file: string, image: string, snapshot: string): boolean {
  const prefix = `${image.replace(/\.qcow2$/, '')}.${snapshot}-revert-`;
  return file.startsWith(prefix) && /^[0-9a-z]+\.qcow2$/.test(file.slice(prefix.length));
}

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

/** Who else names memory file `file`: this VM's snapshots other than `except`, and other VMs' snapshots on the host. */
export function memoryFileHolders(c: Pick<ChainFacts, 'snapshots' | 'memoryUsers'>, file: string, except: readonly string[]): string[] {
  return [
    ...c.snapshots.filter((x) => x.memory === file && !except.includes(x.name)).map((x) => `snapshot “${x.name}”`),
    ...(c.memoryUsers?.[file] ?? []),
  ];
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
 * A create's call went unanswered (a timeout, a closed link): libvirt may have had the request and
 * be making the snapshot still, so not seeing it in the VM's list (false) is not "none was made".
 * null: the list could not be read. Either way, the check to run.
 */
export function createUnknownHint(vm: string, name: string, listed: false | null, memoryFile?: string): string {
  const shown =
    listed === false
      ? `The host's snapshot list of ${vm}, read after the link came back, does not show “${name}” (yet): libvirt may have had the request and still be making it, so Vireo could not tell whether it will appear.`
      : `Vireo could not read ${vm}'s snapshot list from the host: it could not tell whether libvirt made “${name}”.`;
  return `${shown} Vireo undid nothing. Check with \`virsh snapshot-list ${vm}\` in a minute before taking it again${memoryFile ? `; its memory state would be in ${memoryFile}` : ''}.`;
}

export function chainFactsOf(f: SnapshotFacts): ChainFacts {
  const backing: Record<string, string> = {};
  for (const [p, v] of Object.entries(f.files ?? {})) if (v.backing) backing[p] = v.backing;
  return {
    running: isRunning(f),
    disks: f.domain.disks
      .filter((d) => d.target && d.path)
      .map((d) => {
        const chain = [d.path as string, ...d.backingChain.flatMap((b) => (b.path ? [b.path] : []))];
        // A shut-off VM's definition names only its top file: the rest of the chain as the pool reads it.
        for (let b = backing[chain[chain.length - 1] as string]; b && !chain.includes(b); b = backing[b]) chain.push(b);
        return { target: d.target as string, chain };
      }),
    snapshots: f.snapshots.map(({ model }) => {
      const images = new Map((model.domain?.disks ?? []).map((d) => [d.target ?? '', d.path ?? '']));
      return {
        name: model.name,
        ...(model.parent ? { parent: model.parent } : {}),
        kind: kindOf(model),
        ...(model.memory === 'external' && model.memoryFile ? { memory: model.memoryFile } : {}),
        files: [
          ...(model.domain?.disks ?? []).flatMap((d) => (d.path ? [d.path] : [])),
          ...model.disks.flatMap((d) => (d.file ? [d.file] : [])),
        ],
        disks: model.disks
          .filter((d) => d.snapshot === 'external' && d.file)
          .map((d) => ({ target: d.name, overlay: d.file as string, image: images.get(d.name) ?? '' })),
      };
    }),
    otherUsers: f.otherUsers,
    ...(f.otherUsersNextBoot && !f.otherUsersUnread?.length ? { otherUsersComplete: true } : {}),
    ...(f.otherUsersUnread?.length ? { otherUsersUnread: f.otherUsersUnread } : {}),
    inactive: f.inactive.disks.flatMap((d) => (d.path ? [d.path, ...d.backingChain.flatMap((b) => (b.path ? [b.path] : []))] : [])),
    ...(f.memoryFileUsers ? { memoryUsers: f.memoryFileUsers } : {}),
    // Only a whole reading of the pools tells that nothing else is built on a layer.
    ...(f.files && f.filesScanned !== false ? { backing } : {}),
    ...(f.filesError ? { backingError: f.filesError } : {}),
  };
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

/** The snapshots under `name` (children, theirs …), each after its own descendants, newest first: the order they are deleted in. */
export function descendantsLeafFirst(c: Pick<ChainFacts, 'snapshots'>, name: string): string[] {
  const out: string[] = [];
  const walk = (n: string) => {
    const kids = c.snapshots.filter((x) => x.parent === n).reverse();
    for (const k of kids) {
      walk(k.name);
      out.push(k.name);
    }
  };
  walk(name);
  return out;
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

/** Vireo's revert to an external snapshot (the VM shut off first). */
export interface RevertPlan {
  snapshot: string;
  /** Each disk of the snapshot: the image to point back at and the fresh overlay to create on it. */
  disks: { target: string; image: string; overlay: string }[];
  /** Disks the snapshot left out: they keep their current files. */
  untouched: string[];
  /** With memory: the save image the guest is restored from (running on from the snapshot's moment); else the VM stays shut off. */
  memoryFile?: string;
}

/** `stamp` makes the overlay names unique (the caller's clock; the plan stays pure). */
export function planRevertExternal(f: SnapshotFacts, name: string, stamp: string): RevertPlan {
  const s = f.snapshots.find((x) => x.model.name === name)?.model;
  if (!s) return refuse(`There is no snapshot “${name}”`, 'Refresh the list.');
  if (kindOf(s) !== 'external') return refuse(`“${name}” is internal`, 'libvirt reverts internal snapshots itself.');
  if (s.memory === 'external' && !s.memoryFile)
    return refuse(`“${name}” has a memory state but does not say in which file`, 'Its metadata is incomplete; it cannot be reverted to.');
  const images = new Map((s.domain?.disks ?? []).map((d) => [d.target ?? '', d.path]));
  const disks: RevertPlan['disks'] = [];
  const untouched: string[] = [];
  for (const d of s.disks) {
    if (d.snapshot !== 'external') {
      untouched.push(d.name);
      continue;
    }
    const image = images.get(d.name);
    if (!image)
      return refuse(`“${name}” does not say which image ${d.name} was in`, 'Its metadata is incomplete; it cannot be reverted to.');
    if (!f.inactive.disks.some((x) => x.target === d.name))
      return refuse(`The VM has no disk ${d.name} any more`, 'Add the disk back before reverting.');
    const stem = image.replace(/\.qcow2$/, '');
    disks.push({ target: d.name, image, overlay: `${stem}.${name}-revert-${stamp}.qcow2` });
  }
  return { snapshot: name, disks, untouched, ...(s.memory === 'external' && s.memoryFile ? { memoryFile: s.memoryFile } : {}) };
}
