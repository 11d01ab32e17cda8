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
  ksmRunMode,
  ksmSampleOf,
  mmFactsOf,
  pageSizeName,
  refuseUnlessRoot,
  shortfallError,
  thpSetting,
} from './checks';

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
    const s = hugePagesOf('h1', { ...caps, cells: [{ cell: 0, pools: new Map([[2048, 8]]) }] }, [[5, 0]], 2 ** 34);
    expect(s).toEqual({
      hostId: 'h1',
      freeMemoryBytes: 2 ** 34,
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

  it('refuses a size the host does not offer, and a pool that outgrows free memory; returns the pool now', () => {
    const state = hugePagesOf('h1', capsPagesOf(fixture('caps-lab.xml')), [[0, 0]], 1024 ** 3);
    expect(() => checkHugepages(state, 'lab-a', 4, 1)).toThrow('lab-a has no 4 KiB huge pages (it offers 2 MiB, 1 GiB)');
    expect(() => checkHugepages(state, 'lab-a', 2048, 513)).toThrow('513 pages of 2 MiB need 1.0 GiB more, and lab-a has 1.0 GiB free');
    expect(checkHugepages(state, 'lab-a', 2048, 512)).toBe(0);
    expect(() => checkHugepages(state, 'lab-a', 1048576, 2)).toThrow('2 pages of 1 GiB need 2.0 GiB more, and lab-a has 1.0 GiB free');
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
