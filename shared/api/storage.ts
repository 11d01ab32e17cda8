/** Storage pools and volumes (issue 18): its value types, schemas, requests and events. */
import type { HostId } from './common';

/** This feature's requests, spread into the contract's `requests`. */
export const storageRequests = {} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export interface StorageEvents {
  'storage.changed': { hostId: HostId; pool: string; removed?: boolean };
}
