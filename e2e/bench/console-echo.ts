/**
 * console-echo (ms, ratio vs virsh console): keystroke to echo on tiny's serial console — one
 * character typed, the guest's shell echoing it back — median of 30 per run.
 * Vireo: ConsoleService's console stream over the host's existing libvirt connection (see
 * _console.ts). Baseline: `virsh console --force` in a pty, connected before timing starts.
 * Both sides take the console with FORCE in turn (one console, one holder at a time).
 */
import { performance } from 'node:perf_hooks';
import { type ConsoleSide, ensureTiny, type VireoSide, vireoSerial, virshSerial, waitPrompt } from './_console';
import { median } from './run';
import type { Bench } from './types';

const SAMPLES = 30;
let vireo: VireoSide | undefined;
const samples = { vireo: [] as number[], virsh: [] as number[] };

async function roundTrips(c: ConsoleSide, into: number[]): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    const from = c.out.mark();
    const t0 = performance.now();
    c.write(ch);
    await c.out.waitFor(ch, from, 10_000);
    xs.push(performance.now() - t0);
    // Erase it so the line stays empty; the shell answers with a backspace.
    const back = c.out.mark();
    c.write('\x7f');
    await c.out.waitFor('\b', back, 10_000);
  }
  into.push(...xs);
  return median(xs);
}

const bench: Bench = {
  name: 'console-echo',
  unit: 'ms',
  runs: 5,
  baselineLabel: 'virsh console (pty)',
  async setup() {
    await ensureTiny();
    vireo = await vireoSerial('tiny');
  },
  async vireo() {
    if (!vireo) throw new Error('setup did not run');
    await vireo.take();
    await waitPrompt(vireo);
    return roundTrips(vireo, samples.vireo);
  },
  async baseline() {
    const v = await virshSerial('tiny');
    try {
      await waitPrompt(v);
      return await roundTrips(v, samples.virsh);
    } finally {
      await v.close();
    }
  },
  async extra() {
    const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? Number.NaN;
    return { 'keystrokes per side': samples.vireo.length, 'vireo p90 ms': p90(samples.vireo), 'virsh p90 ms': p90(samples.virsh) };
  },
  async teardown() {
    await vireo?.close();
  },
};
export default bench;
