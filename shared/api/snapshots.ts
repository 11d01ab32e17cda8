/** Snapshots of a VM (issue 22): its value types, schemas, requests and events. */
import type { HostId } from './common';

/** This feature's requests, spread into the contract's `requests`. */
export const snapshotRequests = {} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export interface SnapshotEvents {
  'snapshot.changed': { hostId: HostId; uuid: string };
}
