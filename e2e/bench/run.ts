/**
 * `npm run bench -- [--json] [NAME...]`: runs the benchmarks in e2e/bench (all when none named).
 * Each is warmed up once per side, then Vireo and the baseline (libvirt's own client, virsh, in
 * the same process tree on the same lab) alternate `runs` times; medians are reported.
 * With --json, one JSON line per benchmark goes to stdout:
 *   {"bench","vireo","baseline","unit","ratio","runs"}   (ratio = vireo/baseline, lower is better)
 * plus "extra": {name: number} when the benchmark reports figures beside its result (among them
 * the figures of earlier, unlike-for-like versions of a benchmark, named "old …", so a change of
 * method stays visible).
 * Human-readable lines always go to stderr.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureLab } from '../lab/lab';
import type { Bench } from './types';

export interface BenchResult {
  bench: string;
  vireo: number;
  baseline: number | null;
  unit: string;
  ratio: number | null;
  runs: number;
  extra?: Record<string, number>;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function measure(fn: Bench['vireo']): Promise<number> {
  const t0 = performance.now();
  const v = await fn();
  const ms = performance.now() - t0;
  return typeof v === 'number' ? v : ms;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export async function runBench(b: Bench): Promise<BenchResult> {
  const runs = b.runs ?? 5;
  await b.setup?.();
  try {
    // Warm-up: caches, JIT, the lab's first-connection costs. Not counted.
    await b.vireo();
    if (b.baseline) await b.baseline();
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the order so neither side always runs on a warmer machine.
      if (i % 2 === 0 || !b.baseline) {
        ours.push(await measure(b.vireo));
        if (b.baseline) theirs.push(await measure(b.baseline));
      } else {
        theirs.push(await measure(b.baseline));
        ours.push(await measure(b.vireo));
      }
    }
    const vireo = median(ours);
    const baseline = b.baseline ? median(theirs) : null;
    const ratio = baseline ? vireo / baseline : null;
    const extra = b.extra ? await b.extra() : {};
    console.error(
      `${b.name}: vireo ${round(vireo)} ${b.unit}` +
        (baseline !== null ? `, ${b.baselineLabel ?? 'baseline'} ${round(baseline)} ${b.unit}, ratio ${round(ratio ?? Number.NaN)}` : '') +
        ` (median of ${runs}; vireo runs ${ours.map(round).join(' ')}${theirs.length ? `; baseline runs ${theirs.map(round).join(' ')}` : ''})` +
        Object.entries(extra)
          .map(([k, v]) => `; ${k} ${round(v)}`)
          .join(''),
    );
    return {
      bench: b.name,
      vireo: round(vireo),
      baseline: baseline === null ? null : round(baseline),
      unit: b.unit,
      ratio: ratio === null ? null : round(ratio),
      runs,
      ...(Object.keys(extra).length ? { extra: Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, round(v)])) } : {}),
    };
  } finally {
    await b.teardown?.();
  }
}

async function loadAll(names: string[]): Promise<Bench[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const available = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.endsWith('.test.ts') && !f.startsWith('_'))
    .map((f) => basename(f, '.ts'));
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  const chosen = names.length ? names : available;
  const out: Bench[] = [];
  for (const name of chosen) out.push(((await import(join(dir, `${name}.ts`))) as { default: Bench }).default);
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  const benches = await loadAll(names);
  await ensureLab();
  let failed = 0;
  for (const b of benches) {
    try {
      const r = await runBench(b);
      if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
    } catch (err) {
      failed++;
      console.error(`${b.name}: FAILED: ${(err as Error).stack ?? err}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && basename(process.argv[1]) === 'run.ts') {
  main().catch((err: unknown) => {
    console.error(`bench: ${(err as Error).message}`);
    process.exit(1);
  });
}
