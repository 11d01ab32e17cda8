// StorageService against lab host A: a dir pool of its own (st18-lab-*) defined, built, started,
// autostarted, with volumes created, resized offline and live (through a throwaway running VM,
// the guest's /sys/block size checked), deletes refused while in use; pool events seen. Everything
// is compared with virsh on the host and removed at the end.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestExec, LabCommandError, labSh, waitForDomainState } from '../../../e2e/lab/lab';
import type { Events } from '../../../shared/api';
import { type OpenHost, openHost, throwawayXml, until, virsh, virshStatus } from '../../libvirt/lab-fixture';
import { EventRelays } from '../../libvirt/relay';
import { StorageService } from './service';

const run = randomBytes(3).toString('hex');
const HOST = 'lab-a';
const pool = `st18-lab-${run} "q" <&>`;
const dir = `/var/lib/libvirt/st18-lab-${run}`;
const vm = `st18-lab-vm-${run}`;
const MiB = 1024 * 1024;
const xmlFile = `/tmp/st18-lab-${run}.xml`;
const otherVol = `st18-lab-${run}.raw`;
const offVm = `st18-lab-off-${run}`;
const offXmlFile = `/tmp/st18-lab-off-${run}.xml`;

let A: OpenHost;
let storage: StorageService;
const changed: Events['storage.changed'][] = [];
const hosts = new EventEmitter() as EventEmitter & { connection: () => OpenHost['conn']; name: () => string };

beforeAll(async () => {
  A = await openHost('A');
  hosts.connection = () => A.conn;
  hosts.name = () => HOST;
  storage = new StorageService(
    hosts as never,
    { emit: (_e: 'storage.changed', p: Events['storage.changed']) => void changed.push(p) } as never,
    new EventRelays(),
  );
  hosts.emit('connected', HOST, A.conn);
});

afterAll(async () => {
  await virshStatus('A', ['destroy', vm]);
  await virshStatus('A', ['undefine', offVm]);
  rmSync(offXmlFile, { force: true });
  await virshStatus('A', ['pool-destroy', pool]);
  await virshStatus('A', ['pool-delete', pool]);
  await virshStatus('A', ['pool-undefine', pool]);
  await labSh(['exec', 'A', 'rm', '-rf', dir]);
  await virshStatus('A', ['vol-delete', '--pool', 'default', otherVol]);
  rmSync(xmlFile, { force: true });
  storage?.dispose();
  await A?.close();
});

describe('storage pools and volumes on lab A', () => {
  it('defines, builds, starts and autostarts a dir pool; libvirt’s events reach storage.changed', async () => {
    const row = await storage.definePool({ hostId: HOST, name: pool, type: 'dir', targetPath: dir });
    expect(row).toMatchObject({ name: pool, state: 'inactive', type: 'dir', targetPath: dir, autostart: false, persistent: true });
    await storage.poolAction(HOST, pool, 'build');
    expect((await virsh('A', ['pool-info', pool])).trim()).toMatch(/State:\s+inactive/);
    await storage.poolAction(HOST, pool, 'start');
    await storage.setAutostart(HOST, pool, true);
    const info = await virsh('A', ['pool-info', pool]);
    expect(info).toMatch(/State:\s+running/);
    expect(info).toMatch(/Autostart:\s+yes/);
    const listed = (await storage.pools(HOST)).find((p) => p.name === pool);
    expect(listed).toMatchObject({ state: 'running', autostart: true });
    expect(listed?.capacity).toBeGreaterThan(0);
    // virsh stops it: the lifecycle event arrives as storage.changed.
    changed.length = 0;
    await virsh('A', ['pool-destroy', pool]);
    await until(async () => (changed.some((c) => c.pool === pool) ? true : undefined), 10_000);
    await storage.poolAction(HOST, pool, 'start');
  });

  it('creates a qcow2 volume and an overlay on it, resizes offline, refuses shrinking', async () => {
    const v = await storage.createVolume({ hostId: HOST, pool, name: 'd1 "x".qcow2', format: 'qcow2', capacity: 16 * MiB });
    expect(v).toEqual({ name: 'd1 "x".qcow2', format: 'qcow2', path: `${dir}/d1 "x".qcow2` });
    expect(await storage.volume(HOST, pool, 'd1 "x".qcow2')).toMatchObject({ format: 'qcow2', capacity: 16 * MiB, path: v.path });
    const o = await storage.createVolume({
      hostId: HOST,
      pool,
      name: 'o1.qcow2',
      format: 'qcow2',
      capacity: 16 * MiB,
      backing: 'd1 "x".qcow2',
    });
    expect(o.backing).toBe(v.path);
    await storage.createVolume({ hostId: HOST, pool, name: 'r1.raw', format: 'raw', capacity: 8 * MiB, allocation: 8 * MiB });
    expect((await storage.volume(HOST, pool, 'r1.raw')).allocation).toBeGreaterThanOrEqual(8 * MiB);
    const r = await storage.resizeVolume(HOST, pool, 'r1.raw', 12 * MiB);
    expect(r).toEqual({ mode: 'offline', through: [], capacity: 12 * MiB });
    expect(await virsh('A', ['vol-info', '--pool', pool, 'r1.raw', '--bytes'])).toMatch(new RegExp(`Capacity:\\s+${12 * MiB} bytes`));
    await expect(storage.resizeVolume(HOST, pool, 'r1.raw', 4 * MiB)).rejects.toThrow(/smaller/);
    await storage.deleteVolume(HOST, pool, 'o1.qcow2');
  });

  it('clones a volume within the pool and into another pool (same bytes), wipes one to zeroes', async () => {
    await labSh(['exec', 'A', 'sh', '-c', 'head -c 1048576 /dev/urandom | dd of="$1" conv=notrunc status=none', 'sh', `${dir}/r1.raw`]);
    const sum = async (p: string) => (await labSh(['exec', 'A', 'sha256sum', p])).stdout.split(' ')[0];
    const c = await storage.cloneVolume(HOST, pool, 'r1.raw', 'c1 "x".raw', pool);
    expect(c).toMatchObject({ name: 'c1 "x".raw', format: 'raw', capacity: 12 * MiB, users: [] });
    expect(await sum(c.path)).toBe(await sum(`${dir}/r1.raw`));
    const other = await storage.cloneVolume(HOST, pool, 'r1.raw', `${otherVol}`, 'default');
    expect(other.path).toBe(`/var/lib/libvirt/images/${otherVol}`);
    expect(await sum(other.path)).toBe(await sum(`${dir}/r1.raw`));
    await storage.deleteVolume(HOST, 'default', otherVol);
    await storage.wipeVolume(HOST, pool, 'c1 "x".raw');
    await labSh(['exec', 'A', 'cmp', '-n', String(12 * MiB), c.path, '/dev/zero']);
    await expect(storage.cloneVolume(HOST, pool, 'r1.raw', 'c1 "x".raw', pool)).rejects.toThrow(/exists|already/);
    await storage.deleteVolume(HOST, pool, 'c1 "x".raw');
  });

  it('clones 256 MiB of data reporting the bytes written as it goes, ending at the whole', async () => {
    const size = 256 * MiB;
    await labSh(['exec', 'A', 'sh', '-c', `head -c ${size} /dev/urandom > "$1"`, 'sh', `${dir}/big.raw`]);
    await storage.poolAction(HOST, pool, 'refresh');
    const seen: [number, number][] = [];
    const t0 = Date.now();
    const c = await storage.cloneVolume(HOST, pool, 'big.raw', 'big-copy.raw', pool, (b, t) => void seen.push([b, t]));
    const ms = Date.now() - t0;
    expect(c.capacity).toBe(size);
    const total = seen.at(-1)?.[1] ?? 0;
    expect(total).toBeGreaterThanOrEqual(size);
    expect(seen.at(-1)?.[0]).toBe(total);
    // Never backwards, never past the whole.
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.[0]).toBeGreaterThanOrEqual(seen[i - 1]?.[0] ?? 0);
    console.log(`clone of 256 MiB: ${ms} ms, progress ${seen.map(([b]) => Math.round((100 * b) / total)).join(' ')}`);
    // A copy that takes over a second is seen part way.
    if (ms > 1200) expect(seen.some(([b]) => b > 0 && b < total)).toBe(true);
    await storage.deleteVolume(HOST, pool, 'big-copy.raw');
    await storage.deleteVolume(HOST, pool, 'big.raw');
  }, 60_000);

  it('resizes live through a running VM (the guest sees it) and refuses deletes while attached', async () => {
    writeFileSync(xmlFile, throwawayXml(vm, { disk: `${dir}/r1.raw` }));
    await virsh('A', ['create', xmlFile]); // transient: gone when destroyed
    await waitForDomainState('A', vm, 'running');
    await until(
      async () => ((await guestExec('A', vm, 'cat /sys/block/vda/size').catch(() => '')).trim() ? true : undefined),
      60_000,
      1000,
    );
    const [row] = (await storage.volumes(HOST, pool)).filter((x) => x.name === 'r1.raw');
    expect(row).toMatchObject({ users: [vm], liveUsers: [vm] });
    const r = await storage.resizeVolume(HOST, pool, 'r1.raw', 20 * MiB);
    expect(r).toEqual({ mode: 'live', through: [{ domain: vm, target: 'vda' }], capacity: 20 * MiB });
    expect((await guestExec('A', vm, 'cat /sys/block/vda/size')).trim()).toBe(String((20 * MiB) / 512));
    await expect(storage.deleteVolume(HOST, pool, 'r1.raw')).rejects.toThrow(`it is a disk of ${vm}`);
    await expect(storage.wipeVolume(HOST, pool, 'r1.raw')).rejects.toThrow(`Cannot wipe volume r1.raw: it is a disk of ${vm}`);
    await expect(storage.cloneVolume(HOST, pool, 'r1.raw', 'c2.raw', pool)).rejects.toThrow(`while ${vm} is running with it`);
    await expect(storage.poolAction(HOST, pool, 'undefine')).rejects.toThrow(`its volumes are disks of ${vm}`);

    // A disk attached with virsh behind Vireo's back (live to the running VM, --config to a
    // shut-off one: libvirt sends no event for the latter) blocks the delete at once.
    await storage.createVolume({ hostId: HOST, pool, name: 'r2.raw', format: 'raw', capacity: 4 * MiB });
    await storage.createVolume({ hostId: HOST, pool, name: 'r3.raw', format: 'raw', capacity: 4 * MiB });
    await storage.volumes(HOST, pool);
    await virsh('A', ['attach-disk', vm, `${dir}/r2.raw`, 'vdb', '--live']);
    await expect(storage.deleteVolume(HOST, pool, 'r2.raw')).rejects.toThrow(`Cannot delete volume r2.raw: it is a disk of ${vm}`);
    await virsh('A', ['detach-disk', vm, 'vdb', '--live']);
    await until(
      async () => ((await storage.volumes(HOST, pool)).find((x) => x.name === 'r2.raw')?.users.length === 0 ? true : undefined),
      20_000,
    );
    writeFileSync(offXmlFile, throwawayXml(offVm));
    await virsh('A', ['define', offXmlFile]);
    await storage.volumes(HOST, pool); // the shut-off VM's disks are in the cache now
    await virsh('A', ['attach-disk', offVm, `${dir}/r3.raw`, 'vdb', '--config']);
    await expect(storage.deleteVolume(HOST, pool, 'r3.raw')).rejects.toThrow(`Cannot delete volume r3.raw: it is a disk of ${offVm}`);
    await virsh('A', ['undefine', offVm]);
    await storage.deleteVolume(HOST, pool, 'r3.raw');
    await storage.deleteVolume(HOST, pool, 'r2.raw');

    await virsh('A', ['destroy', vm]);
    await storage.deleteVolume(HOST, pool, 'r1.raw');
    await storage.deleteVolume(HOST, pool, 'd1 "x".qcow2');
    expect(await virsh('A', ['vol-list', pool])).not.toContain('r1.raw');
  }, 90_000);

  it('stops, deletes and undefines the pool', async () => {
    await storage.poolAction(HOST, pool, 'stop');
    await storage.poolAction(HOST, pool, 'delete');
    await storage.poolAction(HOST, pool, 'undefine');
    expect((await virshStatus('A', ['pool-info', pool])).code).not.toBe(0);
    await expect(labSh(['exec', 'A', 'test', '-e', dir])).rejects.toBeInstanceOf(LabCommandError);
    await expect(storage.poolAction(HOST, pool, 'start')).rejects.toThrow(/no pool/);
  });
});
