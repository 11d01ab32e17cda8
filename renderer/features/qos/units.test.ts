import { describe, expect, it } from 'vitest';
import { DiskIoTune } from '../../../shared/api';
import {
  capPercent,
  cpuRanges,
  DISK_PRESETS,
  exactHint,
  formatValue,
  issuesByPath,
  pickUnit,
  presetOf,
  quotaFor,
  stepIndex,
  ZERO_DISK,
} from './units';

describe('QoS units', () => {
  it('slider positions and units', () => {
    expect(stepIndex('iops', 0)).toBe(0);
    expect(stepIndex('iops', 200)).toBe(5);
    expect(stepIndex('iops', 250)).toBe(5);
    expect(stepIndex('bytes', 10 ** 15)).toBe(15);
    expect(pickUnit('bytes', 1048576)).toBe(1); // MiB/s
    expect(pickUnit('bytes', 4096)).toBe(0); // KiB/s
    expect(pickUnit('kib', 1000)).toBe(0);
    expect(pickUnit('kib', 2048)).toBe(1);
  });

  it('formats what the admin reads and what libvirt gets', () => {
    expect(formatValue('bytes', 0)).toBe('unlimited');
    expect(formatValue('bytes', 1048576)).toBe('1.0 MiB/s');
    expect(formatValue('iops', 20000)).toBe('20,000 IOPS');
    expect(formatValue('kib', 1000)).toBe('1000 KiB/s');
    expect(exactHint('kib', 1000)).toBe('1,000 KiB/s ≈ 8.19 Mbit/s');
    expect(exactHint('bytes', 1048576)).toBe('1,048,576 bytes/s');
  });

  it('presets pass the contract’s rules and are recognised', () => {
    for (const p of DISK_PRESETS) expect(DiskIoTune.safeParse(p.tune).success).toBe(true);
    expect(presetOf(ZERO_DISK)).toBe('unlimited');
    expect(presetOf({ ...ZERO_DISK, total_bytes_sec: 120 * 1048576, total_iops_sec: 150 })).toBe('hdd');
    expect(presetOf({ ...ZERO_DISK, total_iops_sec: 1 })).toBeNull();
  });

  it('CPU cap and lists', () => {
    expect(capPercent(100_000, -1)).toBeNull();
    expect(capPercent(100_000, 50_000)).toBe(50);
    expect(quotaFor(100_000, 25)).toBe(25_000);
    expect(cpuRanges([0, 1, 2, 5, 7, 8])).toBe('0-2,5,7-8');
    expect(cpuRanges([])).toBe('—');
  });

  it('schema issues by field', () => {
    // Field errors first; the rules across fields once every field is a valid number.
    const r = DiskIoTune.safeParse({ ...ZERO_DISK, read_iops_sec: Number.NaN, total_bytes_sec: 10, write_bytes_sec: 1 });
    expect(issuesByPath(r.error?.issues ?? [])).toEqual({ read_iops_sec: 'Enter a number' });
    const r2 = DiskIoTune.safeParse({ ...ZERO_DISK, total_bytes_sec: 10, write_bytes_sec: 1 });
    expect(issuesByPath(r2.error?.issues ?? [])).toEqual({ total_bytes_sec: 'Set a total or read/write throughput, not both' });
  });
});
