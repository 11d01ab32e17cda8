/**
 * The clone's pure checks from facts captured in the lab (fixtures/*.json, made by
 * e2e/lab/capture-clone-install-facts.ts): what each disk and NIC allows, every refusal and
 * every warning, each from the scenario that shows it. Over 400 lines: every expectation is
 * written out whole (message, hint, field), one describe per kind of check.
 */
import { describe, expect, it } from 'vitest';
import type { CloneSpec } from '../../../shared/api';
import { cloneOptions, cloneRefusals, cloneWarnings, copyBytes, copyMethod, diskInfo, nicInfo } from './checks';
import { cloneScenario, specFacts } from './scenario.fixture';

const same = cloneScenario('options-same-host').facts;
const cross = cloneScenario('options-cross-host').facts;
const disk = (f: typeof same, target: string) => {
  const d = f.source.disks.find((x) => x.target === target);
  if (!d) throw new Error(`no disk ${target}`);
  return diskInfo(d, f);
};
const NOT_IN_POOL = 'Not a volume of a storage pool: it cannot be copied (add its directory as a pool on the host to copy it).';
const NEVER_SHARED = 'A writable disk is never shared between two VMs: without a copy, the clone goes without it.';
const BACKING =
  'Has a backing file (/var/lib/libvirt/images/t-capt-base.qcow2): a byte copy to lab-b would point at a file that host lacks. Flatten it first, or clone on the same host.';

describe('clone checks: what each disk allows', () => {
  it('a pool volume: copy or detach, copied by default; its volume facts shown', () => {
    expect(disk(same, 'vda')).toEqual({
      target: 'vda',
      device: 'disk',
      bus: 'virtio',
      type: 'file',
      source: '/var/lib/libvirt/images/t-capt-src.qcow2',
      format: 'qcow2',
      readonly: false,
      shareable: false,
      volume: { pool: 'default', name: 't-capt-src.qcow2', capacity: 67108864, allocation: 200704, physical: 196616 },
      modes: ['copy', 'detach'],
      defaultMode: 'copy',
      notes: [],
    });
    expect(disk(cross, 'vda').modes).toEqual(['copy', 'detach']);
  });

  it('a volume with a backing file: copied on the same host, not to another host (with the reason)', () => {
    expect(disk(same, 'vdb')).toMatchObject({ modes: ['copy', 'detach'], defaultMode: 'copy', notes: [] });
    expect(disk(same, 'vdb').volume?.backing).toBe('/var/lib/libvirt/images/t-capt-base.qcow2');
    expect(disk(cross, 'vdb')).toMatchObject({ modes: ['detach'], defaultMode: 'detach', notes: [BACKING, NEVER_SHARED] });
  });

  it('a file outside every pool: detach only, and why', () => {
    const d = disk(same, 'vdc');
    expect(d).toMatchObject({
      modes: ['detach'],
      defaultMode: 'detach',
      notes: [NOT_IN_POOL, NEVER_SHARED],
      source: '/var/lib/libvirt/t-capt-outside.img',
    });
    expect(d.volume).toBeUndefined();
    expect(disk(cross, 'vdc').modes).toEqual(['detach']);
  });

  it('a read-only CD-ROM: shared by default on the same host; to a host that lacks the file, copied instead', () => {
    expect(disk(same, 'sda')).toMatchObject({
      device: 'cdrom',
      readonly: true,
      modes: ['copy', 'share', 'detach'],
      defaultMode: 'share',
      notes: [],
    });
    expect(disk(cross, 'sda')).toMatchObject({
      modes: ['copy', 'detach'],
      defaultMode: 'copy',
      notes: ['/var/lib/libvirt/images/t-capt.iso does not exist on lab-b: copy or detach it.'],
    });
  });

  it('a CD-ROM the target can read stays shareable across hosts; an empty drive is always shared', () => {
    const sda = cross.source.disks.find((d) => d.target === 'sda');
    if (!sda?.path) throw new Error('no sda');
    const readable = { ...cross, target: { ...cross.target, readable: [sda.path] } };
    expect(diskInfo(sda, readable)).toMatchObject({ modes: ['copy', 'share', 'detach'], defaultMode: 'share', notes: [] });
    const { path: _p, vol: _v, ref: _r, ...empty } = sda;
    expect(diskInfo(empty, cross)).toMatchObject({ modes: ['share', 'detach'], defaultMode: 'share', notes: [] });
    expect(diskInfo({ ...sda, device: 'floppy', readonly: false }, same).defaultMode).toBe('share');
    expect(diskInfo({ ...sda, device: 'disk', readonly: false, shareable: true }, same)).toMatchObject({
      shareable: true,
      defaultMode: 'share',
    });
  });

  it('a network disk cannot be copied; a block volume can; a volume disk shows pool/volume as its source', () => {
    const vda = same.source.disks[0];
    if (!vda?.vol) throw new Error('no vda');
    const { vol: _v, ref: _r, path: _p, ...bare } = vda;
    expect(diskInfo({ ...bare, type: 'network' }, same)).toMatchObject({
      modes: ['detach'],
      notes: ['A network disk: it cannot be copied.', NEVER_SHARED],
    });
    expect(diskInfo({ ...vda, vol: { ...vda.vol, type: 'block' } }, same).modes).toEqual(['copy', 'detach']);
    expect(diskInfo({ ...vda, vol: { ...vda.vol, type: 'dir' } }, same).modes).toEqual(['detach']);
    expect(diskInfo({ ...bare, type: 'volume', pool: 'p', volume: 'v' }, same).source).toBe('p/v');
  });

  it('a CD-ROM without <readonly/> is still read-only to the clone: shared; an empty one too, even across hosts', () => {
    const sda = same.source.disks.find((d) => d.target === 'sda');
    if (!sda) throw new Error('no sda');
    expect(diskInfo({ ...sda, readonly: false }, same)).toMatchObject({
      modes: ['copy', 'share', 'detach'],
      defaultMode: 'share',
      notes: [],
    });
    const { path: _p, vol: _v, ref: _r, ...empty } = sda;
    expect(diskInfo({ ...empty, readonly: false }, cross)).toMatchObject({ modes: ['share', 'detach'], defaultMode: 'share', notes: [] });
    expect(diskInfo({ ...empty, readonly: false, device: 'disk' }, cross)).toMatchObject({ modes: ['detach'], defaultMode: 'detach' });
  });

  it('no path and no pool/volume: no source shown; a volume without a physical size shows none', () => {
    const vda = same.source.disks[0];
    if (!vda?.vol) throw new Error('no vda');
    const { vol: _v, ref: _r, path: _p, ...bare } = vda;
    expect('source' in diskInfo(bare, same)).toBe(false);
    expect('source' in diskInfo({ ...bare, type: 'volume', pool: 'p' }, same)).toBe(false);
    const { physical: _ph, ...vol } = vda.vol;
    const info = diskInfo({ ...vda, vol }, same);
    expect(info.volume && 'physical' in info.volume).toBe(false);
    expect(info.volume && 'backing' in info.volume).toBe(false);
  });
});

describe('clone checks: where each NIC goes', () => {
  it('on the same host every NIC keeps its network or bridge', () => {
    expect(nicInfo(same)).toEqual([
      {
        mac: same.source.xml.match(/<mac address='([^']+)'/)?.[1],
        type: 'bridge',
        source: 'labbr0',
        model: 'virtio',
        suggested: { kind: 'bridge', name: 'labbr0' },
        remapped: false,
      },
      expect.objectContaining({ type: 'network', source: 'tcapt-net', suggested: { kind: 'network', name: 'tcapt-net' }, remapped: false }),
      expect.objectContaining({
        type: 'bridge',
        source: 'tcaptbr0',
        model: 'e1000e',
        suggested: { kind: 'bridge', name: 'tcaptbr0' },
        remapped: false,
      }),
    ]);
  });

  it('to a host that lacks the network or bridge: a substitute, marked remapped', () => {
    expect(nicInfo(cross).map((n) => [n.source, n.suggested, n.remapped])).toEqual([
      ['labbr0', { kind: 'bridge', name: 'labbr0' }, false],
      ['tcapt-net', { kind: 'network', name: 'default' }, true],
      ['tcaptbr0', { kind: 'bridge', name: 'labbr0' }, true],
    ]);
  });

  it('substitutes: a plain bridge first for a bridge NIC, else a network (default, an active one, any), else none', () => {
    const net = (name: string, active: boolean, bridge?: string) => ({ name, uuid: name, active, ...(bridge ? { bridge } : {}) });
    const at = (bridges: string[], networks: ReturnType<typeof net>[]) =>
      nicInfo({ ...cross, target: { ...cross.target, bridges, networks } });
    // the bridge of a network is not a plain bridge
    expect(at(['virbr0'], [net('n1', false, 'virbr0')])[2]?.suggested).toEqual({ kind: 'network', name: 'n1' });
    expect(at([], [net('n1', false), net('n2', true)])[2]?.suggested).toEqual({ kind: 'network', name: 'n2' });
    expect(at([], [net('n2', true), net('default', false)])[1]?.suggested).toEqual({ kind: 'network', name: 'default' });
    expect(at(['br9'], [])[1]?.suggested).toEqual({ kind: 'bridge', name: 'br9' });
    expect(at([], [])[1]).toMatchObject({ suggested: { kind: 'none' }, remapped: true });
    expect(nicInfo({ ...cross, target: { ...cross.target, bridges: null, networks: null } })[0]?.suggested).toEqual({ kind: 'none' });
  });

  it('a NIC of another kind (user, direct) is kept as it is, with no suggestion', () => {
    const xml = same.source.xml.replace("<interface type='bridge'>", "<interface type='user'>");
    const [first] = nicInfo({ ...same, source: { ...same.source, xml } });
    expect(first).toMatchObject({ type: 'user', remapped: false });
    expect(first?.suggested).toBeUndefined();
  });
});

describe('clone checks: the wizard’s options', () => {
  it('a shut-off source: cloneable, a free name suggested, the source’s pool by default', () => {
    const o = cloneOptions(same);
    expect(o.source).toEqual({
      hostId: same.source.hostId,
      uuid: same.source.dom.uuid,
      name: 't-capt-src',
      state: 'shutoff',
      cloneable: true,
    });
    expect(o).toMatchObject({ targetHostId: same.target.hostId, crossHost: false, suggestedName: 't-capt-src-clone' });
    expect(o.target.defaultPool).toBe('default');
    expect(o.target.bridges).toEqual(['labbr0', 'tcaptbr0']);
    expect(o.disks.map((d) => d.target)).toEqual(['vda', 'vdb', 'vdc', 'sda']);
    expect(cloneOptions(cross)).toMatchObject({ crossHost: true, targetHostId: cross.target.hostId });
  });

  it('a running source is not cloneable, and says why; a taken suggestion gets a number', () => {
    const running = cloneScenario('running').facts;
    expect(cloneOptions(running).source).toMatchObject({
      state: 'running',
      cloneable: false,
      reason: 't-capt-src is running: shut it down or pause it first (a running VM’s disks change while they are copied).',
    });
    expect(cloneOptions(cloneScenario('paused').facts).source).toMatchObject({ state: 'paused', cloneable: true });
    expect(cloneOptions({ ...same, target: { ...same.target, names: [...same.target.names, 't-capt-src-clone'] } }).suggestedName).not.toBe(
      't-capt-src-clone',
    );
  });

  it('default pool: the source disk’s pool when running there, else default, else the first running one, else none', () => {
    const pool = (name: string, state: string) => ({ name, state, type: 'dir', capacity: 1, allocation: 0, available: 1 }) as never;
    const at = (pools: never[]) => cloneOptions({ ...same, target: { ...same.target, pools } }).target.defaultPool;
    expect(at([pool('x', 'running'), pool('default', 'running')])).toBe('default');
    expect(at([pool('x', 'running'), pool('y', 'running')])).toBe('x');
    const inY = {
      ...same,
      source: { ...same.source, disks: same.source.disks.map((d) => (d.vol ? { ...d, vol: { ...d.vol, pool: 'y' } } : d)) },
    };
    expect(
      cloneOptions({ ...inY, target: { ...same.target, pools: [pool('default', 'running'), pool('y', 'running')] } }).target.defaultPool,
    ).toBe('y');
    expect(at([pool('default', 'inactive'), pool('y', 'running')])).toBe('y');
    expect(at([pool('default', 'inactive')])).toBeUndefined();
    const noVols = { ...same, source: { ...same.source, disks: same.source.disks.map(({ vol: _v, ...d }) => d) } };
    expect(
      cloneOptions({ ...noVols, target: { ...same.target, pools: [pool('x', 'running'), pool('default', 'running')] } }).target.defaultPool,
    ).toBe('default');
    expect(cloneOptions({ ...same, target: { ...same.target, pools: null, networks: null, bridges: null } }).target).toEqual({
      pools: [],
      networks: [],
      bridges: [],
    });
  });
});

describe('clone checks: refusals, each with its field', () => {
  const refusals = (name: string) => {
    const s = cloneScenario(name);
    return cloneRefusals(s.facts, s.spec);
  };

  it('the clean scenarios pass', () => {
    for (const n of ['same-host', 'cross-host', 'networks', 'paused', 'paused-cross-host', 'no-room'])
      expect([n, refusals(n)]).toEqual([n, []]);
  });

  it('a running source is refused first', () => {
    expect(refusals('running')).toEqual([
      {
        code: 'source-running',
        field: 'uuid',
        message: 't-capt-src is running',
        hint: 'Shut it down or pause it first: a running VM’s disks change while they are copied.',
      },
    ]);
  });

  it('a taken name, UUID, volume and MAC; two copies to one volume; a mode the disk does not allow; a missing network', () => {
    const s = cloneScenario('taken');
    const mac = s.spec.nics[0]?.mac;
    expect(cloneRefusals(s.facts, s.spec)).toEqual([
      { code: 'exists', field: 'name', message: 'A VM named “t-capt-src” already exists on lab-a', hint: 'Choose another name.' },
      {
        code: 'exists',
        field: 'newUuid',
        message: `The UUID ${s.facts.spec?.uuid} is taken on lab-a`,
        hint: 'Go back and review again for a new UUID.',
      },
      {
        code: 'exists',
        field: 'disks.vda',
        message: 'The pool default on lab-a already has a volume “t-capt-src.qcow2”',
        hint: 'Choose another volume name; existing volumes are never overwritten.',
      },
      {
        code: 'invalid-input',
        field: 'disks.vdb',
        message: 'Two disks would be copied to default/t-capt-src.qcow2',
        hint: 'Give each copy its own volume name.',
      },
      { code: 'invalid-input', field: 'disks.vdc', message: 'Disk vdc cannot be copied', hint: `${NOT_IN_POOL} ${NEVER_SHARED}` },
      {
        code: 'exists',
        field: `nics.${mac}`,
        message: `The MAC ${mac} is in use on lab-a`,
        hint: 'Go back and review again for new MACs.',
      },
      { code: 'not-found', field: `nics.${mac}`, message: 'lab-a has no network “tcapt-nonet”' },
    ]);
  });

  it('the UUID: the source’s own is refused even where the target says it is free', () => {
    const s = cloneScenario('same-host');
    const own = { ...s.facts, spec: { ...specFacts(s.facts), uuid: s.spec.uuid } };
    expect(cloneRefusals(own, s.spec).map((r) => r.field)).toEqual(['newUuid']);
    const taken = { ...s.facts, spec: { ...specFacts(s.facts), uuidFree: false } };
    expect(cloneRefusals(taken, s.spec).map((r) => r.field)).toEqual(['newUuid']);
  });

  it('a pool that is not running, one that does not exist', () => {
    expect(refusals('pools')).toEqual([
      {
        code: 'pool-inactive',
        field: 'disks.vdb',
        message: 'The storage pool "tcapt-off" on lab-a is not running',
        hint: 'Start the pool on the host (virsh pool-start), then try again.',
      },
      { code: 'not-found', field: 'disks.sda', message: 'lab-a has no storage pool "tcapt-nopool"', hint: 'Pick another pool.' },
    ]);
  });

  it('a disk listed twice, disks without a decision, a disk the source lacks', () => {
    expect(refusals('disk-list')).toEqual([
      { code: 'invalid-input', field: 'disks', message: 'A disk is listed twice' },
      {
        code: 'invalid-input',
        field: 'disks.vdb',
        message: 'No decision for disk vdb of t-capt-src',
        hint: 'Choose copy, share or detach for every disk.',
      },
      // the last of the two decisions for vdc counts
      { code: 'invalid-input', field: 'disks.vdc', message: 'Disk vdc cannot be copied', hint: `${NOT_IN_POOL} ${NEVER_SHARED}` },
      {
        code: 'invalid-input',
        field: 'disks.sda',
        message: 'No decision for disk sda of t-capt-src',
        hint: 'Choose copy, share or detach for every disk.',
      },
      { code: 'invalid-input', field: 'disks', message: 't-capt-src has no disk vdz' },
    ]);
  });

  it('across hosts: a backing file cannot be copied, a file the target lacks cannot be shared', () => {
    expect(refusals('cross-host-unmapped')).toEqual([
      { code: 'invalid-input', field: 'disks.vdb', message: 'Disk vdb cannot be copied', hint: `${BACKING} ${NEVER_SHARED}` },
      { code: 'invalid-input', field: 'disks.vdc', message: 'Disk vdc cannot be shared', hint: `${NOT_IN_POOL} ${NEVER_SHARED}` },
      {
        code: 'invalid-input',
        field: 'disks.sda',
        message: 'Disk sda cannot be shared',
        hint: '/var/lib/libvirt/images/t-capt.iso does not exist on lab-b: copy or detach it.',
      },
    ]);
  });

  it('a detach the disk allows passes; a mode with no notes has no hint; a MAC given twice is refused the second time', () => {
    const s = cloneScenario('same-host');
    const withDisks = (disks: CloneSpec['disks']): CloneSpec => ({ ...s.spec, disks });
    const detachAll = withDisks(s.facts.source.disks.map((d) => ({ target: d.target, mode: 'detach' })));
    expect(cloneRefusals(s.facts, detachAll)).toEqual([]);
    const shareVda = withDisks(s.spec.disks.map((d) => (d.target === 'vda' ? { target: 'vda', mode: 'share' } : d)));
    expect(cloneRefusals(s.facts, shareVda)).toEqual([{ code: 'invalid-input', field: 'disks.vda', message: 'Disk vda cannot be shared' }]);
    const macs = s.facts.source.xml.match(/<mac address='[^']+'/g)?.map((m) => m.slice(14, -1)) ?? [];
    const twice: CloneSpec = { ...s.spec, nics: macs.slice(0, 2).map((mac) => ({ mac, newMac: '52:54:00:7e:57:09' })) };
    expect(cloneRefusals(s.facts, twice).map((r) => [r.field, r.message])).toEqual([
      [`nics.${macs[1]}`, 'The MAC 52:54:00:7e:57:09 is in use on lab-a'],
    ]);
  });

  it('two disks the source lacks are both named; a pool the facts lack is a bug, not a refusal', () => {
    const s = cloneScenario('disk-list');
    const spec = { ...s.spec, disks: [...s.spec.disks, { target: 'vdy', mode: 'detach' as const }] };
    expect(cloneRefusals(s.facts, spec).at(-1)).toEqual({
      code: 'invalid-input',
      field: 'disks',
      message: 't-capt-src has no disk vdz, vdy',
    });
    const same = cloneScenario('same-host');
    const otherPool = { ...same.spec, disks: same.spec.disks.map((d) => (d.mode === 'copy' ? { ...d, pool: 'elsewhere' } : d)) };
    expect(() => cloneRefusals(same.facts, otherPool)).toThrow('no facts read for the pool elsewhere');
  });

  it('a new MAC equal to one of the source’s own is refused, even on a host that does not have it', () => {
    const s = cloneScenario('cross-host');
    const [mac0, mac1] = s.facts.source.xml.match(/<mac address='[^']+'/g)?.map((m) => m.slice(14, -1)) ?? [];
    expect(s.facts.target.macs).not.toContain(mac1);
    const spec = { ...s.spec, nics: s.spec.nics.map((n) => (n.mac === mac0 ? { ...n, newMac: mac1 } : n)) };
    expect(cloneRefusals(s.facts, spec)).toEqual([
      {
        code: 'exists',
        field: `nics.${mac0}`,
        message: `The MAC ${mac1} is in use on lab-b`,
        hint: 'Go back and review again for new MACs.',
      },
    ]);
  });

  it('needs facts read for a spec', () => {
    expect(() => cloneRefusals(same, cloneScenario('same-host').spec)).toThrow(/for a spec/);
    expect(() => cloneWarnings({ ...same }, cloneScenario('same-host').spec)).not.toThrow();
  });
});

describe('clone checks: warnings', () => {
  const warnings = (name: string) => {
    const s = cloneScenario(name);
    return cloneWarnings(s.facts, s.spec);
  };

  it('the clean scenarios warn of nothing', () => {
    for (const n of ['same-host', 'cross-host', 'paused']) expect([n, warnings(n)]).toEqual([n, []]);
  });

  it('a copy bigger than the pool’s room; a bridge the target lacks; NICs left on a network or bridge the target lacks', () => {
    const s = cloneScenario('no-room');
    const [mac0, mac1, mac2] = s.facts.source.xml.match(/<mac address='[^']+'/g)?.map((m) => m.slice(14, -1)) ?? [];
    expect(mac0).toBe(s.spec.nics[0]?.mac);
    expect(warnings('no-room')).toEqual([
      'The pool tcapt-small on lab-b has 1 MiB free; sda needs up to 2 MiB.',
      'lab-b has no bridge tcaptbr9: the clone will not start.',
      `lab-b has no network tcapt-net: map NIC ${mac1}.`,
      `lab-b has no bridge tcaptbr0: map NIC ${mac2} to one it has.`,
    ]);
  });

  it('a network that is not running', () => {
    expect(warnings('networks')).toEqual(['The network default is not running on lab-a: start it before the clone.']);
  });

  it('a machine type the target’s QEMU lacks (across hosts only)', () => {
    const s = cloneScenario('cross-host');
    const hv = s.facts.target.hypervisor;
    if (!hv) throw new Error('no hypervisor facts');
    const machine = /machine='([^']+)'/.exec(s.facts.source.xml)?.[1];
    expect(hv.machines).toContain(machine);
    const lacking = {
      ...s.facts,
      target: { ...s.facts.target, hypervisor: { ...hv, machines: hv.machines.filter((m) => m !== machine) } },
    };
    expect(cloneWarnings(lacking, s.spec)).toEqual([`lab-b’s QEMU has no machine type ${machine}: defining the clone will fail.`]);
    expect(cloneWarnings({ ...lacking, target: { ...lacking.target, crossHost: false } }, s.spec)).toEqual([]);
  });

  it('a network that runs, or one the target lacks (refused instead), is not warned about; a copy of a disk outside the pools neither', () => {
    const s = cloneScenario('networks');
    const nets = s.facts.target.networks?.map((n) => ({ ...n, active: true })) ?? [];
    expect(cloneWarnings({ ...s.facts, target: { ...s.facts.target, networks: nets } }, s.spec)).toEqual([]);
    expect(cloneWarnings({ ...s.facts, target: { ...s.facts.target, networks: [] } }, s.spec)).toEqual([]);
    const t = cloneScenario('taken');
    expect(cloneWarnings(t.facts, t.spec)).toEqual([]);
  });

  it('across hosts: a NIC left on a network or bridge the target has is not warned about', () => {
    const s = cloneScenario('no-room');
    const nets = [...(s.facts.target.networks ?? []), { name: 'tcapt-net', uuid: 'x', active: true }];
    const has = {
      ...s.facts,
      target: { ...s.facts.target, networks: nets, bridges: [...(s.facts.target.bridges ?? []), 'tcaptbr0', 'tcaptbr9'] },
    };
    expect(cloneWarnings(has, s.spec)).toEqual(['The pool tcapt-small on lab-b has 1 MiB free; sda needs up to 2 MiB.']);
  });

  it('a source without a machine type: no machine warning', () => {
    const s = cloneScenario('cross-host');
    const xml = s.facts.source.xml.replace(/ machine=['"][^'"]+['"]/, '');
    const hv = s.facts.target.hypervisor;
    if (!hv) throw new Error('no hypervisor facts');
    const f = { ...s.facts, source: { ...s.facts.source, xml }, target: { ...s.facts.target, hypervisor: { ...hv, machines: [] } } };
    expect(cloneWarnings(f, s.spec)).toEqual([]);
  });

  it('no room warning for a pool that is not running or when the copy fits exactly', () => {
    const s = cloneScenario('no-room');
    const pools =
      s.facts.spec?.pools.map((p) => (p.status === 'running' && p.name === 'tcapt-small' ? { ...p, available: 2097152 } : p)) ?? [];
    expect(cloneWarnings({ ...s.facts, spec: { ...specFacts(s.facts), pools } }, s.spec)[0]).toMatch(/^lab-b has no bridge/);
  });
});

describe('clone checks: the copy route and its size', () => {
  it('same host, shut off: libvirt’s create-from, the allocated bytes (at least 1)', () => {
    const f = cloneScenario('same-host').facts;
    expect(copyMethod(f)).toBe('create-from');
    expect(copyBytes(f, { capacity: 100, allocation: 40, physical: 60 })).toBe(40);
    expect(copyBytes(f, { capacity: 100, allocation: 0 })).toBe(1);
  });

  it('across hosts, or from a paused VM: streamed, the file’s size (physical, else capacity)', () => {
    for (const n of ['cross-host', 'paused', 'paused-cross-host']) {
      const f = cloneScenario(n).facts;
      expect(copyMethod(f)).toBe('stream');
      expect(copyBytes(f, { capacity: 100, allocation: 40, physical: 60 })).toBe(60);
      expect(copyBytes(f, { capacity: 100, allocation: 40 })).toBe(100);
    }
  });
});
