/**
 * Storage pool XML: the one builder of a pool definition Vireo defines (dir, fs, netfs, logical; names and
 * paths escaped by the DOM) and the one reader of what Vireo shows of a pool (type, target path, source).
 */
import { appendElement, attr, child, children, type Element, indent, newDocument, parseXml, path, text, toXml } from './dom';

/**
 * A pool to define: a directory on the host; a file system on a block device (fs) or an NFS /
 * GlusterFS / CIFS export (netfs), each mounted on `targetPath` when the pool starts; or an LVM
 * volume group (on `devices` when Build makes it).
 */
export type PoolSpec =
  | { type: 'dir'; name: string; targetPath: string }
  | { type: 'fs'; name: string; device: string; format: string; targetPath: string }
  | { type: 'netfs'; name: string; host: string; sourcePath: string; format: string; targetPath: string }
  | { type: 'logical'; name: string; sourceName: string; devices: readonly string[] };

export function buildPoolXml(p: PoolSpec): string {
  const doc = newDocument('pool');
  const root = doc.documentElement as Element;
  root.setAttribute('type', p.type);
  appendElement(root, 'name', {}, p.name);
  if (p.type === 'logical') {
    const source = appendElement(root, 'source');
    for (const d of p.devices) appendElement(source, 'device', { path: d });
    appendElement(source, 'name', {}, p.sourceName);
    appendElement(source, 'format', { type: 'lvm2' });
  } else if (p.type === 'fs') {
    const source = appendElement(root, 'source');
    appendElement(source, 'device', { path: p.device });
    appendElement(source, 'format', { type: p.format });
  } else if (p.type === 'netfs') {
    const source = appendElement(root, 'source');
    appendElement(source, 'host', { name: p.host });
    appendElement(source, 'dir', { path: p.sourcePath });
    appendElement(source, 'format', { type: p.format });
  }
  const target = appendElement(root, 'target');
  appendElement(target, 'path', {}, p.type === 'logical' ? `/dev/${p.sourceName}` : p.targetPath);
  indent(doc);
  return toXml(doc);
}

export interface PoolModel {
  name?: string;
  /** dir, fs, netfs, logical, disk, iscsi … */
  type?: string;
  targetPath?: string;
  /** The source's name (a logical pool's volume group, a netfs export's directory). */
  sourceName?: string;
  /** The source's devices (a logical pool's physical volumes, an fs pool's block device). */
  sourceDevices: string[];
  /** A netfs pool's server. */
  sourceHost?: string;
  /** A netfs pool's exported directory. */
  sourceDir?: string;
  /** The source's format (ext4, nfs, lvm2 …). */
  sourceFormat?: string;
}

/** A pool's XML (as poolGetXmlDesc returns it) → what Vireo reads from it. */
export function parsePool(xml: string): PoolModel {
  const root = parseXml(xml, 'the pool XML').documentElement;
  const source = child(root, 'source');
  const out: PoolModel = { sourceDevices: [] };
  const name = text(child(root, 'name'));
  if (name !== undefined) out.name = name;
  const type = attr(root, 'type');
  if (type !== undefined) out.type = type;
  const targetPath = text(path(root, 'target', 'path'));
  if (targetPath) out.targetPath = targetPath;
  const sourceName = text(child(source, 'name'));
  if (sourceName) out.sourceName = sourceName;
  const host = attr(child(source, 'host'), 'name');
  if (host) out.sourceHost = host;
  const dir = attr(child(source, 'dir'), 'path');
  if (dir) out.sourceDir = dir;
  const format = attr(child(source, 'format'), 'type');
  if (format) out.sourceFormat = format;
  if (source) {
    for (const d of Array.from(source.getElementsByTagName('device'))) {
      const p = d.getAttribute('path');
      if (p) out.sourceDevices.push(p);
    }
  }
  return out;
}

/** The pool types in libvirt's storage pool capabilities, each with whether this host supports it. */
export function parsePoolCapabilities(xml: string): { type: string; supported: boolean }[] {
  const root = parseXml(xml, 'the storage pool capabilities').documentElement;
  if (!root) return [];
  return children(root, 'pool')
    .map((p) => ({ type: p.getAttribute('type') ?? '', supported: p.getAttribute('supported') === 'yes' }))
    .filter((p) => p.type !== '');
}
