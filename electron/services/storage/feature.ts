/** Binds this feature's part of the contract (shared/api/storage.ts) to its service. */
import type { storageRequests } from '../../../shared/api/storage';
import type { Feature, ServiceDeps } from '../deps';
import { StorageService } from './service';

export type StorageFeature = Feature<keyof typeof storageRequests>;

export function createStorageFeature(deps: ServiceDeps): StorageFeature {
  const s = new StorageService(deps.hosts, deps.events);
  return {
    handlers: {
      'storage.pools': ({ hostId }) => s.pools(hostId),
      'storage.poolTypes': ({ hostId }) => s.poolTypes(hostId),
      'storage.volumes': ({ hostId, pool }) => s.volumes(hostId, pool),
      'storage.definePool': (spec) => s.definePool(spec),
      'storage.poolAction': ({ hostId, pool, action }) => s.poolAction(hostId, pool, action),
      'storage.poolAutostart': ({ hostId, pool, autostart }) => s.setAutostart(hostId, pool, autostart),
      'storage.createVolume': (spec) => s.createVolume(spec),
      'storage.resizeVolume': ({ hostId, pool, volume, capacity }) => s.resizeVolume(hostId, pool, volume, capacity),
      'storage.cloneVolume': ({ hostId, pool, volume, name, targetPool }) => s.cloneVolume(hostId, pool, volume, name, targetPool),
      'storage.wipeVolume': ({ hostId, pool, volume }) => s.wipeVolume(hostId, pool, volume),
      'storage.deleteVolume': ({ hostId, pool, volume }) => s.deleteVolume(hostId, pool, volume),
    },
    dispose: () => s.dispose(),
  };
}
