/**
 * Migration pre-flight: what would stop or endanger a migration, checked on both hosts before
 * anything moves. Each check says pass / warn / fail, why, and the fix where one exists. The
 * same pass also plans the run: flags, params, where each disk goes, the rewritten definition
 * for the destination, and the equivalent virsh command line.
 */
import { posix } from 'node:path';
import type { DomainState, HostInfo, MIGRATION_FIXES, MigrationPlan, MigrationSpec, PreflightCheck } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { RpcClient } from '../libvirt/client';
import {
  domainDefineXml,
  domainGetJobStats,
  domainGetState,
  domainGetXmlDesc,
  domainListAll,
  domainLookupByName,
  domainLookupByUuid,
  domainUndefine,
} from '../libvirt/domain';
import { ErrorCode } from '../libvirt/errors';
import { hostCompareHypervisorCpu, hostGetFreeMemory } from '../libvirt/host';
import { networkListAll } from '../libvirt/network';
import {
  CompareCpuFlags,
  CpuCompareResult,
  type DomainRef,
  DomainXmlFlags,
  JobOperation,
  JobType,
  ListDomainsFlags,
  ListNetworksFlags,
  MigrateFlags,
  type StorageVolRef,
  UndefineFlags,
} from '../libvirt/protocol';
import { poolGetInfo, poolGetXmlDesc, poolListAll, volGetInfo, volLookupByPath } from '../libvirt/storage';
import { attr, child, children, type Document, type Element, kib, parseXml, path, serializeXml, text } from '../xml/dom';
import { stateOf } from './domains';
import type { HostManager } from './hosts';
import { type HostIo, hostIo } from './transfer';

/** File systems libvirt itself treats as shared storage (virFileIsSharedFS): no --unsafe needed. */
const SHARED_FS = new Set([
  'nfs',
  'gfs',
  'gfs2',
  'ocfs2',
  'afs',
  'smb',
  'smb2',
  'cifs',
  'ceph',
  'gpfs',
  'fuse.glusterfs',
  'glusterfs',
  'fuse.quobyte',
  'beegfs',
  'lustre',
]);
const SAFE_CACHE = new Set(['none', 'directsync']);

export interface DiskPlan {
  target: string;
  /** 'file' | 'block' | 'network' | 'volume' … */
  type: string;
  source: string;
  format: string;
  readonly: boolean;
  cache: string;
  /** Copied by this migration (copy storage, writable). */
  copy: boolean;
  /** Path on the destination (differs from source when another pool was chosen). */
  dest: string;
  destPool?: string;
  /** Bytes that cross the network for this disk. */
  bytes: number;
  /** Virtual size (what the guest sees). */
  capacity: number;
  /** Size of the file on the source (what an offline copy streams). */
  fileSize: number;
  /** The source volume (offline copy streams it out of its pool). */
  srcVol?: StorageVolRef;
  /** A volume was at the destination path before we started (never deleted by a cleanup). */
  preexisting: boolean;
}

/** Everything the run needs beside the public plan. */
export interface Preflight {
  plan: MigrationPlan;
  dom: DomainRef;
  name: string;
  destName: string;
  state: DomainState;
  persistent: boolean;
  disks: DiskPlan[];
  flags: number;
  params: Record<string, string | number | string[]>;
  /** The destination's copy of the VM (stale definition), for the 'undefine-stale' fix. */
  stale?: { dom: DomainRef; state: DomainState };
  peerUri?: string;
}

export const MIGRATE_FLAG_NAMES: [number, string][] = [
  [MigrateFlags.LIVE, '--live'],
  [MigrateFlags.OFFLINE, '--offline'],
  [MigrateFlags.PEER2PEER, '--p2p'],
  [MigrateFlags.TUNNELLED, '--tunnelled'],
  [MigrateFlags.PERSIST_DEST, '--persistent'],
  [MigrateFlags.UNDEFINE_SOURCE, '--undefinesource'],
  [MigrateFlags.NON_SHARED_DISK, '--copy-storage-all'],
  [MigrateFlags.UNSAFE, '--unsafe'],
  [MigrateFlags.AUTO_CONVERGE, '--auto-converge'],
  [MigrateFlags.POSTCOPY, '--postcopy'],
  [MigrateFlags.COMPRESSED, '--compressed'],
  [MigrateFlags.PARALLEL, '--parallel'],
];

const shq = (s: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const mib = (b: number): string => `${(b / 1024 / 1024).toFixed(b >= 100 * 1024 * 1024 ? 0 : 1)} MiB`;
const size = (b: number): string => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : mib(b));

/** The destination's libvirt URI as the source reaches it, from how the app reaches it. */
export function defaultPeerUri(dest: HostInfo): string | undefined {
  const s = dest.spec;
  if (s.transport !== 'ssh' || !s.address) return undefined;
  const host = s.address.includes(':') ? `[${s.address}]` : s.address;
  const port = s.port && s.port !== 22 ? `:${s.port}` : '';
  return `qemu+ssh://${s.user ? `${s.user}@` : ''}${host}${port}/system`;
}

/** How virsh would reach a host from the admin's laptop (for the equivalent command line). */
function virshUri(h: HostInfo): string {
  return defaultPeerUri(h) ?? h.spec.uri;
}

/** Flags for a spec (UNSAFE decided by the storage check). */
export function migrationFlags(spec: MigrationSpec, needUnsafe: boolean): number {
  let f = spec.mode === 'live' ? MigrateFlags.LIVE : MigrateFlags.OFFLINE;
  if (spec.persist) f |= MigrateFlags.PERSIST_DEST;
  if (spec.undefineSource) f |= MigrateFlags.UNDEFINE_SOURCE;
  if (spec.transport === 'p2p') f |= MigrateFlags.PEER2PEER;
  if (spec.tunnelled) f |= MigrateFlags.TUNNELLED;
  if (spec.mode === 'live' && spec.storage === 'copy') f |= MigrateFlags.NON_SHARED_DISK;
  if (needUnsafe) f |= MigrateFlags.UNSAFE;
  if (spec.autoConverge) f |= MigrateFlags.AUTO_CONVERGE;
  if (spec.postCopy) f |= MigrateFlags.POSTCOPY;
  if (spec.compression !== 'none') f |= MigrateFlags.COMPRESSED;
  if (spec.compression === 'zstd') f |= MigrateFlags.PARALLEL;
  return f >>> 0;
}

export function migrationParams(spec: MigrationSpec, name: string): Record<string, string | number | string[]> {
  const p: Record<string, string | number | string[]> = {};
  if (spec.newName && spec.newName !== name) p.destination_name = spec.newName;
  if (spec.bandwidthMiBps) p.bandwidth = spec.bandwidthMiBps;
  if (spec.autoConverge) {
    p['auto_converge.initial'] = spec.autoConverge.initial;
    p['auto_converge.increment'] = spec.autoConverge.increment;
  }
  if (spec.compression === 'xbzrle') p.compression = ['xbzrle'];
  if (spec.compression === 'zstd') {
    p.compression = ['zstd'];
    p['parallel.connections'] = 2;
  }
  return p;
}

/** The same migration as virsh would run it from the admin's laptop. */
export function virshCommand(spec: MigrationSpec, src: HostInfo, dst: HostInfo, name: string, flags: number, peerUri?: string): string {
  const words = ['virsh', '-c', virshUri(src), 'migrate'];
  for (const [bit, w] of MIGRATE_FLAG_NAMES) if (flags & bit) words.push(w);
  if (spec.bandwidthMiBps) words.push('--bandwidth', String(spec.bandwidthMiBps));
  if (spec.autoConverge)
    words.push(
      '--auto-converge-initial',
      String(spec.autoConverge.initial),
      '--auto-converge-increment',
      String(spec.autoConverge.increment),
    );
  if (spec.compression !== 'none') words.push('--comp-methods', spec.compression);
  if (spec.compression === 'zstd') words.push('--parallel-connections', '2');
  if (spec.newName && spec.newName !== name) words.push('--dname', spec.newName);
  if (spec.storage === 'copy' && spec.destPool) words.push('--xml', `<definition with the disks in pool ${spec.destPool}>`);
  words.push('--verbose', name, spec.transport === 'p2p' ? (peerUri ?? '?') : virshUri(dst));
  return words.map(shq).join(' ');
}

// ---- facts gathered once ---------------------------------------------------------------------------

interface FileFact {
  exists: boolean;
  size: number;
  mtime: number;
  kind: string;
  fs: string;
}

// One command per host for what the checks need from its file system and network: paths
// (size, mtime, type, file system), its bridges, whether it reaches an address. Each SSH exec
// costs a round trip and a process, so one exec answers all; arguments are positional words.
const PROBE_SCRIPT = `bridges=$1; ra=$2; rp=$3; shift 3
echo @stat
for p in "$@"; do
  if [ -e "$p" ]; then
    if [ -b "$p" ]; then s=$(blockdev --getsize64 "$p" 2>/dev/null || echo 0); else s=$(stat -L -c %s -- "$p"); fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$s" "$(stat -L -c %Y -- "$p")" "$(stat -L -c %F -- "$p")" "$(stat -f -L -c %T -- "$p")"
  else printf '%s\t-\n' "$p"; fi
done
if [ "$bridges" = 1 ]; then
  echo @bridges
  for d in /sys/class/net/*/bridge; do [ -d "$d" ] && basename "$(dirname "$d")"; done
fi
if [ "$ra" != - ]; then
  if command -v nc >/dev/null 2>&1; then out=$(nc -z -w 4 "$ra" "$rp" 2>&1); rc=$?
  else out=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$ra" "$rp" 2>&1); rc=$?; fi
  echo "@reach $rc"
  printf '%s\n' "$out"
fi
true`;

interface Probe {
  files: Map<string, FileFact>;
  bridges: string[];
  reach?: { ok: boolean; output: string };
}

async function probeHost(
  io: HostIo,
  o: { paths: readonly string[]; bridges?: boolean; reach?: { addr: string; port: number } },
): Promise<Probe> {
  const r = await io.run([
    'sh',
    '-c',
    PROBE_SCRIPT,
    'sh',
    o.bridges ? '1' : '0',
    o.reach?.addr ?? '-',
    String(o.reach?.port ?? '-'),
    ...new Set(o.paths),
  ]);
  const files = new Map<string, FileFact>();
  const bridges: string[] = [];
  let reach: Probe['reach'];
  let section = '';
  const reachOut: string[] = [];
  for (const line of r.stdout.split('\n')) {
    if (line === '@stat' || line === '@bridges') {
      section = line;
      continue;
    }
    const m = /^@reach (\d+)$/.exec(line);
    if (m) {
      section = '@reach';
      reach = { ok: m[1] === '0', output: '' };
      continue;
    }
    if (section === '@stat' && line) {
      const [p, sz, mt, kind, fs] = line.split('\t');
      if (!p) continue;
      if (sz === '-' || sz === undefined) files.set(p, { exists: false, size: 0, mtime: 0, kind: '', fs: '' });
      else files.set(p, { exists: true, size: Number(sz), mtime: Number(mt), kind: kind ?? '', fs: fs ?? '' });
    } else if (section === '@bridges' && /^[A-Za-z0-9_.:-]{1,15}$/.test(line)) bridges.push(line);
    else if (section === '@reach' && line) reachOut.push(line);
  }
  if (reach) reach.output = reachOut.join(' ').trim();
  if (r.code !== 0 && files.size === 0) throw new AppError('probe', `${io.label}: ${r.stderr.trim() || `exit ${r.code}`}`);
  return { files, bridges, ...(reach ? { reach } : {}) };
}

export interface QemuImgInfo {
  virtualSize: number;
  format: string;
  backing?: string;
}

/** qemu-img info of a file on the host (-U: the running guest holds the image's lock; `--`: a path is never an option). */
export async function qemuImgInfo(io: HostIo, p: string): Promise<QemuImgInfo | null> {
  const r = await io.run(['qemu-img', 'info', '-U', '--output=json', '--', p]).catch(() => null);
  if (r?.code !== 0) return null;
  try {
    const j = JSON.parse(r.stdout) as { 'virtual-size'?: number; format?: string; 'backing-filename'?: string };
    return {
      virtualSize: j['virtual-size'] ?? 0,
      format: j.format ?? 'raw',
      ...(j['backing-filename'] ? { backing: j['backing-filename'] } : {}),
    };
  } catch {
    return null;
  }
}

interface PoolFact {
  name: string;
  path?: string;
  active: boolean;
  available: number;
}

async function poolFacts(rpc: RpcClient): Promise<PoolFact[]> {
  const pools = await poolListAll(rpc);
  return Promise.all(
    pools.map(async (p) => {
      const [info, xml] = await Promise.all([poolGetInfo(rpc, p), poolGetXmlDesc(rpc, p)]);
      const poolPath = text(path(parseXml(xml, `pool ${p.name}`).documentElement, 'target', 'path'));
      return {
        name: p.name,
        ...(poolPath ? { path: poolPath.replace(/\/+$/, '') || '/' } : {}),
        active: info.state === 2,
        available: info.available,
      };
    }),
  );
}

interface DiskXml {
  el: Element;
  target: string;
  device: string;
  type: string;
  source?: string;
  format: string;
  cache: string;
  readonly: boolean;
  shareable: boolean;
  backing: boolean;
}

function disksOf(doc: Document): DiskXml[] {
  const devices = child(doc.documentElement, 'devices');
  if (!devices) return [];
  return children(devices, 'disk').map((d) => {
    const src = child(d, 'source');
    const type = attr(d, 'type') ?? 'file';
    const source =
      attr(src, 'file') ??
      attr(src, 'dev') ??
      (type === 'volume' && src ? `${attr(src, 'pool')}/${attr(src, 'volume')}` : undefined) ??
      attr(src, 'name');
    const backingSrc = child(child(d, 'backingStore'), 'source');
    return {
      el: d,
      target: attr(child(d, 'target'), 'dev') ?? '?',
      device: attr(d, 'device') ?? 'disk',
      type,
      ...(source ? { source } : {}),
      format: attr(child(d, 'driver'), 'type') ?? 'raw',
      cache: attr(child(d, 'driver'), 'cache') ?? 'default',
      readonly: !!child(d, 'readonly') || attr(d, 'device') === 'cdrom',
      shareable: !!child(d, 'shareable'),
      backing: !!backingSrc,
    };
  });
}

function setDiskSource(d: Element, p: string): void {
  const src = child(d, 'source');
  if (!src) return;
  if (src.hasAttribute('file')) src.setAttribute('file', p);
  else if (src.hasAttribute('dev')) src.setAttribute('dev', p);
}

function setDiskCache(doc: Document, d: Element, cache: string): void {
  let drv = child(d, 'driver');
  if (!drv) {
    drv = doc.createElement('driver');
    drv.setAttribute('name', 'qemu');
    d.insertBefore(drv, d.firstChild);
  }
  drv.setAttribute('cache', cache);
}

// ---- the checks ----------------------------------------------------------------------------------

type Check = Omit<PreflightCheck, 'id' | 'title'>;
const worst = (xs: readonly Check['status'][]): Check['status'] => (xs.includes('fail') ? 'fail' : xs.includes('warn') ? 'warn' : 'pass');

async function guarded(id: PreflightCheck['id'], title: string, fn: () => Promise<Check>): Promise<PreflightCheck> {
  try {
    return { id, title, ...(await fn()) };
  } catch (err) {
    return { id, title, status: 'fail', message: `Could not check: ${(err as Error).message}` };
  }
}

export interface PreflightHosts {
  hosts: HostManager;
}

/** Runs every check and plans the migration. Throws only when a host is not usable at all. */
export async function runPreflight(hosts: HostManager, spec: MigrationSpec): Promise<Preflight> {
  const srcInfo = hosts.list().find((h) => h.id === spec.hostId);
  const dstInfo = hosts.list().find((h) => h.id === spec.destHostId);
  if (!srcInfo || !dstInfo)
    throw new AppError('not-found', 'One of the two hosts is no longer in the host list', 'Refresh and pick the destination again.');
  const src = hostIo(hosts, spec.hostId);
  const dst = hostIo(hosts, spec.destHostId);
  const srcRpc = src.rpc();
  const dstRpc = dst.rpc();
  const A = srcInfo.spec.name;
  const B = dstInfo.spec.name;

  const dom = await domainLookupByUuid(srcRpc, spec.uuid).catch((err: Error) => {
    throw new AppError(
      'not-found',
      `The VM is not on ${A} any more: ${err.message}`,
      'It may have moved or been deleted; refresh the list.',
    );
  });
  const name = dom.name;
  const destName = spec.newName ?? name;
  const [st, persistentList, jobStats] = await Promise.all([
    domainGetState(srcRpc, dom),
    domainListAll(srcRpc, { flags: ListDomainsFlags.PERSISTENT }),
    domainGetJobStats(srcRpc, dom).catch(() => null),
  ]);
  const state = stateOf(st.state);
  const persistent = persistentList.some((d) => d.uuid === dom.uuid);
  const live = spec.mode === 'live';
  const active = state !== 'shutoff' && state !== 'crashed';
  // What libvirt would send: the migratable definition (live when running), with secrets kept.
  const xmlFlags = DomainXmlFlags.SECURE | DomainXmlFlags.MIGRATABLE | (active ? 0 : DomainXmlFlags.INACTIVE);
  const [xml, inactiveXml] = await Promise.all([
    domainGetXmlDesc(srcRpc, dom, { flags: xmlFlags }),
    persistent
      ? domainGetXmlDesc(srcRpc, dom, { flags: DomainXmlFlags.SECURE | DomainXmlFlags.MIGRATABLE | DomainXmlFlags.INACTIVE })
      : Promise.resolve(null),
  ]);
  const doc = parseXml(xml, `the definition of ${name}`);
  const inactiveDoc = inactiveXml ? parseXml(inactiveXml, `the definition of ${name}`) : null;
  const root = doc.documentElement;
  if (!root) throw new AppError('xml', `Empty definition of ${name}`);
  const disks = disksOf(doc);
  const inactiveDisks = inactiveDoc ? disksOf(inactiveDoc) : [];
  const memoryBytes = kib(child(root, 'memory')) * 1024;
  const ifaces = children(child(root, 'devices') ?? root, 'interface');
  const fileDisks = disks.filter((d) => d.source && (d.type === 'file' || d.type === 'block'));
  const reachTarget =
    spec.transport === 'direct' && dstInfo.spec.transport === 'ssh' && dstInfo.spec.address
      ? { addr: dstInfo.spec.address, port: dstInfo.spec.port ?? 22 }
      : undefined;
  const srcProbeP = probeHost(src, { paths: fileDisks.map((d) => d.source as string), ...(reachTarget ? { reach: reachTarget } : {}) });

  // Disk facts from both hosts (the storage check and the plan wait for them; the other checks
  // start at once: each SSH exec costs a round trip and a process on the host).
  const copying = spec.storage === 'copy';
  const factsP = (async () => {
    const [dstPools, srcVols] = await Promise.all([
      poolFacts(dstRpc),
      Promise.all(
        disks.map(async (d) => {
          if (!d.source || d.type !== 'file') return null;
          try {
            const vol = await volLookupByPath(srcRpc, d.source);
            return { vol, info: await volGetInfo(srcRpc, vol) };
          } catch {
            return null;
          }
        }),
      ),
    ]);
    // Where each disk goes.
    const chosenPool = spec.destPool ? dstPools.find((p) => p.name === spec.destPool) : undefined;
    const plans: DiskPlan[] = disks.map((d, i): DiskPlan => {
      const source = d.source ?? '';
      const sv = srcVols[i];
      const copy = copying && !!d.source && !d.readonly && !d.shareable && (d.type === 'file' || d.type === 'block');
      let dest = source;
      let destPool: string | undefined;
      if (copy && d.type === 'file') {
        if (chosenPool?.path) {
          dest = posix.join(chosenPool.path, posix.basename(source));
          destPool = chosenPool.name;
        } else if (!spec.destPool) {
          destPool = dstPools.find((p) => p.path === posix.dirname(source))?.name;
        }
      }
      return {
        target: d.target,
        type: d.type,
        source,
        format: d.format,
        readonly: d.readonly,
        cache: d.cache,
        copy,
        dest,
        ...(destPool ? { destPool } : {}),
        bytes: 0,
        capacity: sv?.info.capacity ?? 0,
        fileSize: sv?.info.allocation ?? 0,
        ...(sv ? { srcVol: sv.vol } : {}),
        preexisting: false,
      };
    });
    const files = plans.filter((p) => p.source && (p.type === 'file' || p.type === 'block'));
    const [srcProbe, dstProbe] = await Promise.all([
      srcProbeP,
      probeHost(dst, { paths: files.map((p) => p.dest), bridges: ifaces.some((i) => attr(i, 'type') === 'bridge') }),
    ]);
    const srcStat = srcProbe.files;
    const dstStat = dstProbe.files;
    await Promise.all(
      plans.map(async (p, i) => {
        const fact = srcStat.get(p.source);
        if (fact?.exists) p.fileSize = fact.size;
        if (!srcVols[i]) p.capacity = fact?.size ?? 0;
        // A qcow2 outside any pool: its virtual size from the image itself.
        if (p.copy && p.type === 'file' && !srcVols[i] && p.format !== 'raw')
          p.capacity = (await qemuImgInfo(src, p.source))?.virtualSize ?? p.capacity;
        p.bytes = p.copy ? (live ? p.capacity : p.fileSize) : 0;
        p.preexisting = !!dstStat.get(p.dest)?.exists;
      }),
    );
    return { dstPools, plans, srcStat, dstStat, bridges: dstProbe.bridges };
  })();

  let needUnsafe = false;
  let stale: Preflight['stale'];

  // ---- state
  const stateCheck = guarded('state', 'VM state', async () => {
    if (live && !active)
      return {
        status: 'fail',
        message: `${name} is ${state === 'shutoff' ? 'shut off' : state}: a live migration moves a running VM. Choose Offline, or start it first.`,
      };
    if (!live && active)
      return {
        status: 'fail',
        message: `${name} is ${state}: an offline migration moves a shut-off VM. Choose Live, or shut it down first.`,
      };
    if (!live && !persistent) return { status: 'fail', message: `${name} is transient (no definition): there is nothing to move offline.` };
    const notes: string[] = [];
    if (state === 'paused') notes.push(`${name} is paused: it arrives paused on ${B}.`);
    if (!persistent && spec.undefineSource) notes.push(`${name} is transient: there is no definition to remove from ${A}.`);
    return {
      status: 'pass',
      message: live
        ? `${name} is ${state} on ${A}.`
        : `${name} is shut off on ${A}; its definition${copying ? ' and disks' : ''} move to ${B}.`,
      ...(notes.length ? { details: notes } : {}),
    };
  });

  // ---- a job already running
  const jobCheck: Promise<PreflightCheck | null> = Promise.resolve(
    jobStats && jobStats.type !== JobType.NONE
      ? {
          id: 'job',
          title: 'Running job',
          status: 'fail',
          message: `${name} already has a job running on ${A}${Number(jobStats.stats.operation) === JobOperation.MIGRATION_OUT ? ' (a migration)' : ''}: wait for it to end, or cancel it from the Jobs panel.`,
        }
      : null,
  );

  // ---- disk cache
  const cacheCheck = guarded('disk-cache', 'Disk cache mode', async () => {
    if (copying) return { status: 'pass', message: 'The disks are copied by QEMU during the migration: their cache mode does not matter.' };
    if (!live) return { status: 'pass', message: 'Offline: no running QEMU holds cached writes.' };
    const lines: string[] = [];
    let risky = false;
    for (const d of disks) {
      if (!d.source || d.readonly || d.type === 'network') continue;
      if (SAFE_CACHE.has(d.cache)) {
        lines.push(`${d.target}: cache='${d.cache}'`);
        continue;
      }
      const defined = inactiveDisks.find((x) => x.target === d.target);
      if (defined && SAFE_CACHE.has(defined.cache)) {
        lines.push(
          `${d.target}: runs with cache='${d.cache}' until restarted; its definition has cache='${defined.cache}', which ${B} gets.`,
        );
        continue;
      }
      risky = true;
      lines.push(`${d.target}: cache='${d.cache}' — writes can sit in ${A}'s page cache while ${B} opens the same file.`);
    }
    if (!risky)
      return {
        status: 'pass',
        message: 'Every writable disk bypasses the host page cache (or is not shared).',
        ...(lines.length ? { details: lines } : {}),
      };
    return {
      status: 'warn',
      message: `With shared storage, a cache mode other than none (or directsync) can lose or corrupt writes at the switch-over: libvirt calls such a migration unsafe.`,
      details: lines,
      ...(persistent
        ? {
            fix: {
              id: 'disk-cache-none' as const,
              label: "Switch to cache='none'",
              detail: `Sets cache='none' on those disks in ${name}'s definition on ${A}; the migration gives ${B} the new mode. Running on ${A}, the VM keeps its current mode until restarted.`,
            },
          }
        : {}),
    };
  });

  // ---- CPU
  const cpuCheck = guarded('cpu', 'CPU compatibility', async () => {
    const cpu = child(root, 'cpu');
    const mode = attr(cpu, 'mode') ?? (cpu ? 'custom' : undefined);
    const otype = path(root, 'os', 'type');
    if (!cpu || (mode === 'custom' && !child(cpu, 'model')))
      return { status: 'pass', message: `${name} uses the hypervisor's default CPU model.` };
    if (mode === 'host-passthrough' || mode === 'maximum') {
      return {
        status: 'warn',
        message: `${name} uses ${mode}: the guest sees ${A}'s exact CPU. ${B} must have the same CPU model, microcode and features, which libvirt cannot check; a difference can crash the guest after the move.`,
      };
    }
    if (mode === 'host-model' && !live)
      return { status: 'pass', message: `host-model: ${B}'s own CPU model is used when the VM starts there.` };
    const virtType = attr(root, 'type') ?? 'kvm';
    const arch = attr(otype, 'arch');
    const machine = attr(otype, 'machine');
    const cpuXml = serializeXml(cpu as unknown as Document);
    const target = { virtType, ...(arch ? { arch } : {}), ...(machine ? { machine } : {}) };
    try {
      const r = await hostCompareHypervisorCpu(dstRpc, { ...target, xmlCpu: cpuXml, flags: CompareCpuFlags.FAIL_INCOMPATIBLE });
      const model = text(child(cpu, 'model')) ?? mode ?? 'custom';
      if (r === CpuCompareResult.INCOMPATIBLE)
        return { status: live ? 'fail' : 'warn', message: `${B} cannot provide ${name}'s CPU (${model}).` };
      return { status: 'pass', message: `${B} provides ${name}'s CPU (${model}${r === CpuCompareResult.IDENTICAL ? ', identical' : ''}).` };
    } catch (err) {
      const e = err as { code?: number; message: string };
      if (e.code === ErrorCode.CPU_INCOMPATIBLE) {
        return {
          status: live ? 'fail' : 'warn',
          message: `${B} cannot run ${name}'s CPU: ${e.message}${live ? '' : ` (it would not start on ${B})`}`,
        };
      }
      return { status: 'warn', message: `Could not compare the CPU with ${B}: ${e.message}` };
    }
  });

  // ---- storage
  const storageCheck = guarded('storage', 'Storage', async () => {
    const { dstPools, plans, srcStat, dstStat } = await factsP;
    const lines: string[] = [];
    const statuses: Check['status'][] = [];
    const note = (s: Check['status'], line: string) => {
      statuses.push(s);
      lines.push(line);
    };
    const needByPool = new Map<string, { min: number; max: number }>();
    for (const p of plans) {
      const d = disks.find((x) => x.target === p.target);
      if (!d?.source) continue;
      if (d.type === 'network') {
        note('pass', `${d.target}: network disk (${d.source}): reached by both hosts, not copied.`);
        continue;
      }
      if (d.type === 'volume') {
        note(
          copying ? 'fail' : 'warn',
          `${d.target}: a pool volume (${d.source}): ${copying ? 'copying it is not supported; use shared storage' : `it must exist in a pool of the same name on ${B}`}.`,
        );
        continue;
      }
      const sf = srcStat.get(d.source);
      const df = dstStat.get(p.dest);
      if (!p.copy) {
        // Shared (or read-only in a copy): the very same file must be there on B.
        if (!df?.exists) {
          note(
            'fail',
            copying
              ? `${d.target}: ${d.source} (read-only, not copied) is missing on ${B}: copy it there, or eject it.`
              : `${d.target}: ${d.source} does not exist on ${B}. With shared storage both hosts must see the same file: mount it on ${B}, or choose Copy disks.`,
          );
          continue;
        }
        if (sf && (df.size !== sf.size || Math.abs(df.mtime - sf.mtime) > 2)) {
          note(
            df.size !== sf.size ? 'fail' : 'warn',
            `${d.target}: ${B} has a different file at ${d.source} (${size(df.size)} vs ${size(sf.size)} on ${A}${df.size === sf.size ? ', other modification time' : ''}): that is not the same storage.`,
          );
          continue;
        }
        const shared = SHARED_FS.has(df.fs.toLowerCase());
        if (!shared && !d.readonly && live) {
          needUnsafe = true;
          note(
            'warn',
            `${d.target}: ${d.source} is the same file on both hosts, on ${df.fs || 'a file system'} that libvirt does not recognise as shared: Vireo checked it and passes libvirt's --unsafe.`,
          );
        } else {
          note('pass', `${d.target}: ${d.source} is the same file on both hosts${shared ? ` (${df.fs})` : ''}.`);
        }
        continue;
      }
      // Copied.
      if (!live && d.backing) {
        note(
          'fail',
          `${d.target}: ${d.source} has a backing file; an offline copy moves only the top image. Copy the backing chain to ${B} first, or use shared storage.`,
        );
        continue;
      }
      if (!live && !p.srcVol) {
        note(
          'fail',
          `${d.target}: ${d.source} is not in a storage pool on ${A}; an offline copy reads disks through libvirt's storage pools. Define a pool for its directory on ${A}.`,
        );
        continue;
      }
      if (d.type === 'block') {
        if (!df?.exists)
          note('fail', `${d.target}: ${B} has no block device ${p.dest} to copy into: create it (${size(p.capacity)}) first.`);
        else if (df.size !== p.capacity)
          note('fail', `${d.target}: ${p.dest} on ${B} is ${size(df.size)}, the disk is ${size(p.capacity)}: the sizes must match.`);
        else note('warn', `${d.target}: ${p.dest} on ${B} is overwritten by the copy.`);
        continue;
      }
      const pool = p.destPool ? dstPools.find((x) => x.name === p.destPool) : undefined;
      // The very file the VM uses, seen from B (shared storage): a copy would write onto it.
      const sameFile = p.dest === d.source && !!df?.exists && !!sf && df.size === sf.size && Math.abs(df.mtime - sf.mtime) <= 2;
      if (sameFile) {
        note(
          'fail',
          `${d.target}: ${B} sees the very file the VM uses at ${d.source} (shared storage): a copy there would write onto the running disk. Choose Shared storage, or pick another pool on ${B}.`,
        );
      }
      if (!pool) {
        note(
          'fail',
          spec.destPool
            ? `${d.target}: ${B} has no storage pool named ${spec.destPool}.`
            : `${d.target}: ${B} has no storage pool at ${posix.dirname(d.source)}, where libvirt would create the copy of ${d.source}. Pick a pool on ${B}, or define one at that directory.`,
        );
        continue;
      }
      if (sameFile) continue;
      if (!pool.active) {
        note('fail', `${d.target}: pool ${pool.name} on ${B} is not active: start it on ${B}.`);
        continue;
      }
      if (df?.exists) {
        let existing = df.size;
        try {
          existing = (await volGetInfo(dstRpc, await volLookupByPath(dstRpc, p.dest))).capacity;
        } catch {
          // Not a known volume: the file size is what there is.
        }
        if (!live)
          note(
            'fail',
            `${d.target}: ${B} already has ${p.dest}; Vireo does not overwrite a volume. Remove it on ${B}, or pick another pool.`,
          );
        else if (existing < p.capacity)
          note(
            'fail',
            `${d.target}: ${B} already has ${p.dest}, too small (${size(existing)}, the disk is ${size(p.capacity)}): libvirt would reuse it and the copy would fail. Remove or resize it on ${B}, or pick another pool.`,
          );
        else if (existing > p.capacity)
          note(
            'fail',
            `${d.target}: ${B} already has ${p.dest}, bigger than the disk (${size(existing)} vs ${size(p.capacity)}): QEMU copies only into a volume of the same size. Remove it on ${B}, or pick another pool.`,
          );
        else note('warn', `${d.target}: ${B} already has ${p.dest} of the same size: the copy overwrites it.`);
        continue;
      }
      const need = needByPool.get(pool.name) ?? { min: 0, max: 0 };
      need.min += live ? Math.min(p.fileSize, p.capacity) : p.fileSize;
      need.max += live ? p.capacity : p.fileSize;
      needByPool.set(pool.name, need);
      note(
        'pass',
        `${d.target}: copied to ${p.dest} in pool ${pool.name} on ${B}: ${size(p.bytes)}${live && d.format === 'qcow2' ? ' (qcow2 copies its full virtual size)' : ''}${d.backing ? ', flattened (no backing file on B)' : ''}.`,
      );
    }
    for (const [poolName, need] of needByPool) {
      const pool = dstPools.find((x) => x.name === poolName);
      if (!pool) continue;
      if (pool.available < need.min)
        note('fail', `Pool ${poolName} on ${B} has ${size(pool.available)} free; the copies need ${size(need.min)}.`);
      else if (pool.available < need.max)
        note(
          'warn',
          `Pool ${poolName} on ${B} has ${size(pool.available)} free: enough now, not if the disks fill up (${size(need.max)}).`,
        );
      else note('pass', `Pool ${poolName} on ${B} has room: ${size(pool.available)} free for ${size(need.max)}.`);
    }
    if (lines.length === 0) return { status: 'pass', message: `${name} has no disks to check.` };
    const status = worst(statuses);
    const failing = lines.filter((_, i) => statuses[i] === 'fail');
    const copyNeedsPool = copying && statuses.includes('fail') && lines.some((l) => l.includes('no storage pool'));
    return {
      status,
      message:
        status === 'fail'
          ? failing.length === 1
            ? (failing[0] as string).replace(/^[a-z]+\d*: /, '')
            : `${failing.length} problems with the disks, below.`
          : copying
            ? `${size(plans.reduce((s, p) => s + p.bytes, 0))} of disk data will be copied to ${B}.`
            : 'The disks are shared between the hosts.',
      details: lines,
      ...(copyNeedsPool
        ? {
            fix: {
              id: 'choose-pool' as const,
              label: `Choose a pool on ${B}`,
              detail: `The disks are placed in the pool you pick; the definition on ${B} points at them.`,
            },
          }
        : {}),
    };
  });

  // ---- networks
  const networkCheck = guarded('network', 'Networks and bridges', async () => {
    if (ifaces.length === 0) return { status: 'pass', message: `${name} has no network interfaces.` };
    const needNets = ifaces.some((i) => attr(i, 'type') === 'network');
    const [all, activeNets, { bridges }] = await Promise.all([
      needNets ? networkListAll(dstRpc) : Promise.resolve([]),
      needNets ? networkListAll(dstRpc, { flags: ListNetworksFlags.ACTIVE }) : Promise.resolve([]),
      factsP,
    ]);
    const lines: string[] = [];
    const statuses: Check['status'][] = [];
    for (const i of ifaces) {
      const type = attr(i, 'type') ?? '?';
      const s = child(i, 'source');
      const mac = attr(child(i, 'mac'), 'address') ?? '';
      if (type === 'network') {
        const net = attr(s, 'network') ?? '?';
        if (!all.some((n) => n.name === net)) {
          statuses.push('fail');
          lines.push(`${mac}: ${B} has no network '${net}'. Define it on ${B}.`);
        } else if (!activeNets.some((n) => n.name === net)) {
          statuses.push(live ? 'fail' : 'warn');
          lines.push(`${mac}: network '${net}' exists on ${B} but is not active: start it there.`);
        } else {
          statuses.push('pass');
          lines.push(`${mac}: network '${net}' is active on ${B}.`);
        }
      } else if (type === 'bridge') {
        const br = attr(s, 'bridge') ?? '?';
        const ok = bridges.includes(br);
        statuses.push(ok ? 'pass' : 'fail');
        lines.push(
          ok ? `${mac}: bridge ${br} exists on ${B}.` : `${mac}: ${B} has no bridge ${br}. Create it on ${B} (or change the NIC's bridge).`,
        );
      } else if (type === 'direct') {
        const dev = attr(s, 'dev') ?? '?';
        const r = await dst.run(['test', '-e', `/sys/class/net/${dev.replace(/[^A-Za-z0-9_.:-]/g, '')}`]);
        statuses.push(r.code === 0 ? 'pass' : 'fail');
        lines.push(r.code === 0 ? `${mac}: device ${dev} exists on ${B}.` : `${mac}: ${B} has no network device ${dev}.`);
      } else if (type === 'user') {
        statuses.push('pass');
        lines.push(`${mac}: user-mode networking needs nothing on ${B}.`);
      } else {
        statuses.push('warn');
        lines.push(`${mac}: type '${type}' is not checked by Vireo.`);
      }
    }
    const status = worst(statuses);
    return {
      status,
      message:
        status === 'pass'
          ? `Every network and bridge ${name} uses exists on ${B}.`
          : `Some networks or bridges ${name} uses are missing on ${B}.`,
      details: lines,
    };
  });

  // ---- name / UUID on the destination
  const nameCheck = guarded('name', 'Name and UUID on the destination', async () => {
    const [byUuid, byName] = await Promise.all([
      domainLookupByUuid(dstRpc, dom.uuid).catch(() => null),
      domainLookupByName(dstRpc, destName).catch(() => null),
    ]);
    if (byUuid) {
      const s = stateOf((await domainGetState(dstRpc, byUuid)).state);
      stale = { dom: byUuid, state: s };
      if (s !== 'shutoff')
        return {
          status: 'fail',
          message: `${B} already runs this VM (same UUID) as '${byUuid.name}' (${s}). A VM must run on one host only: find out which copy is current before going on.`,
        };
      if (byUuid.name === destName) {
        return {
          status: 'warn',
          message: `${B} keeps a shut-off definition of this VM (same name and UUID, e.g. from an earlier migration): the migration replaces it with the current one.`,
        };
      }
      return {
        status: 'fail',
        message: `${B} already defines this VM as '${byUuid.name}' (same UUID, shut off): libvirt refuses a second name for it.`,
        fix: {
          id: 'undefine-stale',
          label: `Remove the stale definition on ${B}`,
          detail: `Undefines '${byUuid.name}' on ${B}. Its disks are kept.`,
        },
      };
    }
    if (byName) {
      return {
        status: 'fail',
        message: `${B} already has another VM named '${destName}' (UUID ${byName.uuid}): libvirt refuses to migrate onto it.`,
        fix: { id: 'rename', label: 'Choose a new name', detail: `The VM keeps its UUID and gets the new name on ${B}.` },
      };
    }
    return { status: 'pass', message: `${B} has no VM named '${destName}' and none with this UUID.` };
  });

  // ---- reachability for the transport
  const peerUri = spec.transport === 'p2p' ? (spec.peerUri ?? defaultPeerUri(dstInfo)) : undefined;
  const reachCheck = guarded('reachable', 'Destination reachable', async () => {
    if (spec.transport === 'p2p') {
      if (!peerUri) return { status: 'fail', message: `Enter the URI ${A} uses to reach ${B}'s libvirt (e.g. qemu+ssh://host/system).` };
      const r = await src.run([
        'sh',
        '-c',
        'if command -v virsh >/dev/null 2>&1; then timeout 12 virsh -q -c "$1" uri 2>&1; else echo "no virsh on this host"; exit 127; fi',
        'sh',
        peerUri,
      ]);
      if (r.code === 0)
        return { status: 'pass', message: `${A}'s libvirt opens ${peerUri} (peer-to-peer: ${A} drives the migration itself).` };
      if (r.code === 127)
        return { status: 'warn', message: `${A} has no virsh to test ${peerUri} with; libvirt on ${A} must be able to open it.` };
      const why = (r.stdout + r.stderr)
        .replace(/^error: failed to connect to the hypervisor\s*/m, '')
        .replace(/^error:\s*/gm, '')
        .trim();
      return {
        status: 'fail',
        message:
          r.code === 124 ? `${A} could not reach ${peerUri} within 12 s.` : `${A} cannot open ${peerUri}: ${why || `exit ${r.code}`}`,
        details: [
          `Peer-to-peer needs ${A} to reach ${B} on its own (SSH keys of ${A}'s root for qemu+ssh). Use Direct instead, or fix ${A}'s access to ${B}.`,
        ],
      };
    }
    const addr = dstInfo.spec.address;
    if (!reachTarget || !addr)
      return { status: 'warn', message: `Vireo cannot tell which address ${A} uses to reach ${B}; QEMU on ${A} must reach ${B} directly.` };
    const r = (await srcProbeP).reach;
    const port = reachTarget.port;
    if (r?.ok)
      return {
        status: 'pass',
        message: `${A} reaches ${addr} (TCP ${port}): QEMU streams from ${A} to ${B} directly, with no SSH trust between the hosts.`,
      };
    return {
      status: 'fail',
      message: `${A} cannot reach ${addr} (TCP ${port})${r?.output ? `: ${r.output}` : ''}. A direct migration streams from ${A} to ${B}: check routing and firewalls between them.`,
    };
  });

  // ---- memory
  const memoryCheck = guarded('memory', 'Memory on the destination', async () => {
    const free = await hostGetFreeMemory(dstRpc);
    if (!live) {
      return free < memoryBytes
        ? { status: 'warn', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)} to start there.` }
        : { status: 'pass', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)} when it starts.` };
    }
    if (free < memoryBytes) return { status: 'fail', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)}.` };
    if (free < memoryBytes * 1.1 + 256 * 1024 * 1024)
      return {
        status: 'warn',
        message: `${B} has ${size(free)} free for ${name}'s ${size(memoryBytes)}: little left for the host itself.`,
      };
    return { status: 'pass', message: `${B} has ${size(free)} free; ${name} needs ${size(memoryBytes)}.` };
  });

  // ---- versions
  const versionCheck = guarded('versions', 'Hypervisor versions', async () => {
    const v = (s?: string) => (s ? s.split('.').map(Number) : []);
    const older = (a: number[], b: number[]) => {
      for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
      return false;
    };
    const qa = v(srcInfo.hypervisorVersion);
    const qb = v(dstInfo.hypervisorVersion);
    const text_ = `QEMU ${srcInfo.hypervisorVersion ?? '?'} / libvirt ${srcInfo.libvirtVersion ?? '?'} on ${A}, QEMU ${dstInfo.hypervisorVersion ?? '?'} / libvirt ${dstInfo.libvirtVersion ?? '?'} on ${B}.`;
    if (qa.length && qb.length && older(qb, qa) && live)
      return {
        status: 'warn',
        message: `${B} runs an older QEMU: ${text_} Migrating to an older QEMU works only with a machine type both know.`,
      };
    return { status: 'pass', message: text_ };
  });

  const checks = (
    await Promise.all([
      stateCheck,
      jobCheck,
      cacheCheck,
      cpuCheck,
      storageCheck,
      networkCheck,
      nameCheck,
      reachCheck,
      memoryCheck,
      versionCheck,
    ])
  ).filter((c): c is PreflightCheck => c !== null);

  const { plans } = await factsP.catch(() => ({ plans: [] as DiskPlan[] }));
  // The destination's definition when it must differ: disks in another pool, a fixed cache mode.
  const params = migrationParams(spec, name);
  const rewrite = (d: Document, useInactiveCache: boolean): boolean => {
    let changed = false;
    for (const x of disksOf(d)) {
      const p = plans.find((q) => q.target === x.target);
      if (p?.copy && p.dest !== p.source) {
        setDiskSource(x.el, p.dest);
        changed = true;
      }
      if (useInactiveCache && live && !copying && !SAFE_CACHE.has(x.cache)) {
        const defined = inactiveDisks.find((y) => y.target === x.target);
        if (defined && SAFE_CACHE.has(defined.cache)) {
          setDiskCache(d, x.el, defined.cache);
          changed = true;
        }
      }
    }
    return changed;
  };
  const destDoc = parseXml(xml, 'the definition');
  if (rewrite(destDoc, true)) params.destination_xml = serializeXml(destDoc);
  if (live && spec.persist && inactiveXml) {
    const pdoc = parseXml(inactiveXml, 'the definition');
    if (rewrite(pdoc, false)) params.persistent_xml = serializeXml(pdoc);
  }

  const flags = migrationFlags(spec, needUnsafe);
  const plan: MigrationPlan = {
    checks,
    canStart: !checks.some((c) => c.status === 'fail'),
    copyBytes: plans.reduce((s, p) => s + p.bytes, 0),
    memoryBytes,
    flags: MIGRATE_FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n),
    virsh: virshCommand(spec, srcInfo, dstInfo, name, flags, peerUri),
    disks: plans
      .filter((p) => p.copy)
      .map((p) => ({ target: p.target, source: p.source, dest: p.dest, ...(p.destPool ? { pool: p.destPool } : {}), bytes: p.bytes })),
  };
  if (!live && copying)
    plan.virsh = `# virsh cannot copy disks offline; Vireo copies them through libvirt's storage API first, then:\n${plan.virsh}`;
  return {
    plan,
    dom,
    name,
    destName,
    state,
    persistent,
    disks: plans,
    flags,
    params,
    ...(stale ? { stale } : {}),
    ...(peerUri ? { peerUri } : {}),
  };
}

/** Applies a check's fix on the hosts. */
export async function applyFix(hosts: HostManager, spec: MigrationSpec, fix: (typeof MIGRATION_FIXES)[number]): Promise<void> {
  if (fix === 'disk-cache-none') {
    const rpc = hosts.connection(spec.hostId).rpc;
    const dom = await domainLookupByUuid(rpc, spec.uuid);
    let xml: string;
    try {
      xml = await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE });
    } catch (err) {
      throw new AppError('libvirt', `Cannot read the definition of ${dom.name}: ${(err as Error).message}`);
    }
    const doc = parseXml(xml, `the definition of ${dom.name}`);
    let changed = 0;
    for (const d of disksOf(doc)) {
      if (!d.source || d.readonly || d.type === 'network' || SAFE_CACHE.has(d.cache)) continue;
      setDiskCache(doc, d.el, 'none');
      changed++;
    }
    if (changed === 0) return;
    await domainDefineXml(rpc, { xml: serializeXml(doc) });
    return;
  }
  const rpc = hosts.connection(spec.destHostId).rpc;
  const stale = await domainLookupByUuid(rpc, spec.uuid).catch(() => null);
  if (!stale) return;
  const st = stateOf((await domainGetState(rpc, stale)).state);
  if (st !== 'shutoff') {
    throw new AppError(
      'refused',
      `'${stale.name}' is ${st} on ${hosts.name(spec.destHostId)}: Vireo removes only a shut-off stale definition`,
      'Decide which copy is current first.',
    );
  }
  await domainUndefine(rpc, stale, {
    flags: UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA | UndefineFlags.CHECKPOINTS_METADATA | UndefineFlags.KEEP_NVRAM,
  });
}
