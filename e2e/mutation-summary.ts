/**
 * One line per module with its mutation score, from Stryker's JSON report (run by
 * `npm run test:mutation` after e2e/stryker.config.mjs). Score as Stryker counts it: mutants
 * killed (or timed out) over all valid mutants (killed, timed out, survived, not covered).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Report = z.object({
  files: z.record(z.string(), z.object({ mutants: z.array(z.object({ status: z.string() })) })),
});

const GROUPS: [string, RegExp][] = [
  ['protocol codecs', /^electron\/libvirt\/(xdr|protocol|params)\.ts$/],
  ['XML model', /^electron\/xml\//],
  ['migration progress', /migration\/progress\.ts$/],
  ['migration plan, cleanup, explain', /migration\/(plan|cleanup|explain)\.ts$/],
  ['pre-flight checks', /preflight\.ts$/],
  ['jobs', /jobs\.ts$/],
];

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = Report.parse(JSON.parse(readFileSync(file, 'utf8')));

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
}
const tally = (statuses: string[]): Tally => ({
  killed: statuses.filter((s) => s === 'Killed' || s === 'Timeout').length,
  survived: statuses.filter((s) => s === 'Survived').length,
  noCoverage: statuses.filter((s) => s === 'NoCoverage').length,
});
const line = (label: string, t: Tally): string => {
  const valid = t.killed + t.survived + t.noCoverage;
  const score = valid ? ((100 * t.killed) / valid).toFixed(1) : 'n/a';
  return `${label.padEnd(52)} ${score.padStart(5)} %  killed ${t.killed}/${valid} (survived ${t.survived}, no coverage ${t.noCoverage})`;
};

const paths = Object.keys(report.files).sort();
console.log('Mutation score per module (killed + timed out / valid mutants):');
for (const [group, re] of GROUPS) {
  const mine = paths.filter((p) => re.test(p));
  if (mine.length === 0) continue;
  const all = mine.flatMap((p) => report.files[p]?.mutants.map((m) => m.status) ?? []);
  console.log(line(group, tally(all)));
  if (mine.length > 1) for (const p of mine) console.log(line(`  ${p}`, tally(report.files[p]?.mutants.map((m) => m.status) ?? [])));
}
const rest = paths.filter((p) => !GROUPS.some(([, re]) => re.test(p)));
for (const p of rest) console.log(line(p, tally(report.files[p]?.mutants.map((m) => m.status) ?? [])));
