import { describe, expect, it } from 'vitest';
import { HISTORY, ingestStats, statsOf, useStatsClock } from './statsHistory';

const sample = (uuid: string, cpu: number) => ({
  uuid,
  cpuPercent: cpu,
  memoryKiB: 1,
  diskReadBps: 2,
  diskWriteBps: 3,
  netRxBps: 4,
  netTxBps: 5,
});

describe('stats history', () => {
  it('keeps a bounded history per domain and ticks per host', () => {
    for (let i = 0; i < HISTORY + 10; i++) ingestStats({ hostId: 'h', at: i * 2000, samples: [sample('u1', i)] });
    const h = statsOf('h', 'u1');
    expect(h?.cpu.length).toBe(HISTORY);
    expect(h?.cpu.at(-1)).toBe(HISTORY + 9);
    expect(h?.at.at(-1)).toBe((HISTORY + 9) * 2);
    expect(useStatsClock.getState().tick.h).toBe(HISTORY + 10);
    expect(statsOf('other', 'u1')).toBeUndefined();
  });
});
