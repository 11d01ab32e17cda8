/**
 * Review 10 item 2: libvirt's revert and libvirt's delete (an external one merges inside the call)
 * run without the 30 s call timeout, and one that goes unanswered (the link closed) is decided as
 * an unanswered create is: once no job runs on the VM, from the host (the current snapshot for a
 * revert, the list for a delete); otherwise outcome unknown with the check to run. Nothing is
 * undone. Against a fake libvirt (fake-rpc.ts) answering as libvirt 9.0 did in the lab.
 * Review 11: an external snapshot “not deleted” may be merged in part (item 6); “no job” is read
 * again one interval after the list (item 8).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { ConnectionClosedError, ErrorCode, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { type DomainRef, JobType } from '../../libvirt/protocol';
import { deleteByLibvirt, revertByLibvirt } from './execute';
import { fixture } from './facts.fixture';
import { deleteStepFailed } from './feature';

const running = fixture('external-memory-running');
const dom: DomainRef = { name: running.vm.name, uuid: running.vm.uuid, id: 1 };
const quick = { everyMs: 1, forMs: 30 };
const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 18, level: 2, message, int1: 0, int2: 0 });
const lockHeld = () =>
  libvirtError(
    ErrorCode.OPERATION_TIMEOUT,
    'Timed out during operation: cannot acquire state change lock (held by monitor=remoteDispatchDomainRevertToSnapshot)',
  );
const notRunning = () => libvirtError(ErrorCode.OPERATION_INVALID, 'Requested operation is not valid: domain is not running');
const linkClosed = () => new ConnectionClosedError('lab-a', new Error('the host closed the connection'));

/** The old link: the lookup answers, `proc` (the revert or the delete) fails with `err`. */
const oldLink = (proc: typeof P.DOMAIN_REVERT_TO_SNAPSHOT | typeof P.DOMAIN_SNAPSHOT_DELETE, err: () => Error) => {
  const old = fakeRpc();
  old.answer(P.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, (a: { name: string }) => ({ snap: { name: a.name, dom } }));
  old.answer(proc, () => {
    throw err();
  });
  return old;
};

/** The host after the reconnect: `jobs` answers each job query in turn (the last repeats); current snapshot `current`; list `listed`. */
const hostAfter = (jobs: (number | Error)[], o: { current?: string | null | Error; listed?: string[] | Error }) => {
  const h = fakeRpc();
  let n = 0;
  h.answer(P.DOMAIN_GET_JOB_STATS, () => {
    const j = jobs[Math.min(n++, jobs.length - 1)];
    if (j instanceof Error) throw j;
    return { type: j, params: j ? [{ field: 'operation', type: 1, value: 7 }] : [] };
  });
  h.answer(P.DOMAIN_HAS_CURRENT_SNAPSHOT, () => {
    if (o.current instanceof Error) throw o.current;
    return { result: o.current ? 1 : 0 };
  });
  h.answer(P.DOMAIN_SNAPSHOT_CURRENT, () => ({ snap: { name: o.current, dom } }));
  h.answer(P.DOMAIN_LIST_ALL_SNAPSHOTS, () => {
    if (o.listed instanceof Error) throw o.listed;
    const l = o.listed ?? [];
    return { snapshots: l.map((name) => ({ name, dom })), ret: l.length };
  });
  h.answer(P.DOMAIN_GET_STATE, () => ({ state: 1, reason: 1 }));
  return h;
};

type Out = { ok: unknown } | { err: AppError };
const settle = <T>(p: Promise<T>): Promise<Out> =>
  p.then(
    (v) => ({ ok: v }),
    (e: unknown) => ({ err: e as AppError }),
  );
const hintOf = (r: Out) => ('err' in r ? (r.err.hint ?? '') : '');

describe('review 10 item 2: libvirt’s revert without the call timeout, an unanswered one decided from the host', () => {
  const revert = (again: ReturnType<typeof fakeRpc>, wasCurrent = false, old = oldLink(P.DOMAIN_REVERT_TO_SNAPSHOT, linkClosed)) =>
    settle(revertByLibvirt(old.rpc, dom, 's1', { wasCurrent, reconnect: async () => again.rpc, settle: quick }));

  it('the revert call has no call timeout (loading a large guest’s memory takes as long as saving it)', async () => {
    const f = fakeRpc();
    f.answer(P.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, () => ({ snap: { name: 's1', dom } }));
    f.answer(P.DOMAIN_REVERT_TO_SNAPSHOT, () => undefined);
    await revertByLibvirt(f.rpc, dom, 's1', { wasCurrent: false });
    expect(f.calls.find((c) => c.proc === P.DOMAIN_REVERT_TO_SNAPSHOT.proc)?.opts?.timeoutMs).toBe(0);
  });

  it('the link closed; once the job is gone “s1” is current (it was not before): reverted, nothing undone or redone', async () => {
    const again = hostAfter([JobType.UNBOUNDED, lockHeld(), JobType.NONE], { current: 's1' });
    expect(await revert(again)).toEqual({ ok: undefined });
    expect(again.count(P.DOMAIN_GET_JOB_STATS)).toBe(3);
    expect(again.count(P.DOMAIN_REVERT_TO_SNAPSHOT)).toBe(0);
  });

  it('no job and another snapshot is current (read again: no job either): not reverted, with the link’s message and the VM’s state', async () => {
    const again = hostAfter([JobType.NONE], { current: 'other' });
    const r = await revert(again);
    expect(r).toMatchObject({
      err: { code: 'libvirt', message: expect.stringMatching(/^The VM was not reverted to “s1”: lab-a: connection closed/) },
    });
    expect(hintOf(r)).toMatch(/no job ran on .* and “s1” was not its current snapshot: libvirt did not revert it/);
    expect(hintOf(r)).toContain('the VM is running');
    // a revert that only now got the job would not be current yet: the job is read again after the current snapshot
    const procs = again.calls.map((c) => c.proc).filter((p) => p !== P.DOMAIN_GET_STATE.proc);
    expect(procs.slice(-2)).toEqual([P.DOMAIN_SNAPSHOT_CURRENT.proc, P.DOMAIN_GET_JOB_STATS.proc]);
    expect(await revert(hostAfter([JobType.NONE, JobType.UNBOUNDED], { current: 'other' }))).toMatchObject({
      err: { code: 'outcome-unknown' },
    });
  });

  it('a job still runs (or its lock stays held) until the bound: outcome unknown, the check is domjobinfo then snapshot-current, nothing undone', async () => {
    for (const busy of [JobType.UNBOUNDED, lockHeld()]) {
      const again = hostAfter([busy], { current: 's1' });
      const r = await revert(again);
      expect(r).toMatchObject({
        err: {
          code: 'outcome-unknown',
          message: expect.stringMatching(/^The revert to “s1” did not report back: lab-a: connection closed/),
        },
      });
      const hint = hintOf(r);
      expect(hint).toMatch(
        new RegExp(`libvirt is still busy with ${dom.name} \\((a job runs on it \\(snapshot revert\\)|its job lock stays held: Timed out)`),
      );
      expect(hint).toContain('Vireo undid nothing');
      expect(hint).toContain(`\`virsh domjobinfo ${dom.name}\` until it shows “Job type: None”`);
      expect(hint).toContain(`\`virsh snapshot-current --name ${dom.name}\`: “s1” = reverted`);
      expect(again.calls.every((c) => c.proc === P.DOMAIN_GET_JOB_STATS.proc)).toBe(true); // current not read while a job runs
    }
  });

  it('“s1” was current already: being current tells nothing — outcome unknown, look at the guest', async () => {
    const r = await revert(hostAfter([JobType.NONE], { current: 's1' }), true);
    expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
    expect(hintOf(r)).toMatch(/“s1” was its current snapshot already before the revert/);
    expect(hintOf(r)).toMatch(/Look at the guest/);
  });

  it('a VM that is not running (no job to show): reverted once “s1” is current; otherwise unknown with snapshot-current as the check', async () => {
    expect(await revert(hostAfter([notRunning()], { current: 's1' }))).toEqual({ ok: undefined });
    const r = await revert(hostAfter([notRunning()], { current: 'other' }));
    expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
    expect(hintOf(r)).toMatch(/it is not running, so libvirt shows no job; “s1” is not current/);
    expect(hintOf(r)).toContain(`\`virsh snapshot-current --name ${dom.name}\``);
    expect(hintOf(r)).not.toContain('domjobinfo');
  });

  it('the host cannot be read again: outcome unknown, saying so; a refusal libvirt answered keeps its old meaning', async () => {
    const r = await revert(hostAfter([libvirtError(ErrorCode.INTERNAL_ERROR, 'internal error: boom')], { current: 's1' }));
    expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
    expect(hintOf(r)).toMatch(/could not read from the host whether libvirt is still reverting to “s1” \(internal error: boom\)/);
    const refused = oldLink(P.DOMAIN_REVERT_TO_SNAPSHOT, () => libvirtError(ErrorCode.OPERATION_INVALID, 'nope'));
    refused.answer(P.DOMAIN_GET_STATE, () => ({ state: 1, reason: 1 }));
    const x = await settle(revertByLibvirt(refused.rpc, dom, 's1', { wasCurrent: false }));
    expect(hintOf(x)).toMatch(/The revert did not happen/);
  });

  it('a timeout (no reconnect) is read on the same client', async () => {
    const g = hostAfter([JobType.NONE], { current: 's1' });
    g.answer(P.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, () => ({ snap: { name: 's1', dom } }));
    g.answer(P.DOMAIN_REVERT_TO_SNAPSHOT, () => {
      throw new TimeoutError('lab-a', P.DOMAIN_REVERT_TO_SNAPSHOT.proc, 0x20008086, 30_000);
    });
    await expect(revertByLibvirt(g.rpc, dom, 's1', { wasCurrent: false, settle: quick })).resolves.toBeUndefined();
  });
});

describe('review 10 item 2: libvirt’s delete (its merge) without the call timeout, an unanswered one decided from the list', () => {
  const del = (again: ReturnType<typeof fakeRpc>, old = oldLink(P.DOMAIN_SNAPSHOT_DELETE, linkClosed)) =>
    settle(deleteByLibvirt(old.rpc, dom, 's1', { reconnect: async () => again.rpc, settle: quick }));

  it('the delete call has no call timeout (libvirt ≥ 9.0 merges an external snapshot inside it)', async () => {
    const f = fakeRpc();
    f.answer(P.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, () => ({ snap: { name: 's1', dom } }));
    f.answer(P.DOMAIN_SNAPSHOT_DELETE, () => undefined);
    await expect(deleteByLibvirt(f.rpc, dom, 's1')).resolves.toBe(f.rpc);
    expect(f.calls.find((c) => c.proc === P.DOMAIN_SNAPSHOT_DELETE.proc)?.opts?.timeoutMs).toBe(0);
  });

  it('the link closed; once no job runs “s1” is gone: deleted, resolving with the new client (the rest of the job goes on there)', async () => {
    const again = hostAfter([JobType.UNBOUNDED, JobType.NONE], { listed: ['s2'] });
    expect(await del(again)).toEqual({ ok: again.rpc });
    expect(again.count(P.DOMAIN_SNAPSHOT_DELETE)).toBe(0);
  });

  it('no job and “s1” still listed: not deleted (the job read again after the list); still merging: unknown, domjobinfo then snapshot-list', async () => {
    const kept = hostAfter([JobType.NONE], { listed: ['s1'] });
    const r = await del(kept);
    expect(r).toMatchObject({
      err: { code: 'libvirt', message: expect.stringMatching(/^The snapshot “s1” was not deleted: lab-a: connection closed/) },
    });
    expect(hintOf(r)).toMatch(/no job ran on .* and “s1” was still listed: libvirt did not delete it/);
    expect(kept.calls.map((c) => c.proc).slice(-2)).toEqual([P.DOMAIN_LIST_ALL_SNAPSHOTS.proc, P.DOMAIN_GET_JOB_STATS.proc]);
    const merging = hostAfter([JobType.UNBOUNDED], { listed: ['s1'] });
    const m = await del(merging);
    expect(m).toMatchObject({
      err: { code: 'outcome-unknown', message: expect.stringMatching(/^The delete of “s1” did not report back: lab-a: connection closed/) },
    });
    expect(hintOf(m)).toMatch(/libvirt is still busy with .* it may still be deleting “s1”/);
    expect(hintOf(m)).toContain('Vireo undid nothing');
    expect(hintOf(m)).toContain(`\`virsh domjobinfo ${dom.name}\``);
    expect(hintOf(m)).toContain(`\`virsh snapshot-list ${dom.name}\`: gone = deleted, listed = not deleted`);
    expect(merging.count(P.DOMAIN_LIST_ALL_SNAPSHOTS)).toBe(0);
  });

  it('the list cannot be read: outcome unknown, with the reason', async () => {
    const r = await del(hostAfter([JobType.NONE], { listed: new TimeoutError('lab-a', P.DOMAIN_LIST_ALL_SNAPSHOTS.proc, 1, 30_000) }));
    expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
    expect(hintOf(r)).toMatch(/could not read from the host whether libvirt is still deleting “s1”/);
  });

  it('in a delete with children: the error also says what is deleted already, that the memory file stays, and what was not started', () => {
    const err = new AppError(
      'outcome-unknown',
      'The delete of “c1” did not report back: lab-a: connection closed',
      'libvirt is still busy …',
    );
    const e = deleteStepFailed(err, {
      steps: ['c2', 'c1', 's1'],
      i: 1,
      memoryFile: '/var/lib/libvirt/images/vm.c1.mem',
      stays: { left: ['/x/c2.mem'], failed: [], kept: [] },
    }) as AppError;
    expect(e.code).toBe('outcome-unknown');
    expect(e.message).toBe(err.message);
    expect(e.hint).toMatch(
      /^Deleted already: “c2” \(left in place \(no storage pool holds them\): \/x\/c2\.mem\)\. libvirt is still busy …/,
    );
    expect(e.hint).toContain('The memory state file of “c1”, /var/lib/libvirt/images/vm.c1.mem, stays');
    expect(e.hint).toMatch(/Not started: “s1”\.$/);
    const raw = linkClosed();
    expect(deleteStepFailed(raw, { steps: ['s1'], i: 0, stays: { left: [], failed: [] } })).toBe(raw);
  });
});

describe('review 11 items 6 and 8: an external snapshot “not deleted” may be merged in part; the job is read again one interval later', () => {
  it('external, link closed, no job and still listed: not deleted, but some disks may be merged — domblklist, and do not revert to it', async () => {
    const kept = hostAfter([JobType.NONE], { listed: ['s1'] });
    const ext = await settle(
      deleteByLibvirt(oldLink(P.DOMAIN_SNAPSHOT_DELETE, linkClosed).rpc, dom, 's1', {
        external: true,
        reconnect: async () => kept.rpc,
        settle: quick,
      }),
    );
    expect(ext).toMatchObject({ err: { code: 'libvirt', message: expect.stringMatching(/^The snapshot “s1” was not deleted/) } });
    expect(hintOf(ext)).toContain('then delete it again');
    expect(hintOf(ext)).toContain("some of “s1”'s disks may be merged already");
    expect(hintOf(ext)).toContain(`\`virsh domblklist ${dom.name} --details\``);
    expect(hintOf(ext)).toContain('do not revert to “s1” until that is clear');
    // internal: nothing to merge, no such warning
    const int = await settle(
      deleteByLibvirt(oldLink(P.DOMAIN_SNAPSHOT_DELETE, linkClosed).rpc, dom, 's1', {
        reconnect: async () => hostAfter([JobType.NONE], { listed: ['s1'] }).rpc,
        settle: quick,
      }),
    );
    expect(hintOf(int)).not.toContain('domblklist');
  });

  it('external, libvirt answers with an error: not “as they were” — some disks may be merged, do not revert to it', async () => {
    const failed = oldLink(P.DOMAIN_SNAPSHOT_DELETE, () => libvirtError(1, 'internal error: unable to execute QEMU command block-commit'));
    const r = await settle(deleteByLibvirt(failed.rpc, dom, 's1', { external: true, settle: quick }));
    expect(r).toMatchObject({ err: { code: 'libvirt', message: 'internal error: unable to execute QEMU command block-commit' } });
    expect(hintOf(r)).not.toContain('as they were');
    expect(hintOf(r)).toContain('do not revert to “s1” until that is clear');
  });

  it('a delete still queued in libvirtd gets the VM’s job only after the list read: the job is read again one interval later, so unknown, not “not deleted”', async () => {
    const h = hostAfter([JobType.NONE], { listed: ['s1'] });
    let listedAt = 0;
    h.answer(P.DOMAIN_LIST_ALL_SNAPSHOTS, () => {
      listedAt ||= Date.now();
      return { snapshots: [{ name: 's1', dom }], ret: 1 };
    });
    // No job until 20 ms after the list was read; then the queued delete runs.
    h.answer(P.DOMAIN_GET_JOB_STATS, () =>
      listedAt && Date.now() - listedAt >= 20
        ? { type: JobType.UNBOUNDED, params: [{ field: 'operation', type: 1, value: 10 }] }
        : { type: JobType.NONE, params: [] },
    );
    const r = await settle(
      deleteByLibvirt(oldLink(P.DOMAIN_SNAPSHOT_DELETE, linkClosed).rpc, dom, 's1', {
        reconnect: async () => h.rpc,
        settle: { everyMs: 40, forMs: 100 },
      }),
    );
    expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
    expect(hintOf(r)).toContain('(snapshot delete)');
  });
});
