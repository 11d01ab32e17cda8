import { describe, expect, it } from 'vitest';
import { focusStats, HISTORY, ingestStats, Ring, SHORT_HISTORY, statsOf, useStatsClock } from './statsHistory';

const sample = (uuid: string, cpu: number) => ({
  uuid,
  cpuPercent: cpu,
  hostCpuPercent: cpu / 2,
  memoryKiB: 1,
  diskReadBps: 2,
  diskWriteBps: 3,
  netRxBps: 4,
  netTxBps: 5,
});

describe('stats history', () => {
  it('rings keep the newest values in order, and grow without losing them', () => {
    const r = new Ring(3);
    for (const v of [1, 2, 3, 4, 5]) r.push(v);
    expect(r.values()).toEqual([3, 4, 5]);
    expect(r.last()).toBe(5);
    r.grow(5);
    r.push(6);
    expect(r.values()).toEqual([3, 4, 5, 6]);
  });

  it('keeps a short history per domain, a long one when focused, and ticks per host', () => {
    const stop = focusStats('h', 'focused');
    for (let i = 0; i < HISTORY + 10; i++) ingestStats({ hostId: 'h', at: i * 2000, samples: [sample('u1', i), sample('focused', i)] });
    stop();
    expect(statsOf('h', 'u1')?.cpu.length).toBe(SHORT_HISTORY);
    expect(statsOf('h', 'u1')?.cpu.last()).toBe(HISTORY + 9);
    expect(statsOf('h', 'focused')?.cpu.length).toBe(HISTORY);
    expect(statsOf('h', 'focused')?.at.last()).toBe((HISTORY + 9) * 2);
    expect(useStatsClock.getState().tick.h).toBe(HISTORY + 10);
    expect(statsOf('other', 'u1')).toBeUndefined();
  });
});
