/**
 * console-1mib (ms, ratio vs virsh console): tiny prints 1 MiB on its serial console
 * (`head -c 1048576 /dev/zero | tr '\0' x`), from Enter until the marker after it arrives.
 * Vireo: ConsoleService's stream (see _console.ts); baseline: `virsh console --force` in a pty.
 * The emulated UART and the guest's tty are part of both sides' time: the figure says how much
 * each client adds on top.
 */
import { performance } from 'node:perf_hooks';
import { type ConsoleSide, ensureTiny, runCommand, type VireoSide, vireoSerial, virshSerial, waitPrompt } from './_console';
import { median } from './run';
import type { Bench } from './types';

const MIB = 1024 * 1024;
let vireo: VireoSide | undefined;
const rates = { vireo: [] as number[], virsh: [] as number[] };

async function printMiB(c: ConsoleSide, into: number[]): Promise<number> {
  await waitPrompt(c);
  const before = c.out.bytes;
  const t0 = performance.now();
  await runCommand(c, `head -c ${MIB} /dev/zero | tr '\\0' x`, 600_000);
  const ms = performance.now() - t0;
  const got = c.out.bytes - before;
  if (got < MIB) throw new Error(`only ${got} bytes arrived`);
  into.push(got / MIB / (ms / 1000));
  return ms;
}

const bench: Bench = {
  name: 'console-1mib',
  unit: 'ms',
  runs: 3,
  baselineLabel: 'virsh console (pty)',
  async setup() {
    await ensureTiny();
    vireo = await vireoSerial('tiny');
  },
  async vireo() {
    if (!vireo) throw new Error('setup did not run');
    await vireo.take();
    return printMiB(vireo, rates.vireo);
  },
  async baseline() {
    const v = await virshSerial('tiny');
    try {
      return await printMiB(v, rates.virsh);
    } finally {
      await v.close();
    }
  },
  async extra() {
    return { 'vireo MiB/s': median(rates.vireo), 'virsh MiB/s': median(rates.virsh) };
  },
  async teardown() {
    await vireo?.close();
  },
};
export default bench;
