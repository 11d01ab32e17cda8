/**
 * The data-safety fixes of review 5 (items 1, 3, 4, 5, 12, 13), from the facts captured in the
 * lab (fixtures/external-memory-running.json: a running copy of tiny with s1 and s2 taken with
 * memory). The revert and removeFiles run against a fake libvirt (fake-rpc.ts) that answers what
 * the lab answered, failing the call the test is about.
 */
import { describe, expect, it } from 'vitest';
import { MEMORY_WITH_EXCLUDED } from '../../../shared/api/snapshots';
import { ConnectionClosedError, ErrorCode, isAppError, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { type DomainRef, JobType } from '../../libvirt/protocol';
import { chainFactsOf } from './chain';
import { checkCreate, externalMemoryOffer, memoryFileFor, saveCurrentWithMemory, snapshotList } from './checks';
import { createSnapshot, removeFiles, revertExternalByVireo } from './execute';
import type { SnapshotFacts } from './facts';
import { fixture, refusal, snapshotOf } from './facts.fixture';
import { removalPhase } from './outcome';
import { planDeleteByBlockJobs } from './plan';
import { planRevertExternal } from './revert-plan';

const running = fixture('external-memory-running');
const model = (n: string) => snapshotOf(running, n);
const noSnapshots: SnapshotFacts = { ...running, snapshots: [], current: null };
const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 18, level: 2, message, int1: 0, int2: 0 });
const dom: DomainRef = { name: running.vm.name, uuid: running.vm.uuid, id: 1 };
/** The VM's definition as libvirt gave it (the one s1 holds). */
const domainXml = (() => {
  const x = model('s1').xml;
  return x.slice(x.indexOf('<domain '), x.indexOf('</domain>') + '</domain>'.length);
})();

describe('review 5 item 1: a memory restore that does not report back', () => {
  /** A fake host on which the revert gets as far as the restore, which times out; the VM is then read `state` (null: unreadable). */
  const host = (state: number | null) => {
    const f = fakeRpc();
    f.answer(P.DOMAIN_GET_XML_DESC, () => ({ xml: domainXml }));
    f.answer(P.DOMAIN_DESTROY_FLAGS, () => undefined);
    f.answer(P.DOMAIN_DEFINE_XML_FLAGS, () => ({ dom }));
    f.answer(P.DOMAIN_SNAPSHOT_CREATE_XML, () => ({ snap: { name: 'x', dom } }));
    f.answer(P.DOMAIN_SAVE_IMAGE_GET_XML_DESC, () => ({ xml: domainXml }));
    f.answer(P.DOMAIN_RESTORE_FLAGS, () => {
      throw new TimeoutError('lab-a', P.DOMAIN_RESTORE_FLAGS.proc, 0x20008086, 30_000);
    });
    f.answer(P.DOMAIN_GET_STATE, () => {
      if (state === null) throw libvirtError(ErrorCode.OPERATION_TIMEOUT, 'cannot acquire state change lock');
      return { state, reason: 1 };
    });
    f.answer(P.CONNECT_LIST_ALL_STORAGE_POOLS, () => ({ pools: [], ret: 0 }));
    f.answer(P.STORAGE_VOL_LOOKUP_BY_PATH, (a: { path: string }) => ({ vol: { pool: 'default', name: a.path, key: a.path } }));
    f.answer(P.STORAGE_VOL_DELETE, () => undefined);
    return f;
  };
  const plan = planRevertExternal(running, 's1', 'k1');

  for (const [what, state] of [
    ['runs', 1],
    ['is paused (still loading)', 3],
    ['cannot be read', null],
    ['reads shut off (libvirt may still be starting the restore)', 5],
  ] as const)
    it(`the VM ${what}: the new overlays and the definition stay, and the error names each file, where the VM is and what to check`, async () => {
      const f = host(state);
      const err = await revertExternalByVireo(f.rpc, dom, running, plan).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(err)).toBe(true);
      expect(f.count(P.STORAGE_VOL_DELETE)).toBe(0);
      expect(f.count(P.DOMAIN_DESTROY_FLAGS)).toBe(1); // the first stop only, not "stop the restored VM"
      expect(f.count(P.DOMAIN_DEFINE_XML_FLAGS)).toBe(1); // the old definition was not put back
      const hint = isAppError(err) ? (err.hint ?? '') : '';
      const overlay = plan.disks[0]?.overlay ?? '';
      expect(hint).toContain(`vda → ${overlay}`);
      expect(hint).toContain(plan.disks[0]?.image ?? '');
      expect(hint).toContain(model('s1').model.memoryFile ?? '');
      expect(hint).toMatch(
        state === null
          ? /could not read the VM's state/
          : state === 1
            ? /shows the VM running/
            : state === 3
              ? /shows the VM paused/
              : /shows the VM shut off, but .* may still be starting it: Vireo could not tell/,
      );
      expect(hint).toMatch(/undid nothing/);
      expect(hint).toContain(`virsh domstate ${dom.name}`);
    });

  it('the restore, a create with memory, and an internal snapshot of a running VM (QEMU’s savevm) run without the 30 s call timeout', async () => {
    const f = host(1);
    await revertExternalByVireo(f.rpc, dom, running, plan).catch(() => {});
    expect(f.calls.find((c) => c.proc === P.DOMAIN_RESTORE_FLAGS.proc)?.opts?.timeoutMs).toBe(0);
    const g = fakeRpc();
    g.answer(P.DOMAIN_SNAPSHOT_CREATE_XML, () => ({ snap: { name: 'x', dom } }));
    await createSnapshot(g.rpc, dom, noSnapshots, { name: 'x', description: '', kind: 'external', quiesce: false, memory: true });
    await createSnapshot(g.rpc, dom, noSnapshots, { name: 'y', description: '', kind: 'external', quiesce: false });
    await createSnapshot(g.rpc, dom, noSnapshots, { name: 'z', description: '', kind: 'internal', quiesce: false });
    const shutOff: SnapshotFacts = { ...noSnapshots, vm: { ...noSnapshots.vm, state: 'shutoff' } };
    await createSnapshot(g.rpc, dom, shutOff, { name: 'w', description: '', kind: 'internal', quiesce: false });
    expect(g.calls.map((c) => c.opts?.timeoutMs)).toEqual([0, undefined, 0, undefined]);
  });
});

describe('review 8 item 1: a create that does not report back is decided only once no job runs on the VM', () => {
  const quick = { everyMs: 1, forMs: 40 };
  const req = { name: 'x', description: '', kind: 'external' as const, quiesce: false, memory: true };
  const closed = () => {
    const old = fakeRpc();
    old.answer(P.DOMAIN_SNAPSHOT_CREATE_XML, () => {
      throw new ConnectionClosedError('lab-a', new Error('the host closed the connection'));
    });
    return old;
  };
  /** The host after the reconnect: `jobs` answers each job query in turn (the last one repeats), the list names `listed`. */
  const hostAfter = (jobs: (number | Error)[], listed: string[] | Error) => {
    const again = fakeRpc();
    let n = 0;
    again.answer(P.DOMAIN_GET_JOB_STATS, () => {
      const j = jobs[Math.min(n++, jobs.length - 1)];
      if (j instanceof Error) throw j;
      return { type: j, params: j ? [{ field: 'operation', type: 1, value: 6 }] : [] };
    });
    again.answer(P.DOMAIN_LIST_ALL_SNAPSHOTS, () => {
      if (listed instanceof Error) throw listed;
      return { snapshots: listed.map((name) => ({ name, dom })), ret: listed.length };
    });
    return again;
  };
  const outcome = (again: ReturnType<typeof fakeRpc>, old = closed()) =>
    createSnapshot(old.rpc, dom, noSnapshots, req, async () => again.rpc, quick).then(
      (c) => ({ ok: c }),
      (e: unknown) => ({ err: e as Error & { code?: string; hint?: string } }),
    );
  const lockHeld = () =>
    libvirtError(
      ErrorCode.OPERATION_TIMEOUT,
      'Timed out during operation: cannot acquire state change lock (held by monitor=remoteDispatchDomainSnapshotCreateXML)',
    );

  it('listed while libvirt’s snapshot job still runs (libvirt lists it before making it): not made — still being made, the check is virsh domjobinfo, nothing undone', async () => {
    for (const busy of ['a snapshot job', 'a job query libvirt keeps waiting (internal snapshot: lab-seen)'] as const) {
      const again = hostAfter([busy === 'a snapshot job' ? JobType.UNBOUNDED : lockHeld()], ['older', 'x']);
      const r = await outcome(again);
      expect(r).toMatchObject({
        err: { code: 'outcome-unknown', message: expect.stringMatching(/^The snapshot “x” did not report back: lab-a: connection closed/) },
      });
      const hint = 'err' in r ? (r.err.hint ?? '') : '';
      expect(hint).toMatch(
        new RegExp(
          `libvirt is still busy with ${dom.name} \\(${busy === 'a snapshot job' ? 'a job runs on it \\(snapshot\\)' : 'its job lock stays held: Timed out'}`,
        ),
      );
      expect(hint).toContain(`\`virsh domjobinfo ${dom.name}\` until it shows “Job type: None”`);
      expect(hint).toMatch(/only then does `virsh snapshot-list/);
      expect(hint).toContain('Vireo undid nothing');
      expect(hint).toContain(memoryFileFor(noSnapshots, 'x'));
      expect(again.count(P.DOMAIN_GET_JOB_STATS)).toBeGreaterThan(1); // polled within the bound
      expect(again.calls.every((c) => c.proc === P.DOMAIN_GET_JOB_STATS.proc)).toBe(true); // the list is not read while a job runs
    }
  });

  it('the job ends and the list shows it: made (resolves with the client it was read on); it lacks it: not made, said so', async () => {
    const made = hostAfter([JobType.UNBOUNDED, JobType.UNBOUNDED, JobType.NONE], ['x']);
    const r = await outcome(made);
    expect(r).toEqual({ ok: made.rpc });
    expect(made.count(P.DOMAIN_GET_JOB_STATS)).toBe(3);
    const gone = hostAfter([JobType.UNBOUNDED, JobType.NONE], ['older']);
    const g = await outcome(gone);
    expect(g).toMatchObject({ err: { code: 'libvirt', message: expect.stringMatching(/^The snapshot “x” was not made: /) } });
    expect('err' in g ? g.err.hint : '').toMatch(/no job ran on .* and its snapshot list lacked “x”: libvirt did not make it/);
    // not listed is checked against a create that only now got the job: the job is read again after the list
    expect(gone.calls.map((c) => c.proc).slice(-2)).toEqual([P.DOMAIN_LIST_ALL_SNAPSHOTS.proc, P.DOMAIN_GET_JOB_STATS.proc]);
    const late = hostAfter([JobType.NONE, JobType.UNBOUNDED], ['older']);
    expect(await outcome(late)).toMatchObject({ err: { code: 'outcome-unknown' } });
  });

  it('the job or the list cannot be read: outcome unknown, the same check; only the old link saw the create', async () => {
    for (const again of [
      hostAfter([libvirtError(ErrorCode.INTERNAL_ERROR, 'internal error')], ['x']),
      hostAfter([JobType.NONE], new TimeoutError('lab-a', P.DOMAIN_LIST_ALL_SNAPSHOTS.proc, 0x20008086, 30_000)),
    ]) {
      const old = closed();
      const r = await outcome(again, old);
      expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
      const hint = 'err' in r ? (r.err.hint ?? '') : '';
      expect(hint).toMatch(/could not read from the host whether libvirt is still making “x”/);
      expect(hint).toContain(`virsh domjobinfo ${dom.name}`);
      expect(old.calls.map((c) => c.proc)).toEqual([P.DOMAIN_SNAPSHOT_CREATE_XML.proc]);
      expect(again.count(P.DOMAIN_SNAPSHOT_CREATE_XML)).toBe(0);
    }
  });

  it('a VM that is not running (libvirt shows no job: "domain is not running"): made only once it is current (libvirt sets that after making it)', async () => {
    const notRunning = libvirtError(ErrorCode.OPERATION_INVALID, 'Requested operation is not valid: domain is not running');
    const stopped = (current: string) => {
      const h = hostAfter([notRunning], ['older', 'x']);
      h.answer(P.DOMAIN_HAS_CURRENT_SNAPSHOT, () => ({ result: 1 }));
      h.answer(P.DOMAIN_SNAPSHOT_CURRENT, () => ({ snap: { name: current, dom } }));
      return h;
    };
    const made = stopped('x');
    expect(await outcome(made)).toEqual({ ok: made.rpc });
    const r = await outcome(stopped('older'));
    expect(r).toMatchObject({ err: { code: 'outcome-unknown' } });
    const hint = 'err' in r ? (r.err.hint ?? '') : '';
    expect(hint).toMatch(
      /could not tell whether libvirt made “x”: it is not running, so libvirt shows no job; “x” is listed but not current yet/,
    );
    expect(hint).toContain(`\`virsh snapshot-current --name ${dom.name}\`: it shows “x” once libvirt made it`);
    expect(hint).not.toContain('domjobinfo');
  });

  it('a timeout (no reconnect): read on the same client; listed with no job: made', async () => {
    const g = hostAfter([JobType.NONE], ['x']);
    g.answer(P.DOMAIN_SNAPSHOT_CREATE_XML, () => {
      throw new TimeoutError('lab-a', P.DOMAIN_SNAPSHOT_CREATE_XML.proc, 0x20008086, 30_000);
    });
    await expect(createSnapshot(g.rpc, dom, noSnapshots, { ...req, memory: false }, undefined, quick)).resolves.toBe(g.rpc);
    expect(g.count(P.DOMAIN_GET_JOB_STATS)).toBe(1);
  });
});

describe('review 5 item 3: memory state files cannot collide, and are not removed while something names them', () => {
  it('the name carries the VM uuid’s first 8 hex: VM “web.prod” + “v1” and VM “web” + “prod.v1” get different files', () => {
    expect(memoryFileFor(running, 's9')).toMatch(new RegExp(`/${running.vm.name}\\.s9\\.${running.vm.uuid.slice(0, 8)}\\.mem$`));
    const a = memoryFileFor({ ...running, vm: { ...running.vm, name: 'web.prod' } }, 'v1');
    const b = memoryFileFor({ ...running, vm: { ...running.vm, name: 'web', uuid: '0badc0de-0000-4000-8000-000000000000' } }, 'prod.v1');
    expect(a).not.toBe(b);
  });

  it('checkCreate refuses a memory file already in the pool, or named by a snapshot of this VM or of another', () => {
    const file = memoryFileFor(running, 'x');
    const req = { name: 'x', kind: 'external' as const, quiesce: false, memory: true };
    expect(() => checkCreate(running, req)).not.toThrow();
    expect(refusal(() => checkCreate({ ...running, files: { ...running.files, [file]: { allocation: 1 } } }, req))).toMatch(
      /Memory state: .* already exists/,
    );
    const other = { ...running, memoryFileUsers: { [file]: ['web (snapshot “daily”)'] } };
    expect(refusal(() => checkCreate(other, req))).toContain('the memory state of web (snapshot “daily”)');
    const s1 = model('s1');
    const named = { ...running, snapshots: [...running.snapshots, { ...s1, model: { ...s1.model, name: 'old', memoryFile: file } }] };
    expect(refusal(() => checkCreate(named, req))).toContain('the memory state of old');
  });

  it("a delete keeps (and names) a memory file another VM's snapshot or another snapshot of this VM names", () => {
    const s2mem = model('s2').model.memoryFile ?? '';
    const c = chainFactsOf({ ...running, memoryFileUsers: { [s2mem]: ['web (snapshot “daily”)'] } });
    const plan = planDeleteByBlockJobs(c, 's2');
    expect(plan.removeFiles).not.toContain(s2mem);
    expect(plan.keptFiles).toEqual([{ file: s2mem, why: 'also the memory state of web (snapshot “daily”)' }]);
    const shared = chainFactsOf(running);
    const s1 = shared.snapshots.find((s) => s.name === 's1');
    if (s1) s1.memory = s2mem;
    expect(planDeleteByBlockJobs(shared, 's2').keptFiles).toEqual([{ file: s2mem, why: 'also the memory state of snapshot “s1”' }]);
    expect(planDeleteByBlockJobs(chainFactsOf(running), 's2').removeFiles).toContain(s2mem);
    // the delete-VM list: such a file is shown as used by the other VM (not offered for deletion)
    const listed = snapshotList({ ...running, memoryFileUsers: { [s2mem]: ['web (snapshot “daily”)'] } }).files;
    expect(listed.find((x) => x.path === s2mem)?.usedBy).toEqual(['web (snapshot “daily”)']);
  });
});

describe('review 5 item 4: memory state with a disk left out', () => {
  it('refused, saying why (the RAM would resume over a disk that moved on)', () => {
    const vda = running.domain.disks.find((d) => d.target === 'vda');
    if (!vda) throw new Error('no vda');
    const two: SnapshotFacts = {
      ...noSnapshots,
      domain: { ...running.domain, disks: [...running.domain.disks, { ...vda, target: 'vdb', path: '/var/lib/libvirt/images/b.qcow2' }] },
    };
    const req = { name: 'x', kind: 'external' as const, quiesce: false, exclude: ['vdb'] };
    expect(() => checkCreate(two, req)).not.toThrow();
    expect(refusal(() => checkCreate(two, { ...req, memory: true }))).toBe(
      `Memory state: not with a disk left out (vdb) — ${MEMORY_WITH_EXCLUDED}`,
    );
  });
});

describe('review 5 item 5: "snapshot the current state first" keeps the memory when it can', () => {
  it('external target, VM running, memory offered: with memory; shut off or internal: disks only', () => {
    expect(saveCurrentWithMemory(running, 'external')).toBe(true);
    expect(saveCurrentWithMemory({ ...running, vm: { ...running.vm, state: 'shutoff' } }, 'external')).toBe(false);
    expect(saveCurrentWithMemory(running, 'internal')).toBe(false);
    const full = { ...running, pools: { default: 1024 } };
    expect(saveCurrentWithMemory(full, 'external')).toBe(false);
  });
});

describe('review 5 item 12: removeFiles tells "no pool holds it" from a failure', () => {
  it('only NO_STORAGE_VOL is "left in place"; any other error is reported with libvirt’s message', async () => {
    const f = fakeRpc();
    f.answer(P.CONNECT_LIST_ALL_STORAGE_POOLS, () => ({ pools: [], ret: 0 }));
    f.answer(P.STORAGE_VOL_LOOKUP_BY_PATH, (a: { path: string }) => {
      if (a.path === '/nopool/a.mem')
        throw libvirtError(ErrorCode.NO_STORAGE_VOL, 'Storage volume not found: no storage vol with matching path');
      return { vol: { pool: 'default', name: a.path, key: a.path } };
    });
    f.answer(P.STORAGE_VOL_DELETE, (a: { vol: { key: string } }) => {
      if (a.vol.key === '/pool/b.mem') throw libvirtError(ErrorCode.SYSTEM_ERROR, "cannot unlink file '/pool/b.mem': Permission denied");
    });
    const r = await removeFiles(f.rpc, ['/nopool/a.mem', '/pool/b.mem', '/pool/c.mem']);
    expect(r).toEqual({
      left: ['/nopool/a.mem'],
      failed: [{ file: '/pool/b.mem', message: "cannot unlink file '/pool/b.mem': Permission denied" }],
    });
    expect(removalPhase(r)).toBe(
      "left in place (no storage pool holds them): /nopool/a.mem; not deleted: /pool/b.mem (cannot unlink file '/pool/b.mem': Permission denied)",
    );
  });
});

describe('review 5 item 13: the memory-space refusal names the real file', () => {
  it('external with memory: the memory file beside the first disk, not the disk', () => {
    const o = externalMemoryOffer({ ...running, pools: { default: 1024 } });
    expect(o.ok).toBe(false);
    const why = o.ok ? '' : o.why;
    expect(why).toContain(memoryFileFor(running, '<snapshot>'));
    expect(why).not.toContain(`goes into ${running.domain.disks[0]?.path},`);
  });
});
