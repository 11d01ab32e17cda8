// The auto-converge start of a restarted migration (autoconverge.ts), from the rates the first
// attempt measured: the numbers and the exact words the panel shows.
import { describe, expect, it } from 'vitest';
import { autoConvergeFor, QEMU_MAX_THROTTLE, SATURATED_FACTOR } from './autoconverge';

const MiB = 1024 * 1024;

describe('autoConvergeFor', () => {
  it('a guest dirtying as fast as the link sends (the non-converging case): assumed 8× faster, near QEMU’s maximum at once', () => {
    // 10 MiB/s both ways: assumed 80 MiB/s; to dirty ≤ 5 MiB/s the guest keeps 1/16 → 93.75 → 95 %.
    const c = autoConvergeFor({ dirtyBps: 10 * MiB, memBps: 10 * MiB });
    expect(c).toEqual({
      initial: 95,
      increment: 10,
      why: `The guest dirtied 10.0 MiB/s while 10.0 MiB/s was sent: nearly as fast as the link, so it may dirty far more (a page rewritten often counts once). The start assumes ${SATURATED_FACTOR}× that and slows the guest until it dirties at most half of what is sent. If the guest still outpaces the link, QEMU adds 10 % every second pass, up to its maximum of 99 %.`,
    });
  });

  it('well below the link: only what halves each pass, rounded up to 5 %; the increment reaches 99 % in two steps', () => {
    // 6 of 10 MiB/s: the guest may keep 10 / (2 × 6) = 0.83 of its speed → 16.7 % → 20 % (the floor).
    expect(autoConvergeFor({ dirtyBps: 6 * MiB, memBps: 10 * MiB })).toMatchObject({ initial: 20, increment: 40 });
    // 6.9 of 10: it may keep 0.725 → 27.5 % → 30 %; (99 − 30) / 2 = 34.5 → 35.
    const c = autoConvergeFor({ dirtyBps: 6.9 * MiB, memBps: 10 * MiB });
    expect(c).toMatchObject({ initial: 30, increment: 35 });
    expect(c.why).toBe(
      'The guest dirtied 6.9 MiB/s while 10.0 MiB/s was sent: the start slows it until it dirties at most half of what is sent. If the guest still outpaces the link, QEMU adds 35 % every second pass, up to its maximum of 99 %.',
    );
    // 8.5 of 10 (seen in the lab): nearly the link, a floor → 8 × 8.5 = 68: keep 10 / 136 → 92.6 % → 95 %.
    expect(autoConvergeFor({ dirtyBps: 8.5 * MiB, memBps: 10 * MiB })).toMatchObject({ initial: 95, increment: 10 });
  });

  it('a guest far ahead of the link: QEMU’s maximum from the start', () => {
    const c = autoConvergeFor({ dirtyBps: 200 * MiB, memBps: 10 * MiB });
    expect(c.initial).toBe(QEMU_MAX_THROTTLE);
    expect(c.why).toMatch(/It starts at QEMU's maximum, 99 %\.$/);
  });

  it('nothing measured yet: half speed, and the reason says so', () => {
    for (const f of [{}, { dirtyBps: 5 * MiB }, { memBps: 10 * MiB }, { dirtyBps: 0, memBps: 0 }]) {
      const c = autoConvergeFor(f);
      expect(c).toMatchObject({ initial: 50, increment: 25 });
      expect(c.why).toMatch(/^No dirty rate or transfer speed was measured yet/);
    }
  });

  it('always within what QEMU takes: 20..99 %, increment 10..99', () => {
    for (let d = 0; d <= 100; d += 0.5)
      for (const s of [1, 10, 100]) {
        const c = autoConvergeFor({ dirtyBps: d * MiB, memBps: s * MiB });
        expect(c.initial).toBeGreaterThanOrEqual(20);
        expect(c.initial).toBeLessThanOrEqual(99);
        expect(c.increment).toBeGreaterThanOrEqual(10);
        expect(c.initial + 2 * c.increment).toBeGreaterThanOrEqual(99);
      }
  });
});
