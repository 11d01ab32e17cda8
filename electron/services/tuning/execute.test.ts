// Resizing a huge page pool when the kernel gives fewer pages than asked. The lab cannot show that
// safely (its two hosts are this machine: a shortfall means taking all its free memory from the
// other tests), so a stand-in kernel that grants at most `cap` pages plays it; the normal path
// (8 pages of 2 MiB allocated and freed) runs for real in e2e/host-tuning.spec.ts.
import { describe, expect, it } from 'vitest';
import type { HugePagesState } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { type PoolIo, resizePool } from './execute';

/** A kernel with a 2 MiB pool that grants at most `cap` pages; libvirt's readback error when short. */
function kernel(start: number, cap: number, opts: { failRestore?: boolean; libvirtError?: boolean } = {}) {
  let total = start;
  const sets: number[] = [];
  const io: PoolIo = {
    read: async (): Promise<HugePagesState> => ({
      hostId: 'h1',
      freeMemoryBytes: 2 ** 33,
      totalMemoryBytes: 2 ** 34,
      sizes: [{ sizeKiB: 2048, total, free: total, cells: [{ cell: 0, total, free: total }] }],
    }),
    set: async (_size, count) => {
      sets.push(count);
      if (opts.failRestore && sets.length > 1) throw new Error('restore failed');
      total = Math.min(count, cap);
      if (total < count && opts.libvirtError !== false)
        throw Object.assign(new Error(`Unable to allocate ${count} pages. Allocated only ${total}`), { code: 1 });
    },
  };
  return { io, sets, total: () => total };
}

describe('resizePool', () => {
  it('grants what was asked: read back, no restore', async () => {
    const k = kernel(0, 100);
    expect(await resizePool(k.io, 'lab-a', 2048, 8)).toMatchObject({ sizeKiB: 2048, asked: 8, got: 8 });
    expect(k.sets).toEqual([8]);
    expect(await resizePool(k.io, 'lab-a', 2048, 0)).toMatchObject({ asked: 0, got: 0 });
  });

  it('the kernel gives 5 of 8: the pool goes back to what it had and the refusal says 5', async () => {
    const k = kernel(2, 5);
    const err = await resizePool(k.io, 'lab-a', 2048, 8).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe(
      'The kernel gave only 5 of the 8 2 MiB pages asked for on lab-a: not enough free memory in one piece',
    );
    expect((err as AppError).hint).toMatch(/^The pool was put back to 2 pages, as it was\./);
    expect(k.sets).toEqual([8, 2]);
    expect(k.total()).toBe(2);
  });

  it('short without an error from libvirt: refused the same way', async () => {
    const k = kernel(0, 3, { libvirtError: false });
    await expect(resizePool(k.io, 'lab-a', 2048, 8)).rejects.toThrow('The kernel gave only 3 of the 8');
    expect(k.total()).toBe(0);
  });

  it('the restore fails too: says how many pages the pool holds', async () => {
    const k = kernel(0, 5, { failRestore: true });
    const err = (await resizePool(k.io, 'lab-a', 2048, 8).catch((e: unknown) => e)) as AppError;
    expect(err.hint).toMatch(/^Putting the pool back to 0 failed: it holds 5 pages now; free them here\./);
  });

  it('refused before anything is sent: an unknown size, more than free memory', async () => {
    const k = kernel(0, 100);
    await expect(resizePool(k.io, 'lab-a', 1048576, 1)).rejects.toThrow('lab-a has no 1 GiB huge pages (it offers 2 MiB)');
    await expect(resizePool(k.io, 'lab-a', 2048, 4097)).rejects.toThrow(
      '4097 pages of 2 MiB need 8.0 GiB more, and lab-a has 8.0 GiB free',
    );
    expect(k.sets).toEqual([]);
  });
});
