/**
 * The shipped product never imports test or demo code (H3: the demo lab lived inside the app).
 * e2e/ may import electron/, never the reverse. .ci/biome.json says the same to editors
 * (noRestrictedImports); this test also follows the bundles' imports from their entry points.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const E2E = join(ROOT, 'e2e');
const PRODUCT_DIRS = ['electron', 'renderer', 'shared'];
/** What esbuild and vite bundle: electron/build.ts and renderer/index.html. */
const ENTRIES = ['electron/main.ts', 'electron/preload.ts', 'electron/serve.ts', 'electron/launcher.ts', 'renderer/main.tsx'];

const isTestCode = (file: string) => /\.test\.tsx?$|[.-]fixture\.ts$/.test(file);

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.parentPath.includes('node_modules'))
    .map((f) => join(f.parentPath, f.name));
}

/** Every module a file names (static, dynamic, require, `export … from`), resolved when relative. */
function importsOf(file: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .map((spec) => (spec.startsWith('.') ? resolve(dirname(file), spec) : spec));
}

const inE2e = (target: string) => target === E2E || target.startsWith(`${E2E}/`) || /(^|\/)e2e(\/|$)/.test(target);

function resolveModule(target: string): string | null {
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    try {
      readFileSync(`${target}${ext}`);
      return `${target}${ext}`;
    } catch {
      // try the next form
    }
  }
  return null;
}

describe('product code never imports test or demo code (h3)', () => {
  it('h3 the scanner sees every form of import from e2e/ (so the checks below can fail)', () => {
    const file = join(ROOT, 'electron', 'services', 'x.ts');
    const planted = [
      "import { readLab } from '../../e2e/lab/lab';",
      "export { labDir } from '../../e2e/lab/lab';",
      "const lab = await import('../../e2e/lab/hosts');",
      "const x = require('../../e2e/fixtures');",
      "import type { Lab } from '../../e2e/lab/lab';",
    ];
    for (const line of planted) expect(importsOf(file, line).some(inE2e), line).toBe(true);
    expect(importsOf(file, "import { AppError } from '../../shared/errors';").some(inE2e)).toBe(false);
  });

  it('h3 no file under electron/, renderer/ or shared/ other than tests imports from e2e/ or names the lab', () => {
    const offenders: string[] = [];
    for (const dir of PRODUCT_DIRS) {
      for (const file of sourcesUnder(dir)) {
        if (isTestCode(file)) continue;
        const source = readFileSync(file, 'utf8');
        for (const target of importsOf(file, source))
          if (inE2e(target)) offenders.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)}`);
        if (/vireo-lab|addLab/.test(source)) offenders.push(`${relative(ROOT, file)} names the demo lab`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('h3 the bundles (main, preload, serve, launcher, renderer) reach no e2e/, test or fixture module', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const queue = ENTRIES.map((e) => join(ROOT, e));
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      if (inE2e(file) || isTestCode(file)) {
        bad.push(relative(ROOT, file));
        continue;
      }
      for (const target of importsOf(file, readFileSync(file, 'utf8'))) {
        if (!target.startsWith('/')) continue; // a package
        const found = resolveModule(target);
        if (found && /\.tsx?$/.test(found)) queue.push(found);
        else if (inE2e(target)) bad.push(relative(ROOT, target));
      }
    }
    expect(seen.size).toBeGreaterThan(50); // the walk really followed the imports
    expect(bad).toEqual([]);
  });
});

/** `err.name === 'LibvirtError'`, `'AuthError' !== e?.name`, `n === 'SshError'`, `case 'TimeoutError':` … */
const ERROR_NAME_TEST =
  /[!=]==?\s*['"`]\w*Error['"`]|['"`]\w*Error['"`]\s*[!=]==?|\bcase\s+['"`]\w*Error['"`]\s*:|\.has\(\s*\w+\.name\s*\)/;
/** The protocol generator compares names of generated TypeScript types ('XdrError'), not errors. */
const isGenerator = (rel: string) => rel.startsWith('electron/libvirt/gen/');

describe('errors are told apart by type guards and classify(), never by name (issue 16)', () => {
  it('the scanner sees each form of name comparison (so the check below can fail)', () => {
    for (const line of [
      "if (err.name === 'LibvirtError') x();",
      "return e?.name !== 'AbortError';",
      "if ('ConnectionClosedError' === err.name) x();",
      "const n = (err as Error).name; if (n === 'SshError') x();",
      "switch (e.name) { case 'TimeoutError': return 1; }",
      'if (FATAL.has(e.name)) return;',
    ])
      expect(ERROR_NAME_TEST.test(line), line).toBe(true);
    for (const line of ["if (d.name === 'default') x();", "override name = 'LibvirtError' as const;", 'if (isLibvirtError(err, 42)) x();'])
      expect(ERROR_NAME_TEST.test(line), line).toBe(false);
  });

  it('no non-test file under electron/ compares an error name', () => {
    const offenders: string[] = [];
    for (const file of sourcesUnder('electron')) {
      const rel = relative(ROOT, file);
      if (isTestCode(file) || isGenerator(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (ERROR_NAME_TEST.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
