/**
 * Domain XML → the typed model (model.ts). The one reader of disks, char devices (serial,
 * console, channel), NICs, graphics and host devices: services read a whole definition with
 * `parseDomain`, or one device element they already hold with `parseDisk` etc.
 */
import { AppError } from '../../shared/errors';
import { attr, child, children, type Element, intAttr, kib, parseXml, text } from './dom';
import type {
  BackingImage,
  CharDevKind,
  CharDevModel,
  DiskSource,
  DomainControllerModel,
  DomainDiskModel,
  DomainGraphicsModel,
  DomainHostdevModel,
  DomainInputModel,
  DomainInterfaceModel,
  DomainModel,
  DomainTpmModel,
} from './model';

/** Copies the attributes that are present (a model never holds `key: undefined`). */
function attrs<K extends string>(el: Element | null, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const n of names) {
    const v = attr(el, n);
    if (v !== undefined) out[n] = v;
  }
  return out;
}

const opt = <K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> =>
  (v === undefined ? {} : { [key]: v }) as Partial<Record<K, V>>;

const SOURCE_ATTRS = ['file', 'dev', 'dir', 'pool', 'volume', 'mode', 'protocol', 'name', 'startupPolicy'] as const;

export function parseDiskSource(src: Element): DiskSource {
  return {
    ...attrs(src, SOURCE_ATTRS),
    hosts: children(src, 'host').map((h) => attrs(h, ['name', 'port', 'transport', 'socket'] as const)),
  };
}

/** The images below a disk: nested <backingStore> elements that name a source. */
function backingChainOf(d: Element): BackingImage[] {
  const out: BackingImage[] = [];
  for (let b = child(d, 'backingStore'); b; b = child(b, 'backingStore')) {
    const src = child(b, 'source');
    if (!src) break;
    const source = parseDiskSource(src);
    const path = source.file ?? source.dev;
    out.push({ ...opt('type', attr(b, 'type')), ...opt('format', attr(child(b, 'format'), 'type')), source, ...opt('path', path) });
  }
  return out;
}

/** The one disk reader: a <disk> element. */
export function parseDisk(d: Element, index = 0): DomainDiskModel {
  const src = child(d, 'source');
  const source = src ? parseDiskSource(src) : undefined;
  const target = child(d, 'target');
  const path = source?.file ?? source?.dev;
  return {
    index,
    type: attr(d, 'type') ?? 'file',
    device: attr(d, 'device') ?? 'disk',
    ...opt('target', attr(target, 'dev')),
    ...opt('bus', attr(target, 'bus')),
    ...opt('source', source),
    ...opt('path', path),
    driver: attrs(child(d, 'driver'), ['name', 'type', 'cache', 'io', 'discard'] as const),
    readonly: !!child(d, 'readonly'),
    shareable: !!child(d, 'shareable'),
    ...opt('bootOrder', intAttr(child(d, 'boot'), 'order')),
    ...opt('alias', attr(child(d, 'alias'), 'name')),
    ...opt('serial', text(child(d, 'serial'))),
    backingChain: backingChainOf(d),
    ...opt('mirror', mirrorOf(child(d, 'mirror'))),
  };
}

/** <mirror> of a disk under a block copy: its job, state and destination (file= or its <source>). */
function mirrorOf(m: Element | null): DomainDiskModel['mirror'] {
  if (!m) return undefined;
  const src = child(m, 'source');
  const path = attr(m, 'file') ?? attr(src, 'file') ?? attr(src, 'dev');
  return { ...attrs(m, ['job', 'ready'] as const), ...opt('path', path) };
}

/**
 * What the UI shows as a disk's source: the path, `pool/volume` for a volume disk, or a network
 * disk's name; undefined for an empty drive.
 */
export function diskSourceText(d: Pick<DomainDiskModel, 'type' | 'source'>): string | undefined {
  const s = d.source;
  if (!s) return undefined;
  return s.file ?? s.dev ?? s.dir ?? (d.type === 'volume' ? `${s.pool}/${s.volume}` : s.name);
}

/** The one reader of <serial>, <console>, <channel> and <parallel>. */
export function parseCharDev(c: Element, kind: CharDevKind, index = 0): CharDevModel {
  const target = child(c, 'target');
  return {
    kind,
    index,
    type: attr(c, 'type') ?? 'pty',
    ...opt('port', intAttr(target, 'port')),
    ...opt('targetType', attr(target, 'type')),
    ...opt('targetName', attr(target, 'name')),
    ...opt('state', attr(target, 'state')),
    ...opt('sourcePath', attr(child(c, 'source'), 'path')),
    ...opt('logFile', attr(child(c, 'log'), 'file')),
    ...opt('alias', attr(child(c, 'alias'), 'name')),
  };
}

/** The devices libvirt's console API opens: the <console>s, or the <serial>s when there is none. */
export function consoleDevices(m: Pick<DomainModel, 'consoles' | 'serials'>): CharDevModel[] {
  return m.consoles.length > 0 ? m.consoles : m.serials;
}

const NIC_SOURCES = ['bridge', 'network', 'dev'] as const;

export function parseInterface(i: Element, index = 0): DomainInterfaceModel {
  const src = child(i, 'source');
  const kind = NIC_SOURCES.find((k) => attr(src, k) !== undefined);
  return {
    index,
    type: attr(i, 'type') ?? '',
    ...opt('mac', attr(child(i, 'mac'), 'address')),
    ...(kind ? { source: { kind, name: attr(src, kind) as string } } : {}),
    ...opt('model', attr(child(i, 'model'), 'type')),
    ...opt('target', attr(child(i, 'target'), 'dev')),
    ...opt('linkState', attr(child(i, 'link'), 'state')),
    ...opt('bootOrder', intAttr(child(i, 'boot'), 'order')),
    ...opt('alias', attr(child(i, 'alias'), 'name')),
  };
}

export function parseGraphics(g: Element, index = 0): DomainGraphicsModel {
  return {
    index,
    type: attr(g, 'type') ?? '',
    ...opt('port', intAttr(g, 'port')),
    autoport: attr(g, 'autoport') === 'yes',
    ...opt('listen', attr(g, 'listen')),
    listens: children(g, 'listen').map((l) => attrs(l, ['type', 'address', 'network', 'socket'] as const)),
    ...opt('socket', attr(g, 'socket')),
    ...opt('websocket', intAttr(g, 'websocket')),
    hasPassword: g.hasAttribute('passwd'),
  };
}

export function parseHostdev(h: Element, index = 0): DomainHostdevModel {
  const src = child(h, 'source');
  const addr = child(src, 'address');
  const usb = attr(h, 'type') === 'usb';
  return {
    index,
    ...attrs(h, ['mode', 'type', 'managed'] as const),
    ...opt('vendorId', attr(child(src, 'vendor'), 'id')),
    ...opt('productId', attr(child(src, 'product'), 'id')),
    ...(usb ? { ...opt('bus', intAttr(addr, 'bus')), ...opt('device', intAttr(addr, 'device')) } : {}),
    ...(!usb && addr ? { pci: attrs(addr, ['domain', 'bus', 'slot', 'function'] as const) } : {}),
    ...opt('alias', attr(child(h, 'alias'), 'name')),
  };
}

export function parseInput(i: Element, index = 0): DomainInputModel {
  return { index, ...attrs(i, ['type', 'bus'] as const), ...opt('alias', attr(child(i, 'alias'), 'name')) };
}

export function parseController(c: Element, index = 0): DomainControllerModel {
  return { index, ...attrs(c, ['type', 'model'] as const), ...opt('number', intAttr(c, 'index')) };
}

/** One element of <devices>, read by the parser for its tag. */
export type ParsedDevice =
  | { tag: 'disk'; disk: DomainDiskModel }
  | { tag: 'interface'; nic: DomainInterfaceModel }
  | { tag: CharDevKind; chardev: CharDevModel }
  | { tag: 'graphics'; graphics: DomainGraphicsModel }
  | { tag: 'hostdev'; hostdev: DomainHostdevModel }
  | { tag: 'input'; input: DomainInputModel }
  | { tag: 'controller'; controller: DomainControllerModel }
  | { tag: 'other'; name: string };

export function parseDevice(el: Element, index = 0): ParsedDevice {
  const tag = el.tagName;
  switch (tag) {
    case 'disk':
      return { tag, disk: parseDisk(el, index) };
    case 'interface':
      return { tag, nic: parseInterface(el, index) };
    case 'serial':
    case 'console':
    case 'channel':
    case 'parallel':
      return { tag, chardev: parseCharDev(el, tag, index) };
    case 'graphics':
      return { tag, graphics: parseGraphics(el, index) };
    case 'hostdev':
      return { tag, hostdev: parseHostdev(el, index) };
    case 'input':
      return { tag, input: parseInput(el, index) };
    case 'controller':
      return { tag, controller: parseController(el, index) };
    default:
      return { tag: 'other', name: tag };
  }
}

/** libosinfo's id in <metadata> (any prefix bound to the libosinfo namespace). */
function osinfoOf(root: Element): string | undefined {
  const metadata = child(root, 'metadata');
  let osinfo: string | undefined;
  for (let n = metadata?.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === 'libosinfo') {
      const o = (n as Element).getElementsByTagNameNS('*', 'os')[0];
      osinfo = o?.getAttribute('id') ?? undefined;
    }
  }
  return osinfo;
}

const topologyOf = (t: Element | null) =>
  t
    ? {
        ...opt('sockets', intAttr(t, 'sockets')),
        ...opt('dies', intAttr(t, 'dies')),
        ...opt('cores', intAttr(t, 'cores')),
        ...opt('threads', intAttr(t, 'threads')),
      }
    : undefined;

/** <os><firmware>'s <feature> list as name → enabled; undefined without one. */
function firmwareFeaturesOf(fw: Element | null): Record<string, boolean> | undefined {
  const features = fw ? children(fw, 'feature') : [];
  if (!features.length) return undefined;
  const out: Record<string, boolean> = {};
  for (const f of features) {
    const name = attr(f, 'name');
    if (name) out[name] = attr(f, 'enabled') === 'yes';
  }
  return out;
}

function parseTpm(e: Element): DomainTpmModel {
  const backend = child(e, 'backend');
  return { ...attrs(e, ['model'] as const), ...opt('backend', attr(backend, 'type')), ...opt('version', attr(backend, 'version')) };
}

/** The model of a <domain> element. */
export function readDomain(root: Element): DomainModel {
  const devices = child(root, 'devices');
  const each = <T>(tag: string, fn: (e: Element, i: number) => T): T[] => (devices ? children(devices, tag).map(fn) : []);
  const os = child(root, 'os');
  const osType = child(os, 'type');
  const loader = child(os, 'loader');
  const cpu = child(root, 'cpu');
  const vcpu = child(root, 'vcpu');
  const maxVcpus = Number(text(vcpu) ?? 1);
  const memory = child(root, 'memory');
  const backing = child(root, 'memoryBacking');
  const bootMenu = attr(child(os, 'bootmenu'), 'enable');
  return {
    ...opt('hypervisor', attr(root, 'type')),
    ...opt('name', text(child(root, 'name'))),
    ...opt('uuid', text(child(root, 'uuid'))),
    ...opt('title', text(child(root, 'title'))),
    ...opt('description', text(child(root, 'description'))),
    ...opt('osinfo', osinfoOf(root)),
    memory: {
      maxKiB: kib(memory),
      currentKiB: kib(child(root, 'currentMemory') ?? memory),
      hugepages: !!child(backing, 'hugepages'),
      nosharepages: !!child(backing, 'nosharepages'),
    },
    vcpus: { max: maxVcpus, current: intAttr(vcpu, 'current') ?? maxVcpus, ...opt('placement', attr(vcpu, 'placement')) },
    cpu: {
      ...attrs(cpu, ['mode', 'match', 'check'] as const),
      ...opt('model', text(child(cpu, 'model'))),
      ...opt('fallback', attr(child(cpu, 'model'), 'fallback')),
      ...opt('topology', topologyOf(child(cpu, 'topology'))),
    },
    os: {
      ...opt('type', text(osType)),
      ...attrs(osType, ['arch', 'machine'] as const),
      ...opt('firmware', attr(os, 'firmware')),
      ...(loader
        ? { loader: { ...opt('path', text(loader) || undefined), ...attrs(loader, ['type', 'readonly', 'secure'] as const) } }
        : {}),
      ...opt('firmwareFeatures', firmwareFeaturesOf(child(os, 'firmware'))),
      ...opt('nvram', text(child(os, 'nvram'))),
      ...opt('nvramTemplate', attr(child(os, 'nvram'), 'template')),
      ...opt('kernel', text(child(os, 'kernel'))),
      ...opt('initrd', text(child(os, 'initrd'))),
      ...opt('cmdline', text(child(os, 'cmdline'))),
      boot: (os ? children(os, 'boot') : []).map((b) => attr(b, 'dev') ?? ''),
      ...(bootMenu !== undefined ? { bootMenu: bootMenu === 'yes' } : {}),
    },
    ...opt('emulator', text(child(devices, 'emulator'))),
    disks: each('disk', parseDisk),
    interfaces: each('interface', parseInterface),
    serials: each('serial', (e, i) => parseCharDev(e, 'serial', i)),
    consoles: each('console', (e, i) => parseCharDev(e, 'console', i)),
    channels: each('channel', (e, i) => parseCharDev(e, 'channel', i)),
    graphics: each('graphics', parseGraphics),
    hostdevs: each('hostdev', parseHostdev),
    inputs: each('input', parseInput),
    controllers: each('controller', parseController),
    tpms: each('tpm', parseTpm),
  };
}

/** Domain XML → the typed model. Refuses XML that is not a <domain>. */
export function parseDomain(xml: string): DomainModel {
  const root = parseXml(xml, 'the domain XML').documentElement;
  if (root?.tagName !== 'domain') throw new AppError('xml', 'Not a <domain> definition');
  return readDomain(root);
}
