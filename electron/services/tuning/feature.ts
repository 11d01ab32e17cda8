/** Binds this feature's part of the contract (shared/api/tuning.ts) to its service. */
import type { tuningRequests } from '../../../shared/api/tuning';
import type { Feature, ServiceDeps } from '../deps';

export type TuningFeature = Feature<keyof typeof tuningRequests>;

export function createTuningFeature(_deps: ServiceDeps): TuningFeature {
  return { handlers: {}, dispose: () => {} };
}
