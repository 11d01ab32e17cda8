/**
 * The clone executor against a fake host (every call logged): the steps in order, an undo for
 * each thing made, and on a failure at each step or a cancel the undos newest first — the
 * definition's undo as planCloneRollback decides (ours / none / unknown), a definition that
 * stays keeping its volumes, a volume that cannot go named in the error.
 */
import { describe, expect, it } from 'vitest';
import type { CopyFigures, DomainState } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { DomainRef, StorageVolRef } from '../../libvirt/protocol';
import type { JobUpdate } from '../jobs';
import { cloneWarnings } from './checks';
import { type CloneExecIo, executeClone } from './execute';
import { type ClonePlan, planClone } from './plan';
import { cloneScenario, macSequence } from './scenario.fixture';

function planOf(name: string): ClonePlan {
  const s = cloneScenario(name);
  return planClone(s.facts, s.spec, cloneWarnings(s.facts, s.spec), macSequence());
}

type Step =
  | 'sourceState'
  | 'targetNameFree'
  | 'copyStream'
  | 'copyLocal'
  | 'volumePath'
  | 'define'
  | 'start'
  | 'findDomain'
  | 'removeDefinition'
  | 'deleteVolume'
  | 'targetReady';

interface Fake {
  io: CloneExecIo;
  log: string[];
  phases: string[];
  updates: { phase?: string; progress?: number; figures?: CopyFigures }[];
  ac: AbortController;
}

/** A host whose step `failAt` (its n-th call, 1-based) throws `error`; `state` is the source's. */
function fake(
  opts: {
    failAt?: [Step, number?];
    error?: unknown;
    state?: DomainState;
    found?: 'ours' | 'none' | 'unknown';
    cancelAt?: [Step, number?];
  } = {},
): Fake {
  const log: string[] = [];
  const count = new Map<Step, number>();
  const ac = new AbortController();
  const dom: DomainRef = { name: 't-capt-clone', uuid: 'u', id: -1 };
  const step = async (s: Step, what: string) => {
    const n = (count.get(s) ?? 0) + 1;
    count.set(s, n);
    log.push(what);
    if (opts.cancelAt?.[0] === s && (opts.cancelAt[1] ?? 1) === n) ac.abort(new AppError('canceled', 'Cancelled by the user'));
    if (opts.failAt?.[0] === s && (opts.failAt[1] ?? 1) === n) throw opts.error ?? new Error(`${s} failed`);
  };
  const vol = (pool: string, name: string): StorageVolRef => ({ pool, name, key: `/k/${name}` });
  const phases: string[] = [];
  const updates: Fake['updates'] = [];
  const io: CloneExecIo = {
    sourceState: async () => {
      await step('sourceState', 'source state');
      return opts.state ?? 'shutoff';
    },
    targetNameFree: async (name) => {
      await step('targetNameFree', `name free? ${name}`);
      return true;
    },
    copyStream: async (c, o) => {
      log.push(`create ${c.pool}/${c.name}`);
      o.onCreated(vol(c.pool, c.name));
      o.onBytes(c.bytes / 2, c.bytes);
      o.onBytes(c.bytes, c.bytes);
      await step('copyStream', `stream ${c.target}`);
      return { vol: vol(c.pool, c.name), path: `/real/${c.name}`, bytes: c.bytes };
    },
    copyLocal: async (c, onProgress) => {
      onProgress(1);
      await step('copyLocal', `create-from ${c.target} -> ${c.pool}/${c.name}`);
      return vol(c.pool, c.name);
    },
    volumePath: async (v) => {
      await step('volumePath', `path ${v.name}`);
      return `/real/${v.name}`;
    },
    define: async (xml) => {
      await step('define', `define ${/<name>([^<]+)</.exec(xml)?.[1]}`);
      return dom;
    },
    start: async (d) => step('start', `start ${d.name}`),
    findDomain: async (uuid) => {
      await step('findDomain', `find ${uuid}`);
      if (opts.found === 'unknown') throw new Error('the link is down');
      return opts.found === 'ours' ? dom : null;
    },
    removeDefinition: async (d) => step('removeDefinition', `undefine ${d.name}`),
    deleteVolume: async (v) => step('deleteVolume', `delete ${v.pool}/${v.name}`),
    targetReady: async () => step('targetReady', 'wait for the target'),
  };
  return { io, log, phases, updates, ac };
}

async function run(p: ClonePlan, f: Fake, explain?: (err: unknown) => unknown) {
  const ctx = {
    signal: f.ac.signal,
    update: (u: JobUpdate<'clone'>) => {
      f.updates.push({
        ...(u.phase ? { phase: u.phase } : {}),
        ...(u.progress !== undefined ? { progress: u.progress } : {}),
        ...(u.detail?.figures ? { figures: u.detail.figures } : {}),
      });
      if (u.phase) f.phases.push(u.phase);
    },
  };
  try {
    await executeClone(p, f.io, ctx, { tickMs: 0, now: () => 1000, ...(explain ? { explain } : {}) });
    return undefined;
  } catch (err) {
    return err as Error & { code?: string; hint?: string };
  }
}

const same = planOf('same-host');
const cross = planOf('cross-host');
const MADE = [
  'source state',
  'name free? t-capt-clone',
  'create-from vda -> default/t-capt-clone.qcow2',
  'path t-capt-clone.qcow2',
  'create-from vdb -> default/t-capt-clone-1.qcow2',
  'path t-capt-clone-1.qcow2',
];

describe('clone executor: the steps', () => {
  it('same host: checks, each create-from and its path, define with the real paths, start; nothing undone', async () => {
    const f = fake();
    let xml = '';
    const define = f.io.define;
    f.io.define = (x) => {
      xml = x;
      return define(x);
    };
    expect(await run(same, f)).toBeUndefined();
    expect(f.log).toEqual([...MADE, 'define t-capt-clone', 'start t-capt-clone']);
    expect(xml).toMatch(/<source file=["']\/real\/t-capt-clone.qcow2["']\/>/);
    expect(xml).toMatch(/<source file=["']\/real\/t-capt-clone-1.qcow2["']\/>/);
    expect(f.phases).toEqual([
      'copying vda (t-capt-src.qcow2) to default/t-capt-clone.qcow2 [1/2]',
      'copying vdb (t-capt-overlay.qcow2) to default/t-capt-clone-1.qcow2 [2/2]',
      'defining t-capt-clone on lab-a',
      'starting t-capt-clone',
      expect.stringMatching(/^done \(\d+\.\d MiB\/s average\)$/),
    ]);
    expect(f.updates.at(-1)?.progress).toBe(1);
    expect(f.updates.find((u) => u.phase === 'defining t-capt-clone on lab-a')?.progress).toBe(0.96);
    expect(f.updates.find((u) => u.phase === 'starting t-capt-clone')?.progress).toBe(0.98);
  });

  it('progress: 2 % at the start, 95 % with every byte copied, the figures behind it', async () => {
    const f = fake();
    await run(same, f);
    const first = f.updates.find((u) => u.figures);
    expect(first).toMatchObject({
      progress: 0.02,
      figures: { bytes: 0, totalBytes: 401408, disk: 1, disks: 2, bytesPerSec: 0, elapsedMs: 0 },
    });
    const copied = f.updates.filter((u) => u.figures?.bytes === 401408);
    expect(copied.at(-1)?.progress).toBeCloseTo(0.95, 10);
  });

  it('across hosts: the stream (its verify phase), define, no start when not asked', async () => {
    const f = fake();
    expect(await run({ ...cross, start: false }, f)).toBeUndefined();
    expect(f.log).toEqual([
      'source state',
      'name free? t-capt-clone',
      'create default/t-capt-clone.qcow2',
      'stream vda',
      'define t-capt-clone',
    ]);
    expect(f.phases).toEqual([
      'copying vda (t-capt-src.qcow2) to default/t-capt-clone.qcow2 [1/1]',
      'verifying default/t-capt-clone.qcow2 (sha256)',
      'defining t-capt-clone on lab-a'.replace('lab-a', 'lab-b'),
      expect.stringMatching(/^done \(/),
    ]);
    expect(f.updates.some((u) => u.figures?.lastRateBps !== undefined)).toBe(true);
  });

  it('nothing to copy: "done" without a rate', async () => {
    const f = fake();
    expect(await run({ ...same, copies: [], start: false }, f)).toBeUndefined();
    expect(f.phases.at(-1)).toBe('done');
  });
});

describe('clone executor: a failure at each step undoes what was made, newest first', () => {
  it('the source running again, or the name taken meanwhile: refused, nothing made, nothing undone', async () => {
    const f = fake({ state: 'running' });
    const err = await run(same, f);
    expect(err).toMatchObject({
      code: 'source-running',
      message: 't-capt-src is running now',
      hint: 'Shut it down or pause it, then clone again.',
    });
    expect(f.log).toEqual(['source state']);
    const g = fake();
    g.io.targetNameFree = async () => false;
    expect(await run(same, g)).toMatchObject({ code: 'exists', message: 'A VM named “t-capt-clone” already exists on lab-a' });
    expect(g.phases).toEqual(['failed: removing what was created on lab-a']);
    expect(await run(same, fake({ state: 'paused' }))).toBeUndefined();
  });

  it('the first copy fails: its error as it is, nothing to undo (no wait for the target)', async () => {
    const f = fake({ failAt: ['copyLocal', 1], error: new Error('No space left on device') });
    const err = await run(same, f);
    expect(err?.message).toBe('No space left on device');
    expect(f.log.slice(2)).toEqual(['create-from vda -> default/t-capt-clone.qcow2']);
  });

  it('the second copy fails: the first volume deleted', async () => {
    const f = fake({ failAt: ['copyLocal', 2] });
    expect((await run(same, f))?.message).toBe('copyLocal failed');
    expect(f.log.slice(4)).toEqual([
      'create-from vdb -> default/t-capt-clone-1.qcow2',
      'wait for the target',
      'delete default/t-capt-clone.qcow2',
    ]);
    expect(f.phases.at(-1)).toBe('failed: removing what was created on lab-a');
  });

  it('reading a new volume’s path fails: that volume deleted too', async () => {
    const f = fake({ failAt: ['volumePath', 2] });
    await run(same, f);
    expect(f.log.slice(MADE.length)).toEqual([
      'wait for the target',
      'delete default/t-capt-clone-1.qcow2',
      'delete default/t-capt-clone.qcow2',
    ]);
  });

  it('a stream that fails after its volume was made: the volume deleted', async () => {
    const f = fake({ failAt: ['copyStream', 1], error: new Error('connection closed') });
    expect((await run(cross, f))?.message).toBe('connection closed');
    expect(f.log.slice(2)).toEqual([
      'create default/t-capt-clone.qcow2',
      'stream vda',
      'wait for the target',
      'delete default/t-capt-clone.qcow2',
    ]);
  });

  it('the define fails and the target says it has no such UUID: the volumes go', async () => {
    const f = fake({ failAt: ['define', 1], found: 'none' });
    expect((await run(same, f))?.message).toBe('define failed');
    expect(f.log.slice(MADE.length)).toEqual([
      'define t-capt-clone',
      'wait for the target',
      `find ${same.uuid}`,
      'delete default/t-capt-clone-1.qcow2',
      'delete default/t-capt-clone.qcow2',
    ]);
  });

  it('the define’s answer was lost but the target has the clone’s UUID: undefined, then the volumes', async () => {
    const f = fake({ failAt: ['define', 1], found: 'ours' });
    await run(same, f);
    expect(f.log.slice(MADE.length + 2)).toEqual([
      `find ${same.uuid}`,
      'undefine t-capt-clone',
      'delete default/t-capt-clone-1.qcow2',
      'delete default/t-capt-clone.qcow2',
    ]);
  });

  it('definition unknown (the define was sent, the target cannot be asked): nothing removed, the admin told what to check', async () => {
    const f = fake({ failAt: ['define', 1], found: 'unknown', error: new Error('connection closed') });
    const err = await run(same, f);
    expect(f.log.slice(MADE.length)).toEqual(['define t-capt-clone', 'wait for the target', `find ${same.uuid}`]);
    expect(err).toMatchObject({ code: 'partial-rollback', hint: 'Remove these by hand on the target host; the source was not touched.' });
    expect(err?.message).toBe(
      'connection closed — and some of what the clone created on lab-a could not be removed: Vireo could not ask lab-a whether the definition of t-capt-clone was made (the link dropped while it was sent), so nothing was removed: the volumes default/t-capt-clone.qcow2, default/t-capt-clone-1.qcow2 are kept. Once lab-a is connected: if it has t-capt-clone (virsh list --all), that is the unfinished clone — delete it with its volumes; if not, delete the volumes (virsh vol-delete).',
    );
  });

  it('the start fails: the definition removed, then the volumes', async () => {
    const f = fake({ failAt: ['start', 1] });
    expect((await run(same, f))?.message).toBe('start failed');
    expect(f.log.slice(MADE.length)).toEqual([
      'define t-capt-clone',
      'start t-capt-clone',
      'wait for the target',
      'undefine t-capt-clone',
      'delete default/t-capt-clone-1.qcow2',
      'delete default/t-capt-clone.qcow2',
    ]);
  });

  it('undefine failed → volumes kept (a definition still points at them), and the error says so', async () => {
    const f = fake({ failAt: ['start', 1] });
    f.io.removeDefinition = async () => {
      f.log.push('undefine t-capt-clone');
      throw new Error('domain is busy');
    };
    const err = await run(same, f);
    expect(f.log.slice(MADE.length + 3)).toEqual(['undefine t-capt-clone']);
    expect(err).toMatchObject({ code: 'partial-rollback' });
    expect(err?.message).toBe(
      'start failed — and some of what the clone created on lab-a could not be removed: definition t-capt-clone: domain is busy; volume default/t-capt-clone-1.qcow2, volume default/t-capt-clone.qcow2 (kept: t-capt-clone still uses them)',
    );
  });

  it('a volume that cannot be deleted does not stop the others, and is named', async () => {
    const g = fake({ failAt: ['deleteVolume', 1], error: new Error('in use') });
    g.io.start = async () => {
      g.log.push('start');
      throw new Error('boom');
    };
    const e3 = await run(same, g);
    expect(g.log.slice(-3)).toEqual(['undefine t-capt-clone', 'delete default/t-capt-clone-1.qcow2', 'delete default/t-capt-clone.qcow2']);
    expect(e3?.message).toBe(
      'boom — and some of what the clone created on lab-a could not be removed: volume default/t-capt-clone-1.qcow2: in use',
    );
  });

  it('the target not back in time: the undos still run', async () => {
    const f = fake({ failAt: ['start', 1] });
    f.io.targetReady = async () => {
      throw new Error('not connected');
    };
    await run(same, f);
    expect(f.log.slice(-3)).toEqual(['undefine t-capt-clone', 'delete default/t-capt-clone-1.qcow2', 'delete default/t-capt-clone.qcow2']);
  });

  it('the failure is explained (the hint hook) before it is thrown, also under a partial rollback', async () => {
    const hinted = (err: unknown) => new AppError('libvirt', (err as Error).message, { cause: err, hint: 'try again' });
    expect(await run(same, fake({ failAt: ['copyLocal', 1] }), hinted)).toMatchObject({
      code: 'libvirt',
      message: 'copyLocal failed',
      hint: 'try again',
    });
    const f = fake({ failAt: ['define', 1], found: 'unknown' });
    expect((await run(same, f, hinted))?.message).toMatch(/^define failed — and some of what the clone created/);
  });
});

describe('clone executor: cancel', () => {
  it('cancelled during the second copy: that copy’s volume and the first deleted, newest first; the cancel’s reason thrown', async () => {
    const f = fake({ cancelAt: ['copyLocal', 2] });
    const err = await run(same, f);
    expect(err).toMatchObject({ code: 'canceled', message: 'Cancelled by the user' });
    expect(f.log.slice(MADE.length)).toEqual([
      'wait for the target',
      'delete default/t-capt-clone-1.qcow2',
      'delete default/t-capt-clone.qcow2',
    ]);
    expect(f.phases.at(-1)).toBe('cancelled: removing what was created on lab-a');
  });

  it('cancelled during the define: the definition removed, then the volumes', async () => {
    const f = fake({ cancelAt: ['define', 1] });
    expect(await run(same, f)).toMatchObject({ code: 'canceled' });
    expect(f.log.slice(MADE.length)).toEqual([
      'define t-capt-clone',
      'wait for the target',
      'undefine t-capt-clone',
      'delete default/t-capt-clone-1.qcow2',
      'delete default/t-capt-clone.qcow2',
    ]);
  });

  it('cancelled before any copy: nothing made, nothing undone', async () => {
    const f = fake({ cancelAt: ['targetNameFree', 1] });
    expect(await run(same, f)).toMatchObject({ code: 'canceled' });
    expect(f.log).toEqual(['source state', 'name free? t-capt-clone']);
  });

  it('cancelled during a stream: its volume deleted', async () => {
    const f = fake({ cancelAt: ['copyStream', 1] });
    expect(await run(cross, f)).toMatchObject({ code: 'canceled' });
    expect(f.log.slice(-2)).toEqual(['wait for the target', 'delete default/t-capt-clone.qcow2']);
  });
});
