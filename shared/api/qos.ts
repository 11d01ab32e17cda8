import { z } from 'zod';
import type { HostId } from './common';

// QoS: block I/O limits per disk, bandwidth per NIC, CPU weight/cap and pinning (parameter names
// in PROTOCOL.md §10). A change goes to the running VM ('live'), to its definition for the next
// boot ('config') or both; the reply carries what libvirt reports afterwards and every difference
// from what was asked. The schemas are the rules the renderer checks a form against before it
// sends anything, and the backend checks again.

/** Where a change applies: the running VM, its definition (next boot), or both. */
export type ApplyScope = 'live' | 'config' | 'both';
export const applyScope = z.enum(['live', 'config', 'both']);

/** Ranges libvirt 9 and QEMU accept (qemu_driver.c, vircgroup.h, the RPC's unsigned int). */
export const QOS_LIMITS = {
  /** QEMU_BLOCK_IOTUNE_MAX: bytes/s and IOPS. */
  blockMax: 1_000_000_000_000_000,
  /** Interface bandwidth is an unsigned int: KiB/s (average, peak), KiB (burst). */
  nicMax: 4_294_967_295,
  sharesMin: 2,
  sharesMax: 262_144,
  periodMin: 1000,
  periodMax: 1_000_000,
  quotaMin: 1000,
  quotaMax: 17_592_186_044_415,
  /** Host CPUs a cpumap can name (libvirt's VIR_DOMAIN_CPUMASK_LEN). */
  cpus: 4096,
} as const;

const blockValue = z
  .number()
  .int('Whole numbers only')
  .min(0, 'Cannot be negative')
  .max(QOS_LIMITS.blockMax, 'More than QEMU accepts (10^15)');

/** One disk's block I/O limits (blkdeviotune); 0 = no limit. Bytes per second and I/O operations per second. */
export const DiskIoTune = z
  .object({
    total_bytes_sec: blockValue,
    read_bytes_sec: blockValue,
    write_bytes_sec: blockValue,
    total_iops_sec: blockValue,
    read_iops_sec: blockValue,
    write_iops_sec: blockValue,
  })
  .strict()
  .superRefine((t, ctx) => {
    // QEMU has one throttle per kind: a total, or separate read/write limits.
    if (t.total_bytes_sec > 0 && (t.read_bytes_sec > 0 || t.write_bytes_sec > 0)) {
      ctx.addIssue({ code: 'custom', path: ['total_bytes_sec'], message: 'Set a total or read/write throughput, not both' });
    }
    if (t.total_iops_sec > 0 && (t.read_iops_sec > 0 || t.write_iops_sec > 0)) {
      ctx.addIssue({ code: 'custom', path: ['total_iops_sec'], message: 'Set a total or read/write IOPS, not both' });
    }
  });
export type DiskIoTune = z.infer<typeof DiskIoTune>;

const nicValue = z
  .number()
  .int('Whole numbers only')
  .min(0, 'Cannot be negative')
  .max(QOS_LIMITS.nicMax, 'More than libvirt accepts (2^32 - 1)');
const nicDirection = z.object({ average: nicValue, peak: nicValue, burst: nicValue }).strict();

/** One NIC's bandwidth (domiftune): average and peak in KiB/s, burst in KiB; average 0 = unlimited. */
export const NicBandwidth = z
  .object({ inbound: nicDirection, outbound: nicDirection })
  .strict()
  .superRefine((b, ctx) => {
    for (const dir of ['inbound', 'outbound'] as const) {
      const d = b[dir];
      if ((d.peak > 0 || d.burst > 0) && d.average === 0) {
        ctx.addIssue({ code: 'custom', path: [dir, 'average'], message: 'Set an average: peak and burst limit it' });
      }
      if (d.peak > 0 && d.peak < d.average)
        ctx.addIssue({ code: 'custom', path: [dir, 'peak'], message: 'Peak must be at least the average' });
    }
  });
export type NicBandwidth = z.infer<typeof NicBandwidth>;

/** CPU weight and cap: cpu_shares, vcpu_period (µs), vcpu_quota (µs per period per vCPU; -1 = no cap). */
export const CpuTune = z
  .object({
    shares: z
      .number()
      .int('Whole numbers only')
      .min(QOS_LIMITS.sharesMin, `At least ${QOS_LIMITS.sharesMin}`)
      .max(QOS_LIMITS.sharesMax, `At most ${QOS_LIMITS.sharesMax}`),
    period: z
      .number()
      .int('Whole numbers only')
      .min(QOS_LIMITS.periodMin, 'At least 1000 µs')
      .max(QOS_LIMITS.periodMax, 'At most 1000000 µs'),
    quota: z
      .number()
      .int('Whole numbers only')
      .refine(
        (q) => q === -1 || (q >= QOS_LIMITS.quotaMin && q <= QOS_LIMITS.quotaMax),
        'A cap needs at least 1000 µs per period (or no cap)',
      ),
  })
  .strict();
export type CpuTune = z.infer<typeof CpuTune>;

const hostCpuList = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(QOS_LIMITS.cpus - 1),
  )
  .min(1, 'Pick at least one host CPU')
  .max(QOS_LIMITS.cpus);

/** Pinning: each listed vCPU to a set of host CPUs, and/or the emulator threads. */
export const CpuPinning = z
  .object({
    vcpus: z
      .array(
        z
          .object({
            vcpu: z
              .number()
              .int()
              .min(0)
              .max(QOS_LIMITS.cpus - 1),
            cpus: hostCpuList,
          })
          .strict(),
      )
      .max(QOS_LIMITS.cpus)
      .default([]),
    emulator: hostCpuList.optional(),
  })
  .strict();
export type CpuPinning = z.infer<typeof CpuPinning>;

export interface HostCpu {
  id: number;
  node: number;
  socket: number;
  core: number;
  /** Hyperthreads sharing this CPU's core (itself included). */
  siblings: number[];
}

/** The host's CPUs, as libvirt's node info and capabilities describe them. */
export interface HostCpuTopology {
  arch: string;
  model: string;
  cpus: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
  /** Online CPUs with their place (NUMA node, socket, core); empty if the host does not say. */
  list: HostCpu[];
}

export interface CpuTuneState extends CpuTune {
  /** Per vCPU, the host CPUs it may run on. */
  vcpuPins: number[][];
  emulatorPin: number[];
  /** Left to the host's defaults (a definition without <cputune> values: libvirt reports 0, shown as 1024 / 100000 µs / no cap). */
  unset: ('shares' | 'period' | 'quota')[];
}

export interface QosDisk {
  target: string;
  device: string;
  bus?: string;
  source?: string;
  live?: DiskIoTune;
  config?: DiskIoTune;
  /** Why a value could not be read (e.g. a disk that is only in the definition). */
  notes: string[];
}

export interface QosNic {
  mac: string;
  type: string;
  source?: string;
  target?: string;
  model?: string;
  live?: NicBandwidth;
  config?: NicBandwidth;
  notes: string[];
}

/** A VM's QoS as libvirt reports it, now (live) and for the next boot (config). */
export interface QosState {
  hostId: HostId;
  uuid: string;
  name: string;
  running: boolean;
  persistent: boolean;
  /** Which of live / config exist (a shut-off VM has no live side, a transient one no config). */
  scopes: { live: boolean; config: boolean };
  host: HostCpuTopology;
  cpu: { vcpus: { live?: number; config?: number }; live?: CpuTuneState; config?: CpuTuneState; notes: string[] };
  disks: QosDisk[];
  nics: QosNic[];
}

/** A value libvirt reports differently from what was asked (clamped, rounded, ignored). */
export interface QosDifference {
  scope: 'live' | 'config';
  /** e.g. 'total_iops_sec', 'inbound.peak', 'shares', 'vcpu 0', 'emulator'. */
  field: string;
  requested: number | number[];
  reported: number | number[] | null;
}

export interface QosApplied {
  appliedTo: ('live' | 'config')[];
  /** Everything read back after the change. */
  state: QosState;
  differences: QosDifference[];
}
