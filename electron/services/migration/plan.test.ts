// The plan of a migration, pure: the flags, typed params and virsh line of a spec, and the
// ordered steps for each mode / storage / transport the wizard offers, from pre-flight facts
// captured in the lab (fixtures/preflight/*.json, see preflight's capture) run through the pure
// checks (preflightFromFacts) — so the plan is tested on what real hosts report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MigrationSpec } from '../../../shared/api';
import { MigrateFlags } from '../../libvirt/protocol';
import type { PreflightFacts } from './facts';
import {
  defaultPeerUri,
  flagNames,
  liveCopyTargets,
  migrationFlags,
  migrationParams,
  offlineCopies,
  type PlannedDisk,
  type PreflightResult,
  planFollow,
  planRun,
  virshCommand,
} from './plan';
import { preflightFromFacts } from './preflight';

const { LIVE, OFFLINE, PEER2PEER, TUNNELLED, PERSIST_DEST, UNDEFINE_SOURCE, NON_SHARED_DISK, UNSAFE } = MigrateFlags;

function capture(name: string): { spec: MigrationSpec; facts: PreflightFacts } {
  const j = JSON.parse(readFileSync(new URL(`./fixtures/preflight/${name}.json`, import.meta.url), 'utf8')) as {
    spec: MigrationSpec;
    facts: PreflightFacts;
  };
  return { spec: j.spec, facts: j.facts };
}

/** The plan for a captured scenario, with the spec changed as the wizard would. */
function planOf(name: string, change: Partial<MigrationSpec> = {}) {
  const c = capture(name);
  const spec = { ...c.spec, ...change };
  const pre = preflightFromFacts(c.facts, spec);
  // The captured VM's name (each capture makes its own throwaway guest).
  const vm = c.facts.domain.name;
  return { spec, pre, plan: planRun(spec, pre), vm };
}

const kinds = (p: ReturnType<typeof planRun>) => p.steps.map((s) => s.kind);
const migrateStep = (p: ReturnType<typeof planRun>) => {
  const m = p.steps.find((s) => s.kind === 'migrate');
  if (m?.kind !== 'migrate') throw new Error('no migrate step');
  return m;
};

describe('the plan for each mode, storage and transport the wizard offers (lab captures)', () => {
  it('live, shared storage, direct: only the migration, held by the app, followed live', () => {
    const { plan, vm } = planOf('live-shared-unsafe');
    expect(kinds(plan)).toEqual(['migrate', 'check-placement', 'complete-definitions']);
    expect(migrateStep(plan)).toEqual({
      kind: 'migrate',
      transport: 'direct',
      flags: LIVE | PERSIST_DEST | UNDEFINE_SOURCE | UNSAFE,
      params: {},
      follow: true,
    });
    expect(plan.creates).toEqual([]);
    expect(plan).toMatchObject({ name: vm, destName: vm, mode: 'live', wasPaused: false });
    expect(plan.steps.at(-1)).toEqual({ kind: 'complete-definitions', persist: true, undefineSource: true });
  });

  it('live, shared storage, peer-to-peer: the source drives it to the URI it reaches the destination by', () => {
    const { plan } = planOf('live-shared-p2p');
    expect(kinds(plan)).toEqual(['migrate', 'check-placement', 'complete-definitions']);
    const m = migrateStep(plan);
    expect(m.transport).toBe('p2p');
    expect(m.peerUri).toBe('qemu+ssh://root@10.203.0.2/system');
    expect(m.flags & PEER2PEER).toBe(PEER2PEER);
    expect(m.flags & TUNNELLED).toBe(0);
    expect(m.follow).toBe(true);
  });

  it('live, shared, peer-to-peer tunnelled: the stream goes through the daemons', () => {
    const { plan } = planOf('live-shared-p2p', { tunnelled: true });
    expect(migrateStep(plan).flags & (PEER2PEER | TUNNELLED)).toBe(PEER2PEER | TUNNELLED);
  });

  it('live, copy, direct: libvirt creates the destination volumes; what it knew there before is asked first', () => {
    const { plan, vm } = planOf('live-copy-default-pool');
    expect(kinds(plan)).toEqual(['record-destination-volumes', 'migrate', 'check-placement', 'complete-definitions']);
    expect(plan.steps[0]).toEqual({
      kind: 'record-destination-volumes',
      targets: [{ path: `/var/lib/libvirt/images/${vm}.qcow2`, pool: 'default', probeSaw: false }],
    });
    expect(migrateStep(plan).flags).toBe(LIVE | PERSIST_DEST | UNDEFINE_SOURCE | NON_SHARED_DISK);
    expect(migrateStep(plan).peerUri).toBeUndefined();
    expect(plan.creates).toEqual([{ by: 'libvirt', path: `/var/lib/libvirt/images/${vm}.qcow2`, pool: 'default' }]);
  });

  it('live, copy, peer-to-peer: the same volumes, the source drives it', () => {
    const { plan } = planOf('live-copy-default-pool', { transport: 'p2p' });
    expect(kinds(plan)).toEqual(['record-destination-volumes', 'migrate', 'check-placement', 'complete-definitions']);
    expect(migrateStep(plan).flags & (PEER2PEER | NON_SHARED_DISK)).toBe(PEER2PEER | NON_SHARED_DISK);
    expect(migrateStep(plan).peerUri).toBe('qemu+ssh://root@10.203.0.2/system');
  });

  it('offline, copy: Vireo creates each volume (sparse, the file size, the format) and streams the disk, then moves the definition', () => {
    const { plan, vm } = planOf('offline-copy');
    expect(kinds(plan)).toEqual(['copy-disks', 'migrate', 'check-placement', 'complete-definitions']);
    const copy = plan.steps[0];
    if (copy?.kind !== 'copy-disks') throw new Error('no copy step');
    expect(copy.totalBytes).toBe(8388608);
    expect(copy.copies).toEqual([
      {
        target: 'vda',
        source: `/var/lib/libvirt/images/${vm}.raw`,
        srcVol: { pool: 'default', name: `${vm}.raw`, key: `/var/lib/libvirt/images/${vm}.raw` },
        pool: 'default',
        name: `${vm}.raw`,
        dest: `/var/lib/libvirt/images/${vm}.raw`,
        bytes: 8388608,
        xml: expect.stringContaining('<capacity unit="bytes">8388608</capacity>'),
      },
    ]);
    expect(copy.copies[0]?.xml).toContain('<allocation unit="bytes">0</allocation>');
    expect(copy.copies[0]?.xml).toContain('<format type="raw"/>');
    expect(migrateStep(plan)).toMatchObject({ transport: 'direct', flags: OFFLINE | PERSIST_DEST | UNDEFINE_SOURCE, follow: false });
    expect(plan.creates).toEqual([{ by: 'vireo', path: `/var/lib/libvirt/images/${vm}.raw`, pool: 'default' }]);
    expect(plan.mode).toBe('offline');
  });

  it('offline, copy, peer-to-peer: the copy first, then the source moves the definition', () => {
    const { plan } = planOf('offline-copy', { transport: 'p2p' });
    expect(kinds(plan)).toEqual(['copy-disks', 'migrate', 'check-placement', 'complete-definitions']);
    expect(migrateStep(plan)).toMatchObject({ transport: 'p2p', follow: false, peerUri: 'qemu+ssh://root@10.203.0.2/system' });
  });

  it('offline, shared: only the definition moves; nothing is created', () => {
    const { plan } = planOf('offline-copy', { storage: 'shared' });
    expect(kinds(plan)).toEqual(['migrate', 'check-placement', 'complete-definitions']);
    expect(migrateStep(plan).flags & OFFLINE).toBe(OFFLINE);
    expect(migrateStep(plan).flags & NON_SHARED_DISK).toBe(0);
    expect(plan.creates).toEqual([]);
  });

  it('keep the source definition, do not persist: complete-definitions asks for neither', () => {
    const { plan } = planOf('live-shared-unsafe', { persist: false, undefineSource: false });
    expect(plan.steps.at(-1)).toEqual({ kind: 'complete-definitions', persist: false, undefineSource: false });
  });

  it("the params are a copy: the run's changes do not reach the pre-flight's", () => {
    const { pre, plan } = planOf('live-shared-unsafe', { newName: 'renamed', bandwidthMiBps: 50 });
    const m = migrateStep(plan);
    expect(m.params).toMatchObject({ destination_name: 'renamed', bandwidth: 50 });
    m.params.bandwidth = 1;
    expect(pre.params.bandwidth).toBe(50);
  });

  it('a paused VM: the plan remembers it (a pause found after the job is not ours to undo)', () => {
    const c = capture('live-shared-unsafe');
    const pre = { ...preflightFromFacts(c.facts, c.spec), state: 'paused' as const };
    expect(planRun(c.spec, pre).wasPaused).toBe(true);
  });

  it('a migration found on a host: follow it, then check where the VM is; nothing to complete or undo', () => {
    const p = planFollow('tiny');
    expect(p).toMatchObject({ name: 'tiny', destName: 'tiny', mode: 'live', wasPaused: false, creates: [] });
    expect(p.steps).toEqual([
      { kind: 'migrate', transport: 'p2p', flags: 0, params: {}, follow: true, found: true },
      { kind: 'check-placement' },
      { kind: 'complete-definitions', persist: false, undefineSource: false },
    ]);
  });
});

describe('which disks are copied', () => {
  const disk = (o: Partial<PlannedDisk>): PlannedDisk => ({
    target: 'vda',
    type: 'file',
    source: '/a/x.qcow2',
    format: 'qcow2',
    copy: true,
    dest: '/b/x.qcow2',
    destPool: 'p',
    fileSize: 100,
    srcVol: { pool: 'sp', name: 'x.qcow2', key: '/a/x.qcow2' },
    preexisting: false,
    ...o,
  });

  it('offline: a disk not copied, without a source volume or without a destination pool is left out', () => {
    const list = offlineCopies([
      disk({ target: 'vda' }),
      disk({ target: 'vdb', copy: false }),
      disk({ target: 'vdc', srcVol: undefined }),
      disk({ target: 'vdd', destPool: undefined }),
      disk({ target: 'vde', format: 'raw', dest: '/b/sub/y.img' }),
    ] as PlannedDisk[]);
    expect(list.map((c) => c.target)).toEqual(['vda', 'vde']);
    expect(list[0]?.xml).toContain('<format type="qcow2"/>');
    expect(list[1]).toMatchObject({ name: 'y.img', pool: 'p' });
    expect(list[1]?.xml).toContain('<format type="raw"/>');
    // Any format but qcow2 is copied as raw bytes.
    expect(offlineCopies([disk({ format: 'vmdk' })])[0]?.xml).toContain('<format type="raw"/>');
  });

  it('live: only copied file disks (libvirt creates those), with what the probe saw', () => {
    expect(
      liveCopyTargets([
        disk({ dest: '/b/1' }),
        disk({ dest: '/b/2', type: 'block' }),
        disk({ dest: '/b/3', copy: false }),
        disk({ dest: '/b/4', preexisting: true, destPool: undefined }),
      ] as PlannedDisk[]),
    ).toEqual([
      { path: '/b/1', pool: 'p', probeSaw: false },
      { path: '/b/4', probeSaw: true },
    ]);
  });

  it('a pre-flight result written by hand fits (PreflightResult is what the plan needs)', () => {
    const pre: PreflightResult = { name: 'v', destName: 'w', state: 'running', disks: [], flags: 1, params: {} };
    const p = planRun(
      {
        hostId: 'a',
        uuid: '7e570000-0000-4000-8000-000000000001',
        destHostId: 'b',
        mode: 'live',
        storage: 'copy',
        transport: 'p2p',
        tunnelled: false,
        persist: true,
        undefineSource: true,
        postCopy: false,
        compression: 'none',
      },
      pre,
    );
    // No peer URI known: the step has none (the pre-flight's reach check fails first).
    expect(migrateStep(p).peerUri).toBeUndefined();
    expect(p.destName).toBe('w');
    expect(p.steps[0]).toEqual({ kind: 'record-destination-volumes', targets: [] });
  });

  it('flag names in virsh order', () => {
    expect(flagNames(LIVE | PEER2PEER | UNSAFE)).toEqual(['--live', '--p2p', '--unsafe']);
    expect(flagNames(0)).toEqual([]);
  });
});

describe('flags, params and the virsh command line', () => {
  const base = {
    hostId: 'lab-a',
    uuid: '7e570000-0000-4000-8000-000000000001',
    destHostId: 'lab-b',
    mode: 'live',
    storage: 'shared',
    transport: 'direct',
    tunnelled: false,
    persist: true,
    undefineSource: true,
    postCopy: false,
    compression: 'none',
  } as const;
  const host = (name: string, address: string) => ({
    id: name,
    spec: { name, transport: 'ssh' as const, address, user: 'root', uri: 'qemu:///system', auth: { kind: 'key' as const, path: '/k' } },
    state: { status: 'connected' as const, since: 0 },
  });

  it('live, shared on ext4: --live --persistent --undefinesource --unsafe', () => {
    const f = migrationFlags(base, true);
    expect(f).toBe(MigrateFlags.LIVE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE | MigrateFlags.UNSAFE);
    expect(virshCommand(base, host('lab-a', '10.203.0.1'), host('lab-b', '10.203.0.2'), 'tiny', f)).toBe(
      'virsh -c qemu+ssh://root@10.203.0.1/system migrate --live --persistent --undefinesource --unsafe --verbose tiny qemu+ssh://root@10.203.0.2/system',
    );
  });

  it('p2p tunnelled, copy storage, auto-converge, post-copy, zstd, new name', () => {
    const spec = {
      ...base,
      storage: 'copy',
      transport: 'p2p',
      tunnelled: false,
      autoConverge: { initial: 20, increment: 10 },
      postCopy: true,
      compression: 'zstd',
      bandwidthMiBps: 50,
      newName: 'tiny2',
    } as const;
    const f = migrationFlags(spec, false);
    for (const bit of [
      MigrateFlags.PEER2PEER,
      MigrateFlags.NON_SHARED_DISK,
      MigrateFlags.AUTO_CONVERGE,
      MigrateFlags.POSTCOPY,
      MigrateFlags.COMPRESSED,
      MigrateFlags.PARALLEL,
    ])
      expect(f & bit).toBe(bit);
    expect(f & MigrateFlags.UNSAFE).toBe(0);
    expect(migrationParams(spec, 'tiny')).toEqual({
      destination_name: 'tiny2',
      bandwidth: 50,
      'auto_converge.initial': 20,
      'auto_converge.increment': 10,
      compression: ['zstd'],
      'parallel.connections': 2,
    });
    const cmd = virshCommand(spec, host('a', '10.0.0.1'), host('b', '10.0.0.2'), 'tiny', f, 'qemu+ssh://10.0.0.2/system');
    expect(cmd).toContain('--p2p');
    expect(cmd).toContain('--dname tiny2');
    expect(cmd.endsWith('tiny qemu+ssh://10.0.0.2/system')).toBe(true);
  });

  it('offline moves the definition (no live flags)', () => {
    const f = migrationFlags({ ...base, mode: 'offline', storage: 'copy' }, false);
    expect(f).toBe(MigrateFlags.OFFLINE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE);
  });

  it('the destination URI the source uses: user, IPv6 brackets, a non-default port', () => {
    expect(defaultPeerUri(host('b', '10.203.0.2') as never)).toBe('qemu+ssh://root@10.203.0.2/system');
    expect(defaultPeerUri({ ...host('b', 'fd00::2'), spec: { ...host('b', 'fd00::2').spec, port: 2222 } } as never)).toBe(
      'qemu+ssh://root@[fd00::2]:2222/system',
    );
    expect(defaultPeerUri({ ...host('b', 'x'), spec: { name: 'b', transport: 'local', uri: 'qemu:///system' } } as never)).toBeUndefined();
  });
});
