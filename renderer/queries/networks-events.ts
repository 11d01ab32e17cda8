/** What the networks feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import type { CacheEffect, HandledElsewhere } from './keys';

export const networkEvents: { 'network.changed': CacheEffect<'network.changed'> | HandledElsewhere } = {
  'network.changed': { refetch: () => [] },
};
