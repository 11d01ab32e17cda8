/** What the UI shows of a domain (DomainDetails), read from the typed model (parse.ts). */
import type { DomainDetails, DomainDisk, DomainGraphics, DomainNic, DomainUsbDevice } from '../../shared/api';
import type { DomainDiskModel, DomainGraphicsModel, DomainInterfaceModel, DomainModel } from './model';
import { diskSourceText, parseDomain } from './parse';

export type ParsedDomain = Omit<DomainDetails, 'summary' | 'uptimeSec' | 'xml' | 'autostart'>;

export function diskView(d: DomainDiskModel): DomainDisk {
  const source = diskSourceText(d);
  return {
    target: d.target ?? '?',
    device: d.device,
    ...(d.bus ? { bus: d.bus } : {}),
    type: d.type,
    ...(source !== undefined ? { source } : {}),
    ...(d.driver.type ? { format: d.driver.type } : {}),
    ...(d.driver.cache ? { cache: d.driver.cache } : {}),
    readonly: d.readonly,
    shareable: d.shareable,
  };
}

function nicView(i: DomainInterfaceModel): DomainNic {
  return {
    mac: i.mac ?? '',
    type: i.type || '?',
    ...(i.source ? { source: i.source.name } : {}),
    ...(i.model ? { model: i.model } : {}),
    ...(i.target ? { target: i.target } : {}),
  };
}

function graphicsView(g: DomainGraphicsModel): DomainGraphics {
  const listen = g.listen ?? g.listens[0]?.address;
  return {
    type: g.type || '?',
    ...(g.port !== undefined && g.port > 0 ? { port: g.port } : {}),
    ...(listen !== undefined ? { listen } : {}),
    autoport: g.autoport,
    hasPassword: g.hasPassword,
  };
}

/** USB passthrough, USB inputs and USB disks, in that order. */
function usbView(m: DomainModel): DomainUsbDevice[] {
  const alias = (a: string | undefined) => (a ? { alias: a } : {});
  return [
    ...m.hostdevs
      .filter((h) => h.type === 'usb')
      .map(
        (h): DomainUsbDevice => ({
          kind: 'hostdev',
          ...alias(h.alias),
          ...(h.vendorId ? { vendorId: h.vendorId } : {}),
          ...(h.productId ? { productId: h.productId } : {}),
          ...(h.bus !== undefined ? { bus: h.bus } : {}),
          ...(h.device !== undefined ? { device: h.device } : {}),
        }),
      ),
    ...m.inputs.filter((i) => i.bus === 'usb').map((i): DomainUsbDevice => ({ kind: i.type ?? 'input', ...alias(i.alias) })),
    ...m.disks.filter((d) => d.bus === 'usb').map((d): DomainUsbDevice => ({ kind: 'disk', ...alias(d.alias) })),
  ];
}

export function domainView(m: DomainModel): ParsedDomain {
  return {
    ...(m.title ? { title: m.title } : {}),
    ...(m.description ? { description: m.description } : {}),
    os: {
      type: m.os.type ?? 'hvm',
      ...(m.os.arch ? { arch: m.os.arch } : {}),
      ...(m.os.machine ? { machine: m.os.machine } : {}),
      ...(m.osinfo ? { osinfo: m.osinfo } : {}),
      ...(m.os.kernel ? { kernel: m.os.kernel } : {}),
      ...(m.os.cmdline ? { cmdline: m.os.cmdline } : {}),
    },
    cpu: {
      ...(m.cpu.mode ? { mode: m.cpu.mode } : {}),
      ...(m.cpu.model ? { model: m.cpu.model } : {}),
      vcpus: m.vcpus.current,
      maxVcpus: m.vcpus.max,
    },
    memory: { currentKiB: m.memory.currentKiB, maxKiB: m.memory.maxKiB },
    disks: m.disks.map(diskView),
    nics: m.interfaces.map(nicView),
    graphics: m.graphics.map(graphicsView),
    serial: m.serials.map((s) => ({ type: s.type, port: s.port ?? 0 })),
    usb: usbView(m),
  };
}

/** Domain XML → what the UI shows. */
export function parseDomainXml(xml: string): ParsedDomain {
  return domainView(parseDomain(xml));
}
