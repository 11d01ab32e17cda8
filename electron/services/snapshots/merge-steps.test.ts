/**
 * Review 8 item 2: a multi-step snapshot delete whose facts cannot be read before a later step (an
 * unreadable other VM: the strict reader's error, "… Nothing was changed. Try again …") must not
 * say nothing was changed: it names the steps done and the files they left, the steps not started,
 * and a merge resumed from the host that still runs there with nobody to pivot it.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { RpcClient } from '../../libvirt/client';
import { fakeRpc } from '../../libvirt/fake-rpc';
import type { DomainRef } from '../../libvirt/protocol';
import type { SnapshotFacts } from './facts';
import { fixture } from './facts.fixture';
import { runMergeSteps } from './merge-steps';

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
