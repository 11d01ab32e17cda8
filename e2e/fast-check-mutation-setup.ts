/**
 * Mutation runs only (e2e/vitest.mutation.config.ts): every property runs a tenth of its runs
 * (at least 10). Stryker runs the covering tests once per mutant, and the XML properties alone
 * take ~20 s a run on this machine; the example-based tests still run in full. A mutant that
 * only a rare input would show may survive: the score errs low, never high.
 */
import { expect, vi } from 'vitest';

/** Test files that count their own runs: left as they are. */
const FULL_RUNS = [/frames\.prop\.test\.ts$/];

vi.mock('fast-check', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fast-check')>();
  if (FULL_RUNS.some((re) => re.test(expect.getState().testPath ?? ''))) return mod;
  const scaled = <P extends { numRuns?: number }>(params?: P): P =>
    ({ ...params, numRuns: Math.max(10, Math.ceil((params?.numRuns ?? 100) / 10)) }) as P;
  const assert: typeof mod.assert = ((property: Parameters<typeof mod.assert>[0], params?: Parameters<typeof mod.assert>[1]) =>
    mod.assert(property, scaled(params))) as typeof mod.assert;
  // fast-check's default export has read-only getters: shadow `assert` on an object that inherits the rest.
  const fc = Object.create(mod.default, { assert: { value: assert, enumerable: true } }) as typeof mod.default;
  return { ...mod, assert, default: fc };
});
