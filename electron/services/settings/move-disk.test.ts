import { describe, expect, it } from 'vitest';
import { type MoveDiskFacts, planMoveDisk } from './move-disk';

const facts = (o: Partial<MoveDiskFacts> = {}): MoveDiskFacts => ({
  vm: { name: 'web', running: true, persistent: true },
  disk: {
    target: 'vdb',
    device: 'disk',
    type: 'file',
    bus: 'virtio',
    path: '/var/lib/libvirt/images/data.qcow2',
    format: 'qcow2',
    readonly: false,
    shareable: false,
    busy: false,
  },
  source: { pool: 'default', name: 'data.qcow2', capacity: 16 * 1024 * 1024 },
  dest: { pool: 'fast', type: 'dir', active: true, nameTaken: false },
  ...o,
});
const req = { target: 'vdb', pool: 'fast', deleteSource: true };

describe('planMoveDisk: a running disk to another pool of files', () => {
  it('plans a copy of the same name, format and size, the source deleted only when asked', () => {
    expect(planMoveDisk(facts(), req)).toEqual({
      target: 'vdb',
      bus: 'virtio',
      from: { path: '/var/lib/libvirt/images/data.qcow2', pool: 'default', volume: 'data.qcow2' },
      to: { pool: 'fast', volume: 'data.qcow2', format: 'qcow2', capacity: 16 * 1024 * 1024 },
      deleteSource: true,
    });
    expect(planMoveDisk(facts(), { ...req, deleteSource: false }).deleteSource).toBe(false);
  });

  it('an I/O limit in MiB/s becomes libvirt’s block copy bandwidth in bytes a second; none: no bandwidth', () => {
    expect(planMoveDisk(facts(), { ...req, limitMiBs: 2 }).bandwidth).toBe(2 * 1024 * 1024);
    expect(planMoveDisk(facts(), req)).not.toHaveProperty('bandwidth');
  });

  it.each<[string, Partial<MoveDiskFacts>, RegExp]>([
    ['a shut-off VM', { vm: { name: 'web', running: false, persistent: true } }, /not running/],
    ['no such disk', { disk: undefined }, /has no disk vdb/],
    ['a CD-ROM', { disk: { ...(facts().disk as NonNullable<MoveDiskFacts['disk']>), device: 'cdrom' } }, /cdrom, not a disk/],
    ['a network disk', { disk: { ...(facts().disk as NonNullable<MoveDiskFacts['disk']>), type: 'network' } }, /not a file/],
    ['a shared disk', { disk: { ...(facts().disk as NonNullable<MoveDiskFacts['disk']>), shareable: true } }, /shared or read-only/],
    ['a running block job', { disk: { ...(facts().disk as NonNullable<MoveDiskFacts['disk']>), busy: true } }, /block job already runs/],
    ['the same pool', { source: { pool: 'fast', name: 'data.qcow2', capacity: 1 } }, /already in fast/],
    ['no such pool', { dest: { pool: 'fast', active: false, nameTaken: false } }, /No pool fast/],
    ['a logical pool', { dest: { pool: 'fast', type: 'logical', active: true, nameTaken: false } }, /logical pool/],
    ['a stopped pool', { dest: { pool: 'fast', type: 'dir', active: false, nameTaken: false } }, /not running/],
    ['a name taken', { dest: { pool: 'fast', type: 'dir', active: true, nameTaken: true } }, /already has a volume data.qcow2/],
    ['a file in no pool', { source: undefined }, /in no pool/],
  ])('refuses %s, saying what to do', (_what, o, re) => {
    expect(() => planMoveDisk(facts(o), req)).toThrow(re);
    try {
      planMoveDisk(facts(o), req);
    } catch (err) {
      expect((err as { hint?: string }).hint).toBeTruthy();
    }
  });
});
