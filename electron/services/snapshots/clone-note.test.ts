import { describe, expect, it } from 'vitest';
import { cloneSnapshotNote } from './clone-note';

const IMG = '/var/lib/libvirt/images';
// As the lab's e2e VM has them after an external snapshot e1 and Vireo's revert to it: the disk runs
// on a fresh overlay over e1's image; e1's own overlay (the discarded state) is off the chain.
const e1 = { name: 'e1', kind: 'external' as const, files: [`${IMG}/vm.e1`, `${IMG}/vm.qcow2`] };
const disks = [{ target: 'vda', path: `${IMG}/vm.e1-revert-k1.qcow2`, backing: `${IMG}/vm.qcow2` }];

describe('what a clone does with the source snapshots', () => {
  it('says nothing when there are none', () => {
    expect(cloneSnapshotNote({ vm: 'vm', snapshots: [], disks, method: 'create-from', crossHost: false })).toBeUndefined();
  });

  it("shut off on the same host: flattened by libvirt's copy, the snapshot files listed as staying", () => {
    const n = cloneSnapshotNote({ vm: 'vm', snapshots: [e1], disks, method: 'create-from', crossHost: false });
    expect(n?.note).toMatch(/1 snapshot \(e1\): they are not copied/);
    expect(n?.note).toMatch(/one flattened image/);
    expect(n?.files).toEqual([`${IMG}/vm.e1`, `${IMG}/vm.qcow2`]);
    expect(n?.linkedDisks).toEqual([]);
  });

  it("paused on the same host: a byte copy would stay built on the chain, so copying that disk is refused; the disk's top file is not listed", () => {
    const top = { ...e1, files: [...e1.files, disks[0]?.path as string, `${IMG}/vm.e1.mem`] };
    const n = cloneSnapshotNote({ vm: 'vm', snapshots: [top], disks, method: 'stream', crossHost: false });
    expect(n?.linkedDisks).toEqual(['vda']);
    expect(n?.note).toMatch(/copying it is refused/);
    expect(n?.files).toEqual([`${IMG}/vm.e1`, `${IMG}/vm.e1.mem`, `${IMG}/vm.qcow2`]);
  });

  it('internal snapshots: no disk refused; the note says what each copy does with them', () => {
    const i1 = { name: 'i1', kind: 'internal' as const, files: [] };
    const flat = [{ target: 'vda', path: `${IMG}/vm.qcow2` }];
    expect(cloneSnapshotNote({ vm: 'vm', snapshots: [i1], disks: flat, method: 'stream', crossHost: false })?.note).toMatch(
      /byte copy carries them/,
    );
    const n = cloneSnapshotNote({ vm: 'vm', snapshots: [i1], disks: flat, method: 'create-from', crossHost: false });
    expect(n?.note).toMatch(/current state only/);
    expect(n?.linkedDisks).toEqual([]);
  });

  it('across hosts: no disk refused here (the clone checks refuse any backing file across hosts)', () => {
    expect(cloneSnapshotNote({ vm: 'vm', snapshots: [e1], disks, method: 'stream', crossHost: true })?.linkedDisks).toEqual([]);
  });
});
