/**
 * Storage volume XML: the one builder of a volume definition (every volume Vireo creates —
 * install, clone, migration copies, USB disks — is defined here, names escaped by the DOM) and
 * the one reader of a volume's format and backing file.
 */
import { appendElement, attr, child, type Element, indent, newDocument, parseXml, path, text, toXml } from './dom';

export interface VolumeSpec {
  name: string;
  /** Bytes. */
  capacity: number;
  /** Bytes to allocate up front: 0 (the default) is sparse; the capacity is fully allocated. */
  allocation?: number;
  /** raw, qcow2 … */
  format: string;
  /** A qcow2 overlay's base image. */
  backingStore?: { path: string; format: string };
}

/** A volume to create, in bytes. */
export function buildVolumeXml(v: VolumeSpec): string {
  const doc = newDocument('volume');
  const root = doc.documentElement as Element;
  appendElement(root, 'name', {}, v.name);
  appendElement(root, 'capacity', { unit: 'bytes' }, String(v.capacity));
  appendElement(root, 'allocation', { unit: 'bytes' }, String(v.allocation ?? 0));
  const target = appendElement(root, 'target');
  appendElement(target, 'format', { type: v.format });
  if (v.backingStore) {
    const b = appendElement(root, 'backingStore');
    appendElement(b, 'path', {}, v.backingStore.path);
    appendElement(b, 'format', { type: v.backingStore.format });
  }
  indent(doc);
  return toXml(doc);
}

export interface VolumeModel {
  name?: string;
  /** type= of <volume> (file, block …). */
  type?: string;
  format?: string;
  path?: string;
  /** The backing file a qcow2 overlay names. */
  backingStore?: { path: string; format?: string };
}

/** A volume's XML (as volGetXmlDesc returns it) → what Vireo reads from it. */
export function parseVolume(xml: string): VolumeModel {
  const root = parseXml(xml, 'the volume XML').documentElement;
  const b = child(root, 'backingStore');
  const backing = text(child(b, 'path'));
  const out: VolumeModel = {};
  const name = text(child(root, 'name'));
  if (name !== undefined) out.name = name;
  const type = attr(root, 'type');
  if (type !== undefined) out.type = type;
  const format = attr(path(root, 'target', 'format'), 'type');
  if (format !== undefined) out.format = format;
  const p = text(path(root, 'target', 'path'));
  if (p) out.path = p;
  if (backing) {
    const bf = attr(child(b, 'format'), 'type');
    out.backingStore = { path: backing, ...(bf !== undefined ? { format: bf } : {}) };
  }
  return out;
}
