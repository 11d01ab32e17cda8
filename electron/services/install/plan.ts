/**
 * An install's plan, from facts that passed the checks (no I/O, no clock): the disks (a new
 * volume with its size and format, existing ones in place, an ISO as a CD-ROM), the NIC with its
 * MAC, the exact definition (and the first boot's, for a network install), the files the host
 * fetches, the defaults chosen for migration and why, and the warnings.
 */
import type { ChosenDefault, InstallPreview, InstallSpec, OsVariant } from '../../../shared/api';
import { fileBaseName } from '../../../shared/naming';
import type { StoragePoolRef } from '../../libvirt/protocol';
import { buildDomainXml, type DiskPlan, type DomainPlan } from '../../xml/build';
import { redactDomainXml } from '../../xml/redact';
import type { InstallFacts } from './facts';
import { variantOf } from './osvariants';
import { treeLayout, urlJoin } from './tree';

const MiB = 1024 * 1024;

/** Where the installer kernel + initrd of a network install are fetched to on the host. */
export const BOOT_DIR = '/var/lib/libvirt/boot';

/** Why each migration-minded default is what it is (the review page lists these). */
export const WHY = {
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
  agent:
    'Once the guest runs qemu-guest-agent, Vireo reads its IP addresses and facts through it, sets its clock after a resume and shuts it down cleanly.',
  kvm: 'Hardware virtualization; a migration target must offer KVM too.',
  tcg: 'Software emulation: works on any host (no /dev/kvm needed) but runs guests many times slower; a migration target needs the same.',
  uefi: 'libvirt picks the UEFI build from the host’s firmware descriptors and gives the VM its own variable store (NVRAM), deleted with the VM; a migration target needs a UEFI firmware too.',
  secureBoot:
    'The firmware only starts boot loaders signed with the enrolled Microsoft keys (Windows 11, and Linux through its signed shim); needs the q35 machine with SMM.',
  tpm: 'An emulated TPM 2.0 (swtpm): Windows 11 requires one, BitLocker and measured boot use it. Its state lives on this host and is deleted with the VM.',
} as const;

export interface NewVolumePlan {
  pool: string;
  name: string;
  capacity: number;
  format: string;
  poolRef: StoragePoolRef;
  path: string;
}

export interface InstallPlan {
  hostId: string;
  label: string;
  name: string;
  uuid: string;
  variant: OsVariant;
  mac?: string;
  final: DomainPlan;
  /** The first boot, when it differs (network install). */
  firstBoot?: DomainPlan;
  newVolume?: NewVolumePlan;
  downloads: { url: string; dest: string }[];
  defaults: ChosenDefault[];
  warnings: string[];
  start: boolean;
  consoleHint: string;
}

/**
 * The plan for a spec whose checks passed. `newMac` draws a candidate MAC (random in the service,
 * a fixed sequence in tests); one in use on the host is drawn again.
 */
export function planInstall(f: InstallFacts, spec: InstallSpec, newMac: () => string): InstallPlan {
  const facts = f.hypervisor;
  if (!facts) throw new Error('planInstall: the hypervisor refused the spec');
  const host = f.label;
  const uuid = f.uuid;
  const variant = variantOf(f.os.list, spec.osVariant);
  const warnings: string[] = [];
  const virtio = variant.defaults.virtio;
  const q35 = /q35/.test(facts.machine);
  const diskBus: DiskPlan['bus'] = virtio ? 'virtio' : q35 ? 'sata' : 'ide';
  const cdBus: DiskPlan['bus'] = q35 ? 'sata' : 'ide';
  const counters: Record<string, number> = {};
  const targetFor = (bus: DiskPlan['bus']) => {
    const prefix = bus === 'virtio' ? 'vd' : bus === 'ide' ? 'hd' : 'sd';
    const n = counters[prefix] ?? 0;
    counters[prefix] = n + 1;
    return `${prefix}${String.fromCharCode(97 + n)}`;
  };
  const named = (pool: string, volume: string) => {
    const p = f.pools.find((x) => x.name === pool);
    const v = p?.status === 'running' ? p.volumes.find((x) => x.name === volume)?.vol : undefined;
    if (!v) throw new Error(`planInstall: ${pool}/${volume} did not pass the checks`);
    return v;
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
  let newVolume: NewVolumePlan | undefined;
  const src = spec.source;
  const mainDiskBoot = src.kind === 'kernel' ? undefined : 1;
  if (src.kind === 'import') disks.push(existingDisk(named(src.pool, src.volume), 1));
  if (spec.disk.kind === 'new') {
    const d = spec.disk;
    const pool = f.pools.find((x) => x.name === d.pool);
    if (pool?.status !== 'running') throw new Error(`planInstall: the pool ${d.pool} did not pass the checks`);
    const capacity = d.sizeMiB * MiB;
    if (d.format === 'raw' && capacity > pool.available)
      warnings.push(`The pool ${d.pool} has ${Math.floor(pool.available / MiB)} MiB free, less than the disk’s size.`);
    const path = `${pool.path ?? ''}/${d.name}`;
    newVolume = { pool: d.pool, name: d.name, capacity, format: d.format, poolRef: pool.ref, path };
    disks.push({
      device: 'disk',
      type: pool.type === 'logical' ? 'block' : 'file',
      path,
      format: d.format,
      bus: diskBus,
      target: targetFor(diskBus),
      ...(mainDiskBoot ? { bootOrder: mainDiskBoot } : {}),
    });
  } else if (spec.disk.kind === 'existing') disks.push(existingDisk(named(spec.disk.pool, spec.disk.volume), mainDiskBoot));
  if (src.kind === 'iso') {
    disks.push({
      device: 'cdrom',
      type: 'file',
      path: named(src.pool, src.volume).path,
      format: 'raw',
      bus: cdBus,
      target: targetFor(cdBus),
      readonly: true,
      bootOrder: disks.length ? 2 : 1,
    });
    if (!disks.some((d) => d.device === 'disk')) warnings.push('No disk to install onto: the VM boots the ISO only.');
  }

  let mac: string | undefined;
  if (spec.nic.kind !== 'none') {
    const used = new Set(f.macs);
    mac = spec.mac ?? newMac();
    while (used.has(mac) && !spec.mac) mac = newMac();
    if (spec.nic.kind === 'bridge' && !f.bridges?.includes(spec.nic.name))
      warnings.push(`${host} has no bridge ${spec.nic.name}: the VM will not start.`);
    const nicName = spec.nic.kind === 'network' ? spec.nic.name : undefined;
    const net = nicName ? f.networks?.find((n) => n.name === nicName) : undefined;
    if (net && !net.active) warnings.push(`The network ${net.name} is not running on ${host}: start it before the VM (virsh net-start).`);
  }

  const downloads: InstallPlan['downloads'] = [];
  let firstBootKernel: DomainPlan['kernel'];
  let kernel: DomainPlan['kernel'];
  if (src.kind === 'kernel') {
    kernel = { kernel: src.kernel, ...(src.initrd ? { initrd: src.initrd } : {}), ...(src.cmdline ? { cmdline: src.cmdline } : {}) };
    for (const file of [src.kernel, src.initrd])
      if (file && !f.readable.includes(file)) warnings.push(`${file} is not readable on ${host}: the VM will not start.`);
    if (spec.serial && !/console=ttyS0/.test(src.cmdline))
      warnings.push('The command line has no console=ttyS0: the serial console will stay silent.');
  } else if (src.kind === 'url') {
    const { layout, warning } = treeLayout(src, f.treeUrls, host);
    if (warning) warnings.push(warning);
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
  defaults.push({ setting: 'Guest agent channel', value: 'org.qemu.guest_agent.0', why: WHY.agent });
  const fw = spec.firmware ?? 'bios';
  if (fw === 'uefi') defaults.push({ setting: 'Firmware', value: 'UEFI (OVMF), secure boot off', why: WHY.uefi });
  if (fw === 'uefi-secure')
    defaults.push({ setting: 'Firmware', value: 'UEFI (OVMF), secure boot on', why: `${WHY.secureBoot} ${WHY.uefi}` });
  const tpm = spec.tpm ? f.firmware?.tpm : undefined;
  if (tpm) defaults.push({ setting: 'TPM', value: `TPM 2.0 (${tpm}), emulated`, why: WHY.tpm });

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
    agentChannel: true,
    ...(fw !== 'bios' ? { uefi: { secureBoot: fw === 'uefi-secure' } } : {}),
    ...(tpm ? { tpm } : {}),
  };
  const firstBoot: DomainPlan | undefined = firstBootKernel
    ? { ...final, kernel: firstBootKernel, disks: final.disks.map((d) => ({ ...d, bootOrder: undefined })) }
    : undefined;
  return {
    hostId: f.hostId,
    label: host,
    name: spec.name,
    uuid,
    variant,
    ...(mac ? { mac } : {}),
    final,
    ...(firstBoot ? { firstBoot } : {}),
    ...(newVolume ? { newVolume } : {}),
    downloads,
    defaults,
    warnings,
    start: spec.start,
    consoleHint:
      src.kind === 'kernel'
        ? 'The command line above must include console=ttyS0 for the kernel to print on the serial console.'
        : 'For a serial console, the installed system’s kernel needs console=ttyS0 on its command line (GRUB_CMDLINE_LINUX="console=ttyS0" on most Linux distributions).',
  };
}

/** The plan's definitions with the new volume's real path where it differs from the planned one. */
export function withVolumePath(p: InstallPlan, actual: string): { final: DomainPlan; firstBoot?: DomainPlan } {
  const planned = p.newVolume?.path;
  const fix = (d: DomainPlan): DomainPlan =>
    planned === undefined || actual === planned
      ? d
      : { ...d, disks: d.disks.map((x) => (x.path === planned ? { ...x, path: actual } : x)) };
  return { final: fix(p.final), ...(p.firstBoot ? { firstBoot: fix(p.firstBoot) } : {}) };
}

/** What the review page shows (the definition exactly as it will be defined, secrets redacted). */
export function installPreview(p: InstallPlan): InstallPreview {
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
    consoleHint: p.consoleHint,
  };
}
