/**
 * Edits of a domain definition in place, through its DOM: each changes what it names and keeps
 * every other element, attribute, comment and namespace as libvirt (or virt-manager) wrote it.
 *
 *   const d = openDomain(xml);
 *   setName(d, 'web2');
 *   for (const disk of deviceElements(d, 'disk')) setDiskCache(disk, 'none');
 *   const out = domainToXml(d);            // modelOf(d) reads the edited model back
 *
 * Devices are reached with `deviceElements(d, tag)` (in document order: the model's `index`) or
 * `findDisk(d, target)`; the edit functions take that element. New edits (vCPUs, memory, boot
 * order, NIC link state for the settings editor) belong here, one function each, read back through
 * the same model.
 */
import { AppError } from '../../shared/errors';
import { attr, child, children, type Document, type Element, parseXml, removeWithIndent, serializeXml } from './dom';
import type { DomainDiskModel, DomainModel } from './model';
import { parseDisk, readDomain } from './parse';

/** A parsed definition being edited. */
export interface DomainDoc {
  readonly doc: Document;
  readonly root: Element;
}

export function openDomain(xml: string): DomainDoc {
  const doc = parseXml(xml, 'the domain XML');
  const root = doc.documentElement;
  if (root?.tagName !== 'domain') throw new AppError('xml', 'Not a <domain> definition');
  return { doc, root };
}

export function domainToXml(d: DomainDoc): string {
  return serializeXml(d.doc);
}

/** The model of the definition as it is now (after edits). */
export function modelOf(d: DomainDoc): DomainModel {
  return readDomain(d.root);
}

/** Sets a direct child's text, creating it at child-node position `at` when missing. */
function setChildTextAt(parent: Element, tag: string, value: string, at: number): void {
  const existing = child(parent, tag);
  if (existing) {
    existing.textContent = value;
    return;
  }
  const e = (parent.ownerDocument as Document).createElement(tag);
  e.textContent = value;
  parent.insertBefore(e, parent.childNodes.item(at) ?? null);
}

/** The child-node position just after the first `tag` child, 0 when there is none. */
function positionAfter(root: Element, tag: string): number {
  let i = 0;
  for (let n = root.firstChild; n; n = n.nextSibling, i++) if (n.nodeType === 1 && (n as Element).tagName === tag) return i + 1;
  return 0;
}

export function setName(d: DomainDoc, name: string): void {
  setChildTextAt(d.root, 'name', name, 0);
}

/** The domain's UUID, and the SMBIOS one that must equal it (libvirt refuses a mismatch). */
export function setUuid(d: DomainDoc, uuid: string): void {
  setChildTextAt(d.root, 'uuid', uuid, positionAfter(d.root, 'name'));
  for (const sys of children(child(d.root, 'sysinfo') ?? d.root, 'system')) {
    for (const entry of children(sys, 'entry')) if (attr(entry, 'name') === 'uuid') entry.textContent = uuid;
  }
}

/** The <devices> element, created (at the end) when the definition has none. */
export function devicesOf(d: DomainDoc): Element {
  const existing = child(d.root, 'devices');
  if (existing) return existing;
  const devices = d.doc.createElement('devices');
  d.root.appendChild(devices);
  return devices;
}

/** The device elements with this tag, in document order (the model's `index`). */
export function deviceElements(d: DomainDoc, tag: string): Element[] {
  const devices = child(d.root, 'devices');
  return devices ? children(devices, tag) : [];
}

/** Each <disk> element with its model, in document order (to read and edit in one pass). */
export function diskEntries(d: DomainDoc): { el: Element; disk: DomainDiskModel }[] {
  return deviceElements(d, 'disk').map((el, i) => ({ el, disk: parseDisk(el, i) }));
}

/** The <disk> whose target is `target`. */
export function findDisk(d: DomainDoc, target: string): Element | null {
  return deviceElements(d, 'disk').find((e) => attr(child(e, 'target'), 'dev') === target) ?? null;
}

/** Appends a device (XML of one element, e.g. from devices.ts) to <devices>, indented like libvirt's. */
export function addDevice(d: DomainDoc, deviceXml: string): Element {
  const parsed = parseXml(deviceXml, 'the device XML').documentElement as Element;
  const el = d.doc.importNode(parsed, true) as Element;
  const devices = devicesOf(d);
  devices.appendChild(d.doc.createTextNode('  '));
  devices.appendChild(el);
  devices.appendChild(d.doc.createTextNode('\n  '));
  return el;
}

/** Removes a device element (and the indentation before it). */
export function removeDevice(el: Element): void {
  removeWithIndent(el);
}

/** Attributes of <source> that say where a disk's data is. */
const DISK_SOURCE_ATTRS = ['file', 'dev', 'pool', 'volume', 'mode', 'dir', 'protocol', 'name', 'index'];

export type NewDiskSource = { type: 'file' | 'block'; path: string } | { type: 'volume'; pool: string; volume: string };

/**
 * Points a disk at other data (a copy, a volume in another pool): its type and <source> change,
 * network hosts and the backing chain go (the new image is read on its own); driver, target,
 * address, boot order and the rest stay.
 */
export function setDiskSource(disk: Element, s: NewDiskSource): void {
  const doc = disk.ownerDocument as Document;
  disk.setAttribute('type', s.type);
  let src = child(disk, 'source');
  if (!src) {
    src = doc.createElement('source');
    disk.insertBefore(src, child(disk, 'target'));
  }
  for (const a of DISK_SOURCE_ATTRS) src.removeAttribute(a);
  for (const h of children(src, 'host')) src.removeChild(h);
  if (s.type === 'volume') {
    src.setAttribute('pool', s.pool);
    src.setAttribute('volume', s.volume);
  } else src.setAttribute(s.type === 'block' ? 'dev' : 'file', s.path);
  for (const b of children(disk, 'backingStore')) removeWithIndent(b);
}

/** The same kind of source at another path (file stays file, device stays device); false when the disk has neither. */
export function setDiskPath(disk: Element, path: string): boolean {
  const src = child(disk, 'source');
  for (const a of ['file', 'dev']) {
    if (src?.hasAttribute(a)) {
      src.setAttribute(a, path);
      return true;
    }
  }
  return false;
}

/** The disk's cache mode, adding <driver name='qemu'> when it has no driver. */
export function setDiskCache(disk: Element, cache: string): void {
  let drv = child(disk, 'driver');
  if (!drv) {
    drv = (disk.ownerDocument as Document).createElement('driver');
    drv.setAttribute('name', 'qemu');
    disk.insertBefore(drv, disk.firstChild);
  }
  drv.setAttribute('cache', cache);
}

/** A NIC's MAC address (a <mac> is added first when it has none). */
export function setInterfaceMac(nic: Element, mac: string): void {
  let m = child(nic, 'mac');
  if (!m) {
    m = (nic.ownerDocument as Document).createElement('mac');
    nic.insertBefore(m, nic.firstChild);
  }
  m.setAttribute('address', mac);
}

/** Moves a NIC to a network or bridge; returns whether that is a change. */
export function setInterfaceSource(nic: Element, to: { kind: 'network' | 'bridge'; name: string }): boolean {
  const before = `${attr(nic, 'type')}:${attr(child(nic, 'source'), to.kind) ?? ''}`;
  nic.setAttribute('type', to.kind);
  let src = child(nic, 'source');
  if (!src) {
    src = (nic.ownerDocument as Document).createElement('source');
    const mac = child(nic, 'mac');
    nic.insertBefore(src, mac ? mac.nextSibling : nic.firstChild);
  }
  for (const a of ['network', 'bridge', 'dev', 'mode', 'portgroup', 'portid']) src.removeAttribute(a);
  src.setAttribute(to.kind, to.name);
  return before !== `${to.kind}:${to.name}`;
}

/**
 * Puts back the graphics passwords (passwd, passwdValidTo) that a redacted copy of `secure` lost:
 * each <graphics> of `edited` without a passwd takes the one of the same type and place among
 * that type in `secure`. The XML editor sends what the admin edited (never shown the password);
 * this keeps the real one. Returns how many were restored.
 */
export function restoreGraphicsPasswords(edited: DomainDoc, secure: DomainDoc): number {
  const byType = new Map<string, Element[]>();
  for (const g of deviceElements(secure, 'graphics')) {
    const t = attr(g, 'type') ?? '';
    byType.set(t, [...(byType.get(t) ?? []), g]);
  }
  const seen = new Map<string, number>();
  let restored = 0;
  for (const g of deviceElements(edited, 'graphics')) {
    const t = attr(g, 'type') ?? '';
    const i = seen.get(t) ?? 0;
    seen.set(t, i + 1);
    const from = byType.get(t)?.[i];
    if (!from || g.hasAttribute('passwd')) continue;
    for (const a of ['passwd', 'passwdValidTo']) {
      const v = from.getAttribute(a);
      if (v !== null && from.hasAttribute(a) && !g.hasAttribute(a)) g.setAttribute(a, v);
    }
    if (from.hasAttribute('passwd')) restored++;
  }
  return restored;
}

/** The <interface> whose MAC is `mac` (any case). */
export function findInterface(d: DomainDoc, mac: string): Element | null {
  return deviceElements(d, 'interface').find((e) => attr(child(e, 'mac'), 'address')?.toLowerCase() === mac.toLowerCase()) ?? null;
}

/** One device element as XML (for attach/detach/update-device). */
export function deviceXml(el: Element): string {
  return serializeXml(el);
}

/** A CD-ROM's medium: a file, or none (ejected: <source> and any backing chain removed). */
export function setDiskMedia(disk: Element, path: string | null): void {
  if (path !== null) {
    setDiskSource(disk, { type: 'file', path });
    return;
  }
  for (const tag of ['source', 'backingStore']) for (const e of children(disk, tag)) removeWithIndent(e);
}

/** A NIC's link state (<link state='up|down'/>). */
export function setInterfaceLink(d: DomainDoc, nic: Element, state: 'up' | 'down'): void {
  let link = child(nic, 'link');
  if (!link) {
    link = d.doc.createElement('link');
    nic.appendChild(link);
  }
  link.setAttribute('state', state);
}

/** A device to boot from, in order: a disk by target, a NIC by MAC. */
export type BootEntry = { kind: 'disk'; target: string } | { kind: 'nic'; mac: string };

/**
 * Boot order per device (<boot order='n'/>), as libvirt wants it: the <os><boot dev=…/> list is
 * removed (the two cannot be mixed), every other device's <boot> too. Throws if an entry names no device.
 */
export function setBootOrder(d: DomainDoc, order: readonly BootEntry[]): void {
  const os = child(d.root, 'os');
  if (os) for (const b of children(os, 'boot')) removeWithIndent(b);
  for (const tag of ['disk', 'interface', 'hostdev', 'redirdev', 'filesystem'])
    for (const el of deviceElements(d, tag)) for (const b of children(el, 'boot')) removeWithIndent(b);
  order.forEach((entry, i) => {
    const el = entry.kind === 'disk' ? findDisk(d, entry.target) : findInterface(d, entry.mac);
    if (!el) throw new AppError('not-found', entry.kind === 'disk' ? `No disk ${entry.target}` : `No NIC ${entry.mac}`);
    const boot = d.doc.createElement('boot');
    boot.setAttribute('order', String(i + 1));
    // libvirt writes <boot> after <target>/<model>; its parser takes it anywhere among the children.
    el.appendChild(boot);
  });
}

/**
 * <memoryBacking>'s <hugepages/> and <nosharepages/> on or off; other children of memoryBacking
 * (locked, source, access …) are kept, and an emptied <memoryBacking> is removed.
 */
export function setMemoryBacking(d: DomainDoc, want: { hugepages: boolean; nosharepages: boolean }): void {
  let backing = child(d.root, 'memoryBacking');
  for (const tag of ['hugepages', 'nosharepages'] as const) {
    const has = backing ? child(backing, tag) : null;
    if (want[tag] && !has) {
      if (!backing) {
        backing = d.doc.createElement('memoryBacking');
        const after = child(d.root, 'currentMemory') ?? child(d.root, 'memory');
        d.root.insertBefore(backing, after ? after.nextSibling : d.root.firstChild);
      }
      backing.appendChild(d.doc.createElement(tag));
    } else if (!want[tag] && has) removeWithIndent(has);
  }
  // Only whitespace left: the element goes too.
  if (backing && [...Array.from(backing.childNodes)].every((n) => n.nodeType === 3 && !(n.nodeValue ?? '').trim()))
    removeWithIndent(backing);
}

/**
 * The guest's CPU topology (<cpu><topology sockets cores threads>), or none (null: libvirt's
 * default, one socket per vCPU). The rest of <cpu> (mode, model, features) is kept; a <cpu> made
 * only for the topology is removed with it.
 */
export function setCpuTopology(d: DomainDoc, t: { sockets: number; cores: number; threads: number } | null): void {
  let cpu = child(d.root, 'cpu');
  const old = cpu ? child(cpu, 'topology') : null;
  if (t === null) {
    if (old) removeWithIndent(old);
    if (cpu && [...Array.from(cpu.childNodes)].every((n) => n.nodeType === 3 && !(n.nodeValue ?? '').trim()) && cpu.attributes.length === 0)
      removeWithIndent(cpu);
    return;
  }
  if (!cpu) {
    cpu = d.doc.createElement('cpu');
    const after = child(d.root, 'features') ?? child(d.root, 'os');
    d.root.insertBefore(cpu, after ? after.nextSibling : null);
  }
  const topo = old ?? d.doc.createElement('topology');
  topo.setAttribute('sockets', String(t.sockets));
  topo.setAttribute('dies', '1');
  topo.setAttribute('cores', String(t.cores));
  topo.setAttribute('threads', String(t.threads));
  if (!old) cpu.insertBefore(topo, child(cpu, 'feature') ?? child(cpu, 'numa') ?? null);
}

/**
 * The CPU mode for the next boot: host-model, host-passthrough, or a custom model (libvirt's
 * check='partial' semantics left to libvirt). Topology and NUMA are kept; a host mode drops the
 * custom model, vendor and feature list (the host decides them), a custom model keeps its features.
 */
export function setCpuMode(d: DomainDoc, mode: 'host-model' | 'host-passthrough' | 'custom', model?: string): void {
  let cpu = child(d.root, 'cpu');
  if (!cpu) {
    cpu = d.doc.createElement('cpu');
    const after = child(d.root, 'features') ?? child(d.root, 'os');
    d.root.insertBefore(cpu, after ? after.nextSibling : null);
  }
  cpu.setAttribute('mode', mode);
  cpu.removeAttribute('check');
  if (mode !== 'custom') {
    cpu.removeAttribute('match');
    for (const tag of ['model', 'vendor', 'feature']) for (const el of children(cpu, tag)) removeWithIndent(el);
    return;
  }
  if (!model) throw new AppError('invalid-input', 'A custom CPU mode needs a model');
  cpu.setAttribute('match', 'exact');
  let m = child(cpu, 'model');
  if (!m) {
    m = d.doc.createElement('model');
    cpu.insertBefore(m, cpu.firstChild);
  }
  m.setAttribute('fallback', 'forbid');
  m.textContent = model;
}
