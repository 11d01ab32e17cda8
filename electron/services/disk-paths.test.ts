import { describe, expect, it } from 'vitest';
import { canonicalDiskPath, sameDiskPath } from './disk-paths';
import { otherUsers } from './disk-users';
import { poolUsers, usersOf } from './storage/checks';
import type { DomainDisks } from './storage/facts';

describe('disk paths: an LVM volume by either of its names', () => {
  it('maps /dev/mapper/<vg>-<lv> to /dev/<vg>/<lv>, undoubling the dashes inside the names', () => {
    expect(canonicalDiskPath('/dev/mapper/vg0-data')).toBe('/dev/vg0/data');
    expect(canonicalDiskPath('/dev/mapper/my--vg-web--disk')).toBe('/dev/my-vg/web-disk');
    expect(canonicalDiskPath('/dev/mapper/vg--a-lv')).toBe('/dev/vg-a/lv');
    expect(canonicalDiskPath('//dev//vg0/data/')).toBe('/dev/vg0/data');
  });

  it('leaves what it cannot map as written (no VG-LV split, dm-N, by-id, files)', () => {
    for (const p of [
      '/dev/mapper/control',
      '/dev/mapper/luks--only',
      '/dev/dm-3',
      '/dev/disk/by-id/x',
      '/var/lib/libvirt/images/a-b.qcow2',
    ])
      expect(canonicalDiskPath(p)).toBe(p);
  });

  it('sameDiskPath: the two names of one LV are one disk; different LVs are not', () => {
    expect(sameDiskPath('/dev/vg0/data', '/dev/mapper/vg0-data')).toBe(true);
    expect(sameDiskPath('/dev/vg0/data', '/dev/mapper/vg0-data2')).toBe(false);
    // VG "vg-0" is "vg--0" in device-mapper's name; "vg-0-data" is no valid split, so it is kept as written.
    expect(sameDiskPath('/dev/vg-0/data', '/dev/mapper/vg-0-data')).toBe(false);
    expect(sameDiskPath('/dev/vg-0/data', '/dev/mapper/vg--0-data')).toBe(true);
  });
});

const vm = (name: string, path: string): DomainDisks => ({
  name,
  running: false,
  live: [],
  persistent: [{ target: 'vdb', paths: [path] }],
});

describe('who uses a volume: a shut-off VM whose block disk names the device-mapper path', () => {
  it('is a user of the logical volume (delete and wipe refused), and of its pool', () => {
    const doms = [vm('db', '/dev/mapper/vg0-data')];
    expect(usersOf('/dev/vg0/data', doms).users).toEqual(['db']);
    expect(poolUsers({ name: 'vg0', targetPath: '/dev/vg0' }, ['/dev/vg0/data'], doms)).toEqual(['db']);
    expect(poolUsers({ name: 'vg0', targetPath: '/dev/vg0' }, [], doms)).toEqual(['db']); // inactive: by the directory
    expect([...otherUsers(['/dev/vg0/data'], [{ name: 'db', paths: ['/dev/mapper/vg0-data'] }])]).toEqual([['/dev/vg0/data', ['db']]]);
  });

  it('another LV of the same VG is not in use', () => {
    expect(usersOf('/dev/vg0/logs', [vm('db', '/dev/mapper/vg0-data')]).users).toEqual([]);
  });
});
