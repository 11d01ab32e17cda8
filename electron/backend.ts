/**
 * The backend, independent of how it is reached: services wired to the contract's handlers.
 * main.ts (Electron IPC) and serve.ts (web bridge) both build one of these.
 */
import type { AppInfo, HostId } from '../shared/api';
import { EventHub } from './core/events';
import { defaultDataDir, HostStore, knownHostsFile, MemorySecrets, type SecretStore } from './core/store';
import { StreamHub } from './core/streams';
import { createDispatcher, type Dispatch, type Handlers } from './ipc';
import { EventRelays } from './libvirt/relay';
import { CloneService } from './services/clone';
import { ConsoleService, SerialConnector } from './services/console';
import { DomainService } from './services/domains';
import { createGuestFeature } from './services/guest/feature';
import { HostManager } from './services/hosts';
import { InstallService } from './services/install';
import { JobManager } from './services/jobs';
import { MigrationService } from './services/migration';
import { createNetworksFeature } from './services/networks/feature';
import { PromptBroker } from './services/prompts';
import { QosService } from './services/qos';
import { createSettingsFeature } from './services/settings/feature';
import { createSnapshotsFeature } from './services/snapshots/feature';
import { StatsService } from './services/stats';
import { createStorageFeature } from './services/storage/feature';
import { createTuningFeature } from './services/tuning/feature';
import { UsbService } from './services/usb';
import { VncConnector } from './services/vnc';
import { localLibvirtAvailable } from './transport/local';
import { VERSION } from './version';

export interface BackendOptions {
  mode: AppInfo['mode'];
  dataDir?: string;
  secrets?: SecretStore;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventHub;
  hosts: HostManager;
  /** Settles once every host marked "connect when Vireo starts" has connected or failed: the ids that connected. */
  autoconnected: Promise<HostId[]>;
  jobs: JobManager;
  domains: DomainService;
  /** Console byte channels (serial, VNC): the transports attach the renderer to them. */
  streams: StreamHub;
  consoles: ConsoleService;
  // ---- install and clone
  install: InstallService;
  clone: CloneService;
  // ---- migration
  migrations: MigrationService;
  close(): Promise<void>;
}

export function createBackend(opts: BackendOptions): Backend {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const events = new EventHub();
  const prompts = new PromptBroker(events);
  const jobs = new JobManager(events);
  const store = new HostStore(dataDir);
  const secrets: SecretStore = opts.secrets ?? new MemorySecrets();
  const hosts = new HostManager({ events, prompts, store, secrets, knownHostsPath: knownHostsFile(dataDir) });
  // Loaded by now (HostManager reads the store): what was set aside at start, for the UI.
  const startupWarnings = [...store.warnings, ...(secrets.warnings ?? [])];
  // One libvirt event registration per event and connection, shared by every service (relay.ts).
  const relays = new EventRelays();
  const domains = new DomainService(hosts, events, relays);
  const stats = new StatsService(hosts, events);
  stats.start();
  const streams = new StreamHub();
  const consoles = new ConsoleService(hosts, events, { serial: new SerialConnector(streams), vnc: new VncConnector(hosts, streams) });
  const qos = new QosService(hosts);
  const usb = new UsbService(hosts);
  // ---- install and clone
  const install = new InstallService(hosts, jobs, streams);
  const clone = new CloneService(hosts, jobs);
  // ---- migration
  const migrations = new MigrationService(hosts, jobs, relays);
  // ---- wave 2: each feature brings its own handlers
  const deps = { hosts, events, jobs, streams, domains, relays };
  const features = [
    createStorageFeature(deps),
    createNetworksFeature(deps),
    createSnapshotsFeature(deps),
    createSettingsFeature(deps),
    createGuestFeature(deps),
    createTuningFeature(deps),
  ] as const;
  // Every service listens by now: hosts marked "connect when Vireo starts" connect (each shows its own failure).
  const autoconnected = hosts.autoconnect();

  const handlers: Handlers = {
    'app.info': async () => ({
      version: VERSION,
      mode: opts.mode,
      localLibvirt: localLibvirtAvailable(),
      secrets: secrets.placement(),
      startupWarnings,
    }),
    'hosts.list': async () => hosts.list(),
    'hosts.add': async ({ spec, connect }) => hosts.add(spec, connect),
    'hosts.remove': async ({ hostId }) => {
      await hosts.remove(hostId);
      return null;
    },
    'hosts.connect': async ({ hostId }) => hosts.connect(hostId),
    'hosts.disconnect': async ({ hostId }) => hosts.disconnect(hostId),
    'prompts.answer': async ({ id, accept, secret }) => {
      prompts.answer(id, { accept, ...(secret !== undefined ? { secret } : {}) });
      return null;
    },
    'hosts.update': async ({ hostId, ...patch }) => hosts.update(hostId, patch),
    'hosts.forgetHostKey': ({ hostId, fingerprints }) => hosts.forgetHostKey(hostId, fingerprints),
    'hosts.reorder': async ({ order }) => {
      hosts.reorder(order);
      return null;
    },
    'hosts.details': async ({ hostId }) => hosts.details(hostId),
    'domains.list': async ({ hostId }) => domains.list(hostId),
    'domains.details': async ({ hostId, uuid }) => domains.details(hostId, uuid),
    'domains.action': async ({ hostId, uuid, action }) => {
      await domains.action(hostId, uuid, action);
      return null;
    },
    'domains.delete': async ({ hostId, uuid, confirmName, deleteVolumes }) => domains.delete(hostId, uuid, confirmName, deleteVolumes),
    'jobs.list': async () => jobs.list(),
    'jobs.cancel': async ({ jobId }) => jobs.cancel(jobId),
    'jobs.get': async ({ jobId }) => jobs.get(jobId),
    // ---- consoles (serial + VNC)
    'consoles.open': async ({ hostId, uuid, kind, force, device }) => consoles.open(hostId, uuid, kind, force, device),
    'consoles.close': async ({ id }) => {
      consoles.close(id);
      return null;
    },
    'consoles.force': async ({ id }) => consoles.force(id),
    'consoles.reconnect': async ({ id }) => consoles.reconnect(id),
    'consoles.list': async () => consoles.list(),
    'consoles.addSerial': async ({ hostId, uuid }) => consoles.addSerial(hostId, uuid),
    // ---- QoS and USB
    'qos.get': async ({ hostId, uuid }) => qos.get(hostId, uuid),
    'qos.setDisk': async ({ hostId, uuid, scope, disk, tune }) => qos.setDisk(hostId, uuid, disk, scope, tune),
    'qos.setNic': async ({ hostId, uuid, scope, mac, bandwidth }) => qos.setNic(hostId, uuid, mac, scope, bandwidth),
    'qos.setCpu': async ({ hostId, uuid, scope, tune }) => qos.setCpu(hostId, uuid, scope, tune),
    'qos.setPinning': async ({ hostId, uuid, scope, pinning }) => qos.setPinning(hostId, uuid, scope, pinning),
    'usb.list': async ({ hostId }) => usb.list(hostId),
    'usb.domain': async ({ hostId, uuid }) => usb.domain(hostId, uuid),
    'usb.attachHost': async ({ hostId, uuid, scope, device, takeover }) => usb.attachHost(hostId, uuid, device, scope, takeover),
    'usb.attachEmulated': async ({ hostId, uuid, scope, device }) => usb.attachEmulated(hostId, uuid, device, scope),
    'usb.detach': async ({ hostId, uuid, scope, id }) => usb.detach(hostId, uuid, id, scope),
    'usb.volumes': async ({ hostId }) => usb.volumes(hostId),
    // ---- install and clone
    'install.options': async ({ hostId }) => install.options(hostId),
    'install.volumes': async ({ hostId, pool }) => install.volumes(hostId, pool),
    'install.preview': async (spec) => install.preview(spec),
    'install.create': async (spec) => install.create(spec),
    'install.upload': async (a) => install.upload(a),
    'clone.options': async ({ hostId, uuid, targetHostId }) => clone.options(hostId, uuid, targetHostId),
    'clone.preview': async (spec) => clone.preview(spec),
    'clone.start': async (spec) => clone.start(spec),
    // ---- migration
    'migrations.preflight': async (spec) => migrations.preflight(spec),
    'migrations.fix': async ({ spec, fix }) => migrations.fix(spec, fix),
    'migrations.start': async (spec) => migrations.start(spec),
    'migrations.control': async ({ jobId, control }) => migrations.control(jobId, control),
    ...features[0].handlers,
    ...features[1].handlers,
    ...features[2].handlers,
    ...features[3].handlers,
    ...features[4].handlers,
    ...features[5].handlers,
  };

  return {
    dispatch: createDispatcher(handlers),
    events,
    hosts,
    autoconnected,
    jobs,
    domains,
    streams,
    consoles,
    install,
    clone,
    migrations,
    close: async () => {
      for (const f of features) f.dispose();
      consoles.closeAll();
      streams.closeAll();
      stats.stop();
      domains.dispose();
      await relays.dispose();
      migrations.dispose();
      jobs.dispose();
      await hosts.closeAll();
    },
  };
}
