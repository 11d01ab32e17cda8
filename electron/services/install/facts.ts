/**
 * Everything an install reads from its host, as plain data (JSON-serialisable: the unit tests
 * replay facts captured from the lab). checks.ts refuses, plan.ts plans; nothing is decided here.
 */
import type { HostDetails, HostId, InstallOptions, InstallSpec, NetworkSummary, OsVariant } from '../../../shared/api';
import { ErrorCode, isAppError, isLibvirtError } from '../../libvirt/errors';
import type { StoragePoolRef } from '../../libvirt/protocol';
import { volLookupByName } from '../../libvirt/storage';
import { activePool, domainNameFree, domainUuidFree, hostMacsAndNames, hypervisorFacts, volumeFacts, volumeNameFree } from '../hostfacts';
import { type HostIo, hostBridges, hostReadable } from '../transfer';
import { type FirmwareCaps, readFirmwareCaps } from './firmware';
import { BUILTIN_OS_VARIANTS, parseOsinfoQuery } from './osvariants';
import { treeCandidates, urlJoin } from './tree';

/** The hypervisor's defaults (hostfacts' HypervisorFacts with its machine set as a sorted list). */
export interface HypervisorData {
  domainType: 'kvm' | 'qemu';
  domainTypes: ('kvm' | 'qemu')[];
  arch: string;
  machine: string;
  emulator: string;
  cpu: { mode: 'host-model' } | { mode: 'custom'; model: string };
  maxVcpus: number;
}

export interface OsList {
  list: OsVariant[];
  source: InstallOptions['osinfoSource'];
}

/** A volume the spec names (an ISO, an image to import, an existing disk). */
export interface NamedVolume {
  name: string;
  /** null: the pool has no such volume. */
  vol: { path: string; type: string; format?: string } | null;
}

export type InstallPoolFacts =
  | { name: string; status: 'missing' | 'inactive' }
  | {
      name: string;
      status: 'running';
      ref: StoragePoolRef;
      type: string;
      path?: string;
      available: number;
      /** The new disk's name is taken in this pool. */
      newNameTaken: boolean;
      volumes: NamedVolume[];
    };

export interface InstallFacts {
  hostId: HostId;
  label: string;
  /** null when the host offers no domains of the spec's virtType (refusal in checks). */
  hypervisor: HypervisorData | null;
  /** The refusal hypervisorFacts gave for the virtType (message, hint). */
  virtTypeRefused?: { message: string; hint?: string };
  os: OsList;
  uuid: string;
  nameFree: boolean;
  uuidFree: boolean;
  pools: InstallPoolFacts[];
  /** MACs of the host's domains (read when the VM gets a NIC). */
  macs: string[];
  /** Host bridges (read for a NIC on a bridge). */
  bridges: string[] | null;
  /** The host's networks (read for a NIC on a network). */
  networks: NetworkSummary[] | null;
  /** The kernel source's files the host can read. */
  readable: string[];
  /** Network install: the tree URLs that answered the host's HEAD probe. */
  treeUrls: string[];
  /** UEFI, secure boot and TPM as the host offers them (read when the spec asks for any). */
  firmware?: FirmwareCaps;
}

/** How an install reaches its host. */
export interface InstallHosts {
  io(id: HostId): HostIo;
  details(id: HostId): Promise<HostDetails>;
}

/** libosinfo's list on the host, else the built-in one. */
export async function readOsList(io: HostIo): Promise<OsList> {
  try {
    const r = await io.run(['osinfo-query', 'os', '--fields=short-id,name,family,id']);
    const list = r.code === 0 ? parseOsinfoQuery(r.stdout) : [];
    if (list.length) return { list, source: 'osinfo-query' };
  } catch {
    // no osinfo-query: the built-in list
  }
  return { list: [...BUILTIN_OS_VARIANTS], source: 'built-in' };
}

/** The hypervisor facts as data; an unsupported virtType is recorded, not thrown. */
async function readHypervisor(
  io: HostIo,
  virtType: InstallSpec['virtType'],
): Promise<Pick<InstallFacts, 'hypervisor' | 'virtTypeRefused'>> {
  try {
    const { machines: _machines, ...h } = await hypervisorFacts(io.rpc(), virtType);
    return { hypervisor: h };
  } catch (err) {
    if (isAppError(err, 'invalid-input'))
      return { hypervisor: null, virtTypeRefused: { message: err.message, ...(err.hint ? { hint: err.hint } : {}) } };
    throw err;
  }
}

async function readPool(io: HostIo, name: string, newName: string | undefined, volumes: readonly string[]): Promise<InstallPoolFacts> {
  const rpc = io.rpc();
  let pool: Awaited<ReturnType<typeof activePool>>;
  try {
    pool = await activePool(rpc, name, io.label);
  } catch (err) {
    if (isAppError(err, 'not-found')) return { name, status: 'missing' };
    if (isAppError(err, 'pool-inactive')) return { name, status: 'inactive' };
    throw err;
  }
  const named: NamedVolume[] = [];
  for (const v of volumes) {
    try {
      const f = await volumeFacts(rpc, name, await volLookupByName(rpc, pool.ref, v));
      named.push({ name: v, vol: { path: f.path, type: f.type, ...(f.format ? { format: f.format } : {}) } });
    } catch (err) {
      if (!isLibvirtError(err, ErrorCode.NO_STORAGE_VOL)) throw err;
      named.push({ name: v, vol: null });
    }
  }
  return {
    name,
    status: 'running',
    ref: pool.ref,
    type: pool.type,
    ...(pool.path !== undefined ? { path: pool.path } : {}),
    available: pool.available,
    newNameTaken: newName !== undefined && !(await volumeNameFree(rpc, pool.ref, newName)),
    volumes: named,
  };
}

/** Which kernel + initrd URLs of a network install tree answer, probed from the host (it downloads, not this computer). */
async function probeTree(io: HostIo, src: Extract<InstallSpec['source'], { kind: 'url' }>): Promise<string[]> {
  if (src.kernel && src.initrd) return [];
  const urls = treeCandidates(src).flatMap((c) => [urlJoin(src.url, c.kernel), urlJoin(src.url, c.initrd)]);
  const r = await io.run([
    'sh',
    '-c',
    'for u in "$@"; do if command -v curl >/dev/null 2>&1; then curl -fsIL --proto =http,https --max-time 10 -o /dev/null -- "$u" && printf "%s\\n" "$u"; else wget -q --spider -T 10 -- "$u" && printf "%s\\n" "$u"; fi; done; true',
    'sh',
    ...urls,
  ]);
  return r.stdout.split('\n').filter(Boolean);
}

/** Reads what a spec needs from its host. `uuid` is the VM's UUID (the spec's, else a new one); `os` the host's OS list (cached by the service). */
export async function collectInstallFacts(hosts: InstallHosts, spec: InstallSpec, uuid: string, os: OsList): Promise<InstallFacts> {
  const io = hosts.io(spec.hostId);
  const rpc = io.rpc();
  const src = spec.source;
  // Each pool the spec names, once, with the volumes it names there.
  const pools = new Map<string, { newName?: string; volumes: string[] }>();
  const want = (pool: string) => pools.get(pool) ?? (pools.set(pool, { volumes: [] }).get(pool) as { newName?: string; volumes: string[] });
  if (src.kind === 'iso' || src.kind === 'import') want(src.pool).volumes.push(src.volume);
  if (spec.disk.kind === 'new') want(spec.disk.pool).newName = spec.disk.name;
  if (spec.disk.kind === 'existing') want(spec.disk.pool).volumes.push(spec.disk.volume);
  const files = src.kind === 'kernel' ? [src.kernel, ...(src.initrd ? [src.initrd] : [])] : [];
  const [hv, nameFree, uuidFree, poolFacts, taken, bridges, details, readable, treeUrls] = await Promise.all([
    readHypervisor(io, spec.virtType),
    domainNameFree(rpc, spec.name),
    domainUuidFree(rpc, uuid),
    Promise.all([...pools].map(([name, w]) => readPool(io, name, w.newName, w.volumes))),
    spec.nic.kind !== 'none' ? hostMacsAndNames(rpc) : null,
    spec.nic.kind === 'bridge' ? hostBridges(io) : null,
    spec.nic.kind === 'network' ? hosts.details(spec.hostId) : null,
    files.length ? hostReadable(io, files) : new Set<string>(),
    src.kind === 'url' ? probeTree(io, src) : [],
  ]);
  const wantsFirmware = (spec.firmware ?? 'bios') !== 'bios' || spec.tpm === true;
  const firmware = wantsFirmware && hv.hypervisor ? await readFirmwareCaps(rpc, hv.hypervisor) : undefined;
  return {
    hostId: spec.hostId,
    label: io.label,
    ...hv,
    os,
    uuid,
    nameFree,
    uuidFree,
    pools: poolFacts,
    macs: taken ? [...taken.macs].sort() : [],
    bridges,
    networks: details?.networks ?? null,
    readable: files.filter((f) => readable.has(f)),
    treeUrls,
    ...(firmware ? { firmware } : {}),
  };
}

/** What the wizard's first page reads (options are not checked: they are what the host offers). */
export async function collectInstallOptionsFacts(
  hosts: InstallHosts,
  hostId: HostId,
  os: OsList,
): Promise<{
  hostId: HostId;
  label: string;
  details: HostDetails;
  hypervisor: HypervisorData;
  os: OsList;
  bridges: string[];
  firmware: FirmwareCaps;
}> {
  const io = hosts.io(hostId);
  const [details, h, bridges] = await Promise.all([hosts.details(hostId), hypervisorFacts(io.rpc()), hostBridges(io)]);
  const { machines: _m, ...hypervisor } = h;
  const firmware = await readFirmwareCaps(io.rpc(), hypervisor);
  return { hostId, label: io.label, details, hypervisor, os, bridges, firmware };
}
