/**
 * The disk move's executor past the pivot (review 5 item 2), against a fake libvirt (fake-rpc.ts)
 * that answers as lab-a did for a block copy (live XML of the disk captured there, see
 * move-disk-pivot.test.ts) and fails the call a test is about: the copy is deleted only while
 * the guest is known to run on its source.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/api';
import { EventHub } from '../../core/events';
import { ErrorCode, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { BlockJobAbortFlags, BlockJobStatus } from '../../libvirt/snapshot';
import { JobManager } from '../jobs';
import type { BlockJobEvents } from '../snapshots/blockjobs';
import { MOVED_CODE, UNKNOWN_CODE } from './move-disk-pivot';
import { startMoveDisk } from './move-disk-run';

const UUID = '6f1c0a9e-3b1d-4c1e-9a55-0d7c8e2b4a11';
const SRC = '/var/lib/libvirt/images/data.qcow2';
const COPY = '/srv/fast/data.qcow2';
const dom = { name: 'web', uuid: UUID, id: 7 };
const disk = (path: string, mirror = '') =>
  `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${path}' index='2'/><backingStore/>${mirror}<target dev='vdb' bus='virtio'/></disk>`;
const xmlOf = (d: string) => `<domain type='qemu' id='7'><name>web</name><uuid>${UUID}</uuid><devices>${d}</devices></domain>`;
const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message, int1: 0, int2: 0 });

type PivotAnswer = 'switches, reply times out' | 'refused' | 'switches';
interface Scenario {
  pivot: PivotAnswer;
  /** The fresh read of the live XML after the pivot fails. */
  liveUnreadable?: boolean;
  defineFails?: boolean;
  /**
   * When Cancel is clicked. 'as ready': as the copy becomes ready, its abort answered 30 ms later
   * ('abort lands': the copy ended; 'abort fails': libvirt's "no active block job", the copy having
   * ended by itself just before; 'aborts time out': every abort of the copy times out, the job still
   * there; 'aborts and reads time out': so do the block-job reads after the Cancel). 'on the ready
   * event': from inside libvirt's READY event (the read before did not see it). 'during pivot':
   * while the pivot is on the way. 'while the source is looked up': once moved, just before the
   * source's deletion.
   */
  cancel?:
    | 'as ready, abort lands'
    | 'as ready, abort fails'
    | 'as ready, aborts time out'
    | 'as ready, aborts and reads time out'
    | 'on the ready event'
    | 'during pivot'
    | 'while the source is looked up';
  deleteSource?: boolean;
}

/** The test's Cancel, clicked from the fake (set by move() once the job exists), and its outcome. */
interface Race {
  cancel?: () => Promise<unknown>;
  settled?: Promise<unknown>;
}

/** A host where vdb of `web` is copied to the pool `fast`, the pivot answering as `s` says. */
function host(s: Scenario, race: Race = {}) {
  const f = fakeRpc();
  let on: 'source' | 'copy' = 'source';
  let job: 'none' | 'copying' = 'none';
  let pivotSent = false;
  let nextBoot = SRC;
  f.answer(P.DOMAIN_LOOKUP_BY_UUID, () => ({ dom }));
  f.answer(P.DOMAIN_IS_ACTIVE, () => ({ active: 1 }));
  f.answer(P.DOMAIN_IS_PERSISTENT, () => ({ persistent: 1 }));
  f.answer(P.DOMAIN_GET_XML_DESC, async (a: { flags: number }) => {
    if (s.liveUnreadable && pivotSent) {
      await race.settled; // a racing cancel has aborted the job's signal by now
      throw new TimeoutError('lab-a', P.DOMAIN_GET_XML_DESC.proc, 0x20008086, 30_000);
    }
    if (a.flags & 2) return { xml: xmlOf(disk(nextBoot)) }; // INACTIVE: the next boot
    const mirror = job === 'copying' ? `<mirror type='file' file='${COPY}' format='qcow2' job='copy' ready='yes'/>` : '';
    return { xml: xmlOf(disk(on === 'copy' ? COPY : SRC, mirror)) };
  });
  f.answer(P.DOMAIN_GET_BLOCK_JOB_INFO, () => {
    if (s.cancel === 'as ready, aborts and reads time out' && race.settled)
      throw new TimeoutError('lab-a', P.DOMAIN_GET_BLOCK_JOB_INFO.proc, 0x20008086, 30_000);
    if (s.cancel?.startsWith('as ready') && job === 'copying' && race.cancel && !race.settled) race.settled = race.cancel();
    return job === 'copying'
      ? { found: 1, type: 2, bandwidth: 0n, cur: 16n, end: 16n }
      : { found: 0, type: 0, bandwidth: 0n, cur: 0n, end: 0n };
  });
  const pool = (name: string) => ({ name, uuid: UUID });
  f.answer(P.STORAGE_VOL_LOOKUP_BY_PATH, (a: { path: string }) => ({ vol: { pool: 'default', name: 'data.qcow2', key: a.path } }));
  f.answer(P.STORAGE_VOL_GET_INFO, () => ({ type: 0, capacity: 16n * 1024n * 1024n, allocation: 0n }));
  f.answer(P.STORAGE_POOL_LOOKUP_BY_NAME, (a: { name: string }) => ({ pool: pool(a.name) }));
  f.answer(P.STORAGE_POOL_GET_XML_DESC, () => ({
    xml: "<pool type='dir'><name>fast</name><target><path>/srv/fast</path></target></pool>",
  }));
  f.answer(P.STORAGE_POOL_GET_INFO, () => ({ state: 2, capacity: 0n, allocation: 0n, available: 0n }));
  f.answer(P.STORAGE_VOL_LOOKUP_BY_NAME, () => {
    if (pivotSent) {
      // the source, looked up for its deletion
      if (s.cancel === 'while the source is looked up' && race.cancel) race.settled = race.cancel();
      return { vol: { pool: 'default', name: 'data.qcow2', key: SRC } };
    }
    throw libvirtError(ErrorCode.NO_STORAGE_VOL, 'Storage volume not found: no storage vol with matching name');
  });
  f.answer(P.STORAGE_VOL_CREATE_XML, () => ({ vol: { pool: 'fast', name: 'data.qcow2', key: COPY } }));
  f.answer(P.STORAGE_VOL_GET_PATH, () => ({ name: COPY }));
  f.answer(P.STORAGE_VOL_DELETE, () => undefined);
  f.answer(P.DOMAIN_BLOCK_COPY, () => {
    job = 'copying';
  });
  f.answer(P.DOMAIN_BLOCK_JOB_ABORT, async (a: { flags: number }) => {
    if (!(a.flags & BlockJobAbortFlags.PIVOT)) {
      if (s.cancel?.startsWith('as ready') || s.cancel === 'on the ready event') await new Promise((r) => setTimeout(r, 30)); // the abort on the way
      if (s.cancel?.startsWith('as ready, aborts')) throw new TimeoutError('lab-a', P.DOMAIN_BLOCK_JOB_ABORT.proc, 0x20008086, 30_000);
      const had = job;
      job = 'none'; // libvirt's abort: the guest stays on its source
      // libvirt's answer when the job had ended already (lab-a, virsh blockjob --abort)
      if (had === 'none' || s.cancel === 'as ready, abort fails')
        throw libvirtError(ErrorCode.INVALID_ARG, 'invalid argument: disk vdb does not have an active block job');
      return;
    }
    pivotSent = true;
    if (s.cancel === 'during pivot' && race.cancel) race.settled = race.cancel();
    if (s.pivot === 'refused') throw libvirtError(ErrorCode.OPERATION_FAILED, "operation failed: block copy of 'vdb' failed in qemu");
    job = 'none';
    on = 'copy';
    if (s.pivot === 'switches, reply times out') throw new TimeoutError('lab-a', P.DOMAIN_BLOCK_JOB_ABORT.proc, 0x20008086, 30_000);
  });
  f.answer(P.DOMAIN_DEFINE_XML_FLAGS, async () => {
    await race.settled; // the racing cancel has aborted the job's signal by now
    if (s.defineFails) throw libvirtError(ErrorCode.OPERATION_FAILED, 'operation failed: could not write the definition');
    nextBoot = COPY;
    return { dom };
  });
  return f;
}

async function move(s: Scenario) {
  const race: Race = {};
  const f = host(s, race);
  const jobs = new JobManager(new EventHub());
  // libvirt's events: none, or (Cancel 'on the ready event') READY, the Cancel clicked as it comes.
  const next = async () => {
    if (s.cancel !== 'on the ready event' || !race.cancel) return null;
    race.settled ??= race.cancel();
    return { callbackId: 1, domain: { name: 'web', uuid: UUID }, disk: 'vdb', type: 2, status: BlockJobStatus.READY };
  };
  const blockEvents = { ensure: async () => {}, next } as unknown as BlockJobEvents;
  const started = await startMoveDisk({ jobs, rpcOf: () => f.rpc, blockEvents }, 'A', UUID, {
    target: 'vdb',
    pool: 'fast',
    deleteSource: s.deleteSource ?? false,
  });
  race.cancel = () => jobs.cancel(started.id).catch((err: unknown) => err);
  for (let i = 0; i < 2000 && jobs.get(started.id).status === 'running'; i++) await new Promise((r) => setTimeout(r, 5));
  const job = jobs.get(started.id) as Job;
  const deleted = f.calls.filter((c) => c.proc === P.STORAGE_VOL_DELETE.proc).map((c) => (c.args as { vol: { key: string } }).vol.key);
  const defined = f.calls.filter((c) => c.proc === P.DOMAIN_DEFINE_XML_FLAGS.proc).map((c) => (c.args as { xml: string }).xml);
  const pivots = f.calls.filter(
    (c) => c.proc === P.DOMAIN_BLOCK_JOB_ABORT.proc && (c.args as { flags: number }).flags & BlockJobAbortFlags.PIVOT,
  );
  return { job, deleted, defined, pivots, cancel: await race.settled };
}

describe('disk move past the pivot: the copy is deleted only while the guest is known to be on its source', () => {
  it('the pivot switched but its reply timed out: moved — the copy kept, the next boot pointed at it, the job succeeded', async () => {
    const r = await move({ pivot: 'switches, reply times out' });
    expect(r.deleted).toEqual([]);
    expect(r.job.status).toBe('succeeded');
    expect(r.defined).toHaveLength(1);
    expect(r.defined[0]).toContain(`file="${COPY}"`);
  });

  it('the pivot is sent with no RPC timeout (libvirt answers once QEMU switched)', async () => {
    const r = await move({ pivot: 'switches' });
    expect(r.pivots.map((c) => c.opts?.timeoutMs)).toEqual([0]);
    expect(r.job.status).toBe('succeeded');
    expect(r.deleted).toEqual([]);
  });

  it('libvirt refused the pivot and the guest is on its source: the copy deleted, libvirt’s message said', async () => {
    const r = await move({ pivot: 'refused' });
    expect(r.deleted).toEqual([COPY]);
    expect(r.job.status).toBe('failed');
    expect(r.job.error?.message).toBe("The pivot of vdb failed: operation failed: block copy of 'vdb' failed in qemu");
    expect(r.job.error?.hint).toMatch(/stays on its source/);
  });

  it('the reply timed out and the running VM cannot be read: nothing touched, what is known said', async () => {
    const r = await move({ pivot: 'switches, reply times out', liveUnreadable: true });
    expect(r.deleted).toEqual([]);
    expect(r.defined).toEqual([]);
    expect(r.job.status).toBe('failed');
    expect(r.job.error?.code).toBe(UNKNOWN_CODE);
    expect(r.job.error?.message).toContain(`both ${SRC} and the copy ${COPY} are kept`);
  });

  it('moved, but the next boot could not be pointed at the copy: reported as moved with how to finish; the copy kept', async () => {
    const r = await move({ pivot: 'switches', defineFails: true });
    expect(r.deleted).toEqual([]);
    expect(r.job.status).toBe('failed');
    expect(r.job.error?.code).toBe(MOVED_CODE);
    expect(r.job.error?.message).toBe(
      `vdb moved to fast: the guest runs on ${COPY}, but its next boot still names ${SRC} (operation failed: could not write the definition)`,
    );
    expect(r.job.error?.hint).toMatch(/^To finish: point vdb of the next boot at it/);
  });

  it('Cancel asked as the copy becomes ready, its abort still on the way: no pivot; canceled, the copy deleted, the source kept (review 6 item 5)', async () => {
    for (const deleteSource of [false, true]) {
      const r = await move({ pivot: 'switches', cancel: 'as ready, abort lands', deleteSource });
      expect(r.pivots).toEqual([]);
      expect(r.cancel).toMatchObject({ kind: 'disk-move' }); // the Cancel itself succeeded (no "Cancel failed")
      expect(r.job.status).toBe('canceled');
      expect(r.deleted).toEqual([COPY]);
      expect(r.defined).toEqual([]);
    }
  });

  it('the cancel’s abort fails (the copy had ended by itself): no bare "Cancel failed", the job canceled, the copy deleted', async () => {
    const r = await move({ pivot: 'switches', cancel: 'as ready, abort fails' });
    expect(r.cancel).toMatchObject({ kind: 'disk-move' });
    expect(r.pivots).toEqual([]);
    expect(r.job.status).toBe('canceled');
    expect(r.deleted).toEqual([COPY]);
  });

  it('Cancel from inside libvirt’s READY event, its abort still on the way: no pivot (the guard right before it); canceled, the copy deleted (review 7 item 5)', async () => {
    const r = await move({ pivot: 'switches', cancel: 'on the ready event', deleteSource: true });
    expect(r.cancel).toMatchObject({ kind: 'disk-move' });
    expect(r.pivots).toEqual([]);
    expect(r.job.status).toBe('canceled');
    expect(r.deleted).toEqual([COPY]);
    expect(r.defined).toEqual([]);
  });

  it('a Cancel whose clean-up fails (the cancel’s and the undo’s abort time out): the copy kept, the job failed saying what is left (review 7 item 1)', async () => {
    const r = await move({ pivot: 'switches', cancel: 'as ready, aborts time out' });
    expect(r.cancel).toMatchObject({ kind: 'disk-move' });
    expect(r.pivots).toEqual([]);
    expect(r.deleted).toEqual([]); // never deleted under a copy job that may still run
    expect(r.job.status).toBe('failed');
    expect(r.job.phase).toMatch(
      /^cancelled, but could not undo: end the copy of vdb \(.+\)\. kept on purpose because an undo above failed: delete the copy data\.qcow2 in fast/,
    );
    expect(r.job.error?.message).toMatch(
      /^The move was cancelled, but could not undo: end the copy of vdb \(.+\)\. kept on purpose .*: delete the copy data\.qcow2 in fast$/,
    );
    expect(r.job.error?.hint).toBe(
      `vdb stays on ${SRC}. See the copy job with \`virsh blockjob web vdb\` (end it with --abort), then delete data.qcow2 in fast.`,
    );
  });

  it('after a Cancel the block-job read fails (a timeout): that is not "no job" — the copy kept, the job failed saying so (review 7 item 1)', async () => {
    const r = await move({ pivot: 'switches', cancel: 'as ready, aborts and reads time out' });
    expect(r.pivots).toEqual([]);
    expect(r.deleted).toEqual([]);
    expect(r.job.status).toBe('failed');
    expect(r.job.error?.message).toMatch(/^The move was cancelled, but could not undo: end the copy of vdb \(/);
  });

  it('a Cancel refused during the pivot, then QEMU refuses the pivot: failed with libvirt’s message, not "canceled" (review 7 item 3)', async () => {
    const r = await move({ pivot: 'refused', cancel: 'during pivot' });
    expect(r.cancel).toMatchObject({ code: 'not-cancellable' });
    expect(r.job.status).toBe('failed');
    expect(r.job.error?.message).toBe("The pivot of vdb failed: operation failed: block copy of 'vdb' failed in qemu");
    expect(r.deleted).toEqual([COPY]);
  });

  it('moved with "delete source": the source is deleted once the next boot names the copy', async () => {
    const r = await move({ pivot: 'switches', deleteSource: true });
    expect(r.job.status).toBe('succeeded');
    expect(r.job.phase).toBe('vdb is in fast');
    expect(r.deleted).toEqual([SRC]);
  });

  it('a Cancel refused while the source is looked up for deletion keeps it, as one refused during the pivot does (review 7 item 6)', async () => {
    const r = await move({ pivot: 'switches', cancel: 'while the source is looked up', deleteSource: true });
    expect(r.cancel).toMatchObject({ code: 'not-cancellable' });
    expect(r.job.status).toBe('succeeded');
    expect(r.job.phase).toBe('vdb is in fast; source kept: you cancelled');
    expect(r.deleted).toEqual([]);
  });

  it('Cancel once the pivot is on the way: refused saying why; the move ends, but the source chosen for deletion is kept', async () => {
    const r = await move({ pivot: 'switches', cancel: 'during pivot', deleteSource: true });
    expect(r.cancel).toMatchObject({ code: 'not-cancellable', hint: expect.stringMatching(/past the point where it can be stopped/) });
    expect(r.job.status).toBe('succeeded');
    expect(r.job.phase).toBe('vdb is in fast; source kept: you cancelled');
    expect(r.deleted).toEqual([]);
    expect(r.defined[0]).toContain(`file="${COPY}"`);
  });
});

describe('disk move: the busy check before it', () => {
  it('a failed read of the disk’s block job (a timeout, a lock) is not "not busy": refused with libvirt’s message, nothing made or copied', async () => {
    const internal = libvirtError(
      ErrorCode.INTERNAL_ERROR,
      'internal error: cannot acquire state change lock (held by monitor=remoteDispatchDomainBlockJobAbort)',
    );
    for (const err of [
      new TimeoutError('lab-a', P.DOMAIN_GET_BLOCK_JOB_INFO.proc, 0x20008086, 30_000, 'DOMAIN_GET_BLOCK_JOB_INFO'),
      internal,
    ]) {
      const f = host({ pivot: 'switches' });
      f.answer(P.DOMAIN_GET_BLOCK_JOB_INFO, () => {
        throw err;
      });
      const jobs = new JobManager(new EventHub());
      const blockEvents = { ensure: async () => {}, next: async () => null } as unknown as BlockJobEvents;
      await expect(
        startMoveDisk({ jobs, rpcOf: () => f.rpc, blockEvents }, 'A', UUID, { target: 'vdb', pool: 'fast', deleteSource: true }),
      ).rejects.toMatchObject({
        code: 'libvirt',
        message: `Could not tell whether vdb is in another block job: ${err.message}`,
        hint: expect.stringMatching(/^Nothing was moved\. Check with `virsh blockjob web vdb`/),
      });
      expect(f.count(P.STORAGE_VOL_CREATE_XML) + f.count(P.DOMAIN_BLOCK_COPY) + f.count(P.STORAGE_VOL_DELETE)).toBe(0);
      expect(jobs.list()).toEqual([]);
    }
  });
});
