import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';

// Absolute paths: the same config is loaded from here (npm run test:e2e) and through the
// repository's root playwright.config.ts (`npx playwright test e2e/<file>.spec.ts` from the root).
const here = import.meta.dirname;

// The lab is one shared pair of hosts: specs run one at a time.
export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  // One sentence when the browser is missing, before any spec (npm test installs it when it can).
  globalSetup: resolve(here, 'playwright-setup.ts'),
  outputDir: resolve(here, '../test-results'),
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: resolve(here, '../test-results/playwright.json') }]],
  use: {
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    // A trace is recorded for every test and kept only for a failed one: about a tenth of a
    // spec's time on this 2-core machine (new-user.spec: 57 s with, 51 s without). The whole run
    // (npm test) turns it off (VIREO_E2E_TRACE=off) and says how to get one: run the failed spec alone.
    trace: process.env.VIREO_E2E_TRACE === 'off' ? 'off' : 'retain-on-failure',
    viewport: { width: 1360, height: 860 },
  },
});
