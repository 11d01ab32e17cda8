/**
 * The fresh overlay Vireo's revert made for a branch goes when that branch is deleted and nothing
 * names it any more; a file anything names stays, and a doubt keeps it (said in the job). From
 * the facts captured in the lab (fixtures/revert-branch.json, snapshots.lab.test.ts): e1 taken,
 * reverted to by Vireo (overlay R1 = <disk>.e1-revert-….qcow2), e2 taken on R1, reverted to e1
 * again (the VM, shut off, now on R2): e2 is the branch left, its image is R1.
 */
import { describe, expect, it } from 'vitest';
import { chainFactsOf } from './chain';
import type { SnapshotFacts } from './facts';
import { fixture, refusal, snapshotOf } from './facts.fixture';
import { planDeleteByBlockJobs } from './plan';
import { REVERT_OVERLAY } from './revert-plan';

const captured = fixture('revert-branch');
/** As the delete path reads it: other VMs' next-boot definitions read too (readSnapshotFacts nextBoot). */
const branch: SnapshotFacts = { ...captured, otherUsersNextBoot: true };
const e2 = snapshotOf(branch, 'e2').model;
const r1 = e2.domain?.disks.find((d) => d.target === 'vda')?.path ?? '';
const e2Overlay = e2.disks.find((d) => d.name === 'vda')?.file ?? '';
const r2 = branch.domain.disks.find((d) => d.target === 'vda')?.path ?? '';
const plan = (f: SnapshotFacts) => planDeleteByBlockJobs(chainFactsOf(f), 'e2');

describe("the overlay Vireo's revert made for a branch, when the branch is deleted", () => {
  it('captured: e2 (reverted away) sits on R1, the VM on R2; deleting e2 removes its overlay and R1, keeps R2', () => {
    expect(r1).toMatch(REVERT_OVERLAY);
    expect(r2).toMatch(REVERT_OVERLAY);
    expect(r2).not.toBe(r1);
    const p = plan(branch);
    expect(p.merges).toEqual([]);
    expect(p.revertOverlays).toEqual([r1]);
    expect(p.removeFiles).toEqual([e2Overlay, r1]);
    expect(p.removeFiles).not.toContain(r2);
    expect(p.keptFiles).toBeUndefined();
  });

  it('stays when anything names it: the VM’s next boot, another VM (live or next boot), a kept snapshot, a file built on it', () => {
    const inactive = { ...branch, inactive: { ...branch.inactive, disks: branch.inactive.disks.map((d) => ({ ...d, path: r1 })) } };
    const otherVm = { ...branch, otherUsers: { ...branch.otherUsers, [r1]: ['web'] } };
    // e1's saved definition also names R1 (as a disk e1 left out, say)
    const e1 = snapshotOf(branch, 'e1');
    const vda = e1.model.domain?.disks[0];
    if (!e1.model.domain || !vda) throw new Error('e1 has no saved disk');
    const withR1 = { ...e1.model, domain: { ...e1.model.domain, disks: [...e1.model.domain.disks, { ...vda, target: 'vdb', path: r1 }] } };
    const kept: SnapshotFacts = {
      ...branch,
      snapshots: branch.snapshots.map((s) => (s.model.name === 'e1' ? { ...e1, model: withR1 } : s)),
    };
    const built = { ...branch, files: { ...branch.files, '/srv/clone.qcow2': { allocation: 1, backing: r1 } } };
    for (const f of [inactive, otherVm, kept, built]) {
      const p = plan(f);
      expect(p.removeFiles).toEqual([e2Overlay]);
      expect(p.revertOverlays).toBeUndefined();
    }
  });

  it('a doubt keeps it, and the job says why: other VMs’ next boots or the pool’s files not read', () => {
    // the list's facts: other VMs' next boots not read; one may name e2's overlay or R1: nothing goes
    expect(() => plan(captured)).toThrow(/could not read every other VM's next-boot definition/);
    const notRead = chainFactsOf(branch);
    delete notRead.backing;
    expect(() => planDeleteByBlockJobs(notRead, 'e2')).toThrow(/could not read which files are built on/);
    const noNextBoot = plan({ ...branch, inactive: { ...branch.inactive, disks: [] } });
    expect(noNextBoot.revertOverlays).toEqual([r1]); // an empty next boot names nothing: still removed
    const c = chainFactsOf(branch);
    delete c.inactive;
    expect(planDeleteByBlockJobs(c, 'e2').keptFiles?.[0]?.why).toMatch(/could not read the VM's next-boot definition$/);
  });

  it('a file of the user’s that only looks like a revert overlay is never removed (review 6 item 1)', () => {
    // The admin pointed vda at their own web.pre-revert-1.qcow2 (built on the base), took e2, reverted to e1, deletes e2.
    const userFile = '/var/lib/libvirt/images/web.pre-revert-1.qcow2';
    expect(userFile).toMatch(REVERT_OVERLAY); // the name alone would have passed
    const f: SnapshotFacts = JSON.parse(JSON.stringify(branch).split(r1).join(userFile));
    const p = plan(f);
    expect(p.removeFiles).toEqual([e2Overlay]);
    expect(p.revertOverlays).toBeUndefined();
    expect(p.keptFiles).toBeUndefined();
    // Named exactly like Vireo's revert to e1, but the pool says it is built on another file: not Vireo's, kept.
    const base = snapshotOf(branch, 'e1').model.domain?.disks.find((d) => d.target === 'vda')?.path ?? '';
    const elsewhere: SnapshotFacts = { ...branch, files: { ...branch.files, [r1]: { allocation: 1, backing: '/srv/other.qcow2' } } };
    expect(r1.startsWith(`${base.replace(/\.qcow2$/, '')}.e1-revert-`)).toBe(true);
    expect(plan(elsewhere).removeFiles).toEqual([e2Overlay]);
    expect(plan(elsewhere).revertOverlays).toBeUndefined();
    // Named like a revert to a snapshot the VM does not have (e9): not one Vireo made for a kept snapshot, kept.
    const other = r1.replace('.e1-revert-', '.e9-revert-');
    expect(plan(JSON.parse(JSON.stringify(branch).split(r1).join(other))).removeFiles).toEqual([e2Overlay]);
  });

  it('e2’s overlay named by the VM’s own next boot (a live-only change left its definition there): refused, nothing removed (review 7 item 7)', () => {
    // The VM's running chain is R2 ← base (e2 reverted away), but its definition for the next start still names e2's overlay.
    const vda = branch.inactive.disks.find((d) => d.target === 'vda');
    if (!vda) throw new Error('no vda in the next-boot definition');
    const stale: SnapshotFacts = {
      ...branch,
      inactive: { ...branch.inactive, disks: [{ ...vda, path: e2Overlay, backingChain: [{ source: { file: r1, hosts: [] }, path: r1 }] }] },
    };
    expect(refusal(() => plan(stale))).toBe(
      `${e2Overlay} is in the VM's own next-boot definition — It would boot from it at its next start (a live-only change left its definition there): the overlay is kept. Check with \`virsh dumpxml --inactive <vm>\`.`,
    );
  });

  it('a file not named like a revert overlay (a base someone made) is never removed', () => {
    const renamed = r1.replace(/-revert-/, '-kept-');
    const f: SnapshotFacts = JSON.parse(JSON.stringify(branch).split(r1).join(renamed));
    const p = plan(f);
    expect(p.removeFiles).toEqual([e2Overlay]);
    expect(p.keptFiles).toBeUndefined();
  });
});
