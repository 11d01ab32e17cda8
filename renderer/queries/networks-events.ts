/** What the networks feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */

import { keysOf } from './keyOf';
import type { CacheEffect, HandledElsewhere } from './keys';

export const networkEvents: { 'network.changed': CacheEffect<'network.changed'> | HandledElsewhere } = {
  // A network defined, started, stopped or undefined (here, virsh or another Vireo): the host's list and its leases.
  // No name: the host reconnected (events may have been missed): its list and every network's leases.
  'network.changed': {
    refetch: ({ hostId, name }) => [
      keysOf('networks.list', { hostId }),
      keysOf('networks.leases', name === undefined ? { hostId } : { hostId, name }),
    ],
  },
};
