/**
 * `npm run test:alone [-- --shuffle] [--only lab|e2e] [FILTER...]`: runs every lab test file and
 * every Playwright spec on its own, one process per file, in file order or shuffled, and prints
 * one line per file and a closing line "N files passed alone, N failed". Proves that no file
 * needs another to have run before it (issue 15). The lab is brought up (or reused) by each
 * runner's own global setup, and kept up between files (VIREO_KEEP_LAB=1); `lab.sh down` is
 * left to the caller. Not part of `npm test`: it costs about one more full lab + e2e run.
 * The app is built once first, as `npm test` does, because the specs serve dist/. Each spec's
 * traces and screenshots go to <tmp>/vireo-test-alone/<spec>.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const shuffle = args.includes('--shuffle');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const filters = args.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(relative(root, p));
  }
  return out;
}

interface Item {
  kind: 'lab' | 'e2e';
  file: string;
}

const items: Item[] = [];
if (only !== 'e2e')
  for (const d of ['electron', 'renderer', 'shared', 'e2e'])
    for (const f of walk(join(root, d)).sort()) if (f.endsWith('.lab.test.ts')) items.push({ kind: 'lab', file: f });
if (only !== 'lab')
  for (const f of readdirSync(join(root, 'e2e')).sort()) if (f.endsWith('.spec.ts')) items.push({ kind: 'e2e', file: `e2e/${f}` });

const chosen = items.filter((it) => filters.length === 0 || filters.some((f) => it.file.includes(f)));
if (shuffle)
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j] as Item, chosen[i] as Item];
  }

const env = { ...process.env, VIREO_KEEP_LAB: '1', VIREO_APP_BUILT: '1' }; // built once below: the specs' global setup skips its build
if (chosen.some((it) => it.kind === 'e2e')) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', env });
  if (b.status !== 0) {
    console.error('test:alone: the build failed, so there is no app for the specs to test.');
    process.exit(1);
  }
}

const failed: string[] = [];
const t0 = Date.now();
for (const it of chosen) {
  const started = Date.now();
  const cmd =
    it.kind === 'lab'
      ? ['vitest', 'run', '--config', 'e2e/vitest.config.ts', '--project', 'lab', it.file]
      : [
          'playwright',
          'test',
          '--config',
          'e2e/playwright.config.ts',
          '--output',
          join(tmpdir(), 'vireo-test-alone', basename(it.file, '.spec.ts')),
          it.file,
        ];
  const r = spawnSync('npx', cmd, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const s = ((Date.now() - started) / 1000).toFixed(0);
  const ok = r.status === 0;
  if (!ok) failed.push(it.file);
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${it.file} (${s} s)`);
  if (!ok) console.log(`${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
}
const mins = ((Date.now() - t0) / 60000).toFixed(1);
console.log(`\n${chosen.length - failed.length} files passed alone, ${failed.length} failed (${mins} min)`);
if (failed.length) console.log(`failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
