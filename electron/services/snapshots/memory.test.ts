/**
 * External snapshots with memory and per-disk exclusion, from facts captured in the lab
 * (fixtures/external-memory-*.json: a running copy of tiny with s1 and s2 taken with memory, then
 * reverted to s1 by Vireo — the memory restored from s1's file).
 */
import { describe, expect, it } from 'vitest';
import { chainFactsOf } from './chain';
import { checkCreate, externalMemoryOffer, memoryFileFor, snapshotList } from './checks';
import type { SnapshotFacts } from './facts';
import { fixture, refusal, snapshotOf } from './facts.fixture';
import { planDeleteByBlockJobs } from './plan';
import { planRevertExternal } from './revert-plan';

const running = fixture('external-memory-running');
const reverted = fixture('external-memory-reverted');
const model = (f: SnapshotFacts, n: string) => snapshotOf(f, n).model;

describe('external snapshots with memory', () => {
  it('listed with their memory file, captured "running, with memory"; offered only while the VM runs', () => {
    const l = snapshotList(running);
    const s1 = l.snapshots.find((s) => s.name === 's1');
    expect(s1).toMatchObject({ kind: 'external', captured: 'running, with memory' });
    expect(s1?.memoryFile).toBe(model(running, 's1').memoryFile);
    expect(s1?.memoryFile).toMatch(/\.s1\.mem$/);
    expect(l.offers.externalMemory).toEqual({ ok: true });
    const off: SnapshotFacts = { ...running, vm: { ...running.vm, state: 'shutoff' } };
    expect(externalMemoryOffer(off)).toMatchObject({ ok: false, why: expect.stringMatching(/not running/) });
    expect(refusal(() => checkCreate(off, { name: 'x', kind: 'external', quiesce: false, memory: true }))).toMatch(/not running/);
  });

  it('the memory file goes beside the first disk, named after the VM, the snapshot and the uuid’s first 8 hex', () => {
    const dir = (model(running, 's1').memoryFile ?? '').replace(/[^/]*$/, '');
    expect(memoryFileFor(running, 's9')).toBe(`${dir}${running.vm.name}.s9.${running.vm.uuid.slice(0, 8)}.mem`);
  });

  it("the delete-VM list names the memory files (virt-manager#810); a delete removes the snapshot's own with its overlay", () => {
    const files = snapshotList(running).files;
    for (const n of ['s1', 's2'])
      expect(files).toContainEqual(expect.objectContaining({ path: model(running, n).memoryFile, role: `memory state of “${n}”` }));
    const plan = planDeleteByBlockJobs(chainFactsOf(running), 's2');
    expect(plan.merges).toHaveLength(1);
    expect(plan.removeFiles).toEqual([model(running, 's2').disks[0]?.file, model(running, 's2').memoryFile]);
  });

  it("Vireo's revert restores the memory: the plan names s1's file, the disks go back to s1's images with fresh overlays", () => {
    const p = planRevertExternal(running, 's1', 'k1');
    const s1 = model(running, 's1');
    const image = s1.domain?.disks.find((d) => d.target === 'vda')?.path ?? '';
    expect(p).toEqual({
      snapshot: 's1',
      disks: [{ target: 'vda', image, overlay: `${image.replace(/\.qcow2$/, '')}.s1-revert-k1.qcow2` }],
      untouched: [],
      memoryFile: s1.memoryFile,
    });
  });

  it('after that revert (captured): the VM runs on a fresh overlay over s1’s image, s1 current, s2 reverted away', () => {
    const l = snapshotList(reverted);
    expect(l.running).toBe(true);
    expect(l.snapshots.find((s) => s.current)?.name).toBe('s1');
    expect(l.snapshots.find((s) => s.name === 's2')?.revertedAway).toBe(true);
    const vda = chainFactsOf(reverted).disks.find((d) => d.target === 'vda')?.chain ?? [];
    expect(vda[0]).toMatch(/\.s1-revert-[0-9a-z]+\.qcow2$/);
    expect(vda[1]).toBe(model(reverted, 's1').domain?.disks.find((d) => d.target === 'vda')?.path);
    // s2 (reverted away) goes without a merge, its memory file with its overlay
    const plan = planDeleteByBlockJobs(chainFactsOf({ ...reverted, otherUsersNextBoot: true }), 's2'); // as the delete path reads
    expect(plan.merges).toEqual([]);
    expect(plan.removeFiles).toContain(model(reverted, 's2').memoryFile);
  });

  it('memory only with an external snapshot', () => {
    const none: SnapshotFacts = { ...running, snapshots: [], current: null };
    expect(refusal(() => checkCreate(none, { name: 'x', kind: 'internal', quiesce: false, memory: true }))).toMatch(
      /only an external snapshot/,
    );
  });
});

describe('disks left out', () => {
  it('refused naming the field: a disk the VM lacks, or every disk', () => {
    expect(refusal(() => checkCreate(running, { name: 'x', kind: 'external', quiesce: false, exclude: ['vdz'] }))).toMatch(
      /Disks: .* has no disk vdz/,
    );
    expect(refusal(() => checkCreate(running, { name: 'x', kind: 'external', quiesce: false, exclude: ['vda'] }))).toMatch(
      /Disks: every disk is left out/,
    );
    expect(snapshotList(running).disks.map((d) => d.target)).toEqual(['vda']);
  });
});
