// A snapshot create/revert whose dialog was left (review10 1): its late result is a notification,
// also after the dialog's reset; while the dialog watches, it shows the result itself.
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SnapshotList } from '../../shared/api';
import { dismissable, snapshotWriteOptions } from './snapshot-write';

const apiError = {
  code: 'outcome-unknown',
  message: 'libvirt is still busy with the snapshot “s <1> & co”; Vireo undid nothing',
  hint: 'Check with virsh domjobinfo web, then virsh snapshot-current --name web.',
};

function setup<N extends 'snapshots.create' | 'snapshots.revert'>(name: N) {
  const qc = new QueryClient();
  let settle: { resolve(l: SnapshotList): void; reject(e: unknown): void } = { resolve() {}, reject() {} };
  const calls: { errors: [string, unknown, unknown][]; infos: [string, string][]; inputs: unknown[] } = {
    errors: [],
    infos: [],
    inputs: [],
  };
  const state = { watched: true };
  const options = snapshotWriteOptions(
    qc,
    name,
    'h1',
    'u1',
    (input) => {
      calls.inputs.push(input);
      return new Promise<SnapshotList>((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
    {
      watched: () => state.watched,
      vmName: 'web “prod”',
      notifyError: (title, err, scope) => calls.errors.push([title, err, scope]),
      notifyInfo: (title, message) => calls.infos.push([title, message]),
    },
  );
  const observer = new MutationObserver(qc, options);
  const unsubscribe = observer.subscribe(() => {});
  return { qc, observer, unsubscribe, calls, state, settle: () => settle };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('a snapshot write whose dialog is gone', () => {
  it('a create that fails after the dialog was reset and unmounted is a notification with libvirt’s message and hint', async () => {
    const t = setup('snapshots.create');
    t.observer
      .mutate({ name: 's <1> & co', description: '', kind: 'internal', quiesce: false, memory: false, exclude: [] })
      .catch(() => {});
    await tick();
    expect(t.calls.inputs[0]).toMatchObject({ hostId: 'h1', uuid: 'u1', name: 's <1> & co' });
    // what the dialog did on close, then the VM page is left
    t.observer.reset();
    t.unsubscribe();
    t.state.watched = false;
    t.settle().reject(apiError);
    await tick();
    expect(t.calls.errors).toHaveLength(1);
    const [title, err] = t.calls.errors[0] ?? [];
    expect(title).toBe('web “prod”: the snapshot “s <1> & co” was not made');
    expect(err).toBe(apiError);
    expect(t.calls.infos).toEqual([]);
  });

  it('a revert that succeeds after the dialog is gone says so, and the list takes the reply', async () => {
    const t = setup('snapshots.revert');
    t.observer.mutate({ name: 's1', saveCurrentAs: 'before revert to s1' }).catch(() => {});
    await tick();
    t.unsubscribe();
    t.state.watched = false;
    const list = { vmName: 'web “prod”', snapshots: [] } as unknown as SnapshotList;
    t.settle().resolve(list);
    await tick();
    expect(t.calls.infos.map((i) => i[0])).toEqual(['web “prod”: reverted to “s1”']);
    expect(t.qc.getQueryData(['snapshots.list', { hostId: 'h1', uuid: 'u1' }])).toBe(list);
    expect(t.calls.errors).toEqual([]);
  });

  it('while the dialog watches, it shows the result itself: no notification', async () => {
    const t = setup('snapshots.revert');
    t.observer.mutate({ name: 's1' }).catch(() => {});
    await tick();
    t.settle().reject(apiError);
    await tick();
    expect(t.observer.getCurrentResult().error).toBe(apiError);
    expect(t.calls.errors).toEqual([]);
    expect(t.calls.infos).toEqual([]);
  });

  it('the dialog cannot be dismissed while the write is pending', () => {
    expect(dismissable(true)).toEqual({ closeOnEscape: false, closeOnClickOutside: false, withCloseButton: false });
    expect(dismissable(false)).toEqual({ closeOnEscape: true, closeOnClickOutside: true, withCloseButton: true });
  });
});
