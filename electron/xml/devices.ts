/**
 * Device XML for libvirt's attach/detach calls and for addDevice (edit.ts): one element each,
 * built through the DOM, so a path or name holding quotes, "<" or "&" stays text.
 */
import { appendElement, type Element, newDocument, serializeXml } from './dom';

type Attrs = Record<string, string | number | undefined>;

/** One element with its children, serialized without indentation. */
function build(tag: string, attrs: Attrs, fill: (root: Element) => void): string {
  const doc = newDocument(tag);
  const root = doc.documentElement as Element;
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) root.setAttribute(k, String(v));
  fill(root);
  return serializeXml(doc);
}

export interface DiskDeviceSpec {
  /** 'file' for a file (pool files too), 'block' for a device. */
  type: 'file' | 'block';
  device?: 'disk' | 'cdrom' | 'lun';
  path: string;
  /** The driver's format: raw, qcow2 … */
  format: string;
  target: string;
  bus: string;
  cache?: string;
  readonly?: boolean;
  bootOrder?: number;
  /** A user alias (ua-…): libvirt keeps it in the live and persistent definitions. */
  alias?: string;
}

export function buildDiskXml(s: DiskDeviceSpec): string {
  return build('disk', { type: s.type, device: s.device ?? 'disk' }, (d) => {
    appendElement(d, 'driver', { name: 'qemu', type: s.format, cache: s.cache });
    appendElement(d, 'source', s.type === 'block' ? { dev: s.path } : { file: s.path });
    appendElement(d, 'target', { dev: s.target, bus: s.bus });
    if (s.readonly) appendElement(d, 'readonly');
    if (s.bootOrder !== undefined) appendElement(d, 'boot', { order: s.bootOrder });
    if (s.alias) appendElement(d, 'alias', { name: s.alias });
  });
}

export interface UsbHostdevSpec {
  /** 4 hex digits, without 0x. */
  vendorId: string;
  productId: string;
  /** Only when the ids alone are ambiguous: the bus/device numbers change on a replug. */
  address?: { bus: number; device: number };
  alias?: string;
}

/** USB passthrough by vendor:product (and address when given), managed by libvirt. */
export function buildUsbHostdevXml(s: UsbHostdevSpec): string {
  return build('hostdev', { mode: 'subsystem', type: 'usb', managed: 'yes' }, (h) => {
    const src = appendElement(h, 'source');
    appendElement(src, 'vendor', { id: `0x${s.vendorId}` });
    appendElement(src, 'product', { id: `0x${s.productId}` });
    if (s.address) appendElement(src, 'address', { bus: s.address.bus, device: s.address.device });
    if (s.alias) appendElement(h, 'alias', { name: s.alias });
  });
}

export function buildInputXml(s: { type: string; bus: string; alias?: string }): string {
  return build('input', { type: s.type, bus: s.bus }, (i) => {
    if (s.alias) appendElement(i, 'alias', { name: s.alias });
  });
}

/** A <serial> or <console> of this type with its target (a console's target type is 'serial'). */
export function buildCharDevXml(s: { kind: 'serial' | 'console'; type: string; port: number; targetType?: string }): string {
  return build(s.kind, { type: s.type }, (c) => {
    appendElement(c, 'target', { type: s.targetType, port: s.port });
  });
}

/** A NIC on a libvirt network or a host bridge; libvirt picks the MAC when none is given. */
export function buildInterfaceXml(s: { kind: 'network' | 'bridge'; name: string; model: string; mac?: string; alias?: string }): string {
  return build('interface', { type: s.kind }, (i) => {
    if (s.mac) appendElement(i, 'mac', { address: s.mac });
    appendElement(i, 'source', s.kind === 'network' ? { network: s.name } : { bridge: s.name });
    appendElement(i, 'model', { type: s.model });
    if (s.alias) appendElement(i, 'alias', { name: s.alias });
  });
}
