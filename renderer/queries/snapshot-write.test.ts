// A snapshot create/revert whose dialog was left or closed (review10 1, review11 1, 2, 5, 9): the
// dialog may close while the write is pending without dropping it; the late result is a
// notification (an error one stays until closed) titled by what is known; one write at a time.
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SnapshotList } from '../../shared/api';
import { closeWrite, errorTitle, snapshotWriteOptions, writePending } from './snapshot-write';

const unknownError = {
  code: 'outcome-unknown',
  message: 'libvirt is still busy with the snapshot “s <1> & co”; Vireo undid nothing',
  hint: 'Check with virsh domjobinfo web, then virsh snapshot-current --name web.',
};
const refused = { code: 'libvirt', message: 'internal snapshots of a VM with a raw disk are not supported', hint: 'Use external.' };

function setup<N extends 'snapshots.create' | 'snapshots.revert'>(name: N, qc = new QueryClient()) {
  let settle: { resolve(l: SnapshotList): void; reject(e: unknown): void } = { resolve() {}, reject() {} };
  const calls: { errors: [string, unknown, unknown, unknown][]; infos: [string, string][]; inputs: unknown[] } = {
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
      notifyError: (title, err, scope, opts) => calls.errors.push([title, err, scope, opts]),
      notifyInfo: (title, message) => calls.infos.push([title, message]),
    },
  );
  const observer = new MutationObserver(qc, options);
  const unsubscribe = observer.subscribe(() => {});
  return { qc, observer, unsubscribe, calls, state, settle: () => settle };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const createInput = { name: 's <1> & co', description: '', kind: 'internal' as const, quiesce: false, memory: false, exclude: [] };

describe('a snapshot write whose dialog is gone', () => {
  it('an unknown outcome after the dialog is gone: a notification that says so (not "not made"), with libvirt’s message and hint, that stays', async () => {
    const t = setup('snapshots.create');
    t.observer.mutate(createInput).catch(() => {});
    await tick();
    expect(t.calls.inputs[0]).toMatchObject({ hostId: 'h1', uuid: 'u1', name: 's <1> & co' });
    // the VM page is left
    t.unsubscribe();
    t.state.watched = false;
    t.settle().reject(unknownError);
    await tick();
    expect(t.calls.errors).toHaveLength(1);
    const [title, err, , opts] = t.calls.errors[0] ?? [];
    expect(title).toBe('web “prod”: Outcome unknown — check the host: the snapshot “s <1> & co” may or may not be made');
    expect(title).not.toMatch(/not made|did not happen/);
    expect(err).toBe(unknownError);
    expect(opts).toEqual({ autoClose: false });
    expect(t.calls.infos).toEqual([]);
  });

  it('a create’s and a revert’s late errors are two notifications (one never replaces the other); a success is not read again', async () => {
    const qc = new QueryClient();
    const scopes: unknown[] = [];
    for (const name of ['snapshots.create', 'snapshots.revert'] as const) {
      const t = setup(name, qc);
      t.observer.mutate(name === 'snapshots.create' ? createInput : ({ name: 's1' } as never)).catch(() => {});
      await tick();
      t.unsubscribe();
      t.state.watched = false;
      t.settle().reject(unknownError);
      await tick();
      scopes.push(t.calls.errors[0]?.[2]);
    }
    expect(scopes[0]).not.toEqual(scopes[1]);
    const ok = setup('snapshots.create');
    let invalidated = 0;
    const invalidate = ok.qc.invalidateQueries.bind(ok.qc);
    ok.qc.invalidateQueries = ((...a: Parameters<typeof invalidate>) => {
      invalidated++;
      return invalidate(...a);
    }) as typeof ok.qc.invalidateQueries;
    ok.observer.mutate(createInput).catch(() => {});
    await tick();
    ok.settle().resolve({ snapshots: [] } as unknown as SnapshotList);
    await tick();
    expect(invalidated).toBe(0);
  });

  it('an error libvirt answered keeps "not made" / "did not happen"; a closed link or a timeout is an unknown outcome', () => {
    expect(errorTitle('snapshots.create', 's1', refused)).toBe('The snapshot “s1” was not made');
    expect(errorTitle('snapshots.revert', 's1', refused)).toBe('The revert to “s1” did not happen');
    // as renderer/api.ts throws it: an ApiCallError carrying the ApiError
    const closed = Object.assign(new Error('Lost the connection to the Vireo backend'), { error: { code: 'disconnected', message: 'x' } });
    for (const e of [closed, { code: 'timeout', message: 'no reply' }, unknownError]) {
      expect(errorTitle('snapshots.revert', 's1', e)).toBe(
        'Outcome unknown — check the host: the revert to “s1” may or may not have happened',
      );
      expect(errorTitle('snapshots.create', 's1', e)).toMatch(/^Outcome unknown — check the host/);
    }
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
    t.settle().reject(unknownError);
    await tick();
    expect(t.observer.getCurrentResult().error).toBe(unknownError);
    expect(t.calls.errors).toEqual([]);
    expect(t.calls.infos).toEqual([]);
  });
});

describe('closing the dialog while the write is pending', () => {
  it('closes it without resetting the request or the form; the late error then comes as a notification', async () => {
    const t = setup('snapshots.revert');
    t.observer.mutate({ name: 's1' }).catch(() => {});
    await tick();
    let closed = 0;
    let cleared = 0;
    closeWrite(
      { isPending: t.observer.getCurrentResult().isPending, reset: () => t.observer.reset() },
      () => cleared++,
      () => closed++,
    );
    t.state.watched = false; // the dialog's `opened` went false
    expect(closed).toBe(1);
    expect(cleared).toBe(0);
    expect(t.observer.getCurrentResult().isPending).toBe(true);
    expect(t.observer.getCurrentResult().variables).toEqual({ name: 's1' });
    t.settle().reject(refused);
    await tick();
    expect(t.calls.errors.map((e) => e[0])).toEqual(['web “prod”: The revert to “s1” did not happen']);
    expect(t.observer.getCurrentResult().error).toBe(refused);
  });

  it('once settled, closing clears the form and the result', async () => {
    const t = setup('snapshots.create');
    t.observer.mutate(createInput).catch(() => {});
    await tick();
    t.settle().reject(refused);
    await tick();
    let cleared = 0;
    let closed = 0;
    const r = t.observer.getCurrentResult();
    closeWrite(
      { isPending: r.isPending, reset: () => t.observer.reset() },
      () => cleared++,
      () => closed++,
    );
    expect([cleared, closed]).toEqual([1, 1]);
    expect(t.observer.getCurrentResult().status).toBe('idle');
  });

  it('no second write of the same VM while one runs, from the same dialog or a remounted one', async () => {
    const qc = new QueryClient();
    const first = setup('snapshots.create', qc);
    expect(writePending(qc, 'snapshots.create', 'h1', 'u1')).toBe(false);
    first.observer.mutate(createInput).catch(() => {});
    // at once, before any render: a double click is refused
    expect(writePending(qc, 'snapshots.create', 'h1', 'u1')).toBe(true);
    await tick();
    // the dialog remounted (the page left and opened again): a fresh observer, the first write still runs
    first.unsubscribe();
    const second = setup('snapshots.create', qc);
    expect(second.observer.getCurrentResult().isPending).toBe(false);
    expect(writePending(qc, 'snapshots.create', 'h1', 'u1')).toBe(true);
    // another VM, or a revert, is not held up by it
    expect(writePending(qc, 'snapshots.create', 'h1', 'u2')).toBe(false);
    expect(writePending(qc, 'snapshots.revert', 'h1', 'u1')).toBe(false);
    first.settle().resolve({ vmName: 'web', snapshots: [] } as unknown as SnapshotList);
    // the write settles through onSuccess and onSettled
    for (let i = 0; i < 5 && writePending(qc, 'snapshots.create', 'h1', 'u1'); i++) await tick();
    expect(writePending(qc, 'snapshots.create', 'h1', 'u1')).toBe(false);
  });
});
