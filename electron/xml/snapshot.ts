/**
 * libvirt's <domainsnapshot> XML: the one place it is read, built and edited. The domain a
 * snapshot saved (its <domain> element) is read with the domain model's own reader (parse.ts).
 */

import { AppError } from '../../shared/errors';
import { appendElement, attr, child, children, type Element, indent, newDocument, parseXml, serializeXml, text, toXml } from './dom';
import { domainToXml, findDisk, openDomain, setDiskSource } from './edit';
import type { DomainModel } from './model';
import { readDomain } from './parse';

export interface SnapshotDiskModel {
  /** The disk's target (vda) or path, as libvirt names it in the snapshot. */
  name: string;
  /** internal / external / no / manual. */
  snapshot: string;
  /** external: the overlay file libvirt created on top of the snapshotted image. */
  file?: string;
  driverType?: string;
}

export interface SnapshotModel {
  name: string;
  description?: string;
  /** The domain state captured: running, paused, shutoff, disk-snapshot … */
  state: string;
  parent?: string;
  /** Seconds since the epoch. */
  creationTime: number;
  /** internal / external / no. */
  memory: string;
  memoryFile?: string;
  disks: SnapshotDiskModel[];
  /** The definition at the time of the snapshot (its disks point at the images holding the snapshot's data). */
  domain: DomainModel | null;
}

export function parseSnapshotXml(xml: string): SnapshotModel {
  const root = parseXml(xml, 'snapshot XML').documentElement as Element;
  const mem = child(root, 'memory');
  const disks = children(child(root, 'disks') ?? root, 'disk').map((d) => {
    const src = child(d, 'source');
    const file = attr(src, 'file') ?? attr(src, 'dev');
    const driverType = attr(child(d, 'driver'), 'type');
    return {
      name: attr(d, 'name') ?? '',
      snapshot: attr(d, 'snapshot') ?? 'no',
      ...(file ? { file } : {}),
      ...(driverType ? { driverType } : {}),
    };
  });
  const dom = child(root, 'domain');
  const description = text(child(root, 'description'));
  const parent = text(path2(root, 'parent', 'name'));
  const memoryFile = attr(mem, 'file');
  return {
    name: text(child(root, 'name')) ?? '',
    ...(description !== undefined ? { description } : {}),
    state: text(child(root, 'state')) ?? '',
    ...(parent !== undefined ? { parent } : {}),
    creationTime: Number(text(child(root, 'creationTime')) ?? 0),
    memory: attr(mem, 'snapshot') ?? 'no',
    ...(memoryFile ? { memoryFile } : {}),
    disks,
    domain: dom ? readDomain(dom) : null,
  };
}

function path2(el: Element, a: string, b: string): Element | null {
  return child(child(el, a), b);
}

export interface NewSnapshot {
  name: string;
  description?: string;
  /** internal: libvirt's default for qcow2 (with memory when running); external: disk-only overlays. */
  kind: 'internal' | 'external';
  /** Per disk target: snapshot it (internal/external) or leave it out ('no'), and an overlay file for external. */
  disks: { target: string; snapshot: 'internal' | 'external' | 'no'; file?: string }[];
  /** external with memory: the file libvirt saves the running guest's memory state into (its save-image format). */
  memoryFile?: string;
}

/** The <domainsnapshot> to create, built as a DOM: names and descriptions are text nodes, escaped on the way to libvirt (the validators refuse control characters, which XML cannot carry). */
export function buildSnapshotXml(s: NewSnapshot): string {
  const doc = newDocument('domainsnapshot');
  const root = doc.documentElement as Element;
  appendElement(root, 'name', {}, s.name);
  if (s.description) appendElement(root, 'description', {}, s.description);
  if (s.kind === 'external')
    appendElement(root, 'memory', s.memoryFile ? { snapshot: 'external', file: s.memoryFile } : { snapshot: 'no' });
  const disks = appendElement(root, 'disks');
  for (const d of s.disks) {
    const el = appendElement(disks, 'disk', { name: d.target, snapshot: d.snapshot });
    if (d.snapshot === 'external' && d.file) {
      appendElement(el, 'driver', { type: 'qcow2' });
      appendElement(el, 'source', { file: d.file });
    }
  }
  indent(doc);
  return toXml(doc);
}

/**
 * A snapshot's XML with the images of its saved definition moved: for each disk target in `moves`,
 * the <domain>'s disk source (file or dev) becomes the new path and its recorded backing chain goes
 * (libvirt reads it from the image again). Used after a merge removed the image a snapshot's state
 * was in; everything else is kept as libvirt wrote it (for a REDEFINE).
 */
export function moveSnapshotDomainDisks(xml: string, moves: Readonly<Record<string, string>>): string {
  const doc = parseXml(xml, 'snapshot XML');
  const root = doc.documentElement as Element;
  for (const domTag of ['domain', 'inactiveDomain']) {
    const devices = child(child(root, domTag), 'devices');
    if (!devices) continue;
    for (const d of children(devices, 'disk')) {
      const to = moves[attr(child(d, 'target'), 'dev') ?? ''];
      const src = child(d, 'source');
      if (!to || !src) continue;
      if (src.hasAttribute('file')) src.setAttribute('file', to);
      else if (src.hasAttribute('dev')) src.setAttribute('dev', to);
      for (const b of children(d, 'backingStore')) d.removeChild(b);
    }
  }
  return serializeXml(doc);
}

/**
 * The definition saved in a memory-state file, its disks moved to new files (the fresh overlays of
 * a revert) for libvirt's restore: each moved disk becomes a file of format qcow2 (an overlay is
 * qcow2 whatever its image was), its recorded backing chain dropped (libvirt reads it again).
 */
export function pointSavedDomainDisks(xml: string, moves: Readonly<Record<string, string>>): string {
  const doc = openDomain(xml);
  for (const [target, path] of Object.entries(moves)) {
    const el = findDisk(doc, target);
    if (!el)
      throw new AppError(
        'not-found',
        `The saved memory state's definition has no disk ${target}`,
        'The snapshot cannot be restored with memory.',
      );
    setDiskSource(el, { type: 'file', path });
    child(el, 'driver')?.setAttribute('type', 'qcow2');
  }
  return domainToXml(doc);
}

/** The namespace of Vireo's mark in a running domain's metadata while it merges a snapshot (found again after a restart). */
export const MERGE_MARK_NS = 'https://vireo.dev/xmlns/snapshot-merge/1';

/** A merge under way, and the snapshots a delete-with-children still has to delete after it (in order). */
export interface MergeMark {
  snapshot: string;
  next?: string[];
}

/** The mark: which snapshot's merge is under way, then the steps left (elements, names as attributes: escaped by the DOM). */
export function buildMergeMark(m: MergeMark): string {
  const doc = newDocument('merge');
  const root = doc.documentElement as Element;
  root.setAttribute('snapshot', m.snapshot);
  for (const n of m.next ?? []) appendElement(root, 'next', { name: n });
  return toXml(doc);
}

/** The mark as libvirt gives it back (with its namespace), or null when it is not one. */
export function parseMergeMark(xml: string): MergeMark | null {
  const root = parseXml(xml, 'merge mark').documentElement as Element;
  const snapshot = root.localName === 'merge' ? attr(root, 'snapshot') : undefined;
  if (!snapshot) return null;
  const next: string[] = [];
  for (let n = root.firstChild; n; n = n.nextSibling) {
    const name = n.nodeType === 1 && (n as Element).localName === 'next' ? attr(n as Element, 'name') : undefined;
    if (name !== undefined) next.push(name);
  }
  return next.length ? { snapshot, next } : { snapshot };
}
