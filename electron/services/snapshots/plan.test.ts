/**
 * The chain planner and Vireo's external revert, from facts captured in the lab
 * (fixtures/*.json, VIREO_CAPTURE=1 on snapshots.lab.test.ts), and a property test: over random
 * chains, branches and other VMs' images, a plan never drops a layer something still needs and
 * never merges into an image another snapshot's data is in.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainFacts, chainFactsOf, descendantsLeafFirst } from './chain';
import type { SnapshotFacts } from './facts';
import { applyPlan, planDeleteByBlockJobs, planDeleteWithChildren } from './plan';
import { planRevertExternal } from './revert-plan';

const fixture = (n: string): SnapshotFacts =>
  JSON.parse(readFileSync(new URL(`./fixtures/${n}.json`, import.meta.url), 'utf8')) as SnapshotFacts;
const two = fixture('two-external-running');
const base = (two.inactive.disks[0]?.path ?? '').replace(/\.m2$/, '.qcow2') ?? '';
const O1 = base.replace(/\.qcow2$/, '.m1');
const O2 = base.replace(/\.qcow2$/, '.m2');

describe('planDeleteByBlockJobs on the lab chain base ← m1 ← m2 (running)', () => {
  it('the middle one: m1 commits into the base, m2 is redefined onto the base, m1 goes', () => {
    expect(planDeleteByBlockJobs(chainFactsOf(two), 'm1')).toEqual({
      snapshot: 'm1',
      merges: [{ target: 'vda', top: O1, base, active: false }],
      discards: [],
      redefine: [{ name: 'm2', moves: { vda: base } }],
      removeFiles: [O1],
    });
  });

  it('the top one: an active commit of m2 into m1, nothing to redefine', () => {
    expect(planDeleteByBlockJobs(chainFactsOf(two), 'm2')).toEqual({
      snapshot: 'm2',
      merges: [{ target: 'vda', top: O2, base: O1, active: true }],
      discards: [],
      redefine: [],
      removeFiles: [O2],
    });
  });

  it('refuses when the VM is shut off, for internal snapshots, and for an unknown name', () => {
    expect(() => planDeleteByBlockJobs({ ...chainFactsOf(two), running: false }, 'm1')).toThrow(/need the VM running/);
    expect(() => planDeleteByBlockJobs(chainFactsOf(fixture('internal-running')), 'i1 “quoted” <&>')).toThrow(/internal snapshot/);
    expect(() => planDeleteByBlockJobs(chainFactsOf(two), 'nope')).toThrow(/no snapshot “nope”/);
  });

  it('refuses when another VM uses the image it would change', () => {
    const c = chainFactsOf(two);
    expect(() => planDeleteByBlockJobs({ ...c, otherUsers: { ...c.otherUsers, [base]: ['other vm'] } }, 'm1')).toThrow(
      /also used by other vm/,
    );
  });

  it('after Vireo reverted to an external snapshot (VM shut off), its old overlay is off the chain: discarded without a merge, the image kept', () => {
    const f = fixture('external-reverted-shutoff');
    const snap = f.snapshots[0]?.model;
    const old = snap?.disks[0]?.file as string;
    const image = snap?.domain?.disks[0]?.path as string;
    const fresh = f.domain.disks[0]?.path as string;
    // the pool's reading: the fresh overlay is built on the snapshot's image, the old overlay too (nothing on it)
    const files = { [fresh]: { allocation: 1, backing: image }, [old]: { allocation: 1, backing: image }, [image]: { allocation: 1 } };
    // as the delete path reads: every other VM's next boot too
    const c = chainFactsOf({ ...f, files, otherUsersNextBoot: true });
    expect(c.disks[0]?.chain).toEqual([fresh, image]);
    expect(planDeleteByBlockJobs(c, 'e1')).toEqual({
      snapshot: 'e1',
      merges: [],
      discards: [{ target: 'vda', overlay: old }],
      redefine: [],
      removeFiles: [old],
    });
    // something built on the old overlay: refused, naming it
    expect(() =>
      planDeleteByBlockJobs(
        chainFactsOf({ ...f, otherUsersNextBoot: true, files: { ...files, '/x/clone.qcow2': { allocation: 1, backing: old } } }),
        'e1',
      ),
    ).toThrow(/clone\.qcow2 is built on/);
    // the pool not read: nothing is discarded
    expect(() => planDeleteByBlockJobs(chainFactsOf({ ...f, otherUsersNextBoot: true }), 'e1')).toThrow(
      /could not read which files are built on/,
    );
    // another running VM's next boot not read (it may name the old overlay): nothing is discarded
    expect(() => planDeleteByBlockJobs(chainFactsOf({ ...f, files }), 'e1')).toThrow(
      /could not read every other VM's next-boot definition, so it cannot tell that none names .*\.e1$/,
    );
  });
});

describe('planDeleteByBlockJobs on metadata made elsewhere', () => {
  const c = (snapshots: ChainFacts['snapshots'], chain: string[]): ChainFacts => ({
    running: true,
    disks: [{ target: 'vda', chain }],
    snapshots,
    otherUsers: {},
  });
  it('refuses to merge into an image another snapshot also holds its data in', () => {
    const snaps = [
      { name: 'a', kind: 'external' as const, disks: [{ target: 'vda', overlay: 'oa', image: 'base' }] },
      { name: 'b', kind: 'external' as const, disks: [{ target: 'vda', overlay: 'ob', image: 'base' }] },
    ];
    expect(() => planDeleteByBlockJobs(c(snaps, ['oa', 'base']), 'a')).toThrow(/holds the data of snapshot “b” too/);
  });
  it('refuses when the layer under the overlay is not the snapshot image', () => {
    const snaps = [{ name: 'a', kind: 'external' as const, disks: [{ target: 'vda', overlay: 'oa', image: 'base' }] }];
    expect(() => planDeleteByBlockJobs(c(snaps, ['oa', 'other', 'base']), 'a')).toThrow(/does not run on “a”'s overlay oa over base/);
  });
});

describe('delete with children', () => {
  const ext = (name: string, overlay: string, image: string, parent?: string) => ({
    name,
    ...(parent ? { parent } : {}),
    kind: 'external' as const,
    disks: [{ target: 'vda', overlay, image }],
  });
  it('leaves first, newest first; each step planned on what the steps before leave', () => {
    // base ← o1 (s1) ← o2 (s2) ← o3 (s3), the VM on o3
    const c: ChainFacts = {
      running: true,
      disks: [{ target: 'vda', chain: ['o3', 'o2', 'o1', 'base'] }],
      snapshots: [ext('s1', 'o1', 'base'), ext('s2', 'o2', 'o1', 's1'), ext('s3', 'o3', 'o2', 's2')],
      otherUsers: {},
      backing: { o3: 'o2', o2: 'o1', o1: 'base' },
    };
    expect(descendantsLeafFirst(c, 's1')).toEqual(['s3', 's2']);
    const plans = planDeleteWithChildren(c, 's1');
    expect(plans.map((p) => [p.snapshot, p.merges.map((m) => `${m.top}>${m.base}${m.active ? '*' : ''}`)])).toEqual([
      ['s3', ['o3>o2*']],
      ['s2', ['o2>o1*']],
      ['s1', ['o1>base*']],
    ]);
    const end = plans.reduce(applyPlan, c);
    expect(end.disks[0]?.chain).toEqual(['base']);
    expect(end.snapshots).toEqual([]);
  });
  it('a branch the VM was reverted away from goes as a whole; alone its root is refused, naming the child', () => {
    // e1 (base ← o1), then e2 on o1 (o1 ← o2); reverted to e1: the VM on fresh over base, o1 and o2 off the chain
    const c: ChainFacts = {
      running: false,
      disks: [{ target: 'vda', chain: ['fresh', 'base'] }],
      snapshots: [ext('e1', 'o1', 'base'), ext('e2', 'o2', 'o1', 'e1')],
      otherUsers: {},
      otherUsersComplete: true,
      backing: { o1: 'base', o2: 'o1', fresh: 'base' },
    };
    expect(() => planDeleteByBlockJobs(c, 'e1')).toThrow(/“e2” has its data in o1.*reverted away/);
    const plans = planDeleteWithChildren(c, 'e1');
    expect(plans.map((p) => [p.snapshot, p.merges.length, p.removeFiles])).toEqual([
      ['e2', 0, ['o2']],
      ['e1', 0, ['o1']],
    ]);
  });
  it('refused as a whole when one step would be', () => {
    const c: ChainFacts = {
      running: false,
      disks: [{ target: 'vda', chain: ['o2', 'o1', 'base'] }],
      snapshots: [ext('s1', 'o1', 'base'), ext('s2', 'o2', 'o1', 's1')],
      otherUsers: {},
      backing: { o2: 'o1', o1: 'base' },
    };
    expect(() => planDeleteWithChildren(c, 's1')).toThrow(/need the VM running/);
  });
});

describe('planRevertExternal', () => {
  it('points vda back at the snapshot image with a fresh overlay beside it', () => {
    expect(planRevertExternal(two, 'm1', 'abc')).toEqual({
      snapshot: 'm1',
      disks: [{ target: 'vda', image: base, overlay: `${base.replace(/\.qcow2$/, '')}.m1-revert-abc.qcow2` }],
      untouched: [],
    });
    expect(planRevertExternal(two, 'm2', 'x').disks[0]?.image).toBe(O1);
    expect(() => planRevertExternal(fixture('internal-running'), 'i1 “quoted” <&>', 'x')).toThrow(/is internal/);
  });
});

// ---- the property -------------------------------------------------------------------------------

/**
 * Random facts: one disk, a linear chain of n external snapshots (image_k ← overlay_k), the VM
 * possibly reverted to snapshot r (a fresh overlay on image_r; the old layers above stay as a
 * branch), other VMs using random files, and sometimes an internal snapshot (mixed chain).
 */
const arbFacts = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    revertTo: fc.option(fc.nat(5), { nil: undefined }),
    users: fc.array(fc.nat(7), { maxLength: 1 }),
    mixed: fc.constantFrom(false, false, false, true),
    running: fc.constantFrom(true, true, true, false),
    branchSnapshot: fc.boolean(),
    del: fc.nat(7),
    poolRead: fc.constantFrom(true, true, true, false),
    nextBootRead: fc.constantFrom(true, true, true, false),
    /** a file outside the snapshots built on a random layer (a clone's overlay, made by hand) */
    builtOn: fc.option(fc.nat(7), { nil: undefined }),
    /** each snapshot's memory state file (none, or one of three: two snapshots may name the same one) */
    mems: fc.array(fc.option(fc.nat(2), { nil: undefined }), { minLength: 7, maxLength: 7 }),
    /** a memory file another VM's snapshot names */
    memUser: fc.option(fc.nat(2), { nil: undefined }),
  })
  .map(({ n, revertTo, users, mixed, running, branchSnapshot, del, poolRead, nextBootRead, builtOn, mems, memUser }) => {
    const file = (k: number) => (k === 0 ? 'base.qcow2' : `o${k}`); // o_k: overlay of snapshot k (1-based)
    const snapshots: ChainFacts['snapshots'] = Array.from({ length: n }, (_, i) => ({
      name: `s${i + 1}`,
      ...(i > 0 ? { parent: `s${i}` } : {}),
      kind: 'external' as const,
      disks: [{ target: 'vda', overlay: file(i + 1), image: file(i) }],
      ...(mems[i] !== undefined ? { memory: `m${mems[i]}.mem` } : {}),
    }));
    if (mixed) snapshots.push({ name: 'int', kind: 'internal', disks: [] });
    let chain = Array.from({ length: n + 1 }, (_, k) => file(n - k)); // top first
    const r = revertTo === undefined ? undefined : revertTo % n;
    if (r !== undefined) chain = ['fresh', ...Array.from({ length: r + 1 }, (_, k) => file(r - k))];
    // a snapshot taken on the new branch after the revert
    if (r !== undefined && branchSnapshot) {
      snapshots.push({ name: 'b1', parent: `s${r + 1}`, kind: 'external', disks: [{ target: 'vda', overlay: 'fresh2', image: 'fresh' }] });
      chain = ['fresh2', ...chain];
    }
    const otherUsers: Record<string, string[]> = {};
    for (const u of users) otherUsers[file(u % (n + 1))] = ['other'];
    const backing: Record<string, string> = {};
    for (let k = 1; k <= n; k++) backing[file(k)] = file(k - 1);
    if (r !== undefined) backing.fresh = file(r);
    if (chain.includes('fresh2')) backing.fresh2 = 'fresh';
    if (builtOn !== undefined) backing.handmade = file(builtOn % (n + 1));
    const names = snapshots.filter((x) => x.kind === 'external').map((x) => x.name);
    return {
      facts: {
        running,
        disks: [{ target: 'vda', chain }],
        snapshots,
        otherUsers,
        ...(memUser !== undefined ? { memoryUsers: { [`m${memUser}.mem`]: ['other (snapshot “x”)'] } } : {}),
        ...(poolRead ? { backing } : {}),
        ...(nextBootRead ? { otherUsersComplete: true } : {}),
      } as ChainFacts,
      del: names[del % names.length] ?? 's1',
    };
  });

/** What still needs each file after the plan: kept snapshots (images moved as planned), other VMs, and every layer's child. */
function stillNeeded(c: ChainFacts, plan: ReturnType<typeof planDeleteByBlockJobs>): Set<string> {
  const needed = new Set<string>([...Object.keys(c.otherUsers), ...Object.keys(c.memoryUsers ?? {})]);
  // whatever a kept file is built on (a file the plan removes does not count)
  // (a commit rewrites the backing of the layer above it in the VM's chain, and only that one)
  for (const [f, b] of Object.entries(c.backing ?? {})) {
    if (plan.removeFiles.includes(f)) continue;
    const m = plan.merges.find((x) => x.top === b && c.disks.some((d) => d.target === x.target && d.chain[d.chain.indexOf(b) - 1] === f));
    needed.add(m ? m.base : b);
  }
  for (const s of c.snapshots.filter((x) => x.name !== plan.snapshot)) {
    if (s.memory) needed.add(s.memory); // a memory state file a kept snapshot names
    const moves = plan.redefine.find((r) => r.name === s.name)?.moves ?? {};
    for (const d of s.disks) {
      needed.add(moves[d.target] ?? d.image);
      needed.add(d.overlay);
      // an overlay off the running chain still reads its original image, whatever the metadata says
      if (!c.disks.some((x) => x.target === d.target && x.chain.includes(d.overlay))) needed.add(d.image);
    }
  }
  // the running chain after the merges
  for (const d of c.disks)
    for (const p of d.chain.filter((x) => !plan.merges.some((m) => m.target === d.target && m.top === x))) needed.add(p);
  return needed;
}

describe('the chain planner (property)', () => {
  it('never drops a layer still referenced, never merges into an image another snapshot or VM reads', () => {
    fc.assert(
      fc.property(arbFacts, ({ facts, del }) => {
        let plan: ReturnType<typeof planDeleteByBlockJobs>;
        try {
          plan = planDeleteByBlockJobs(facts, del);
        } catch {
          return; // a refusal is always safe
        }
        const needed = stillNeeded(facts, plan);
        for (const f of plan.removeFiles) expect(needed.has(f), `${f} is removed but still needed`).toBe(false);
        const kept = facts.snapshots.filter((s) => s.name !== del);
        for (const m of plan.merges) {
          expect(kept.some((s) => s.disks.some((d) => d.image === m.base))).toBe(false);
          expect(facts.otherUsers[m.base]).toBeUndefined();
          // a branch (an overlay off the running chain) must not sit on the dropped layer
          const branchOnTop = kept.some((s) => s.disks.some((d) => d.image === m.top && !facts.disks[0]?.chain.includes(d.overlay)));
          expect(branchOnTop).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('with children: every step of the whole plan keeps what the facts it runs on still need; the subtree and only it goes', () => {
    fc.assert(
      fc.property(arbFacts, ({ facts, del }) => {
        let plans: ReturnType<typeof planDeleteWithChildren>;
        try {
          plans = planDeleteWithChildren(facts, del);
        } catch {
          return;
        }
        let cur = facts;
        for (const p of plans) {
          const needed = stillNeeded(cur, p);
          for (const f of p.removeFiles) expect(needed.has(f), `${p.snapshot}: ${f} is removed but still needed`).toBe(false);
          for (const m of p.merges) expect(cur.otherUsers[m.base]).toBeUndefined();
          cur = applyPlan(cur, p);
        }
        const gone = new Set([del, ...descendantsLeafFirst(facts, del)]);
        expect(cur.snapshots.map((s) => s.name).sort()).toEqual(
          facts.snapshots
            .filter((s) => !gone.has(s.name))
            .map((s) => s.name)
            .sort(),
        );
        // every file a snapshot left standing names is still there (not removed by any step)
        const removed = new Set(plans.flatMap((p) => p.removeFiles));
        for (const s of cur.snapshots) for (const d of s.disks) expect(removed.has(d.image) || removed.has(d.overlay)).toBe(false);
        for (const d of cur.disks) for (const p of d.chain) expect(removed.has(p)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('memory state files: removed with their snapshot unless another snapshot (any VM) names them, then kept and named', () => {
    let removed = 0;
    let kept = 0;
    fc.assert(
      fc.property(arbFacts, ({ facts, del }) => {
        let plan: ReturnType<typeof planDeleteByBlockJobs>;
        try {
          plan = planDeleteByBlockJobs(facts, del);
        } catch {
          return;
        }
        const mem = facts.snapshots.find((x) => x.name === del)?.memory;
        if (!mem) {
          expect(plan.keptFiles).toBeUndefined();
          return;
        }
        const shared = facts.snapshots.some((x) => x.name !== del && x.memory === mem) || !!facts.memoryUsers?.[mem];
        expect(plan.removeFiles.includes(mem)).toBe(!shared);
        expect(plan.keptFiles?.map((k) => k.file) ?? []).toEqual(shared ? [mem] : []);
        if (shared) kept++;
        else removed++;
      }),
      { numRuns: 500, seed: 22 },
    );
    expect(removed).toBeGreaterThan(10);
    expect(kept).toBeGreaterThan(10);
  });

  it('discards (reverted-away overlays) are planned, not always refused', () => {
    let discarded = 0;
    fc.assert(
      fc.property(arbFacts, ({ facts, del }) => {
        let plan: ReturnType<typeof planDeleteByBlockJobs>;
        try {
          plan = planDeleteByBlockJobs(facts, del);
        } catch {
          return;
        }
        discarded += plan.discards.length;
        // only when every other VM's next boot was read (one may name the overlay)
        if (plan.discards.length) expect(facts.otherUsersComplete).toBe(true);
      }),
      { numRuns: 500, seed: 22 },
    );
    expect(discarded).toBeGreaterThan(10);
  });

  it('plans (does not refuse) the plain case: a running linear chain, nobody else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(5), (n, k) => {
        const del = `s${(k % n) + 1}`;
        const file = (i: number) => (i === 0 ? 'base.qcow2' : `o${i}`);
        const facts: ChainFacts = {
          running: true,
          disks: [{ target: 'vda', chain: Array.from({ length: n + 1 }, (_, i) => file(n - i)) }],
          snapshots: Array.from({ length: n }, (_, i) => ({
            name: `s${i + 1}`,
            kind: 'external' as const,
            disks: [{ target: 'vda', overlay: file(i + 1), image: file(i) }],
          })),
          otherUsers: {},
        };
        const plan = planDeleteByBlockJobs(facts, del);
        expect(plan.merges).toHaveLength(1);
        expect(plan.merges[0]?.active).toBe(del === `s${n}`);
      }),
    );
  });
});
