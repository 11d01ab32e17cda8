/** Reads what the UI shows from a domain's XML definition. */
import type { DomainDetails, DomainDisk, DomainGraphics, DomainNic, DomainUsbDevice } from '../../shared/api';
import { attr, child, children, type Element, intAttr, kib, parseXml, path, text } from './dom';

export type ParsedDomain = Omit<DomainDetails, 'summary' | 'uptimeSec' | 'xml' | 'autostart'>;

function diskOf(d: Element): DomainDisk {
  const source = child(d, 'source');
  const driver = child(d, 'driver');
  const type = attr(d, 'type') ?? 'file';
  const src =
    attr(source, 'file') ??
    attr(source, 'dev') ??
    attr(source, 'dir') ??
    (type === 'volume' && source ? `${attr(source, 'pool')}/${attr(source, 'volume')}` : undefined) ??
    attr(source, 'name');
  return {
    target: attr(child(d, 'target'), 'dev') ?? '?',
    device: attr(d, 'device') ?? 'disk',
    ...(attr(child(d, 'target'), 'bus') ? { bus: attr(child(d, 'target'), 'bus') } : {}),
    type,
    ...(src !== undefined ? { source: src } : {}),
    ...(attr(driver, 'type') ? { format: attr(driver, 'type') } : {}),
    ...(attr(driver, 'cache') ? { cache: attr(driver, 'cache') } : {}),
    readonly: !!child(d, 'readonly'),
    shareable: !!child(d, 'shareable'),
  };
}

function nicOf(i: Element): DomainNic {
  const source = child(i, 'source');
  const src = attr(source, 'bridge') ?? attr(source, 'network') ?? attr(source, 'dev');
  return {
    mac: attr(child(i, 'mac'), 'address') ?? '',
    type: attr(i, 'type') ?? '?',
    ...(src !== undefined ? { source: src } : {}),
    ...(attr(child(i, 'model'), 'type') ? { model: attr(child(i, 'model'), 'type') } : {}),
    ...(attr(child(i, 'target'), 'dev') ? { target: attr(child(i, 'target'), 'dev') } : {}),
  };
}

function graphicsOf(g: Element): DomainGraphics {
  const port = intAttr(g, 'port');
  const listen = attr(g, 'listen') ?? attr(child(g, 'listen'), 'address');
  return {
    type: attr(g, 'type') ?? '?',
    ...(port !== undefined && port > 0 ? { port } : {}),
    ...(listen !== undefined ? { listen } : {}),
    autoport: attr(g, 'autoport') === 'yes',
    hasPassword: g.hasAttribute('passwd'),
  };
}

function usbOf(devices: Element): DomainUsbDevice[] {
  const out: DomainUsbDevice[] = [];
  for (const h of children(devices, 'hostdev')) {
    if (attr(h, 'type') !== 'usb') continue;
    const src = child(h, 'source');
    const addr = child(src, 'address');
    out.push({
      kind: 'hostdev',
      ...(attr(child(h, 'alias'), 'name') ? { alias: attr(child(h, 'alias'), 'name') } : {}),
      ...(attr(child(src, 'vendor'), 'id') ? { vendorId: attr(child(src, 'vendor'), 'id') } : {}),
      ...(attr(child(src, 'product'), 'id') ? { productId: attr(child(src, 'product'), 'id') } : {}),
      ...(intAttr(addr, 'bus') !== undefined ? { bus: intAttr(addr, 'bus') } : {}),
      ...(intAttr(addr, 'device') !== undefined ? { device: intAttr(addr, 'device') } : {}),
    });
  }
  for (const i of children(devices, 'input')) {
    if (attr(i, 'bus') !== 'usb') continue;
    const alias = attr(child(i, 'alias'), 'name');
    out.push({ kind: attr(i, 'type') ?? 'input', ...(alias ? { alias } : {}) });
  }
  for (const d of children(devices, 'disk')) {
    if (attr(child(d, 'target'), 'bus') !== 'usb') continue;
    const alias = attr(child(d, 'alias'), 'name');
    out.push({ kind: 'disk', ...(alias ? { alias } : {}) });
  }
  return out;
}

export function parseDomainXml(xml: string): ParsedDomain {
  const root = parseXml(xml, 'the domain XML').documentElement;
  if (root?.tagName !== 'domain') throw new Error('Not a <domain> definition');
  const devices = child(root, 'devices');
  const os = child(root, 'os');
  const osType = child(os, 'type');
  const cpu = child(root, 'cpu');
  const vcpu = child(root, 'vcpu');
  const maxVcpus = Number(text(vcpu) ?? 1);
  // libosinfo's id as virt-install/virt-manager record it in the metadata.
  let osinfo: string | undefined;
  const metadata = child(root, 'metadata');
  if (metadata) {
    for (let n = metadata.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1 && (n as Element).localName === 'libosinfo') {
        const o = (n as Element).getElementsByTagNameNS('*', 'os')[0];
        osinfo = o?.getAttribute('id') ?? undefined;
      }
    }
  }
  const title = text(child(root, 'title'));
  const description = text(child(root, 'description'));
  return {
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    os: {
      type: text(osType) ?? 'hvm',
      ...(attr(osType, 'arch') ? { arch: attr(osType, 'arch') } : {}),
      ...(attr(osType, 'machine') ? { machine: attr(osType, 'machine') } : {}),
      ...(osinfo ? { osinfo } : {}),
      ...(text(child(os, 'kernel')) ? { kernel: text(child(os, 'kernel')) } : {}),
      ...(text(child(os, 'cmdline')) ? { cmdline: text(child(os, 'cmdline')) } : {}),
    },
    cpu: {
      ...(attr(cpu, 'mode') ? { mode: attr(cpu, 'mode') } : {}),
      ...(text(child(cpu, 'model')) ? { model: text(child(cpu, 'model')) } : {}),
      vcpus: intAttr(vcpu, 'current') ?? maxVcpus,
      maxVcpus,
    },
    memory: { currentKiB: kib(child(root, 'currentMemory') ?? child(root, 'memory')), maxKiB: kib(child(root, 'memory')) },
    disks: devices ? children(devices, 'disk').map(diskOf) : [],
    nics: devices ? children(devices, 'interface').map(nicOf) : [],
    graphics: devices ? children(devices, 'graphics').map(graphicsOf) : [],
    serial: devices
      ? children(devices, 'serial').map((s) => ({ type: attr(s, 'type') ?? 'pty', port: intAttr(path(s, 'target'), 'port') ?? 0 }))
      : [],
    usb: devices ? usbOf(devices) : [],
  };
}
