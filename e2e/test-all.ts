/**
 * `npm test`: every check, in the order CI needs them. Steps (not tests): the specs' browser and
 * fonts (installed when root on Debian/Ubuntu, else one sentence says what is missing), typecheck,
 * lint, build, the lab (brought up or reused) and — when this run started the lab and
 * VIREO_KEEP_LAB is not 1 — lab down and a check that nothing of it remains. Tests: unit, lab,
 * Playwright e2e in Debian's Chromium.
 *
 * The end: the steps on one line, then "N passed, N failed" counting tests only. A failed step,
 * tests that did not run, or skipped tests add one last line starting with "FAILED:" and exit 1,
 * so "N passed, 0 failed" is the last line only of a run where everything passed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { inspect, plan } from './prereqs';

const root = fileURLToPath(new URL('..', import.meta.url));
// A development knob (e2e/lab/lab.ts) that skips lab resets: never in the whole run, whose specs rely on them.
if (process.env.VIREO_LAB_NO_RESET) {
  console.error('=== VIREO_LAB_NO_RESET is ignored by npm test: every lab reset runs');
  delete process.env.VIREO_LAB_NO_RESET;
}
// Where the runners' JSON reports go (Playwright's config writes to test-results/ too).
const out = process.env.VIREO_TEST_RESULTS ?? join(root, 'test-results');
mkdirSync(out, { recursive: true });

interface Step {
  label: string;
  ok: boolean;
  seconds: number;
}

const steps: Step[] = [];
const suites: { label: string; seconds: number; busy: string }[] = [];
let passed = 0;
let failed = 0;
let skipped = 0;
/** Tests or whole suites that did not run, and why (each makes the run fail). */
const notRun: string[] = [];
/** Each failed test, named (file › title: the error's first line), repeated at the end of the output. */
const failures: string[] = [];
/** The slowest files of each suite, one line per suite, repeated at the end (where a slow run is read). */
const slowest: string[] = [];
const top = (rows: [string, number][], n = 6): string =>
  [...rows]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([f, sec]) => `${f.replace(/^.*\//, '')} ${sec.toFixed(0)} s`)
    .join(', ');
const firstLine = (m: string | undefined): string =>
  stripVTControlCharacters(m ?? '')
    .trim()
    .split('\n')[0]
    ?.slice(0, 200) ?? '';

/**
 * The first line of a vitest failure. Vitest 4 loses the message of its own time-out error: the
 * report holds only the stack of the error it made when the test was declared, whose first line
 * is "Error: STACK_TRACE_ERROR". Such a line is told as what it is.
 */
function vitestError(m: string | undefined, durationMs: number | undefined): string {
  const line = firstLine(m);
  if (line !== 'Error: STACK_TRACE_ERROR') return line;
  const after = durationMs === undefined ? '' : ` after ${(durationMs / 1000).toFixed(0)} s`;
  return `timed out${after}: the test or one of its hooks ran past its time limit (vitest reports this as STACK_TRACE_ERROR)`;
}

/** The kernel's pressure stall totals (µs some task waited for a CPU, for I/O), where /proc/pressure exists. */
function pressure(): { cpu: number; io: number } | null {
  const some = (what: string) => Number(/^some .*total=(\d+)/m.exec(readFileSync(`/proc/pressure/${what}`, 'utf8'))?.[1]);
  try {
    const p = { cpu: some('cpu'), io: some('io') };
    return Number.isFinite(p.cpu) && Number.isFinite(p.io) ? p : null;
  } catch {
    return null; // no PSI on this kernel: the lines just say less
  }
}

/**
 * How busy the machine was during a step: the share of its time some task waited for a CPU and
 * for I/O. A slow run on a busy machine shows it here (CI has had stretches 5-10x slower than
 * a quiet run; the step lines are what the end of the output keeps).
 */
function busy(p0: ReturnType<typeof pressure>, seconds: number): string {
  const p1 = pressure();
  if (!p0 || !p1 || seconds < 1) return '';
  const pct = (d: number) => `${Math.round(d / 1e4 / seconds)} %`;
  return ` (waited for a CPU ${pct(p1.cpu - p0.cpu)} of the time, for I/O ${pct(p1.io - p0.io)})`;
}

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): { ok: boolean; seconds: number; busy: string } {
  const t0 = Date.now();
  const p0 = pressure();
  console.error(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  const seconds = (Date.now() - t0) / 1000;
  const waited = busy(p0, seconds);
  console.error(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${seconds.toFixed(1)} s${waited}`);
  return { ok, seconds, busy: waited };
}

/** A step: it passes or fails the run, and is never counted as a test. */
function step(label: string, cmd: string, args: string[]): boolean {
  const { ok, seconds } = run(label, cmd, args);
  steps.push({ label, ok, seconds });
  return ok;
}

/**
 * A step that runs beside the next ones (the lab coming up while typecheck, lint, build and the
 * unit tests run): its output goes to a file, printed when the step is awaited.
 */
function background(label: string, cmd: string, args: string[]): () => Promise<boolean> {
  const t0 = Date.now();
  const log = join(out, `${label.replace(/\W+/g, '-')}.log`);
  const fd = openSync(log, 'w');
  console.error(`\n=== ${label}: ${cmd} ${args.join(' ')} (beside the next steps; its output: ${relative(root, log)})`);
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const ended = new Promise<number | string>((resolve) => {
    child.on('error', (e) => resolve(e.message));
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'killed'));
  });
  return async () => {
    const status = await ended;
    const ok = status === 0;
    const seconds = (Date.now() - t0) / 1000;
    console.error(`\n=== ${label} (output below):\n${readFileSync(log, 'utf8')}`);
    console.error(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${status})`} after ${seconds.toFixed(1)} s`);
    steps.push({ label, ok, seconds });
    return ok;
  };
}

function failStep(label: string, why: string): void {
  console.error(`=== ${label}: FAILED: ${why}`);
  steps.push({ label, ok: false, seconds: 0 });
}

/** The specs' browser and fonts: installed when this machine allows it; returns why the specs cannot run, if so. */
function e2ePrerequisites(): string | null {
  const t0 = Date.now();
  const p = plan(inspect());
  if (p.kind === 'ready') {
    steps.push({ label: 'browser and fonts', ok: true, seconds: (Date.now() - t0) / 1000 });
    return null;
  }
  if (p.kind === 'missing') {
    console.error(`\n=== browser and fonts: ${p.sentence}`);
    steps.push({ label: 'browser and fonts', ok: !p.fatal, seconds: (Date.now() - t0) / 1000 });
    return p.fatal ? p.sentence : null;
  }
  console.error(`\n=== browser and fonts: installing ${p.packages.join(' ')} (apt-get, as lab.sh up does for the lab)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    run('apt-get update', 'apt-get', ['update', '-q'], env).ok &&
    run('apt-get install', 'apt-get', ['install', '-y', '-q', '--no-install-recommends', ...p.packages], env).ok;
  const after = plan(inspect());
  const done = ok && after.kind === 'ready';
  steps.push({ label: 'browser and fonts', ok: done, seconds: (Date.now() - t0) / 1000 });
  if (done) return null;
  return `The end-to-end tests need ${p.packages.join(', ')}, and apt-get could not install them (see its output above).`;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    startTime?: number;
    endTime?: number;
    assertionResults: { status: string; fullName?: string; failureMessages?: string[]; duration?: number }[];
  }[];
}

function vitest(project: 'unit' | 'lab'): void {
  const file = join(out, `vitest-${project}.json`);
  rmSync(file, { force: true });
  const args = ['vitest', 'run', '--config', 'e2e/vitest.config.ts', '--project', project];
  const {
    ok,
    seconds,
    busy: waited,
  } = run(`${project} tests`, 'npx', [...args, '--reporter=default', '--reporter=json', `--outputFile=${file}`], {
    VIREO_KEEP_LAB: '1',
  });
  suites.push({ label: `${project} tests`, seconds, busy: waited });
  if (!existsSync(file)) {
    failStep(`${project} test runner`, 'vitest wrote no report');
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  // A file that failed outside its tests (it did not load, or a beforeAll threw: its tests are
  // skipped, none failed) counts as one failed test; its skipped tests count as skipped.
  const unloaded = r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
  for (const f of unloaded) console.error(`=== ${project} tests: ${f.name} failed outside its tests: ${f.message ?? '(no message)'}`);
  for (const f of r.testResults) {
    const file = relative(root, f.name);
    if (unloaded.includes(f)) failures.push(`${file}: failed outside its tests: ${firstLine(f.message)}`);
    for (const a of f.assertionResults)
      if (a.status === 'failed') failures.push(`${file} › ${a.fullName ?? '?'}: ${vitestError(a.failureMessages?.[0], a.duration)}`);
  }
  slowest.push(
    `${project} test files: ${top(r.testResults.map((f) => [relative(root, f.name), ((f.endTime ?? 0) - (f.startTime ?? 0)) / 1000]))}`,
  );
  passed += r.numPassedTests;
  failed += r.numFailedTests + unloaded.length;
  skipped += r.numPendingTests + r.numTodoTests;
  if (!ok && r.numFailedTests + unloaded.length === 0) failStep(`${project} test runner`, 'vitest failed without a failed test');
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { status: string; results: { duration?: number; error?: { message?: string } }[] }[];
  }[];
}
interface PlaywrightJson {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  errors?: { message?: string }[];
  suites?: PlaywrightSuite[];
}

/** Each spec that failed or was skipped: `file:line › title: error`. */
function playwrightFailures(suites: readonly PlaywrightSuite[]): string[] {
  const found: string[] = [];
  const walk = (s: PlaywrightSuite): void => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) {
        if (t.status !== 'unexpected' && t.status !== 'skipped') continue;
        const err = t.results.map((r) => r.error?.message).find(Boolean);
        found.push(`e2e/${spec.file}:${spec.line} › ${spec.title}: ${t.status === 'skipped' ? 'skipped' : firstLine(err)}`);
      }
    for (const c of s.suites ?? []) walk(c);
  };
  for (const s of suites) walk(s);
  return found;
}

/** Each spec file's time: its tests' durations (every attempt) added up. */
function specSeconds(suites: readonly PlaywrightSuite[]): Map<string, number> {
  const by = new Map<string, number>();
  const walk = (s: PlaywrightSuite): void => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) for (const r of t.results) by.set(spec.file, (by.get(spec.file) ?? 0) + (r.duration ?? 0) / 1000);
    for (const c of s.suites ?? []) walk(c);
  };
  for (const s of suites) walk(s);
  return by;
}

/** How many tests the specs hold (Playwright lists them without a browser). */
function listE2e(): number | null {
  const r = spawnSync('npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts', '--list', '--reporter=list'], {
    cwd: root,
    encoding: 'utf8',
  });
  const m = /Total: (\d+) tests? in \d+ files?/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : null;
}

function playwright(blocked: string | null): void {
  if (blocked) {
    const n = listE2e();
    console.error(`\n=== e2e (Playwright, Chromium): not run: ${blocked}`);
    if (n === null) notRun.push(`e2e (could not even list the specs): ${blocked}`);
    else {
      failed += n;
      notRun.push(`${n} e2e tests counted as failed: ${blocked}`);
    }
    return;
  }
  const file = join(out, 'playwright.json');
  rmSync(file, { force: true });
  // No traces in the whole run (a tenth of the e2e time); a failed spec run alone records one.
  const {
    ok,
    seconds,
    busy: waited,
  } = run('e2e (Playwright, Chromium)', 'npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts'], {
    VIREO_KEEP_LAB: '1',
    VIREO_E2E_TRACE: 'off',
    // Built by the step above: the specs' global setup need not build it again.
    VIREO_APP_BUILT: '1',
  });
  suites.push({ label: 'e2e', seconds, busy: waited });
  if (!existsSync(file)) {
    failStep('e2e test runner', 'Playwright wrote no report');
    return;
  }
  const { stats, errors = [], suites: specs = [] } = JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJson;
  failures.push(...playwrightFailures(specs), ...errors.map((e) => `e2e: error outside a test: ${firstLine(e.message)}`));
  slowest.push(`e2e spec files: ${top([...specSeconds(specs)])}`);
  // Errors outside tests (a spec that fails to load): each counts as one failed test.
  for (const e of errors) console.error(`=== e2e: error outside a test: ${e.message ?? '(no message)'}`);
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected + errors.length;
  skipped += stats.skipped;
  if (!ok && stats.unexpected + errors.length === 0) failStep('e2e test runner', 'Playwright failed without a failed test');
}

/** Both hosts' daemons answer (`lab.sh status` prints `libvirtd=<pid>`, or `=DOWN`). */
function labAlive(): boolean {
  const status = spawnSync('bash', ['e2e/lab/lab.sh', 'status'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  return /libvirtd=\d+/.test(status) && !status.includes('DOWN');
}

const t0 = Date.now();
const noBrowser = e2ePrerequisites();
const labWasUp = labAlive();
// The lab comes up (packages, guest build, boots: mostly waiting) while the checks run.
const labUpEnded = labWasUp ? null : background('lab up', 'bash', ['e2e/lab/lab.sh', 'up']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
const built = step('build', 'npm', ['run', '--silent', 'build']);
vitest('unit');

const labUp = labUpEnded ? await labUpEnded() : true;
if (labWasUp) steps.push({ label: 'lab up (reused)', ok: true, seconds: 0 });
if (labUp) {
  vitest('lab');
  playwright(noBrowser ?? (built ? null : 'the build failed, so there is no app to test.'));
  if (!labWasUp && process.env.VIREO_KEEP_LAB !== '1') {
    step('lab down', 'bash', ['e2e/lab/lab.sh', 'down']);
    step('lab leaves nothing behind', 'bash', ['e2e/lab/lab.sh', 'verify-clean']);
  }
} else {
  notRun.push('lab tests and e2e: the lab did not come up (see "lab up" above)');
}

const secs = (s: number) => (s >= 60 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(0)} s`);
const failedSteps = steps.filter((s) => !s.ok).map((s) => s.label);
console.error(
  `\nsteps: ${steps.map((s) => `${s.label} ${s.ok ? 'ok' : 'FAILED'}${s.seconds >= 1 ? ` (${secs(s.seconds)})` : ''}`).join(', ')}`,
);
console.error(`tests: ${suites.map((s) => `${s.label} ${secs(s.seconds)}${s.busy}`).join(', ')}; total ${secs((Date.now() - t0) / 1000)}`);
for (const line of slowest) console.error(`slowest ${line}`);
if (failures.length)
  console.error(
    `\nfailed or skipped:\n${failures.map((f) => `  ${f}`).join('\n')}` +
      (failures.some((f) => f.startsWith('e2e/'))
        ? '\n(a failed spec run alone keeps a trace: npx playwright test e2e/<file>.spec.ts; npx playwright show-trace test-results/<test>/trace.zip)'
        : ''),
  );
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
const problems = [
  ...(failedSteps.length ? [`step${failedSteps.length > 1 ? 's' : ''} ${failedSteps.join(', ')}`] : []),
  ...notRun,
  ...(skipped ? [`${skipped} skipped test${skipped > 1 ? 's' : ''} (a test that did not run is not a pass)`] : []),
];
if (problems.length) console.log(`FAILED: ${problems.join('; ')}`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
