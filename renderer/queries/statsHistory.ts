/**
 * The stats history itself, free of any transport (unit-testable): see stats.ts.
 *
 * Every domain keeps a short history in fixed ring buffers (enough for the table's sparklines):
 * a host with thousands of VMs costs a few MB and no garbage per sample. A domain whose graphs
 * are open is "focused" and keeps the long history.
 */
import { create } from 'zustand';
import type { Events, HostId } from '../../shared/api';
import { domainKey } from '../lib/format';

/** Long history (focused domains): 5 minutes at one sample every 2 s. */
export const HISTORY = 150;
/** Short history (everyone): 1 minute, what a sparkline shows. */
export const SHORT_HISTORY = 30;

/** A fixed-size ring of numbers, oldest first when read. */
export class Ring {
  private buf: Float64Array;
  private start = 0;
  length = 0;

  constructor(capacity: number) {
    this.buf = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.buf.length;
  }

  push(v: number): void {
    const cap = this.buf.length;
    if (this.length < cap) {
      this.buf[(this.start + this.length) % cap] = v;
      this.length++;
    } else {
      this.buf[this.start] = v;
      this.start = (this.start + 1) % cap;
    }
  }

  last(): number | undefined {
    return this.length ? this.buf[(this.start + this.length - 1) % this.buf.length] : undefined;
  }

  values(): number[] {
    const out = new Array<number>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.buf[(this.start + i) % this.buf.length] ?? 0;
    return out;
  }

  /** Keeps what it has, with room for more. */
  grow(capacity: number): void {
    if (capacity <= this.buf.length) return;
    const vals = this.values();
    this.buf = new Float64Array(capacity);
    this.buf.set(vals);
    this.start = 0;
  }
}

export const SERIES = ['at', 'cpu', 'cpuHost', 'mem', 'diskR', 'diskW', 'netRx', 'netTx'] as const;
export type SeriesName = (typeof SERIES)[number];

/** at: seconds since the epoch (uPlot's x unit); mem: KiB; rates: bytes/s; cpu: % of the guest's vCPUs; cpuHost: % of the host's CPUs. */
export type StatsHistory = Record<SeriesName, Ring>;

const history = new Map<string, StatsHistory>();
const focused = new Map<string, number>();

interface StatsClock {
  /** Bumped for a host each time its samples arrive. */
  tick: Record<HostId, number>;
}
export const useStatsClock = create<StatsClock>(() => ({ tick: {} }));

function newHistory(capacity: number): StatsHistory {
  return {
    at: new Ring(capacity),
    cpu: new Ring(capacity),
    cpuHost: new Ring(capacity),
    mem: new Ring(capacity),
    diskR: new Ring(capacity),
    diskW: new Ring(capacity),
    netRx: new Ring(capacity),
    netTx: new Ring(capacity),
  };
}

export function ingestStats(e: Events['domain.stats']): void {
  const at = e.at / 1000;
  for (const s of e.samples) {
    const key = domainKey(e.hostId, s.uuid);
    let h = history.get(key);
    if (!h) {
      h = newHistory(focused.has(key) ? HISTORY : SHORT_HISTORY);
      history.set(key, h);
    }
    h.at.push(at);
    h.cpu.push(s.cpuPercent);
    h.cpuHost.push(s.hostCpuPercent);
    h.mem.push(s.memoryKiB);
    h.diskR.push(s.diskReadBps);
    h.diskW.push(s.diskWriteBps);
    h.netRx.push(s.netRxBps);
    h.netTx.push(s.netTxBps);
  }
  useStatsClock.setState((st) => ({ tick: { ...st.tick, [e.hostId]: (st.tick[e.hostId] ?? 0) + 1 } }));
}

export function statsOf(hostId: HostId, uuid: string): StatsHistory | undefined {
  return history.get(domainKey(hostId, uuid));
}

/** Keep the long history for this domain until the returned function is called. */
export function focusStats(hostId: HostId, uuid: string): () => void {
  const key = domainKey(hostId, uuid);
  focused.set(key, (focused.get(key) ?? 0) + 1);
  const h = history.get(key);
  if (h) for (const name of SERIES) h[name].grow(HISTORY);
  return () => {
    const n = (focused.get(key) ?? 1) - 1;
    if (n <= 0) focused.delete(key);
    else focused.set(key, n);
  };
}

/** Forget a removed domain's history. */
export function dropStats(hostId: HostId, uuid: string): void {
  history.delete(domainKey(hostId, uuid));
}
