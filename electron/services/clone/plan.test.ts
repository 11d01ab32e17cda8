/**
 * The clone's pure plan from facts captured in the lab: each copy (route, bytes, paths), the
 * MACs, the exact definition the target gets, the preview and the job's title.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CloneSpec } from '../../../shared/api';
import { cloneWarnings } from './checks';
import type { CloneFacts } from './facts';
import { type ClonePlan, cloneDefinition, clonePreview, cloneTitle, planClone } from './plan';
import { cloneScenario, macSequence, specFacts } from './scenario.fixture';

function plan(name: string) {
  const s = cloneScenario(name);
  return { ...s, plan: planClone(s.facts, s.spec, cloneWarnings(s.facts, s.spec), macSequence()) };
}
const macsOf = (xml: string) => [...xml.matchAll(/<mac address=["']([^"']+)["']/g)].map((m) => m[1]);
/** The <source file=…/> of a path, as the XML serializer writes it. */
const source = (path: string) => `<source file="${path}"/>`;

describe('clone plan: on the same host', () => {
  // Planned in beforeEach, not while the file is collected: a mutation test activates its mutant per test.
  let p: ClonePlan;
  let facts: CloneFacts;
  let spec: CloneSpec;
  beforeEach(() => {
    ({ plan: p, facts, spec } = plan('same-host'));
  });

  it('each copy by libvirt’s create-from into the chosen pool, sized by the data allocated', () => {
    expect(p.crossHost).toBe(false);
    expect(p.copies.map((c) => ({ ...c, from: c.from.vol.name, poolRef: c.poolRef.name }))).toEqual([
      {
        target: 'vda',
        from: 't-capt-src.qcow2',
        pool: 'default',
        poolRef: 'default',
        name: 't-capt-clone.qcow2',
        path: '/var/lib/libvirt/images/t-capt-clone.qcow2',
        bytes: 200704,
        blockPool: false,
        method: 'create-from',
      },
      {
        target: 'vdb',
        from: 't-capt-overlay.qcow2',
        pool: 'default',
        poolRef: 'default',
        name: 't-capt-clone-1.qcow2',
        path: '/var/lib/libvirt/images/t-capt-clone-1.qcow2',
        bytes: 200704,
        blockPool: false,
        method: 'create-from',
      },
    ]);
    expect(p.copies[0]?.from.ref).toEqual(facts.source.disks[0]?.ref);
  });

  it('the definition: new name, the UUID read for it, new MACs, the copies’ paths, the ISO shared, the outside file detached', () => {
    expect(p.uuid).toBe(facts.spec?.uuid);
    expect(p.xml).toContain('<name>t-capt-clone</name>');
    expect(p.xml).toContain(`<uuid>${facts.spec?.uuid}</uuid>`);
    expect(p.xml).not.toContain(facts.source.dom.uuid);
    expect(macsOf(p.xml)).toEqual(['52:54:00:aa:00:00', '52:54:00:aa:00:01', '52:54:00:aa:00:02']);
    expect(p.xml).toContain(source('/var/lib/libvirt/images/t-capt-clone.qcow2'));
    expect(p.xml).toContain(source('/var/lib/libvirt/images/t-capt-clone-1.qcow2'));
    expect(p.xml).toContain(source('/var/lib/libvirt/images/t-capt.iso'));
    expect(p.xml).not.toContain('t-capt-outside.img');
    expect(p.disks).toEqual([
      ['vda', { mode: 'copy', type: 'file', path: '/var/lib/libvirt/images/t-capt-clone.qcow2' }],
      ['vdb', { mode: 'copy', type: 'file', path: '/var/lib/libvirt/images/t-capt-clone-1.qcow2' }],
      ['vdc', { mode: 'detach' }],
      ['sda', { mode: 'share' }],
    ]);
    expect(p.emulator).toBeUndefined();
    expect(p).toMatchObject({ name: 't-capt-clone', start: true, verify: 'sha256', notes: [], warnings: [] });
    expect(p.rateBps).toBeUndefined();
    expect(p.macs.map((m) => m.from)).toEqual(macsOf(facts.source.xml));
  });

  it('a MAC in use on the target (or the source’s own) is drawn again', () => {
    const used = ['52:54:00:aa:00:00', macsOf(facts.source.xml)[1] ?? ''];
    let i = 0;
    const draws = ['52:54:00:aa:00:00', used[1] ?? '', '52:54:00:aa:00:07', '52:54:00:aa:00:08', '52:54:00:aa:00:09'];
    const q = planClone(
      { ...facts, target: { ...facts.target, macs: [...facts.target.macs, used[0] ?? ''] } },
      spec,
      [],
      () => draws[i++] ?? '',
    );
    expect(q.macs.map((m) => m.to)).toEqual(['52:54:00:aa:00:07', '52:54:00:aa:00:08', '52:54:00:aa:00:09']);
  });

  it('the preview: the redacted definition, the MAC changes, the copies from the source’s paths', () => {
    const pv = clonePreview(p);
    expect(pv).toEqual({
      xml: expect.stringContaining('<name>t-capt-clone</name>'),
      uuid: p.uuid,
      macs: p.macs,
      copies: [
        {
          target: 'vda',
          from: '/var/lib/libvirt/images/t-capt-src.qcow2',
          pool: 'default',
          name: 't-capt-clone.qcow2',
          path: '/var/lib/libvirt/images/t-capt-clone.qcow2',
          bytes: 200704,
        },
        {
          target: 'vdb',
          from: '/var/lib/libvirt/images/t-capt-overlay.qcow2',
          pool: 'default',
          name: 't-capt-clone-1.qcow2',
          path: '/var/lib/libvirt/images/t-capt-clone-1.qcow2',
          bytes: 200704,
        },
      ],
      notes: [],
      warnings: [],
    });
    const secret = { ...p, xml: p.xml.replace('<graphics ', "<graphics passwd='s3cret' ") };
    expect(clonePreview(secret).xml).not.toContain('s3cret');
    expect(cloneTitle(p)).toBe('Clone t-capt-src to t-capt-clone');
  });

  it('the definition takes a copy’s real path when libvirt put it elsewhere', () => {
    const { xml } = cloneDefinition(p, { vda: '/elsewhere/vda.qcow2' });
    expect(xml).toContain(source('/elsewhere/vda.qcow2'));
    expect(xml).toContain(source('/var/lib/libvirt/images/t-capt-clone-1.qcow2'));
    expect(cloneDefinition(p, { sda: '/nowhere.iso' }).xml).toBe(p.xml);
  });
});

it('a pool without a path: the copy’s path is /name; a disk without a decision is left as it is', () => {
  const s = cloneScenario('same-host');
  const pools = specFacts(s.facts).pools.map((x) => {
    if (x.status !== 'running') return x;
    const { path: _p, ...rest } = x;
    return rest;
  });
  const q = planClone({ ...s.facts, spec: { ...specFacts(s.facts), pools } }, s.spec, [], macSequence());
  expect(q.copies.map((c) => c.path)).toEqual(['/t-capt-clone.qcow2', '/t-capt-clone-1.qcow2']);
  const partial = { ...s.spec, disks: s.spec.disks.filter((d) => d.target !== 'sda') };
  expect(planClone(s.facts, partial, [], macSequence()).disks.map(([t]) => t)).toEqual(['vda', 'vdb', 'vdc']);
});

describe('clone plan: to another host', () => {
  let p: ClonePlan;
  let facts: CloneFacts;
  beforeEach(() => {
    ({ plan: p, facts } = plan('cross-host'));
  });

  it('streamed through Vireo, the file’s size, the target’s emulator, the bandwidth cap', () => {
    expect(p.crossHost).toBe(true);
    expect(p.copies.map((c) => [c.target, c.method, c.bytes, c.path])).toEqual([
      ['vda', 'stream', 196616, '/var/lib/libvirt/images/t-capt-clone.qcow2'],
    ]);
    expect(p.emulator).toBe(facts.target.hypervisor?.emulator);
    expect(p.xml).toContain(`<emulator>${facts.target.hypervisor?.emulator}</emulator>`);
    expect(p.rateBps).toBe(8 * 1024 * 1024);
    expect(p.target).toEqual({ hostId: facts.target.hostId, label: 'lab-b' });
    expect(cloneTitle(p)).toBe('Clone t-capt-src (lab-a) to t-capt-clone on lab-b');
  });

  it('NICs as mapped: one kept on labbr0, one dropped, one moved (and said so)', () => {
    expect(p.nics).toEqual([
      { mac: '52:54:00:aa:00:00', target: { kind: 'bridge', name: 'labbr0' } },
      { mac: '52:54:00:aa:00:01', target: { kind: 'none' } },
      { mac: '52:54:00:aa:00:02', target: { kind: 'bridge', name: 'labbr0' } },
    ]);
    expect(macsOf(p.xml)).toEqual(['52:54:00:aa:00:00', '52:54:00:aa:00:02']);
    expect(p.xml).not.toContain('tcapt-net');
    expect(p.notes).toEqual(['NIC 52:54:00:aa:00:02 now on bridge labbr0.']);
  });

  it('a copy into a block pool is a block disk', () => {
    const s = cloneScenario('cross-host');
    const pools = s.facts.spec?.pools.map((x) => (x.status === 'running' ? { ...x, type: 'logical', path: '/dev/vg0' } : x)) ?? [];
    const q = planClone({ ...s.facts, spec: { ...specFacts(s.facts), pools } }, s.spec, [], macSequence());
    expect(q.copies[0]).toMatchObject({ blockPool: true, path: '/dev/vg0/t-capt-clone.qcow2' });
    expect(q.disks[0]).toEqual(['vda', { mode: 'copy', type: 'block', path: '/dev/vg0/t-capt-clone.qcow2' }]);
    const disk = cloneScenario('cross-host');
    const dpools = disk.facts.spec?.pools.map((x) => (x.status === 'running' ? { ...x, type: 'disk' } : x)) ?? [];
    expect(
      planClone({ ...disk.facts, spec: { ...specFacts(disk.facts), pools: dpools } }, disk.spec, [], macSequence()).copies[0]?.blockPool,
    ).toBe(true);
  });
});

describe('clone plan: a paused source', () => {
  it('on the same host: streamed (QEMU keeps the disks locked), and the preview says so', () => {
    const { plan: p } = plan('paused');
    expect(p.copies.map((c) => [c.method, c.bytes])).toEqual([['stream', 196616]]);
    expect(p.notes).toEqual([
      't-capt-src is paused: its disks are copied as they are now (QEMU flushed them when it paused), streamed through Vireo since QEMU keeps them locked.',
    ]);
  });

  it('to another host: the note without the lock', () => {
    expect(plan('paused-cross-host').plan.notes).toEqual([
      't-capt-src is paused: its disks are copied as they are now (QEMU flushed them when it paused).',
    ]);
  });
});

describe('clone plan: the warnings and MACs the admin chose', () => {
  it('carries the checks’ warnings; keeps a reviewed MAC; drops a NIC mapped to none', () => {
    const { plan: p } = plan('networks');
    expect(p.warnings).toEqual(['The network default is not running on lab-a: start it before the clone.']);
    expect(p.macs.map((m) => m.to)).toEqual(['52:54:00:aa:00:00', '52:54:00:7e:57:01', '52:54:00:aa:00:01']);
    expect(p.nics[2]).toEqual({ mac: '52:54:00:aa:00:01', target: { kind: 'none' } });
    expect(p.notes).toEqual(['NIC 52:54:00:aa:00:00 now on network default.']);
  });

  it('refuses facts that did not pass the checks', () => {
    const s = cloneScenario('pools');
    expect(() => planClone(s.facts, s.spec, [], macSequence())).toThrow(/did not pass the checks/);
    const opts = cloneScenario('options-same-host');
    expect(() => planClone(opts.facts, cloneScenario('same-host').spec, [], macSequence())).toThrow(/for a spec/);
  });
});
