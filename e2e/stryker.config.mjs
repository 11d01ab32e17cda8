// Mutation testing of the pure modules (`npm run test:mutation`; not part of `npm test`: it
// takes minutes). Stryker changes one operator, literal or statement at a time in a sandbox copy
// and runs the unit tests that cover it; a mutant that no test notices is a bug the suite would
// let through. e2e/mutation-summary.ts prints one line per module from the JSON report.
// Re-runs are incremental (reports/stryker-incremental.json); `-- --force` runs every mutant.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // `related` would make vitest walk the import graph up to electron/main.ts, whose `electron`
  // import does not resolve where the optional Electron binary is absent.
  vitest: { configFile: 'e2e/vitest.mutation.config.ts', related: false },
  // The unit tests beside the mutated modules and their callers (not transport/, renderer/ …).
  testFiles: ['electron/libvirt/*.test.ts', 'electron/xml/*.test.ts', 'electron/services/*.test.ts', 'electron/services/migration/*.test.ts', 'electron/services/clone/*.test.ts', 'electron/services/install/*.test.ts', 'shared/**/*.test.ts'],
  mutate: [
    // protocol codecs
    'electron/libvirt/xdr.ts',
    'electron/libvirt/protocol.ts',
    'electron/libvirt/params.ts',
    // the XML model
    'electron/xml/*.ts',
    '!electron/xml/*.test.ts',
    // migration progress, pre-flight checks, jobs
    'electron/services/migration/progress.ts',
    'electron/services/migration/plan.ts',
    'electron/services/migration/cleanup.ts',
    'electron/services/migration/explain.ts',
    'electron/services/migration/checks*.ts',
    '!electron/services/migration/checks*.test.ts',
    'electron/services/jobs.ts',
    // clone and install: checks and plans
    'electron/services/clone/{checks,plan}.ts',
    'electron/services/install/{checks,plan,tree}.ts',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constant tables, e.g. protocol.ts's procedure numbers) need a
  // fresh module graph and every test per mutant: 8 % of the mutants, 70 % of the time.
  ignoreStatic: true,
  // The machine is shared: two workers at most.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  clearTextReporter: { allowColor: false, logTests: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/.stryker-tmp*', '/dist', '/dist-electron', '/test-results', '/playwright-report', '/bench-results', '/e2e/_scratch', '*.log'],
  thresholds: { high: 80, low: 60, break: null },
};
