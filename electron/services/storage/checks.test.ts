// The storage decisions from facts captured in the lab (fixtures/lab-a.json, by fixtures/capture.ts):
// who uses a volume, what keeps a pool, how a resize is done.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PoolRow } from '../../../shared/api/storage';
import { checkPoolRemovable, checkVolumeCopyable, checkVolumeDeletable, planResize, poolUsers, usersOf, volumeRow } from './checks';
import type { DomainDisks, VolumeFacts } from './facts';

const lab = JSON.parse(readFileSync(new URL('fixtures/lab-a.json', import.meta.url), 'utf8')) as {
  pools: PoolRow[];
  volumes: VolumeFacts[];
  domains: DomainDisks[];
};
const vol = (name: string) => lab.volumes.find((v) => v.name === name) as VolumeFacts;
const def = lab.pools[0] as PoolRow;

describe('usersOf / volumeRow', () => {
  it('a running VM’s disk: used, and resized live through its target', () => {
    const v = vol('tiny-local.qcow2');
    expect(usersOf(v.path, lab.domains)).toEqual({ users: ['tiny-local'], live: [{ domain: 'tiny-local', target: 'vda' }] });
    expect(volumeRow(v, lab.domains)).toMatchObject({ users: ['tiny-local'], liveUsers: ['tiny-local'] });
  });

  it('a shut-off VM’s disk: used (its persistent definition), nothing live', () => {
    expect(usersOf(vol('stopped.qcow2').path, lab.domains)).toEqual({ users: ['stopped'], live: [] });
  });

  it('a volume under an overlay is used by the overlay’s VM, but not resized through it', () => {
    const doms: DomainDisks[] = [
      { name: 'ov', running: true, live: [{ target: 'vdb', paths: ['/p/top.qcow2', '/p/base.qcow2'] }], persistent: [] },
    ];
    expect(usersOf('/p/base.qcow2', doms)).toEqual({ users: ['ov'], live: [] });
    expect(usersOf('/p/top.qcow2', doms).live).toEqual([{ domain: 'ov', target: 'vdb' }]);
  });

  it('a free path has no users', () => {
    expect(usersOf('/var/lib/libvirt/images/nobody.qcow2', lab.domains)).toEqual({ users: [], live: [] });
  });
});

describe('poolUsers / checkPoolRemovable', () => {
  it('the default pool is held by the VMs whose disks are in it, by name', () => {
    const users = poolUsers(
      def,
      lab.volumes.map((v) => v.path),
      lab.domains,
    );
    expect(users).toEqual(['stopped', 'tiny-local']);
    expect(() => checkPoolRemovable('default', 'delete', users)).toThrow(
      'Cannot delete the storage of pool default: its volumes are disks of stopped, tiny-local',
    );
    expect(() => checkPoolRemovable('default', 'undefine', users)).toThrow('Cannot undefine pool default');
  });

  it('an inactive pool (no volumes listed) is still held through its directory; a type=volume disk holds it by name', () => {
    expect(poolUsers(def, [], lab.domains)).toEqual(['stopped', 'tiny-local']);
    const byName: DomainDisks[] = [
      { name: 'v', running: false, live: [], persistent: [{ paths: [], volume: { pool: 'p2', volume: 'x' } }] },
    ];
    expect(poolUsers({ name: 'p2' }, [], byName)).toEqual(['v']);
    // A sibling directory with the same prefix does not count.
    expect(poolUsers({ name: 'img', targetPath: '/var/lib/libvirt/image' }, [], lab.domains)).toEqual([]);
    expect(() => checkPoolRemovable('img', 'delete', [])).not.toThrow();
  });
});

describe('checkVolumeDeletable / checkVolumeCopyable', () => {
  it('a copy of a disk a running VM writes to is refused, naming it; a shut-off VM’s disk can be copied', () => {
    expect(() => checkVolumeCopyable('tiny-local.qcow2', volumeRow(vol('tiny-local.qcow2'), lab.domains).liveUsers)).toThrow(
      'Cannot clone volume tiny-local.qcow2 while tiny-local is running with it',
    );
    expect(() => checkVolumeCopyable('stopped.qcow2', volumeRow(vol('stopped.qcow2'), lab.domains).liveUsers)).not.toThrow();
    expect(() => checkVolumeDeletable('stopped.qcow2', ['stopped'], 'wipe')).toThrow(
      'Cannot wipe volume stopped.qcow2: it is a disk of stopped',
    );
  });

  it('names the VMs', () => {
    expect(() => checkVolumeDeletable('tiny-local.qcow2', ['tiny-local'])).toThrow(
      'Cannot delete volume tiny-local.qcow2: it is a disk of tiny-local',
    );
    expect(() => checkVolumeDeletable('x', [])).not.toThrow();
  });
});

describe('planResize', () => {
  const v = vol('tiny-local.qcow2');
  it('live through the running VMs, offline otherwise', () => {
    expect(planResize(v, v.capacity * 2, usersOf(v.path, lab.domains).live)).toEqual({
      mode: 'live',
      through: [{ domain: 'tiny-local', target: 'vda' }],
    });
    const s = vol('stopped.qcow2');
    expect(planResize(s, s.capacity + 1, usersOf(s.path, lab.domains).live)).toEqual({ mode: 'offline' });
  });

  it('refuses shrinking and the same size', () => {
    expect(() => planResize(v, v.capacity - 1, [])).toThrow(/smaller than its 67108864 bytes/);
    expect(() => planResize(v, v.capacity, [])).toThrow(/already/);
  });
});
