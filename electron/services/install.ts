/**
 * The install wizard's backend: what a host offers (OS list, pools, networks, bridges, the
 * hypervisor's defaults), the exact definition a spec gives (preview), and the install itself as
 * a Job — volume create, define, start — that removes everything it made when a step fails or the
 * admin cancels. Also uploads a local file (an ISO) into a pool through a byte channel.
 */
import { randomUUID } from 'node:crypto';
import type {
  ChosenDefault,
  HostId,
  InstallOptions,
  InstallPreview,
  InstallSpec,
  Job,
  NicTarget,
  OsVariant,
  PlannedVolume,
  StorageVolumeInfo,
} from '../../shared/api';
import { AppError } from '../../shared/errors';
import { fileBaseName } from '../../shared/naming';
import type { StreamHub } from '../core/streams';
import type { RpcClient } from '../libvirt/client';
import { domainCreate, domainDefineXml, domainDestroy, domainGetState, domainUndefine } from '../libvirt/domain';
import { ErrorCode } from '../libvirt/errors';
import { type DomainRef, DomainState, type StorageVolRef, UndefineFlags } from '../libvirt/protocol';
import { volCreateXml, volGetPath, volLookupByName, volUpload } from '../libvirt/storage';
import { buildDomainXml, buildVolumeXml, type DiskPlan, type DomainPlan, randomMac } from '../xml/build';
import { redactDomainXml } from '../xml/redact';
import {
  activePool,
  domainNameFree,
  domainUuidFree,
  type HypervisorFacts,
  hostMacsAndNames,
  hypervisorFacts,
  isMissing,
  plannedPath,
  poolVolumes,
  volumeFacts,
  volumeNameFree,
} from './hostfacts';
import type { HostManager } from './hosts';
import type { JobContext, JobManager } from './jobs';
import { BUILTIN_OS_VARIANTS, parseOsinfoQuery, variantOf } from './osvariants';
import { deleteCreatedVolume, fmtRate, type HostIo, hostBridges, hostDigest, hostIo, hostReadable, pipeBytes } from './transfer';
import { Incoming } from './upload';

const MiB = 1024 * 1024;

/** Why each migration-minded default is what it is (the review page lists these). */
const WHY = {
  cache:
    "Live migration refuses disks cached on the host ('Unsafe migration … cache != none'); none also keeps a host crash from losing writes the guest believes are on disk.",
  hostModel:
    'A named CPU model plus features that libvirt can compare with (and carry to) another host; host-passthrough would tie the VM to identical CPUs.',
  customCpu: 'The hypervisor cannot describe the host CPU (host-model unsupported here): a baseline model every host can provide.',
  virtio: 'Paravirtual disk and NIC: the fastest, and the same on every KVM host, so the guest sees unchanged hardware after a migration.',
  noVirtio:
    'This OS has no virtio drivers in its installer: SATA disk and e1000e NIC work without extra drivers (switch to virtio after installing them).',
  machine: 'A pinned machine type keeps the guest’s hardware identical on a host with a newer QEMU.',
  serial: 'A text console that works over SSH without a display; it is what Vireo’s console opens.',
  vnc: 'Listens on the host’s loopback only: reached through Vireo’s SSH session, never exposed on the network.',
  kvm: 'Hardware virtualization; a migration target must offer KVM too.',
  tcg: 'Software emulation: works on any host (no /dev/kvm needed) but runs guests many times slower; a migration target needs the same.',
} as const;

/** Where a network install tree keeps its installer kernel + initrd (virt-install's layouts). */
const TREE_LAYOUTS: readonly { kernel: string; initrd: string; cmdline?: (url: string) => string }[] = [
  { kernel: 'images/pxeboot/vmlinuz', initrd: 'images/pxeboot/initrd.img', cmdline: (u) => `inst.repo=${u}` },
  {
    kernel: 'main/installer-amd64/current/images/netboot/debian-installer/amd64/linux',
    initrd: 'main/installer-amd64/current/images/netboot/debian-installer/amd64/initrd.gz',
  },
  { kernel: 'boot/x86_64/loader/linux', initrd: 'boot/x86_64/loader/initrd', cmdline: (u) => `install=${u}` },
  { kernel: 'linux', initrd: 'initrd.gz' },
  { kernel: 'vmlinuz', initrd: 'initrd.img' },
];

const BOOT_DIR = '/var/lib/libvirt/boot';

interface Plan {
  io: HostIo;
  facts: HypervisorFacts;
  variant: OsVariant;
  uuid: string;
  mac?: string;
  final: DomainPlan;
  /** The first boot, when it differs (network install). */
  firstBoot?: DomainPlan;
  newVolume?: {
    pool: string;
    name: string;
    capacity: number;
    format: string;
    poolRef: import('../libvirt/protocol').StoragePoolRef;
    path: string;
  };
  downloads: { url: string; dest: string }[];
  defaults: ChosenDefault[];
  warnings: string[];
}

function urlJoin(base: string, rel: string): string {
  return new URL(rel, base.endsWith('/') ? base : `${base}/`).toString();
}

export class InstallService {
  private osCache = new Map<HostId, { list: OsVariant[]; source: InstallOptions['osinfoSource'] }>();

  constructor(
    private readonly hosts: HostManager,
    private readonly jobs: JobManager,
    private readonly streams: StreamHub,
  ) {}

  async options(hostId: HostId): Promise<InstallOptions> {
    const io = hostIo(this.hosts, hostId);
    const [details, facts, os, bridges] = await Promise.all([
      this.hosts.details(hostId),
      hypervisorFacts(io.rpc()),
      this.osList(io),
      hostBridges(io),
    ]);
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
      hostId,
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
    };
  }

  async volumes(hostId: HostId, pool: string): Promise<StorageVolumeInfo[]> {
    return poolVolumes(this.hosts.connection(hostId).rpc, pool, this.hosts.name(hostId));
  }

  async preview(spec: InstallSpec): Promise<InstallPreview> {
    const p = await this.plan(spec);
    return {
      xml: redactDomainXml(buildDomainXml(p.final)),
      ...(p.firstBoot ? { firstBootXml: redactDomainXml(buildDomainXml(p.firstBoot)) } : {}),
      uuid: p.uuid,
      ...(p.mac ? { mac: p.mac } : {}),
      volumes: p.newVolume
        ? [
            {
              pool: p.newVolume.pool,
              name: p.newVolume.name,
              path: p.newVolume.path,
              capacity: p.newVolume.capacity,
              format: p.newVolume.format,
            },
          ]
        : [],
      defaults: p.defaults,
      warnings: p.warnings,
      consoleHint:
        spec.source.kind === 'kernel'
          ? 'The command line above must include console=ttyS0 for the kernel to print on the serial console.'
          : 'For a serial console, the installed system’s kernel needs console=ttyS0 on its command line (GRUB_CMDLINE_LINUX="console=ttyS0" on most Linux distributions).',
    };
  }

  /** Starts the install Job; resolves once it runs (its outcome arrives as job.progress events). */
  async create(spec: InstallSpec): Promise<{ job: Job; uuid: string; name: string }> {
    const p = await this.plan(spec);
    if (spec.source.kind === 'url' && !spec.start) {
      throw new AppError(
        'invalid-input',
        'A network install boots the installer right away',
        'Keep “Start after creating” on for a network install.',
      );
    }
    const host = p.io.label;
    const { job } = this.jobs.start(
      { kind: 'install', hostId: spec.hostId, domain: spec.name, title: `Install ${spec.name} on ${host}` },
      (ctx) => this.run(spec, p, ctx),
    );
    return { job, uuid: p.uuid, name: spec.name };
  }

  private async run(spec: InstallSpec, p: Plan, ctx: JobContext): Promise<void> {
    const rpc = p.io.rpc();
    const made: { volume?: StorageVolRef; domain?: DomainRef; files: string[] } = { files: [] };
    const steps = (p.downloads.length ? 1 : 0) + 1 + (p.newVolume ? 1 : 0) + 1 + (spec.start ? 1 : 0);
    let step = 0;
    const phase = (name: string) => {
      ctx.update({ phase: name, progress: step++ / steps });
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new AppError('canceled', 'Cancelled');
    };
    // job.progress at least twice a second while a step waits on the host.
    const started = Date.now();
    const tick = setInterval(() => ctx.update({ figures: { elapsedMs: Date.now() - started } }), 400);
    try {
      if (p.downloads.length) {
        phase('downloading the installer kernel and initrd on the host');
        for (const d of p.downloads) {
          made.files.push(d.dest);
          await this.download(p.io, d.url, d.dest);
        }
      }
      phase('checking');
      // Someone may have taken the name meanwhile.
      if (!(await domainNameFree(rpc, spec.name)))
        throw new AppError('exists', `A VM named “${spec.name}” already exists on ${p.io.label}`);
      if (p.newVolume) {
        phase(`creating the disk ${p.newVolume.name} in ${p.newVolume.pool}`);
        // No abort signal: a create given up on here could still finish on the host, unseen.
        made.volume = await volCreateXml(rpc, p.newVolume.poolRef, {
          xml: buildVolumeXml({ name: p.newVolume.name, capacity: p.newVolume.capacity, format: p.newVolume.format }),
        });
        const actual = await volGetPath(rpc, made.volume);
        if (actual !== p.newVolume.path) {
          for (const plan of [p.final, p.firstBoot]) for (const d of plan?.disks ?? []) if (d.path === p.newVolume.path) d.path = actual;
        }
      }
      phase('defining the VM');
      made.domain = await domainDefineXml(rpc, { xml: buildDomainXml(p.firstBoot ?? p.final) });
      if (spec.start) {
        phase('starting the VM');
        if (ctx.signal.aborted) throw ctx.signal.reason;
        await domainCreate(rpc, made.domain);
        if (p.firstBoot) {
          // Running on the installer kernel; the next boot is from the disk (virt-install's two definitions).
          await domainDefineXml(rpc, { xml: buildDomainXml(p.final) });
          // QEMU has loaded them: the downloads are no longer needed.
          await this.removeFiles(p.io, made.files).catch(() => {});
          made.files = [];
        }
      }
      if (ctx.signal.aborted) throw ctx.signal.reason;
      ctx.update({ phase: spec.start ? 'running' : 'defined', progress: 1 });
    } catch (err) {
      ctx.update({ phase: ctx.signal.aborted ? 'cancelled: removing what was created' : 'failed: removing what was created' });
      const left = await this.rollback(p.io, made);
      if (left.length) {
        const e = err as Error;
        throw new AppError(
          'partial-rollback',
          `${e.message} — and some of what the install created could not be removed: ${left.join('; ')}`,
          'Remove these by hand on the host.',
        );
      }
      throw err;
    } finally {
      clearInterval(tick);
    }
  }

  /** Undoes an install, newest first. Returns what could not be removed (empty when clean). */
  private async rollback(io: HostIo, made: { volume?: StorageVolRef; domain?: DomainRef; files: string[] }): Promise<string[]> {
    const rpc = io.rpc();
    const left: string[] = [];
    if (made.domain) {
      try {
        const st = await domainGetState(rpc, made.domain);
        if (st.state !== DomainState.SHUTOFF) await domainDestroy(rpc, made.domain);
      } catch (err) {
        if (!isMissing(err, ErrorCode.NO_DOMAIN) && !/not running/i.test((err as Error).message))
          left.push(`stop ${made.domain.name}: ${(err as Error).message}`);
      }
      try {
        await domainUndefine(rpc, made.domain, {
          flags: UndefineFlags.NVRAM | UndefineFlags.MANAGED_SAVE | UndefineFlags.SNAPSHOTS_METADATA,
        });
      } catch (err) {
        if (!isMissing(err, ErrorCode.NO_DOMAIN)) left.push(`definition ${made.domain.name}: ${(err as Error).message}`);
      }
    }
    if (made.volume) {
      try {
        await deleteCreatedVolume(rpc, made.volume);
      } catch (err) {
        left.push(`volume ${made.volume.name}: ${(err as Error).message}`);
      }
    }
    if (made.files.length) {
      try {
        await this.removeFiles(io, made.files);
      } catch (err) {
        left.push(`files ${made.files.join(', ')}: ${(err as Error).message}`);
      }
    }
    return left;
  }

  private async download(io: HostIo, url: string, dest: string): Promise<void> {
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
  }

  private async removeFiles(io: HostIo, files: readonly string[]): Promise<void> {
    if (!files.length) return;
    const r = await io.run(['rm', '-f', '--', ...files]);
    if (r.code !== 0) throw new Error(r.stderr.trim() || `rm exited ${r.code}`);
  }

  private async osList(io: HostIo): Promise<{ list: OsVariant[]; source: InstallOptions['osinfoSource'] }> {
    const cached = this.osCache.get(io.id);
    if (cached) return cached;
    let result: { list: OsVariant[]; source: InstallOptions['osinfoSource'] } = { list: [...BUILTIN_OS_VARIANTS], source: 'built-in' };
    try {
      const r = await io.run(['osinfo-query', 'os', '--fields=short-id,name,family,id']);
      const list = r.code === 0 ? parseOsinfoQuery(r.stdout) : [];
      if (list.length) result = { list, source: 'osinfo-query' };
    } catch {
      // no osinfo-query: the built-in list
    }
    this.osCache.set(io.id, result);
    return result;
  }

  /** Everything create needs, checked against the host; also what preview shows. */
  private async plan(spec: InstallSpec): Promise<Plan> {
    const io = hostIo(this.hosts, spec.hostId);
    const rpc = io.rpc();
    const host = io.label;
    const [facts, os] = await Promise.all([hypervisorFacts(rpc, spec.virtType), this.osList(io)]);
    const variant = variantOf(os.list, spec.osVariant);
    if (!(await domainNameFree(rpc, spec.name)))
      throw new AppError('exists', `A VM named “${spec.name}” already exists on ${host}`, 'Choose another name.');
    const uuid = spec.uuid ?? randomUUID();
    if (!(await domainUuidFree(rpc, uuid)))
      throw new AppError('exists', `A VM with UUID ${uuid} already exists on ${host}`, 'Go back and review again for a new UUID.');
    if (spec.vcpus > facts.maxVcpus)
      throw new AppError('invalid-input', `${host} allows at most ${facts.maxVcpus} vCPUs for this machine type`);

    const warnings: string[] = [];
    const virtio = variant.defaults.virtio;
    const q35 = /q35/.test(facts.machine);
    const diskBus: DiskPlan['bus'] = virtio ? 'virtio' : q35 ? 'sata' : 'ide';
    const cdBus: DiskPlan['bus'] = q35 ? 'sata' : 'ide';
    const counters: Record<string, number> = {};
    const targetFor = (bus: DiskPlan['bus']) => {
      const prefix = bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd';
      const key = prefix;
      const n = counters[key] ?? 0;
      counters[key] = n + 1;
      return `${prefix}${String.fromCharCode(97 + n)}`;
    };

    /** A disk on a volume that exists already (an imported image, or an existing disk). */
    const existingDisk = (vol: { type?: string; path: string; format?: string }, bootOrder: number | undefined): DiskPlan => ({
      device: 'disk',
      type: vol.type === 'block' ? 'block' : 'file',
      path: vol.path,
      format: vol.format ?? 'raw',
      bus: diskBus,
      target: targetFor(diskBus),
      ...(bootOrder ? { bootOrder } : {}),
    });

    const disks: DiskPlan[] = [];
    let newVolume: Plan['newVolume'];
    const src = spec.source;
    const mainDiskBoot = src.kind === 'kernel' ? undefined : 1;
    if (src.kind === 'import') {
      const pool = await activePool(rpc, src.pool, host);
      const vol = await this.volume(rpc, pool.ref, src.pool, src.volume, host);
      disks.push(existingDisk(vol, 1));
    }
    if (spec.disk.kind === 'new') {
      const pool = await activePool(rpc, spec.disk.pool, host);
      if (!(await volumeNameFree(rpc, pool.ref, spec.disk.name))) {
        throw new AppError(
          'exists',
          `The pool ${spec.disk.pool} on ${host} already has a volume “${spec.disk.name}”`,
          'Choose another disk name; existing volumes are never overwritten.',
        );
      }
      const capacity = spec.disk.sizeMiB * MiB;
      if (spec.disk.format === 'raw' && capacity > pool.available)
        warnings.push(`The pool ${spec.disk.pool} has ${Math.floor(pool.available / MiB)} MiB free, less than the disk’s size.`);
      const path = plannedPath(pool, spec.disk.name);
      newVolume = { pool: spec.disk.pool, name: spec.disk.name, capacity, format: spec.disk.format, poolRef: pool.ref, path };
      disks.push({
        device: 'disk',
        type: pool.type === 'logical' ? 'block' : 'file',
        path,
        format: spec.disk.format,
        bus: diskBus,
        target: targetFor(diskBus),
        ...(mainDiskBoot ? { bootOrder: mainDiskBoot } : {}),
      });
    } else if (spec.disk.kind === 'existing') {
      const pool = await activePool(rpc, spec.disk.pool, host);
      const vol = await this.volume(rpc, pool.ref, spec.disk.pool, spec.disk.volume, host);
      disks.push(existingDisk(vol, mainDiskBoot));
    }
    if (src.kind === 'iso') {
      const pool = await activePool(rpc, src.pool, host);
      const vol = await this.volume(rpc, pool.ref, src.pool, src.volume, host);
      disks.push({
        device: 'cdrom',
        type: 'file',
        path: vol.path,
        format: 'raw',
        bus: cdBus,
        target: targetFor(cdBus),
        readonly: true,
        bootOrder: disks.length ? 2 : 1,
      });
      if (!disks.some((d) => d.device === 'disk')) warnings.push('No disk to install onto: the VM boots the ISO only.');
    }

    const macInfo = spec.nic.kind !== 'none' ? await hostMacsAndNames(rpc) : null;
    let mac: string | undefined;
    if (spec.nic.kind !== 'none') {
      mac = spec.mac ?? randomMac();
      while (macInfo?.macs.has(mac) && !spec.mac) mac = randomMac();
      if (macInfo?.macs.has(mac))
        throw new AppError('exists', `Another VM on ${host} has the MAC ${mac}`, 'Go back and review again for a new MAC.');
      await this.checkNic(io, spec.nic, warnings);
    }

    const downloads: Plan['downloads'] = [];
    let firstBootKernel: DomainPlan['kernel'];
    let kernel: DomainPlan['kernel'];
    if (src.kind === 'kernel') {
      kernel = { kernel: src.kernel, ...(src.initrd ? { initrd: src.initrd } : {}), ...(src.cmdline ? { cmdline: src.cmdline } : {}) };
      const readable = await hostReadable(io, [src.kernel, ...(src.initrd ? [src.initrd] : [])]);
      for (const f of [src.kernel, src.initrd])
        if (f && !readable.has(f)) warnings.push(`${f} is not readable on ${host}: the VM will not start.`);
      if (spec.serial && !/console=ttyS0/.test(src.cmdline))
        warnings.push('The command line has no console=ttyS0: the serial console will stay silent.');
    } else if (src.kind === 'url') {
      const layout = await this.treeLayout(io, src, warnings);
      const tag = `${fileBaseName(spec.name)}-${uuid.slice(0, 8)}`;
      const k = { url: urlJoin(src.url, layout.kernel), dest: `${BOOT_DIR}/vireo-${tag}-kernel` };
      const i = { url: urlJoin(src.url, layout.initrd), dest: `${BOOT_DIR}/vireo-${tag}-initrd` };
      downloads.push(k, i);
      const cmdline = [layout.cmdline?.(src.url), src.cmdline, spec.serial && !/console=/.test(src.cmdline) ? 'console=ttyS0' : undefined]
        .filter(Boolean)
        .join(' ');
      firstBootKernel = { kernel: k.dest, initrd: i.dest, ...(cmdline ? { cmdline } : {}) };
    }

    const defaults: ChosenDefault[] = [];
    if (disks.some((d) => d.device === 'disk')) defaults.push({ setting: 'Disk cache', value: "cache='none'", why: WHY.cache });
    defaults.push(
      facts.cpu.mode === 'host-model'
        ? { setting: 'CPU', value: 'host-model', why: WHY.hostModel }
        : { setting: 'CPU', value: `custom (${facts.cpu.model})`, why: WHY.customCpu },
    );
    defaults.push(
      virtio
        ? { setting: 'Disk and NIC', value: 'virtio', why: WHY.virtio }
        : { setting: 'Disk and NIC', value: `${diskBus.toUpperCase()} disk, e1000e NIC`, why: WHY.noVirtio },
    );
    defaults.push({ setting: 'Machine type', value: facts.machine, why: WHY.machine });
    defaults.push(
      facts.domainType === 'kvm'
        ? { setting: 'Acceleration', value: 'KVM', why: WHY.kvm }
        : { setting: 'Acceleration', value: 'QEMU software emulation (TCG)', why: WHY.tcg },
    );
    if (spec.serial) defaults.push({ setting: 'Serial console', value: 'ttyS0 (pty)', why: WHY.serial });
    if (spec.graphics) defaults.push({ setting: 'Display', value: 'VNC on 127.0.0.1', why: WHY.vnc });

    const final: DomainPlan = {
      type: facts.domainType,
      name: spec.name,
      uuid,
      ...(variant.osinfoUri ? { osinfoUri: variant.osinfoUri } : {}),
      memoryMiB: spec.memoryMiB,
      vcpus: spec.vcpus,
      arch: facts.arch,
      machine: facts.machine,
      emulator: facts.emulator,
      cpu: facts.cpu,
      windows: variant.family === 'windows',
      ...(kernel ? { kernel } : {}),
      disks,
      ...(mac && spec.nic.kind !== 'none'
        ? { nic: { kind: spec.nic.kind, name: spec.nic.name, mac, model: virtio ? 'virtio' : 'e1000e' } }
        : {}),
      graphics: spec.graphics,
      serial: spec.serial,
    };
    const firstBoot: DomainPlan | undefined = firstBootKernel
      ? { ...final, kernel: firstBootKernel, disks: final.disks.map((d) => ({ ...d, bootOrder: undefined })) }
      : undefined;
    return {
      io,
      facts,
      variant,
      uuid,
      ...(mac ? { mac } : {}),
      final,
      ...(firstBoot ? { firstBoot } : {}),
      ...(newVolume ? { newVolume } : {}),
      downloads,
      defaults,
      warnings,
    };
  }

  private async volume(rpc: RpcClient, pool: import('../libvirt/protocol').StoragePoolRef, poolName: string, name: string, host: string) {
    try {
      return await volumeFacts(rpc, poolName, await volLookupByName(rpc, pool, name));
    } catch (err) {
      if (isMissing(err, ErrorCode.NO_STORAGE_VOL))
        throw new AppError('not-found', `The pool ${poolName} on ${host} has no volume “${name}”`, 'Pick a volume from the list.');
      throw err;
    }
  }

  private async checkNic(io: HostIo, nic: NicTarget, warnings: string[]): Promise<void> {
    if (nic.kind === 'bridge') {
      const bridges = await hostBridges(io);
      if (!bridges.includes(nic.name)) warnings.push(`${io.label} has no bridge ${nic.name}: the VM will not start.`);
    } else if (nic.kind === 'network') {
      const details = await this.hosts.details(io.id);
      const net = details.networks.find((n) => n.name === nic.name);
      if (!net) throw new AppError('not-found', `${io.label} has no network “${nic.name}”`, 'Pick a network or a bridge from the list.');
      if (!net.active) warnings.push(`The network ${nic.name} is not running on ${io.label}: start it before the VM (virsh net-start).`);
    }
  }

  /** Which kernel + initrd of the tree to fetch: the given paths, else the first known layout the server has. */
  private async treeLayout(io: HostIo, src: Extract<InstallSpec['source'], { kind: 'url' }>, warnings: string[]) {
    if (src.kernel && src.initrd) return { kernel: src.kernel, initrd: src.initrd };
    const candidates = src.kernel || src.initrd ? [{ kernel: src.kernel ?? 'vmlinuz', initrd: src.initrd ?? 'initrd.img' }] : TREE_LAYOUTS;
    const urls = candidates.flatMap((c) => [urlJoin(src.url, c.kernel), urlJoin(src.url, c.initrd)]);
    // One probe on the host (it downloads, not this computer): HEAD each URL, print those that answer.
    const r = await io.run([
      'sh',
      '-c',
      'for u in "$@"; do if command -v curl >/dev/null 2>&1; then curl -fsIL --proto =http,https --max-time 10 -o /dev/null -- "$u" && printf "%s\\n" "$u"; else wget -q --spider -T 10 -- "$u" && printf "%s\\n" "$u"; fi; done; true',
      'sh',
      ...urls,
    ]);
    const ok = new Set(r.stdout.split('\n').filter(Boolean));
    const found = candidates.find((c) => ok.has(urlJoin(src.url, c.kernel)) && ok.has(urlJoin(src.url, c.initrd)));
    if (found) return found;
    warnings.push(
      `${io.label} found no installer kernel + initrd under ${src.url} (tried ${candidates.map((c) => c.kernel).join(', ')}): give their paths in the tree.`,
    );
    return candidates[0] ?? { kernel: 'vmlinuz', initrd: 'initrd.img' };
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
    const path = await volGetPath(rpc, vol).catch(() => plannedPath(pool, a.name));
    const channel = this.streams.create();
    // Listen at once: the renderer may write (or go away) before the job's first await returns.
    const incoming = new Incoming(channel, a.size);
    const { job } = this.jobs.start(
      { kind: 'volume-copy', hostId: a.hostId, title: `Upload ${a.name} to ${io.label}/${a.pool}` },
      async (ctx) => {
        try {
          await this.receive(io, vol, path, a.size, incoming, ctx);
          channel.close('done');
        } catch (err) {
          ctx.update({ phase: 'removing the partial volume' });
          channel.close(ctx.signal.aborted ? 'cancelled' : (err as Error).message);
          await deleteCreatedVolume(io.rpc(), vol).catch((e: Error) => {
            throw new AppError(
              'partial-rollback',
              `${(err as Error).message} — and the partial volume ${a.name} could not be removed: ${e.message}`,
            );
          });
          throw err;
        }
      },
    );
    return { job, channel: channel.id, volume: { pool: a.pool, name: a.name, path, capacity: a.size, format: 'raw' } };
  }

  private async receive(io: HostIo, vol: StorageVolRef, path: string, size: number, incoming: Incoming, ctx: JobContext): Promise<void> {
    const onAbort = () => incoming.abort(ctx.signal.reason as Error);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    // job.progress at least twice a second, even while the renderer is slow to send.
    const tick = setInterval(() => ctx.update({}), 400);
    const bulk = await io.openBulk().catch((err: unknown) => {
      clearInterval(tick);
      throw err;
    });
    try {
      const upload = await volUpload(bulk.rpc, vol, { length: size });
      const t0 = Date.now();
      ctx.update({ phase: 'uploading', figures: { bytes: 0, totalBytes: size } });
      const result = await pipeBytes(incoming.source, upload, {
        hash: true,
        signal: incoming.signal,
        onBytes: (n) => {
          incoming.taken(n);
          const secs = (Date.now() - t0) / 1000;
          ctx.update({ progress: (n / size) * 0.95, figures: { bytes: n, totalBytes: size, bytesPerSec: secs > 0 ? n / secs : 0 } });
        },
      }).catch((err: unknown) => {
        // Say why it stopped (the viewer left, too many bytes, a cancel) rather than "aborted".
        throw incoming.signal.aborted ? incoming.signal.reason : err;
      });
      if (result.bytes !== size) throw new AppError('verify', `Received ${result.bytes} of ${size} bytes`);
      ctx.update({ phase: `verifying (${fmtRate(result.bytes / Math.max(0.001, (Date.now() - t0) / 1000))})`, progress: 0.96 });
      const d = await hostDigest(io, path, size, 'sha256');
      if (d.size !== size || d.sha256 !== result.sha256) {
        throw new AppError(
          'verify',
          `The uploaded volume on ${io.label} does not match the file (size ${d.size} vs ${size}, sha256 ${d.sha256?.slice(0, 12)} vs ${result.sha256?.slice(0, 12)})`,
        );
      }
      ctx.update({
        phase: `uploaded and verified (sha256 ${result.sha256?.slice(0, 12)}…)`,
        progress: 1,
        figures: { bytes: size, totalBytes: size },
      });
    } finally {
      clearInterval(tick);
      ctx.signal.removeEventListener('abort', onAbort);
      bulk.close();
    }
  }
}
