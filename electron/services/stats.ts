/**
 * Live rates for the VM table and graphs: one bulk CONNECT_GET_ALL_DOMAIN_STATS per connected
 * host every 2 s, only while someone listens to `domain.stats`; rates are deltas between
 * two samples divided by the time between them.
 */
import type { DomainStatsSample, HostId } from '../../shared/api';
import type { EventHub } from '../core/events';
import { domainGetAllStats } from '../libvirt/domain';
import type { ParamRecord } from '../libvirt/params';
import { DomainStatsFlags, DomainStatsTypes } from '../libvirt/protocol';
import type { HostManager } from './hosts';

const GROUPS = DomainStatsTypes.CPU_TOTAL | DomainStatsTypes.BALLOON | DomainStatsTypes.INTERFACE | DomainStatsTypes.BLOCK;

interface Raw {
  at: number;
  cpuNs: number;
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

  async sample(hostId: HostId): Promise<DomainStatsSample[]> {
    const rpc = this.hosts.connection(hostId).rpc;
    // NOWAIT: a domain busy in a job (migration) reports what it can instead of stalling the call.
    // Stamp the sample when the request leaves: the daemon reads the counters right after, while
    // the reply's arrival varies with its size and the link (a late reply followed by a prompt one
    // would shrink the interval and inflate every rate).
    const at = Date.now();
    const records = await domainGetAllStats(rpc, {
      stats: GROUPS,
      flags: DomainStatsFlags.ACTIVE | DomainStatsFlags.NOWAIT,
      timeoutMs: 10_000,
    });
    const samples: DomainStatsSample[] = [];
    for (const { domain, stats } of records) {
      const key = `${hostId}/${domain.uuid}`;
      const raw: Raw = {
        at,
        cpuNs: Number(stats['cpu.time'] ?? 0),
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
      samples.push({
        uuid: domain.uuid,
        cpuPercent: dt > 0 && prev ? rate(raw.cpuNs, prev.cpuNs) / 1e7 : 0,
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
