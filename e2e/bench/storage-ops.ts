/**
 * storage-ops (ms): the seed's storage sequence on lab host A — a dir pool defined, built and
 * started; a 64 MiB qcow2 volume created in it, resized to 128 MiB, deleted — through Vireo's
 * storage service (its checks included: who uses the volume before the resize and the delete)
 * against virsh doing the same commands. Like for like: both warm — Vireo on an open
 * LibvirtConnection over SSH, virsh one interactive process connected before the clock, fed the
 * six commands in one write. Each run makes its own pool (st18-bench-*); removing it (stop,
 * delete, undefine) is not timed, on either side.
 *
 * The service is built as the app builds it (told the host is connected: pool and domain
 * lifecycle events); setup lists the pools once, as the Storage tab does before any action. The
 * service keeps each pool's reference (from the list or the define) and the host's domain list
 * (renewed by lifecycle events), so an action needs no lookup first; every VM's disks are still
 * read afresh before the resize and the delete.
 *
 * extra: the same six libvirt calls through Vireo's typed wrappers alone (no lookups by the
 * service, no check of who uses the volume), to tell the wire's cost from the checks' cost.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { type OpenHost, openHost } from '../../electron/libvirt/lab-fixture';
import { EventRelays } from '../../electron/libvirt/relay';
import { poolBuild, poolCreate, poolDefineXml, volCreateXml, volDelete, volResize } from '../../electron/libvirt/storage';
import { StorageService } from '../../electron/services/storage/service';
import { buildPoolXml } from '../../electron/xml/pool';
import { buildVolumeXml } from '../../electron/xml/volume';
import { VirshShell, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const HOST = 'lab-a';
const MiB = 1024 * 1024;
const tag = randomBytes(3).toString('hex');
let n = 0;
let conn: OpenHost | undefined;
let shell: VirshShell | undefined;
let storage: StorageService | undefined;
const made: string[] = [];

const next = () => {
  const name = `st18-bench-${tag}-${++n}`;
  made.push(name);
  return { name, dir: `/var/lib/libvirt/${name}` };
};

async function removePool(name: string): Promise<void> {
  if (!shell) return;
  await shell.run([`pool-destroy ${name}`, `pool-delete ${name}`, `pool-undefine ${name}`]).catch(() => {});
}

const bench: Bench = {
  name: 'storage-ops',
  unit: 'ms',
  // A run is ~30-60 ms and the spread between runs (QEMU's qemu-img on a shared 2-core machine)
  // is larger than the difference measured: 21 runs per side for a steadier median.
  runs: 21,
  baselineLabel: 'virsh pool-define-as, pool-build, pool-start, vol-create-as, vol-resize, vol-delete (interactive, connected)',
  async setup() {
    const c = await openHost('A');
    conn = c;
    shell = await VirshShell.open(virshUri('A'));
    // The service as the app builds it, on this one warm connection, told the host is connected.
    const hosts = Object.assign(new EventEmitter(), { connection: () => c.conn, name: () => HOST });
    storage = new StorageService(hosts as never, { emit: () => {} }, new EventRelays());
    hosts.emit('connected', HOST, c.conn);
    if (!(await storage.domainList(HOST)?.ready)) throw new Error('the domain events could not be registered');
    await storage.pools(HOST);
  },
  async vireo() {
    if (!storage) throw new Error('setup did not run');
    const { name, dir } = next();
    const t0 = performance.now();
    await storage.definePool({ hostId: HOST, name, type: 'dir', targetPath: dir });
    await storage.poolAction(HOST, name, 'build');
    await storage.poolAction(HOST, name, 'start');
    await storage.createVolume({ hostId: HOST, pool: name, name: 'v.qcow2', format: 'qcow2', capacity: 64 * MiB });
    await storage.resizeVolume(HOST, name, 'v.qcow2', 128 * MiB);
    await storage.deleteVolume(HOST, name, 'v.qcow2');
    const ms = performance.now() - t0;
    await removePool(name);
    return ms;
  },
  async baseline() {
    if (!shell) throw new Error('setup did not run');
    const { name, dir } = next();
    const t0 = performance.now();
    const out = await shell.run([
      `pool-define-as ${name} dir --target ${dir}`,
      `pool-build ${name}`,
      `pool-start ${name}`,
      `vol-create-as ${name} v.qcow2 64M --format qcow2`,
      `vol-resize v.qcow2 128M --pool ${name}`,
      `vol-delete v.qcow2 --pool ${name}`,
    ]);
    const ms = performance.now() - t0;
    if (!out.some((l) => /Vol v\.qcow2 deleted/.test(l))) throw new Error(`virsh did not finish: ${out.join(' | ')}`);
    await removePool(name);
    return ms;
  },
  async extra() {
    if (!conn) throw new Error('setup did not run');
    const rpc = conn.rpc;
    const raw: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { name, dir } = next();
      const t0 = performance.now();
      const p = await poolDefineXml(rpc, { xml: buildPoolXml({ type: 'dir', name, targetPath: dir }) });
      await poolBuild(rpc, p);
      await poolCreate(rpc, p);
      const v = await volCreateXml(rpc, p, { xml: buildVolumeXml({ name: 'v.qcow2', format: 'qcow2', capacity: 64 * MiB }) });
      await volResize(rpc, v, { capacity: 128 * MiB });
      await volDelete(rpc, v);
      raw.push(performance.now() - t0);
      await removePool(name);
    }
    return { 'vireo wrappers only, no checks (ms)': median(raw) };
  },
  async teardown() {
    for (const name of made) await removePool(name);
    storage?.dispose();
    await shell?.close();
    await conn?.close();
    storage = undefined;
    shell = undefined;
    conn = undefined;
  },
};
export default bench;
