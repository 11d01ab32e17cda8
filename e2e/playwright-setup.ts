/**
 * Playwright's global setup: before any spec, say in one sentence what the machine lacks for the
 * specs (instead of Playwright's "executable doesn't exist" per test). `npm test` installs it when
 * it can; a run of specs alone only checks. Then the app is built (unless npm test just built it).
 * Then the lab, as the vitest lab project does: reused
 * when it runs, else brought up, and taken down at the end only if this run started it (and
 * VIREO_KEEP_LAB is not 1), so `npx playwright test e2e/<x>.spec.ts` works after `lab.sh down`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import labSetup from './lab/vitest-setup';
import { E2E_PACKAGES, inspect, plan } from './prereqs';

export default async function setup(): Promise<() => Promise<void>> {
  checkBrowser();
  buildApp();
  return labSetup();
}

/**
 * The specs test the built app (dist/, dist-electron/): built here, so a spec run alone never tests
 * yesterday's build. npm test builds it as a step of its own first and says so (VIREO_APP_BUILT=1).
 */
function buildApp(): void {
  if (process.env.VIREO_APP_BUILT === '1') return;
  process.stderr.write('[e2e] building the app (npm run build)\n');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}

function checkBrowser(): void {
  const m = inspect();
  const p = plan(m);
  if (p.kind === 'ready') return;
  const sentence =
    p.kind === 'missing'
      ? p.sentence
      : `The end-to-end tests need ${p.packages.join(', ')}: npm test installs them, or run \`apt-get install --no-install-recommends ${E2E_PACKAGES.join(' ')}\`.`;
  if (!m.chromium) throw new Error(sentence);
  process.stderr.write(`[e2e] ${sentence}\n`);
}
