/**
 * Cloning a shut-off (or paused) VM, like virt-clone: new name, UUID and MACs, each disk copied
 * into a pool of the target host, read-only disks shared if the admin wants. On the same host the
 * copy is libvirt's own (volume create-from); to another host, the bytes stream from a download on
 * the source host into an upload on the target through the app's two SSH sessions, and the copy is
 * verified disk to disk: sizes, and (by default) the sha256 of the source file on the source host
 * against the sha256 of the written file on the target. The definition is rewritten for the
 * target (paths, name, UUID, MACs, networks/bridges, emulator).
 *
 * The source is only ever read. A failure or a cancel removes what this clone created on the
 * target — volumes, definition — and nothing else.
 */
import { randomUUID } from 'node:crypto';
import type {
  CloneDiskInfo,
  CloneNicInfo,
  CloneOptions,
  ClonePreview,
  CloneSpec,
  DomainState,
  HostId,
  Job,
  NicTarget,
} from '../../shared/api';
import { AppError } from '../../shared/errors';
import { cloneNameFor } from '../../shared/naming';
import type { RpcClient } from '../libvirt/client';
import {
  domainCreate,
  domainDefineXml,
  domainDestroy,
  domainGetState,
  domainGetXmlDesc,
  domainLookupByUuid,
  domainUndefine,
} from '../libvirt/domain';
import { ErrorCode } from '../libvirt/errors';
import {
  type DomainRef,
  DomainXmlFlags,
  DomainState as DS,
  type StoragePoolRef,
  type StorageVolRef,
  UndefineFlags,
} from '../libvirt/protocol';
import {
  poolLookupByName,
  volCreateXml,
  volCreateXmlFrom,
  volDownload,
  volGetInfo,
  volGetPath,
  volLookupByName,
  volLookupByPath,
  volUpload,
} from '../libvirt/storage';
import {
  buildVolumeXml,
  type DiskRewrite,
  type NicRewrite,
  randomMac,
  rewriteForClone,
  type SourceDisk,
  sourceDisks,
  sourceNics,
} from '../xml/build';
import { redactDomainXml } from '../xml/redact';
import { planCloneRollback } from './clone-rollback';
import { stateOf } from './domains';
import {
  activePool,
  domainNameFree,
  domainUuidFree,
  hostMacsAndNames,
  hypervisorFacts,
  isMissing,
  plannedPath,
  volumeFacts,
  volumeNameFree,
} from './hostfacts';
import type { HostManager } from './hosts';
import type { JobContext, JobManager } from './jobs';
import {
  deleteCreatedVolume,
  fmtRate,
  type HostIo,
  hostBridges,
  hostDigest,
  hostIo,
  hostReadable,
  openStreamPair,
  pipeBytes,
} from './transfer';

type VolFacts = Awaited<ReturnType<typeof volumeFacts>>;

/** What this clone made on the target so far. */
interface Made {
  volumes: StorageVolRef[];
  domain?: DomainRef;
  /** The define was sent (its answer may have been lost with the link). */
  defining: boolean;
}

interface SourceDiskFacts extends SourceDisk {
  vol?: VolFacts;
  ref?: StorageVolRef;
}

interface Source {
  io: HostIo;
  dom: DomainRef;
  state: DomainState;
  xml: string;
  disks: SourceDiskFacts[];
}

interface Copy {
  target: string;
  from: SourceDiskFacts & { vol: VolFacts; ref: StorageVolRef };
  pool: string;
  poolRef: StoragePoolRef;
  name: string;
  /** Planned path; the real one replaces it once the volume exists. */
  path: string;
  /** Bytes to move: the file's size across hosts; the data allocated for a local create-from. */
  bytes: number;
  blockPool: boolean;
  /**
   * 'create-from': libvirt copies on the host (qemu-img; same host, source shut off). 'stream': a
   * download piped into an upload through Vireo — across hosts, and for a paused VM, whose disks
   * QEMU keeps locked (qemu-img cannot open them; libvirt's download reads them regardless).
   */
  method: 'create-from' | 'stream';
}

interface Plan {
  src: Source;
  dst: HostIo;
  crossHost: boolean;
  uuid: string;
  name: string;
  copies: Copy[];
  disks: Map<string, DiskRewrite>;
  nics: NicRewrite[];
  emulator?: string;
  notes: string[];
  warnings: string[];
}

/** A copy done on the same host by libvirt (volume create-from), with progress from the new volume's allocation. */
export async function copyVolumeLocal(a: {
  rpc: RpcClient;
  pool: StoragePoolRef;
  name: string;
  from: StorageVolRef;
  capacity: number;
  format: string;
  /** What the copy should reach (the source's allocation), for progress. */
  expected: number;
  onProgress: (bytes: number) => void;
}): Promise<StorageVolRef> {
  let done = false;
  const poll = async () => {
    while (!done) {
      try {
        const ref = await volLookupByName(a.rpc, a.pool, a.name);
        const info = await volGetInfo(a.rpc, ref);
        if (!done) a.onProgress(Math.min(info.allocation, a.expected));
      } catch {
        // not there yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const poller = poll();
  try {
    // Not abortable on the host once started: a cancel waits for it, then removes the copy.
    return await volCreateXmlFrom(a.rpc, a.pool, {
      xml: buildVolumeXml({ name: a.name, capacity: a.capacity, format: a.format }),
      from: a.from,
    });
  } finally {
    done = true;
    await poller;
  }
}

/**
 * A copy between two hosts: a raw volume of exactly the source file's size is made on the target,
 * then the source's bytes (a qcow2 file's container as it is) stream into it: a download on the
 * source piped into an upload on the target, each on a libvirt connection of its own.
 *
 * Verification, end to end from disk to disk: the number of bytes that passed equals the source
 * file's size, the target file has that size, and (sha256) the source host's sha256 of its file —
 * computed there while the bytes stream, so it costs no time and none of this process's CPU —
 * equals the target host's sha256 of what it wrote.
 */
export async function copyVolumeAcross(a: {
  from: HostIo;
  fromVol: StorageVolRef;
  fromPath: string;
  to: HostIo;
  toPool: StoragePoolRef;
  toName: string;
  /** The target pool holds block devices (logical, disk). */
  block?: boolean;
  verify: 'sha256' | 'size';
  rateBps?: number;
  signal: AbortSignal;
  onCreated: (vol: StorageVolRef) => void;
  onBytes?: (n: number, total: number) => void;
}): Promise<{ vol: StorageVolRef; path: string; bytes: number; sha256?: string }> {
  // The connections for the two streams open while we size the source and make the target.
  const bulks = Promise.all([a.from.openBulk(), a.to.openBulk()]);
  bulks.catch(() => {});
  let src: Awaited<ReturnType<HostIo['openBulk']>> | undefined;
  let dst: Awaited<ReturnType<HostIo['openBulk']>> | undefined;
  try {
    const { size: bytes } = await hostDigest(a.from, a.fromPath, 0, 'size');
    // No abort signal: a create given up on here could still finish on the host, unseen.
    const vol = await volCreateXml(a.to.rpc(), a.toPool, { xml: buildVolumeXml({ name: a.toName, capacity: bytes, format: 'raw' }) });
    a.onCreated(vol);
    const path = await volGetPath(a.to.rpc(), vol);
    [src, dst] = await bulks;
    const [down, up] = await openStreamPair(`${a.fromPath} on ${a.from.label} -> ${a.toName} on ${a.to.label}`, [
      volDownload(src.rpc, a.fromVol, { length: bytes, signal: a.signal }),
      volUpload(dst.rpc, vol, { length: bytes, signal: a.signal }),
    ]);
    // Read-only on the source; if the copy fails it finishes on its own, unused.
    const sourceSum = a.verify === 'sha256' ? hostDigest(a.from, a.fromPath, bytes, 'sha256') : null;
    sourceSum?.catch(() => {});
    const r = await pipeBytes(down, up, {
      hash: false,
      signal: a.signal,
      ...(a.rateBps ? { rateBps: a.rateBps } : {}),
      onBytes: (n) => a.onBytes?.(n, bytes),
    });
    if (r.bytes !== bytes) throw new AppError('verify', `Copied ${r.bytes} bytes of ${a.fromPath}, expected ${bytes}`);
    const [d, s] = await Promise.all([hostDigest(a.to, path, bytes, a.verify), sourceSum]);
    // A block device may be a little larger than asked (extents); a file is exactly the copy.
    const sizeOk = a.block ? d.size >= bytes : d.size === bytes;
    if (!sizeOk)
      throw new AppError(
        'verify',
        `${path} on ${a.to.label} has ${d.size} bytes after the copy, expected ${bytes}`,
        'The copy was removed; try again.',
      );
    if (s && s.size !== bytes)
      throw new AppError(
        'verify',
        `${a.fromPath} on ${a.from.label} changed size during the copy (${s.size} bytes, ${bytes} copied)`,
        'Is another program writing to it? The copy was removed.',
      );
    if (s && d.sha256 !== s.sha256) {
      throw new AppError(
        'verify',
        `${path} on ${a.to.label} differs from ${a.fromPath} on ${a.from.label} (sha256 ${d.sha256?.slice(0, 12)}… vs ${s.sha256?.slice(0, 12)}…)`,
        'The copy was removed; try again.',
      );
    }
    return { vol, path, bytes, ...(s?.sha256 ? { sha256: s.sha256 } : {}) };
  } finally {
    if (!src || !dst)
      void bulks.then(
        ([x, y]) => {
          x.close();
          y.close();
        },
        () => {},
      );
    src?.close();
    dst?.close();
  }
}

/** What to do next after a failed clone, in the admin's words (libvirt's own message stays as it is). */
function cloneHint(err: unknown, p: Plan, spec: CloneSpec): string | undefined {
  const msg = (err as Error)?.message ?? '';
  const name = (err as Error)?.name;
  const pools = [...new Set(p.copies.map((c) => c.pool))].join(', ');
  const clean = `Nothing the clone made was left on ${p.dst.label}; ${p.src.dom.name} on ${p.src.io.label} was not touched.`;
  if (/No space left on device|not enough space|ENOSPC|Disk quota exceeded/i.test(msg))
    return `Pool ${pools} on ${p.dst.label} ran out of space: free space there or pick another pool, then clone again. ${clean}`;
  if (name === 'ConnectionClosedError' || name === 'SshError' || /connection closed|link.*dropped/i.test(msg))
    return `The link to a host dropped during the clone. Vireo reconnects by itself; once both hosts show connected, clone again. ${clean}`;
  if (spec.verify === 'sha256' && /differs from|changed size/i.test(msg)) return `The copy did not verify. ${clean}`;
  return undefined;
}

/** Adds a hint to an error that has none (AppError, LibvirtError and plain errors carry it to the UI). */
function addHint(err: unknown, hint: string | undefined): void {
  if (!hint || !(err instanceof Error)) return;
  const e = err as Error & { hint?: string };
  if (!e.hint) Object.defineProperty(e, 'hint', { value: hint, configurable: true, enumerable: true });
}

export class CloneService {
  constructor(
    private readonly hosts: HostManager,
    private readonly jobs: JobManager,
  ) {}

  async options(hostId: HostId, uuid: string, targetHostId: HostId): Promise<CloneOptions> {
    const src = await this.readSource(hostId, uuid);
    const dst = hostIo(this.hosts, targetHostId);
    const crossHost = hostId !== targetHostId;
    const [details, bridges, taken] = await Promise.all([this.hosts.details(targetHostId), hostBridges(dst), hostMacsAndNames(dst.rpc())]);
    const sharedPaths = crossHost
      ? await hostReadable(
          dst,
          src.disks.map((d) => d.path).filter((p): p is string => !!p),
        )
      : null;
    const disks = src.disks.map((d) => this.diskInfo(d, crossHost, sharedPaths, dst.label));
    const nets = details.networks;
    const nics: CloneNicInfo[] = sourceNics(src.xml).map((n) => {
      const same: NicTarget | undefined =
        n.type === 'bridge' && n.source
          ? { kind: 'bridge', name: n.source }
          : n.type === 'network' && n.source
            ? { kind: 'network', name: n.source }
            : undefined;
      if (!same)
        return {
          mac: n.mac,
          type: n.type,
          ...(n.source ? { source: n.source } : {}),
          ...(n.model ? { model: n.model } : {}),
          remapped: false,
        };
      const present = same.kind === 'bridge' ? bridges.includes(same.name) : nets.some((x) => x.name === same.name);
      let suggested: NicTarget = same;
      if (!present) {
        const netBridges = new Set(nets.map((x) => x.bridge).filter(Boolean));
        const bridge = bridges.find((b) => !netBridges.has(b));
        const net = nets.find((x) => x.name === 'default') ?? nets.find((x) => x.active) ?? nets[0];
        suggested =
          same.kind === 'bridge' && bridge
            ? { kind: 'bridge', name: bridge }
            : net
              ? { kind: 'network', name: net.name }
              : bridge
                ? { kind: 'bridge', name: bridge }
                : { kind: 'none' };
      }
      return {
        mac: n.mac,
        type: n.type,
        ...(n.source ? { source: n.source } : {}),
        ...(n.model ? { model: n.model } : {}),
        suggested,
        remapped: !present,
      };
    });
    const running = details.pools.filter((p) => p.state === 'running');
    const firstPool = src.disks.find((d) => d.vol)?.vol?.pool;
    const defaultPool =
      running.find((p) => p.name === firstPool)?.name ?? running.find((p) => p.name === 'default')?.name ?? running[0]?.name;
    const cloneable = src.state === 'shutoff' || src.state === 'paused';
    return {
      source: {
        hostId,
        uuid,
        name: src.dom.name,
        state: src.state,
        cloneable,
        ...(cloneable
          ? {}
          : {
              reason: `${src.dom.name} is ${src.state}: shut it down or pause it first (a running VM’s disks change while they are copied).`,
            }),
      },
      targetHostId,
      crossHost,
      suggestedName: cloneNameFor(src.dom.name, taken.names),
      disks,
      nics,
      target: { pools: details.pools, networks: nets, bridges, ...(defaultPool ? { defaultPool } : {}) },
    };
  }

  async preview(spec: CloneSpec): Promise<ClonePreview> {
    const p = await this.plan(spec);
    const { xml, notes } = rewriteForClone(p.src.xml, this.rewrite(p));
    const srcNics = sourceNics(p.src.xml);
    return {
      // The source was read with SECURE (a clone keeps its VNC password); the preview does not show it.
      xml: redactDomainXml(xml),
      uuid: p.uuid,
      macs: p.nics.map((n, i) => ({ from: srcNics[i]?.mac ?? '', to: n.mac })).filter((m) => m.from),
      copies: p.copies.map((c) => ({ target: c.target, from: c.from.vol.path, pool: c.pool, name: c.name, path: c.path, bytes: c.bytes })),
      notes: [...p.notes, ...notes],
      warnings: p.warnings,
    };
  }

  async start(spec: CloneSpec): Promise<{ job: Job; uuid: string; name: string; hostId: HostId }> {
    const p = await this.plan(spec);
    const title = p.crossHost
      ? `Clone ${p.src.dom.name} (${p.src.io.label}) to ${spec.name} on ${p.dst.label}`
      : `Clone ${p.src.dom.name} to ${spec.name}`;
    const { job } = this.jobs.start({ kind: 'clone', hostId: spec.targetHostId, domain: spec.name, title }, (ctx) =>
      this.run(spec, p, ctx),
    );
    return { job, uuid: p.uuid, name: spec.name, hostId: spec.targetHostId };
  }

  // ---- the job ---------------------------------------------------------------------------------------

  private async run(spec: CloneSpec, p: Plan, ctx: JobContext): Promise<void> {
    const rpc = p.dst.rpc();
    const made: Made = { volumes: [], defining: false };
    const total = p.copies.reduce((s, c) => s + c.bytes, 0) || 1;
    let doneBytes = 0;
    const t0 = Date.now();
    let current = 0;
    let inFlight = 0; // bytes of the disk being copied now
    const report = (phase: string | undefined, bytesNow = inFlight) => {
      inFlight = bytesNow;
      const secs = (Date.now() - t0) / 1000;
      const moved = doneBytes + bytesNow;
      ctx.update({
        ...(phase ? { phase } : {}),
        progress: 0.02 + 0.93 * Math.min(1, moved / total),
        figures: {
          bytes: moved,
          totalBytes: total,
          bytesPerSec: secs > 0 ? moved / secs : 0,
          disk: current,
          disks: p.copies.length,
          elapsedMs: Date.now() - t0,
        },
      });
    };
    const tick = setInterval(() => report(undefined), 400);
    try {
      // The source must still be shut off or paused, and the names still free.
      const st = stateOf((await domainGetState(p.src.io.rpc(), p.src.dom)).state);
      if (st !== 'shutoff' && st !== 'paused')
        throw new AppError('source-running', `${p.src.dom.name} is ${st} now`, 'Shut it down or pause it, then clone again.');
      if (!(await domainNameFree(rpc, spec.name)))
        throw new AppError('exists', `A VM named “${spec.name}” already exists on ${p.dst.label}`);
      for (const c of p.copies) {
        current++;
        if (ctx.signal.aborted) throw ctx.signal.reason;
        const label = `copying ${c.from.target} (${c.from.vol.name}) to ${c.pool}/${c.name} [${current}/${p.copies.length}]`;
        report(label, 0);
        if (c.method === 'stream') {
          let last = 0;
          const r = await copyVolumeAcross({
            from: p.src.io,
            fromVol: c.from.ref,
            fromPath: c.from.vol.path,
            to: p.dst,
            toPool: c.poolRef,
            toName: c.name,
            block: c.blockPool,
            verify: spec.verify,
            ...(spec.bandwidthMiBps ? { rateBps: spec.bandwidthMiBps * 1024 * 1024 } : {}),
            signal: ctx.signal,
            onCreated: (vol) => made.volumes.push(vol),
            onBytes: (n, bytes) => {
              last = n;
              if (n === bytes) report(`verifying ${c.pool}/${c.name} (${spec.verify})`, n);
              else report(undefined, n);
            },
          });
          doneBytes += Math.max(last, r.bytes);
          c.path = r.path;
          report(undefined, 0);
          ctx.update({ figures: { lastRateBps: r.bytes / Math.max(0.001, (Date.now() - t0) / 1000) } });
        } else {
          const vol = await copyVolumeLocal({
            rpc,
            pool: c.poolRef,
            name: c.name,
            from: c.from.ref,
            capacity: c.from.vol.capacity,
            format: c.from.vol.format ?? 'raw',
            expected: c.bytes,
            onProgress: (n) => report(undefined, n),
          });
          made.volumes.push(vol);
          doneBytes += c.bytes;
          report(undefined, 0);
          c.path = await volGetPath(rpc, vol);
          if (ctx.signal.aborted) throw ctx.signal.reason;
        }
        const rw = p.disks.get(c.target);
        if (rw?.mode === 'copy') rw.path = c.path;
      }
      if (ctx.signal.aborted) throw ctx.signal.reason;
      ctx.update({ phase: `defining ${spec.name} on ${p.dst.label}`, progress: 0.96 });
      const { xml } = rewriteForClone(p.src.xml, this.rewrite(p));
      made.defining = true; // from here a lost answer may hide a definition that exists
      made.domain = await domainDefineXml(rpc, { xml });
      if (ctx.signal.aborted) throw ctx.signal.reason;
      if (spec.start) {
        ctx.update({ phase: `starting ${spec.name}`, progress: 0.98 });
        await domainCreate(rpc, made.domain);
      }
      const secs = (Date.now() - t0) / 1000;
      ctx.update({ phase: `done${p.copies.length ? ` (${fmtRate(doneBytes / Math.max(secs, 0.001))} average)` : ''}`, progress: 1 });
    } catch (err) {
      ctx.update({
        phase: ctx.signal.aborted
          ? `cancelled: removing what was created on ${p.dst.label}`
          : `failed: removing what was created on ${p.dst.label}`,
      });
      // The link to the target may have dropped (that may be the failure): wait for the reconnect.
      const live = await this.hosts.ready(p.dst.id, 60_000).catch(() => rpc);
      const left = await this.rollback(live, made, { name: spec.name, target: p.dst.label, uuid: p.uuid });
      addHint(err, cloneHint(err, p, spec));
      if (left.length) {
        throw new AppError(
          'partial-rollback',
          `${(err as Error).message} — and some of what the clone created on ${p.dst.label} could not be removed: ${left.join('; ')}`,
          'Remove these by hand on the target host; the source was not touched.',
        );
      }
      throw err;
    } finally {
      clearInterval(tick);
    }
  }

  /**
   * Removes what the clone made on the target, as planCloneRollback allows: its definition (its
   * own UUID), then its volumes, newest first; returns what could not be removed or was kept.
   */
  private async rollback(rpc: RpcClient, made: Made, c: { name: string; target: string; uuid: string }): Promise<string[]> {
    const left: string[] = [];
    let domain = made.domain;
    let definition: 'none' | 'ours' | 'unknown' = domain ? 'ours' : 'none';
    if (!domain && made.defining) {
      // The define was sent and its answer lost: ask the target for the clone's UUID.
      try {
        domain = await domainLookupByUuid(rpc, c.uuid);
        definition = 'ours';
      } catch (err) {
        if (!isMissing(err, ErrorCode.NO_DOMAIN)) definition = 'unknown';
      }
    }
    const plan = planCloneRollback({
      name: c.name,
      target: c.target,
      definition,
      volumes: made.volumes.map((v) => `${v.pool}/${v.name}`),
    });
    if (plan.kept) left.push(plan.kept);
    let definitionGone = !plan.undefine;
    if (plan.undefine && domain) {
      try {
        const st = await domainGetState(rpc, domain);
        if (st.state !== DS.SHUTOFF) await domainDestroy(rpc, domain);
        await domainUndefine(rpc, domain, {
          flags: UndefineFlags.NVRAM | UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA,
        });
        definitionGone = true;
      } catch (err) {
        if (isMissing(err, ErrorCode.NO_DOMAIN)) definitionGone = true;
        else left.push(`definition ${domain.name}: ${(err as Error).message}`);
      }
    }
    if (!plan.deleteVolumes) return left;
    if (!definitionGone) {
      // The clone is still defined: its disks stay with it (delete the VM with its volumes instead).
      if (made.volumes.length)
        left.push(`volumes ${made.volumes.map((v) => `${v.pool}/${v.name}`).join(', ')} (kept: ${c.name} still uses them)`);
      return left;
    }
    for (const v of [...made.volumes].reverse()) {
      try {
        await deleteCreatedVolume(rpc, v);
      } catch (err) {
        left.push(`volume ${v.pool}/${v.name}: ${(err as Error).message}`);
      }
    }
    return left;
  }

  // ---- reading and planning ------------------------------------------------------------------------

  private async readSource(hostId: HostId, uuid: string): Promise<Source> {
    const io = hostIo(this.hosts, hostId);
    const rpc = io.rpc();
    const dom = await domainLookupByUuid(rpc, uuid);
    const [st, xml] = await Promise.all([
      domainGetState(rpc, dom),
      domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE | DomainXmlFlags.SECURE }),
    ]);
    const disks = await Promise.all(
      sourceDisks(xml).map(async (d): Promise<SourceDiskFacts> => {
        try {
          let ref: StorageVolRef | undefined;
          if (d.type === 'volume' && d.pool && d.volume) ref = await volLookupByName(rpc, await poolLookupByName(rpc, d.pool), d.volume);
          else if (d.path && (d.type === 'file' || d.type === 'block')) ref = await volLookupByPath(rpc, d.path);
          if (!ref) return d;
          const vol = await volumeFacts(rpc, ref.pool, ref);
          return { ...d, path: vol.path, vol, ref };
        } catch {
          return d; // not in a pool on this host
        }
      }),
    );
    return { io, dom, state: stateOf(st.state), xml, disks };
  }

  private diskInfo(d: SourceDiskFacts, crossHost: boolean, sharedOnTarget: Set<string> | null, target: string): CloneDiskInfo {
    const notes: string[] = [];
    const removable = d.device === 'cdrom' || d.device === 'floppy';
    const readOnly = d.readonly || d.shareable || removable;
    let copy = !!d.vol && (d.vol.type === 'file' || d.vol.type === 'block');
    if (!d.vol && d.path)
      notes.push(`Not a volume of a storage pool: it cannot be copied (add its directory as a pool on the host to copy it).`);
    if (d.type === 'network') notes.push('A network disk: it cannot be copied.');
    if (copy && crossHost && d.vol?.backing) {
      copy = false;
      notes.push(
        `Has a backing file (${d.vol.backing}): a byte copy to ${target} would point at a file that host lacks. Flatten it first, or clone on the same host.`,
      );
    }
    let share = readOnly;
    if (share && crossHost && d.path && !sharedOnTarget?.has(d.path)) {
      share = false;
      notes.push(`${d.path} does not exist on ${target}: copy or detach it.`);
    }
    if (removable && !d.path) share = true; // an empty drive stays an empty drive
    if (!readOnly && !copy) notes.push('A writable disk is never shared between two VMs: without a copy, the clone goes without it.');
    const modes: CloneDiskInfo['modes'] = [...(copy ? (['copy'] as const) : []), ...(share ? (['share'] as const) : []), 'detach'];
    const defaultMode: CloneDiskInfo['defaultMode'] = readOnly && share ? 'share' : copy ? 'copy' : 'detach';
    return {
      target: d.target,
      device: d.device,
      ...(d.bus ? { bus: d.bus } : {}),
      type: d.type,
      ...(d.path ? { source: d.path } : d.pool && d.volume ? { source: `${d.pool}/${d.volume}` } : {}),
      ...(d.format ? { format: d.format } : {}),
      readonly: d.readonly,
      shareable: d.shareable,
      ...(d.vol
        ? {
            volume: {
              pool: d.vol.pool,
              name: d.vol.name,
              capacity: d.vol.capacity,
              allocation: d.vol.allocation,
              ...(d.vol.physical !== undefined ? { physical: d.vol.physical } : {}),
              ...(d.vol.backing ? { backing: d.vol.backing } : {}),
            },
          }
        : {}),
      modes,
      defaultMode,
      notes,
    };
  }

  private async plan(spec: CloneSpec): Promise<Plan> {
    const src = await this.readSource(spec.hostId, spec.uuid);
    if (src.state !== 'shutoff' && src.state !== 'paused') {
      throw new AppError(
        'source-running',
        `${src.dom.name} is ${src.state}`,
        'Shut it down or pause it first: a running VM’s disks change while they are copied.',
      );
    }
    const crossHost = spec.hostId !== spec.targetHostId;
    const dst = hostIo(this.hosts, spec.targetHostId);
    const rpc = dst.rpc();
    const notes: string[] = [];
    const warnings: string[] = [];
    if (!(await domainNameFree(rpc, spec.name)))
      throw new AppError('exists', `A VM named “${spec.name}” already exists on ${dst.label}`, 'Choose another name.');
    const uuid = spec.newUuid ?? randomUUID();
    if (uuid === spec.uuid || !(await domainUuidFree(rpc, uuid)))
      throw new AppError('exists', `The UUID ${uuid} is taken on ${dst.label}`, 'Go back and review again for a new UUID.');

    // One decision per disk, each one this disk allows.
    const sharedOnTarget = crossHost
      ? await hostReadable(
          dst,
          src.disks.map((d) => d.path).filter((p): p is string => !!p),
        )
      : null;
    const byTarget = new Map(spec.disks.map((d) => [d.target, d]));
    if (byTarget.size !== spec.disks.length) throw new AppError('invalid-input', 'A disk is listed twice');
    const disks = new Map<string, DiskRewrite>();
    const copies: Copy[] = [];
    const volumeKeys = new Set<string>();
    for (const d of src.disks) {
      const choice = byTarget.get(d.target);
      if (!choice)
        throw new AppError(
          'invalid-input',
          `No decision for disk ${d.target} of ${src.dom.name}`,
          'Choose copy, share or detach for every disk.',
        );
      byTarget.delete(d.target);
      const info = this.diskInfo(d, crossHost, sharedOnTarget, dst.label);
      if (!info.modes.includes(choice.mode)) {
        throw new AppError(
          'invalid-input',
          `Disk ${d.target} cannot be ${choice.mode === 'copy' ? 'copied' : choice.mode === 'share' ? 'shared' : 'detached'}`,
          info.notes.join(' ') || undefined,
        );
      }
      if (choice.mode !== 'copy') {
        disks.set(d.target, { mode: choice.mode });
        continue;
      }
      if (!d.vol || !d.ref) throw new AppError('invalid-input', `Disk ${d.target} is not a pool volume`);
      const key = `${choice.pool}\u0000${choice.volume}`;
      if (volumeKeys.has(key))
        throw new AppError(
          'invalid-input',
          `Two disks would be copied to ${choice.pool}/${choice.volume}`,
          'Give each copy its own volume name.',
        );
      volumeKeys.add(key);
      const pool = await activePool(rpc, choice.pool, dst.label);
      if (!(await volumeNameFree(rpc, pool.ref, choice.volume))) {
        throw new AppError(
          'exists',
          `The pool ${choice.pool} on ${dst.label} already has a volume “${choice.volume}”`,
          'Choose another volume name; existing volumes are never overwritten.',
        );
      }
      const method: Copy['method'] = crossHost || src.state !== 'shutoff' ? 'stream' : 'create-from';
      const bytes = method === 'stream' ? (d.vol.physical ?? d.vol.capacity) : Math.max(d.vol.allocation, 1);
      if (bytes > pool.available)
        warnings.push(
          `The pool ${choice.pool} on ${dst.label} has ${Math.floor(pool.available / 1048576)} MiB free; ${d.target} needs up to ${Math.ceil(bytes / 1048576)} MiB.`,
        );
      const path = plannedPath(pool, choice.volume);
      const blockPool = pool.type === 'logical' || pool.type === 'disk';
      copies.push({
        target: d.target,
        from: { ...d, vol: d.vol, ref: d.ref },
        pool: choice.pool,
        poolRef: pool.ref,
        name: choice.volume,
        path,
        bytes,
        blockPool,
        method,
      });
      disks.set(d.target, { mode: 'copy', type: blockPool ? 'block' : 'file', path });
    }
    if (byTarget.size) throw new AppError('invalid-input', `${src.dom.name} has no disk ${[...byTarget.keys()].join(', ')}`);

    // New MACs, unique on the target host; NICs mapped where asked.
    const taken = await hostMacsAndNames(rpc);
    const srcNics = sourceNics(src.xml);
    const used = new Set([...taken.macs, ...srcNics.map((n) => n.mac)]);
    const bySource = new Map(spec.nics.map((n) => [n.mac.toLowerCase(), n]));
    const bridges = crossHost || spec.nics.some((n) => n.target?.kind === 'bridge') ? await hostBridges(dst) : [];
    const details = spec.nics.some((n) => n.target?.kind === 'network') || crossHost ? await this.hosts.details(spec.targetHostId) : null;
    const nics: NicRewrite[] = [];
    for (const n of srcNics) {
      const want = bySource.get(n.mac);
      let mac = want?.newMac;
      if (mac && used.has(mac))
        throw new AppError('exists', `The MAC ${mac} is in use on ${dst.label}`, 'Go back and review again for new MACs.');
      while (!mac || used.has(mac)) mac = randomMac();
      used.add(mac);
      const target = want?.target;
      if (target?.kind === 'bridge' && !bridges.includes(target.name))
        warnings.push(`${dst.label} has no bridge ${target.name}: the clone will not start.`);
      if (target?.kind === 'network') {
        const net = details?.networks.find((x) => x.name === target.name);
        if (!net) throw new AppError('not-found', `${dst.label} has no network “${target.name}”`);
        if (!net.active) warnings.push(`The network ${target.name} is not running on ${dst.label}: start it before the clone.`);
      }
      if (!target && crossHost) {
        if (n.type === 'bridge' && n.source && !bridges.includes(n.source))
          warnings.push(`${dst.label} has no bridge ${n.source}: map NIC ${n.mac} to one it has.`);
        if (n.type === 'network' && n.source && !details?.networks.some((x) => x.name === n.source))
          warnings.push(`${dst.label} has no network ${n.source}: map NIC ${n.mac}.`);
      }
      nics.push({ mac, ...(target ? { target } : {}) });
    }

    let emulator: string | undefined;
    if (crossHost) {
      const facts = await hypervisorFacts(rpc);
      emulator = facts.emulator;
      const machine = /<type[^>]*machine=['"]([^'"]+)['"]/.exec(src.xml)?.[1];
      if (machine && !facts.machines.has(machine))
        warnings.push(`${dst.label}’s QEMU has no machine type ${machine}: defining the clone will fail.`);
    }
    if (src.state === 'paused')
      notes.push(
        `${src.dom.name} is paused: its disks are copied as they are now (QEMU flushed them when it paused)${crossHost ? '' : ', streamed through Vireo since QEMU keeps them locked'}.`,
      );
    return { src, dst, crossHost, uuid, name: spec.name, copies, disks, nics, ...(emulator ? { emulator } : {}), notes, warnings };
  }

  private rewrite(p: Plan) {
    return {
      name: p.name,
      uuid: p.uuid,
      sourceName: p.src.dom.name,
      disks: p.disks,
      nics: p.nics,
      ...(p.emulator ? { emulator: p.emulator } : {}),
    };
  }
}
