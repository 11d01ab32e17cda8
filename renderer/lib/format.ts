/** Number formatting in the admin's units (binary sizes, rates per second, durations). */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes: number, digits = 1): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? Math.round(v) : v.toFixed(v >= 100 ? 0 : digits)} ${UNITS[i]}`;
}

export function formatKiB(kib: number): string {
  return formatBytes(kib * 1024);
}

export function formatRate(bytesPerSec: number): string {
  return `${formatBytes(bytesPerSec)}/s`;
}

export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  return `${p >= 10 ? Math.round(p) : p.toFixed(1)}%`;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '—';
  const s = Math.floor(sec);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (d > 0) return `${d}d ${h}h ${m}m`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${r}s`;
  return `${r}s`;
}

/** A stable, readable key for a domain across hosts. */
export function domainKey(hostId: string, uuid: string): string {
  return `${hostId}/${uuid}`;
}

const natural = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** Names in the order people expect (vm2 before vm10, case aside): the table and the host tree sort alike. */
export function compareNames(a: string, b: string): number {
  return natural.compare(a, b);
}
