/** What the guest feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import { keyOf } from './keyOf';
import type { CacheEffect, HandledElsewhere } from './keys';

export const guestEvents: { 'guest.changed': CacheEffect<'guest.changed'> | HandledElsewhere } = {
  // A VM's addresses or agent changed: the host's address map (the table's column) and that VM's guest card.
  'guest.changed': {
    refetch: ({ hostId, uuid }) => [keyOf('guest.addresses', { hostId }), keyOf('guest.info', { hostId, uuid })],
  },
};
