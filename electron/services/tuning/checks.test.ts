// The tuning tab's pure parts: the /sys probe's output (as lab host A printed it, and as a non-root
// user and a kernel without KSM would), KSM's figures from libvirt's record, the huge page pools
// from capabilities (lab host A's, the 2-socket host's) and free counts, and the refusals.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  capsPagesOf,
  checkHugepages,
  hugePagesOf,
  hugePagesReserveBytes,
  ksmRunMode,
  ksmSampleOf,
  mmFactsOf,
  pageSizeName,
  refuseUnlessRoot,
  shortfallError,
  thpSetting,
} from './checks';

/** The AppError fn throws (fails the test if it returns). */
function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal, got none');
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const ROOT_PROBE = `uid=0
user=root
pagesize=4096
ksm_run=0
thp_enabled=always [madvise] never
thp_defrag=always defer defer+madvise [madvise] never
`;

describe('the /sys probe', () => {
  it('reads root, KSM stopped, the page size and both THP settings', () => {
    expect(mmFactsOf('h1', ROOT_PROBE)).toEqual({
      hostId: 'h1',
      user: 'root',
      root: true,
      ksmRun: 'off',
      pageSizeBytes: 4096,
      thp: {
        enabled: { current: 'madvise', options: ['always', 'madvise', 'never'] },
        defrag: { current: 'madvise', options: ['always', 'defer', 'defer+madvise', 'madvise', 'never'] },
      },
      notes: [],
    });
  });

  it('another user; a kernel without KSM or THP: said in notes', () => {
    const f = mmFactsOf('h1', 'uid=1000\nuser=vireo\npagesize=65536\n');
    expect(f).toMatchObject({ user: 'vireo', root: false, ksmRun: null, pageSizeBytes: 65536, thp: {} });
    expect(f.notes).toEqual([
      '/sys/kernel/mm/ksm/run cannot be read: the kernel may be built without KSM.',
      '/sys/kernel/mm/transparent_hugepage cannot be read: the kernel may be built without transparent huge pages.',
    ]);
    expect(mmFactsOf('h1', 'uid=7\nuser=\npagesize=\nksm_run=2\n')).toMatchObject({
      user: 'uid 7',
      ksmRun: 'unmerge',
      pageSizeBytes: 4096,
    });
  });

  it('run values and THP lines', () => {
    expect([ksmRunMode('0'), ksmRunMode('1'), ksmRunMode('2\n'), ksmRunMode('3'), ksmRunMode(''), ksmRunMode(undefined)]).toEqual([
      'off',
      'on',
      'unmerge',
      null,
      null,
      null,
    ]);
    expect(thpSetting('[always] madvise never')).toEqual({ current: 'always', options: ['always', 'madvise', 'never'] });
    expect(thpSetting('always madvise never')).toBeUndefined();
    expect(thpSetting('')).toBeUndefined();
  });

  it('only root may write KSM run: refused in plain words, with what works', () => {
    const vireo = mmFactsOf('h1', 'uid=1000\nuser=vireo\npagesize=4096\nksm_run=0\n');
    let err: unknown;
    try {
      refuseUnlessRoot(vireo, 'lab-a', 'on');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not-root');
    expect((err as AppError).message).toBe(
      'Vireo connects to lab-a as vireo, not root: only root can turn KSM on (it writes /sys/kernel/mm/ksm/run; libvirt has no call for it)',
    );
    expect((err as AppError).hint).toBe(
      'Nothing was changed. Connect to the host as root, or run this on it: echo 1 | sudo tee /sys/kernel/mm/ksm/run',
    );
    expect(() => refuseUnlessRoot(vireo, 'lab-a', 'unmerge')).toThrow(/only root can turn KSM off/);
    expect(() => refuseUnlessRoot(mmFactsOf('h1', ROOT_PROBE), 'lab-a', 'on')).not.toThrow();
    expect(() => refuseUnlessRoot(mmFactsOf('h1', 'uid=0\nuser=root\n'), 'lab-a', 'on')).toThrow(/has no \/sys\/kernel\/mm\/ksm\/run/);
  });
});

describe('KSM figures', () => {
  it("libvirt's shm_* record (64-bit values as numbers or bigints) → a sample", () => {
    const r = {
      shm_pages_to_scan: 100,
      shm_sleep_millisecs: 20,
      shm_pages_shared: 1200,
      shm_pages_sharing: 34000n,
      shm_pages_unshared: 5,
      shm_pages_volatile: 6,
      shm_full_scans: 7,
      shm_merge_across_nodes: 1,
    };
    expect(ksmSampleOf('h1', r, 1234)).toEqual({
      hostId: 'h1',
      at: 1234,
      pagesToScan: 100,
      sleepMillisecs: 20,
      pagesShared: 1200,
      pagesSharing: 34000,
      pagesUnshared: 5,
      pagesVolatile: 6,
      fullScans: 7,
      mergeAcrossNodes: 1,
    });
    expect(ksmSampleOf('h1', {}, 1)).not.toHaveProperty('mergeAcrossNodes');
  });
});

describe('huge pages', () => {
  it('lab host A: one cell, base 4 KiB, 2 MiB and 1 GiB pools', () => {
    const caps = capsPagesOf(fixture('caps-lab.xml'));
    expect(caps.sizesKiB).toEqual([4, 2048, 1048576]);
    expect(caps.cells.map((c) => c.cell)).toEqual([0]);
    const s = hugePagesOf('h1', { ...caps, cells: [{ cell: 0, pools: new Map([[2048, 8]]) }] }, [[5, 0]], 2 ** 34, 2 ** 35);
    expect(s).toEqual({
      hostId: 'h1',
      freeMemoryBytes: 2 ** 34,
      totalMemoryBytes: 2 ** 35,
      sizes: [
        { sizeKiB: 2048, total: 8, free: 5, cells: [{ cell: 0, total: 8, free: 5 }] },
        { sizeKiB: 1048576, total: 0, free: 0, cells: [{ cell: 0, total: 0, free: 0 }] },
      ],
    });
  });

  it('the 2-socket host: per NUMA cell, summed for the host', () => {
    const caps = capsPagesOf(fixture('caps-2socket-cascadelake.xml'));
    expect(caps.cells.map((c) => [c.cell, c.pools.get(4), c.pools.get(2048)])).toEqual([
      [0, 8161648, 0],
      [1, 8245735, 0],
    ]);
    caps.cells[1]?.pools.set(2048, 10);
    const s = hugePagesOf(
      'h1',
      caps,
      [
        [0, 0],
        [4, 0],
      ],
      1,
      2 ** 36,
    );
    expect(s.sizes[0]).toEqual({
      sizeKiB: 2048,
      total: 10,
      free: 4,
      cells: [
        { cell: 0, total: 0, free: 0 },
        { cell: 1, total: 10, free: 4 },
      ],
    });
  });

  it('sizes in words', () => {
    expect([pageSizeName(4), pageSizeName(64), pageSizeName(2048), pageSizeName(32768), pageSizeName(1048576)]).toEqual([
      '4 KiB',
      '64 KiB',
      '2 MiB',
      '32 MiB',
      '1 GiB',
    ]);
  });

  it('refuses a size the host does not offer, and a pool that grows into the memory kept for the host; returns the pool now', () => {
    const GiB = 1024 ** 3;
    // 8 GiB of memory: the reserve is 512 MiB (5 % would be 410 MiB); 1.5 GiB free leaves 1 GiB = 512 pages of 2 MiB.
    const state = hugePagesOf('h1', capsPagesOf(fixture('caps-lab.xml')), [[0, 0]], 1.5 * GiB, 8 * GiB);
    expect(() => checkHugepages(state, 'lab-a', 4, 1)).toThrow('lab-a has no 4 KiB huge pages (it offers 2 MiB, 1 GiB)');
    expect(checkHugepages(state, 'lab-a', 2048, 512)).toBe(0);
    const e = refusal(() => checkHugepages(state, 'lab-a', 2048, 513));
    expect(e.message).toBe(
      '513 pages of 2 MiB need 1.0 GiB more, and lab-a has 1.5 GiB free, of which 512 MiB is kept for the host itself (the larger of 512 MiB and 5 % of its memory)',
    );
    expect(e.hint).toBe('Nothing was changed. At most 512 pages of 2 MiB fit now; ask for fewer, or free memory first.');
    // Before the reserve, a pool could take all free memory: 768 pages (1.5 GiB) are refused now.
    expect(() => checkHugepages(state, 'lab-a', 2048, 768)).toThrow(/of which 512 MiB is kept for the host itself/);
    expect(() => checkHugepages(state, 'lab-a', 1048576, 2)).toThrow('2 pages of 1 GiB need 2.0 GiB more, and lab-a has 1.5 GiB free');
    // One 1 GiB page fits exactly into the room left (1.5 GiB − 512 MiB).
    expect(checkHugepages(state, 'lab-a', 1048576, 1)).toBe(0);
  });

  it('the reserve is 512 MiB or 5 % of the memory, whichever is more; with less free than the reserve nothing grows, shrinking still works', () => {
    const GiB = 1024 ** 3;
    expect(hugePagesReserveBytes(4 * GiB)).toBe(512 * 1024 ** 2);
    expect(hugePagesReserveBytes(10 * GiB)).toBe(512 * 1024 ** 2);
    expect(hugePagesReserveBytes(100 * GiB)).toBe(5 * GiB);
    // 100 GiB host with 6 GiB free: room is 1 GiB (5 GiB kept).
    const caps = capsPagesOf(fixture('caps-lab.xml'));
    const big = hugePagesOf('h1', { ...caps, cells: [{ cell: 0, pools: new Map([[2048, 100]]) }] }, [[100, 0]], 6 * GiB, 100 * GiB);
    expect(checkHugepages(big, 'h', 2048, 100 + 512)).toBe(100);
    expect(() => checkHugepages(big, 'h', 2048, 100 + 513)).toThrow(
      '613 pages of 2 MiB need 1.0 GiB more, and h has 6.0 GiB free, of which 5.0 GiB is kept for the host itself',
    );
    // 300 MiB free, under the reserve: no growth at all, but the pool may shrink or stay.
    const tight = { ...big, freeMemoryBytes: 300 * 1024 ** 2 };
    expect(refusal(() => checkHugepages(tight, 'h', 2048, 101)).hint).toMatch(/At most 100 pages of 2 MiB fit now/);
    expect(checkHugepages(tight, 'h', 2048, 100)).toBe(100);
    expect(checkHugepages(tight, 'h', 2048, 0)).toBe(100);
  });

  it('a shortfall says what the kernel gave and what the pool was put back to', () => {
    const e = shortfallError('lab-a', 2048, 8, 5, 0, 0);
    expect(e.code).toBe('hugepages-short');
    expect(e.message).toBe('The kernel gave only 5 of the 8 2 MiB pages asked for on lab-a: not enough free memory in one piece');
    expect(e.hint).toMatch(/^The pool was put back to 0 pages, as it was\. Ask for fewer/);
    expect(shortfallError('lab-a', 2048, 8, 5, 1, 1).hint).toMatch(/^The pool was put back to 1 page, as it was\./);
    expect(shortfallError('lab-a', 2048, 8, 5, 0, 3).hint).toMatch(/^Putting the pool back to 0 left 3 pages\./);
    expect(shortfallError('lab-a', 2048, 8, 5, 0, null).hint).toMatch(/^Putting the pool back to 0 failed: it holds 5 pages now/);
  });
});
