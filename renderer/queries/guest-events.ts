/** What the guest feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import type { CacheEffect, HandledElsewhere } from './keys';

export const guestEvents: { 'guest.changed': CacheEffect<'guest.changed'> | HandledElsewhere } = {
  'guest.changed': { refetch: () => [] },
};
