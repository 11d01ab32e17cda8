/**
 * CPU figures from two consecutive bulk stats readings of one domain, defined as virt-manager
 * defines them: the guest figure is the share of its own vCPUs (0–100 %), the host share is the
 * share of all the host's CPUs (0–100 %):
 *
 *   guest % = Δcpu.time / (Δwall × vCPUs) × 100      host % = Δcpu.time / (Δwall × host CPUs) × 100
 *
 * both clamped to 0..100 (cpu.time counts QEMU's emulator and I/O threads too, so a busy guest
 * can exceed its vCPUs by a little).
 *
 * Two facts seen in the lab (electron/services/fixtures/domstats-*.json) shape the rest:
 * - While a domain is being destroyed, the bulk call still lists it as active, with state.state
 *   shutoff and as cpu.time the CPU time of libvirtd itself (libvirt 9.0 falls back to
 *   /proc/<pid>/stat with the pid already cleared, i.e. its own process). That counter has nothing
 *   to do with the guest: compared with the guest's previous reading it made the README's 565 %.
 *   A reading is the guest's only while its QEMU process runs (running, blocked, paused, being
 *   shut down, pmsuspended).
 * - A call can stall for seconds (a start or destroy holds the domain's lock), so when libvirt
 *   read the counters is only known to lie between the request leaving and the reply coming.
 *   The interval is taken between the midpoints of those windows (exact when the round trips are
 *   alike); when the round trips differ so much that the midpoints could be off by more than a
 *   tenth of the interval, the widest possible interval is taken instead, which can only
 *   understate a rate, never inflate it.
 */
import type { ParamRecord } from '../libvirt/params';
import { DomainState } from '../libvirt/protocol';

/** One domain's counters from one bulk stats call, with the call's own times (ms since the epoch). */
export interface CpuReading {
  sentAt: number;
  repliedAt: number;
  cpuNs: number;
  vcpus: number;
}

export interface CpuFigures {
  /** Share of the guest's own vCPUs, 0–100. */
  guestPercent: number;
  /** Share of all the host's CPUs, 0–100. */
  hostPercent: number;
}

/** States in which the domain's QEMU process runs and cpu.time is its counter. */
const PROCESS_STATES: ReadonlySet<number> = new Set([
  DomainState.RUNNING,
  DomainState.BLOCKED,
  DomainState.PAUSED,
  DomainState.SHUTDOWN,
  DomainState.PMSUSPENDED,
]);

/**
 * The domain's CPU counter in one reading, or null when the reading carries none of the guest's
 * own (no cpu.time, no vCPU count, or a state without a QEMU process: see the module comment).
 */
export function cpuReadingOf(stats: ParamRecord, sentAt: number, repliedAt: number): CpuReading | null {
  const state = Number(stats['state.state']);
  const cpuNs = Number(stats['cpu.time']);
  const vcpus = Number(stats['vcpu.current']);
  if (!PROCESS_STATES.has(state) || !Number.isFinite(cpuNs) || !(vcpus >= 1)) return null;
  return { sentAt, repliedAt, cpuNs, vcpus };
}

/** Milliseconds between two readings' counters, as explained in the module comment. */
export function intervalMs(prev: Pick<CpuReading, 'sentAt' | 'repliedAt'>, cur: Pick<CpuReading, 'sentAt' | 'repliedAt'>): number {
  const prevRtt = Math.max(0, prev.repliedAt - prev.sentAt);
  const curRtt = Math.max(0, cur.repliedAt - cur.sentAt);
  const mid = cur.sentAt + curRtt / 2 - (prev.sentAt + prevRtt / 2);
  const uncertainty = (prevRtt + curRtt) / 2;
  return uncertainty <= mid / 10 ? mid : cur.repliedAt - prev.sentAt;
}

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : 0);

/**
 * Guest and host CPU figures between two readings; null when there is no honest figure: a
 * counter that went backwards (the domain restarted), or an interval shorter than `minIntervalMs`
 * (scheduling noise, not a sampling period).
 */
export function cpuFigures(prev: CpuReading, cur: CpuReading, hostCpus: number, minIntervalMs = 1): CpuFigures | null {
  const ms = intervalMs(prev, cur);
  const used = cur.cpuNs - prev.cpuNs;
  if (!(ms >= minIntervalMs) || used < 0) return null;
  const busyPercent = (used / (ms * 1e6)) * 100; // 100 = one CPU busy
  return {
    guestPercent: clamp(busyPercent / cur.vcpus),
    hostPercent: clamp(busyPercent / Math.max(1, hostCpus)),
  };
}
