/** Binds this feature's part of the contract (shared/api/settings.ts) to its service. */
import type { SchemaElement, settingsRequests } from '../../../shared/api/settings';
import { domainGetXmlDesc, domainIsActive, domainLookupByUuid } from '../../libvirt/domain';
import { parseDomain } from '../../xml/parse';
import { type Feature, relayOfClient, type ServiceDeps } from '../deps';
import { BlockJobEvents } from '../snapshots/blockjobs';
import { consoleDevicesOf } from './consoles';
import { cpuFacts } from './cpu';
import { startMoveDisk } from './move-disk-run';
import { comparingAfterWrites, PendingService } from './pending';
import { elementsFromRelaxNg, readHostSchemas } from './schema';
import { VmSettingsService } from './vm-settings';
import { XmlEditor } from './xml-editor';

export type SettingsFeature = Feature<keyof typeof settingsRequests>;

export function createSettingsFeature(deps: ServiceDeps): SettingsFeature {
  const rpcOf = (hostId: string) => deps.hosts.connection(hostId).rpc;
  const editor = new XmlEditor(rpcOf);
  const settings = new VmSettingsService(rpcOf, (hostId) => (fn) => deps.domains.onDeviceEvent((h, e) => h === hostId && fn(e)));
  // Through the connection's relay: one BLOCK_JOB_2 registration per connection, shared with the snapshots' merges.
  const blockEvents = new BlockJobEvents((rpc) => relayOfClient(deps, rpc));
  const schemas = new Map<string, Promise<SchemaElement[]>>();
  const cpuHosts = { connectedIds: () => deps.hosts.connectedIds(), name: (id: string) => deps.hosts.name(id), rpcOf };
  // The "pending changes" marks: cached per host, one VM compared again on its own event (pending.ts).
  const pending = new PendingService(rpcOf, deps.domains, (e) => deps.events.emit('settings.pending', e));
  return {
    handlers: comparingAfterWrites(
      pending,
      {
        'settings.xml.get': ({ hostId, uuid }) => editor.get(hostId, uuid),
        'settings.xml.apply': ({ hostId, uuid, xml, base }) => editor.apply(hostId, uuid, xml, base),
        'settings.xml.schema': ({ hostId }) => {
          // Read once per host (and again after a failure): the schema changes only with libvirt itself.
          let p = schemas.get(hostId);
          if (!p) {
            p = deps.hosts
              .sshSession(hostId)
              .then((ssh) => readHostSchemas((argv) => ssh.run(argv, { maxOutputBytes: 8 * 1024 * 1024 })))
              .then((files) => elementsFromRelaxNg(files));
            schemas.set(hostId, p);
            p.catch(() => schemas.delete(hostId));
          }
          return p;
        },
        'settings.xml.undo': ({ hostId, uuid }) => editor.undoLast(hostId, uuid),
        'settings.get': ({ hostId, uuid }) => settings.get(hostId, uuid),
        'settings.consoleDevices': async ({ hostId, uuid }) => {
          const rpc = rpcOf(hostId);
          const dom = await domainLookupByUuid(rpc, uuid);
          return (await domainIsActive(rpc, dom)) ? consoleDevicesOf(parseDomain(await domainGetXmlDesc(rpc, dom))) : [];
        },
        'settings.pendingList': ({ hostId }) => pending.list(hostId),
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
        'settings.cpu': ({ hostId, uuid }) => cpuFacts(cpuHosts, hostId, uuid),
        'settings.setCpuMode': ({ hostId, uuid, mode, model }) => settings.setCpuMode(hostId, uuid, mode, model),
        'settings.setMemoryBacking': ({ hostId, uuid, hugepages, nosharepages }) =>
          settings.setMemoryBacking(hostId, uuid, { hugepages, nosharepages }),
        'settings.removeManagedSave': ({ hostId, uuid }) => settings.removeManagedSave(hostId, uuid),
        'settings.rename': ({ hostId, uuid, name }) => settings.rename(hostId, uuid, name),
        'settings.setMedia': ({ hostId, uuid, target, media }) => settings.setMedia(hostId, uuid, target, media),
        'settings.addDisk': ({ hostId, uuid, pool, volume, bus, cache, create }) =>
          settings.addDisk(hostId, uuid, { pool, volume, bus, cache, ...(create ? { create } : {}) }),
        'settings.growDisk': ({ hostId, uuid, target, sizeMiB }) => settings.growDisk(hostId, uuid, target, sizeMiB),
        'settings.moveDisk': ({ hostId, uuid, target, pool, deleteSource, limitMiBs }) =>
          startMoveDisk({ jobs: deps.jobs, rpcOf, blockEvents }, hostId, uuid, {
            target,
            pool,
            deleteSource,
            ...(limitMiBs ? { limitMiBs } : {}),
          }),
        'settings.removeDisk': ({ hostId, uuid, target }) => settings.removeDisk(hostId, uuid, target),
        'settings.addNic': ({ hostId, uuid, source, model, mac }) =>
          settings.addNic(hostId, uuid, { ...source, model, ...(mac ? { mac: mac.toLowerCase() } : {}) }),
        'settings.setLink': ({ hostId, uuid, mac, up }) => settings.setLink(hostId, uuid, mac, up),
        'settings.removeNic': ({ hostId, uuid, mac }) => settings.removeNic(hostId, uuid, mac),
        'settings.setBootOrder': ({ hostId, uuid, order }) => settings.setBootOrder(hostId, uuid, order),
      },
      (hostId, uuid) => deps.domains.vireoWrote(hostId, uuid),
    ),
    dispose: () => {
      pending.dispose();
      blockEvents.dispose();
    },
  };
}
