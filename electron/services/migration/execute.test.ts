// Over 400 lines on purpose: one table of run scenarios (offline copy, live copy, unknown outcomes, the end of a run) over one fake io.
// The executor over a fake io that records every call: what a run creates gets an undo; on
// failure the cleanup decision says which undos run (newest first); an unknown outcome touches
// nothing on either host. Host views are the states the lab's libvirt 9.0 reports.
import { describe, expect, it } from 'vitest';
import type { MigrationHostState } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { ConnectionClosedError, ErrorCode, LibvirtError } from '../../libvirt/errors';
import { MigrationError } from '../../libvirt/migration';
import type { StorageVolRef } from '../../libvirt/protocol';
import { type ExecHooks, type ExecIo, Executor, type HostRead, type Placed, RunFailed } from './execute';
import type { OfflineCopy, RunPlan, Step } from './plan';

const A = (state: HostRead['state'], o: Partial<HostRead> = {}): HostRead => ({
  hostId: 'ha',
  hostName: 'lab-a',
  state,
  reason: 0,
  persistent: true,
  ...o,
});
const B = (state: HostRead['state'], o: Partial<HostRead> = {}): HostRead => ({
  hostId: 'hb',
  hostName: 'lab-b',
  state,
  reason: 0,
  persistent: false,
  ...o,
});

const copy = (n: number): OfflineCopy => ({
  target: `vd${'abc'[n]}`,
  source: `/a/d${n}.raw`,
  srcVol: { pool: 'default', name: `d${n}.raw`, key: `/a/d${n}.raw` },
  pool: 'default',
  name: `d${n}.raw`,
  dest: `/b/d${n}.raw`,
  bytes: 100 * (n + 1),
  xml: `<volume><name>d${n}.raw</name></volume>`,
});

const migrate: Extract<Step, { kind: 'migrate' }> = { kind: 'migrate', transport: 'direct', flags: 1, params: {}, follow: true };
const tail: Step[] = [{ kind: 'check-placement' }, { kind: 'complete-definitions', persist: true, undefineSource: true }];

function offlinePlan(copies: OfflineCopy[]): RunPlan {
  return {
    name: 'tiny',
    destName: 'tiny',
    mode: 'offline',
    wasPaused: false,
    steps: [{ kind: 'copy-disks', copies, totalBytes: copies.reduce((s, c) => s + c.bytes, 0) }, { ...migrate, follow: false }, ...tail],
    creates: [],
  };
}

function livePlan(paths: { path: string; probeSaw: boolean }[]): RunPlan {
  return {
    name: 'tiny',
    destName: 'tiny',
    mode: 'live',
    wasPaused: false,
    steps: [{ kind: 'record-destination-volumes', targets: paths.map((p) => ({ ...p, pool: 'default' })) }, migrate, ...tail],
    creates: [],
  };
}

interface FakeOpts {
  placed: Placed[];
  before?: Record<string, 'yes' | 'no' | 'unknown'>;
  migrateError?: Error;
  /** Copy n (0-based) fails with this, or copies fewer bytes. */
  copyFails?: { n: number; error?: Error; short?: boolean };
  deleteFails?: string[];
  absent?: string[];
  jobError?: string;
  resumeFails?: boolean;
}

/** A fake io: every call is recorded as "<op> <where>"; the destination is lab-b, the source lab-a. */
function fake(o: FakeOpts) {
  const calls: string[] = [];
  const notes: string[] = [];
  const phases: string[] = [];
  let copies = 0;
  const placed = [...o.placed];
  const io: ExecIo = {
    async volumesBefore(t) {
      calls.push(`volumesBefore lab-b ${t.map((x) => x.path).join(',')}`);
      return new Map(Object.entries(o.before ?? {}));
    },
    async openCopy() {
      calls.push('openCopy');
      return {
        async copy(c, to, onBytes) {
          const n = copies++;
          calls.push(`copy ${c.srcVol.name} -> lab-b ${to.pool}/${to.name}`);
          if (o.copyFails?.n === n && o.copyFails.error) throw o.copyFails.error;
          onBytes(c.bytes / 2);
          onBytes(c.bytes);
          return o.copyFails?.n === n && o.copyFails.short ? c.bytes - 1 : c.bytes;
        },
        close() {
          calls.push('closeCopy');
        },
      };
    },
    async createVolume(pool, xml) {
      const name = /<name>(.+)<\/name>/.exec(xml)?.[1] as string;
      calls.push(`createVolume lab-b ${pool}/${name}`);
      return { pool, name, key: `/b/${name}` } satisfies StorageVolRef;
    },
    async deleteVolume(vol) {
      calls.push(`deleteVolume lab-b ${vol.pool}/${vol.name}`);
      if (o.deleteFails?.includes(vol.name)) throw new Error('volume is busy');
    },
    async deleteVolumeAt(path) {
      calls.push(`deleteVolumeAt lab-b ${path}`);
      if (o.deleteFails?.includes(path)) throw new Error('cannot unlink');
      return o.absent?.includes(path) ? 'absent' : 'deleted';
    },
    async refreshPool(pool) {
      calls.push(`refreshPool lab-b ${pool}`);
    },
    async migrate(step) {
      calls.push(`migrate lab-a ${step.transport}`);
      if (o.migrateError) throw o.migrateError;
    },
    async placement() {
      calls.push('placement');
      const p = placed.length > 1 ? placed.shift() : placed[0];
      return structuredClone(p as Placed);
    },
    async resume(on: MigrationHostState) {
      calls.push(`resume ${on.hostName}`);
      if (o.resumeFails) throw new Error('cannot acquire state change lock');
    },
    async persistOnDest(dest) {
      calls.push(`persistOnDest ${dest.hostName}`);
    },
    async undefineSource() {
      calls.push('undefineSource lab-a');
    },
    async finalFigures() {
      calls.push('finalFigures');
      return { downtimeMs: 120, dataSent: 5000 };
    },
    async jobError() {
      calls.push('jobError lab-a');
      return o.jobError;
    },
  };
  return { io, calls, notes, phases };
}

function hooks(f: ReturnType<typeof fake>, o: { steered?: boolean; ac?: AbortController } = {}): ExecHooks {
  let t = 1_000;
  const ac = o.ac ?? new AbortController();
  return {
    srcName: 'lab-a',
    destName: () => 'lab-b',
    transport: 'direct',
    signal: ac.signal,
    now: () => (t += 10),
    startedAt: 1_000,
    note: (s) => f.notes.push(s),
    phase: (s) => f.phases.push(s),
    update: () => {},
    copying: (on) => f.phases.push(`copying=${on}`),
    steering: () => ({ steeredPause: !!o.steered }),
  };
}

async function failure(p: Promise<unknown>): Promise<RunFailed> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RunFailed) return e;
    throw e;
  }
  throw new Error('the run did not fail');
}

/** Calls that change something on the source host (lab-a). */
const onSource = (calls: string[]) => calls.filter((c) => / lab-a( |$)/.test(c) && !c.startsWith('migrate') && !c.startsWith('jobError'));

describe('offline copy: each created volume has an undo', () => {
  it('the second copy fails, the VM stayed: both volumes removed, newest first; nothing on the source', async () => {
    const f = fake({ placed: [{ source: A('shutoff'), dest: B('absent') }], copyFails: { n: 1, error: new Error('stream broke') } });
    const e = await failure(new Executor(offlinePlan([copy(0), copy(1), copy(2)]), f.io, hooks(f)).run());
    expect(f.calls).toEqual([
      'openCopy',
      'createVolume lab-b default/d0.raw',
      'copy d0.raw -> lab-b default/d0.raw',
      'refreshPool lab-b default',
      'createVolume lab-b default/d1.raw',
      'copy d1.raw -> lab-b default/d1.raw',
      'closeCopy',
      'placement',
      'deleteVolume lab-b default/d1.raw',
      'deleteVolume lab-b default/d0.raw',
    ]);
    expect(e.code).toBe('migration-failed');
    expect(e.result).toMatchObject({ outcome: 'stayed', source: { state: 'shutoff' }, dest: { state: 'absent' } });
    expect(e.message).toBe('Migration of tiny failed: stream broke. tiny is shut off on lab-a, as before.');
    expect(f.notes).toContain('Removed the partial copy default/d1.raw on lab-b');
    expect(f.notes).toContain('Removed the partial copy default/d0.raw on lab-b');
    expect(f.phases).toContain('copying=true');
    expect(f.phases).not.toContain('copying=false');
    expect(f.phases).toContain('failed: checking where tiny is');
  });

  it('a short copy is a failure too (bytes copied ≠ the file size)', async () => {
    const f = fake({ placed: [{ source: A('shutoff'), dest: B('absent') }], copyFails: { n: 0, short: true } });
    const e = await failure(new Executor(offlinePlan([copy(0)]), f.io, hooks(f)).run());
    expect(e.message).toContain('Copied 99 bytes of /a/d0.raw, expected 100');
    expect(f.calls).toContain('deleteVolume lab-b default/d0.raw');
  });

  it('an undo that fails is reported; the others still run', async () => {
    const f = fake({
      placed: [{ source: A('shutoff'), dest: B('absent') }],
      copyFails: { n: 1, error: new Error('stream broke') },
      deleteFails: ['d1.raw'],
    });
    await failure(new Executor(offlinePlan([copy(0), copy(1)]), f.io, hooks(f)).run());
    expect(f.calls.filter((c) => c.startsWith('delete'))).toEqual([
      'deleteVolume lab-b default/d1.raw',
      'deleteVolume lab-b default/d0.raw',
    ]);
    expect(f.notes).toContain('Could not remove the partial copy default/d1.raw on lab-b: volume is busy');
    expect(f.notes).toContain('Removed the partial copy default/d0.raw on lab-b');
  });

  it('cancelled during the copy: "Cancelled", the copies removed', async () => {
    const ac = new AbortController();
    const f = fake({ placed: [{ source: A('shutoff'), dest: B('absent') }] });
    const io = {
      ...f.io,
      createVolume: async (pool: string, xml: string) => {
        const v = await f.io.createVolume(pool, xml);
        ac.abort(new AppError('canceled', 'Cancelled by the user'));
        return v;
      },
    };
    const e = await failure(new Executor(offlinePlan([copy(0), copy(1)]), io, hooks(f, { ac })).run());
    expect(e.code).toBe('canceled');
    expect(e.message).toBe('Cancelled: tiny is shut off on lab-a, as before.');
    expect(e.hint).toBe('Nothing was deleted; start it again when you are ready.');
    expect(f.calls.filter((c) => c.startsWith('createVolume'))).toEqual(['createVolume lab-b default/d0.raw']);
    expect(f.calls).toContain('deleteVolume lab-b default/d0.raw');
  });

  it("the definition moved: the copies are the VM's disks now — kept; definitions completed", async () => {
    const f = fake({ placed: [{ source: A('shutoff', { persistent: true }), dest: B('shutoff', { persistent: false, name: 'tiny' }) }] });
    const r = await new Executor(offlinePlan([copy(0), copy(1)]), f.io, hooks(f)).run();
    expect(f.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
    expect(f.calls.slice(-4)).toEqual(['placement', 'persistOnDest lab-b', 'undefineSource lab-a', 'finalFigures']);
    expect(r).toMatchObject({
      outcome: 'moved',
      message: 'tiny is defined on lab-b (shut off), with its disks copied.',
      downtimeMs: 120,
      dataBytes: 5000,
      source: { state: 'absent', persistent: false },
      dest: { state: 'shutoff', persistent: true },
    });
    expect(f.phases).toContain('copying=false');
    expect(f.phases.at(-1)).toBe('done');
  });
});

describe('live copy: the paths libvirt creates', () => {
  const paths = [
    { path: '/b/new.qcow2', probeSaw: false },
    { path: '/b/was-there.qcow2', probeSaw: false },
    { path: '/b/probe-saw.qcow2', probeSaw: true },
    { path: '/b/unknown.qcow2', probeSaw: false },
  ];
  const before = { '/b/new.qcow2': 'no', '/b/was-there.qcow2': 'yes', '/b/probe-saw.qcow2': 'no', '/b/unknown.qcow2': 'unknown' } as const;
  const failed = new MigrationError(
    'perform',
    new LibvirtError({ code: 1, domain: 10, message: 'qemu unexpectedly closed the monitor', level: 2, int1: 0, int2: 0 }),
    'source',
  );

  it('stayed: only what libvirt did not have before (and the probe did not see) is removed', async () => {
    const f = fake({ placed: [{ source: A('running', { reason: 1 }), dest: B('absent') }], before, migrateError: failed });
    const e = await failure(new Executor(livePlan(paths), f.io, hooks(f)).run());
    expect(f.calls).toEqual([
      'volumesBefore lab-b /b/new.qcow2,/b/was-there.qcow2,/b/probe-saw.qcow2,/b/unknown.qcow2',
      'migrate lab-a direct',
      'placement',
      'deleteVolumeAt lab-b /b/new.qcow2',
    ]);
    expect(e.message).toBe(
      'Migration of tiny failed while transferring: qemu unexpectedly closed the monitor. tiny is running on lab-a, as before.',
    );
    expect(f.notes).toContain('Removed the partial copy /b/new.qcow2 on lab-b');
  });

  it('several removable paths: newest registration first; one libvirt never created is skipped quietly', async () => {
    const f = fake({
      placed: [{ source: A('running'), dest: B('absent') }],
      before: { '/b/1': 'no', '/b/2': 'no', '/b/3': 'no' },
      absent: ['/b/2'],
      deleteFails: ['/b/1'],
      migrateError: failed,
    });
    await failure(new Executor(livePlan(['/b/1', '/b/2', '/b/3'].map((path) => ({ path, probeSaw: false }))), f.io, hooks(f)).run());
    expect(f.calls.filter((c) => c.startsWith('delete'))).toEqual([
      'deleteVolumeAt lab-b /b/3',
      'deleteVolumeAt lab-b /b/2',
      'deleteVolumeAt lab-b /b/1',
    ]);
    expect(f.notes.filter((n) => n.includes('partial copy'))).toEqual([
      'Removed the partial copy /b/3 on lab-b',
      'Could not remove the partial copy /b/1 on lab-b: cannot unlink',
    ]);
  });

  it('stayed with our pause: resumed on the source, then the copy removed', async () => {
    const f = fake({ placed: [{ source: A('paused', { reason: 1 }), dest: B('absent') }], before, migrateError: failed });
    const e = await failure(new Executor(livePlan(paths), f.io, hooks(f, { steered: true })).run());
    expect(f.calls.slice(2)).toEqual(['placement', 'resume lab-a', 'deleteVolumeAt lab-b /b/new.qcow2']);
    expect(f.notes).toContain('tiny resumed on lab-a');
    expect(e.result.source.state).toBe('running');
  });

  it('a resume that fails is said; the run still settles', async () => {
    const f = fake({ placed: [{ source: A('paused', { reason: 2 }), dest: B('absent') }], migrateError: failed, resumeFails: true });
    await failure(new Executor(livePlan([]), f.io, hooks(f)).run());
    expect(f.notes).toContain('Could not resume tiny on lab-a: cannot acquire state change lock');
  });

  it.each([
    ['the destination did not answer', { source: A('running'), dest: B('unreadable', { detail: 'not connected' }) }],
    ['the source did not answer', { source: A('unreadable', { detail: 'timed out' }), dest: B('absent') }],
    ['active on both hosts', { source: A('running'), dest: B('paused', { reason: 2 }) }],
    ['post-copy failed', { source: A('paused', { reason: 13 }), dest: B('running', { reason: 11 }) }],
    ['no destination known', { source: A('running'), dest: null }],
  ])('unknown (%s): nothing is touched on either host; the admin is told what each shows', async (_why, placed) => {
    const f = fake({ placed: [placed as Placed], before, migrateError: failed });
    const e = await failure(new Executor(livePlan(paths), f.io, hooks(f, { steered: true })).run());
    expect(f.calls).toEqual([
      'volumesBefore lab-b /b/new.qcow2,/b/was-there.qcow2,/b/probe-saw.qcow2,/b/unknown.qcow2',
      'migrate lab-a direct',
      'placement',
    ]);
    expect(onSource(f.calls)).toEqual([]);
    expect(e.result.outcome).toBe('unknown');
    expect(e.message).toMatch(/Vireo changed nothing: /);
    expect(f.notes.some((n) => n.startsWith('Removed') || n.includes('resumed'))).toBe(false);
  });
});

describe('the end of a run', () => {
  it('moved: the pause undone on the destination, definitions completed, figures in the result', async () => {
    const f = fake({ placed: [{ source: A('absent', { persistent: false }), dest: B('paused', { reason: 2, persistent: true }) }] });
    const plan = livePlan([{ path: '/b/x', probeSaw: false }]);
    const r = await new Executor(plan, f.io, hooks(f, { steered: true })).run();
    expect(f.calls).toEqual(['volumesBefore lab-b /b/x', 'migrate lab-a direct', 'placement', 'resume lab-b', 'finalFigures']);
    expect(r).toMatchObject({ outcome: 'moved', message: 'tiny runs on lab-b.', totalMs: expect.any(Number), downtimeMs: 120 });
  });

  it('moved under a new name: said in the result', async () => {
    const f = fake({ placed: [{ source: A('absent'), dest: B('running', { name: 'tiny2', persistent: true }) }] });
    expect((await new Executor(livePlan([]), f.io, hooks(f)).run()).message).toBe('tiny runs on lab-b as tiny2.');
  });

  it("the call returned but the VM is not on the destination: libvirt's job error, the hosts read once", async () => {
    const f = fake({
      placed: [{ source: A('running'), dest: B('absent') }],
      jobError: 'operation failed: migration out job: unexpectedly failed',
    });
    const e = await failure(new Executor(livePlan([]), f.io, hooks(f)).run());
    expect(f.calls.filter((c) => c === 'placement')).toHaveLength(1);
    expect(f.calls).toContain('jobError lab-a');
    expect(e.message).toBe(
      'Migration of tiny failed: operation failed: migration out job: unexpectedly failed. tiny is running on lab-a, as before.',
    );
  });

  it('no job error from libvirt: says the VM does not run on the destination', async () => {
    const f = fake({ placed: [{ source: A('running'), dest: B('absent') }] });
    const e = await failure(new Executor(livePlan([]), f.io, hooks(f)).run());
    expect(e.message).toContain('The migration of tiny ended, but it does not run on the destination');
  });

  it('aborted by libvirt (OPERATION_ABORTED) counts as cancelled', async () => {
    const aborted = new LibvirtError({
      code: ErrorCode.OPERATION_ABORTED,
      domain: 10,
      message: 'operation aborted',
      level: 2,
      int1: 0,
      int2: 0,
    });
    const f = fake({
      placed: [{ source: A('running'), dest: B('absent') }],
      migrateError: new MigrationError('perform', aborted, 'source'),
    });
    const e = await failure(new Executor(livePlan([]), f.io, hooks(f)).run());
    expect(e.code).toBe('canceled');
    expect(e.result.message).toBe('Cancelled. tiny is running on lab-a, as before.');
  });

  it('a lost link: the phase says so, the hint says what to do; unknown puts the host to fix first', async () => {
    const gone = new ConnectionClosedError('lab-b', new Error('virt-ssh-helper: could not proxy traffic'));
    const f = fake({ placed: [{ source: A('running'), dest: B('unreadable', { detail: 'connection closed' }) }], migrateError: gone });
    const e = await failure(new Executor(livePlan([]), f.io, hooks(f)).run());
    expect(f.phases).toContain('link lost: checking where tiny is');
    expect(e.hint).toMatch(/^libvirtd on lab-b stopped answering.*Wait until lab-b is connected again/);
  });

  it('a plan without its last step is a bug, reported as a failure', async () => {
    const f = fake({ placed: [{ source: A('running'), dest: B('absent') }] });
    const plan = { ...livePlan([]), steps: [migrate] };
    const e = await failure(new Executor(plan, f.io, hooks(f)).run());
    expect(e.message).toContain('plan without a complete-definitions step');
  });
});
