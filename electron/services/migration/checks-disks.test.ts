// Over 400 lines: one block per storage case (shared, copy, offline, unreadable facts, cache), each
// variant beside the capture it edits; split further, the shared helpers would be repeated.
// The disk checks (storage, disk-cache) and the disk plan from facts captured in the lab
// (fixtures/preflight/*.json, e2e/lab/capture-preflight-facts.ts). Each variant edits a copy of a
// captured scenario; the comment beside each edit says which fact changes and why.
import { describe, expect, it } from 'vitest';
import type { FileFact, PoolFact, ProbeFact, Read } from './facts';
import { checkOf, run, type Scenario, scenario } from './preflight.fixture';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

function ok<T>(r: Read<T>): T {
  if (!r.ok) throw new Error(`fixture read failed: ${r.error}`);
  return r.value;
}
/** A file fact of a probe (throws when the fixture has none). */
function fileOf(r: Read<ProbeFact>, path: string): FileFact {
  const f = ok(r).files[path];
  if (!f) throw new Error(`fixture has no file ${path}`);
  return f;
}
/** B's first (in the lab: only) pool. */
function pool(s: Scenario): PoolFact {
  const p = ok(s.facts.dstPools)[0];
  if (!p) throw new Error('fixture has no pool on B');
  return p;
}
/** Bytes as the checks print a size of a GiB or more. */
const gib = (b: number): string => `${(b / GiB).toFixed(1)} GiB`;
/** The scenario's only disk path (each throwaway VM has one disk, vda). */
const diskPath = (s: Scenario): string => Object.keys(ok(s.facts.srcProbe).files)[0] as string;
/** Replaces the first <disk> of both definitions. */
function setDisks(s: Scenario, disks: string): void {
  const re = /<disk [\s\S]*?<\/disk>/;
  s.facts.xml = s.facts.xml.replace(re, disks);
  if (s.facts.inactiveXml) s.facts.inactiveXml = s.facts.inactiveXml.replace(re, disks);
}

describe('storage, shared: the same file on both hosts (lab: the shared directory, ext4 on both)', () => {
  it('warn: the same file on a file system libvirt does not know as shared; --unsafe is planned', () => {
    const s = scenario('live-shared-unsafe');
    const pf = run(s);
    expect(checkOf(s, 'storage')).toEqual({
      id: 'storage',
      title: 'Storage',
      status: 'warn',
      message: 'The disks are shared between the hosts.',
      details: [
        `vda: ${diskPath(s)} is the same file on both hosts, on ext2/ext3 that libvirt does not recognise as shared: Vireo checked it and passes libvirt's --unsafe.`,
      ],
    });
    expect(pf.plan.flags).toEqual(['--live', '--persistent', '--undefinesource', '--unsafe']);
    expect(pf.plan.canStart).toBe(true);
  });

  it('pass: on NFS (a file system libvirt knows as shared) no --unsafe', () => {
    const s = scenario('live-shared-unsafe');
    // B's stat -f says nfs (upper case too: the comparison ignores case): libvirt sees it as shared.
    fileOf(s.facts.dstProbe, diskPath(s)).fs = 'NFS';
    const pf = run(s);
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'pass',
      message: 'The disks are shared between the hosts.',
      details: [`vda: ${diskPath(s)} is the same file on both hosts (NFS).`],
    });
    expect(pf.plan.flags).not.toContain('--unsafe');
  });

  it('pass: a read-only disk on a local file system needs no --unsafe; nor does an offline move', () => {
    const s = scenario('live-shared-unsafe');
    // vda marked <readonly/>: nothing is written, nothing can be lost at the switch-over.
    s.facts.xml = s.facts.xml.replace("<target dev='vda'", "<readonly/><target dev='vda'");
    expect(checkOf(s, 'storage').details).toEqual([`vda: ${diskPath(s)} is the same file on both hosts.`]);
    expect(run(s).plan.flags).not.toContain('--unsafe');
  });

  it('fail: the disk is not on B (lab: a volume of A’s default pool)', () => {
    const s = scenario('live-shared-disk-missing-on-b');
    const line = `${diskPath(s)} does not exist on lab-b. With shared storage both hosts must see the same file: mount it on lab-b, or choose Copy disks.`;
    expect(checkOf(s, 'storage')).toMatchObject({ status: 'fail', message: line, details: [`vda: ${line}`] });
    expect(run(s).plan.canStart).toBe(false);
  });

  it('fail: another file of another size on B; warn: the same size with another time; pass within 2 s', () => {
    const s = scenario('live-shared-unsafe');
    const b = fileOf(s.facts.dstProbe, diskPath(s));
    b.fs = 'nfs';
    // B's file is one byte bigger: not the file A's guest writes.
    b.size += 1;
    let c = checkOf(s, 'storage');
    expect(c.status).toBe('fail');
    expect(c.details).toEqual([
      `vda: lab-b has a different file at ${diskPath(s)} (0.2 MiB vs 0.2 MiB on lab-a): that is not the same storage.`,
    ]);
    // Same size, modified 3 s apart: probably a copy, not the same storage.
    b.size -= 1;
    b.mtime += 3;
    c = checkOf(s, 'storage');
    expect(c).toMatchObject({ status: 'warn' });
    expect(c.details?.[0]).toContain(', other modification time): that is not the same storage.');
    // 2 s apart: the clocks of two hosts; the same file.
    b.mtime -= 1;
    expect(checkOf(s, 'storage').status).toBe('pass');
    b.mtime -= 4;
    expect(checkOf(s, 'storage').status).toBe('pass');
  });

  it('pass: a VM without disks has nothing to check', () => {
    const s = scenario('live-shared-unsafe');
    // The definition loses its only disk.
    setDisks(s, '');
    expect(checkOf(s, 'storage')).toEqual({
      id: 'storage',
      title: 'Storage',
      status: 'pass',
      message: `${s.facts.domain.name} has no disks to check.`,
    });
  });

  it('pool volumes: warn shared (same pool name needed on B), fail copied; network disks pass', () => {
    const s = scenario('live-shared-unsafe');
    // vda becomes a pool volume, vdb an RBD disk: neither is probed as a file.
    setDisks(
      s,
      "<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='default' volume='x.qcow2'/><target dev='vda'/></disk>" +
        "<disk type='network' device='disk'><driver name='qemu' type='raw'/><source protocol='rbd' name='rbd/x'/><target dev='vdb'/></disk>",
    );
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'warn',
      details: [
        'vda: a pool volume (default/x.qcow2): it must exist in a pool of the same name on lab-b.',
        'vdb: network disk (rbd/x): reached by both hosts, not copied.',
      ],
    });
    s.spec.storage = 'copy';
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      message: 'a pool volume (default/x.qcow2): copying it is not supported; use shared storage.',
    });
    expect(run(s).plan.disks).toEqual([]);
  });

  it('a read-only CD-ROM in a copy is not copied: fail when B lacks it, pass when B has the same file', () => {
    const s = scenario('live-copy-default-pool');
    const ISO = '/srv/iso/x.iso';
    // A CD-ROM beside vda, present on A; B's probe does not have it.
    s.facts.xml = s.facts.xml.replace(
      '</devices>',
      `<disk type='file' device='cdrom'><source file='${ISO}'/><target dev='sda'/></disk></devices>`,
    );
    ok(s.facts.srcProbe).files[ISO] = { exists: true, size: 4 * MiB, mtime: 7, kind: 'regular file', fs: 'ext2/ext3' };
    let c = checkOf(s, 'storage');
    expect(c.status).toBe('fail');
    expect(c.details).toContain(`sda: ${ISO} (read-only, not copied) is missing on lab-b: copy it there, or eject it.`);
    expect(run(s).disks.find((d) => d.target === 'sda')).toMatchObject({ copy: false, readonly: true, bytes: 0, dest: ISO });
    // B has the same ISO.
    ok(s.facts.dstProbe).files[ISO] = { exists: true, size: 4 * MiB, mtime: 8, kind: 'regular file', fs: 'ext2/ext3' };
    c = checkOf(s, 'storage');
    expect(c.status).toBe('pass');
    expect(c.details).toContain(`sda: ${ISO} is the same file on both hosts.`);
  });
});

describe('storage, copy (lab: a qcow2 volume of 24 MiB in A’s default pool, B’s default pool has no such file)', () => {
  it('pass: copied into B’s default pool, its full virtual size (qcow2, live)', () => {
    const s = scenario('live-copy-default-pool');
    const p = diskPath(s);
    const pf = run(s);
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'pass',
      message: '24.0 MiB of disk data will be copied to lab-b.',
      details: [
        `vda: copied to ${p} in pool default on lab-b: 24.0 MiB (qcow2 copies its full virtual size).`,
        `Pool default on lab-b has room: ${gib(pool(s).available)} free for 24.0 MiB.`,
      ],
    });
    expect(pf.plan.copyBytes).toBe(24 * MiB);
    expect(pf.plan.disks).toEqual([{ target: 'vda', source: p, dest: p, pool: 'default', bytes: 24 * MiB }]);
    expect(pf.disks).toEqual([
      {
        target: 'vda',
        type: 'file',
        source: p,
        format: 'qcow2',
        readonly: false,
        cache: 'none',
        copy: true,
        dest: p,
        destPool: 'default',
        bytes: 24 * MiB,
        capacity: 24 * MiB,
        fileSize: 196616,
        srcVol: { pool: 'default', name: p.split('/').pop(), key: p },
        preexisting: false,
      },
    ]);
    expect(pf.plan.flags).toEqual(['--live', '--persistent', '--undefinesource', '--copy-storage-all']);
  });

  it.each([
    // The pool's free space against what the copy needs: at least the file (196616 bytes), at most the virtual size (24 MiB).
    [196615, 'fail', 'Pool default on lab-b has 0.2 MiB free; the copies need 0.2 MiB.'],
    [196616, 'warn', 'Pool default on lab-b has 0.2 MiB free: enough now, not if the disks fill up (24.0 MiB).'],
    [24 * MiB - 1, 'warn', 'Pool default on lab-b has 24.0 MiB free: enough now, not if the disks fill up (24.0 MiB).'],
    [24 * MiB, 'pass', 'Pool default on lab-b has room: 24.0 MiB free for 24.0 MiB.'],
  ] as const)('B’s pool with %d bytes free: %s', (available, status, line) => {
    const s = scenario('live-copy-default-pool');
    pool(s).available = available;
    const c = checkOf(s, 'storage');
    expect(c.status).toBe(status);
    expect(c.details?.at(-1)).toBe(line);
    expect(c.message).toBe(status === 'fail' ? line : '24.0 MiB of disk data will be copied to lab-b.');
  });

  it('two disks in one pool: their needs add up', () => {
    const s = scenario('live-copy-default-pool');
    const p2 = '/var/lib/libvirt/images/second.raw';
    // A second raw disk of 8 MiB (file 1 MiB) in the same pool on A.
    s.facts.xml = s.facts.xml.replace(
      '</devices>',
      `<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${p2}'/><target dev='vdb'/></disk></devices>`,
    );
    ok(s.facts.srcProbe).files[p2] = { exists: true, size: 1 * MiB, mtime: 1, kind: 'regular file', fs: 'ext2/ext3' };
    ok(s.facts.dstProbe).files[p2] = { exists: false, size: 0, mtime: 0, kind: '', fs: '' };
    s.facts.srcVols[p2] = {
      ok: true,
      value: { vol: { pool: 'default', name: 'second.raw', key: p2 }, capacity: 8 * MiB, allocation: 1 * MiB },
    };
    pool(s).available = 31 * MiB;
    const c = checkOf(s, 'storage');
    expect(c.details).toEqual([
      `vda: copied to ${diskPath(s)} in pool default on lab-b: 24.0 MiB (qcow2 copies its full virtual size).`,
      `vdb: copied to ${p2} in pool default on lab-b: 8.0 MiB.`,
      'Pool default on lab-b has 31.0 MiB free: enough now, not if the disks fill up (32.0 MiB).',
    ]);
    expect(run(s).plan.copyBytes).toBe(32 * MiB);
  });

  it('fail: a chosen pool B does not have (fix: choose a pool)', () => {
    const s = scenario('live-copy-chosen-pool-missing');
    expect(checkOf(s, 'storage')).toEqual({
      id: 'storage',
      title: 'Storage',
      status: 'fail',
      message: `lab-b has no storage pool named ${s.spec.destPool}.`,
      details: [`vda: lab-b has no storage pool named ${s.spec.destPool}.`],
      fix: {
        id: 'choose-pool',
        label: 'Choose a pool on lab-b',
        detail: 'The disks are placed in the pool you pick; the definition on lab-b points at them.',
      },
    });
    expect(run(s).plan.virsh).toContain(`--xml '<definition with the disks in pool ${s.spec.destPool}>'`);
  });

  it('pass: a chosen pool at another path; the disk goes to its directory and both definitions follow', () => {
    const s = scenario('live-copy-chosen-pool-missing');
    // B gets the chosen pool, at /srv/fast, with room.
    ok(s.facts.dstPools).push({ name: s.spec.destPool as string, path: '/srv/fast', active: true, available: 100 * GiB });
    const dest = `/srv/fast/${diskPath(s).split('/').pop()}`;
    ok(s.facts.dstProbe).files[dest] = { exists: false, size: 0, mtime: 0, kind: '', fs: '' };
    const pf = run(s);
    expect(checkOf(s, 'storage').status).toBe('pass');
    expect(pf.plan.disks).toEqual([{ target: 'vda', source: diskPath(s), dest, pool: s.spec.destPool, bytes: 24 * MiB }]);
    expect(pf.params.destination_xml).toContain(`<source file="${dest}"/>`);
    expect(pf.params.persistent_xml).toContain(`<source file="${dest}"/>`);
    // Not persisted on B: only the migration's own definition.
    s.spec.persist = false;
    expect(run(s).params.persistent_xml).toBeUndefined();
  });

  it('fail: no pool on B at the disk’s directory (lab: a directory of A that is no pool); qemu-img gave its virtual size', () => {
    const s = scenario('live-copy-no-pool-at-dir');
    const p = diskPath(s);
    const dir = p.slice(0, p.lastIndexOf('/'));
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      message: `lab-b has no storage pool at ${dir}, where libvirt would create the copy of ${p}. Pick a pool on lab-b, or define one at that directory.`,
      fix: { id: 'choose-pool' },
    });
    // Not in a pool on A: the capacity comes from qemu-img (20 MiB), the file size from stat.
    expect(run(s).disks[0]).toMatchObject({ capacity: 20 * MiB, fileSize: 196616, bytes: 20 * MiB });
    expect(run(s).disks[0]?.srcVol).toBeUndefined();
    // qemu-img could not tell: the file size stands in.
    s.facts.imageInfo[p] = null;
    expect(run(s).disks[0]).toMatchObject({ capacity: 196616, bytes: 196616 });
  });

  it('pass: a chosen pool of B at another directory (lab): the disk goes there, both definitions follow', () => {
    const s = scenario('live-copy-chosen-pool');
    const chosen = ok(s.facts.dstPools).find((p) => p.name === s.spec.destPool);
    const dest = `${chosen?.path}/${diskPath(s).split('/').pop()}`;
    const pf = run(s);
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'pass',
      details: [
        `vda: copied to ${dest} in pool ${s.spec.destPool} on lab-b: 24.0 MiB (qcow2 copies its full virtual size).`,
        `Pool ${s.spec.destPool} on lab-b has room: ${gib(chosen?.available ?? 0)} free for 24.0 MiB.`,
      ],
    });
    expect(pf.plan.disks).toEqual([{ target: 'vda', source: diskPath(s), dest, pool: s.spec.destPool, bytes: 24 * MiB }]);
    expect(pf.params.destination_xml).toContain(`<source file="${dest}"/>`);
    expect(pf.params.persistent_xml).toContain(`<source file="${dest}"/>`);
  });

  it('fail: the chosen pool is defined on B but not started (lab; no fix: starting it is for the admin)', () => {
    const s = scenario('live-copy-chosen-pool-inactive');
    const c = checkOf(s, 'storage');
    expect(c).toMatchObject({ status: 'fail', message: `pool ${s.spec.destPool} on lab-b is not active: start it on lab-b.` });
    expect(c.fix).toBeUndefined();
  });

  it('fail: B already has a 1 MiB volume at the disk’s path (lab): too small for the 24 MiB disk', () => {
    const s = scenario('live-copy-volume-too-small-on-b');
    const p = diskPath(s);
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      details: [
        `vda: lab-b already has ${p}, too small (1.0 MiB, the disk is 24.0 MiB): libvirt would reuse it and the copy would fail. Remove or resize it on lab-b, or pick another pool.`,
      ],
    });
    expect(s.facts.dstVolCapacity[p]).toEqual({ ok: true, value: MiB });
    expect(run(s).disks[0]?.preexisting).toBe(true);
  });

  it('fail: B’s default pool is not active (the same rule, at the disk’s directory)', () => {
    const s = scenario('live-copy-default-pool');
    // B's default pool stopped.
    pool(s).active = false;
    const c = checkOf(s, 'storage');
    expect(c).toMatchObject({ status: 'fail', message: 'pool default on lab-b is not active: start it on lab-b.' });
    expect(c.fix).toBeUndefined();
  });

  it('fail: copying onto the very file the VM uses (shared storage seen from B)', () => {
    const s = scenario('live-shared-unsafe');
    // Copy the shared-directory disk, with a pool at that directory on B: B sees the very same file.
    s.spec.storage = 'copy';
    ok(s.facts.dstPools).push({ name: 'shared', path: '/tmp/vireo-lab/shared', active: true, available: GiB });
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      details: [
        `vda: lab-b sees the very file the VM uses at ${diskPath(s)} (shared storage): a copy there would write onto the running disk. Choose Shared storage, or pick another pool on lab-b.`,
      ],
    });
    // Without a pool there it is two failures.
    ok(s.facts.dstPools).pop();
    expect(checkOf(s, 'storage')).toMatchObject({ status: 'fail', message: '2 problems with the disks, below.' });
  });

  it.each([
    // A volume already at the destination path, its capacity as libvirt reports it: smaller, bigger, the same.
    [
      20 * MiB,
      'fail',
      'too small (20.0 MiB, the disk is 24.0 MiB): libvirt would reuse it and the copy would fail. Remove or resize it on lab-b, or pick another pool.',
    ],
    [
      30 * MiB,
      'fail',
      'bigger than the disk (30.0 MiB vs 24.0 MiB): QEMU copies only into a volume of the same size. Remove it on lab-b, or pick another pool.',
    ],
    [24 * MiB, 'warn', 'of the same size: the copy overwrites it.'],
  ] as const)('a volume already on B (%d bytes): %s', (capacity, status, tail) => {
    const s = scenario('live-copy-default-pool');
    const p = diskPath(s);
    // B has a file at the path, and libvirt knows it as a volume of that capacity.
    ok(s.facts.dstProbe).files[p] = { exists: true, size: 1000, mtime: 5, kind: 'regular file', fs: 'ext2/ext3' };
    s.facts.dstVolCapacity[p] = { ok: true, value: capacity };
    const c = checkOf(s, 'storage');
    expect(c.status).toBe(status);
    expect(c.details).toEqual([`vda: lab-b already has ${p}${tail.startsWith('of') ? ' ' : ', '}${tail}`]);
    expect(run(s).disks[0]?.preexisting).toBe(true);
  });

  it('a file on B that libvirt does not know as a volume: its size is what there is', () => {
    const s = scenario('live-copy-default-pool');
    const p = diskPath(s);
    // B has a 24 MiB file at the path; the volume lookup failed.
    ok(s.facts.dstProbe).files[p] = { exists: true, size: 24 * MiB, mtime: 5, kind: 'regular file', fs: 'ext2/ext3' };
    s.facts.dstVolCapacity[p] = { ok: false, error: 'Storage volume not found', code: 50 };
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'warn',
      details: [`vda: lab-b already has ${p} of the same size: the copy overwrites it.`],
    });
  });

  it('block devices in a live copy: fail missing on B, fail another size, warn the same size', () => {
    const s = scenario('live-copy-default-pool');
    const DEV = '/dev/vg0/x';
    // vda is an LVM volume of 8 GiB on A.
    setDisks(s, `<disk type='block' device='disk'><driver name='qemu' type='raw'/><source dev='${DEV}'/><target dev='vda'/></disk>`);
    ok(s.facts.srcProbe).files = { [DEV]: { exists: true, size: 8 * GiB, mtime: 1, kind: 'block special file', fs: 'tmpfs' } };
    ok(s.facts.dstProbe).files = { [DEV]: { exists: false, size: 0, mtime: 0, kind: '', fs: '' } };
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      details: [`vda: lab-b has no block device ${DEV} to copy into: create it (8.0 GiB) first.`],
    });
    // No entry at all in B's probe for the device: the same.
    delete ok(s.facts.dstProbe).files[DEV];
    expect(checkOf(s, 'storage').details).toEqual([`vda: lab-b has no block device ${DEV} to copy into: create it (8.0 GiB) first.`]);
    ok(s.facts.dstProbe).files[DEV] = { exists: true, size: 4 * GiB, mtime: 1, kind: 'block special file', fs: 'tmpfs' };
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      details: [`vda: ${DEV} on lab-b is 4.0 GiB, the disk is 8.0 GiB: the sizes must match.`],
    });
    fileOf(s.facts.dstProbe, DEV).size = 8 * GiB;
    expect(checkOf(s, 'storage')).toMatchObject({ status: 'warn', details: [`vda: ${DEV} on lab-b is overwritten by the copy.`] });
    expect(run(s).plan.disks).toEqual([{ target: 'vda', source: DEV, dest: DEV, bytes: 8 * GiB }]);
  });
});

describe('storage, offline copy (lab: a raw 8 MiB volume, VM shut off)', () => {
  it('pass: the file as it is on A is copied; virsh cannot do it alone', () => {
    const s = scenario('offline-copy');
    const p = diskPath(s);
    const pf = run(s);
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'pass',
      message: '8.0 MiB of disk data will be copied to lab-b.',
      details: [
        `vda: copied to ${p} in pool default on lab-b: 8.0 MiB.`,
        `Pool default on lab-b has room: ${gib(pool(s).available)} free for 8.0 MiB.`,
      ],
    });
    expect(pf.plan.flags).toEqual(['--offline', '--persistent', '--undefinesource']);
    expect(pf.plan.virsh).toBe(
      `# virsh cannot copy disks offline; Vireo copies them through libvirt's storage API first, then:\nvirsh -c qemu+ssh://root@10.203.0.1/system migrate --offline --persistent --undefinesource --verbose ${s.facts.domain.name} qemu+ssh://root@10.203.0.2/system`,
    );
  });

  it('offline needs exactly the file size in the pool', () => {
    const s = scenario('offline-copy');
    // 1 byte short of the 8 MiB raw file.
    pool(s).available = 8 * MiB - 1;
    expect(checkOf(s, 'storage').details?.at(-1)).toBe('Pool default on lab-b has 8.0 MiB free; the copies need 8.0 MiB.');
  });

  it('fail: a backing file, a disk outside any pool, a volume already on B', () => {
    let s = scenario('offline-copy');
    const p = diskPath(s);
    // The disk has a backing image: an offline copy would move only the top.
    s.facts.xml = s.facts.xml.replace(
      "<target dev='vda'",
      "<backingStore type='file'><format type='raw'/><source file='/b.raw'/></backingStore><target dev='vda'",
    );
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      details: [
        `vda: ${p} has a backing file; an offline copy moves only the top image. Copy the backing chain to lab-b first, or use shared storage.`,
      ],
    });
    s = scenario('offline-copy');
    // The volume lookup on A failed: the disk is in no pool, which an offline copy reads through.
    s.facts.srcVols[p] = { ok: false, error: 'Storage volume not found', code: 50 };
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'fail',
      details: [
        `vda: ${p} is not in a storage pool on lab-a; an offline copy reads disks through libvirt's storage pools. Define a pool for its directory on lab-a.`,
      ],
    });
    s = scenario('offline-copy');
    // B already has a file at the path: Vireo creates the volume itself and never overwrites one.
    ok(s.facts.dstProbe).files[p] = { exists: true, size: 8 * MiB, mtime: 1, kind: 'regular file', fs: 'ext2/ext3' };
    expect(checkOf(s, 'storage').details).toEqual([
      `vda: lab-b already has ${p}; Vireo does not overwrite a volume. Remove it on lab-b, or pick another pool.`,
    ]);
  });

  it('a live copy of a disk with a backing file flattens it', () => {
    const s = scenario('live-copy-default-pool');
    // The running VM's empty <backingStore/> (libvirt's "no backing image") becomes a backing image.
    s.facts.xml = s.facts.xml.replace(
      '<backingStore/>',
      "<backingStore type='file'><format type='raw'/><source file='/b.raw'/></backingStore>",
    );
    expect(checkOf(s, 'storage').details?.[0]).toBe(
      `vda: copied to ${diskPath(s)} in pool default on lab-b: 24.0 MiB (qcow2 copies its full virtual size), flattened (no backing file on B).`,
    );
  });
});

describe('storage: facts that could not be read', () => {
  it.each([
    ['dstPools', 'this function is not supported by the connection driver: virConnectListAllStoragePools'],
    ['srcProbe', 'lab-a: sh: 1: stat: Permission denied'],
    ['dstProbe', 'lab-b: exit 2'],
  ] as const)('%s failed: the check fails naming why, the plan has no disks', (field, error) => {
    const s = scenario('live-copy-default-pool');
    // The read of this fact failed with that message.
    s.facts[field] = { ok: false, error };
    const pf = run(s);
    expect(checkOf(s, 'storage')).toEqual({ id: 'storage', title: 'Storage', status: 'fail', message: `Could not check: ${error}` });
    expect(pf.disks).toEqual([]);
    expect(pf.plan.copyBytes).toBe(0);
    expect(pf.plan.canStart).toBe(false);
  });
});

describe('disk cache', () => {
  it("pass: cache='none' on shared storage (lab)", () => {
    expect(checkOf(scenario('live-shared-unsafe'), 'disk-cache')).toEqual({
      id: 'disk-cache',
      title: 'Disk cache mode',
      status: 'pass',
      message: 'Every writable disk bypasses the host page cache (or is not shared).',
      details: ["vda: cache='none'"],
    });
  });

  it("warn: cache='writeback' on shared storage, with the fix (lab)", () => {
    const s = scenario('live-writeback-custom-cpu');
    expect(checkOf(s, 'disk-cache')).toEqual({
      id: 'disk-cache',
      title: 'Disk cache mode',
      status: 'warn',
      message:
        'With shared storage, a cache mode other than none (or directsync) can lose or corrupt writes at the switch-over: libvirt calls such a migration unsafe.',
      details: ["vda: cache='writeback' — writes can sit in lab-a's page cache while lab-b opens the same file."],
      fix: {
        id: 'disk-cache-none',
        label: "Switch to cache='none'",
        detail: `Sets cache='none' on those disks in ${s.facts.domain.name}'s definition on lab-a; the migration gives lab-b the new mode. Running on lab-a, the VM keeps its current mode until restarted.`,
      },
    });
    expect(run(s).params.destination_xml).toBeUndefined();
  });

  it('warn without a fix: a transient VM has no definition to fix', () => {
    const s = scenario('live-writeback-custom-cpu');
    // The VM is transient: no persistent definition.
    s.facts.persistent = false;
    s.facts.inactiveXml = null;
    const c = checkOf(s, 'disk-cache');
    expect(c.status).toBe('warn');
    expect(c.fix).toBeUndefined();
  });

  it("pass: running with 'writeback', defined with 'none': B gets 'none' in the migration's definition (lab)", () => {
    const s = scenario('live-writeback-defined-none');
    const pf = run(s);
    expect(checkOf(s, 'disk-cache')).toMatchObject({
      status: 'pass',
      details: ["vda: runs with cache='writeback' until restarted; its definition has cache='none', which lab-b gets."],
    });
    expect(pf.params.destination_xml).toContain('cache="none"');
    expect(pf.params.destination_xml).not.toContain('writeback');
    expect(pf.params.persistent_xml).toBeUndefined();
    // directsync is as safe as none.
    s.facts.inactiveXml = (s.facts.inactiveXml as string).replace("cache='none'", "cache='directsync'");
    expect(run(s).params.destination_xml).toContain('cache="directsync"');
  });

  it('read-only, network and empty drives are not looked at; copies and offline moves pass', () => {
    const s = scenario('live-writeback-custom-cpu');
    // vda becomes read-only: no cached writes.
    s.facts.xml = s.facts.xml.replace("<target dev='vda'", "<readonly/><target dev='vda'");
    expect(checkOf(s, 'disk-cache')).toEqual({
      id: 'disk-cache',
      title: 'Disk cache mode',
      status: 'pass',
      message: 'Every writable disk bypasses the host page cache (or is not shared).',
    });
    expect(checkOf(scenario('live-copy-default-pool'), 'disk-cache').message).toBe(
      'The disks are copied by QEMU during the migration: their cache mode does not matter.',
    );
    const off = scenario('live-writeback-custom-cpu');
    // Offline (and shut off): no QEMU holds cached writes.
    off.spec.mode = 'offline';
    off.facts.state = 'shutoff';
    expect(checkOf(off, 'disk-cache')).toMatchObject({ status: 'pass', message: 'Offline: no running QEMU holds cached writes.' });
  });
});

describe('storage: edges the mutation run found', () => {
  it('the file size comes from the volume when A’s probe did not see the file', () => {
    const s = scenario('offline-copy');
    // A's probe lost the file (it vanished between the two reads): the pool's allocation stands in.
    delete ok(s.facts.srcProbe).files[diskPath(s)];
    expect(run(s).disks[0]).toMatchObject({ fileSize: 8 * MiB, capacity: 8 * MiB, bytes: 8 * MiB });
  });

  it('qemu-img’s virtual size is used only for a copied image outside any pool', () => {
    const s = scenario('live-copy-default-pool');
    // A qemu-img answer that must be ignored: the disk is a pool volume, whose capacity libvirt gives.
    s.facts.imageInfo[diskPath(s)] = { virtualSize: 99 * MiB, format: 'qcow2' };
    expect(run(s).disks[0]?.capacity).toBe(24 * MiB);
    const shared = scenario('live-shared-unsafe');
    // Not copied: the file's size on A stands, whatever qemu-img says.
    shared.facts.imageInfo[diskPath(shared)] = { virtualSize: 99 * MiB, format: 'qcow2' };
    expect(run(shared).disks[0]?.capacity).toBe(196616);
    const raw = scenario('live-copy-no-pool-at-dir');
    // A raw image outside a pool: its file size is its size.
    raw.facts.xml = raw.facts.xml.replace("type='qcow2'", "type='raw'");
    expect(run(raw).disks[0]?.capacity).toBe(196616);
  });

  it('no --unsafe when the disks could not be checked', () => {
    const s = scenario('live-shared-unsafe');
    s.facts.dstPools = { ok: false, error: 'lab-b: channel closed' };
    expect(run(s).plan.flags).not.toContain('--unsafe');
  });

  it('copying onto the same path on shared storage: the very file within 2 s, another file beyond', () => {
    const s = scenario('live-shared-unsafe');
    const p = diskPath(s);
    // Copy, with a pool at the shared directory on B; B's file modified 2 s later: the same file.
    s.spec.storage = 'copy';
    ok(s.facts.dstPools).push({ name: 'shared', path: '/tmp/vireo-lab/shared', active: true, available: GiB });
    fileOf(s.facts.dstProbe, p).mtime += 2;
    expect(checkOf(s, 'storage').details?.[0]).toContain('sees the very file the VM uses');
    // 3 s: another file of the same size, which the copy overwrites.
    fileOf(s.facts.dstProbe, p).mtime += 1;
    expect(checkOf(s, 'storage')).toMatchObject({
      status: 'warn',
      details: [`vda: lab-b already has ${p} of the same size: the copy overwrites it.`],
    });
    // A's probe did not see it: not provably the same file.
    delete ok(s.facts.srcProbe).files[p];
    expect(checkOf(s, 'storage').details?.[0]).not.toContain('very file');
  });

  it('a copy that fails for a missing pool and something else still offers to choose a pool', () => {
    const s = scenario('live-copy-no-pool-at-dir');
    const ISO = '/srv/iso/x.iso';
    // A CD-ROM B lacks beside the disk with no pool at its directory.
    s.facts.xml = s.facts.xml.replace(
      '</devices>',
      `<disk type='file' device='cdrom'><source file='${ISO}'/><target dev='sda'/></disk></devices>`,
    );
    const c = checkOf(s, 'storage');
    expect(c.message).toBe('2 problems with the disks, below.');
    expect(c.fix?.id).toBe('choose-pool');
  });

  it('a network disk’s cache mode is not the host’s page cache', () => {
    const s = scenario('live-shared-unsafe');
    // An RBD disk with cache='writeback' beside vda (cache='none').
    s.facts.xml = s.facts.xml.replace(
      '</devices>',
      "<disk type='network' device='disk'><driver name='qemu' type='raw' cache='writeback'/><source protocol='rbd' name='rbd/x'/><target dev='vdb'/></disk></devices>",
    );
    expect(checkOf(s, 'disk-cache')).toMatchObject({ status: 'pass', details: ["vda: cache='none'"] });
  });
});
