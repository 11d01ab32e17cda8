import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
}

describe('electron-builder.yml', () => {
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

  it('parses and targets Linux AppImage + deb, macOS dmg, Windows nsis', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Vireo');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });

  it('names icons that exist and the main entry that the build writes', () => {
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(existsSync(join(root, icon)), icon).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(readFileSync(join(root, 'electron', 'build.ts'), 'utf8')).toContain(`outfile: '${pkg.main}'`);
  });

  it('turns the dangerous Electron fuses off', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });
});

describe('package.json (m3: a supported Electron)', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    optionalDependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    engines: { node: string };
    allowScripts: Record<string, boolean>;
  };

  it('m3 electron is a supported major (45, the newest on 2026-12-04), optional, with its install script allowed', () => {
    const major = Number(/^\^?(\d+)\./.exec(pkg.optionalDependencies.electron ?? '')?.[1]);
    expect(major).toBeGreaterThanOrEqual(45);
    expect(pkg.allowScripts.electron).toBe(true);
  });

  it('m3 electron-builder is pinned to an exact version', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('m3 engines names the Node the project builds and tests on', () => {
    expect(pkg.engines.node).toBe('>=20.19');
  });
});
