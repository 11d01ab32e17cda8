/** Binds this feature's part of the contract (shared/api/guest.ts) to its service. */
import type { guestRequests } from '../../../shared/api/guest';
import type { Feature, ServiceDeps } from '../deps';
import { addAgentChannel } from './facts';
import { GuestService } from './service';

export type GuestFeature = Feature<keyof typeof guestRequests>;

export function createGuestFeature(deps: ServiceDeps): GuestFeature {
  const guest = new GuestService(deps.hosts, deps.events, deps.domains, { relays: deps.relays });
  return {
    handlers: {
      'guest.addresses': async ({ hostId }) => guest.addresses(hostId),
      'guest.info': ({ hostId, uuid }) => guest.info(hostId, uuid),
      'guest.addChannel': async ({ hostId, uuid }) => {
        try {
          return await addAgentChannel(deps.hosts.connection(hostId).rpc, uuid);
        } finally {
          deps.events.emit('guest.changed', { hostId, uuid });
        }
      },
    },
    dispose: () => guest.dispose(),
  };
}
