import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../fixtures';
export default defineConfig({
  testDir: '.',
  testMatch: '*.scratch.ts',
  outputDir: '/tmp/vireo-scratch/results',
  workers: 1,
  timeout: 180_000,
  reporter: [['list']],
  use: { launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS }, viewport: { width: 1360, height: 860 } },
});
