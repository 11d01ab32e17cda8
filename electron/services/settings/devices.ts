/**
 * Devices through libvirt's own calls, on the running VM and the definition as each allows: a
 * CD-ROM's medium changed in place (update-device), disks and NICs attached and detached, a NIC's
 * link set up or down, and the boot order (next boot: a definition edit through electron/xml).
 * Each side is changed from its own XML (the running VM's elements carry aliases and addresses the
 * definition does not), then everything is read back by the caller.
 */

import { randomBytes } from 'node:crypto';
import type { BootEntry, SettingsDisk, SettingsNic } from '../../../shared/api/settings';
import { AppError } from '../../../shared/errors';
import { describeUndo, UndoStack } from '../../core/undo';
import type { RpcClient } from '../../libvirt/client';
import { domainAttachDevice, domainDefineXml, domainDetachDevice, domainGetXmlDesc, domainUpdateDevice } from '../../libvirt/domain';
import { isLibvirtError, isLinkError, isTimeoutError, withLibvirtHint } from '../../libvirt/errors';
import { DeviceModifyFlags, type DomainRef, DomainXmlFlags } from '../../libvirt/protocol';
import { poolLookupByName, volCreateXml, volDelete, volGetPath, volGetXmlDesc, volLookupByName } from '../../libvirt/storage';
import { buildDiskXml, buildInterfaceXml } from '../../xml/devices';
import { deviceXml, domainToXml, findDisk, findInterface, openDomain, setBootOrder, setDiskMedia, setInterfaceLink } from '../../xml/edit';
import type { DomainModel } from '../../xml/model';
import { diskSourceText, parseDomain } from '../../xml/parse';
import { buildVolumeXml, parseVolume } from '../../xml/volume';
import { type DeviceEventSource, DeviceWatch } from './device-events';

type Side = 'live' | 'config';
export interface Target {
  rpc: RpcClient;
  dom: DomainRef;
  running: boolean;
  persistent: boolean;
  /** The host's device events (hot-plug confirmation). */
  deviceEvents: DeviceEventSource;
}

const sidesOf = (t: Target): Side[] => [...(t.running ? (['live'] as const) : []), ...(t.persistent ? (['config'] as const) : [])];
const flagOf = (s: Side) => (s === 'live' ? DeviceModifyFlags.LIVE : DeviceModifyFlags.CONFIG);
const xmlOf = (t: Target, s: Side) => domainGetXmlDesc(t.rpc, t.dom, s === 'config' ? { flags: DomainXmlFlags.INACTIVE } : {});

/** Disks and NICs of both sides, by target / MAC. Pure. */
export function devicesOf(config: DomainModel | undefined, live: DomainModel | undefined): { disks: SettingsDisk[]; nics: SettingsNic[] } {
  const disks = new Map<string, SettingsDisk>();
  for (const [side, m] of [
    ['config', config],
    ['live', live],
  ] as const) {
    for (const d of m?.disks ?? []) {
      const key = d.target ?? `#${d.index}`;
      const source = diskSourceText(d);
      const prev = disks.get(key);
      disks.set(key, {
        target: key,
        device: d.device,
        ...(d.bus ? { bus: d.bus } : {}),
        // The running VM's medium wins (a CD-ROM changed live only).
        ...(side === 'live' || !prev ? (source ? { source } : {}) : prev.source ? { source: prev.source } : {}),
        readonly: d.readonly,
        live: side === 'live' || (prev?.live ?? false),
        config: side === 'config' || (prev?.config ?? false),
      });
    }
  }
  const nics = new Map<string, SettingsNic>();
  for (const [side, m] of [
    ['config', config],
    ['live', live],
  ] as const) {
    for (const n of m?.interfaces ?? []) {
      if (!n.mac) continue;
      const mac = n.mac.toLowerCase();
      const prev = nics.get(mac);
      nics.set(mac, {
        mac,
        type: n.type,
        ...(n.source ? { source: n.source.name } : {}),
        ...(n.model ? { model: n.model } : {}),
        link: n.linkState === 'down' ? 'down' : 'up',
        live: side === 'live' || (prev?.live ?? false),
        config: side === 'config' || (prev?.config ?? false),
      });
    }
  }
  return { disks: [...disks.values()], nics: [...nics.values()] };
}

/** Devices with a <boot order>, in that order. Pure. */
export function bootOrderOf(m: DomainModel): BootEntry[] {
  const entries: { order: number; entry: BootEntry }[] = [];
  for (const d of m.disks)
    if (d.bootOrder !== undefined && d.target) entries.push({ order: d.bootOrder, entry: { kind: 'disk', target: d.target } });
  for (const n of m.interfaces)
    if (n.bootOrder !== undefined && n.mac) entries.push({ order: n.bootOrder, entry: { kind: 'nic', mac: n.mac.toLowerCase() } });
  return entries.sort((a, b) => a.order - b.order).map((e) => e.entry);
}

/** The next free target of a bus's prefix (vd for virtio, sd for sata/scsi): vda, vdb … vdz, vdaa. Pure. */
export function nextTarget(bus: string, taken: readonly string[]): string {
  const prefix = bus === 'virtio' ? 'vd' : 'sd';
  const used = new Set(taken);
  for (let i = 0; i < 26 * 27; i++) {
    const letters =
      i < 26 ? String.fromCharCode(97 + i) : String.fromCharCode(96 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));
    if (!used.has(prefix + letters)) return prefix + letters;
  }
  throw new AppError('invalid-input', `No free ${prefix} target left`);
}

async function volumePath(rpc: RpcClient, pool: string, volume: string): Promise<{ path: string; format: string }> {
  const vol = await volLookupByName(rpc, await poolLookupByName(rpc, pool), volume);
  const [path, xml] = await Promise.all([volGetPath(rpc, vol), volGetXmlDesc(rpc, vol)]);
  return { path, format: parseVolume(xml).format ?? 'raw' };
}

export async function guard<T>(p: Promise<T>, hint: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    throw withLibvirtHint(err, hint);
  }
}

/** What a device change did: the sides it reached, and libvirt's refusal of the running VM's side. */
export interface DeviceOutcome {
  applied: Side[];
  liveRefused?: string;
}

/** Inserts (path) or ejects (null) a CD-ROM's medium on each side that has the drive. */
export async function setMedia(t: Target, target: string, media: { pool: string; volume: string } | null): Promise<DeviceOutcome> {
  const path = media ? (await volumePath(t.rpc, media.pool, media.volume)).path : null;
  const applied: Side[] = [];
  for (const side of sidesOf(t)) {
    const d = openDomain(await xmlOf(t, side));
    const el = findDisk(d, target);
    if (!el) continue;
    setDiskMedia(el, path);
    await guard(
      domainUpdateDevice(t.rpc, t.dom, { xml: deviceXml(el), flags: flagOf(side) }),
      `The ${side === 'live' ? 'running VM' : 'next boot'} kept its medium.`,
    );
    applied.push(side);
  }
  if (applied.length === 0) throw new AppError('not-found', `No CD-ROM ${target}`);
  return { applied };
}

export interface NewVolume {
  name: string;
  sizeMiB: number;
  format: 'qcow2' | 'raw';
}

/**
 * Attaches a volume as a disk on the next free target of `bus`, live and for the next boot; with
 * `create`, a new sparse volume made in the pool first and deleted again if the attach is refused.
 */
export async function addDisk(
  t: Target,
  a: { pool: string; volume: string; bus: string; cache: string; create?: NewVolume },
): Promise<DeviceOutcome & { target: string }> {
  const undo = new UndoStack();
  if (a.create) {
    const pool = await poolLookupByName(t.rpc, a.pool);
    const xml = buildVolumeXml({ name: a.create.name, capacity: a.create.sizeMiB * 1024 * 1024, format: a.create.format });
    const vol = await guard(volCreateXml(t.rpc, pool, { xml }), 'No volume was made and nothing was attached.');
    undo.push(`delete the new volume ${a.create.name}`, () => volDelete(t.rpc, vol));
  }
  try {
    const out = await attachVolume(t, { ...a, volume: a.create?.name ?? a.volume });
    undo.commit();
    return out;
  } catch (err) {
    // A refusal says that nothing was attached. A timeout or a dropped link leaves the
    // outcome unknown: the VM may already use the new volume, so it is kept and named, not deleted.
    if (a.create && (isTimeoutError(err) || isLinkError(err))) {
      undo.commit();
      throw new AppError('unknown-outcome', `The attach of the new volume ${a.create.name} did not answer: ${(err as Error).message}`, {
        cause: err,
        hint: `The volume ${a.create.name} is kept in ${a.pool} (the VM may already use it). Look at the VM's disks once the host answers; if it is not attached, delete it from the Storage tab.`,
      });
    }
    const report = await undo.unwind();
    if (report.failed.length) throw new AppError('libvirt', (err as Error).message, { cause: err, hint: describeUndo(report) });
    throw err;
  }
}

/** A user alias (libvirt keeps ua-… names): the device-added event names the device by it. */
const userAlias = () => `ua-vireo-${randomBytes(4).toString('hex')}`;

async function attachVolume(
  t: Target,
  a: { pool: string; volume: string; bus: string; cache: string },
): Promise<DeviceOutcome & { target: string }> {
  const { path, format } = await volumePath(t.rpc, a.pool, a.volume);
  const models = await Promise.all(sidesOf(t).map(async (s) => parseDomain(await xmlOf(t, s))));
  const target = nextTarget(
    a.bus,
    models.flatMap((m) => m.disks.map((d) => d.target ?? '')),
  );
  const alias = userAlias();
  const xml = buildDiskXml({ type: 'file', path, format, target, bus: a.bus, ...(a.cache === 'default' ? {} : { cache: a.cache }), alias });
  return { ...(await attach(t, xml, alias)), target };
}

/** Hot-plug wait for libvirt's DEVICE_ADDED after a live attach that libvirt accepted. */
const PLUG_WAIT_MS = 5_000;

/**
 * Attaches a device live and for the next boot. When the running VM refuses (a bus that cannot be
 * hot-plugged, such as SATA) the next boot still gets it and libvirt's refusal is returned; a live
 * attach counts once libvirt's DEVICE_ADDED event names the device.
 */
async function attach(t: Target, xml: string, alias: string): Promise<DeviceOutcome> {
  if (!t.running) {
    await guard(domainAttachDevice(t.rpc, t.dom, { xml, flags: DeviceModifyFlags.CONFIG }), 'Nothing was attached.');
    return { applied: ['config'] };
  }
  const watch = new DeviceWatch(t.deviceEvents, t.dom);
  try {
    const flags = sidesOf(t).reduce((f, s) => f | flagOf(s), 0);
    try {
      await domainAttachDevice(t.rpc, t.dom, { xml, flags });
    } catch (err) {
      if (!t.persistent || !isLibvirtError(err)) throw withLibvirtHint(err, 'Nothing was attached.');
      // The running VM refused; libvirt changed nothing. The next boot can still have it.
      await guard(domainAttachDevice(t.rpc, t.dom, { xml, flags: DeviceModifyFlags.CONFIG }), 'Nothing was attached.');
      return { applied: ['config'], liveRefused: `The running VM refused it: ${err.message}` };
    }
    const seen = await watch.wait('added', alias, PLUG_WAIT_MS);
    if (seen !== 'added')
      return {
        applied: sidesOf(t),
        liveRefused: `libvirt accepted the hot-plug but has not confirmed it (no device-added event for ${alias} within ${PLUG_WAIT_MS / 1000} s).`,
      };
    return { applied: sidesOf(t) };
  } finally {
    watch.close();
  }
}

export async function addNic(
  t: Target,
  a: { kind: 'network' | 'bridge'; name: string; model: string; mac?: string },
): Promise<DeviceOutcome> {
  const alias = userAlias();
  return attach(t, buildInterfaceXml({ ...a, alias }), alias);
}

/** The NIC's link up or down on each side that has it. */
export async function setLink(t: Target, mac: string, up: boolean): Promise<DeviceOutcome> {
  const applied: Side[] = [];
  for (const side of sidesOf(t)) {
    const d = openDomain(await xmlOf(t, side));
    const el = findInterface(d, mac);
    if (!el) continue;
    setInterfaceLink(d, el, up ? 'up' : 'down');
    await guard(domainUpdateDevice(t.rpc, t.dom, { xml: deviceXml(el), flags: flagOf(side) }), 'The link state was not changed.');
    applied.push(side);
  }
  if (applied.length === 0) throw new AppError('not-found', `No NIC ${mac}`);
  return { applied };
}

/** After libvirt's own wait (about 5 s in its detach call), how long we wait for DEVICE_REMOVED. */
const UNPLUG_WAIT_MS = 5_000;

/**
 * Detaches a disk or NIC from each side that has it. A live unplug only starts when libvirt
 * answers: the guest must let go. libvirt's DEVICE_REMOVED event confirms it; DEVICE_REMOVAL_FAILED,
 * or no event in time, is said so (the next boot no longer has it either way).
 */
export async function removeDevice(
  t: Target,
  which: { kind: 'disk'; target: string } | { kind: 'nic'; mac: string },
): Promise<DeviceOutcome> {
  const find = (d: ReturnType<typeof openDomain>) => (which.kind === 'disk' ? findDisk(d, which.target) : findInterface(d, which.mac));
  const name = which.kind === 'disk' ? which.target : which.mac;
  const applied: Side[] = [];
  // The definition first: a guest that refuses the unplug still loses the device at its next boot.
  let alias: string | undefined;
  for (const side of sidesOf(t).reverse()) {
    const xml = await xmlOf(t, side);
    const el = find(openDomain(xml));
    if (!el) continue;
    if (side === 'config') {
      await guard(domainDetachDevice(t.rpc, t.dom, { xml: deviceXml(el), flags: flagOf(side) }), `${name} was not detached.`);
      applied.push(side);
      continue;
    }
    const m = parseDomain(xml);
    alias =
      which.kind === 'disk'
        ? m.disks.find((d) => d.target === which.target)?.alias
        : m.interfaces.find((n) => n.mac?.toLowerCase() === which.mac.toLowerCase())?.alias;
    const watch = new DeviceWatch(t.deviceEvents, t.dom);
    try {
      await guard(domainDetachDevice(t.rpc, t.dom, { xml: deviceXml(el), flags: flagOf(side) }), `${name} was not detached.`);
      applied.push(side);
      const seen = alias ? await watch.wait('removed', alias, UNPLUG_WAIT_MS) : 'timeout';
      if (seen === 'removal-failed')
        return {
          applied,
          liveRefused: `The guest refused to release ${name} (libvirt reports the removal failed); it stays until the VM stops.`,
        };
      if (seen === 'timeout')
        return {
          applied,
          liveRefused: `The guest did not release ${name}: no device-removed event from libvirt after the unplug request. It stays in the running VM until the guest lets go or the VM stops; the next boot no longer has it.`,
        };
    } finally {
      watch.close();
    }
  }
  if (applied.length === 0) throw new AppError('not-found', `No device ${name}`);
  return { applied };
}

/** Boot order for the next boot (the definition, SECURE so that no password is lost). */
export async function setBootOrderOf(t: Target, order: readonly BootEntry[]): Promise<DeviceOutcome> {
  if (!t.persistent) throw new AppError('invalid-input', 'A transient VM has no next boot to order');
  const d = openDomain(await domainGetXmlDesc(t.rpc, t.dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }));
  setBootOrder(d, order);
  await guard(domainDefineXml(t.rpc, { xml: domainToXml(d) }), 'The boot order was not changed.');
  return { applied: ['config'] };
}
