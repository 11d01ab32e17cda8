/**
 * USB for VMs: the host's USB devices (node devices with capability usb_device, root hubs left
 * out) with the VMs that already have each, passthrough (<hostdev type='usb'>) and emulated
 * devices (tablet, keyboard, mouse, a disk from a storage volume) attached and detached live, in
 * the definition, or both. The VM's list follows libvirt's device-added/removed events through
 * `domain.changed` (DomainService).
 *
 * Devices we attach carry a user alias (ua-vireo-…): libvirt keeps it in the live and the
 * persistent definition, so the two sides of one device are recognised exactly.
 *
 * Over 400 lines: the host list, passthrough and emulated devices share the device matching by
 * alias and the live/config reconciliation below; it becomes services/usb/ (facts, plan, execute)
 * with issue 19's device editor, which adds and removes devices the same way.
 */
import { randomBytes } from 'node:crypto';
import type {
  ApplyScope,
  EmulatedUsbSpec,
  HostId,
  HostUsbDevice,
  HostUsbList,
  UsbOwner,
  UsbVolume,
  VmUsb,
  VmUsbDevice,
} from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { RpcClient } from '../libvirt/client';
import {
  domainAttachDevice,
  domainDetachDevice,
  domainGetState,
  domainGetXmlDesc,
  domainListAll,
  domainLookupByUuid,
} from '../libvirt/domain';
import { withLibvirtHint } from '../libvirt/errors';
import { nodeDeviceGetXmlDesc, nodeDeviceListAll } from '../libvirt/nodedev';
import {
  DeviceModifyFlags,
  type DomainRef,
  DomainState,
  DomainXmlFlags,
  ListDomainsFlags,
  ListPoolsFlags,
  NodeDeviceCap,
  StorageVolType,
} from '../libvirt/protocol';
import {
  poolListAll,
  poolLookupByName,
  volCreateXml,
  volDelete,
  volGetInfo,
  volGetPath,
  volGetXmlDesc,
  volListAll,
  volLookupByName,
} from '../libvirt/storage';
import { buildDiskXml, buildInputXml, buildUsbHostdevXml } from '../xml/devices';
import { attr, child, children, type Element, parseXml, serializeXml, text } from '../xml/dom';
import { parseDevice, parseDomain } from '../xml/parse';
import { buildVolumeXml, parseVolume } from '../xml/volume';
import type { HostManager } from './hosts';
import { checkScope } from './qos';

// ---- XML: reading ------------------------------------------------------------------------------

/** '0x1D6B' / '1d6b' → '1d6b'. */
export function hexId(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(?:0x)?([0-9a-f]{1,4})$/i.exec(s.trim());
  return m?.[1] ? m[1].toLowerCase().padStart(4, '0') : undefined;
}

export interface UsbNodeDevice {
  name: string;
  vendorId: string;
  productId: string;
  vendor?: string;
  product?: string;
  bus: number;
  device: number;
}

/** A node device's XML → its USB facts; null when it is not a usb_device. */
export function parseUsbNodeDevice(xml: string): UsbNodeDevice | null {
  const root = parseXml(xml, 'a node device').documentElement;
  const name = text(child(root, 'name'));
  const cap = root ? children(root, 'capability').find((c) => attr(c, 'type') === 'usb_device') : undefined;
  if (!name || !cap) return null;
  const vendorId = hexId(attr(child(cap, 'vendor'), 'id'));
  const productId = hexId(attr(child(cap, 'product'), 'id'));
  const bus = Number(text(child(cap, 'bus')));
  const device = Number(text(child(cap, 'device')));
  if (!vendorId || !productId || !Number.isInteger(bus) || !Number.isInteger(device)) return null;
  const vendor = text(child(cap, 'vendor'));
  const product = text(child(cap, 'product'));
  return { name, vendorId, productId, ...(vendor ? { vendor } : {}), ...(product ? { product } : {}), bus, device };
}

/** The host controller's own hub: libvirt names it usb_usbN; Linux reports it as 1d6b:000x. */
export function isRootHub(d: UsbNodeDevice): boolean {
  return /^usb_usb\d+$/.test(d.name) || (d.vendorId === '1d6b' && ['0001', '0002', '0003'].includes(d.productId));
}

/** One USB device in one definition (live or config), with the XML that names it for a detach. */
export interface DefUsbDevice {
  key: string;
  kind: VmUsbDevice['kind'];
  vendorId?: string;
  productId?: string;
  bus?: number;
  device?: number;
  alias?: string;
  target?: string;
  source?: string;
  /** Type of an input or redirdev. */
  type?: string;
  xml: string;
}

const EMULATED_INPUTS = new Set(['tablet', 'keyboard', 'mouse']);

/** USB devices of a domain definition: passthrough, USB inputs, USB disks, USB redirection. */
export function usbDevicesOf(domainXml: string): DefUsbDevice[] {
  const root = parseXml(domainXml, 'the domain XML').documentElement;
  const devices = child(root, 'devices');
  if (!devices) return [];
  const out: DefUsbDevice[] = [];
  const nth = new Map<string, number>();
  const keyOf = (alias: string | undefined, fallback: string) => (alias?.startsWith('ua-') ? `ua:${alias}` : fallback);
  for (let n = devices.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const alias = attr(child(el, 'alias'), 'name');
    const base = { ...(alias ? { alias } : {}), xml: serializeXml(el) };
    const dev = parseDevice(el);
    const hostdev = dev.tag === 'hostdev' ? dev.hostdev : undefined;
    const input = dev.tag === 'input' ? dev.input : undefined;
    const disk = dev.tag === 'disk' ? dev.disk : undefined;
    if (hostdev?.type === 'usb') {
      const vendorId = hexId(hostdev.vendorId);
      const productId = hexId(hostdev.productId);
      const { bus, device } = hostdev;
      const ids = `${vendorId ?? '?'}:${productId ?? '?'}`;
      out.push({
        key: keyOf(alias, `hostdev:${ids}${bus !== undefined && device !== undefined ? `@${bus}.${device}` : ''}`),
        kind: 'hostdev',
        ...(vendorId ? { vendorId } : {}),
        ...(productId ? { productId } : {}),
        ...(bus !== undefined ? { bus } : {}),
        ...(device !== undefined ? { device } : {}),
        ...base,
      });
    } else if (input?.bus === 'usb') {
      const type = input.type ?? 'input';
      const i = nth.get(type) ?? 0;
      nth.set(type, i + 1);
      out.push({
        key: keyOf(alias, `input:${type}:${i}`),
        kind: EMULATED_INPUTS.has(type) ? (type as VmUsbDevice['kind']) : 'other',
        type,
        ...base,
      });
    } else if (disk?.bus === 'usb') {
      const target = disk.target ?? '?';
      const source = disk.path;
      out.push({ key: keyOf(alias, `disk:${target}`), kind: 'disk', target, ...(source ? { source } : {}), ...base });
    } else if (el.tagName === 'redirdev' && attr(el, 'bus') === 'usb') {
      const type = attr(el, 'type') ?? 'redirdev';
      const i = nth.get(`redir-${type}`) ?? 0;
      nth.set(`redir-${type}`, i + 1);
      out.push({ key: keyOf(alias, `redirdev:${type}:${i}`), kind: 'other', type: `redirection (${type})`, ...base });
    }
  }
  return out;
}

/** The USB controller's model, 'default' for one without a model, null for none (or model='none'). */
export function usbControllerOf(domainXml: string): string | null {
  const real = parseDomain(domainXml).controllers.find((c) => c.type === 'usb' && c.model !== 'none');
  return real ? (real.model ?? 'default') : null;
}

/** Every disk target and file source of a definition (for a free sdX name and volumes in use). */
export function disksOf(domainXml: string): { target?: string; source?: string }[] {
  return parseDomain(domainXml).disks.map((d) => ({ ...(d.target ? { target: d.target } : {}), ...(d.path ? { source: d.path } : {}) }));
}

/** Does a <hostdev type='usb'> name this device? Its ids and address must agree where it gives them. */
export function hostdevNames(h: Pick<DefUsbDevice, 'vendorId' | 'productId' | 'bus' | 'device'>, d: UsbNodeDevice): boolean {
  const hasIds = h.vendorId !== undefined && h.productId !== undefined;
  const hasAddr = h.bus !== undefined && h.device !== undefined && !(h.bus === 0 && h.device === 0);
  if (!hasIds && !hasAddr) return false;
  if (hasIds && (h.vendorId !== d.vendorId || h.productId !== d.productId)) return false;
  if (hasAddr && (h.bus !== d.bus || h.device !== d.device)) return false;
  return true;
}

export interface MergedUsb {
  key: string;
  live?: DefUsbDevice;
  config?: DefUsbDevice;
}

/**
 * One entry per device across the live and persistent definitions. libvirt writes the address it
 * resolved into the live <hostdev> only, so a passthrough device without one in the definition
 * is matched by its ids.
 */
export function mergeUsb(live: DefUsbDevice[], config: DefUsbDevice[]): MergedUsb[] {
  const out: MergedUsb[] = live.map((l) => ({ key: l.key, live: l }));
  for (const c of config) {
    let m = out.find((e) => !e.config && e.key === c.key);
    if (!m && c.kind === 'hostdev' && c.bus === undefined) {
      m = out.find(
        (e) =>
          !e.config &&
          e.live?.kind === 'hostdev' &&
          !e.live.alias?.startsWith('ua-') &&
          e.live.vendorId === c.vendorId &&
          e.live.productId === c.productId,
      );
    }
    if (m) m.config = c;
    else out.push({ key: c.key, config: c });
  }
  return out;
}

// ---- XML: building -----------------------------------------------------------------------------

export const newAlias = (what: string): string => `ua-vireo-${what}-${randomBytes(4).toString('hex')}`;

/**
 * Passthrough by vendor:product, which survives a replug (bus/device numbers change); by address
 * too when another device has the same ids, else libvirt cannot tell which one is meant.
 */
export function hostdevXml(d: UsbNodeDevice, withAddress: boolean, alias: string): string {
  return buildUsbHostdevXml({
    vendorId: d.vendorId,
    productId: d.productId,
    ...(withAddress ? { address: { bus: d.bus, device: d.device } } : {}),
    alias,
  });
}

export function inputXml(kind: 'tablet' | 'keyboard' | 'mouse', alias: string): string {
  return buildInputXml({ type: kind, bus: 'usb', alias });
}

export function usbDiskXml(a: { path: string; format: string; target: string; alias: string }): string {
  return buildDiskXml({ type: 'file', path: a.path, format: a.format, target: a.target, bus: 'usb', alias: a.alias });
}

/** sda, sdb … sdz, sdaa …: the first not used by any disk of either definition. */
export function freeUsbTarget(used: Iterable<string>): string {
  const taken = new Set(used);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < 26 * 27; i++) {
    const name = i < 26 ? `sd${letters[i]}` : `sd${letters[Math.floor(i / 26) - 1]}${letters[i % 26]}`;
    if (!taken.has(name)) return name;
  }
  throw new AppError('no-target', 'No free sdX device name is left for a USB disk');
}

const KIND_LABEL: Record<string, string> = { tablet: 'USB tablet', keyboard: 'USB keyboard', mouse: 'USB mouse' };

function labelOf(d: DefUsbDevice, node?: UsbNodeDevice): string {
  switch (d.kind) {
    case 'hostdev':
      return node?.product ?? `USB device ${d.vendorId ?? '?'}:${d.productId ?? '?'}`;
    case 'disk':
      return `USB disk ${d.target ?? ''}`.trim();
    case 'other':
      return `USB ${d.type ?? 'device'}`;
    default:
      return KIND_LABEL[d.kind] ?? `USB ${d.kind}`;
  }
}

// ---- the service ---------------------------------------------------------------------------------

/** Runs fn over items, at most `limit` at a time (libvirt calls are pipelined on one connection). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface ScannedDomain {
  dom: DomainRef;
  running: boolean;
  live?: string;
  config?: string;
}

interface VmCtx {
  rpc: RpcClient;
  dom: DomainRef;
  running: boolean;
  persistent: boolean;
  live?: string;
  config?: string;
}

const scopeFlags = (scope: ApplyScope): number =>
  scope === 'live'
    ? DeviceModifyFlags.LIVE
    : scope === 'config'
      ? DeviceModifyFlags.CONFIG
      : DeviceModifyFlags.LIVE | DeviceModifyFlags.CONFIG;

const where = (scope: ApplyScope): string =>
  scope === 'live' ? 'the running VM' : scope === 'config' ? 'its definition' : 'the running VM and its definition';

export class UsbService {
  constructor(private readonly hosts: Pick<HostManager, 'connection'>) {}

  /** Every domain's live and persistent XML (a VM can hold a device in either). */
  private async scan(rpc: RpcClient): Promise<ScannedDomain[]> {
    const [all, active, transient] = await Promise.all([
      domainListAll(rpc),
      domainListAll(rpc, { flags: ListDomainsFlags.ACTIVE }),
      domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT }),
    ]);
    const isActive = new Set(active.map((d) => d.uuid));
    const isTransient = new Set(transient.map((d) => d.uuid));
    const scanned = await mapLimit(all, 16, async (dom): Promise<ScannedDomain | null> => {
      try {
        const running = isActive.has(dom.uuid);
        const [live, config] = await Promise.all([
          running ? domainGetXmlDesc(rpc, dom) : undefined,
          isTransient.has(dom.uuid) ? undefined : domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }),
        ]);
        return { dom, running, ...(live ? { live } : {}), ...(config ? { config } : {}) };
      } catch {
        return null; // gone meanwhile
      }
    });
    return scanned.filter((s): s is ScannedDomain => s !== null);
  }

  private async nodeDevices(rpc: RpcClient): Promise<UsbNodeDevice[]> {
    const refs = await nodeDeviceListAll(rpc, { flags: NodeDeviceCap.USB_DEV });
    const parsed = await mapLimit(refs, 16, async (r) => {
      try {
        return parseUsbNodeDevice(await nodeDeviceGetXmlDesc(rpc, r.name));
      } catch {
        return null; // unplugged meanwhile
      }
    });
    return parsed.filter((d): d is UsbNodeDevice => d !== null).sort((a, b) => a.bus - b.bus || a.device - b.device);
  }

  async list(hostId: HostId): Promise<HostUsbList> {
    const rpc = this.hosts.connection(hostId).rpc;
    const [nodes, doms] = await Promise.all([this.nodeDevices(rpc), this.scan(rpc)]);
    const shown = nodes.filter((d) => !isRootHub(d));
    const hostdevs = doms.map((s) => ({
      s,
      live: s.live ? usbDevicesOf(s.live).filter((d) => d.kind === 'hostdev') : [],
      config: s.config ? usbDevicesOf(s.config).filter((d) => d.kind === 'hostdev') : [],
    }));
    const devices: HostUsbDevice[] = shown.map((d) => {
      const usedBy: UsbOwner[] = [];
      for (const h of hostdevs) {
        const live = h.live.some((x) => hostdevNames(x, d));
        const config = h.config.some((x) => hostdevNames(x, d));
        if (live || config) usedBy.push({ uuid: h.s.dom.uuid, name: h.s.dom.name, running: h.s.running, live, config });
      }
      const sameIds = nodes.some((o) => o !== d && o.vendorId === d.vendorId && o.productId === d.productId);
      return { ...d, sameIds, usedBy };
    });
    return { hostId, devices, hiddenRootHubs: nodes.length - shown.length };
  }

  private async vm(hostId: HostId, uuid: string): Promise<VmCtx> {
    const rpc = this.hosts.connection(hostId).rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    const [st, transient] = await Promise.all([domainGetState(rpc, dom), domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT })]);
    const running = st.state !== DomainState.SHUTOFF && st.state !== DomainState.NOSTATE && st.state !== DomainState.CRASHED;
    const persistent = !transient.some((d) => d.uuid === uuid);
    const [live, config] = await Promise.all([
      running ? domainGetXmlDesc(rpc, dom) : undefined,
      persistent ? domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }) : undefined,
    ]);
    return { rpc, dom, running, persistent, ...(live ? { live } : {}), ...(config ? { config } : {}) };
  }

  async domain(hostId: HostId, uuid: string): Promise<VmUsb> {
    return this.describe(hostId, await this.vm(hostId, uuid));
  }

  private async describe(hostId: HostId, c: VmCtx): Promise<VmUsb> {
    const merged = mergeUsb(c.live ? usbDevicesOf(c.live) : [], c.config ? usbDevicesOf(c.config) : []);
    const needNames = merged.some((m) => (m.live ?? m.config)?.kind === 'hostdev');
    const nodes = needNames ? await this.nodeDevices(c.rpc).catch(() => [] as UsbNodeDevice[]) : [];
    const devices: VmUsbDevice[] = merged.map((m) => {
      const d = (m.live ?? m.config) as DefUsbDevice;
      // The live side has the address libvirt resolved: prefer it to find the host's device.
      const node = d.kind === 'hostdev' ? nodes.find((n) => hostdevNames(d, n)) : undefined;
      return {
        id: m.key,
        kind: d.kind,
        label: labelOf(d, node),
        ...(d.vendorId ? { vendorId: d.vendorId } : {}),
        ...(d.productId ? { productId: d.productId } : {}),
        ...(node?.vendor ? { vendor: node.vendor } : {}),
        ...(node?.product ? { product: node.product } : {}),
        ...((d.bus ?? node?.bus) !== undefined ? { bus: d.bus ?? node?.bus } : {}),
        ...((d.device ?? node?.device) !== undefined ? { device: d.device ?? node?.device } : {}),
        ...(d.alias ? { alias: d.alias } : {}),
        ...(d.target ? { target: d.target } : {}),
        ...(d.source ? { source: d.source } : {}),
        live: !!m.live,
        config: !!m.config,
      };
    });
    const controller = usbControllerOf((c.live ?? c.config) as string);
    return { hostId, uuid: c.dom.uuid, name: c.dom.name, running: c.running, persistent: c.persistent, controller, devices };
  }

  private needController(c: VmCtx, scope: ApplyScope): void {
    for (const [side, xml] of [
      ['live', c.live],
      ['config', c.config],
    ] as const) {
      if (scope !== 'both' && scope !== side) continue;
      if (xml && !usbControllerOf(xml)) {
        throw new AppError(
          'no-usb-controller',
          `${c.dom.name} has no USB controller${side === 'live' ? ' while it runs' : ''}`,
          'Add one (e.g. qemu-xhci) to its definition; it takes effect at the next boot.',
        );
      }
    }
  }

  async attachHost(hostId: HostId, uuid: string, name: string, scope: ApplyScope, takeover: boolean): Promise<VmUsb> {
    const c = await this.vm(hostId, uuid);
    checkScope(c.dom.name, c, scope);
    this.needController(c, scope);
    const { devices } = await this.list(hostId);
    const d = devices.find((x) => x.name === name);
    if (!d)
      throw new AppError('not-found', `The host has no USB device ${name} (any more)`, 'It may have been unplugged: refresh the list.');
    const label = `${d.product ?? 'USB device'} (${d.vendorId}:${d.productId}, bus ${d.bus} device ${d.device})`;
    const mine = d.usedBy.find((o) => o.uuid === uuid);
    if (mine && ((scope !== 'config' && mine.live) || (scope !== 'live' && mine.config))) {
      const other = mine.live ? 'the next boot' : 'the running VM';
      const hint =
        scope === 'both' && mine.live !== mine.config
          ? `Nothing was changed. It is there for ${mine.live ? 'the running VM' : 'the next boot'} only: attach it to ${other} alone.`
          : 'Nothing was changed.';
      throw new AppError('exists', `${label} is already attached to ${c.dom.name}`, hint);
    }
    const others = d.usedBy.filter((o) => o.uuid !== uuid);
    if (others.length && !takeover) {
      const names = others.map((o) => `${o.name}${o.running && o.live ? ' (running)' : ''}`).join(', ');
      throw new AppError(
        'usb-taken',
        `${label} is already attached to ${names}`,
        'Confirm to attach it here as well. Only one running VM can use it at a time: libvirt refuses it while another running VM holds it.',
      );
    }
    await domainAttachDevice(c.rpc, c.dom, { xml: hostdevXml(d, d.sameIds, newAlias('usb')), flags: scopeFlags(scope) }).catch(
      (err: unknown) => {
        throw withLibvirtHint(err, `Nothing was attached to ${where(scope)}.`);
      },
    );
    return this.domain(hostId, uuid);
  }

  async attachEmulated(hostId: HostId, uuid: string, spec: EmulatedUsbSpec, scope: ApplyScope): Promise<VmUsb> {
    const c = await this.vm(hostId, uuid);
    checkScope(c.dom.name, c, scope);
    this.needController(c, scope);
    const flags = scopeFlags(scope);
    const failed = (err: unknown, extra = '') => {
      throw withLibvirtHint(err, `Nothing was attached to ${where(scope)}.${extra}`);
    };
    if (spec.kind !== 'disk') {
      await domainAttachDevice(c.rpc, c.dom, { xml: inputXml(spec.kind, newAlias(spec.kind)), flags }).catch((e: unknown) => failed(e));
      return this.domain(hostId, uuid);
    }

    const pool = await poolLookupByName(c.rpc, spec.pool);
    let vol: Awaited<ReturnType<typeof volCreateXml>>;
    let created = false;
    if (spec.create) {
      // Fully allocated, as libvirt allocates a volume that names no allocation.
      const bytes = spec.create.sizeMiB * 1024 * 1024;
      vol = await volCreateXml(c.rpc, pool, {
        xml: buildVolumeXml({ name: spec.volume, capacity: bytes, allocation: bytes, format: 'raw' }),
      });
      created = true;
    } else {
      vol = await volLookupByName(c.rpc, pool, spec.volume);
    }
    try {
      const [volPath, volXml] = await Promise.all([volGetPath(c.rpc, vol), volGetXmlDesc(c.rpc, vol)]);
      const format = parseVolume(volXml).format ?? 'raw';
      if (!created) {
        const users = (await this.scan(c.rpc)).filter((s) =>
          [s.live, s.config].some((x) => x && disksOf(x).some((k) => k.source === volPath)),
        );
        if (users.length) {
          throw new AppError(
            'in-use',
            `${spec.volume} is a disk of ${users.map((u) => u.dom.name).join(', ')}`,
            'Two VMs writing one volume corrupt it: pick another volume, or create a new one.',
          );
        }
      }
      const targets = [c.live, c.config].flatMap((x) => (x ? disksOf(x).map((k) => k.target ?? '') : []));
      const xml = usbDiskXml({ path: volPath, format, target: freeUsbTarget(targets), alias: newAlias('disk') });
      await domainAttachDevice(c.rpc, c.dom, { xml, flags }).catch((e: unknown) =>
        failed(e, created ? ' The new volume was removed again.' : ''),
      );
    } catch (err) {
      if (created) await volDelete(c.rpc, vol).catch(() => {});
      throw err;
    }
    return this.domain(hostId, uuid);
  }

  async detach(hostId: HostId, uuid: string, id: string, scope: ApplyScope): Promise<VmUsb> {
    const c = await this.vm(hostId, uuid);
    checkScope(c.dom.name, c, scope);
    const m = mergeUsb(c.live ? usbDevicesOf(c.live) : [], c.config ? usbDevicesOf(c.config) : []).find((x) => x.key === id);
    if (!m)
      throw new AppError('not-found', `${c.dom.name} has no such USB device (any more)`, 'The list was out of date: it is refreshed now.');
    const sides = (scope === 'both' ? (['live', 'config'] as const) : ([scope] as const)).filter((s) => m[s]);
    if (!sides.length) {
      throw new AppError(
        'not-found',
        `That device is not in ${where(scope)} of ${c.dom.name}`,
        scope === 'live'
          ? 'It is attached at the next boot only: detach it from the definition.'
          : 'It is in the running VM only: detach it live.',
      );
    }
    const done: string[] = [];
    for (const s of sides) {
      const dev = m[s] as DefUsbDevice;
      await domainDetachDevice(c.rpc, c.dom, {
        xml: dev.xml,
        flags: s === 'live' ? DeviceModifyFlags.LIVE : DeviceModifyFlags.CONFIG,
      }).catch((err: unknown) => {
        throw withLibvirtHint(
          err,
          done.length
            ? `It was detached from ${done.join(' and ')}, not from ${s === 'live' ? 'the running VM' : 'its definition'}.`
            : 'Nothing was detached.',
        );
      });
      done.push(s === 'live' ? 'the running VM' : 'its definition');
    }
    return this.domain(hostId, uuid);
  }

  /** Volumes of the active pools, with the VMs using each. */
  async volumes(hostId: HostId): Promise<UsbVolume[]> {
    const rpc = this.hosts.connection(hostId).rpc;
    const [pools, doms] = await Promise.all([poolListAll(rpc, { flags: ListPoolsFlags.ACTIVE }), this.scan(rpc)]);
    const users = new Map<string, Set<string>>();
    for (const s of doms) {
      for (const x of [s.live, s.config]) {
        for (const k of x ? disksOf(x) : []) if (k.source) users.set(k.source, (users.get(k.source) ?? new Set()).add(s.dom.name));
      }
    }
    const perPool = await Promise.all(
      pools.map(async (pool) => {
        const vols = await volListAll(rpc, pool).catch(() => []);
        const rows = await mapLimit(vols, 16, async (v): Promise<UsbVolume | null> => {
          try {
            const [info, volPath, xml] = await Promise.all([volGetInfo(rpc, v), volGetPath(rpc, v), volGetXmlDesc(rpc, v)]);
            if (info.type !== StorageVolType.FILE && info.type !== StorageVolType.BLOCK) return null;
            const { format } = parseVolume(xml);
            return {
              pool: pool.name,
              name: v.name,
              path: volPath,
              capacity: info.capacity,
              ...(format ? { format } : {}),
              usedBy: [...(users.get(volPath) ?? [])],
            };
          } catch {
            return null; // deleted meanwhile
          }
        });
        return rows.filter((r): r is UsbVolume => r !== null);
      }),
    );
    return perPool.flat().sort((a, b) => a.pool.localeCompare(b.pool) || a.name.localeCompare(b.name));
  }
}
