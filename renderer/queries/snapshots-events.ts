/** What the snapshots feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import type { CacheEffect, HandledElsewhere } from './keys';

export const snapshotEvents: { 'snapshot.changed': CacheEffect<'snapshot.changed'> | HandledElsewhere } = {
  'snapshot.changed': { refetch: () => [] },
};
