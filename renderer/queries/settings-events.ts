/** What the settings feature's events do to the cache (rows of keys.ts's EVENT_TABLE). */
import type { PendingVms } from '../../shared/api/settings';
import { keyOf } from './keyOf';
import type { CacheEffect, HandledElsewhere } from './keys';

export const settingsEvents: { 'settings.pending': CacheEffect<'settings.pending'> | HandledElsewhere } = {
  // One VM's "pending changes" mark, compared again by the backend on that VM's own event: patched
  // into the host's set at once. Nothing is refetched (the backend keeps the set; a read is free of libvirt calls).
  'settings.pending': {
    patch: (qc, { hostId, uuid, pending }) =>
      qc.setQueryData<PendingVms>(keyOf('settings.pendingList', { hostId }), (old) => {
        if (!old) return old;
        const rest = old.uuids.filter((u) => u !== uuid);
        return { ...old, uuids: pending ? [...rest, uuid].sort() : rest };
      }),
  },
};
