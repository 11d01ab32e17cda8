/**
 * snapshot-ops (ms): on a running guest of its own (s22-bench-…, a copy of tiny with its own
 * qcow2 disk on lab host A), an internal snapshot created (memory included), reverted to and
 * deleted, then an external disk-only snapshot created and deleted (libvirt 9.0 merges it) —
 * through Vireo's snapshot service (its facts and checks before each step: the list, the offers,
 * the mixed-chain rule; the delete as a Job followed to its end) against virsh doing the same five
 * commands. Like for like: both warm — Vireo on an open LibvirtConnection over SSH, virsh one
 * interactive process connected before the clock, fed the five commands in one write.
 *
 * extra: the same five libvirt calls through the typed wrappers alone (no facts, no checks).
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { EventHub } from '../../electron/core/events';
import { domainLookupByUuid } from '../../electron/libvirt/domain';
import { SnapshotCreateFlags, snapshotCreateXml, snapshotDelete, snapshotRevert } from '../../electron/libvirt/snapshot';
import { JobManager } from '../../electron/services/jobs';
import { createSnapshotsFeature, type SnapshotsFeature } from '../../electron/services/snapshots/feature';
import { makeLabVm, removeLabVm } from '../../electron/services/snapshots/lab-vm.fixture';
import { buildSnapshotXml } from '../../electron/xml/snapshot';
import { type VireoConn, VirshShell, vireoConnect, virshUri } from './_virsh';
import { median } from './run';
import type { Bench } from './types';

const HOST = 'lab-a';
const VM = `s22-bench-${Math.random().toString(16).slice(2, 8)}`;
let uuid = '';
let n = 0;
let conn: VireoConn | undefined;
let shell: VirshShell | undefined;
let feature: SnapshotsFeature | undefined;
let jobs: JobManager | undefined;

async function jobEnd(id: string): Promise<void> {
  for (;;) {
    const j = jobs?.get(id);
    if (!j) throw new Error('no job manager');
    if (j.status === 'failed') throw new Error(j.error?.message ?? 'job failed');
    if (j.status !== 'running') return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const bench: Bench = {
  name: 'snapshot-ops',
  unit: 'ms',
  // QEMU's own work (saving and merging) varies by ±25 % run to run: 9 runs for a steady median.
  runs: 9,
  baselineLabel:
    'virsh snapshot-create-as, snapshot-revert, snapshot-delete, snapshot-create-as --disk-only --atomic, snapshot-delete (interactive, connected)',
  async setup() {
    await removeLabVm(VM);
    uuid = (await makeLabVm(VM)).uuid;
    const c = await vireoConnect('A');
    conn = c;
    shell = await VirshShell.open(virshUri('A'));
    const events = new EventHub();
    jobs = new JobManager(events);
    // The feature as the app builds it, on this one warm connection.
    const hosts = Object.assign(new EventEmitter(), { connection: () => ({ rpc: c.rpc }), name: () => HOST, connectedIds: () => [HOST] });
    feature = createSnapshotsFeature({ hosts, events, jobs } as never);
  },
  async vireo() {
    const h = feature?.handlers;
    if (!h) throw new Error('setup did not run');
    const i = `vi-${++n}`;
    const e = `ve-${n}`;
    const t0 = performance.now();
    await h['snapshots.create']({
      hostId: HOST,
      uuid,
      name: i,
      description: '',
      kind: 'internal',
      quiesce: false,
      memory: false,
      exclude: [],
    });
    await h['snapshots.revert']({ hostId: HOST, uuid, name: i });
    await jobEnd((await h['snapshots.delete']({ hostId: HOST, uuid, name: i, method: 'libvirt' })).id);
    await h['snapshots.create']({
      hostId: HOST,
      uuid,
      name: e,
      description: '',
      kind: 'external',
      quiesce: false,
      memory: false,
      exclude: [],
    });
    await jobEnd((await h['snapshots.delete']({ hostId: HOST, uuid, name: e, method: 'libvirt' })).id);
    return performance.now() - t0;
  },
  async baseline() {
    if (!shell) throw new Error('setup did not run');
    const i = `bi-${++n}`;
    const e = `be-${n}`;
    const t0 = performance.now();
    const out = await shell.run([
      `snapshot-create-as ${VM} ${i}`,
      `snapshot-revert ${VM} ${i}`,
      `snapshot-delete ${VM} ${i}`,
      `snapshot-create-as ${VM} ${e} --disk-only --atomic`,
      `snapshot-delete ${VM} ${e}`,
    ]);
    const ms = performance.now() - t0;
    if (!out.some((l) => l.includes(`Domain snapshot ${e} deleted`))) throw new Error(`virsh did not finish: ${out.join(' | ')}`);
    return ms;
  },
  async extra() {
    if (!conn) throw new Error('setup did not run');
    const rpc = conn.rpc;
    const dom = await domainLookupByUuid(rpc, uuid);
    const raw: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const i = await snapshotCreateXml(rpc, dom, {
        xml: buildSnapshotXml({ name: `wi-${k}`, kind: 'internal', disks: [{ target: 'vda', snapshot: 'internal' }] }),
      });
      await snapshotRevert(rpc, i);
      await snapshotDelete(rpc, i);
      const x = await snapshotCreateXml(rpc, dom, {
        xml: buildSnapshotXml({ name: `we-${k}`, kind: 'external', disks: [{ target: 'vda', snapshot: 'external' }] }),
        flags: SnapshotCreateFlags.DISK_ONLY | SnapshotCreateFlags.ATOMIC,
      });
      await snapshotDelete(rpc, x);
      raw.push(performance.now() - t0);
    }
    return { 'vireo wrappers only, no facts or checks (ms)': median(raw) };
  },
  async teardown() {
    feature?.dispose();
    jobs?.dispose();
    await shell?.close();
    await conn?.close();
    await removeLabVm(VM);
    feature = undefined;
    shell = undefined;
    conn = undefined;
  },
};
export default bench;
