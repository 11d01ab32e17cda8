/** Binds this feature's part of the contract (shared/api/snapshots.ts) to its service. */
import type { snapshotRequests } from '../../../shared/api/snapshots';
import type { Feature, ServiceDeps } from '../deps';

export type SnapshotsFeature = Feature<keyof typeof snapshotRequests>;

export function createSnapshotsFeature(_deps: ServiceDeps): SnapshotsFeature {
  return { handlers: {}, dispose: () => {} };
}
