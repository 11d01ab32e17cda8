/**
 * Units, slider steps, presets and formatting for the QoS panel. libvirt counts block limits in
 * bytes/s and IOPS, interface limits in KiB/s and KiB; the admin picks the unit to type in.
 */
import type { DiskIoTune } from '../../../shared/api';
import { formatBytes } from '../../lib/format';

export type RateKind = 'bytes' | 'kib' | 'kibSize' | 'iops';

export interface Unit {
  label: string;
  /** Base units (bytes/s, KiB/s, KiB, IOPS) per one of this unit. */
  factor: number;
}

const Ki = 1024;
const Mi = 1024 * 1024;
const Gi = 1024 * 1024 * 1024;

export const UNITS: Record<RateKind, Unit[]> = {
  bytes: [
    { label: 'KiB/s', factor: Ki },
    { label: 'MiB/s', factor: Mi },
    { label: 'GiB/s', factor: Gi },
  ],
  kib: [
    { label: 'KiB/s', factor: 1 },
    { label: 'MiB/s', factor: Ki },
    { label: 'GiB/s', factor: Mi },
  ],
  kibSize: [
    { label: 'KiB', factor: 1 },
    { label: 'MiB', factor: Ki },
  ],
  iops: [{ label: 'IOPS', factor: 1 }],
};

/** Slider stops (base units), roughly logarithmic; 0 = unlimited. */
export const STEPS: Record<RateKind, number[]> = {
  bytes: [0, 64 * Ki, 256 * Ki, Mi, 2 * Mi, 5 * Mi, 10 * Mi, 20 * Mi, 50 * Mi, 100 * Mi, 200 * Mi, 500 * Mi, Gi, 2 * Gi, 5 * Gi, 10 * Gi],
  kib: [0, 64, 128, 256, 512, Ki, 2 * Ki, 5 * Ki, 10 * Ki, 20 * Ki, 50 * Ki, 100 * Ki, 200 * Ki, 500 * Ki, Mi, 10 * Mi],
  kibSize: [0, 16, 32, 64, 128, 256, 512, Ki, 2 * Ki, 5 * Ki, 10 * Ki, 100 * Ki],
  iops: [0, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000],
};

/** The slider position for a value: the last stop not above it. */
export function stepIndex(kind: RateKind, value: number): number {
  const steps = STEPS[kind];
  let i = 0;
  for (let k = 0; k < steps.length; k++) if ((steps[k] as number) <= value) i = k;
  return i;
}

/** The unit a value reads best in: the largest that gives at least 1 (KiB-ish for 0). */
export function pickUnit(kind: RateKind, value: number): number {
  const units = UNITS[kind];
  if (!value) return kind === 'bytes' ? 1 : 0;
  let i = 0;
  for (let k = 0; k < units.length; k++) if (value >= (units[k] as Unit).factor) i = k;
  return i;
}

const int = new Intl.NumberFormat('en-US');

/** A readable value: 'unlimited' for 0. */
export function formatValue(kind: RateKind, v: number): string {
  if (!v) return 'unlimited';
  switch (kind) {
    case 'bytes':
      return `${formatBytes(v)}/s`;
    case 'kib':
      return `${formatBytes(v * 1024)}/s`;
    case 'kibSize':
      return formatBytes(v * 1024);
    case 'iops':
      return `${int.format(v)} IOPS`;
  }
}

/** The exact figure libvirt gets, and for networks the bit rate people quote. */
export function exactHint(kind: RateKind, v: number): string {
  if (!Number.isFinite(v) || v < 0) return '';
  if (!v) return 'unlimited';
  switch (kind) {
    case 'bytes':
      return `${int.format(v)} bytes/s`;
    case 'kib': {
      const mbit = (v * 1024 * 8) / 1e6;
      return `${int.format(v)} KiB/s ≈ ${mbit >= 100 ? Math.round(mbit) : mbit.toFixed(mbit >= 10 ? 1 : 2)} Mbit/s`;
    }
    case 'kibSize':
      return `${int.format(v)} KiB`;
    case 'iops':
      return `${int.format(v)} I/O operations per second`;
  }
}

export const ZERO_DISK: DiskIoTune = {
  total_bytes_sec: 0,
  read_bytes_sec: 0,
  write_bytes_sec: 0,
  total_iops_sec: 0,
  read_iops_sec: 0,
  write_iops_sec: 0,
};

export interface DiskPreset {
  id: string;
  label: string;
  description: string;
  tune: DiskIoTune;
}

/** Typical device speeds, for demos and for keeping one VM from starving the others. */
export const DISK_PRESETS: DiskPreset[] = [
  { id: 'unlimited', label: 'Unlimited', description: 'No limits', tune: ZERO_DISK },
  {
    id: 'hdd',
    label: 'HDD-like',
    description: '120 MiB/s, 150 IOPS',
    tune: { ...ZERO_DISK, total_bytes_sec: 120 * Mi, total_iops_sec: 150 },
  },
  {
    id: 'ssd',
    label: 'SSD-like',
    description: '500 MiB/s, 20 000 IOPS',
    tune: { ...ZERO_DISK, total_bytes_sec: 500 * Mi, total_iops_sec: 20_000 },
  },
  {
    id: 'usb2',
    label: 'USB 2 stick',
    description: 'read 30 MiB/s, write 10 MiB/s, 100 IOPS',
    tune: { ...ZERO_DISK, read_bytes_sec: 30 * Mi, write_bytes_sec: 10 * Mi, total_iops_sec: 100 },
  },
];

export function presetOf(t: DiskIoTune): string | null {
  return DISK_PRESETS.find((p) => (Object.keys(p.tune) as (keyof DiskIoTune)[]).every((k) => p.tune[k] === t[k]))?.id ?? null;
}

/** The cap as % of one host core per vCPU; null = no cap. */
export function capPercent(period: number, quota: number): number | null {
  if (quota < 0 || !period) return null;
  return Math.round((quota / period) * 1000) / 10;
}

export function quotaFor(period: number, percent: number): number {
  return Math.round((period * percent) / 100);
}

/** [0,1,2,5] → '0-2,5' (libvirt's list syntax). */
export function cpuRanges(cpus: readonly number[]): string {
  const s = [...new Set(cpus)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && (s[j + 1] as number) === (s[j] as number) + 1) j++;
    out.push(j > i ? `${s[i]}-${s[j]}` : `${s[i]}`);
    i = j + 1;
  }
  return out.join(',') || '—';
}

/** Schema issues by dotted path (first message wins); a field left empty reads 'Enter a number'. */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join('.');
    if (out[key]) continue;
    // By the issue's code, not zod's wording (shared/api may set its own default messages).
    out[key] = i.code === 'invalid_type' || /NaN|expected number/i.test(i.message) ? 'Enter a number' : i.message;
  }
  return out;
}
