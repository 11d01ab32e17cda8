import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Two projects: `unit` needs nothing; `lab` talks to the real two-host lab (e2e/lab), which its
// global setup brings up (or reuses). Lab tests are named *.lab.test.ts.
export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{electron,renderer,shared,e2e}/**/*.test.ts'],
          exclude: ['**/*.lab.test.ts', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['e2e/fast-check-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'lab',
          include: ['{electron,renderer,shared,e2e}/**/*.lab.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['e2e/lab/vitest-setup.ts'],
          // A test's limit is only for a hang: CI has shown 5-10x slower stretches on this machine
          // (stop 28: a 7 s test ran past 120 s), so it is 300 s; the slowest test takes about 20 s.
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
