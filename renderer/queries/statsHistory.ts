/** The stats history itself, free of any transport (unit-testable): see stats.ts. */
import { create } from 'zustand';
import type { Events, HostId } from '../../shared/api';
import { domainKey } from '../lib/format';

/** 5 minutes at one sample every 2 s. */
export const HISTORY = 150;

export const SERIES = ['cpu', 'mem', 'diskR', 'diskW', 'netRx', 'netTx'] as const;
export type SeriesName = (typeof SERIES)[number];

export interface StatsHistory {
  /** Sample times, seconds since the epoch (uPlot's x unit). */
  at: number[];
  cpu: number[];
  /** KiB */
  mem: number[];
  diskR: number[];
  diskW: number[];
  netRx: number[];
  netTx: number[];
}

const history = new Map<string, StatsHistory>();

interface StatsClock {
  /** Bumped for a host each time its samples arrive. */
  tick: Record<HostId, number>;
}
export const useStatsClock = create<StatsClock>(() => ({ tick: {} }));

function push(arr: number[], v: number): void {
  arr.push(v);
  if (arr.length > HISTORY) arr.shift();
}

export function ingestStats(e: Events['domain.stats']): void {
  const at = e.at / 1000;
  for (const s of e.samples) {
    const key = domainKey(e.hostId, s.uuid);
    let h = history.get(key);
    if (!h) {
      h = { at: [], cpu: [], mem: [], diskR: [], diskW: [], netRx: [], netTx: [] };
      history.set(key, h);
    }
    push(h.at, at);
    push(h.cpu, s.cpuPercent);
    push(h.mem, s.memoryKiB);
    push(h.diskR, s.diskReadBps);
    push(h.diskW, s.diskWriteBps);
    push(h.netRx, s.netRxBps);
    push(h.netTx, s.netTxBps);
  }
  useStatsClock.setState((st) => ({ tick: { ...st.tick, [e.hostId]: (st.tick[e.hostId] ?? 0) + 1 } }));
}

export function statsOf(hostId: HostId, uuid: string): StatsHistory | undefined {
  return history.get(domainKey(hostId, uuid));
}

/** Forget a removed domain's history. */
export function dropStats(hostId: HostId, uuid: string): void {
  history.delete(domainKey(hostId, uuid));
}
