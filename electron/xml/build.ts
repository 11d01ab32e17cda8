/**
 * A new VM's definition, built element by element through the DOM (a name with quotes, "<" or
 * "&" is text, never markup), laid out as virt-install would.
 */
import { randomBytes } from 'node:crypto';
import { appendAgentChannel } from './agent';
import { appendElement as add, type Element, indent, newDocument, toXml } from './dom';

// TODO(xml): re-exported for clone.ts and install.ts until their owners import from clone.ts/volume.ts.
export {
  type CloneRewrite,
  type DiskRewrite,
  type NicRewrite,
  rewriteForClone,
  type SourceDisk,
  type SourceNic,
  sourceDisks,
  sourceNics,
} from './clone';
export { buildVolumeXml } from './volume';

// ---- building -------------------------------------------------------------------------------------

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
  /** The QEMU guest agent's virtio-serial channel (org.qemu.guest_agent.0). */
  agentChannel?: boolean;
  /**
   * UEFI through libvirt's firmware autoselection (<os firmware='efi'>, the host's firmware
   * descriptors); secure boot asks for a build with the Microsoft keys enrolled (and SMM). Absent: BIOS.
   */
  uefi?: { secureBoot: boolean };
  /** An emulated TPM 2.0 (swtpm) of this model. */
  tpm?: 'tpm-crb' | 'tpm-tis';
}

const LIBOSINFO_NS = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

/** A new VM's definition, laid out as virt-install would, with migration-friendly choices. */
export function buildDomainXml(p: DomainPlan): string {
  const doc = newDocument('domain');
  const d = doc.documentElement as Element;
  d.setAttribute('type', p.type);
  add(d, 'name', {}, p.name);
  add(d, 'uuid', {}, p.uuid);
  if (p.osinfoUri) {
    const md = add(d, 'metadata');
    const lo = doc.createElementNS(LIBOSINFO_NS, 'libosinfo:libosinfo');
    md.appendChild(lo);
    const os = doc.createElementNS(LIBOSINFO_NS, 'libosinfo:os');
    os.setAttribute('id', p.osinfoUri);
    lo.appendChild(os);
  }
  const kib = String(p.memoryMiB * 1024);
  add(d, 'memory', { unit: 'KiB' }, kib);
  add(d, 'currentMemory', { unit: 'KiB' }, kib);
  add(d, 'vcpu', { placement: 'static' }, String(p.vcpus));

  const os = add(d, 'os', p.uefi ? { firmware: 'efi' } : {});
  add(os, 'type', { arch: p.arch, machine: p.machine }, 'hvm');
  if (p.uefi) {
    const fw = add(os, 'firmware');
    add(fw, 'feature', { enabled: p.uefi.secureBoot ? 'yes' : 'no', name: 'secure-boot' });
    if (p.uefi.secureBoot) add(fw, 'feature', { enabled: 'yes', name: 'enrolled-keys' });
  }
  if (p.kernel) {
    add(os, 'kernel', {}, p.kernel.kernel);
    if (p.kernel.initrd) add(os, 'initrd', {}, p.kernel.initrd);
    if (p.kernel.cmdline) add(os, 'cmdline', {}, p.kernel.cmdline);
  }

  const features = add(d, 'features');
  add(features, 'acpi');
  add(features, 'apic');
  // Secure boot firmware keeps its variables in SMM-protected flash: libvirt requires SMM for it.
  if (p.uefi?.secureBoot) add(features, 'smm', { state: 'on' });
  if (p.windows) {
    const hv = add(features, 'hyperv', { mode: 'custom' });
    add(hv, 'relaxed', { state: 'on' });
    add(hv, 'vapic', { state: 'on' });
    add(hv, 'spinlocks', { state: 'on', retries: 8191 });
  }
  if (p.cpu.mode === 'host-model') add(d, 'cpu', { mode: 'host-model', check: 'partial' });
  else {
    const cpu = add(d, 'cpu', { mode: 'custom', match: 'exact', check: 'partial' });
    add(cpu, 'model', { fallback: 'allow' }, p.cpu.model);
  }
  const clock = add(d, 'clock', { offset: p.windows ? 'localtime' : 'utc' });
  add(clock, 'timer', { name: 'rtc', tickpolicy: 'catchup' });
  add(clock, 'timer', { name: 'pit', tickpolicy: 'delay' });
  add(clock, 'timer', { name: 'hpet', present: 'no' });
  if (p.windows) add(clock, 'timer', { name: 'hypervclock', present: 'yes' });
  add(d, 'on_poweroff', {}, 'destroy');
  add(d, 'on_reboot', {}, 'restart');
  add(d, 'on_crash', {}, 'destroy');

  const dev = add(d, 'devices');
  add(dev, 'emulator', {}, p.emulator);
  for (const disk of p.disks) {
    const x = add(dev, 'disk', { type: disk.type, device: disk.device });
    add(x, 'driver', {
      name: 'qemu',
      type: disk.format,
      // cache='none' is what live migration accepts; a CD-ROM is read-only, its cache mode moot.
      ...(disk.device === 'disk' ? { cache: 'none', discard: 'unmap' } : {}),
    });
    add(x, 'source', disk.type === 'block' ? { dev: disk.path } : { file: disk.path });
    add(x, 'target', { dev: disk.target, bus: disk.bus });
    if (disk.readonly || disk.device === 'cdrom') add(x, 'readonly');
    if (disk.bootOrder !== undefined) add(x, 'boot', { order: disk.bootOrder });
  }
  add(dev, 'controller', { type: 'usb', model: 'qemu-xhci', ports: 15 });
  if (p.nic) {
    const i = add(dev, 'interface', { type: p.nic.kind });
    add(i, 'mac', { address: p.nic.mac });
    add(i, 'source', p.nic.kind === 'network' ? { network: p.nic.name } : { bridge: p.nic.name });
    add(i, 'model', { type: p.nic.model });
  }
  if (p.serial) {
    const s = add(dev, 'serial', { type: 'pty' });
    if (p.serialLog) add(s, 'log', { file: p.serialLog, append: 'off' });
    add(s, 'target', { port: 0 });
    const c = add(dev, 'console', { type: 'pty' });
    if (p.serialLog) add(c, 'log', { file: p.serialLog, append: 'off' });
    add(c, 'target', { type: 'serial', port: 0 });
  }
  if (p.agentChannel) appendAgentChannel(dev);
  add(dev, 'input', { type: 'tablet', bus: 'usb' });
  if (p.graphics) {
    const g = add(dev, 'graphics', { type: 'vnc', port: -1, autoport: 'yes', listen: '127.0.0.1' });
    add(g, 'listen', { type: 'address', address: '127.0.0.1' });
    const v = add(dev, 'video');
    add(v, 'model', { type: p.windows ? 'vga' : 'virtio' });
  }
  const rng = add(dev, 'rng', { model: 'virtio' });
  add(rng, 'backend', { model: 'random' }, '/dev/urandom');
  if (p.tpm) add(add(dev, 'tpm', { model: p.tpm }), 'backend', { type: 'emulator', version: '2.0' });
  add(dev, 'memballoon', { model: 'virtio' });
  indent(doc);
  return toXml(doc);
}
