/**
 * Playwright's global setup: before any spec, say in one sentence what the machine lacks for the
 * specs (instead of Playwright's "executable doesn't exist" per test). `npm test` installs it when
 * it can; a run of specs alone only checks. Then the lab, as the vitest lab project does: reused
 * when it runs, else brought up, and taken down at the end only if this run started it (and
 * VIREO_KEEP_LAB is not 1), so `npx playwright test e2e/<x>.spec.ts` works after `lab.sh down`.
 */
import labSetup from './lab/vitest-setup';
import { E2E_PACKAGES, inspect, plan } from './prereqs';

export default async function setup(): Promise<() => Promise<void>> {
  checkBrowser();
  return labSetup();
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
