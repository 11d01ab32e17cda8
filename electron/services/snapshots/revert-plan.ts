/**
 * Vireo's own revert to an external snapshot (for libvirt before 9.7), as a pure plan: the VM's
 * disks are pointed back at the snapshot's images with fresh overlays on them (so the snapshot can
 * be reverted to again), named so that a later delete knows them (REVERT_OVERLAY).
 */
import { AppError } from '../../../shared/errors';
import { kindOf } from './checks';
import type { SnapshotFacts } from './facts';

const refuse = (why: string, hint: string): never => {
  throw new AppError('refused', why, hint);
};

/** The fresh overlay Vireo's revert makes (planRevertExternal): `<image stem>.<snapshot>-revert-<stamp>.qcow2`. */
export const REVERT_OVERLAY = /\.[^/]+-revert-[0-9a-z]+\.qcow2$/;

/** The overlay name planRevertExternal builds for a revert to `snapshot` on `image`, its stamp left open. */
export function isRevertOverlayOf(file: string, image: string, snapshot: string): boolean {
  const prefix = `${image.replace(/\.qcow2$/, '')}.${snapshot}-revert-`;
  return file.startsWith(prefix) && /^[0-9a-z]+\.qcow2$/.test(file.slice(prefix.length));
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
