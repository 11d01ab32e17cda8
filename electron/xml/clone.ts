/**
 * A clone's definition: the source's, edited in place through edit.ts, so every element and
 * attribute Vireo does not know survives; and the source's disks and NICs as the clone reads them.
 */
import { fileBaseName } from '../../shared/naming';
import { attr, child } from './dom';
import {
  deviceElements,
  domainToXml,
  openDomain,
  removeDevice,
  setDiskSource,
  setInterfaceMac,
  setInterfaceSource,
  setName,
  setUuid,
} from './edit';
import { parseDomain } from './parse';

// ---- reading what a clone needs ---------------------------------------------------------------------

export interface SourceDisk {
  target: string;
  device: string;
  type: string;
  bus?: string;
  /** file path or block device. */
  path?: string;
  /** pool/volume for type='volume'. */
  pool?: string;
  volume?: string;
  format?: string;
  readonly: boolean;
  shareable: boolean;
}

export function sourceDisks(xml: string): SourceDisk[] {
  return parseDomain(xml).disks.map((d) => ({
    target: d.target ?? '',
    device: d.device,
    type: d.type,
    ...(d.bus ? { bus: d.bus } : {}),
    ...(d.path ? { path: d.path } : {}),
    ...(d.type === 'volume' && d.source ? { pool: d.source.pool, volume: d.source.volume } : {}),
    ...(d.driver.type ? { format: d.driver.type } : {}),
    readonly: d.readonly,
    shareable: d.shareable,
  }));
}

export interface SourceNic {
  mac: string;
  type: string;
  source?: string;
  model?: string;
}

export function sourceNics(xml: string): SourceNic[] {
  return parseDomain(xml).interfaces.map((i) => ({
    mac: (i.mac ?? '').toLowerCase(),
    type: i.type,
    ...(i.source?.name ? { source: i.source.name } : {}),
    ...(i.model ? { model: i.model } : {}),
  }));
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

/**
 * The clone's definition: the source's, edited in place. New name, UUID (also the SMBIOS one),
 * MACs and disk paths; NICs moved to the target's network/bridge when asked; per-VM files (serial
 * logs, NVRAM) no longer shared with the source; fixed VNC ports made automatic. Everything else,
 * including elements Vireo does not know, is kept as it was. Returns notes on what changed beyond
 * the obvious.
 */
export function rewriteForClone(xml: string, r: CloneRewrite): { xml: string; notes: string[] } {
  const d = openDomain(xml);
  const root = d.root;
  const notes: string[] = [];

  setName(d, r.name);
  setUuid(d, r.uuid);
  // A generated ID identifies a VM instance to the guest (Windows): a clone needs its own.
  const genid = child(root, 'genid');
  if (genid) {
    genid.parentNode?.removeChild(genid);
    notes.push('The VM generation ID is removed: libvirt gives the clone a new one.');
  }

  const nvram = child(child(root, 'os'), 'nvram');
  if (nvram && (nvram.textContent ?? '').trim() !== '') {
    // An empty <nvram> makes libvirt create the clone's own variable store from the template.
    while (nvram.firstChild) nvram.removeChild(nvram.firstChild);
    nvram.removeAttribute('type');
    notes.push('UEFI variables start from the firmware template (the source’s NVRAM file is not shared).');
  }

  const emulator = deviceElements(d, 'emulator')[0];
  if (r.emulator && emulator && (emulator.textContent ?? '').trim() !== r.emulator) {
    emulator.textContent = r.emulator;
    notes.push(`Emulator set to the target host’s ${r.emulator}.`);
  }
  for (const disk of deviceElements(d, 'disk')) {
    const rw = r.disks.get(attr(child(disk, 'target'), 'dev') ?? '');
    if (!rw || rw.mode === 'share') continue;
    // The copy is a standalone image: setDiskSource drops the backing chain.
    if (rw.mode === 'detach') removeDevice(disk);
    else setDiskSource(disk, { type: rw.type, path: rw.path });
  }
  deviceElements(d, 'interface').forEach((nic, i) => {
    const rw = r.nics[i];
    if (!rw) return;
    if (rw.target?.kind === 'none') {
      removeDevice(nic);
      return;
    }
    setInterfaceMac(nic, rw.mac);
    // A fixed tap name would collide with the source's.
    const t = child(nic, 'target');
    if (t && attr(t, 'dev')) removeDevice(t);
    if (rw.target && setInterfaceSource(nic, rw.target)) notes.push(`NIC ${rw.mac} now on ${rw.target.kind} ${rw.target.name}.`);
  });
  for (const tag of ['serial', 'console', 'channel', 'parallel']) {
    for (const c of deviceElements(d, tag)) {
      const log = child(c, 'log');
      const file = attr(log, 'file');
      if (log && file) log.setAttribute('file', renamed(file, r.sourceName, r.name));
      const src = child(c, 'source');
      const sp = attr(src, 'path');
      if (src && sp && attr(c, 'type') === 'file') src.setAttribute('path', renamed(sp, r.sourceName, r.name));
    }
  }
  for (const g of deviceElements(d, 'graphics')) {
    if (attr(g, 'autoport') === 'no' || (attr(g, 'port') && attr(g, 'port') !== '-1')) {
      g.setAttribute('autoport', 'yes');
      g.removeAttribute('port');
      g.removeAttribute('websocket');
      notes.push(`The ${attr(g, 'type') ?? ''} display port is now chosen automatically (the source’s was fixed).`);
    }
  }
  return { xml: domainToXml(d), notes };
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
