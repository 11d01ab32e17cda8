/** Binds this feature's part of the contract (shared/api/storage.ts) to its service. */
import type { storageRequests } from '../../../shared/api/storage';
import type { Feature, ServiceDeps } from '../deps';

export type StorageFeature = Feature<keyof typeof storageRequests>;

export function createStorageFeature(_deps: ServiceDeps): StorageFeature {
  return { handlers: {}, dispose: () => {} };
}
