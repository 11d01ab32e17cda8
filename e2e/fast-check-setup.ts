/**
 * Property tests (fast-check) in `npm test` use a fixed seed, so a run is repeatable and CI
 * judges the same cases each time. `npm run test:fuzz` sets FC_SEED=random (a new seed each run,
 * printed on failure with the counterexample) and ten times the runs, to look for new ones.
 */
import fc from 'fast-check';

const seedEnv = process.env.FC_SEED;
const seed = seedEnv === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : seedEnv ? Number(seedEnv) : 20261125;
const factor = Number(process.env.FC_RUNS_FACTOR ?? (seedEnv === 'random' ? 10 : 1));

fc.configureGlobal({
  seed,
  ...(factor !== 1 ? { numRuns: Math.round(100 * factor) } : {}),
});
