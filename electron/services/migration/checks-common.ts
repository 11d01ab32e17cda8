/**
 * What every pre-flight check shares: the VM's definition read into plain shapes (disks, NICs,
 * memory), the context a check sees (facts + spec + names), sizes as an admin reads them. Pure:
 * no I/O, no clock.
 */
import { posix } from 'node:path';
import type { MigrationSpec, PreflightCheck } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { attr, child, children, type Document, type Element, kib, parseXml, path, serializeXml } from '../../xml/dom';
import { diskEntries } from '../../xml/edit';
import type { FactsHost, PoolFact, PreflightFacts, ReadError } from './facts';
import { defaultPeerUri } from './plan';

/** File systems libvirt itself treats as shared storage (virFileIsSharedFS): no --unsafe needed. */
export const SHARED_FS = new Set([
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
export const SAFE_CACHE = new Set(['none', 'directsync']);

export type Status = PreflightCheck['status'];
/** A check's verdict before its id and title are put on. */
export type Check = Omit<PreflightCheck, 'id' | 'title'>;

export const worst = (xs: readonly Status[]): Status => (xs.includes('fail') ? 'fail' : xs.includes('warn') ? 'warn' : 'pass');
const mib = (b: number): string => `${(b / 1024 / 1024).toFixed(b >= 100 * 1024 * 1024 ? 0 : 1)} MiB`;
export const size = (b: number): string => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : mib(b));
/** A check whose facts could not be read. */
export const couldNotCheck = (e: ReadError): Check => ({ status: 'fail', message: `Could not check: ${e.error}` });

export interface DiskXml {
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

/** The disks as the checks read them, from the one disk parser (electron/xml/parse.ts) with libvirt's defaults. */
export function disksOf(doc: Document): DiskXml[] {
  const root = doc.documentElement;
  if (!root) return [];
  return diskEntries({ doc, root }).map(({ el, disk }) => {
    const s = disk.source;
    const source = s?.file ?? s?.dev ?? (disk.type === 'volume' && s ? `${s.pool}/${s.volume}` : undefined) ?? s?.name;
    return {
      el,
      target: disk.target ?? '?',
      device: disk.device,
      type: disk.type,
      ...(source ? { source } : {}),
      format: disk.driver.type ?? 'raw',
      cache: disk.driver.cache ?? 'default',
      readonly: disk.readonly || disk.device === 'cdrom',
      shareable: disk.shareable,
      backing: disk.backingChain.length > 0,
    };
  });
}

export interface Iface {
  type: string;
  mac: string;
  network?: string;
  bridge?: string;
  dev?: string;
}

export interface DomainShape {
  doc: Document;
  root: Element;
  disks: DiskXml[];
  ifaces: Iface[];
  memoryBytes: number;
}

/** The definition as the checks read it. */
export function domainShape(xml: string, name: string): DomainShape {
  const doc = parseXml(xml, `the definition of ${name}`);
  const root = doc.documentElement;
  if (!root) throw new AppError('xml', `Empty definition of ${name}`);
  const ifaces = children(child(root, 'devices') ?? root, 'interface').map((i): Iface => {
    const s = child(i, 'source');
    const network = attr(s, 'network');
    const bridge = attr(s, 'bridge');
    const dev = attr(s, 'dev');
    return {
      type: attr(i, 'type') ?? '?',
      mac: attr(child(i, 'mac'), 'address') ?? '',
      ...(network !== undefined ? { network } : {}),
      ...(bridge !== undefined ? { bridge } : {}),
      ...(dev !== undefined ? { dev } : {}),
    };
  });
  return { doc, root, disks: disksOf(doc), ifaces, memoryBytes: kib(child(root, 'memory')) * 1024 };
}

/** Whether a disk is copied, and where it goes on the destination (pool path join, or the same path). */
export function diskDest(d: DiskXml, spec: MigrationSpec, pools: readonly PoolFact[]): { copy: boolean; dest: string; destPool?: string } {
  const source = d.source ?? '';
  const copy = spec.storage === 'copy' && !!d.source && !d.readonly && !d.shareable && (d.type === 'file' || d.type === 'block');
  if (!copy || d.type !== 'file') return { copy, dest: source };
  const chosen = spec.destPool ? pools.find((p) => p.name === spec.destPool) : undefined;
  if (chosen?.path) return { copy, dest: posix.join(chosen.path, posix.basename(source)), destPool: chosen.name };
  if (spec.destPool) return { copy, dest: source };
  const here = pools.find((p) => p.path === posix.dirname(source))?.name;
  return { copy, dest: source, ...(here ? { destPool: here } : {}) };
}

/** The CPU definition to compare on the destination, or null when there is nothing libvirt can compare. */
export function cpuToCompare(root: Element, live: boolean): { virtType: string; arch?: string; machine?: string; xmlCpu: string } | null {
  const cpu = child(root, 'cpu');
  const mode = attr(cpu, 'mode') ?? (cpu ? 'custom' : undefined);
  if (!cpu || (mode === 'custom' && !child(cpu, 'model'))) return null;
  if (mode === 'host-passthrough' || mode === 'maximum') return null;
  if (mode === 'host-model' && !live) return null;
  const otype = path(root, 'os', 'type');
  const arch = attr(otype, 'arch');
  const machine = attr(otype, 'machine');
  return {
    virtType: attr(root, 'type') ?? 'kvm',
    ...(arch ? { arch } : {}),
    ...(machine ? { machine } : {}),
    xmlCpu: serializeXml(cpu as unknown as Document),
  };
}

/** The URI the source uses to reach the destination's libvirt (peer-to-peer only). */
export function peerUriOf(spec: MigrationSpec, dst: FactsHost): string | undefined {
  return spec.transport === 'p2p' ? (spec.peerUri ?? defaultPeerUri(dst)) : undefined;
}

/** What a check sees: the facts, the spec, and what follows from them. */
export interface Ctx extends DomainShape {
  facts: PreflightFacts;
  spec: MigrationSpec;
  /** Source and destination host names. */
  A: string;
  B: string;
  name: string;
  destName: string;
  live: boolean;
  active: boolean;
  copying: boolean;
  inactiveDisks: DiskXml[];
  peerUri?: string;
}

export function contextOf(facts: PreflightFacts, spec: MigrationSpec): Ctx {
  const name = facts.domain.name;
  const shape = domainShape(facts.xml, name);
  const peerUri = peerUriOf(spec, facts.dst);
  return {
    ...shape,
    facts,
    spec,
    A: facts.src.spec.name,
    B: facts.dst.spec.name,
    name,
    destName: spec.newName ?? name,
    live: spec.mode === 'live',
    active: facts.state !== 'shutoff' && facts.state !== 'crashed',
    copying: spec.storage === 'copy',
    inactiveDisks: facts.inactiveXml ? disksOf(parseXml(facts.inactiveXml, `the definition of ${name}`)) : [],
    ...(peerUri ? { peerUri } : {}),
  };
}
