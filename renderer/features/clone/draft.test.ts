import { describe, expect, it } from 'vitest';
import type { CloneOptions } from '../../../shared/api';
import { cloneIssues, cloneLabels, type DiskChoice, draftFor, setDiskMode, toCloneSpec, withCloneName } from './draft';

const O: CloneOptions = {
  source: { hostId: 'a', uuid: '7e570000-0000-4000-8000-000000000003', name: 'stopped', state: 'shutoff', cloneable: true },
  targetHostId: 'b',
  crossHost: true,
  suggestedName: 'stopped-clone',
  disks: [
    {
      target: 'vda',
      device: 'disk',
      type: 'file',
      format: 'qcow2',
      readonly: false,
      shareable: false,
      modes: ['copy', 'detach'],
      defaultMode: 'copy',
      notes: [],
    },
    {
      target: 'vdb',
      device: 'disk',
      type: 'file',
      format: 'raw',
      readonly: false,
      shareable: false,
      modes: ['copy', 'detach'],
      defaultMode: 'copy',
      notes: [],
    },
    {
      target: 'sda',
      device: 'cdrom',
      type: 'file',
      readonly: true,
      shareable: false,
      modes: ['share', 'detach'],
      defaultMode: 'share',
      notes: [],
    },
  ],
  nics: [
    { mac: '52:54:00:20:00:03', type: 'bridge', source: 'labbr0', suggested: { kind: 'bridge', name: 'labbr0' }, remapped: false },
    { mac: '52:54:00:20:00:04', type: 'direct', source: 'eth0', remapped: false },
  ],
  target: {
    pools: [{ name: 'default', uuid: 'u', state: 'running', capacity: 1, allocation: 0, available: 1 }],
    networks: [],
    bridges: ['labbr0'],
    defaultPool: 'default',
  },
};
const SRC = { hostId: 'a', uuid: O.source.uuid };

describe('clone draft', () => {
  it('defaults: the suggested name, copies named after it like virt-clone, shared CD-ROM, NICs as suggested', () => {
    const d = draftFor(O);
    expect(d.name).toBe('stopped-clone');
    expect(d.disks.vda).toMatchObject({ mode: 'copy', pool: 'default', volume: 'stopped-clone.qcow2' });
    expect(d.disks.vdb).toMatchObject({ mode: 'copy', volume: 'stopped-clone-1.img' });
    expect(d.disks.sda?.mode).toBe('share');
    expect(d.nics).toEqual({ '52:54:00:20:00:03': 'bridge:labbr0', '52:54:00:20:00:04': 'keep' });
  });

  it('renaming renames the copies unless one was typed; leaving a disk out renumbers the rest', () => {
    let d = withCloneName(draftFor(O), O, `web "1"`);
    expect(d.disks.vda?.volume).toBe('web_1_.qcow2');
    d = setDiskMode(d, O, 'vda', 'detach');
    expect(d.disks.vdb?.volume).toBe('web_1_.img');
  });

  it('the spec: copies with pool and volume, NICs kept or mapped, a bandwidth cap only when set', () => {
    const spec = toCloneSpec({ ...draftFor(O), bandwidth: 8 }, SRC);
    expect(spec.disks).toEqual([
      { target: 'vda', mode: 'copy', pool: 'default', volume: 'stopped-clone.qcow2' },
      { target: 'vdb', mode: 'copy', pool: 'default', volume: 'stopped-clone-1.img' },
      { target: 'sda', mode: 'share' },
    ]);
    expect(spec.nics).toEqual([{ mac: '52:54:00:20:00:03', target: { kind: 'bridge', name: 'labbr0' } }, { mac: '52:54:00:20:00:04' }]);
    expect(spec.bandwidthMiBps).toBe(8);
    expect(toCloneSpec(draftFor(O), SRC).bandwidthMiBps).toBeUndefined();
  });

  it('names: quotes and "<" are fine, "/" is not', () => {
    expect(cloneIssues(withCloneName(draftFor(O), O, `a "b" <c>`), SRC)).toEqual({});
    expect(cloneIssues(withCloneName(draftFor(O), O, 'a/b'), SRC).name).toBe('Name of the clone must not contain "/"');
  });

  it('each wrong field of a step named in words: the name on the first, each disk’s new volume on the second', () => {
    const d = withCloneName(draftFor(O), O, '');
    const bad = { ...d, disks: { ...d.disks, vdb: { ...(d.disks.vdb as DiskChoice), volume: 'bad name' } } };
    expect(cloneIssues(bad, SRC, 0)).toEqual({ name: 'Name of the clone is empty' });
    expect(cloneIssues(bad, SRC, 1)).toEqual({
      'disks.1.volume': 'New volume (vdb): use letters, digits, ".", "_", "+" and "-" (up to 128)',
    });
    expect(cloneLabels(bad, 1)).toMatchObject({ 'disks.0.volume': 'New volume (vda)', 'disks.1.volume': 'New volume (vdb)' });
  });
});
