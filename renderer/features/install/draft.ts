/**
 * The install wizard's form: a flat draft the inputs edit, turned into the contract's InstallSpec
 * and checked with the contract's own schema (the backend checks it again).
 */
import {
  type FIRMWARE_KINDS,
  type InstallOptions,
  InstallSpec,
  type NicTarget,
  type OsVariant,
  type RequestInput,
} from '../../../shared/api';
import { firstFree, volumeNameFor } from '../../../shared/naming';
import { namedIssuesByField } from '../../lib/formErrors';

export type SourceKind = 'iso' | 'import' | 'url' | 'kernel';
export type DiskKind = 'new' | 'existing' | 'none';
export type FirmwareKind = (typeof FIRMWARE_KINDS)[number];

export interface InstallDraft {
  hostId: string;
  osVariant: string;
  source: SourceKind;
  isoPool: string;
  isoVolume: string;
  importPool: string;
  importVolume: string;
  url: string;
  urlKernel: string;
  urlInitrd: string;
  urlCmdline: string;
  kernel: string;
  initrd: string;
  cmdline: string;
  name: string;
  vcpus: number;
  memoryMiB: number;
  disk: DiskKind;
  diskPool: string;
  diskName: string;
  /** The admin typed a volume name: stop deriving it from the VM name. */
  diskNameTouched: boolean;
  diskSize: number;
  diskUnit: 'MiB' | 'GiB';
  diskFormat: 'qcow2' | 'raw';
  existingPool: string;
  existingVolume: string;
  /** 'network:<name>' | 'bridge:<name>' | 'none'. */
  nic: string;
  virtType: 'kvm' | 'qemu';
  /** BIOS, UEFI or UEFI with secure boot (the UEFI ones where the host offers them). */
  firmware: FirmwareKind;
  /** An emulated TPM 2.0. */
  tpm: boolean;
  graphics: boolean;
  serial: boolean;
  start: boolean;
}

export function nicKey(n: NicTarget): string {
  return n.kind === 'none' ? 'none' : `${n.kind}:${n.name}`;
}

export function nicOf(key: string): NicTarget {
  const i = key.indexOf(':');
  const kind = key.slice(0, i);
  const name = key.slice(i + 1);
  if (kind === 'network') return { kind: 'network', name };
  if (kind === 'bridge') return { kind: 'bridge', name };
  return { kind: 'none' };
}

/** The first draft for a host: its suggestions and the first OS's defaults. */
export function initialDraft(o: InstallOptions, takenNames: ReadonlySet<string>): InstallDraft {
  const variant = o.osVariants[0];
  const pool = o.suggested.pool ?? o.pools[0]?.name ?? '';
  const d: InstallDraft = {
    hostId: o.hostId,
    osVariant: variant?.id ?? 'generic',
    source: 'iso',
    isoPool: pool,
    isoVolume: '',
    importPool: pool,
    importVolume: '',
    url: '',
    urlKernel: '',
    urlInitrd: '',
    urlCmdline: '',
    kernel: '',
    initrd: '',
    cmdline: 'console=ttyS0',
    name: '',
    vcpus: 1,
    memoryMiB: 1024,
    disk: 'new',
    diskPool: pool,
    diskName: '',
    diskNameTouched: false,
    diskSize: 20,
    diskUnit: 'GiB',
    diskFormat: 'qcow2',
    existingPool: pool,
    existingVolume: '',
    nic: nicKey(o.suggested.nic),
    virtType: o.domainType,
    firmware: 'bios',
    tpm: false,
    graphics: true,
    serial: true,
    start: true,
  };
  return withVariant(withName(d, firstFree(variant?.id ?? 'vm', takenNames)), variant);
}

/** The OS's defaults for CPUs, memory and disk size. */
export function withVariant(d: InstallDraft, v: OsVariant | undefined): InstallDraft {
  if (!v) return d;
  return { ...d, osVariant: v.id, vcpus: v.defaults.vcpus, memoryMiB: v.defaults.memoryMiB, diskSize: v.defaults.diskGiB, diskUnit: 'GiB' };
}

/** A new name, and the new disk's volume name after it unless the admin chose one. */
export function withName(d: InstallDraft, name: string): InstallDraft {
  return { ...d, name, diskName: d.diskNameTouched ? d.diskName : volumeNameFor(name || 'vm', 0, d.diskFormat) };
}

export function withFormat(d: InstallDraft, diskFormat: InstallDraft['diskFormat']): InstallDraft {
  return { ...d, diskFormat, diskName: d.diskNameTouched ? d.diskName : volumeNameFor(d.name || 'vm', 0, diskFormat) };
}

export function toSpec(d: InstallDraft): RequestInput<'install.preview'> {
  const source: RequestInput<'install.preview'>['source'] =
    d.source === 'iso'
      ? { kind: 'iso', pool: d.isoPool, volume: d.isoVolume }
      : d.source === 'import'
        ? { kind: 'import', pool: d.importPool, volume: d.importVolume }
        : d.source === 'url'
          ? {
              kind: 'url',
              url: d.url.trim(),
              ...(d.urlKernel.trim() ? { kernel: d.urlKernel.trim() } : {}),
              ...(d.urlInitrd.trim() ? { initrd: d.urlInitrd.trim() } : {}),
              cmdline: d.urlCmdline,
            }
          : { kind: 'kernel', kernel: d.kernel.trim(), ...(d.initrd.trim() ? { initrd: d.initrd.trim() } : {}), cmdline: d.cmdline };
  const disk: RequestInput<'install.preview'>['disk'] =
    d.source === 'import' || d.disk === 'none'
      ? { kind: 'none' }
      : d.disk === 'existing'
        ? { kind: 'existing', pool: d.existingPool, volume: d.existingVolume }
        : {
            kind: 'new',
            pool: d.diskPool,
            name: d.diskName,
            sizeMiB: Math.round(d.diskSize * (d.diskUnit === 'GiB' ? 1024 : 1)),
            format: d.diskFormat,
          };
  return {
    hostId: d.hostId,
    name: d.name,
    osVariant: d.osVariant,
    source,
    vcpus: d.vcpus,
    memoryMiB: d.memoryMiB,
    disk,
    nic: nicOf(d.nic),
    graphics: d.graphics,
    serial: d.serial,
    start: d.start,
    virtType: d.virtType,
    ...(d.firmware !== 'bios' ? { firmware: d.firmware } : {}),
    ...(d.tpm ? { tpm: true } : {}),
  };
}

/** Which step a field belongs to (for showing schema issues where the admin can fix them). */
const STEP_OF: Record<string, 0 | 1> = { source: 0, osVariant: 0 };

/**
 * Each field of a step by its path in InstallSpec, as the step labels it (in the step's order):
 * the source step's labels follow the source kind.
 */
export function installLabels(d: InstallDraft, step: 0 | 1): Record<string, string> {
  if (step === 1)
    return {
      name: 'Name',
      vcpus: 'vCPUs',
      memoryMiB: 'Memory (MiB)',
      'disk.pool': 'Pool',
      'disk.name': 'Volume name',
      'disk.sizeMiB': 'Size',
      'disk.volume': 'Volume',
      'nic.name': 'Network',
    };
  const tree = d.source === 'url';
  return {
    osVariant: 'Operating system',
    'source.pool': 'Pool',
    'source.volume': d.source === 'import' ? 'Disk image' : 'ISO',
    'source.url': 'Install tree URL',
    'source.kernel': tree ? 'Kernel in the tree' : 'Kernel (path on the host)',
    'source.initrd': tree ? 'Initrd in the tree' : 'Initrd (path on the host)',
    'source.cmdline': tree ? 'Installer command line (extra)' : 'Kernel command line',
  };
}

/**
 * The schema's complaints for one step (0 source, 1 resources): field path → a sentence that
 * names the field (an issue of no field of the step's form under '').
 */
export function issues(d: InstallDraft, step: 0 | 1): Record<string, string> {
  const r = InstallSpec.safeParse(toSpec(d));
  const labels = installLabels(d, step);
  const mine = r.success ? [] : r.error.issues.filter((i) => (STEP_OF[String(i.path[0])] ?? 1) === step);
  const out = namedIssuesByField(mine, (p) => (p in labels ? p : undefined), labels);
  if (step === 0 && d.source === 'iso' && !d.isoVolume) out['source.volume'] = 'ISO: pick one (or upload one)';
  if (step === 0 && d.source === 'import' && !d.importVolume) out['source.volume'] = 'Disk image: pick one';
  return out;
}

/** A file name as a volume name: plain characters only, its extension kept. */
export function uploadVolumeName(fileName: string): string {
  const cleaned = fileName.replace(/[^A-Za-z0-9._+-]+/g, '_').replace(/^[._+-]+/, '');
  return (cleaned || 'upload.iso').slice(-128);
}
