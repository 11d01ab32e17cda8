/**
 * Vitest for Stryker (e2e/stryker.config.mjs): the `unit` project of vitest.config.ts only. The
 * Stryker vitest runner has no project filter, and the `lab` project's global setup would start
 * the two-host lab for every mutant.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Instrumented code on a shared 2-core machine: property tests need more than vitest's 5 s, and
// run a tenth of their cases (e2e/fast-check-mutation-setup.ts).
const projects = (base.test?.projects ?? [])
  .filter((p) => typeof p === 'object' && 'test' in p && p.test?.name === 'unit')
  .map((p) =>
    typeof p === 'object' && 'test' in p
      ? { ...p, test: { ...p.test, testTimeout: 60_000, setupFiles: [...(p.test?.setupFiles ?? []), 'e2e/fast-check-mutation-setup.ts'] } }
      : p,
  );
if (projects.length !== 1) throw new Error('e2e/vitest.config.ts has no `unit` project');

export default defineConfig({ ...base, test: { ...base.test, projects } });
