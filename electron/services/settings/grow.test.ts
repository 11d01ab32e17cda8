import { describe, expect, it } from 'vitest';
import { growRefusal } from './grow';

const MiB = 1024 * 1024;

describe('growing a disk: only larger', () => {
  it('a larger size passes; the same or a smaller one is refused, saying nothing was resized', () => {
    expect(growRefusal('vda', 64 * MiB, 80 * MiB)).toBeNull();
    for (const bytes of [64 * MiB, 32 * MiB]) {
      const r = growRefusal('vda', 64 * MiB, bytes);
      expect(r?.message).toBe('vda is 64 MiB: only growing is offered');
      expect(r?.hint).toMatch(/nothing was resized/);
    }
  });
});
