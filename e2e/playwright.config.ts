import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './fixtures';

// The lab is one shared pair of hosts: specs run one at a time.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One sentence when the browser is missing, before any spec (npm test installs it when it can).
  globalSetup: './playwright-setup.ts',
  outputDir: '../test-results',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  use: {
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1360, height: 860 },
  },
});
