/** Binds this feature's part of the contract (shared/api/guest.ts) to its service. */
import type { guestRequests } from '../../../shared/api/guest';
import type { Feature, ServiceDeps } from '../deps';

export type GuestFeature = Feature<keyof typeof guestRequests>;

export function createGuestFeature(_deps: ServiceDeps): GuestFeature {
  return { handlers: {}, dispose: () => {} };
}
