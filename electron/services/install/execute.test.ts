/**
 * The install executor against a fake host (every call logged): the steps and phases in order,
 * and on a failure at each step or a cancel the undos newest first — the definition (a
 * definition that cannot be removed keeps the disk and the fetched files), the volume, the files.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { DomainRef, StorageVolRef } from '../../libvirt/protocol';
import type { JobUpdate } from '../jobs';
import { executeInstall, type InstallExecIo } from './execute';
import { type InstallPlan, planInstall } from './plan';
import { installScenario, macSequence } from './scenario.fixture';

function planOf(name: string): InstallPlan {
  const s = installScenario(name);
  return planInstall(s.facts, s.spec, macSequence());
}

type Step =
  | 'download'
  | 'removeFiles'
  | 'nameFree'
  | 'createVolume'
  | 'volumePath'
  | 'define'
  | 'start'
  | 'removeDefinition'
  | 'deleteVolume';

function fake(opts: { failAt?: [Step, number?]; error?: unknown; cancelAt?: [Step, number?]; nameTaken?: boolean; path?: string } = {}) {
  const log: string[] = [];
  const xmls: string[] = [];
  const count = new Map<Step, number>();
  const ac = new AbortController();
  const step = async (s: Step, what: string) => {
    const n = (count.get(s) ?? 0) + 1;
    count.set(s, n);
    log.push(what);
    if (opts.cancelAt?.[0] === s && (opts.cancelAt[1] ?? 1) === n) ac.abort(new AppError('canceled', 'Cancelled by the user'));
    if (opts.failAt?.[0] === s && (opts.failAt[1] ?? 1) === n) throw opts.error ?? new Error(`${s} failed`);
  };
  const dom: DomainRef = { name: 't-capt-inst', uuid: 'u', id: -1 };
  const io: InstallExecIo = {
    download: (url, dest) => step('download', `fetch ${url.replace(/^.*\//, '')} -> ${dest.replace(/^.*-/, '')}`),
    removeFiles: (files) => step('removeFiles', `rm ${files.map((f) => f.replace(/^.*-/, '')).join(' ')}`),
    nameFree: async (name) => {
      await step('nameFree', `name free? ${name}`);
      return !opts.nameTaken;
    },
    createVolume: async (v) => {
      await step('createVolume', `create ${v.pool}/${v.name} ${v.capacity} ${v.format}`);
      return { pool: v.pool, name: v.name, key: v.path } satisfies StorageVolRef;
    },
    volumePath: async (v) => {
      await step('volumePath', `path ${v.name}`);
      return opts.path ?? v.key;
    },
    define: async (xml) => {
      xmls.push(xml);
      await step('define', `define${/<kernel>/.test(xml) ? ' (kernel)' : ''}`);
      return dom;
    },
    start: (d) => step('start', `start ${d.name}`),
    removeDefinition: (d) => step('removeDefinition', `undefine ${d.name}`),
    deleteVolume: (v) => step('deleteVolume', `delete ${v.name}`),
  };
  const phases: string[] = [];
  const progress: number[] = [];
  const ctx = {
    signal: ac.signal,
    update: (u: JobUpdate<'install'>) => {
      if (u.phase) phases.push(u.phase);
      if (u.progress !== undefined) progress.push(u.progress);
    },
  };
  const run = async (p: InstallPlan) => {
    try {
      await executeInstall(p, io, ctx, { tickMs: 0 });
      return undefined;
    } catch (err) {
      return err as Error & { code?: string; hint?: string };
    }
  };
  return { io, log, xmls, phases, progress, run };
}

const kernel = planOf('kernel');
const url = planOf('url');
const MADE = ['name free? t-capt-inst', 'create default/t-capt-inst.qcow2 67108864 qcow2', 'path t-capt-inst.qcow2'];

describe('install executor: the steps', () => {
  it('kernel + new disk: check, create, define, start; phases and progress step by step', async () => {
    const f = fake();
    expect(await f.run(kernel)).toBeUndefined();
    expect(f.log).toEqual([...MADE, 'define (kernel)', 'start t-capt-inst']);
    expect(f.phases).toEqual([
      'checking',
      'creating the disk t-capt-inst.qcow2 in default',
      'defining the VM',
      'starting the VM',
      'running',
    ]);
    expect(f.progress).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('not started: "defined"; no new disk: no create step', async () => {
    const f = fake();
    expect(await f.run({ ...kernel, start: false })).toBeUndefined();
    expect(f.phases.at(-1)).toBe('defined');
    const imp = fake();
    expect(await imp.run(planOf('import'))).toBeUndefined();
    expect(imp.log).toEqual(['name free? t-capt-inst', 'define']);
    expect(imp.progress).toEqual([0, 0.5, 1]);
  });

  it('a volume that landed elsewhere: the definition points at its real path', async () => {
    const f = fake({ path: '/elsewhere/t.qcow2' });
    await f.run(kernel);
    expect(f.xmls[0]).toMatch(/<source file=["']\/elsewhere\/t.qcow2["']\/>/);
  });

  it('a network install: fetch, create, define the first boot, start, define the final one, remove the fetched files', async () => {
    const f = fake();
    expect(await f.run(url)).toBeUndefined();
    expect(f.log).toEqual([
      'fetch vmlinuz -> kernel',
      'fetch initrd.img -> initrd',
      ...MADE,
      'define (kernel)',
      'start t-capt-inst',
      'define',
      'rm kernel initrd',
    ]);
    expect(f.phases[0]).toBe('downloading the installer kernel and initrd on the host');
    expect(f.progress).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('the fetched files that cannot be removed after the start do not fail the install', async () => {
    const f = fake({ failAt: ['removeFiles', 1] });
    expect(await f.run(url)).toBeUndefined();
    expect(f.phases.at(-1)).toBe('running');
  });
});

describe('install executor: a failure at each step undoes what was made, newest first', () => {
  it('the second download fails: both files removed (a part may be there)', async () => {
    const f = fake({ failAt: ['download', 2], error: new AppError('download', 'lab-a could not fetch x') });
    expect(await f.run(url)).toMatchObject({ code: 'download', message: 'lab-a could not fetch x' });
    expect(f.log).toEqual(['fetch vmlinuz -> kernel', 'fetch initrd.img -> initrd', 'rm kernel initrd']);
    expect(f.phases.at(-1)).toBe('failed: removing what was created');
  });

  it('the name taken meanwhile: the files removed, nothing else made', async () => {
    const f = fake({ nameTaken: true });
    expect(await f.run(url)).toMatchObject({ code: 'exists', message: 'A VM named “t-capt-inst” already exists on lab-a' });
    expect(f.log.slice(2)).toEqual(['name free? t-capt-inst', 'rm kernel initrd']);
  });

  it('the volume cannot be made: nothing to undo on a kernel install', async () => {
    const f = fake({ failAt: ['createVolume', 1], error: new Error('No space left on device') });
    expect((await f.run(kernel))?.message).toBe('No space left on device');
    expect(f.log).toEqual(MADE.slice(0, 2));
  });

  it('the new volume’s path cannot be read, or the define fails: the volume deleted, then the files', async () => {
    const a = fake({ failAt: ['volumePath', 1] });
    await a.run(url);
    expect(a.log.slice(5)).toEqual(['delete t-capt-inst.qcow2', 'rm kernel initrd']);
    const b = fake({ failAt: ['define', 1] });
    expect((await b.run(url))?.message).toBe('define failed');
    expect(b.log.slice(5)).toEqual(['define (kernel)', 'delete t-capt-inst.qcow2', 'rm kernel initrd']);
  });

  it('the start fails (the lab’s missing kernel): the definition removed, then the volume', async () => {
    const f = fake({ failAt: ['start', 1], error: new Error('Cannot access /nonexistent/vmlinuz') });
    expect((await f.run(kernel))?.message).toBe('Cannot access /nonexistent/vmlinuz');
    expect(f.log.slice(3)).toEqual(['define (kernel)', 'start t-capt-inst', 'undefine t-capt-inst', 'delete t-capt-inst.qcow2']);
  });

  it('the final definition fails after the first boot: the VM stopped and undefined, the volume deleted, the files removed', async () => {
    const f = fake({ failAt: ['define', 2] });
    await f.run(url);
    expect(f.log.slice(-4)).toEqual(['define', 'undefine t-capt-inst', 'delete t-capt-inst.qcow2', 'rm kernel initrd']);
  });

  it('undefine failed → the volume and the files kept, and the error says what is left', async () => {
    const f = fake({ failAt: ['start', 1] });
    f.io.removeDefinition = async () => {
      f.log.push('undefine');
      throw new Error('domain is busy');
    };
    const err = await f.run(url);
    expect(f.log.slice(-1)).toEqual(['undefine']);
    expect(err).toMatchObject({ code: 'partial-rollback', hint: 'Remove these by hand on the host.' });
    expect(err?.message).toBe(
      `start failed — and some of what the install created could not be removed: definition t-capt-inst: domain is busy; volume t-capt-inst.qcow2, files ${url.downloads.map((d) => d.dest).join(', ')} (kept: t-capt-inst still uses them)`,
    );
  });

  it('a volume that cannot be deleted is named; the files still go', async () => {
    const f = fake({ failAt: ['start', 1] });
    f.io.deleteVolume = async () => {
      f.log.push('delete');
      throw new Error('in use');
    };
    const err = await f.run(url);
    expect(f.log.slice(-3)).toEqual(['undefine t-capt-inst', 'delete', 'rm kernel initrd']);
    expect(err?.message).toBe('start failed — and some of what the install created could not be removed: volume t-capt-inst.qcow2: in use');
  });
});

describe('install executor: cancel', () => {
  it('cancelled while the volume is made: the next step stops, the volume deleted', async () => {
    const f = fake({ cancelAt: ['createVolume', 1] });
    expect(await f.run(kernel)).toMatchObject({ code: 'canceled', message: 'Cancelled by the user' });
    expect(f.log).toEqual([...MADE, 'delete t-capt-inst.qcow2']);
    expect(f.phases.at(-1)).toBe('cancelled: removing what was created');
  });

  it('cancelled while starting: the definition removed, then the volume', async () => {
    const f = fake({ cancelAt: ['start', 1] });
    expect(await f.run(kernel)).toMatchObject({ code: 'canceled' });
    expect(f.log.slice(3)).toEqual(['define (kernel)', 'start t-capt-inst', 'undefine t-capt-inst', 'delete t-capt-inst.qcow2']);
  });

  it('cancelled during a download: the files removed', async () => {
    const f = fake({ cancelAt: ['download', 2] });
    expect(await f.run(url)).toMatchObject({ code: 'canceled' });
    expect(f.log).toEqual(['fetch vmlinuz -> kernel', 'fetch initrd.img -> initrd', 'rm kernel initrd']);
  });

  it('a signal aborted without a reason still stops with a cancel', async () => {
    const f = fake();
    const ac = new AbortController();
    Object.defineProperty(ac.signal, 'reason', { value: undefined });
    ac.abort();
    const err = await executeInstall(kernel, f.io, { signal: ac.signal, update: () => {} }, { tickMs: 0 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'canceled', message: 'Cancelled' });
    expect(f.log).toEqual([]);
  });
});
