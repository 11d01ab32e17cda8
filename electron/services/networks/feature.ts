/** Binds this feature's part of the contract (shared/api/networks.ts) to its service. */
import type { networkRequests } from '../../../shared/api/networks';
import type { Feature, ServiceDeps } from '../deps';

export type NetworksFeature = Feature<keyof typeof networkRequests>;

export function createNetworksFeature(_deps: ServiceDeps): NetworksFeature {
  return { handlers: {}, dispose: () => {} };
}
