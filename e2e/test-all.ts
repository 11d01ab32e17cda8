/**
 * `npm test`: every check, in the order CI needs them, ending with one summary line
 * "N passed, N failed". Steps: typecheck, lint, build, unit tests, the lab (brought up or
 * reused), lab tests, Playwright e2e in Debian's Chromium, and — when this run started the lab
 * and VIREO_KEEP_LAB is not 1 — lab down + a check that nothing of it remains.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const t0 = Date.now();
  console.error(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.error(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

/** A step that is one check (typecheck, lint …) counts as one test. */
function check(label: string, cmd: string, args: string[]): boolean {
  const ok = run(label, cmd, args);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTests: number;
}

function vitest(project: 'unit' | 'lab'): void {
  const file = join(out, `vitest-${project}.json`);
  rmSync(file, { force: true });
  const ok = run(
    `${project} tests`,
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'e2e/vitest.config.ts',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${file}`,
    ],
    {
      VIREO_KEEP_LAB: '1',
    },
  );
  if (!existsSync(file)) {
    failed++;
    failures.push(`${project} tests (no report)`);
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  if (r.numFailedTests > 0 || !ok) failures.push(`${project} tests`);
  if (!ok && r.numFailedTests === 0) failed++; // e.g. a file that failed to load
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
}

function playwright(): void {
  const file = join(out, 'playwright.json');
  rmSync(file, { force: true });
  const ok = run('e2e (Playwright, Chromium)', 'npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts'], {
    VIREO_KEEP_LAB: '1',
  });
  if (!existsSync(file)) {
    failed++;
    failures.push('e2e (no report)');
    return;
  }
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJson;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (stats.unexpected > 0 || !ok) failures.push('e2e');
  if (!ok && stats.unexpected === 0) failed++;
}

/** Both hosts' daemons answer (`lab.sh status` prints `libvirtd=<pid>`, or `=DOWN`). */
function labAlive(): boolean {
  const status = spawnSync('bash', ['e2e/lab/lab.sh', 'status'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  return /libvirtd=\d+/.test(status) && !status.includes('DOWN');
}

const t0 = Date.now();
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
const built = check('build', 'npm', ['run', '--silent', 'build']);
vitest('unit');

const labWasUp = labAlive();
const labUp = labWasUp || check('lab up', 'bash', ['e2e/lab/lab.sh', 'up']);
if (labUp) {
  vitest('lab');
  if (built) playwright();
  if (!labWasUp && process.env.VIREO_KEEP_LAB !== '1') {
    check('lab down', 'bash', ['e2e/lab/lab.sh', 'down']);
    check('lab leaves nothing behind', 'bash', ['e2e/lab/lab.sh', 'verify-clean']);
  }
} else {
  failures.push('lab tests and e2e did not run: the lab did not come up');
}

console.error(`\nTotal time ${((Date.now() - t0) / 60000).toFixed(1)} min.${failures.length ? ` Failed: ${failures.join(', ')}` : ''}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
