/**
 * VM settings through libvirt's own calls: each change goes to the running VM (live) and to the
 * definition (config) as libvirt allows, then everything is read back. What cannot be done live
 * (more vCPUs than the running maximum, a new maximum) goes to the next boot and is listed as
 * pending: the running VM's value beside the next boot's.
 */
import type { HostId } from '../../../shared/api/common';
import type { BootEntry, PendingSetting, SettingsApplied, VmSettings } from '../../../shared/api/settings';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import {
  domainDefineXml,
  domainGetAutostart,
  domainGetXmlDesc,
  domainIsActive,
  domainIsPersistent,
  domainLookupByUuid,
  domainManagedSaveRemove,
  domainRename,
  domainSetAutostart,
  domainSetMemory,
  domainSetMetadata,
  domainSetVcpus,
} from '../../libvirt/domain';
import { isLibvirtError, withLibvirtHint } from '../../libvirt/errors';
import { DefineFlags, DomainXmlFlags, MemoryFlags, MetadataType, VcpuFlags } from '../../libvirt/protocol';
import { domainHasManagedSaveImage } from '../../libvirt/snapshot';
import { domainToXml, openDomain, setCpuMode, setCpuTopology, setMemoryBacking } from '../../xml/edit';
import type { DomainModel } from '../../xml/model';
import { parseDomain } from '../../xml/parse';
import type { DeviceEventSource } from './device-events';
import {
  addDisk,
  addNic,
  bootOrderOf,
  type DeviceOutcome,
  devicesOf,
  type NewVolume,
  removeDevice,
  setBootOrderOf,
  setLink,
  setMedia,
  type Target,
} from './devices';
import { firmwareOf, tpmsOf } from './firmware';
import { capacities, growDisk } from './grow';

type Scope = 'live' | 'config';

/**
 * What the next boot's definition changes against the running VM: vCPUs, memory, memory backing,
 * title, description, boot order, CPU mode, and devices present on one side only. Pure; the
 * Settings tab lists these, and the VM list marks a VM that has any ("pending changes").
 */
export function pendingOf(config: DomainModel, live: DomainModel): PendingSetting[] {
  const pending: PendingSetting[] = [];
  const diff = (field: string, l: number | string, n: number | string) => {
    if (l !== n) pending.push({ field, live: String(l), next: String(n) });
  };
  diff('vcpus', live.vcpus.current, config.vcpus.current);
  diff('maxVcpus', live.vcpus.max, config.vcpus.max);
  diff('memory', live.memory.currentKiB, config.memory.currentKiB);
  diff('maxMemory', live.memory.maxKiB, config.memory.maxKiB);
  const yes = (b: boolean) => (b ? 'on' : 'off');
  diff('hugepages', yes(live.memory.hugepages), yes(config.memory.hugepages));
  diff('nosharepages', yes(live.memory.nosharepages), yes(config.memory.nosharepages));
  diff('title', live.title ?? '', config.title ?? '');
  diff('description', live.description ?? '', config.description ?? '');
  const show = (b: BootEntry[]) => b.map((e) => (e.kind === 'disk' ? e.target : e.mac)).join(', ');
  diff('bootOrder', show(bootOrderOf(live)), show(bootOrderOf(config)));
  // A running host-model VM's live XML is the expanded custom model: that pair cannot be told apart.
  if (!(config.cpu.mode === 'host-model' && (live.cpu.mode ?? 'custom') === 'custom')) diff('cpuMode', cpuModeOf(live), cpuModeOf(config));
  const { disks, nics } = devicesOf(config, live);
  const names = (side: 'live' | 'config') => [
    ...disks.filter((d) => d[side] && !d[side === 'live' ? 'config' : 'live']).map((d) => d.target),
    ...nics.filter((n) => n[side] && !n[side === 'live' ? 'config' : 'live']).map((n) => n.mac),
  ];
  const onlyLive = names('live');
  const onlyNext = names('config');
  if (onlyLive.length || onlyNext.length) pending.push({ field: 'devices', live: onlyLive.join(', '), next: onlyNext.join(', ') });
  return pending;
}

/** The CPU mode as the admin chose it: host-model, host-passthrough, or custom with its model. */
export function cpuModeOf(m: DomainModel): string {
  const mode = m.cpu.mode ?? 'custom';
  return mode === 'custom' ? `custom${m.cpu.model ? ` ${m.cpu.model}` : ''}` : mode;
}

/** Settings from the next boot's model and, when it runs, the running VM's. Pure. */
export function settingsOf(
  base: { hostId: HostId; uuid: string; name: string; running: boolean; persistent: boolean; autostart: boolean; managedSave: boolean },
  config: DomainModel,
  live: DomainModel | undefined,
): VmSettings {
  const t = config.cpu?.topology;
  const topology = t?.sockets && t.cores && t.threads ? { topology: { sockets: t.sockets, cores: t.cores, threads: t.threads } } : {};
  const vcpus = { max: config.vcpus.max, current: config.vcpus.current, ...(live ? { live: live.vcpus.current } : {}), ...topology };
  const memory = {
    maxKiB: config.memory.maxKiB,
    currentKiB: config.memory.currentKiB,
    hugepages: config.memory.hugepages,
    nosharepages: config.memory.nosharepages,
    ...(live ? { liveKiB: live.memory.currentKiB, liveMaxKiB: live.memory.maxKiB } : {}),
  };
  const pending = live && base.persistent ? pendingOf(config, live) : [];
  const bootOrder = bootOrderOf(config);
  return {
    ...base,
    title: config.title ?? '',
    description: config.description ?? '',
    vcpus,
    memory,
    pending,
    ...devicesOf(base.persistent ? config : undefined, live),
    bootOrder,
    // The running VM's: libvirt has filled in the firmware it picked and the NVRAM file.
    firmware: firmwareOf(live ?? config),
    tpms: tpmsOf(live ?? config),
  };
}

export class VmSettingsService {
  constructor(
    private readonly rpcOf: (hostId: HostId) => RpcClient,
    private readonly deviceEventsOf: (hostId: HostId) => DeviceEventSource,
  ) {}

  private async open(hostId: HostId, uuid: string): Promise<Target> {
    const rpc = this.rpcOf(hostId);
    const dom = await domainLookupByUuid(rpc, uuid);
    const [running, persistent] = await Promise.all([domainIsActive(rpc, dom), domainIsPersistent(rpc, dom)]);
    return { rpc, dom, running, persistent, deviceEvents: this.deviceEventsOf(hostId) };
  }

  async get(hostId: HostId, uuid: string): Promise<VmSettings> {
    const t = await this.open(hostId, uuid);
    const { rpc, dom, running, persistent } = t;
    const [configXml, liveXml, autostart, managedSave] = await Promise.all([
      domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }),
      running ? domainGetXmlDesc(rpc, dom) : Promise.resolve(undefined),
      persistent ? domainGetAutostart(rpc, dom) : Promise.resolve(false),
      persistent && !running ? domainHasManagedSaveImage(rpc, dom) : Promise.resolve(false),
    ]);
    const live = liveXml ? parseDomain(liveXml) : undefined;
    const s = settingsOf({ hostId, uuid, name: dom.name, running, persistent, autostart, managedSave }, parseDomain(configXml), live);
    const sizes = await capacities(t, s.disks);
    return { ...s, disks: s.disks.map((d) => (sizes.has(d.target) ? { ...d, capacity: sizes.get(d.target) as number } : d)) };
  }

  private async done(hostId: HostId, uuid: string, appliedTo: Scope[], liveRefused?: string): Promise<SettingsApplied> {
    return { appliedTo, settings: await this.get(hostId, uuid), ...(liveRefused ? { liveRefused } : {}) };
  }

  async setAutostart(hostId: HostId, uuid: string, autostart: boolean): Promise<SettingsApplied> {
    const { rpc, dom } = await this.open(hostId, uuid);
    await guard(domainSetAutostart(rpc, dom, { autostart }), 'Autostart was not changed.');
    return this.done(hostId, uuid, ['config']);
  }

  /**
   * The maximum goes to the next boot; current goes to the next boot and, when it runs and the
   * running maximum allows, to the running VM (a vCPU hot-plugged or unplugged).
   */
  async setVcpus(hostId: HostId, uuid: string, v: { current?: number; max?: number }): Promise<SettingsApplied> {
    const { rpc, dom, running, persistent } = await this.open(hostId, uuid);
    const applied = new Set<Scope>();
    let liveRefused: string | undefined;
    if (v.max !== undefined && persistent) {
      await guard(domainSetVcpus(rpc, dom, { nvcpus: v.max, flags: VcpuFlags.CONFIG | VcpuFlags.MAXIMUM }), 'The maximum was not changed.');
      applied.add('config');
    }
    if (v.current !== undefined) {
      if (persistent) {
        await guard(domainSetVcpus(rpc, dom, { nvcpus: v.current, flags: VcpuFlags.CONFIG }), 'The next boot’s vCPUs were not changed.');
        applied.add('config');
      }
      if (running) {
        const liveMax = parseDomain(await domainGetXmlDesc(rpc, dom)).vcpus.max;
        if (v.current <= liveMax) {
          liveRefused = await live(
            domainSetVcpus(rpc, dom, { nvcpus: v.current, flags: VcpuFlags.LIVE }),
            persistent,
            applied,
            'The running VM kept its vCPUs.',
          );
        }
      }
    }
    return this.done(hostId, uuid, [...applied], liveRefused);
  }

  /** As setVcpus: the balloon moves live up to the running maximum. */
  async setMemory(hostId: HostId, uuid: string, m: { currentKiB?: number; maxKiB?: number }): Promise<SettingsApplied> {
    const { rpc, dom, running, persistent } = await this.open(hostId, uuid);
    const applied = new Set<Scope>();
    let liveRefused: string | undefined;
    if (m.maxKiB !== undefined && persistent) {
      await guard(
        domainSetMemory(rpc, dom, { kib: m.maxKiB, flags: MemoryFlags.CONFIG | MemoryFlags.MAXIMUM }),
        'The maximum was not changed.',
      );
      applied.add('config');
    }
    if (m.currentKiB !== undefined) {
      if (persistent) {
        await guard(domainSetMemory(rpc, dom, { kib: m.currentKiB, flags: MemoryFlags.CONFIG }), 'The next boot’s memory was not changed.');
        applied.add('config');
      }
      if (running) {
        const liveMax = parseDomain(await domainGetXmlDesc(rpc, dom)).memory.maxKiB;
        if (m.currentKiB <= liveMax) {
          liveRefused = await live(
            domainSetMemory(rpc, dom, { kib: m.currentKiB, flags: MemoryFlags.LIVE }),
            persistent,
            applied,
            'The running VM kept its memory.',
          );
        }
      }
    }
    return this.done(hostId, uuid, [...applied], liveRefused);
  }

  /** Title and description, live and for the next boot; an empty one is removed. */
  async setGeneral(hostId: HostId, uuid: string, g: { title: string; description: string }): Promise<SettingsApplied> {
    const { rpc, dom, running, persistent } = await this.open(hostId, uuid);
    const scopes: Scope[] = [...(running ? (['live'] as const) : []), ...(persistent ? (['config'] as const) : [])];
    const flags = (running ? 1 : 0) | (persistent ? 2 : 0);
    for (const [type, value] of [
      [MetadataType.TITLE, g.title],
      [MetadataType.DESCRIPTION, g.description],
    ] as const) {
      await guard(
        domainSetMetadata(rpc, dom, { type, metadata: value === '' ? null : value, flags }),
        'The title and description were not changed.',
      );
    }
    return this.done(hostId, uuid, scopes);
  }

  /** Runs a device change (devices.ts) and reads everything back. */
  async device(
    hostId: HostId,
    uuid: string,
    change: (t: Awaited<ReturnType<VmSettingsService['open']>>) => Promise<DeviceOutcome>,
  ): Promise<SettingsApplied> {
    const out = await change(await this.open(hostId, uuid));
    return this.done(hostId, uuid, out.applied, out.liveRefused);
  }

  setMedia = (hostId: HostId, uuid: string, target: string, media: { pool: string; volume: string } | null) =>
    this.device(hostId, uuid, (t) => setMedia(t, target, media));
  addDisk = (hostId: HostId, uuid: string, a: { pool: string; volume: string; bus: string; cache: string; create?: NewVolume }) =>
    this.device(hostId, uuid, (t) => addDisk(t, a));
  growDisk = (hostId: HostId, uuid: string, target: string, sizeMiB: number) =>
    this.device(hostId, uuid, (t) => growDisk(t, target, sizeMiB));
  removeDisk = (hostId: HostId, uuid: string, target: string) =>
    this.device(hostId, uuid, (t) => removeDevice(t, { kind: 'disk', target }));
  addNic = (hostId: HostId, uuid: string, a: { kind: 'network' | 'bridge'; name: string; model: string; mac?: string }) =>
    this.device(hostId, uuid, (t) => addNic(t, a));
  setLink = (hostId: HostId, uuid: string, mac: string, up: boolean) => this.device(hostId, uuid, (t) => setLink(t, mac, up));
  removeNic = (hostId: HostId, uuid: string, mac: string) => this.device(hostId, uuid, (t) => removeDevice(t, { kind: 'nic', mac }));
  setBootOrder = (hostId: HostId, uuid: string, order: BootEntry[]) => this.device(hostId, uuid, (t) => setBootOrderOf(t, order));

  /** CPU topology for the next boot; libvirt's validator checks it against the maximum vCPUs. */
  async setTopology(hostId: HostId, uuid: string, t: { sockets: number; cores: number; threads: number } | null): Promise<SettingsApplied> {
    const { rpc, dom, persistent } = await this.open(hostId, uuid);
    if (!persistent) throw new AppError('invalid-input', `${dom.name} has no definition for its next boot`);
    const d = openDomain(await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }));
    setCpuTopology(d, t);
    await guard(
      domainDefineXml(rpc, { xml: domainToXml(d), flags: DefineFlags.VALIDATE }).then(() => undefined),
      'The topology was not changed.',
    );
    return this.done(hostId, uuid, ['config']);
  }

  /** The CPU mode for the next boot, defined with VALIDATE (libvirt names a model it does not know). */
  async setCpuMode(
    hostId: HostId,
    uuid: string,
    mode: 'host-model' | 'host-passthrough' | 'custom',
    model?: string,
  ): Promise<SettingsApplied> {
    const { rpc, dom, persistent } = await this.open(hostId, uuid);
    if (!persistent) throw new AppError('invalid-input', `${dom.name} has no definition for its next boot`);
    const d = openDomain(await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }));
    setCpuMode(d, mode, model);
    await guard(
      domainDefineXml(rpc, { xml: domainToXml(d), flags: DefineFlags.VALIDATE }).then(() => undefined),
      'The CPU mode was not changed.',
    );
    return this.done(hostId, uuid, ['config']);
  }

  /** Huge pages and KSM opt-out: a definition edit (SECURE: no password lost), for the next boot. */
  async setMemoryBacking(hostId: HostId, uuid: string, want: { hugepages: boolean; nosharepages: boolean }): Promise<SettingsApplied> {
    const { rpc, dom, persistent } = await this.open(hostId, uuid);
    if (!persistent) throw new AppError('invalid-input', `${dom.name} has no definition for its next boot`);
    const d = openDomain(await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }));
    setMemoryBacking(d, want);
    await guard(
      domainDefineXml(rpc, { xml: domainToXml(d) }).then(() => undefined),
      'The memory backing was not changed.',
    );
    return this.done(hostId, uuid, ['config']);
  }

  /** Deletes a hibernated VM's saved memory: the next start boots afresh (libvirt refuses while it runs). */
  async removeManagedSave(hostId: HostId, uuid: string): Promise<SettingsApplied> {
    const { rpc, dom } = await this.open(hostId, uuid);
    await guard(domainManagedSaveRemove(rpc, dom), 'The saved state was kept.');
    return this.done(hostId, uuid, ['config']);
  }

  /** libvirt renames only a shut-off VM; its refusal is shown as it is. */
  async rename(hostId: HostId, uuid: string, name: string): Promise<SettingsApplied> {
    const { rpc, dom } = await this.open(hostId, uuid);
    await guard(domainRename(rpc, dom, { name }), 'The VM kept its name. Shut it down first to rename it.');
    return this.done(hostId, uuid, ['config']);
  }
}

/**
 * The live half of a change whose next-boot half is done: libvirt's refusal (no balloon device,
 * a guest that will not unplug) becomes the reply's `liveRefused`, the change stays pending.
 * Without a definition there is nothing else: the refusal is the answer.
 */
async function live(p: Promise<void>, persistent: boolean, applied: Set<Scope>, hint: string): Promise<string | undefined> {
  try {
    await p;
    applied.add('live');
    return undefined;
  } catch (err) {
    if (!persistent || !isLibvirtError(err)) throw withLibvirtHint(err, hint);
    return err.message;
  }
}

async function guard(p: Promise<void>, hint: string): Promise<void> {
  try {
    await p;
  } catch (err) {
    throw withLibvirtHint(err, hint);
  }
}
