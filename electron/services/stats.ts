/**
 * Live rates for the VM table and graphs: one bulk CONNECT_GET_ALL_DOMAIN_STATS per connected
 * host every 2 s, only while someone listens to `domain.stats`; rates are deltas between
 * two samples divided by the time between them. The CPU figures are defined in stats-figures.ts.
 */
import type { DomainStatsSample, HostId } from '../../shared/api';
import type { EventHub } from '../core/events';
import type { LibvirtConnection } from '../libvirt/connection';
import { domainGetAllStats } from '../libvirt/domain';
import { hostGetNodeInfo } from '../libvirt/host';
import type { ParamRecord } from '../libvirt/params';
import { DomainStatsFlags, DomainStatsTypes } from '../libvirt/protocol';
import type { HostManager } from './hosts';
import { type CpuReading, cpuFigures, cpuReadingOf } from './stats-figures';

// STATE tells whether cpu.time is the guest's (see stats-figures.ts); VCPU gives vcpu.current.
export const STATS_GROUPS =
  DomainStatsTypes.STATE |
  DomainStatsTypes.CPU_TOTAL |
  DomainStatsTypes.VCPU |
  DomainStatsTypes.BALLOON |
  DomainStatsTypes.INTERFACE |
  DomainStatsTypes.BLOCK;

interface Raw {
  at: number;
  /** Null when this reading carried no CPU counter of the guest's own. */
  cpu: CpuReading | null;
  rd: number;
  wr: number;
  rx: number;
  tx: number;
}

/** Sums `prefix.N.suffix` over N < `prefix.count`. */
function sum(stats: ParamRecord, prefix: 'block' | 'net', suffix: string): number {
  const n = Number(stats[`${prefix}.count`] ?? 0);
  let total = 0;
  for (let i = 0; i < n; i++) total += Number(stats[`${prefix}.${i}.${suffix}`] ?? 0);
  return total;
}

export class StatsService {
  private timer: NodeJS.Timeout | null = null;
  private last = new Map<string, Raw>();
  private busy = new Set<HostId>();
  /** The host's CPU count, read once per connection (NODE_GET_INFO). */
  private hostCpus = new WeakMap<LibvirtConnection, number>();

  constructor(
    private readonly hosts: HostManager,
    private readonly events: EventHub,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    if (this.events.listenerCount('domain.stats') === 0) {
      this.last.clear();
      return;
    }
    for (const hostId of this.hosts.connectedIds()) {
      if (this.busy.has(hostId)) continue; // a slow host doesn't pile up calls
      this.busy.add(hostId);
      this.sample(hostId)
        .catch((err: Error) => console.error(`[stats] ${this.hosts.name(hostId)}: ${err.message}`))
        .finally(() => this.busy.delete(hostId));
    }
  }

  private async cpusOf(conn: LibvirtConnection): Promise<number> {
    let n = this.hostCpus.get(conn);
    if (n === undefined) {
      n = (await hostGetNodeInfo(conn.rpc, { timeoutMs: 10_000 })).cpus;
      this.hostCpus.set(conn, n);
    }
    return n;
  }

  async sample(hostId: HostId): Promise<DomainStatsSample[]> {
    const conn = this.hosts.connection(hostId);
    const hostCpus = await this.cpusOf(conn);
    // NOWAIT: a domain busy in a job (migration) reports what it can instead of stalling the call.
    // When the daemon read the counters lies somewhere between the request leaving and the reply
    // coming: both times are kept, and stats-figures.ts takes the interval from them.
    const at = Date.now();
    const records = await domainGetAllStats(conn.rpc, {
      stats: STATS_GROUPS,
      flags: DomainStatsFlags.ACTIVE | DomainStatsFlags.NOWAIT,
      timeoutMs: 10_000,
    });
    const repliedAt = Date.now();
    const samples: DomainStatsSample[] = [];
    for (const { domain, stats } of records) {
      const key = `${hostId}/${domain.uuid}`;
      const raw: Raw = {
        at,
        cpu: cpuReadingOf(stats, at, repliedAt),
        rd: sum(stats, 'block', 'rd.bytes'),
        wr: sum(stats, 'block', 'wr.bytes'),
        rx: sum(stats, 'net', 'rx.bytes'),
        tx: sum(stats, 'net', 'tx.bytes'),
      };
      const prev = this.last.get(key);
      this.last.set(key, raw);
      // Intervals far below the sampling period come from scheduling noise: no rate from those.
      const dt = prev && raw.at - prev.at >= this.intervalMs / 2 ? (raw.at - prev.at) / 1000 : 0;
      const rate = (a: number, b: number) => (dt > 0 && a >= b ? (a - b) / dt : 0);
      const cpu = dt > 0 && prev?.cpu && raw.cpu ? cpuFigures(prev.cpu, raw.cpu, hostCpus) : null;
      samples.push({
        uuid: domain.uuid,
        cpuPercent: cpu?.guestPercent ?? 0,
        hostCpuPercent: cpu?.hostPercent ?? 0,
        memoryKiB: Number(stats['balloon.rss'] ?? stats['balloon.current'] ?? 0),
        diskReadBps: prev ? rate(raw.rd, prev.rd) : 0,
        diskWriteBps: prev ? rate(raw.wr, prev.wr) : 0,
        netRxBps: prev ? rate(raw.rx, prev.rx) : 0,
        netTxBps: prev ? rate(raw.tx, prev.tx) : 0,
      });
    }
    this.events.emit('domain.stats', { hostId, at, samples });
    return samples;
  }
}
