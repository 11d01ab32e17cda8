/**
 * Every read of a zustand store goes through a selector (useShallow where it picks several
 * fields): `useUi()` with no argument subscribes to the whole store, so the shell re-rendered on
 * every keystroke in the filter box. The stores are found by their `create(` calls, so a new
 * store is covered without touching this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('..', import.meta.url));

function sources(): { rel: string; src: string }[] {
  return readdirSync(RENDERER, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name) && !f.parentPath.includes('node_modules'))
    .map((f) => join(f.parentPath, f.name))
    .map((path) => ({ rel: relative(RENDERER, path), src: readFileSync(path, 'utf8') }));
}

/** `export const useX = create<…>(…)` anywhere in the renderer. */
function storeHooks(files: { src: string }[]): string[] {
  return files.flatMap(({ src }) => [...src.matchAll(/export const (use\w+) = create\b/g)].map((m) => m[1] as string));
}

/** Calls of a store hook with no selector: `useUi()`, `useUi( )`. */
function bareReads(files: { rel: string; src: string }[], hooks: string[]): string[] {
  const re = new RegExp(`\\b(${hooks.join('|')})\\(\\s*\\)`, 'g');
  return files.flatMap(({ rel, src }) => [...src.matchAll(re)].map((m) => `${rel}: ${m[0]}`));
}

describe('store reads use selectors', () => {
  const files = sources();
  const hooks = storeHooks(files);

  it('finds the stores (so the check below can fail)', () => {
    expect(hooks).toEqual(expect.arrayContaining(['useUi', 'useConsoles', 'useStatsClock']));
    expect(bareReads([{ rel: 'x.tsx', src: 'const { a } = useUi();\nconst b = useUi((s) => s.b);' }], hooks)).toEqual(['x.tsx: useUi()']);
  });

  it('no component reads a whole store', () => {
    expect(bareReads(files, hooks)).toEqual([]);
  });
});
