// What a failed (or finished) migration may change afterwards, decided from what each host shows.
// Facts as the lab's libvirt 9.0 reports them: state + reason (virDomainPausedReason 2 migration,
// 13 post-copy failed; virDomainRunningReason 11 post-copy failed).
import { describe, expect, it } from 'vitest';
import { type CleanupFacts, type HostView, planCleanup } from './cleanup';

const A = (state: HostView['state'], reason = 0, detail?: string): HostView => ({
  hostName: 'lab-a',
  state,
  reason,
  ...(detail ? { detail } : {}),
});
const B = (state: HostView['state'], reason = 0, detail?: string): HostView => ({
  hostName: 'lab-b',
  state,
  reason,
  ...(detail ? { detail } : {}),
});

const copies = [{ path: '/var/lib/libvirt/images/t1.qcow2', probeSaw: false, libvirtSaw: 'no' as const }];

function facts(o: Partial<CleanupFacts>): CleanupFacts {
  return {
    name: 't1',
    mode: 'live',
    source: A('running', 1),
    dest: B('absent'),
    wasPaused: false,
    steeredPause: false,
    created: [],
    liveCopies: [],
    ...o,
  };
}

describe('h4 migration cleanup: an unknown outcome changes nothing', () => {
  it('h4 both hosts show the VM running after a failed live copy: no disk deleted, nothing resumed, each host named', () => {
    const p = planCleanup(facts({ source: A('running', 1), dest: B('running', 2), liveCopies: copies }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toContain('lab-a shows t1 running');
    expect(p.unknown?.message).toContain('lab-b shows t1 running');
    expect(p.unknown?.message).toContain('Vireo changed nothing');
    expect(p.unknown?.hint).toMatch(/virsh destroy t1/);
    expect(p.unknown?.hint).toContain('/var/lib/libvirt/images/t1.qcow2');
  });

  it('h4 post-copy failed (source paused POSTCOPY_FAILED, destination running post-copy failed): the source is never resumed', () => {
    const p = planCleanup(facts({ source: A('paused', 13), dest: B('running', 11), steeredPause: true, liveCopies: copies }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toContain('lab-a shows t1 paused (post-copy failed)');
    expect(p.unknown?.message).toContain('lab-b shows t1 running (post-copy failed)');
    expect(p.unknown?.hint).toMatch(/--postcopy-resume/);
    expect(p.unknown?.hint).toMatch(/Do not resume t1 on lab-a/);
  });

  it("h4 post-copy failed and the destination's copy is gone: the stale source is not resumed, the copied disks are kept", () => {
    const p = planCleanup(facts({ source: A('paused', 13), dest: B('absent'), liveCopies: copies }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toContain('lab-b has no t1');
    expect(p.unknown?.hint).toMatch(/state is lost/);
    expect(p.unknown?.hint).toMatch(/virsh destroy t1/);
  });

  it('h4 source paused in post-copy (reason POSTCOPY) with nothing on the destination: unknown, nothing changed', () => {
    const p = planCleanup(facts({ source: A('paused', 12), dest: B('absent'), liveCopies: copies }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
  });

  it('h4 destination crashed (an active copy that does not run): the source stays paused, the copies stay', () => {
    const p = planCleanup(facts({ source: A('paused', 2), dest: B('crashed'), liveCopies: copies }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toContain('lab-b shows t1 crashed');
  });

  it('h4 a destination paused with POSTCOPY_FAILED after a "move" is not resumed', () => {
    const p = planCleanup(facts({ source: A('absent'), dest: B('paused', 13), steeredPause: true }));
    expect(p.actions).not.toContainEqual({ kind: 'resume', on: 'dest' });
    expect(p.outcome).toBe('unknown');
  });

  it('h4 no destination known (found on the host, destination not connected): a paused source is not resumed', () => {
    const p = planCleanup(facts({ source: A('paused', 2), dest: null }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toMatch(/destination is not known/);
  });

  it('stayed, nothing on the destination: the copies libvirt made are removed, the pause undone on the source', () => {
    const p = planCleanup(
      facts({
        source: A('paused', 2),
        dest: B('absent'),
        liveCopies: [...copies, { path: '/var/lib/libvirt/images/old.qcow2', probeSaw: true, libvirtSaw: 'yes' }],
      }),
    );
    expect(p.outcome).toBe('stayed');
    expect(p.unknown).toBeUndefined();
    expect(p.actions).toEqual([
      { kind: 'resume', on: 'source' },
      { kind: 'delete-live-copy', path: '/var/lib/libvirt/images/t1.qcow2' },
    ]);
  });

  it('stayed, paused through the job: resumed; paused before the job: left paused', () => {
    expect(planCleanup(facts({ source: A('paused', 1), steeredPause: true })).actions).toEqual([{ kind: 'resume', on: 'source' }]);
    expect(planCleanup(facts({ source: A('paused', 1), wasPaused: true })).actions).toEqual([]);
  });

  it('moved: the steered pause is undone on the destination; nothing is deleted', () => {
    const p = planCleanup(facts({ source: A('absent'), dest: B('paused', 1), steeredPause: true, liveCopies: copies }));
    expect(p.outcome).toBe('moved');
    expect(p.actions).toEqual([{ kind: 'resume', on: 'dest' }]);
  });
});

describe('m1 offline copy: placement that cannot be read means touch nothing', () => {
  it('m1 the source host does not answer (reconnecting): the copies on the destination are kept, the admin told what each host shows', () => {
    const p = planCleanup(
      facts({
        mode: 'offline',
        source: A('unreadable', 0, 'lab-a: connection closed'),
        dest: B('absent'),
        created: ['t1.qcow2'],
      }),
    );
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toContain('lab-a could not be read (lab-a: connection closed)');
    expect(p.unknown?.message).toContain('lab-b has no t1');
    expect(p.unknown?.hint).toMatch(/t1\.qcow2/);
    expect(p.unknown?.hint).toMatch(/virsh list --all/);
  });

  it('m1 the destination does not answer: the copies are kept (the definition may live only there)', () => {
    const p = planCleanup(facts({ mode: 'offline', source: A('absent'), dest: B('unreadable', 0, 'timed out'), created: ['t1.qcow2'] }));
    expect(p.outcome).toBe('unknown');
    expect(p.actions).toEqual([]);
    expect(p.unknown?.message).toContain('lab-b could not be read (timed out)');
  });

  it('offline copy failed before the move (definition still only on the source): the partial copies are removed', () => {
    const p = planCleanup(facts({ mode: 'offline', source: A('shutoff', 1), dest: B('absent'), created: ['t1.qcow2', 't1-b.qcow2'] }));
    expect(p.outcome).toBe('stayed');
    expect(p.actions).toEqual([
      { kind: 'delete-created', name: 't1.qcow2' },
      { kind: 'delete-created', name: 't1-b.qcow2' },
    ]);
  });

  it('offline: the definition arrived on the destination: moved, its disks kept', () => {
    const p = planCleanup(facts({ mode: 'offline', source: A('shutoff', 1), dest: B('shutoff', 0), created: ['t1.qcow2'] }));
    expect(p.outcome).toBe('moved');
    expect(p.actions).toEqual([]);
  });
});

describe("low rollback pre-existing: libvirt's own lookup decides what was there before", () => {
  it('low rollback pre-existing a volume libvirt knew at the destination path is kept, though a non-root [ -e ] did not see it', () => {
    const p = planCleanup(
      facts({
        source: A('running', 6),
        dest: B('absent'),
        liveCopies: [{ path: '/srv/vms/t1.qcow2', probeSaw: false, libvirtSaw: 'yes' }],
      }),
    );
    expect(p.outcome).toBe('stayed');
    expect(p.actions).toEqual([]);
  });

  it('low rollback pre-existing libvirt could not be asked before the job: kept', () => {
    const p = planCleanup(
      facts({
        source: A('running', 6),
        dest: B('absent'),
        liveCopies: [{ path: '/srv/vms/t1.qcow2', probeSaw: false, libvirtSaw: 'unknown' }],
      }),
    );
    expect(p.actions).toEqual([]);
  });
});
