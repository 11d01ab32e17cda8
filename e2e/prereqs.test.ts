import { describe, expect, it } from 'vitest';
import { CHROMIUM, type Machine, plan } from './prereqs';

const debianRoot: Machine = { root: true, debian: true, missingPackages: [], chromium: true, customChromium: false };

describe("what npm test does about the specs' browser and fonts", () => {
  it('nothing when everything is there', () => {
    expect(plan(debianRoot)).toEqual({ kind: 'ready' });
  });

  it('root on Debian/Ubuntu: installs exactly what is missing', () => {
    expect(plan({ ...debianRoot, missingPackages: ['chromium', 'fonts-noto-cjk'], chromium: false })).toEqual({
      kind: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
    });
  });

  it('a browser named by VIREO_CHROMIUM: the chromium package is not needed', () => {
    expect(plan({ ...debianRoot, missingPackages: ['chromium'], customChromium: true })).toEqual({ kind: 'ready' });
    expect(plan({ ...debianRoot, missingPackages: ['chromium', 'fonts-noto-cjk'], customChromium: true })).toEqual({
      kind: 'install',
      packages: ['fonts-noto-cjk'],
    });
  });

  it('not root on Debian, no Chromium: one sentence with the command, and the specs cannot run', () => {
    const p = plan({ ...debianRoot, root: false, missingPackages: ['chromium'], chromium: false });
    expect(p).toEqual({
      kind: 'missing',
      fatal: true,
      sentence:
        'The end-to-end tests need chromium, which only root can install: run `sudo apt-get install --no-install-recommends chromium fonts-dejavu-core fonts-noto-cjk` (or npm test as root), or set VIREO_CHROMIUM to a Chromium binary.',
    });
  });

  it('not root on Debian, only a font missing: said, but the specs still run', () => {
    const p = plan({ ...debianRoot, root: false, missingPackages: ['fonts-noto-cjk'] });
    expect(p).toMatchObject({ kind: 'missing', fatal: false });
    expect(p.kind === 'missing' && p.sentence).toMatch(/need fonts-noto-cjk, .*screenshots of non-Latin names show boxes\.$/);
  });

  it('not Debian/Ubuntu: a Chromium binary is enough; without one, one sentence', () => {
    const other: Machine = { root: true, debian: false, missingPackages: [], chromium: true, customChromium: true };
    expect(plan(other)).toEqual({ kind: 'ready' });
    expect(plan({ ...other, chromium: false, customChromium: false })).toEqual({
      kind: 'missing',
      fatal: true,
      sentence: `The end-to-end tests need Chromium at ${CHROMIUM}, and this is not Debian/Ubuntu (where npm test installs it as root): install Chromium and set VIREO_CHROMIUM to its binary.`,
    });
    expect(plan({ ...other, chromium: false })).toMatchObject({
      kind: 'missing',
      fatal: true,
      sentence: expect.stringMatching(/^VIREO_CHROMIUM=/),
    });
  });
});
