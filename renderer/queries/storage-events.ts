/** What the storage feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import { keyOf, keysOf } from './keyOf';
import type { CacheEffect, HandledElsewhere } from './keys';

export const storageEvents: { 'storage.changed': CacheEffect<'storage.changed'> | HandledElsewhere } = {
  // A pool defined, started, stopped, refreshed, removed, or a volume changed: the host's pools, that
  // pool's volumes, and the host overview (which lists pools too) are read again.
  'storage.changed': {
    refetch: ({ hostId, pool }) => [
      keyOf('storage.pools', { hostId }),
      keysOf('storage.volumes', { hostId, pool }),
      keyOf('hosts.details', { hostId }),
    ],
  },
};
