// The CPU figures' bounds (fast-check): whatever two consecutive readings a daemon returns — counters
// that jump, go back or stand still, round trips from 0 to 10 s, any vCPU and host CPU counts — a
// figure is either absent or within 0..100, and the interval lies within what the times allow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CpuReading, cpuFigures, cpuReadingOf, intervalMs } from './stats-figures';

const ns = fc.double({ min: 0, max: 1e15, noNaN: true });
/** Two readings in order: the second request leaves after the first reply came. */
const pair = fc
  .record({
    sent: fc.integer({ min: 0, max: 1e12 }),
    rtt1: fc.integer({ min: 0, max: 10_000 }),
    gap: fc.integer({ min: 0, max: 60_000 }),
    rtt2: fc.integer({ min: 0, max: 10_000 }),
    cpu1: ns,
    cpu2: ns,
    vcpus: fc.integer({ min: 1, max: 4096 }),
  })
  .map(({ sent, rtt1, gap, rtt2, cpu1, cpu2, vcpus }): [CpuReading, CpuReading] => {
    const a = { sentAt: sent, repliedAt: sent + rtt1, cpuNs: cpu1, vcpus };
    const sentAt = a.repliedAt + gap;
    return [a, { sentAt, repliedAt: sentAt + rtt2, cpuNs: cpu2, vcpus }];
  });

describe('CPU figures', () => {
  it('any consecutive readings give no figure or figures within 0..100', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 0, max: 8192 }), ([a, b], hostCpus) => {
        const f = cpuFigures(a, b, hostCpus);
        if (f === null) return;
        expect(f.guestPercent).toBeGreaterThanOrEqual(0);
        expect(f.guestPercent).toBeLessThanOrEqual(100);
        expect(f.hostPercent).toBeGreaterThanOrEqual(0);
        expect(f.hostPercent).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('the interval lies between the narrowest and the widest the times allow', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const ms = intervalMs(a, b);
        expect(ms).toBeGreaterThanOrEqual(b.sentAt - a.repliedAt);
        expect(ms).toBeLessThanOrEqual(b.repliedAt - a.sentAt);
      }),
    );
  });

  it('a counter that went back (a restart) gives no figure; a standing one gives 0', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        fc.pre(b.sentAt > a.repliedAt);
        expect(cpuFigures(a, { ...b, cpuNs: a.cpuNs - 1 }, 2)).toBeNull();
        expect(cpuFigures(a, { ...b, cpuNs: a.cpuNs }, 2)).toEqual({ guestPercent: 0, hostPercent: 0 });
      }),
    );
  });
});

describe('CPU figures, worked cases', () => {
  const at = (sentAt: number, rtt: number, cpuNs: number, vcpus = 1): CpuReading => ({ sentAt, repliedAt: sentAt + rtt, cpuNs, vcpus });

  it('one vCPU busy half the time on a 2-CPU host: 50 % of the guest, 25 % of the host', () => {
    expect(cpuFigures(at(0, 10, 0), at(2000, 10, 1e9), 2)).toEqual({ guestPercent: 50, hostPercent: 25 });
  });

  it('four vCPUs, one of them busy: 25 % of the guest', () => {
    expect(cpuFigures(at(0, 10, 0, 4), at(2000, 10, 2e9, 4), 8)).toEqual({ guestPercent: 25, hostPercent: 12.5 });
  });

  it('emulator threads above the vCPUs are clamped to 100 %', () => {
    expect(cpuFigures(at(0, 10, 0), at(2000, 10, 2.4e9), 2)?.guestPercent).toBe(100);
  });

  it('alike round trips: the interval between the midpoints (the send times’ interval)', () => {
    expect(intervalMs(at(0, 40, 0), at(2000, 40, 0))).toBe(2000);
  });

  it('a stalled reply: the widest interval, which cannot inflate the rate', () => {
    // The first reply in 30 ms, the second stalled 2.1 s behind a destroy (seen in the lab).
    expect(intervalMs(at(0, 30, 0), at(2000, 2100, 0))).toBe(4100);
  });

  it('no figure from readings closer than the minimum interval', () => {
    expect(cpuFigures(at(0, 0, 0), at(5, 0, 1e6), 2, 1000)).toBeNull();
  });
});

describe('whose counter a reading carries', () => {
  it('running, blocked, paused, shutting down and pmsuspended domains carry their QEMU’s counter', () => {
    for (const state of [1, 2, 3, 4, 7])
      expect(cpuReadingOf({ 'state.state': state, 'cpu.time': 5, 'vcpu.current': 2 }, 1, 2)).toEqual({
        sentAt: 1,
        repliedAt: 2,
        cpuNs: 5,
        vcpus: 2,
      });
  });

  it('shut off, crashed or unknown (libvirt then reports its own process) or without a vCPU count: none', () => {
    for (const state of [0, 5, 6, 8]) expect(cpuReadingOf({ 'state.state': state, 'cpu.time': 5, 'vcpu.current': 1 }, 1, 2)).toBeNull();
    expect(cpuReadingOf({ 'state.state': 1, 'cpu.time': 5 }, 1, 2)).toBeNull();
    expect(cpuReadingOf({ 'state.state': 1, 'vcpu.current': 1 }, 1, 2)).toBeNull();
  });
});
