/**
 * Review 8 item 2: a multi-step snapshot delete whose facts cannot be read before a later step (an
 * unreadable other VM: the strict reader's error, "… Nothing was changed. Try again …") must not
 * say nothing was changed: it names the steps done and the files they left, the steps not started,
 * and a merge resumed from the host that still runs there with nobody to pivot it.
 * Review 10 items 3 and 6: a raw error at a later step, and a failed call after the merges, keep
 * libvirt's message and say what is done; a later step's refusal does not say "Nothing was changed".
 * Review 11 items 3 and 7: a later disk's failed merge says what a failed call after the merges
 * says (merged / not merged, no file removed, do not revert); an unanswered call "may not" have run.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { DomainRef } from '../../libvirt/protocol';
import { chainFactsOf } from './chain';
import { deleteByBlockJobs } from './execute';
import type { SnapshotFacts } from './facts';
import { fixture } from './facts.fixture';
import { runMergeSteps } from './merge-steps';
import { type DeletePlan, planDeleteByBlockJobs } from './plan';

const facts = fixture('two-external-running');
const dom: DomainRef = { name: facts.vm.name, uuid: facts.vm.uuid, id: 1 };
/** What the strict reader (readOtherUsers) throws for another VM it cannot read. */
const unreadable = () =>
  new AppError(
    'libvirt',
    'Could not read the disks of db <"prod"> to check which files it uses: lab-a: no reply to procedure 14 within 30 s',
    {
      hint: 'Nothing was changed. Try again; if it persists, check the VM with `virsh dumpxml db <"prod">`.',
    },
  );

/** Reads succeed `goodReads` times, then fail; each step leaves `/img/<step>.qcow2` in place. */
function run(o: { goodReads: number; resume?: Set<string> }) {
  const rpc = fakeRpc().rpc;
  const stepped: number[] = [];
  let reads = 0;
  const p = runMergeSteps({
    vm: dom.name,
    steps: ['s1', 's2', 's3'],
    ...(o.resume ? { resume: o.resume } : {}),
    rpc,
    read: async () => {
      if (reads++ >= o.goodReads) throw unreadable();
      return { dom, facts: facts as SnapshotFacts };
    },
    step: async (c: RpcClient, _d, _f, i) => {
      stepped.push(i);
      return { removal: { left: [`/img/s${i + 1}.qcow2`], failed: [] }, rpc: c };
    },
  }).then(
    (r) => ({ ok: r }),
    (e: unknown) => ({ err: e as AppError }),
  );
  return { p, stepped };
}

describe('a multi-step snapshot delete whose facts cannot be read between steps (review 8 item 2)', () => {
  it('after step 1: not “Nothing was changed” — the step done and the file it left, the steps not started, the check', async () => {
    const r = run({ goodReads: 1 });
    const out = await r.p;
    expect(r.stepped).toEqual([0]);
    const err = 'err' in out ? out.err : null;
    expect(err?.message).toMatch(/^Could not read the disks of db <"prod"> to check which files it uses/);
    expect(err?.hint).not.toMatch(/Nothing was changed/);
    expect(err?.hint).toContain('Deleted already: “s1” (left in place (no storage pool holds them): /img/s1.qcow2).');
    expect(err?.hint).toContain('Not started: “s2”, “s3”.');
    expect(err?.hint).toContain('`virsh dumpxml db <"prod">`');
  });

  it('a merge resumed after a restart: it still runs on the host, Vireo stopped following it and pivoted nothing — the blockjob check per disk', async () => {
    const r = run({ goodReads: 0, resume: new Set(['vda', 'vdb']) });
    const out = await r.p;
    expect(r.stepped).toEqual([]);
    const err = 'err' in out ? out.err : null;
    expect(err?.hint).not.toMatch(/Nothing was changed/);
    expect(err?.hint).toContain(
      'The merge of “s1” found running on the host still runs there (vda, vdb): Vireo stopped following it and pivoted nothing',
    );
    expect(err?.hint).toContain(`\`virsh blockjob ${dom.name} vda\`, \`virsh blockjob ${dom.name} vdb\``);
    expect(err?.hint).toContain('Not started: “s2”, “s3”.');
  });

  it('before anything ran (nothing resumed): the reader’s own error, “Nothing was changed” being true; all steps read: every file left is returned', async () => {
    const first = await run({ goodReads: 0 }).p;
    expect('err' in first && first.err.hint).toMatch(/^Nothing was changed\. Try again/);
    const all = await run({ goodReads: 3 }).p;
    expect(all).toEqual({ ok: { left: ['/img/s1.qcow2', '/img/s2.qcow2', '/img/s3.qcow2'], failed: [], kept: [] } });
  });

  it('a step after the first refused or failed (an AppError with its own hint): the steps done come first, then its hint, then the steps not started', async () => {
    let n = 0;
    const out = await runMergeSteps({
      vm: dom.name,
      steps: ['s1', 's2', 's3'],
      rpc: fakeRpc().rpc,
      read: async () => ({ dom, facts: facts as SnapshotFacts }),
      step: async (c: RpcClient, _d, _f, i) => {
        if (n++ === 1) throw new AppError('refused', '“s2” cannot be merged', { hint: 'Its overlay is in use.' });
        return { removal: { left: [`/img/s${i + 1}.qcow2`], failed: [] }, rpc: c };
      },
    }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(out).toMatchObject({ code: 'refused', message: '“s2” cannot be merged' });
    expect(out?.hint).toBe(
      'Deleted already: “s1” (left in place (no storage pool holds them): /img/s1.qcow2). Its overlay is in use. Not started: “s3”.',
    );
  });
});

/** A LibvirtError as the daemon sends it (what deleteByBlockJobs's post-merge calls throw unwrapped). */
/** s2's two disks, each merged down into its base (vda first). */
const TWO_MERGES: DeletePlan['merges'] = [
  { target: 'vda', top: '/img/s2.qcow2', base: '/img/base.qcow2', active: false },
  { target: 'vdb', top: '/img/s2b.qcow2', base: '/img/baseb.qcow2', active: false },
];
const libvirtError = (message: string) => new LibvirtError({ code: 55, domain: 10, message, level: 2, int1: -1, int2: -1 }); // OPERATION_INVALID, QEMU

/** Three steps: step 2 (i = 1) throws `fail()`; the others leave `/img/<step>.qcow2`. */
const failAtStep2 = (fail: () => unknown, vm = dom.name) =>
  runMergeSteps({
    vm,
    steps: ['s1', 's2', 's3'],
    rpc: fakeRpc().rpc,
    read: async () => ({ dom, facts: facts as SnapshotFacts }),
    step: async (c: RpcClient, _d, _f, i) => {
      if (i === 1) throw fail();
      return { removal: { left: [`/img/s${i + 1}.qcow2`], failed: [] }, rpc: c };
    },
  }).then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe('review 10 item 3: a raw error from a later step keeps libvirt’s message and says what is done', () => {
  it('a raw LibvirtError at step 2: an AppError with libvirt’s message, the steps done (and files left), the steps not started, a check', async () => {
    const err = await failAtStep2(() => libvirtError('Requested operation is not valid: snapshot “s2” not found'), 'db <"prod">');
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'libvirt',
      message: 'Deleting “s2” failed: Requested operation is not valid: snapshot “s2” not found',
    });
    expect(err?.cause).toBeInstanceOf(LibvirtError);
    expect(err?.hint).toMatch(/^Deleted already: “s1” \(left in place \(no storage pool holds them\): \/img\/s1\.qcow2\)\. /);
    expect(err?.hint).toContain(
      `What deleting “s2” changed before this is not known: check with \`virsh snapshot-list 'db <"prod">' --tree\``,
    );
    expect(err?.hint).toMatch(/Not started: “s3”\.$/);
  });

  it('a timeout at step 2 (the last): code timeout, the message kept, nothing “not started”', async () => {
    const err = await runMergeSteps({
      vm: dom.name,
      steps: ['s1', 's2'],
      rpc: fakeRpc().rpc,
      read: async () => ({ dom, facts: facts as SnapshotFacts }),
      step: async (c: RpcClient, _d, _f, i) => {
        if (i === 1) throw new TimeoutError('lab-a', 193, 0x20008086, 30_000, 'REMOTE_PROC_DOMAIN_SNAPSHOT_DELETE');
        return { removal: { left: [], failed: [] }, rpc: c };
      },
    }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/^Deleting “s2” failed: lab-a: no reply to .* within 30/),
    });
    expect(err?.hint).toMatch(/^Deleted already: “s1”\. What deleting “s2” changed/);
    expect(err?.hint).not.toContain('Not started');
  });
});

describe('review 10 item 3: a call after the merges fails (deleteByBlockJobs): the merge is done, said so with libvirt’s message', () => {
  /** One merge of vda (followed as resumed: the job already gone), then the metadata; `o` makes one call fail. */
  async function mergeThenFail(o: {
    xmlFails?: unknown;
    deleteFails?: unknown;
    redefine?: DeletePlan['redefine'];
    createFails?: { at: number; err: unknown };
  }) {
    let creates = 0;
    const f = fakeRpc();
    f.answer(P.DOMAIN_GET_BLOCK_JOB_INFO, () => ({ found: 0, type: 0, bandwidth: 0, cur: 0, end: 0 }));
    f.answer(P.DOMAIN_GET_XML_DESC, () => {
      if (o.xmlFails) throw o.xmlFails;
      return {
        xml: `<domain type='kvm'><name>${dom.name}</name><devices><disk type='file' device='disk'><source file='/img/base.qcow2'/><target dev='vda'/></disk></devices></domain>`,
      };
    });
    f.answer(P.DOMAIN_SNAPSHOT_CREATE_XML, () => {
      if (++creates === o.createFails?.at) throw o.createFails.err;
      return { snap: { name: 'c1', dom } };
    });
    f.answer(P.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, () => ({ snap: { name: 's2', dom } }));
    f.answer(P.DOMAIN_SNAPSHOT_DELETE, () => {
      if (o.deleteFails) throw o.deleteFails;
    });
    const plan: DeletePlan = {
      snapshot: 's2',
      merges: TWO_MERGES,
      discards: [],
      redefine: o.redefine ?? [],
      removeFiles: ['/img/s2.qcow2'],
    };
    const r = await deleteByBlockJobs(f.rpc, dom, facts as SnapshotFacts, plan, () => {}, { resume: new Set(['vda', 'vdb']) }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    return { err: r, deletes: f.count(P.DOMAIN_SNAPSHOT_DELETE) };
  }

  it('the METADATA_ONLY delete times out: the merges are done, the metadata MAY not be updated (review 11 item 7), no file removed, the check', async () => {
    // vdb's chain: the same domain XML has no vdb, so its chain reads [] (merged away as far as the XML says)
    const { err } = await mergeThenFail({
      deleteFails: new TimeoutError('lab-a', 193, 0x20008086, 30_000, 'REMOTE_PROC_DOMAIN_SNAPSHOT_DELETE'),
    });
    expect(err).toBeInstanceOf(AppError);
    expect(err?.code).toBe('timeout');
    expect(err?.message).toMatch(
      /^The merge of “s2” is done \(vda: \/img\/s2\.qcow2 into \/img\/base\.qcow2; vdb: .*\); its snapshot metadata may not have been updated: lab-a: no reply to .* within 30/,
    );
    expect(err?.hint).toContain('No file was removed (/img/s2.qcow2 stay).');
    expect(err?.hint).toContain(`\`virsh snapshot-list ${dom.name} --tree\``);
    expect(err?.hint).toContain('while “s2” is listed, do not revert to it');
  });

  it('the second child’s REDEFINE is refused: libvirt’s message, which child was redefined and which still names the merged-away image', async () => {
    const [c1, c2] = facts.snapshots.map((x) => x.model.name) as [string, string];
    const { err, deletes } = await mergeThenFail({
      redefine: [
        { name: c1, moves: { vda: '/img/base.qcow2' } },
        { name: c2, moves: { vda: '/img/base.qcow2' } },
      ],
      createFails: { at: 2, err: libvirtError('XML error: invalid disk source') },
    });
    expect(err).toMatchObject({
      code: 'libvirt',
      message: expect.stringMatching(/its snapshot metadata was not updated: XML error: invalid disk source$/),
    });
    expect(err?.hint).toContain(
      `Redefined with their moved images: “${c1}”. Not redefined (their metadata still names the merged-away images): “${c2}”.`,
    );
    expect(deletes).toBe(0);
  });

  it('a child’s REDEFINE times out (review 11 item 7): it “may not have been redefined”, not “Not redefined”; the metadata “may not have been updated”', async () => {
    const [c1, c2] = facts.snapshots.map((x) => x.model.name) as [string, string];
    const { err, deletes } = await mergeThenFail({
      redefine: [
        { name: c1, moves: { vda: '/img/base.qcow2' } },
        { name: c2, moves: { vda: '/img/base.qcow2' } },
      ],
      createFails: { at: 1, err: new TimeoutError('lab-a', 9, 0x20008086, 30_000, 'REMOTE_PROC_DOMAIN_SNAPSHOT_CREATE_XML') },
    });
    expect(err).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/; its snapshot metadata may not have been updated: lab-a: no reply/),
    });
    expect(err?.hint).toContain(`“${c1}” may not have been redefined (its call went unanswered and may have gone through).`);
    expect(err?.hint).toContain(`Not redefined (their metadata still names the merged-away images): “${c2}”.`);
    expect(err?.hint).not.toMatch(new RegExp(`Not redefined [^.]*“${c1}”`));
    expect(deletes).toBe(0);
  });

  it('the chain cannot be read after a merge ended: libvirt’s message, the merge done, the rest not merged', async () => {
    const { err, deletes } = await mergeThenFail({ xmlFails: libvirtError('Domain not found: no domain with matching uuid') });
    expect(err).toMatchObject({
      code: 'libvirt',
      message:
        'libvirt ended the merge of vda (/img/s2.qcow2 into /img/base.qcow2), but Vireo could not read its chain: Domain not found: no domain with matching uuid',
    });
    expect(err?.hint).toContain('Merged: vda (its chain unread). Not merged: vdb: /img/s2b.qcow2 into /img/baseb.qcow2.');
    expect(err?.hint).toContain('No file was removed');
    expect(deletes).toBe(0);
  });
});

describe('review 10 item 6: a later step refused by the plan (“Nothing was changed: the overlay is kept”) after “Deleted already”', () => {
  it('the real refusal of plan.ts at step 2: its “Nothing was changed” said of that step alone', async () => {
    const f = fixture('external-reverted-shutoff');
    const snap = f.snapshots[0]?.model;
    const old = snap?.disks[0]?.file as string;
    const image = snap?.domain?.disks[0]?.path as string;
    const fresh = f.domain.disks[0]?.path as string;
    const files = { [fresh]: { allocation: 1, backing: image }, [old]: { allocation: 1, backing: image }, [image]: { allocation: 1 } };
    const err = await failAtStep2(() => {
      // another running VM's next boot not read: plan.ts refuses with "Nothing was changed: the overlay is kept …"
      try {
        planDeleteByBlockJobs(chainFactsOf({ ...f, files }), 'e1');
      } catch (e) {
        return e;
      }
      return new Error('not refused');
    });
    expect(err?.code).toBe('refused');
    expect(err?.message).toMatch(/could not read every other VM's next-boot definition/);
    expect(err?.hint).not.toMatch(/Nothing was changed/);
    expect(err?.hint).toContain(
      'Deleted already: “s1” (left in place (no storage pool holds them): /img/s1.qcow2). Deleting “s2” changed nothing: the overlay is kept. Try again',
    );
    expect(err?.hint).toMatch(/Not started: “s3”\.$/);
  });
});

describe('review 11 item 3: a later disk’s merge fails after an earlier disk is merged — the same words as after the merges', () => {
  /** Two disks: vda's merge is done (its job gone, its chain on the base), then vdb's fails as `o` says. */
  async function vdbFails(o: { jobFails?: unknown; stillOnTop?: boolean; cancelAtVdb?: boolean }) {
    const f = fakeRpc();
    const ac = new AbortController();
    f.answer(P.DOMAIN_BLOCK_JOB_ABORT, () => undefined);
    f.answer(P.DOMAIN_SET_METADATA, () => undefined);
    f.answer(P.DOMAIN_GET_BLOCK_JOB_INFO, (a: { path: string }) => {
      if (a.path === 'vdb' && o.jobFails) throw o.jobFails;
      return { found: 0, type: 0, bandwidth: 0, cur: 0, end: 0 };
    });
    const vdb = o.stillOnTop
      ? `<disk type='file' device='disk'><source file='/img/s2b.qcow2'/><backingStore type='file'><format type='qcow2'/><source file='/img/baseb.qcow2'/></backingStore><target dev='vdb'/></disk>`
      : '';
    f.answer(P.DOMAIN_GET_XML_DESC, () => ({
      xml: `<domain type='kvm'><name>${dom.name}</name><devices><disk type='file' device='disk'><source file='/img/base.qcow2'/><target dev='vda'/></disk>${vdb}</devices></domain>`,
    }));
    const plan: DeletePlan = {
      snapshot: 's2',
      merges: TWO_MERGES,
      discards: [],
      redefine: [],
      removeFiles: ['/img/s2.qcow2', '/img/s2b.qcow2'],
    };
    const progress = (p: { phase: string }) => {
      if (o.cancelAtVdb && p.phase.endsWith(' of vdb: /img/s2b.qcow2 into /img/baseb.qcow2')) ac.abort();
    };
    const err = await deleteByBlockJobs(f.rpc, dom, facts as SnapshotFacts, plan, progress, {
      resume: new Set(['vda', 'vdb']),
      signal: ac.signal,
    }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    return {
      err,
      deletes: f.count(P.DOMAIN_SNAPSHOT_DELETE),
      creates: f.count(P.DOMAIN_SNAPSHOT_CREATE_XML),
      markCleared: f.count(P.DOMAIN_SET_METADATA),
    };
  }
  const mergedVda = 'Merged: vda: /img/s2.qcow2 into /img/base.qcow2. Not merged: vdb: /img/s2b.qcow2 into /img/baseb.qcow2.';

  it('vdb’s job read times out: code timeout (not libvirt), merged / not merged, no file removed, may still run, do not revert to “s2”', async () => {
    const { err, deletes, creates } = await vdbFails({
      jobFails: new TimeoutError('lab-a', 240, 0x20008086, 30_000, 'REMOTE_PROC_DOMAIN_GET_BLOCK_JOB_INFO'),
    });
    expect(err).toMatchObject({ code: 'timeout', message: expect.stringMatching(/^The merge of vdb failed: lab-a: no reply/) });
    expect(err?.hint).toContain(mergedVda);
    expect(err?.hint).toContain('No file was removed (/img/s2.qcow2, /img/s2b.qcow2 stay).');
    expect(err?.hint).toContain(`The merge of vdb may still run on the host: \`virsh blockjob ${dom.name} vdb\` shows it.`);
    expect(err?.hint).toContain('while “s2” is listed, do not revert to it (its disks no longer hold what it saved)');
    expect(deletes + creates).toBe(0);
  });

  it('a merge whose job read went unanswered keeps its mark (it may still run; a restart finds it by the mark); a failed one clears it', async () => {
    const timedOut = await vdbFails({
      jobFails: new TimeoutError('lab-a', 240, 0x20008086, 30_000, 'REMOTE_PROC_DOMAIN_GET_BLOCK_JOB_INFO'),
    });
    expect(timedOut.markCleared).toBe(0);
    const failed = await vdbFails({ jobFails: libvirtError('internal error: unable to execute QEMU command') });
    expect(failed.markCleared).toBe(1);
  });

  it('vdb’s merge fails with libvirt’s error: code libvirt, libvirt’s message, do not revert to “s2”', async () => {
    const { err } = await vdbFails({ jobFails: libvirtError('internal error: unable to execute QEMU command block-commit') });
    expect(err).toMatchObject({
      code: 'libvirt',
      message: 'The merge of vdb failed: internal error: unable to execute QEMU command block-commit',
    });
    expect(err?.hint).toContain(mergedVda);
    expect(err?.hint).not.toContain('may still run');
    expect(err?.hint).toContain('do not revert to it');
  });

  it('libvirt ends vdb’s merge but its overlay is still in the chain: merged / not merged, no file removed, do not revert to “s2”', async () => {
    const { err, deletes } = await vdbFails({ stillOnTop: true });
    expect(err).toMatchObject({ code: 'libvirt', message: 'libvirt ended the merge of vdb but /img/s2b.qcow2 is still in its chain' });
    expect(err?.hint).toContain(mergedVda);
    expect(err?.hint).toContain("vdb's chain is /img/s2b.qcow2 → /img/baseb.qcow2.");
    expect(err?.hint).toContain('No file was removed');
    expect(err?.hint).toContain('while “s2” is listed, do not revert to it');
    expect(deletes).toBe(0);
  });

  it('the user cancels vdb’s merge after vda’s is done: still code canceled, but merged / not merged and do not revert to “s2”', async () => {
    const { err } = await vdbFails({ cancelAtVdb: true });
    expect(err).toMatchObject({ code: 'canceled', message: 'The merge of “s2” stopped at vdb: The merge was cancelled' });
    expect(err?.hint).toContain(mergedVda);
    expect(err?.hint).toContain('No file was removed');
    expect(err?.hint).toContain('while “s2” is listed, do not revert to it');
  });
});
