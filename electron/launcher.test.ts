import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './launcher';

describe('npm start detects whether Electron is usable', () => {
  it('returns null when the electron package is not installed', () => {
    expect(
      findElectronBinary(() => {
        throw new Error("Cannot find module 'electron/package.json'");
      }),
    ).toBeNull();
  });

  it('returns null when the package is there but its binary was never downloaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(findElectronBinary(() => join(dir, 'package.json'))).toBeNull();
  });

  it('returns the binary when path.txt names a file that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(() => join(dir, 'package.json'))).toBe(join(dir, 'dist', 'electron'));
  });

  it('agrees with this installation (electron is optional: its download fails where only the npm registry is reachable)', () => {
    const dir = fileURLToPath(new URL('../node_modules/electron', import.meta.url));
    const expected = existsSync(join(dir, 'path.txt')) ? join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim()) : null;
    expect(findElectronBinary()).toBe(expected && existsSync(expected) ? expected : null);
  });
});
