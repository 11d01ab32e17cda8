/**
 * Long operations (migration, install, clone, volume copy) as Jobs broadcast by the JobManager:
 * one union discriminated by `kind` (GitHub Desktop's progress types are the model), each kind
 * with its own typed `detail` — no free-form figure bags.
 *
 * job.progress events stay small (they come up to 5 times a second): a migration's graph history
 * and log travel only with jobs.get / jobs.list (`detail.history`); the panel appends the live
 * samples itself and fetches the whole once.
 */
import type { ApiError, HostId } from './common';
import type { MigrationFigures, MigrationInfo } from './migration';

export type JobKind = 'migration' | 'install' | 'clone' | 'volume-copy' | 'snapshot' | 'storage' | 'disk-move';
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'canceled';

/** A migration's detail: the live numbers, what the panel shows beside them, and (jobs.get only) the history. */
export interface MigrationJobDetail {
  figures: MigrationFigures;
  /** Options, controls, non-convergence and remedies, the result … (what migrations.get returned, less the history). */
  info: Omit<MigrationInfo, 'samples' | 'log'>;
  /** How many log lines there are now (the lines: `history`); a change means "fetch the job again". */
  logLines: number;
  /** Only in jobs.get / jobs.list: the graph's samples and the log. */
  history?: Pick<MigrationInfo, 'samples' | 'log'>;
}

/** Bytes through a copy (install's volume, a clone's disks, an upload). */
export interface CopyFigures {
  bytes?: number;
  totalBytes?: number;
  bytesPerSec?: number;
  /** The last disk's average rate (clone). */
  lastRateBps?: number;
  elapsedMs?: number;
  /** The disk being copied (1-based) and how many (clone). */
  disk?: number;
  disks?: number;
}

export interface CopyJobDetail {
  figures: CopyFigures;
}

/** Storage work on a host (issue 18): a pool built, a volume cloned (bytes written so far), wiped, or downloaded to this computer. */
export interface StorageJobDetail {
  op: 'build' | 'clone' | 'wipe' | 'download';
  pool: string;
  volume?: string;
  /** A clone's new volume. */
  target?: { pool: string; volume: string };
  figures: CopyFigures;
}

/** A running VM's disk moved to another pool (block copy, then pivot; issue 19): bytes copied so far. */
export interface DiskMoveJobDetail {
  uuid: string;
  target: string;
  from: { path: string; pool?: string; volume?: string };
  to: { pool: string; volume: string };
  figures: CopyFigures;
}

/** The detail of each kind. */
export interface JobDetails {
  migration: MigrationJobDetail;
  install: CopyJobDetail;
  clone: CopyJobDetail;
  'volume-copy': CopyJobDetail;
  /** A snapshot merge: bytes of the block job (cur/end) of the disk being merged. */
  snapshot: CopyJobDetail;
  storage: StorageJobDetail;
  'disk-move': DiskMoveJobDetail;
}

interface JobOfKind<K extends JobKind> {
  id: string;
  kind: K;
  hostId: HostId;
  domain?: string;
  title: string;
  phase: string;
  /** 0..1 */
  progress: number;
  detail: JobDetails[K];
  status: JobStatus;
  cancellable: boolean;
  startedAt: number;
  endedAt?: number;
  error?: ApiError;
}

export type MigrationJob = JobOfKind<'migration'>;
export type InstallJob = JobOfKind<'install'>;
export type CloneJob = JobOfKind<'clone'>;
export type VolumeCopyJob = JobOfKind<'volume-copy'>;
export type SnapshotJob = JobOfKind<'snapshot'>;
export type StorageJob = JobOfKind<'storage'>;
export type DiskMoveJob = JobOfKind<'disk-move'>;
export type Job = MigrationJob | InstallJob | CloneJob | VolumeCopyJob | SnapshotJob | StorageJob | DiskMoveJob;
/** The job of one kind. */
export type JobOf<K extends JobKind> = Extract<Job, { kind: K }>;

/** A migration job's whole detail as one MigrationInfo (the history empty when the job came from job.progress). */
export function migrationInfoOf(job: MigrationJob): MigrationInfo {
  return { ...job.detail.info, samples: job.detail.history?.samples ?? [], log: job.detail.history?.log ?? [] };
}

/** The live figures of a job of any kind (a migration's, or a copy's). */
export function figuresOf(job: Job): MigrationFigures | CopyFigures {
  return job.detail.figures;
}
