/**
 * Domain and volume XML that Vireo writes: new definitions built element by element through the
 * DOM (a name with quotes, "<" or "&" is text, never markup), and a clone's definition rewritten
 * in place from the source's, so every element and attribute we don't know about survives.
 */
import { randomBytes } from 'node:crypto';
import { DOMImplementation } from '@xmldom/xmldom';
import { fileBaseName } from '../../shared/naming';
import { attr, child, children, type Document, type Element, parseXml, serializeXml } from './dom';

// ---- building -------------------------------------------------------------------------------------

type Attrs = Record<string, string | number | undefined>;

/** Appends <tag attrs>text</tag> to `parent` and returns it. */
export function el(parent: Element, tag: string, attrs: Attrs = {}, textContent?: string): Element {
  const doc = parent.ownerDocument as Document;
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, String(v));
  if (textContent !== undefined) e.appendChild(doc.createTextNode(textContent));
  parent.appendChild(e);
  return e;
}

export function newDocument(rootTag: string): Document {
  return new DOMImplementation().createDocument(null, rootTag, null);
}

/** Indents elements that hold only elements (what we built), leaving text content untouched. */
export function indent(doc: Document, unit = '  '): void {
  const walk = (e: Element, depth: number): void => {
    const kids: Element[] = [];
    let textual = false;
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) kids.push(n as Element);
      else if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').trim() !== '') textual = true;
    }
    if (textual || kids.length === 0) return;
    for (let n = e.firstChild; n; ) {
      const next = n.nextSibling;
      if (n.nodeType === 3) e.removeChild(n);
      n = next;
    }
    const pad = (d: number) => doc.createTextNode(`\n${unit.repeat(d)}`);
    for (const k of kids) {
      e.insertBefore(pad(depth + 1), k);
      walk(k, depth + 1);
    }
    e.appendChild(pad(depth));
  };
  walk(doc.documentElement as Element, 0);
}

export function toXml(doc: Document): string {
  return `${serializeXml(doc)}\n`;
}

/** A locally administered MAC in QEMU's 52:54:00 range, as libvirt and virt-clone make them. */
export function randomMac(): string {
  const b = randomBytes(3);
  return `52:54:00:${[...b].map((x) => x.toString(16).padStart(2, '0')).join(':')}`;
}

export interface DiskPlan {
  device: 'disk' | 'cdrom';
  /** 'file' for pool files, 'block' for devices. */
  type: 'file' | 'block';
  path: string;
  format: string;
  bus: 'virtio' | 'sata' | 'ide' | 'scsi';
  target: string;
  readonly?: boolean;
  bootOrder?: number;
}

export interface NicPlan {
  kind: 'network' | 'bridge';
  name: string;
  mac: string;
  model: 'virtio' | 'e1000e' | 'e1000';
}

export interface DomainPlan {
  type: 'kvm' | 'qemu';
  name: string;
  uuid: string;
  osinfoUri?: string;
  memoryMiB: number;
  vcpus: number;
  arch: string;
  machine: string;
  emulator: string;
  cpu: { mode: 'host-model' } | { mode: 'custom'; model: string };
  /** Windows guests: local-time clock and Hyper-V enlightenments. */
  windows: boolean;
  kernel?: { kernel: string; initrd?: string; cmdline?: string };
  disks: DiskPlan[];
  nic?: NicPlan;
  graphics: boolean;
  serial: boolean;
  /** Where the serial console is also logged on the host (like the lab's guests), if anywhere. */
  serialLog?: string;
}

const LIBOSINFO_NS = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

/** A new VM's definition, laid out as virt-install would, with migration-friendly choices. */
export function buildDomainXml(p: DomainPlan): string {
  const doc = newDocument('domain');
  const d = doc.documentElement as Element;
  d.setAttribute('type', p.type);
  el(d, 'name', {}, p.name);
  el(d, 'uuid', {}, p.uuid);
  if (p.osinfoUri) {
    const md = el(d, 'metadata');
    const lo = doc.createElementNS(LIBOSINFO_NS, 'libosinfo:libosinfo');
    md.appendChild(lo);
    const os = doc.createElementNS(LIBOSINFO_NS, 'libosinfo:os');
    os.setAttribute('id', p.osinfoUri);
    lo.appendChild(os);
  }
  const kib = String(p.memoryMiB * 1024);
  el(d, 'memory', { unit: 'KiB' }, kib);
  el(d, 'currentMemory', { unit: 'KiB' }, kib);
  el(d, 'vcpu', { placement: 'static' }, String(p.vcpus));

  const os = el(d, 'os');
  el(os, 'type', { arch: p.arch, machine: p.machine }, 'hvm');
  if (p.kernel) {
    el(os, 'kernel', {}, p.kernel.kernel);
    if (p.kernel.initrd) el(os, 'initrd', {}, p.kernel.initrd);
    if (p.kernel.cmdline) el(os, 'cmdline', {}, p.kernel.cmdline);
  }

  const features = el(d, 'features');
  el(features, 'acpi');
  el(features, 'apic');
  if (p.windows) {
    const hv = el(features, 'hyperv', { mode: 'custom' });
    el(hv, 'relaxed', { state: 'on' });
    el(hv, 'vapic', { state: 'on' });
    el(hv, 'spinlocks', { state: 'on', retries: 8191 });
  }
  if (p.cpu.mode === 'host-model') el(d, 'cpu', { mode: 'host-model', check: 'partial' });
  else {
    const cpu = el(d, 'cpu', { mode: 'custom', match: 'exact', check: 'partial' });
    el(cpu, 'model', { fallback: 'allow' }, p.cpu.model);
  }
  const clock = el(d, 'clock', { offset: p.windows ? 'localtime' : 'utc' });
  el(clock, 'timer', { name: 'rtc', tickpolicy: 'catchup' });
  el(clock, 'timer', { name: 'pit', tickpolicy: 'delay' });
  el(clock, 'timer', { name: 'hpet', present: 'no' });
  if (p.windows) el(clock, 'timer', { name: 'hypervclock', present: 'yes' });
  el(d, 'on_poweroff', {}, 'destroy');
  el(d, 'on_reboot', {}, 'restart');
  el(d, 'on_crash', {}, 'destroy');

  const dev = el(d, 'devices');
  el(dev, 'emulator', {}, p.emulator);
  for (const disk of p.disks) {
    const x = el(dev, 'disk', { type: disk.type, device: disk.device });
    el(x, 'driver', {
      name: 'qemu',
      type: disk.format,
      // cache='none' is what live migration accepts; a CD-ROM is read-only, its cache mode moot.
      ...(disk.device === 'disk' ? { cache: 'none', discard: 'unmap' } : {}),
    });
    el(x, 'source', disk.type === 'block' ? { dev: disk.path } : { file: disk.path });
    el(x, 'target', { dev: disk.target, bus: disk.bus });
    if (disk.readonly || disk.device === 'cdrom') el(x, 'readonly');
    if (disk.bootOrder !== undefined) el(x, 'boot', { order: disk.bootOrder });
  }
  el(dev, 'controller', { type: 'usb', model: 'qemu-xhci', ports: 15 });
  if (p.nic) {
    const i = el(dev, 'interface', { type: p.nic.kind });
    el(i, 'mac', { address: p.nic.mac });
    el(i, 'source', p.nic.kind === 'network' ? { network: p.nic.name } : { bridge: p.nic.name });
    el(i, 'model', { type: p.nic.model });
  }
  if (p.serial) {
    const s = el(dev, 'serial', { type: 'pty' });
    if (p.serialLog) el(s, 'log', { file: p.serialLog, append: 'off' });
    el(s, 'target', { port: 0 });
    const c = el(dev, 'console', { type: 'pty' });
    if (p.serialLog) el(c, 'log', { file: p.serialLog, append: 'off' });
    el(c, 'target', { type: 'serial', port: 0 });
  }
  el(dev, 'input', { type: 'tablet', bus: 'usb' });
  if (p.graphics) {
    const g = el(dev, 'graphics', { type: 'vnc', port: -1, autoport: 'yes', listen: '127.0.0.1' });
    el(g, 'listen', { type: 'address', address: '127.0.0.1' });
    const v = el(dev, 'video');
    el(v, 'model', { type: p.windows ? 'vga' : 'virtio' });
  }
  const rng = el(dev, 'rng', { model: 'virtio' });
  el(rng, 'backend', { model: 'random' }, '/dev/urandom');
  el(dev, 'memballoon', { model: 'virtio' });
  indent(doc);
  return toXml(doc);
}

/** A volume to create: capacity and allocation in bytes (allocation 0 = sparse). */
export function buildVolumeXml(v: { name: string; capacity: number; allocation?: number; format: string }): string {
  const doc = newDocument('volume');
  const root = doc.documentElement as Element;
  el(root, 'name', {}, v.name);
  el(root, 'capacity', { unit: 'bytes' }, String(v.capacity));
  el(root, 'allocation', { unit: 'bytes' }, String(v.allocation ?? 0));
  const target = el(root, 'target');
  el(target, 'format', { type: v.format });
  indent(doc);
  return toXml(doc);
}

// ---- reading what a clone needs ---------------------------------------------------------------------

export interface SourceDisk {
  target: string;
  device: string;
  type: string;
  bus?: string;
  /** file path, block device, or pool/volume for type='volume'. */
  path?: string;
  pool?: string;
  volume?: string;
  format?: string;
  readonly: boolean;
  shareable: boolean;
}

export function sourceDisks(xml: string): SourceDisk[] {
  const root = parseXml(xml, 'the domain XML').documentElement as Element;
  const devices = child(root, 'devices');
  if (!devices) return [];
  return children(devices, 'disk').map((d) => {
    const src = child(d, 'source');
    const type = attr(d, 'type') ?? 'file';
    const path = attr(src, 'file') ?? attr(src, 'dev');
    const bus = attr(child(d, 'target'), 'bus');
    const format = attr(child(d, 'driver'), 'type');
    return {
      target: attr(child(d, 'target'), 'dev') ?? '',
      device: attr(d, 'device') ?? 'disk',
      type,
      ...(bus ? { bus } : {}),
      ...(path ? { path } : {}),
      ...(type === 'volume' && src ? { pool: attr(src, 'pool'), volume: attr(src, 'volume') } : {}),
      ...(format ? { format } : {}),
      readonly: !!child(d, 'readonly'),
      shareable: !!child(d, 'shareable'),
    };
  });
}

export interface SourceNic {
  mac: string;
  type: string;
  source?: string;
  model?: string;
}

export function sourceNics(xml: string): SourceNic[] {
  const root = parseXml(xml, 'the domain XML').documentElement as Element;
  const devices = child(root, 'devices');
  if (!devices) return [];
  return children(devices, 'interface').map((i) => {
    const src = child(i, 'source');
    const source = attr(src, 'bridge') ?? attr(src, 'network') ?? attr(src, 'dev');
    const model = attr(child(i, 'model'), 'type');
    return {
      mac: (attr(child(i, 'mac'), 'address') ?? '').toLowerCase(),
      type: attr(i, 'type') ?? '',
      ...(source ? { source } : {}),
      ...(model ? { model } : {}),
    };
  });
}

// ---- rewriting for a clone ----------------------------------------------------------------------------

export type DiskRewrite = { mode: 'share' } | { mode: 'detach' } | { mode: 'copy'; type: 'file' | 'block'; path: string };

export interface NicRewrite {
  mac: string;
  /** Unchanged when absent; 'none' removes the NIC from the clone. */
  target?: { kind: 'network' | 'bridge'; name: string } | { kind: 'none' };
}

export interface CloneRewrite {
  name: string;
  uuid: string;
  /** The source's name: log files named after it are renamed after the clone. */
  sourceName: string;
  /** By disk target (vda …); disks not listed are left as they are. */
  disks: ReadonlyMap<string, DiskRewrite>;
  /** One per <interface>, in document order. */
  nics: readonly NicRewrite[];
  /** The target host's emulator when it differs (cross-host). */
  emulator?: string;
}

/** Attributes of <source> that say where a disk's data is. */
const DISK_SOURCE_ATTRS = ['file', 'dev', 'pool', 'volume', 'mode', 'dir', 'protocol', 'name', 'index'];

/**
 * The clone's definition: the source's, edited in place. New name, UUID (also the SMBIOS one),
 * MACs and disk paths; NICs moved to the target's network/bridge when asked; per-VM files (serial
 * logs, NVRAM) no longer shared with the source; fixed VNC ports made automatic. Everything else,
 * including elements Vireo does not know, is kept as it was. Returns notes on what changed beyond
 * the obvious.
 */
export function rewriteForClone(xml: string, r: CloneRewrite): { xml: string; notes: string[] } {
  const doc = parseXml(xml, 'the domain XML');
  const root = doc.documentElement as Element;
  if (root.tagName !== 'domain') throw new Error('Not a <domain> definition');
  const notes: string[] = [];

  setText(doc, root, 'name', r.name, 0);
  setText(doc, root, 'uuid', r.uuid, indexAfter(root, 'name'));
  // The SMBIOS UUID must equal the domain's (libvirt refuses a mismatch).
  for (const sys of children(child(root, 'sysinfo') ?? root, 'system')) {
    for (const entry of children(sys, 'entry')) if (attr(entry, 'name') === 'uuid') entry.textContent = r.uuid;
  }
  // A generated ID identifies a VM instance to the guest (Windows): a clone needs its own.
  const genid = child(root, 'genid');
  if (genid) {
    genid.parentNode?.removeChild(genid);
    notes.push('The VM generation ID is removed: libvirt gives the clone a new one.');
  }

  const os = child(root, 'os');
  const nvram = child(os, 'nvram');
  if (nvram && (nvram.textContent ?? '').trim() !== '') {
    // An empty <nvram> makes libvirt create the clone's own variable store from the template.
    while (nvram.firstChild) nvram.removeChild(nvram.firstChild);
    nvram.removeAttribute('type');
    notes.push('UEFI variables start from the firmware template (the source’s NVRAM file is not shared).');
  }

  const devices = child(root, 'devices');
  if (devices) {
    const emulator = child(devices, 'emulator');
    if (r.emulator && emulator && (emulator.textContent ?? '').trim() !== r.emulator) {
      emulator.textContent = r.emulator;
      notes.push(`Emulator set to the target host’s ${r.emulator}.`);
    }
    for (const d of children(devices, 'disk')) {
      const target = attr(child(d, 'target'), 'dev') ?? '';
      const rw = r.disks.get(target);
      if (!rw || rw.mode === 'share') continue;
      if (rw.mode === 'detach') {
        removeWithIndent(d);
        continue;
      }
      d.setAttribute('type', rw.type);
      let src = child(d, 'source');
      if (!src) {
        src = doc.createElement('source');
        d.insertBefore(src, child(d, 'target'));
      }
      for (const a of DISK_SOURCE_ATTRS) src.removeAttribute(a);
      // Network disks name their hosts in <source><host>: not a file or a device any more.
      for (const h of children(src, 'host')) src.removeChild(h);
      src.setAttribute(rw.type === 'block' ? 'dev' : 'file', rw.path);
      // The copy is a standalone image: no backing chain.
      for (const b of children(d, 'backingStore')) removeWithIndent(b);
    }
    let nicIndex = 0;
    for (const i of children(devices, 'interface')) {
      const rw = r.nics[nicIndex++];
      if (!rw) continue;
      if (rw.target?.kind === 'none') {
        removeWithIndent(i);
        continue;
      }
      let mac = child(i, 'mac');
      if (!mac) {
        mac = doc.createElement('mac');
        i.insertBefore(mac, i.firstChild);
      }
      mac.setAttribute('address', rw.mac);
      // A fixed tap name would collide with the source's.
      const t = child(i, 'target');
      if (t && attr(t, 'dev')) removeWithIndent(t);
      if (rw.target) {
        const before = `${attr(i, 'type')}:${attr(child(i, 'source'), rw.target.kind) ?? ''}`;
        i.setAttribute('type', rw.target.kind);
        let src = child(i, 'source');
        if (!src) {
          src = doc.createElement('source');
          i.insertBefore(src, mac.nextSibling);
        }
        for (const a of ['network', 'bridge', 'dev', 'mode', 'portgroup', 'portid']) src.removeAttribute(a);
        src.setAttribute(rw.target.kind, rw.target.name);
        if (before !== `${rw.target.kind}:${rw.target.name}`) notes.push(`NIC ${rw.mac} now on ${rw.target.kind} ${rw.target.name}.`);
      }
    }
    for (const tag of ['serial', 'console', 'channel', 'parallel']) {
      for (const c of children(devices, tag)) {
        const log = child(c, 'log');
        const file = attr(log, 'file');
        if (log && file) log.setAttribute('file', renamed(file, r.sourceName, r.name));
        const src = child(c, 'source');
        const sp = attr(src, 'path');
        if (src && sp && attr(c, 'type') === 'file') src.setAttribute('path', renamed(sp, r.sourceName, r.name));
      }
    }
    for (const g of children(devices, 'graphics')) {
      if (attr(g, 'autoport') === 'no' || (attr(g, 'port') && attr(g, 'port') !== '-1')) {
        g.setAttribute('autoport', 'yes');
        g.removeAttribute('port');
        g.removeAttribute('websocket');
        notes.push(`The ${attr(g, 'type') ?? ''} display port is now chosen automatically (the source’s was fixed).`);
      }
    }
  }
  return { xml: serializeXml(doc), notes };
}

/** `/var/log/libvirt/qemu/src-serial.log` → `…/dst-serial.log`: a file named after the VM follows the new name. */
function renamed(path: string, from: string, to: string): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const base = path.slice(slash + 1);
  const safe = fileBaseName(to);
  for (const f of new Set([from, fileBaseName(from)])) {
    if (base === f || (base.startsWith(f) && /^[-._]/.test(base.slice(f.length)))) return `${dir}${safe}${base.slice(f.length)}`;
  }
  const dot = base.lastIndexOf('.');
  return `${dir}${dot > 0 ? `${base.slice(0, dot)}-${safe}${base.slice(dot)}` : `${base}-${safe}`}`;
}

function indexAfter(root: Element, tag: string): number {
  let i = 0;
  for (let n = root.firstChild; n; n = n.nextSibling, i++) if (n.nodeType === 1 && (n as Element).tagName === tag) return i + 1;
  return 0;
}

/** Sets a direct child's text, creating it at child position `at` when missing. */
function setText(doc: Document, parent: Element, tag: string, value: string, at: number): void {
  const existing = child(parent, tag);
  if (existing) {
    existing.textContent = value;
    return;
  }
  const e = doc.createElement(tag);
  e.textContent = value;
  parent.insertBefore(e, parent.childNodes.item(at) ?? null);
}

/** Removes an element and the whitespace before it, so the layout stays tidy. */
function removeWithIndent(e: Element): void {
  const parent = e.parentNode;
  if (!parent) return;
  const prev = e.previousSibling;
  if (prev && prev.nodeType === 3 && (prev.nodeValue ?? '').trim() === '') parent.removeChild(prev);
  parent.removeChild(e);
}
