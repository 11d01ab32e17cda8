/**
 * Review 8 items 1 (scenario B) and 3: a revert that saves the current state first reverts only
 * once the save is known made, on the client that saw it made (a new one after a link drop), and
 * a failure in between says whether the state was saved and that nothing was reverted. The save is
 * the real createSnapshot against a fake libvirt (fake-rpc.ts) answering as libvirt 9.0 did in the
 * lab (the snapshot listed while its job still runs).
 */
import { describe, expect, it } from 'vitest';
import type { RpcClient } from '../../libvirt/client';
import { ConnectionClosedError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { type DomainRef, JobType } from '../../libvirt/protocol';
import { createSnapshot } from './execute';
import type { SnapshotFacts } from './facts';
import { fixture } from './facts.fixture';
import { saveThenRevert } from './revert-save';

const running = fixture('external-memory-running');
const noSnapshots: SnapshotFacts = { ...running, snapshots: [], current: null };
const dom: DomainRef = { name: running.vm.name, uuid: running.vm.uuid, id: 1 };
const quick = { everyMs: 1, forMs: 30 };

/** The link drops during the save's create; after the reconnect the host shows "before" listed and the job in `jobs` (the last repeats). */
function host(jobs: number[]) {
  const old = fakeRpc();
  old.answer(P.DOMAIN_SNAPSHOT_CREATE_XML, () => {
    throw new ConnectionClosedError('lab-a', new Error('the host closed the connection'));
  });
  old.close();
  const again = fakeRpc();
  let n = 0;
  again.answer(P.DOMAIN_GET_JOB_STATS, () => ({ type: jobs[Math.min(n++, jobs.length - 1)] ?? 0, params: [] }));
  again.answer(P.DOMAIN_LIST_ALL_SNAPSHOTS, () => ({ snapshots: [{ name: 'before', dom }], ret: 1 }));
  return { old, again };
}

const run = (h: ReturnType<typeof host>, reread: (c: RpcClient) => Promise<string>) => {
  const reverted: { client: RpcClient; facts: string }[] = [];
  const rereadOn: RpcClient[] = [];
  const p = saveThenRevert({
    target: 's1',
    saveAs: 'before',
    save: () =>
      createSnapshot(
        h.old.rpc,
        dom,
        noSnapshots,
        { name: 'before', description: '', kind: 'internal', quiesce: false },
        async () => h.again.rpc,
        quick,
      ),
    reread: (c) => {
      rereadOn.push(c);
      return reread(c);
    },
    revert: async (client, facts) => void reverted.push({ client, facts }),
  }).then(
    () => null,
    (e: unknown) => e as Error & { code?: string; hint?: string },
  );
  return { p, reverted, rereadOn };
};

describe('a revert that saves the current state first (review 8 items 1 and 3)', () => {
  it('the save listed while its job still runs: not known made, so nothing is reverted, and the error says so', async () => {
    const h = host([JobType.UNBOUNDED]);
    const r = run(h, async () => 'facts');
    const err = await r.p;
    expect(err).toMatchObject({ code: 'outcome-unknown', message: expect.stringMatching(/^The snapshot “before” did not report back/) });
    expect(err?.hint).toMatch(/virsh domjobinfo .*The VM was not reverted to “s1”\.$/);
    expect(r.rereadOn).toEqual([]);
    expect(r.reverted).toEqual([]);
  });

  it('the save made (listed, no job): re-read and reverted on the client that saw it, not the closed one', async () => {
    const h = host([JobType.UNBOUNDED, JobType.NONE]);
    const r = run(h, async () => 'facts');
    expect(await r.p).toBeNull();
    expect(r.rereadOn).toEqual([h.again.rpc]);
    expect(r.reverted).toEqual([{ client: h.again.rpc, facts: 'facts' }]);
  });

  it('the re-read after the save fails: the error says the state was saved as “before” and the VM was not reverted', async () => {
    const h = host([JobType.NONE]);
    const r = run(h, async () => {
      throw new ConnectionClosedError('lab-a', new Error('the host closed the connection'));
    });
    const err = await r.p;
    expect(err?.message).toMatch(/^The current state was saved as “before”, but the VM was not reverted to “s1”: lab-a: connection closed/);
    expect(err?.hint).toMatch(/“before” holds the state from before; revert to “s1” again \(without saving the current state\)/);
    expect(r.reverted).toEqual([]);
  });
});
