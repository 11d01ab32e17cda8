/**
 * Host tuning (issue 20): KSM, huge pages, transparent huge pages, CPU topology and a pinning
 * suggestion. KSM's figures and scan rate and the huge page pools go through libvirt (node memory
 * parameters, free/alloc pages); KSM on/off and the transparent huge page state are files under
 * /sys/kernel/mm that libvirt does not expose, read (and for KSM's run, written as root) over the
 * host's SSH session.
 */
import { z } from 'zod';
import { domainRef, HostId, hostRef } from './common';
import { out } from './out';
import { CpuPinning, type HostCpuTopology, type QosApplied } from './qos';

/** What the kernel's /sys/kernel/mm/ksm/run means: 0 stopped, 1 scanning, 2 stopped and every merged page unmerged. */
export const KSM_RUN = { off: 0, on: 1, unmerge: 2 } as const;
export type KsmRunMode = keyof typeof KSM_RUN;
export const KsmRunMode = z.enum(['off', 'on', 'unmerge']);

/** One transparent-huge-page setting: the selected value and the ones the kernel offers. */
export interface ThpSetting {
  current: string;
  options: string[];
}

/** What the host's /sys says (over SSH): KSM's run state, the base page size, THP; who we are there. */
export interface HostMmFacts {
  hostId: HostId;
  /** The SSH user (or this computer's user for a local host). */
  user: string;
  root: boolean;
  /** null: /sys/kernel/mm/ksm/run could not be read (a kernel without KSM). */
  ksmRun: KsmRunMode | null;
  pageSizeBytes: number;
  thp: { enabled?: ThpSetting; defrag?: ThpSetting };
  /** What could not be read, in plain words. */
  notes: string[];
}

/** KSM's figures from libvirt's node memory parameters (shm_*), one sample. */
export interface KsmSample {
  hostId: HostId;
  /** When it was read (ms since the epoch, the backend's clock). */
  at: number;
  pagesToScan: number;
  sleepMillisecs: number;
  /** Pages KSM keeps (one copy each). */
  pagesShared: number;
  /** How many more places use them: the pages saved. */
  pagesSharing: number;
  pagesUnshared: number;
  pagesVolatile: number;
  fullScans: number;
  mergeAcrossNodes?: number;
}

/** The scan rate libvirt lets one set: pages per wake-up and the pause between wake-ups. */
export const KSM_LIMITS = { pagesToScanMax: 100_000, sleepMin: 1, sleepMax: 600_000 } as const;
export const KsmParams = z
  .object({
    pagesToScan: z
      .number({ error: 'Enter a number' })
      .int('Whole pages only')
      .min(1, 'Must be at least 1 page')
      .max(KSM_LIMITS.pagesToScanMax, `At most ${KSM_LIMITS.pagesToScanMax.toLocaleString('en')} pages`),
    sleepMillisecs: z
      .number({ error: 'Enter a number' })
      .int('Whole milliseconds only')
      .min(KSM_LIMITS.sleepMin, `Must be at least ${KSM_LIMITS.sleepMin} ms`)
      .max(KSM_LIMITS.sleepMax, `At most ${KSM_LIMITS.sleepMax.toLocaleString('en')} ms (10 minutes)`),
  })
  .strict();
export type KsmParams = z.infer<typeof KsmParams>;

/** One huge page size: the pool (total) and what is unused (free), per NUMA cell and for the host. */
export interface HugePageSize {
  sizeKiB: number;
  total: number;
  free: number;
  cells: { cell: number; total: number; free: number }[];
}

export interface HugePagesState {
  hostId: HostId;
  /** Sizes above the base page, as the host's capabilities list them. */
  sizes: HugePageSize[];
  /** Free memory of the host (bytes), what a new pool would come from. */
  freeMemoryBytes: number;
  /** The host's memory (bytes, virNodeGetInfo): a part of it is kept free for the host itself (hugePagesReserveBytes). */
  totalMemoryBytes: number;
}

/** Page counts up to what a 64-bit host could hold (2^40 × 4 KiB); the real bound is the host's free memory. */
export const HugePagesRequest = z
  .object({
    hostId: HostId,
    sizeKiB: z
      .number()
      .int()
      .min(8)
      .max(16 * 1024 * 1024),
    count: z
      .number({ error: 'Enter a number' })
      .int('Whole pages only')
      .min(0, 'Cannot be negative')
      .max(1_000_000, 'At most 1,000,000 pages'),
  })
  .strict();

export interface HugePagesResult {
  state: HugePagesState;
  sizeKiB: number;
  asked: number;
  /** The pool's size read back after the change. */
  got: number;
}

/** Where a pinning suggestion keeps a VM's vCPUs. */
export type PinLevel = 'core' | 'socket' | 'none';

export interface PinSuggestion {
  level: PinLevel;
  /** e.g. "core 1 of socket 0" or "socket 1". */
  place: string;
  /** The host CPUs every vCPU is pinned to (empty for 'none'). */
  cpus: number[];
  /** What to apply: each vCPU to `cpus`. */
  pinning: { vcpu: number; cpus: number[] }[];
  /** Why this place, or why none, in a sentence. */
  reason: string;
  /** The VM's pinning already is this one. */
  applied: boolean;
}

/** A VM of the host as the tuning tab shows it. */
export interface TuningVm {
  uuid: string;
  name: string;
  running: boolean;
  persistent: boolean;
  vcpus: number;
  /** Per vCPU, the host CPUs it may run on now (running VM) or at the next boot. */
  pins: number[][];
  /** <memoryBacking><nosharepages/>: KSM leaves this VM's memory alone. */
  nosharepages: boolean;
  hugepages: boolean;
  suggestion: PinSuggestion;
  /** What could not be read. */
  notes: string[];
}

export interface TuningVms {
  hostId: HostId;
  topology: HostCpuTopology;
  vms: TuningVm[];
}

/** This feature's requests, spread into the contract's `requests`. */
export const tuningRequests = {
  /** /sys/kernel/mm over SSH: KSM's run state, THP, the base page size, whether we are root. */
  'tuning.mm': { input: hostRef, output: out<HostMmFacts>() },
  /** One sample of KSM's figures (libvirt's node memory parameters); the tab asks every 2 s while open. */
  'tuning.ksm': { input: hostRef, output: out<KsmSample>() },
  /** Writes /sys/kernel/mm/ksm/run as root over SSH; refused in plain words for another user. */
  'tuning.setKsmRun': { input: z.object({ hostId: HostId, mode: KsmRunMode }).strict(), output: out<HostMmFacts>() },
  /** KSM's scan rate through virNodeSetMemoryParameters, read back. */
  'tuning.setKsmParams': { input: z.object({ hostId: HostId, params: KsmParams }).strict(), output: out<KsmSample>() },
  'tuning.hugepages': { input: hostRef, output: out<HugePagesState>() },
  /** Resizes one size's pool to `count` pages over all NUMA cells (virNodeAllocPages SET); refused when the kernel gives fewer. */
  'tuning.setHugepages': { input: HugePagesRequest, output: out<HugePagesResult>() },
  /** The CPU topology, and each VM's vCPUs, pinning, KSM opt-out and pinning suggestion. */
  'tuning.vms': { input: hostRef, output: out<TuningVms>() },
  /** Applies a pinning through the VM's pinning path (running VM and next boot), read back. */
  'tuning.applyPinning': { input: domainRef.extend({ pinning: CpuPinning }).strict(), output: out<QosApplied>() },
} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export type TuningEvents = Record<never, never>;
