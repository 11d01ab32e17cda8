/**
 * What the install and clone wizards read from a host: the hypervisor's defaults (domain type,
 * machine, emulator, CPU mode), pools and their volumes, names already taken.
 */
import type { StorageVolumeInfo } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { RpcClient } from '../libvirt/client';
import { domainGetXmlDesc, domainListAll, domainLookupByName, domainLookupByUuid } from '../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../libvirt/errors';
import { hostGetCapabilities, hostGetDomainCapabilities } from '../libvirt/host';
import type { StoragePoolRef, StorageVolRef } from '../libvirt/protocol';
import { poolLookupByName, volGetInfo, volGetPath, volGetXmlDesc, volListAll, volLookupByName } from '../libvirt/storage';
import { attr, child, type Element, children as kids, parseXml, path, text } from '../xml/dom';
import { readPool } from './storage/facts';

/** Direct children with this tag of an element that may be missing. */
function children(el: Element | null | undefined, tag: string): Element[] {
  return el ? kids(el, tag) : [];
}

export interface HypervisorFacts {
  domainType: 'kvm' | 'qemu';
  /** Domain types the host offers for its arch. */
  domainTypes: ('kvm' | 'qemu')[];
  arch: string;
  machine: string;
  emulator: string;
  cpu: { mode: 'host-model' } | { mode: 'custom'; model: string };
  maxVcpus: number;
  /** Machine types the emulator offers (canonical names and aliases). */
  machines: Set<string>;
}

/**
 * Reads capabilities + domain capabilities for `virtType` (default: kvm when offered): q35 when
 * the emulator has it, host-model when the hypervisor supports it.
 */
export async function hypervisorFacts(rpc: RpcClient, virtType?: 'kvm' | 'qemu'): Promise<HypervisorFacts> {
  const caps = parseXml(await hostGetCapabilities(rpc), 'the host capabilities').documentElement;
  const arch = text(path(caps, 'host', 'cpu', 'arch')) ?? 'x86_64';
  const domainTypes = new Set<'kvm' | 'qemu'>(['qemu']);
  const machines = new Set<string>();
  for (const g of children(caps, 'guest')) {
    if (text(child(g, 'os_type')) !== 'hvm') continue;
    const a = child(g, 'arch');
    if (attr(a, 'name') !== arch || !a) continue;
    for (const m of children(a, 'machine')) {
      const name = text(m);
      if (name) machines.add(name);
      const canonical = attr(m, 'canonical');
      if (canonical) machines.add(canonical);
    }
    for (const d of children(a, 'domain')) if (attr(d, 'type') === 'kvm') domainTypes.add('kvm');
  }
  if (virtType && !domainTypes.has(virtType))
    throw new AppError(
      'invalid-input',
      `This host offers no ${virtType.toUpperCase()} domains for ${arch}`,
      'Choose software emulation (QEMU).',
    );
  const domainType = virtType ?? (domainTypes.has('kvm') ? 'kvm' : 'qemu');
  const x86 = arch === 'x86_64' || arch === 'i686';
  let domcapsXml: string;
  try {
    domcapsXml = await hostGetDomainCapabilities(rpc, {
      arch,
      virtType: domainType,
      ...(x86 && machines.has('q35') ? { machine: 'q35' } : {}),
    });
  } catch {
    domcapsXml = await hostGetDomainCapabilities(rpc, { arch, virtType: domainType });
  }
  const dc = parseXml(domcapsXml, 'the domain capabilities').documentElement;
  const emulator = text(child(dc, 'path')) ?? '/usr/bin/qemu-system-x86_64';
  const machine = text(child(dc, 'machine')) ?? 'pc';
  const maxVcpus = Number(attr(child(dc, 'vcpu'), 'max') ?? 255);
  let cpu: HypervisorFacts['cpu'] = { mode: 'custom', model: 'qemu64' };
  const modes = children(child(dc, 'cpu'), 'mode');
  const hostModel = modes.find((m) => attr(m, 'name') === 'host-model');
  if (hostModel && attr(hostModel, 'supported') === 'yes') cpu = { mode: 'host-model' };
  else {
    const custom = modes.find((m) => attr(m, 'name') === 'custom');
    const usable = children(custom, 'model')
      .filter((m) => attr(m, 'usable') === 'yes')
      .map((m) => text(m) ?? '');
    cpu = { mode: 'custom', model: usable.includes('qemu64') ? 'qemu64' : (usable[0] ?? 'qemu64') };
  }
  return {
    domainType,
    domainTypes: [...domainTypes].sort(),
    arch,
    machine,
    emulator,
    cpu,
    maxVcpus: Number.isFinite(maxVcpus) ? maxVcpus : 255,
    machines,
  };
}

/** True when the libvirt error says the object does not exist. */
export function isMissing(err: unknown, code: number): boolean {
  return isLibvirtError(err, code);
}

async function absent<T>(p: Promise<T>, code: number): Promise<boolean> {
  try {
    await p;
    return false;
  } catch (err) {
    if (isMissing(err, code)) return true;
    throw err;
  }
}

export async function domainNameFree(rpc: RpcClient, name: string): Promise<boolean> {
  return absent(domainLookupByName(rpc, name), ErrorCode.NO_DOMAIN);
}

export async function domainUuidFree(rpc: RpcClient, uuid: string): Promise<boolean> {
  return absent(domainLookupByUuid(rpc, uuid), ErrorCode.NO_DOMAIN);
}

export async function volumeNameFree(rpc: RpcClient, pool: StoragePoolRef, name: string): Promise<boolean> {
  return absent(volLookupByName(rpc, pool, name), ErrorCode.NO_STORAGE_VOL);
}

export interface PoolFacts {
  ref: StoragePoolRef;
  type: string;
  /** target/path (a directory for dir pools, /dev/<vg> for logical ones). */
  path?: string;
  active: boolean;
  available: number;
}

/**
 * A pool by name, with a clear error when it is missing or not running. Read as the Storage tab
 * reads each pool (storage/facts.ts readPool: sizes, state, type and target path from its XML).
 */
export async function activePool(rpc: RpcClient, name: string, hostLabel: string): Promise<PoolFacts> {
  let ref: StoragePoolRef;
  try {
    ref = await poolLookupByName(rpc, name);
  } catch (err) {
    if (isMissing(err, ErrorCode.NO_STORAGE_POOL))
      throw new AppError('not-found', `${hostLabel} has no storage pool "${name}"`, 'Pick another pool.');
    throw err;
  }
  const row = await readPool(rpc, ref);
  if (row.state !== 'running')
    throw new AppError(
      'pool-inactive',
      `The storage pool "${name}" on ${hostLabel} is not running`,
      'Start the pool on the host (virsh pool-start), then try again.',
    );
  return { ref, type: row.type, ...(row.targetPath ? { path: row.targetPath } : {}), active: true, available: row.available };
}

/** Where a new volume of this pool will live (known before it exists for directory-like pools). */
export function plannedPath(pool: PoolFacts, volume: string): string {
  return `${pool.path ?? ''}/${volume}`;
}

/** A volume's facts (format, physical size, backing file) from its XML. */
export async function volumeFacts(rpc: RpcClient, pool: string, ref: StorageVolRef): Promise<StorageVolumeInfo & { backing?: string }> {
  const [info, xml, p] = await Promise.all([volGetInfo(rpc, ref), volGetXmlDesc(rpc, ref), volGetPath(rpc, ref)]);
  const root = parseXml(xml, `volume ${ref.name}`).documentElement;
  const format = attr(path(root, 'target', 'format'), 'type');
  const physical = text(child(root, 'physical'));
  const backing = text(path(root, 'backingStore', 'path'));
  const TYPES = ['file', 'block', 'dir', 'network', 'netdir', 'ploop'];
  return {
    pool,
    name: ref.name,
    path: p,
    type: TYPES[info.type] ?? 'other',
    ...(format ? { format } : {}),
    capacity: info.capacity,
    allocation: info.allocation,
    ...(physical !== undefined && physical !== '' ? { physical: Number(physical) } : {}),
    ...(backing ? { backing } : {}),
  };
}

export async function poolVolumes(rpc: RpcClient, poolName: string, hostLabel: string): Promise<StorageVolumeInfo[]> {
  const pool = await activePool(rpc, poolName, hostLabel);
  const refs = await volListAll(rpc, pool.ref);
  const vols = await Promise.all(
    refs.map(
      (r) => volumeFacts(rpc, poolName, r).catch(() => null), // removed meanwhile: skip it
    ),
  );
  return vols.filter((v): v is StorageVolumeInfo => v !== null).sort((a, b) => a.name.localeCompare(b.name));
}

/** Every MAC and name of the host's domains (a new MAC must not collide with one of them). */
export async function hostMacsAndNames(rpc: RpcClient): Promise<{ macs: Set<string>; names: Set<string> }> {
  const doms = await domainListAll(rpc);
  const macs = new Set<string>();
  const names = new Set<string>();
  await Promise.all(
    doms.map(async (d) => {
      names.add(d.name);
      try {
        const root = parseXml(await domainGetXmlDesc(rpc, d), `domain ${d.name}`).documentElement;
        for (const i of children(child(root, 'devices'), 'interface')) {
          const m = attr(child(i, 'mac'), 'address');
          if (m) macs.add(m.toLowerCase());
        }
      } catch {
        // gone meanwhile
      }
    }),
  );
  return { macs, names };
}
