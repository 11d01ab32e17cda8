import { describe, expect, it } from 'vitest';
import { buildMergeMark, buildSnapshotXml, MERGE_MARK_NS, moveSnapshotDomainDisks, parseMergeMark, parseSnapshotXml } from './snapshot';

describe('snapshot XML', () => {
  it('builds what it parses: hostile names and descriptions verbatim, external disks with their files', () => {
    const xml = buildSnapshotXml({
      name: `a "b" <c> & 'd' ü`,
      description: 'x < y & z',
      kind: 'external',
      disks: [
        { target: 'vda', snapshot: 'external', file: '/i/o.qcow2' },
        { target: 'vdb', snapshot: 'no' },
      ],
    });
    const m = parseSnapshotXml(xml);
    expect(m).toMatchObject({ name: `a "b" <c> & 'd' ü`, description: 'x < y & z', memory: 'no' });
    expect(m.disks).toEqual([
      { name: 'vda', snapshot: 'external', file: '/i/o.qcow2', driverType: 'qcow2' },
      { name: 'vdb', snapshot: 'no' },
    ]);
  });
  it('moves the saved definition’s disk images, dropping their recorded chains', () => {
    const xml = `<domainsnapshot><name>s</name><domain type='qemu'><devices><disk type='file' device='disk'><source file='/o1'/><backingStore type='file'><source file='/b'/></backingStore><target dev='vda'/></disk></devices></domain></domainsnapshot>`;
    const moved = parseSnapshotXml(moveSnapshotDomainDisks(xml, { vda: '/b' }));
    expect(moved.domain?.disks[0]).toMatchObject({ path: '/b', backingChain: [] });
  });

  it('the merge mark: a hostile snapshot name round-trips, also as libvirt returns it with its namespace', () => {
    const name = `m "1" <&> ü`;
    expect(parseMergeMark(buildMergeMark({ snapshot: name }))).toEqual({ snapshot: name });
    expect(parseMergeMark(`<vireo:merge xmlns:vireo="${MERGE_MARK_NS}" snapshot="a&amp;b"/>`)).toEqual({ snapshot: 'a&b' });
    expect(parseMergeMark('<other snapshot="x"/>')).toBeNull();
    // a delete with children: the steps left after this merge, in order, hostile names too
    expect(parseMergeMark(buildMergeMark({ snapshot: 's5', next: [name, 's1'] }))).toEqual({ snapshot: 's5', next: [name, 's1'] });
    expect(parseMergeMark(`<vireo:merge xmlns:vireo="${MERGE_MARK_NS}" snapshot="s5"><vireo:next name="s&lt;1"/></vireo:merge>`)).toEqual({
      snapshot: 's5',
      next: ['s<1'],
    });
  });
});
