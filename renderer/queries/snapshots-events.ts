/** What the snapshots feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import { keyOf } from './keyOf';
import type { CacheEffect, HandledElsewhere } from './keys';

export const snapshotEvents: { 'snapshot.changed': CacheEffect<'snapshot.changed'> | HandledElsewhere } = {
  // A snapshot made, reverted to or deleted (by Vireo or anyone: lifecycle events), or the VM
  // started or stopped (the offers move): that VM's snapshot list is read again, and its details
  // (an external snapshot or a revert puts a new file on top of its disks; libvirt sends no event).
  'snapshot.changed': {
    refetch: ({ hostId, uuid }) => [keyOf('snapshots.list', { hostId, uuid }), keyOf('domains.details', { hostId, uuid })],
  },
};
