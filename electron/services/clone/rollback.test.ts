import { describe, expect, it } from 'vitest';
import { planCloneRollback } from './rollback';

const base = { name: 'web1-clone', target: 'lab-b', volumes: ['default/web1-clone.qcow2'] };

describe('m1 clone rollback: a definition that may exist keeps its disks', () => {
  it('m1 clone the define was sent and the target cannot be asked: nothing removed, the admin told what to check', () => {
    const p = planCloneRollback({ ...base, definition: 'unknown' });
    expect(p).toMatchObject({ undefine: false, deleteVolumes: false });
    expect(p.kept).toContain('default/web1-clone.qcow2');
    expect(p.kept).toMatch(/could not ask lab-b/);
    expect(p.kept).toMatch(/virsh list --all/);
  });

  it('the clone is defined (by this job, or found under its UUID): undefined first, then its volumes', () => {
    expect(planCloneRollback({ ...base, definition: 'ours' })).toEqual({ undefine: true, deleteVolumes: true });
  });

  it('no definition (never sent, or the target has no such UUID): the volumes go', () => {
    expect(planCloneRollback({ ...base, definition: 'none' })).toEqual({ undefine: false, deleteVolumes: true });
  });
});
