/**
 * The install wizard's backend: what a host offers (OS list, pools, networks, bridges, the
 * hypervisor's defaults), the exact definition a spec gives (preview), and the install itself as
 * a Job. Three parts: facts.ts reads the host, checks.ts and plan.ts decide (pure, unit-tested
 * from facts captured in the lab), execute.ts makes it with an undo for everything it creates.
 * Also uploads a local file (an ISO) into a pool through a byte channel (upload.ts).
 */
import { randomUUID } from 'node:crypto';
import type {
  HostId,
  InstallOptions,
  InstallPreview,
  InstallSpec,
  Job,
  NicTarget,
  PlannedVolume,
  StorageVolumeInfo,
} from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { StreamHub } from '../../core/streams';
import { UndoStack } from '../../core/undo';
import { domainCreate, domainDefineXml } from '../../libvirt/domain';
import { volCreateXml, volGetPath } from '../../libvirt/storage';
import { randomMac } from '../../xml/build';
import { buildVolumeXml } from '../../xml/volume';
import { activePool, domainNameFree, plannedPath, poolVolumes, volumeNameFree } from '../hostfacts';
import type { HostManager } from '../hosts';
import type { JobManager } from '../jobs';
import { deleteCreatedVolume, type HostIo, hostIo } from '../transfer';
import { domainUndoIo, removeDefinition } from '../undo-steps';
import { installRefusals } from './checks';
import { executeInstall, type InstallExecIo } from './execute';
import { collectInstallFacts, collectInstallOptionsFacts, type InstallHosts, type OsList, readOsList } from './facts';
import { firmwareOffer } from './firmware';
import { type InstallPlan, installPreview, planInstall } from './plan';
import { Incoming, receiveUpload } from './upload';

const MiB = 1024 * 1024;

/** The wizard's first page from what the host offers: the suggested pool and NIC. */
export function installOptions(o: Awaited<ReturnType<typeof collectInstallOptionsFacts>>): InstallOptions {
  const { details, hypervisor: facts, os, bridges } = o;
  const pools = details.pools;
  const running = pools.filter((p) => p.state === 'running');
  const pool = running.find((p) => p.name === 'default')?.name ?? running[0]?.name;
  const netBridges = new Set(details.networks.map((n) => n.bridge).filter(Boolean));
  const def = details.networks.find((n) => n.name === 'default' && n.active);
  const plainBridge = bridges.find((b) => !netBridges.has(b));
  const activeNet = details.networks.find((n) => n.active);
  const nic: NicTarget = def
    ? { kind: 'network', name: def.name }
    : plainBridge
      ? { kind: 'bridge', name: plainBridge }
      : activeNet
        ? { kind: 'network', name: activeNet.name }
        : { kind: 'none' };
  return {
    hostId: o.hostId,
    osVariants: os.list,
    osinfoSource: os.source,
    domainType: facts.domainType,
    domainTypes: facts.domainTypes,
    arch: facts.arch,
    machine: facts.machine,
    emulator: facts.emulator,
    cpu: facts.cpu,
    maxVcpus: facts.maxVcpus,
    hostMemoryMiB: Math.floor(details.memory.totalKiB / 1024),
    pools,
    networks: details.networks,
    bridges,
    suggested: { ...(pool ? { pool } : {}), nic },
    firmware: firmwareOffer(o.firmware, o.label, facts.machine),
  };
}

export class InstallService {
  private osCache = new Map<HostId, OsList>();
  private readonly reach: InstallHosts;

  constructor(
    private readonly hosts: HostManager,
    private readonly jobs: JobManager,
    private readonly streams: StreamHub,
  ) {
    this.reach = { io: (id) => hostIo(hosts, id), details: (id) => hosts.details(id) };
  }

  async options(hostId: HostId): Promise<InstallOptions> {
    return installOptions(await collectInstallOptionsFacts(this.reach, hostId, await this.osList(hostIo(this.hosts, hostId))));
  }

  async volumes(hostId: HostId, pool: string): Promise<StorageVolumeInfo[]> {
    return poolVolumes(this.hosts.connection(hostId).rpc, pool, this.hosts.name(hostId));
  }

  async preview(spec: InstallSpec): Promise<InstallPreview> {
    return installPreview(await this.plan(spec, false));
  }

  /** Starts the install Job; resolves once it runs (its outcome arrives as job.progress events). */
  async create(spec: InstallSpec): Promise<{ job: Job; uuid: string; name: string }> {
    const p = await this.plan(spec, true);
    const { job } = this.jobs.start(
      { kind: 'install', hostId: spec.hostId, domain: spec.name, title: `Install ${spec.name} on ${p.label}` },
      (ctx) => executeInstall(p, this.execIo(hostIo(this.hosts, spec.hostId)), ctx),
    );
    return { job, uuid: p.uuid, name: spec.name };
  }

  /** Facts for the spec, its first refusal thrown as the AppError the wizard shows, else the plan. */
  private async plan(spec: InstallSpec, creating: boolean): Promise<InstallPlan> {
    const io = hostIo(this.hosts, spec.hostId);
    const facts = await collectInstallFacts(this.reach, spec, spec.uuid ?? randomUUID(), await this.osList(io));
    const refusal = installRefusals(facts, spec, { creating })[0];
    if (refusal) throw new AppError(refusal.code, refusal.message, refusal.hint);
    return planInstall(facts, spec, randomMac);
  }

  private execIo(io: HostIo): InstallExecIo {
    return {
      download: async (url, dest) => {
        const r = await io.run([
          'sh',
          '-c',
          'mkdir -p -- "$(dirname -- "$2")" && if command -v curl >/dev/null 2>&1; then curl -fsSL --proto =http,https --max-filesize 2147483648 -o "$2" -- "$1"; else wget -q -O "$2" -- "$1"; fi',
          'sh',
          url,
          dest,
        ]);
        if (r.code !== 0)
          throw new AppError(
            'download',
            `${io.label} could not fetch ${url}: ${r.stderr.trim() || `exit ${r.code}`}`,
            'Check the URL from the host (it downloads, not this computer).',
          );
      },
      removeFiles: async (files) => {
        if (!files.length) return;
        const r = await io.run(['rm', '-f', '--', ...files]);
        if (r.code !== 0) throw new Error(r.stderr.trim() || `rm exited ${r.code}`);
      },
      nameFree: (name) => domainNameFree(io.rpc(), name),
      createVolume: (v) =>
        volCreateXml(io.rpc(), v.poolRef, { xml: buildVolumeXml({ name: v.name, capacity: v.capacity, format: v.format }) }),
      volumePath: (vol) => volGetPath(io.rpc(), vol),
      define: (xml) => domainDefineXml(io.rpc(), { xml }),
      start: async (dom) => void (await domainCreate(io.rpc(), dom)),
      removeDefinition: (dom) =>
        removeDefinition(
          domainUndoIo(() => io.rpc()),
          dom,
        ),
      deleteVolume: (vol) => deleteCreatedVolume(io.rpc(), vol),
    };
  }

  private async osList(io: HostIo): Promise<OsList> {
    const cached = this.osCache.get(io.id);
    if (cached) return cached;
    const result = await readOsList(io);
    this.osCache.set(io.id, result);
    return result;
  }

  // ---- upload of a local file -----------------------------------------------------------------------

  async upload(a: {
    hostId: HostId;
    pool: string;
    name: string;
    size: number;
  }): Promise<{ job: Job; channel: string; volume: PlannedVolume }> {
    const io = hostIo(this.hosts, a.hostId);
    const rpc = io.rpc();
    const pool = await activePool(rpc, a.pool, io.label);
    if (!(await volumeNameFree(rpc, pool.ref, a.name))) {
      throw new AppError(
        'exists',
        `The pool ${a.pool} on ${io.label} already has a volume “${a.name}”`,
        'Rename the file, or pick the existing volume from the list.',
      );
    }
    if (a.size > pool.available)
      throw new AppError(
        'no-space',
        `The pool ${a.pool} on ${io.label} has ${Math.floor(pool.available / MiB)} MiB free; the file needs ${Math.ceil(a.size / MiB)} MiB`,
      );
    const vol = await volCreateXml(rpc, pool.ref, { xml: buildVolumeXml({ name: a.name, capacity: a.size, format: 'raw' }) });
    const undo = new UndoStack();
    undo.push(`the partial volume ${a.name}`, () => deleteCreatedVolume(io.rpc(), vol));
    const path = await volGetPath(rpc, vol).catch(() => plannedPath(pool, a.name));
    const channel = this.streams.create();
    // Listen at once: the renderer may write (or go away) before the job's first await returns.
    const incoming = new Incoming(channel, a.size);
    const { job } = this.jobs.start(
      { kind: 'volume-copy', hostId: a.hostId, title: `Upload ${a.name} to ${io.label}/${a.pool}` },
      async (ctx) => {
        try {
          await receiveUpload({ io, vol, path, size: a.size }, incoming, ctx);
          undo.commit();
          channel.close('done');
        } catch (err) {
          ctx.update({ phase: 'removing the partial volume' });
          channel.close(ctx.signal.aborted ? 'cancelled' : (err as Error).message);
          const failed = (await undo.unwind()).failed[0];
          if (failed)
            throw new AppError(
              'partial-rollback',
              `${(err as Error).message} — and the partial volume ${a.name} could not be removed: ${failed.error.message}`,
            );
          throw err;
        }
      },
    );
    return { job, channel: channel.id, volume: { pool: a.pool, name: a.name, path, capacity: a.size, format: 'raw' } };
  }
}
