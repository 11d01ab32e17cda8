/**
 * The snapshots check from captured pre-flight facts (fixtures/preflight) with the VM's snapshots
 * as the snapshot service captured them in the lab (electron/services/snapshots/fixtures).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../snapshots/checks';
import type { SnapshotFacts } from '../snapshots/facts';
import { check, run, scenario } from './preflight.fixture';

const kinds = (n: string) =>
  (JSON.parse(readFileSync(new URL(`../snapshots/fixtures/${n}.json`, import.meta.url), 'utf8')) as SnapshotFacts).snapshots.map((s) => ({
    name: s.model.name,
    kind: kindOf(s.model),
  }));

describe('pre-flight: a VM with snapshots', () => {
  it('none: no check', () => {
    const s = scenario('live-copy-default-pool');
    s.facts.snapshots = { ok: true, value: [] };
    expect(run(s).plan.checks.some((c) => c.id === 'snapshots')).toBe(false);
  });

  it('internal, copying storage: fails with libvirt refusal; the snapshots would not arrive; the fix is to delete them', () => {
    const s = scenario('live-copy-default-pool');
    s.facts.snapshots = { ok: true, value: kinds('internal-running') };
    const pf = run(s);
    const c = check(pf, 'snapshots');
    expect(c.status).toBe('fail');
    expect(c.message).toMatch(/has 1 snapshot: libvirt refuses .*cannot migrate domain with 1 snapshots/);
    expect(c.details?.[0]).toMatch(/^Internal “i1 “quoted” <&>”: .*storage copy carries only the disks' current state/);
    expect(c.details?.at(-1)).toMatch(/^Fix: delete the snapshots/);
    expect(pf.plan.canStart).toBe(false);
  });

  it('external, shared storage: the overlays must exist on the destination; the fix names the metadata move', () => {
    const s = scenario('live-shared-p2p');
    s.facts.snapshots = { ok: true, value: kinds('two-external-running') };
    const c = check(run(s), 'snapshots');
    expect(c.message).toMatch(/has 2 snapshots/);
    expect(c.details?.[0]).toMatch(/^External “m1”, “m2”: .*every overlay path must exist on/);
    expect(c.details?.at(-1)).toMatch(/snapshot-delete --metadata, migrate, then snapshot-create --redefine/);
  });

  it('unreadable snapshots: no check (libvirt itself refuses with its message at the start)', () => {
    const s = scenario('live-copy-default-pool');
    s.facts.snapshots = { ok: false, error: 'no' };
    expect(run(s).plan.checks.some((c) => c.id === 'snapshots')).toBe(false);
  });
});
