// `npm test` itself (e2e/test-all.ts), with the tools it runs replaced by small scripts on PATH
// (npm, npx, bash, dpkg, apt-get): what it counts, what it calls a step, and that a failed step
// or tests that did not run can never end in "N passed, 0 failed" with exit 0.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'vireo-test-all-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FAKES: Record<string, string> = {
  // `npm run --silent <script>`: fails when FAIL_STEPS names the script.
  npm: 'case " $FAIL_STEPS " in *" $3 "*) echo "$3 broke" >&2; exit 1;; esac; exit 0',
  // vitest writes the JSON report named by --outputFile; playwright writes $VIREO_TEST_RESULTS/playwright.json or lists.
  npx: `tool=$1; shift
if [ "$tool" = vitest ]; then
  for a in "$@"; do case $a in --outputFile=*) f=\${a#--outputFile=};; --project) p=next;; *) [ "$p" = next ] && p=$a;; esac; done
  eval "printf '%s' \\"\\$VITEST_$p\\"" > "$f"; eval "exit \\\${VITEST_\${p}_EXIT:-0}"
fi
case " $* " in *" --list "*) echo "Total: 4 tests in 1 file"; exit 0;; esac
[ -n "$VIREO_LAB_NO_RESET" ] && { echo "a spec ran without lab resets" >&2; exit 7; }
printf '%s' "$PLAYWRIGHT" > "$VIREO_TEST_RESULTS/playwright.json"; exit \${PLAYWRIGHT_EXIT:-0}`,
  // lab.sh: up when LAB_DOWN is unset; `up` prints a line and exits with $LAB_UP_EXIT.
  bash: `case "$2" in
  status) if [ -n "$LAB_DOWN" ]; then echo "host A lab-a 10.203.0.1: holder=DOWN sshd=DOWN libvirtd=DOWN"; else
    echo "host A lab-a 10.203.0.1: holder=1 sshd=2 libvirtd=3"; echo "host B lab-b 10.203.0.2: holder=4 sshd=5 libvirtd=6"; fi;;
  up) echo "lab up output"; exit \${LAB_UP_EXIT:-0};;
esac; exit 0`,
  dpkg: 'echo "Package: $2"; echo "Status: install ok installed"',
  'apt-get': 'exit 0',
};

const vitestJson = (passed: number, failed: number, extra: object[] = []) =>
  JSON.stringify({
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [
      { name: 'a.test.ts', status: failed ? 'failed' : 'passed', assertionResults: [{ status: failed ? 'failed' : 'passed' }] },
      ...extra,
    ],
  });
const playwrightJson = (expected: number, unexpected: number, skipped = 0) =>
  JSON.stringify({ stats: { expected, unexpected, skipped, flaky: 0 }, errors: [] });

function npmTest(env: Record<string, string>): { lines: string[]; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmp, 'run-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const [name, body] of Object.entries(FAKES)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'e2e', 'test-all.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      HOME: dir,
      VIREO_TEST_RESULTS: dir,
      VIREO_CHROMIUM: '/bin/sh', // an executable: the browser is "there"
      VITEST_unit: vitestJson(10, 0),
      VITEST_lab: vitestJson(5, 0),
      PLAYWRIGHT: playwrightJson(4, 0),
      ...env,
    },
  });
  return { lines: r.stdout.trim().split('\n'), stderr: r.stderr, status: r.status };
}

describe('npm test: the closing line counts tests; steps are reported apart', () => {
  it('everything passes: the last line is "N passed, 0 failed", exit 0, steps listed on stderr', () => {
    const r = npmTest({});
    expect(r.lines).toEqual(['19 passed, 0 failed']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^steps: browser and fonts ok, typecheck ok, lint ok, build ok, lab up \(reused\) ok$/m);
  });

  it('a lab that was down comes up beside the checks (its output printed after), then goes down and is checked clean', () => {
    const r = npmTest({ LAB_DOWN: '1' });
    expect(r.lines).toEqual(['19 passed, 0 failed']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('=== lab up (output below):\nlab up output');
    expect(r.stderr).toMatch(
      /^steps: browser and fonts ok, typecheck ok, lint ok, build ok, lab up ok, lab down ok, lab leaves nothing behind ok$/m,
    );
  });

  it('a lab that does not come up: lab tests and specs do not run, the run fails and says why', () => {
    const r = npmTest({ LAB_DOWN: '1', LAB_UP_EXIT: '3' });
    expect(r.lines).toEqual([
      '10 passed, 0 failed',
      'FAILED: step lab up; lab tests and e2e: the lab did not come up (see "lab up" above)',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('=== lab up: FAILED (exit 3)');
  });

  it('VIREO_LAB_NO_RESET (a development knob) never reaches the runners: the run resets the lab as its specs expect', () => {
    const r = npmTest({ VIREO_LAB_NO_RESET: '1' });
    expect(r.lines).toEqual(['19 passed, 0 failed']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('VIREO_LAB_NO_RESET is ignored by npm test');
  });

  it('a failed step (lint): tests still counted, then a FAILED line, exit 1', () => {
    const r = npmTest({ FAIL_STEPS: 'lint' });
    expect(r.lines).toEqual(['19 passed, 0 failed', 'FAILED: step lint']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^steps: .*lint FAILED/m);
  });

  it('a failed build: the specs do not run and count as failed, with the reason', () => {
    const r = npmTest({ FAIL_STEPS: 'build' });
    expect(r.lines).toEqual([
      '15 passed, 4 failed',
      'FAILED: step build; 4 e2e tests counted as failed: the build failed, so there is no app to test.',
    ]);
    expect(r.status).toBe(1);
  });

  it('no browser: one sentence, unit and lab tests still run, the specs count as failed', () => {
    const r = npmTest({ VIREO_CHROMIUM: '/nonexistent/chromium' });
    expect(r.lines).toEqual([
      '15 passed, 4 failed',
      'FAILED: step browser and fonts; 4 e2e tests counted as failed: VIREO_CHROMIUM=/nonexistent/chromium is not an executable file: point it at a Chromium binary.',
    ]);
    expect(r.status).toBe(1);
  });

  it('failed tests are counted as tests; a file that fails to load counts as one failed test', () => {
    const r = npmTest({
      VITEST_unit: vitestJson(10, 2, [{ name: 'b.test.ts', status: 'failed', message: 'SyntaxError', assertionResults: [] }]),
      VITEST_unit_EXIT: '1',
      PLAYWRIGHT: playwrightJson(3, 1),
      PLAYWRIGHT_EXIT: '1',
    });
    expect(r.lines).toEqual(['18 passed, 4 failed']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('b.test.ts failed outside its tests: SyntaxError');
  });

  it('a beforeAll that throws (its tests skipped, none failed) counts as one failed test, and the skipped ones fail the run', () => {
    const hook = {
      name: 'c.lab.test.ts',
      status: 'failed',
      message: 'TypeError: x is not a function',
      assertionResults: [{ status: 'skipped' }, { status: 'skipped' }],
    };
    const r = npmTest({
      VITEST_lab: JSON.stringify({ ...JSON.parse(vitestJson(5, 0, [hook])), numPendingTests: 2 }),
      VITEST_lab_EXIT: '1',
    });
    expect(r.lines).toEqual(['19 passed, 1 failed, 2 skipped', 'FAILED: 2 skipped tests (a test that did not run is not a pass)']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('c.lab.test.ts failed outside its tests: TypeError: x is not a function');
  });

  it('a runner that fails without a failed test is a failed step, never "0 failed" with exit 0', () => {
    const r = npmTest({ VITEST_lab_EXIT: '1' });
    expect(r.lines).toEqual(['19 passed, 0 failed', 'FAILED: step lab test runner']);
    expect(r.status).toBe(1);
  });

  it('skipped tests (e.g. after a failure in a serial spec) fail the run', () => {
    const r = npmTest({ PLAYWRIGHT: playwrightJson(2, 0, 2) });
    expect(r.lines).toEqual(['17 passed, 0 failed, 2 skipped', 'FAILED: 2 skipped tests (a test that did not run is not a pass)']);
    expect(r.status).toBe(1);
  });

  it('ends with the slowest files of each suite (a slow run on a busy machine is read from the end)', () => {
    const vitest = (files: [string, number][]) =>
      JSON.stringify({
        ...JSON.parse(vitestJson(files.length, 0)),
        testResults: files.map(([name, sec]) => ({
          name: join(root, 'electron', name),
          status: 'passed',
          startTime: 1_000,
          endTime: 1_000 + sec * 1000,
          assertionResults: [],
        })),
      });
    const spec = (file: string, ...ms: number[]) => ({
      title: file,
      file,
      line: 1,
      tests: [{ status: 'expected', results: ms.map((duration) => ({ duration })) }],
    });
    const pw = JSON.stringify({
      stats: { expected: 3, unexpected: 0, skipped: 0, flaky: 0 },
      errors: [],
      suites: [
        {
          title: 'a',
          specs: [spec('a.spec.ts', 4_000), spec('b.spec.ts', 30_000, 20_000)],
          suites: [{ title: 'c', specs: [spec('c.spec.ts', 9_000)] }],
        },
      ],
    });
    const r = npmTest({
      VITEST_unit: vitest([
        ['u.test.ts', 2],
        ['v.test.ts', 7],
      ]),
      PLAYWRIGHT: pw,
    });
    expect(r.stderr).toContain('slowest unit test files: v.test.ts 7 s, u.test.ts 2 s');
    expect(r.stderr).toContain('slowest e2e spec files: b.spec.ts 50 s, c.spec.ts 9 s, a.spec.ts 4 s');
  });

  it('names each failed or skipped test at the end (file › title: the first line of its error)', () => {
    const vitestFailed = JSON.stringify({
      ...JSON.parse(vitestJson(9, 1)),
      testResults: [
        {
          name: join(root, 'electron', 'x.test.ts'),
          status: 'failed',
          assertionResults: [
            {
              status: 'failed',
              fullName: 'x adds',
              failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at x.test.ts:3'],
            },
            {
              status: 'failed',
              fullName: 'x waits',
              duration: 120_004,
              failureMessages: ['Error: STACK_TRACE_ERROR\n    at x.test.ts:9'],
            },
          ],
        },
      ],
    });
    const spec = (title: string, line: number, status: string, message?: string) => ({
      title,
      file: 'migration.spec.ts',
      line,
      tests: [{ status, results: message ? [{ error: { message } }] : [] }],
    });
    const pw = JSON.stringify({
      stats: { expected: 1, unexpected: 1, skipped: 1, flaky: 0 },
      errors: [],
      suites: [
        {
          title: 'migration.spec.ts',
          specs: [spec('live', 10, 'expected')],
          suites: [
            { title: 'inner', specs: [spec('downtime', 20, 'unexpected', 'Error: timed out\nmore'), spec('post-copy', 30, 'skipped')] },
          ],
        },
      ],
    });
    const r = npmTest({ VITEST_unit: vitestFailed, VITEST_unit_EXIT: '1', PLAYWRIGHT: pw, PLAYWRIGHT_EXIT: '1' });
    expect(r.status).toBe(1);
    const tail = r.stderr.slice(r.stderr.lastIndexOf('failed or skipped:'));
    expect(tail.split('\n').slice(0, 5)).toEqual([
      'failed or skipped:',
      '  electron/x.test.ts › x adds: AssertionError: expected 1 to be 2',
      '  electron/x.test.ts › x waits: timed out after 120 s: the test or one of its hooks ran past its time limit (vitest reports this as STACK_TRACE_ERROR)',
      '  e2e/migration.spec.ts:20 › downtime: Error: timed out',
      '  e2e/migration.spec.ts:30 › post-copy: skipped',
    ]);
  });
});
