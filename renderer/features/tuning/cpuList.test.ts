// libvirt's CPU list syntax as the tuning tab writes it (the same text virsh vcpupin prints).
import { describe, expect, it } from 'vitest';
import { cpuList } from './cpuList';

describe('cpuList', () => {
  it('runs become ranges, single CPUs stay single, order and duplicates do not matter', () => {
    expect(cpuList([0, 1, 2, 3, 6, 8, 9])).toBe('0-3,6,8-9');
    expect(cpuList([9, 8, 0, 0])).toBe('0,8-9');
    expect(cpuList([1])).toBe('1');
    expect(cpuList([])).toBe('');
    expect(cpuList([...Array.from({ length: 24 }, (_, i) => i), ...Array.from({ length: 24 }, (_, i) => 48 + i)])).toBe('0-23,48-71');
  });
});
