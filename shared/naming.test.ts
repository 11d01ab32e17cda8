import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneNameFor, fileBaseName, firstFree, volumeNameFor, withSuffix } from './naming';

describe('naming', () => {
  it('file names from any VM name: plain characters, never empty, never hidden', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (name) => {
        const b = fileBaseName(name);
        expect(b).toMatch(/^[A-Za-z0-9][A-Za-z0-9._+-]*$|^vm$/);
        expect(b.length).toBeLessThanOrEqual(100);
      }),
    );
    expect(fileBaseName(`web "prod" <1> & 'x'`)).toBe('web_prod_1_x_');
    expect(fileBaseName('Ωμέγα')).toMatch(/^[A-Za-z0-9_]/);
    expect(fileBaseName('...')).toBe('vm');
  });

  it('volume names like virt-clone’s', () => {
    expect(volumeNameFor('web', 0, 'qcow2')).toBe('web.qcow2');
    expect(volumeNameFor('web', 1, 'qcow2')).toBe('web-1.qcow2');
    expect(volumeNameFor('web', 0, 'raw')).toBe('web.img');
    expect(withSuffix('web.qcow2', 2)).toBe('web-2.qcow2');
  });

  it('the first free name', () => {
    expect(cloneNameFor('web', new Set(['web', 'web-clone']))).toBe('web-clone-1');
    expect(firstFree('a', new Set())).toBe('a');
  });
});
