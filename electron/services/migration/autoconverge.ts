/**
 * Where auto-converge starts when a migration is restarted because it did not converge — pure,
 * no I/O. The first attempt already proved that the guest dirties memory about as fast as the link
 * sends it, so the restart starts high and climbs fast instead of QEMU's gentle 20 % + 10 %.
 *
 * QEMU (7.2, `mig_throttle_guest_down`) throttles when a sync period saw the guest dirty more than
 * half of what was sent, every second such period: first to `initial` %, then `increment` % more
 * each time, never above its maximum (`max-cpu-throttle`, 99 %; libvirt does not set it). A
 * throttle of p % leaves the guest's vCPUs (100 − p) % of their time, so its dirty rate falls to
 * about (100 − p) % of what it was.
 */

/** QEMU's max-cpu-throttle default (libvirt 9.0 has no parameter for it). */
export const QEMU_MAX_THROTTLE = 99;
const MiB = 1024 * 1024;
/**
 * When the guest dirties nearly as fast as the link sends (SATURATED of it, the tracker's own
 * non-convergence bound), QEMU's dirty rate is a floor: a page rewritten many times during a pass
 * counts once. The start then assumes the guest can dirty this many times more than measured. In
 * the lab a guest copying a 32 MiB buffer in a loop wrote about 150 MiB/s while QEMU measured 8.5 to
 * 9.4 MiB/s against a 10 MiB/s link.
 */
export const SATURATED_FACTOR = 8;
export const SATURATED = 0.7;

export interface AutoConvergeChoice {
  /** % of vCPU time taken away when QEMU first throttles. */
  initial: number;
  /** % more each time QEMU throttles again. */
  increment: number;
  /** Why, in the admin's words: the rates it was chosen from and what the numbers do. */
  why: string;
}

const rate = (bps: number): string => `${(bps / MiB).toFixed(1)} MiB/s`;

/**
 * The start for a restart: enough throttle that the guest dirties at most half of what the link
 * sends (each pass then leaves at most half of the one before), and an increment that reaches
 * QEMU's maximum in two more steps if that was not enough.
 */
export function autoConvergeFor(f: { dirtyBps?: number | undefined; memBps?: number | undefined }): AutoConvergeChoice {
  const dirty = f.dirtyBps ?? 0;
  const sent = f.memBps ?? 0;
  let initial: number;
  let because: string;
  if (dirty <= 0 || sent <= 0) {
    initial = 50;
    because = 'No dirty rate or transfer speed was measured yet, so it starts at half speed.';
  } else {
    const saturated = dirty >= SATURATED * sent;
    const assumed = saturated ? dirty * SATURATED_FACTOR : dirty;
    // The guest keeps (100 − p) % of its speed: assumed × (1 − p) ≤ sent / 2.
    initial = Math.ceil((100 * (1 - sent / (2 * assumed))) / 5) * 5;
    because = saturated
      ? `The guest dirtied ${rate(dirty)} while ${rate(sent)} was sent: nearly as fast as the link, so it may dirty far more (a page rewritten often counts once). The start assumes ${SATURATED_FACTOR}× that and slows the guest until it dirties at most half of what is sent.`
      : `The guest dirtied ${rate(dirty)} while ${rate(sent)} was sent: the start slows it until it dirties at most half of what is sent.`;
  }
  initial = Math.min(QEMU_MAX_THROTTLE, Math.max(20, initial));
  const increment = Math.max(10, Math.ceil((QEMU_MAX_THROTTLE - initial) / 2));
  const steps =
    initial >= QEMU_MAX_THROTTLE
      ? `It starts at QEMU's maximum, ${QEMU_MAX_THROTTLE} %.`
      : `If the guest still outpaces the link, QEMU adds ${increment} % every second pass, up to its maximum of ${QEMU_MAX_THROTTLE} %.`;
  return { initial, increment, why: `${because} ${steps}` };
}
