/**
 * The tuning tab's pure parts: what the host's /sys says (the SSH probe's output), KSM's figures
 * from libvirt's node memory parameters, the huge page pools from the capabilities XML and the free
 * page counts, and the refusals made before anything is sent. No I/O: unit-tested from text
 * captured in the lab.
 */
import {
  type HostMmFacts,
  type HugePageSize,
  type HugePagesState,
  KSM_RUN,
  type KsmRunMode,
  type KsmSample,
  type ThpSetting,
} from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { ParamRecord } from '../../libvirt/params';
import { attr, children, type Element, parseXml, path, text } from '../../xml/dom';

/**
 * The probe run over SSH: fixed text, no input in it. One `key=value` line per fact; a file that
 * cannot be read gives no line.
 */
export const MM_PROBE = `
echo "uid=$(id -u)"
echo "user=$(id -un)"
echo "pagesize=$(getconf PAGESIZE 2>/dev/null)"
f=/sys/kernel/mm/ksm/run; [ -r $f ] && echo "ksm_run=$(cat $f)"
f=/sys/kernel/mm/transparent_hugepage/enabled; [ -r $f ] && echo "thp_enabled=$(cat $f)"
f=/sys/kernel/mm/transparent_hugepage/defrag; [ -r $f ] && echo "thp_defrag=$(cat $f)"
true
`;

/** "always [madvise] never" → the bracketed choice and all of them. */
export function thpSetting(line: string | undefined): ThpSetting | undefined {
  if (!line?.trim()) return undefined;
  const words = line.trim().split(/\s+/);
  const current = words.find((w) => /^\[.+\]$/.test(w))?.slice(1, -1);
  if (!current) return undefined;
  return { current, options: words.map((w) => w.replace(/^\[(.+)\]$/, '$1')) };
}

const RUN_MODES = Object.entries(KSM_RUN) as [KsmRunMode, number][];

export function ksmRunMode(v: string | undefined): KsmRunMode | null {
  const n = v === undefined || v.trim() === '' ? Number.NaN : Number(v);
  return RUN_MODES.find(([, x]) => x === n)?.[0] ?? null;
}

/** The probe's output → the facts, with a note for each one missing. */
export function mmFactsOf(hostId: string, stdout: string): HostMmFacts {
  const kv = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const m = /^([a-z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1]) kv.set(m[1], m[2] ?? '');
  }
  const notes: string[] = [];
  const ksmRun = ksmRunMode(kv.get('ksm_run'));
  if (ksmRun === null) notes.push('/sys/kernel/mm/ksm/run cannot be read: the kernel may be built without KSM.');
  const enabled = thpSetting(kv.get('thp_enabled'));
  const defrag = thpSetting(kv.get('thp_defrag'));
  if (!enabled) notes.push('/sys/kernel/mm/transparent_hugepage cannot be read: the kernel may be built without transparent huge pages.');
  const page = Number(kv.get('pagesize'));
  return {
    hostId,
    user: kv.get('user') || `uid ${kv.get('uid') ?? '?'}`,
    root: kv.get('uid') === '0',
    ksmRun,
    pageSizeBytes: Number.isInteger(page) && page > 0 ? page : 4096,
    thp: { ...(enabled ? { enabled } : {}), ...(defrag ? { defrag } : {}) },
    notes,
  };
}

/** Only root writes /sys/kernel/mm/ksm/run: refused before trying, saying what would work. */
export function refuseUnlessRoot(facts: HostMmFacts, hostLabel: string, mode: KsmRunMode): void {
  if (facts.ksmRun === null)
    throw new AppError('unsupported', `${hostLabel} has no /sys/kernel/mm/ksm/run: its kernel does not offer KSM`, 'Nothing was changed.');
  if (!facts.root)
    throw new AppError(
      'not-root',
      `Vireo connects to ${hostLabel} as ${facts.user}, not root: only root can turn KSM ${mode === 'on' ? 'on' : 'off'} (it writes /sys/kernel/mm/ksm/run; libvirt has no call for it)`,
      `Nothing was changed. Connect to the host as root, or run this on it: echo ${KSM_RUN[mode]} | sudo tee /sys/kernel/mm/ksm/run`,
    );
}

const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : 0);

/** libvirt's shm_* parameters → one sample. */
export function ksmSampleOf(hostId: string, r: ParamRecord, at: number): KsmSample {
  return {
    hostId,
    at,
    pagesToScan: num(r.shm_pages_to_scan),
    sleepMillisecs: num(r.shm_sleep_millisecs),
    pagesShared: num(r.shm_pages_shared),
    pagesSharing: num(r.shm_pages_sharing),
    pagesUnshared: num(r.shm_pages_unshared),
    pagesVolatile: num(r.shm_pages_volatile),
    fullScans: num(r.shm_full_scans),
    ...(r.shm_merge_across_nodes !== undefined ? { mergeAcrossNodes: num(r.shm_merge_across_nodes) } : {}),
  };
}

/** What the capabilities say about pages: the sizes the CPU offers (KiB, base first) and each NUMA cell's pools. */
export interface CapsPages {
  sizesKiB: number[];
  cells: { cell: number; pools: Map<number, number> }[];
}

export function capsPagesOf(capsXml: string): CapsPages {
  const host = path(parseXml(capsXml, 'the host capabilities').documentElement, 'host');
  const sizeOf = (p: Element) => {
    const n = Number(attr(p, 'size'));
    const unit = (attr(p, 'unit') ?? 'KiB').toLowerCase();
    return unit === 'kib' || unit === 'k'
      ? n
      : unit === 'mib' || unit === 'm'
        ? n * 1024
        : unit === 'gib' || unit === 'g'
          ? n * 1024 * 1024
          : n;
  };
  const cpu = path(host, 'cpu');
  const sizes = new Set<number>((cpu ? children(cpu, 'pages') : []).map(sizeOf).filter((n) => Number.isInteger(n) && n > 0));
  const cellsEl = path(host, 'topology', 'cells');
  const cells = (cellsEl ? children(cellsEl, 'cell') : []).map((c) => {
    const pools = new Map<number, number>();
    for (const p of children(c, 'pages')) {
      const size = sizeOf(p);
      if (!Number.isInteger(size) || size <= 0) continue;
      sizes.add(size);
      pools.set(size, Number(text(p) ?? 0));
    }
    return { cell: Number(attr(c, 'id') ?? 0), pools };
  });
  return { sizesKiB: [...sizes].sort((a, b) => a - b), cells };
}

/**
 * The huge page sizes (all but the base page) with each cell's pool (capabilities) and free pages
 * (virNodeGetFreePages, [cell][size] in `hugeSizes` order).
 */
export function hugePagesOf(
  hostId: string,
  caps: CapsPages,
  free: number[][],
  freeMemoryBytes: number,
  totalMemoryBytes: number,
): HugePagesState {
  const huge = caps.sizesKiB.slice(1);
  const sizes: HugePageSize[] = huge.map((sizeKiB, i) => {
    const cells = caps.cells.map((c, ci) => ({ cell: c.cell, total: c.pools.get(sizeKiB) ?? 0, free: free[ci]?.[i] ?? 0 }));
    return {
      sizeKiB,
      total: cells.reduce((s, c) => s + c.total, 0),
      free: cells.reduce((s, c) => s + c.free, 0),
      cells,
    };
  });
  return { hostId, sizes, freeMemoryBytes, totalMemoryBytes };
}

/** "2 MiB", "1 GiB", "64 KiB". */
export function pageSizeName(kib: number): string {
  if (kib >= 1024 * 1024 && kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)} GiB`;
  if (kib >= 1024 && kib % 1024 === 0) return `${kib / 1024} MiB`;
  return `${kib} KiB`;
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const bytesName = (b: number) => (b >= GiB ? `${(b / GiB).toFixed(1)} GiB` : `${Math.round(b / MiB)} MiB`);

/**
 * What a pool may never take: the memory kept free for the host itself (sshd, libvirtd, QEMU, the
 * page cache), 512 MiB or 5 % of its memory, whichever is more. Huge pages in a pool are not
 * swappable and no other process can use them.
 */
export function hugePagesReserveBytes(totalMemoryBytes: number): number {
  return Math.max(512 * MiB, Math.ceil(totalMemoryBytes * 0.05));
}

/**
 * Refuses what cannot be done before anything is sent: a size the host does not offer, or a pool
 * that would grow into the memory kept for the host (free memory less the reserve). Shrinking is
 * always allowed. Returns the pool's size now.
 */
export function checkHugepages(state: HugePagesState, hostLabel: string, sizeKiB: number, count: number): number {
  const size = state.sizes.find((s) => s.sizeKiB === sizeKiB);
  if (!size)
    throw new AppError(
      'invalid-input',
      `${hostLabel} has no ${pageSizeName(sizeKiB)} huge pages (it offers ${state.sizes.map((s) => pageSizeName(s.sizeKiB)).join(', ') || 'none'})`,
      'Nothing was changed.',
    );
  const pageBytes = sizeKiB * 1024;
  const growBytes = (count - size.total) * pageBytes;
  const reserve = hugePagesReserveBytes(state.totalMemoryBytes);
  const room = Math.max(0, state.freeMemoryBytes - reserve);
  if (growBytes > 0 && growBytes > room)
    throw new AppError(
      'invalid-input',
      `${count} pages of ${pageSizeName(sizeKiB)} need ${bytesName(growBytes)} more, and ${hostLabel} has ${bytesName(state.freeMemoryBytes)} free, of which ${bytesName(reserve)} is kept for the host itself (the larger of 512 MiB and 5 % of its memory)`,
      `Nothing was changed. At most ${size.total + Math.floor(room / pageBytes)} pages of ${pageSizeName(sizeKiB)} fit now; ask for fewer, or free memory first.`,
    );
  return size.total;
}

/** The kernel gave fewer pages than asked: what it got, and what the pool was put back to. */
export function shortfallError(
  hostLabel: string,
  sizeKiB: number,
  asked: number,
  got: number,
  before: number,
  restored: number | null,
): AppError {
  const back =
    restored === null
      ? `Putting the pool back to ${before} failed: it holds ${got} pages now; free them here.`
      : restored === before
        ? `The pool was put back to ${before} page${before === 1 ? '' : 's'}, as it was.`
        : `Putting the pool back to ${before} left ${restored} pages.`;
  return new AppError(
    'hugepages-short',
    `The kernel gave only ${got} of the ${asked} ${pageSizeName(sizeKiB)} pages asked for on ${hostLabel}: not enough free memory in one piece`,
    `${back} Ask for fewer, or reserve huge pages at boot (hugepages= on the kernel command line) when memory is not yet fragmented.`,
  );
}
