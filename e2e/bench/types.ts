/**
 * A benchmark compares Vireo with libvirt's own client (virsh) on the same lab, in the same
 * process tree. The runner (e2e/bench/run.ts) warms each side up once, then alternates
 * vireo/baseline `runs` times and reports medians. A side's cost is its wall time in ms, unless
 * the function returns a number: then that number is the measurement (in `unit`).
 */
export interface Bench {
  name: string;
  unit: 'ms' | 'MiB' | 'updates/s';
  /** Default 5. */
  runs?: number;
  /** What the baseline is, for the human-readable line on stderr. */
  baselineLabel?: string;
  setup?: () => Promise<void>;
  // biome-ignore lint/suspicious/noConfusingVoidType: a side may just do the work (wall time is measured)
  vireo: () => Promise<number | undefined | void>;
  /** libvirt's own client doing the same work; omit for absolute benchmarks. */
  // biome-ignore lint/suspicious/noConfusingVoidType: as above
  baseline?: () => Promise<number | undefined | void>;
  /** Extra figures printed on stderr beside the result (e.g. one virsh process per call). */
  extra?: () => Promise<Record<string, number>>;
  teardown?: () => Promise<void>;
}
