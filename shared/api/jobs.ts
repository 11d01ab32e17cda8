/** Long operations (migration, install, clone, volume copy) as Jobs broadcast by the JobManager. */
import type { ApiError, HostId } from './common';

export type JobKind = 'migration' | 'install' | 'clone' | 'volume-copy';
export type JobStatus = 'running' | 'succeeded' | 'failed' | 'canceled';

export interface Job {
  id: string;
  kind: JobKind;
  hostId: HostId;
  domain?: string;
  title: string;
  phase: string;
  /** 0..1 */
  progress: number;
  /** The figures behind progress (bytes processed, remaining …), for the panel. */
  figures: Record<string, number>;
  status: JobStatus;
  cancellable: boolean;
  startedAt: number;
  endedAt?: number;
  error?: ApiError;
}
