/** Binds this feature's part of the contract (shared/api/settings.ts) to its service. */
import type { settingsRequests } from '../../../shared/api/settings';
import type { Feature, ServiceDeps } from '../deps';
import { VmSettingsService } from './vm-settings';
import { XmlEditor } from './xml-editor';

export type SettingsFeature = Feature<keyof typeof settingsRequests>;

export function createSettingsFeature(deps: ServiceDeps): SettingsFeature {
  const rpcOf = (hostId: string) => deps.hosts.connection(hostId).rpc;
  const editor = new XmlEditor(rpcOf);
  const settings = new VmSettingsService(rpcOf);
  return {
    handlers: {
      'settings.xml.get': ({ hostId, uuid }) => editor.get(hostId, uuid),
      'settings.xml.apply': ({ hostId, uuid, xml, base }) => editor.apply(hostId, uuid, xml, base),
      'settings.xml.undo': ({ hostId, uuid }) => editor.undoLast(hostId, uuid),
      'settings.get': ({ hostId, uuid }) => settings.get(hostId, uuid),
      'settings.setAutostart': ({ hostId, uuid, autostart }) => settings.setAutostart(hostId, uuid, autostart),
      'settings.setVcpus': ({ hostId, uuid, current, max }) =>
        settings.setVcpus(hostId, uuid, { ...(current !== undefined ? { current } : {}), ...(max !== undefined ? { max } : {}) }),
      'settings.setMemory': ({ hostId, uuid, currentKiB, maxKiB }) =>
        settings.setMemory(hostId, uuid, {
          ...(currentKiB !== undefined ? { currentKiB } : {}),
          ...(maxKiB !== undefined ? { maxKiB } : {}),
        }),
      'settings.setGeneral': ({ hostId, uuid, title, description }) => settings.setGeneral(hostId, uuid, { title, description }),
      'settings.setTopology': ({ hostId, uuid, topology }) => settings.setTopology(hostId, uuid, topology),
      'settings.setMemoryBacking': ({ hostId, uuid, hugepages, nosharepages }) =>
        settings.setMemoryBacking(hostId, uuid, { hugepages, nosharepages }),
      'settings.rename': ({ hostId, uuid, name }) => settings.rename(hostId, uuid, name),
      'settings.setMedia': ({ hostId, uuid, target, media }) => settings.setMedia(hostId, uuid, target, media),
      'settings.addDisk': ({ hostId, uuid, pool, volume, bus, create }) =>
        settings.addDisk(hostId, uuid, { pool, volume, bus, ...(create ? { create } : {}) }),
      'settings.growDisk': ({ hostId, uuid, target, sizeMiB }) => settings.growDisk(hostId, uuid, target, sizeMiB),
      'settings.removeDisk': ({ hostId, uuid, target }) => settings.removeDisk(hostId, uuid, target),
      'settings.addNic': ({ hostId, uuid, source, model }) => settings.addNic(hostId, uuid, { ...source, model }),
      'settings.setLink': ({ hostId, uuid, mac, up }) => settings.setLink(hostId, uuid, mac, up),
      'settings.removeNic': ({ hostId, uuid, mac }) => settings.removeNic(hostId, uuid, mac),
      'settings.setBootOrder': ({ hostId, uuid, order }) => settings.setBootOrder(hostId, uuid, order),
    },
    dispose: () => {},
  };
}
