/** What the storage feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import type { CacheEffect, HandledElsewhere } from './keys';

export const storageEvents: { 'storage.changed': CacheEffect<'storage.changed'> | HandledElsewhere } = {
  'storage.changed': { refetch: () => [] },
};
