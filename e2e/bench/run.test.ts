import { describe, expect, it } from 'vitest';
import { median, runBench } from './run';

describe('bench runner', () => {
  it('takes medians', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('warms up, alternates, and reports cost over cost', async () => {
    const order: string[] = [];
    let v = 0;
    let b = 0;
    const r = await runBench({
      name: 'fake',
      unit: 'ms',
      runs: 4,
      vireo: async () => {
        order.push('v');
        return 10 + v++;
      },
      baseline: async () => {
        order.push('b');
        return 20 + b++;
      },
    });
    expect(order).toEqual(['v', 'b', 'v', 'b', 'b', 'v', 'v', 'b', 'b', 'v']);
    // vireo measured 11..14 -> 12.5; baseline 21..24 -> 22.5
    expect(r).toEqual({ bench: 'fake', vireo: 12.5, baseline: 22.5, unit: 'ms', ratio: 0.556, runs: 4 });
  });

  it('puts extras in the JSON line, rounded, and leaves the key out when there are none', async () => {
    const r = await runBench({
      name: 'fake',
      unit: 'ms',
      runs: 1,
      vireo: async () => 1,
      baseline: async () => 2,
      extra: async () => ({ 'old ratio': 2 / 3 }),
    });
    expect(r.extra).toEqual({ 'old ratio': 0.667 });
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ bench: 'fake', vireo: 1, baseline: 2, unit: 'ms', ratio: 0.5, runs: 1 });
    const plain = await runBench({ name: 'plain', unit: 'ms', runs: 1, vireo: async () => 1 });
    expect('extra' in plain).toBe(false);
  });
});
