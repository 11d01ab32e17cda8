/** Snapshots of a VM (issue 22): its value types, schemas, requests and events. */
import { z } from 'zod';
import { DiskTarget, domainRef, type HostId, ObjectName } from './common';
import type { Job } from './jobs';
import { out } from './out';

export type SnapshotKind = 'internal' | 'external';

/** Why a memory state and a disk left out do not go together (the backend refuses it; the create dialog says it). */
export const MEMORY_WITH_EXCLUDED =
  "A revert would resume the guest's memory over a disk that moved on since: its page cache and file-system state would not match that disk. Keep every disk in the snapshot, or take it without the memory state.";

export interface SnapshotDisk {
  target: string;
  /** internal / external / no (left out). */
  snapshot: string;
  /** external: the overlay libvirt created on top of the snapshot's image (written after the snapshot). */
  overlay?: string;
  /** external: the image holding the snapshot's data (the disk's file at the time). */
  image?: string;
}

export interface SnapshotInfo {
  name: string;
  description: string;
  /** ms since the epoch. */
  createdAt: number;
  /** libvirt's captured state: running, paused, shutoff, disk-snapshot … */
  state: string;
  /** What a revert brings back, in words: "running, with memory", "disks only", "shut off". */
  captured: string;
  kind: SnapshotKind;
  parent: string | null;
  /** "You are here": the snapshot the VM's current state grew from. */
  current: boolean;
  disks: SnapshotDisk[];
  /** External with memory: the file holding the guest's memory state (libvirt's save-image format); a revert restores it. */
  memoryFile?: string;
  /**
   * External: the VM was reverted away from it, so its overlay (the state the revert discarded)
   * is off the VM's chain. Deleting it removes that overlay without a merge (libvirt refuses it).
   */
  revertedAway: boolean;
  /**
   * External: bytes on disk of its overlays (what was written after it, and what a delete merges),
   * from the pool's allocation. Internal: absent — libvirt does not report the size of a snapshot
   * inside a qcow2 image (only qemu-img on the host does).
   */
  sizeBytes?: number;
}

/** Whether an action is offered, and in words why not. */
export interface Offer {
  ok: boolean;
  why?: string;
}

export interface SnapshotList {
  vmName: string;
  running: boolean;
  libvirtVersion: string;
  /** Creation order (oldest first); parent → children is in `parent`. */
  snapshots: SnapshotInfo[];
  offers: {
    internal: Offer;
    external: Offer;
    /** External with the running guest's memory state in a file beside the overlays. */
    externalMemory: Offer;
    quiesce: Offer;
    /** How an external snapshot is reverted on this host: libvirt's own (≥ 9.7) or Vireo's (shut off, fresh overlays). */
    revertExternal: 'libvirt' | 'vireo';
  };
  /** Said once above the tree (a mixed chain, a managed-save image …). */
  warnings: string[];
  /** The disks a snapshot covers unless left out (target and current file). */
  disks: { target: string; path: string }[];
  /**
   * The files the VM's snapshots keep besides its disks' top files (what deleting the VM would
   * otherwise leave behind, virt-manager#810): the layers under each disk, and the overlays and
   * images of external snapshots off the VM's chain.
   */
  files: SnapshotFile[];
  /**
   * Other VMs of the host whose definition (or a volume their disks name) could not be read, with
   * libvirt's message: which files they use is not known, so `files`' usedBy may miss them, and a
   * snapshot delete (merge, discard) and deleting the files with the VM are refused until they can be read.
   */
  otherVmsUnread?: { vm: string; message: string }[];
}

export interface SnapshotFile {
  path: string;
  /** In words: "under vda", "overlay of “e1” (reverted away from)". */
  role: string;
  /** A snapshot made it or was taken of it; false for a base the VM was built on (never ticked by default). */
  madeBySnapshot: boolean;
  /** A storage pool holds it (only such files can be deleted through libvirt). */
  inPool: boolean;
  /** Other VMs using it (their disks or backing chains): never deleted with this VM. */
  usedBy: string[];
}

export const SnapshotCreate = domainRef
  .extend({
    name: ObjectName,
    description: z.string().max(4096, 'Description is longer than 4096 characters').default(''),
    kind: z.enum(['internal', 'external']),
    /** Disks left out of the snapshot (libvirt's <disk snapshot='no'/>): they keep their files, a revert does not touch them. */
    exclude: z.array(DiskTarget).max(64).default([]),
    /** external only: the running guest's memory state goes to a file too (a revert resumes it). */
    memory: z.boolean().default(false),
    quiesce: z.boolean().default(false),
  })
  .strict();
export type SnapshotCreate = z.infer<typeof SnapshotCreate>;

export const SnapshotRevert = domainRef
  .extend({
    name: ObjectName,
    /** First snapshot the current state under this name (of the kind the chain allows). */
    saveCurrentAs: ObjectName.optional(),
  })
  .strict();
export type SnapshotRevert = z.infer<typeof SnapshotRevert>;

export const SnapshotDeleteMethod = z.enum(['libvirt', 'blockjobs']);
export type SnapshotDeleteMethod = z.infer<typeof SnapshotDeleteMethod>;

export const SnapshotDelete = domainRef
  .extend({
    name: ObjectName,
    method: SnapshotDeleteMethod.default('libvirt'),
    /** Its children (and theirs) too, deleted leaf by leaf first (libvirt 9.0's own CHILDREN delete crashed libvirtd in the lab). */
    children: z.boolean().optional(),
    /** blockjobs only: limits the merge's I/O (MiB/s), so a busy host's other disks are not starved. */
    bandwidthMiBps: z.number().int().min(1, 'Bandwidth is below 1 MiB/s').max(100_000).optional(),
  })
  .strict();
export type SnapshotDelete = z.infer<typeof SnapshotDelete>;

/** This feature's requests, spread into the contract's `requests`. */
export const snapshotRequests = {
  'snapshots.list': { input: domainRef, output: out<SnapshotList>() },
  'snapshots.create': { input: SnapshotCreate, output: out<SnapshotList>() },
  'snapshots.revert': { input: SnapshotRevert, output: out<SnapshotList>() },
  /** Starts the delete as a Job (a merge can take long); the job's progress is the block job's. */
  'snapshots.delete': { input: SnapshotDelete, output: out<Job>() },
} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export interface SnapshotEvents {
  'snapshot.changed': { hostId: HostId; uuid: string };
}
