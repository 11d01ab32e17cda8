/**
 * The typed domain model: what Vireo reads from a libvirt domain definition. `parseDomain`
 * (parse.ts) fills it; edits go through a DomainDoc (edit.ts) so that everything the model leaves
 * out — unknown elements, attributes, metadata of other tools — stays byte for byte.
 *
 * Attributes are kept as libvirt wrote them (strings; absent = undefined) apart from numbers
 * that are plainly numbers (ports, memory, vCPUs); defaults are for the caller to choose.
 * Every device carries `index`, its position among the <devices> children of its tag, so an
 * edit can name it again (a disk is also found by its target, a NIC by its MAC).
 */

/** Where a disk's (or a backing image's) data is: the attributes of its <source>. */
export interface DiskSource {
  /** type='file' */
  file?: string;
  /** type='block' */
  dev?: string;
  /** type='dir' */
  dir?: string;
  /** type='volume' */
  pool?: string;
  volume?: string;
  mode?: string;
  /** type='network' */
  protocol?: string;
  name?: string;
  hosts: { name?: string; port?: string; transport?: string; socket?: string }[];
  startupPolicy?: string;
}

/** One image below a disk in its backing chain (<backingStore> with a source). */
export interface BackingImage {
  type?: string;
  format?: string;
  source: DiskSource;
  /** file or dev of the source. */
  path?: string;
}

export interface DomainDiskModel {
  index: number;
  /** type= ('file' when absent, as libvirt reads it). */
  type: string;
  /** device= ('disk' when absent). */
  device: string;
  target?: string;
  bus?: string;
  /** Absent for an empty CD-ROM. */
  source?: DiskSource;
  /** The host path of a file or block disk: source file ?? dev. */
  path?: string;
  driver: { name?: string; type?: string; cache?: string; io?: string; discard?: string };
  readonly: boolean;
  shareable: boolean;
  bootOrder?: number;
  alias?: string;
  serial?: string;
  /** Outermost first; empty when the definition names no backing image. */
  backingChain: BackingImage[];
  /** A block copy in progress (live XML): job='copy', ready='yes' | 'abort' | 'pivot' (absent: not in sync yet). */
  mirror?: { job?: string; ready?: string; path?: string };
}

export interface DomainInterfaceModel {
  index: number;
  type: string;
  mac?: string;
  /** bridge= / network= / dev= of <source>, with the attribute it came from. */
  source?: { kind: 'bridge' | 'network' | 'dev'; name: string };
  model?: string;
  /** The tap device (live XML, or a fixed one). */
  target?: string;
  linkState?: string;
  bootOrder?: number;
  alias?: string;
}

export type CharDevKind = 'serial' | 'console' | 'channel' | 'parallel';

/** <serial>, <console>, <channel>, <parallel>. */
export interface CharDevModel {
  kind: CharDevKind;
  index: number;
  /** type= ('pty' when absent). */
  type: string;
  port?: number;
  targetType?: string;
  /** A channel's target name (org.qemu.guest_agent.0 …). */
  targetName?: string;
  /** A channel's connection state in the live XML. */
  state?: string;
  /** <source path=…> (the pty, or a file/unix socket). */
  sourcePath?: string;
  logFile?: string;
  alias?: string;
}

export interface GraphicsListen {
  type?: string;
  address?: string;
  network?: string;
  socket?: string;
}

export interface DomainGraphicsModel {
  index: number;
  type: string;
  /** port= as written (-1 while autoport has not given one). */
  port?: number;
  autoport: boolean;
  /** The listen= attribute (older form). */
  listen?: string;
  listens: GraphicsListen[];
  socket?: string;
  websocket?: number;
  hasPassword: boolean;
}

export interface DomainHostdevModel {
  index: number;
  mode?: string;
  type?: string;
  managed?: string;
  /** USB: ids as written (0x046d), address when given. */
  vendorId?: string;
  productId?: string;
  bus?: number;
  device?: number;
  /** PCI: <source><address domain bus slot function>. */
  pci?: { domain?: string; bus?: string; slot?: string; function?: string };
  alias?: string;
}

export interface DomainInputModel {
  index: number;
  type?: string;
  bus?: string;
  alias?: string;
}

export interface DomainControllerModel {
  index: number;
  type?: string;
  /** The controller's own index= attribute. */
  number?: number;
  model?: string;
}

/** A <tpm> device: its model (tpm-crb, tpm-tis) and backend (emulator = swtpm, passthrough) with its TPM version. */
export interface DomainTpmModel {
  model?: string;
  backend?: string;
  version?: string;
}

export interface DomainModel {
  /** type= of <domain> (kvm, qemu). */
  hypervisor?: string;
  name?: string;
  uuid?: string;
  title?: string;
  description?: string;
  /** libosinfo's OS id from the metadata, as virt-install and virt-manager record it. */
  osinfo?: string;
  memory: { maxKiB: number; currentKiB: number; hugepages: boolean; nosharepages: boolean };
  vcpus: { max: number; current: number; placement?: string };
  cpu: {
    mode?: string;
    match?: string;
    check?: string;
    model?: string;
    fallback?: string;
    topology?: { sockets?: number; dies?: number; cores?: number; threads?: number };
  };
  os: {
    type?: string;
    arch?: string;
    machine?: string;
    /** firmware= of <os> (efi, bios) when libvirt chooses it. */
    firmware?: string;
    loader?: { path?: string; type?: string; readonly?: string; secure?: string };
    /** <os><firmware><feature enabled= name=>: what libvirt's firmware autoselection is asked for (secure-boot, enrolled-keys). */
    firmwareFeatures?: Record<string, boolean>;
    nvram?: string;
    /** template= of <nvram>: the firmware's variable store the VM's own was copied from. */
    nvramTemplate?: string;
    kernel?: string;
    initrd?: string;
    cmdline?: string;
    /** <boot dev=…> in order (hd, cdrom, network). */
    boot: string[];
    bootMenu?: boolean;
  };
  emulator?: string;
  disks: DomainDiskModel[];
  interfaces: DomainInterfaceModel[];
  serials: CharDevModel[];
  consoles: CharDevModel[];
  channels: CharDevModel[];
  graphics: DomainGraphicsModel[];
  hostdevs: DomainHostdevModel[];
  inputs: DomainInputModel[];
  controllers: DomainControllerModel[];
  tpms: DomainTpmModel[];
}
