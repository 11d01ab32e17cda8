// Every decision of cleanup.ts, at its edges, with the exact words the admin reads: which outcome
// each pair of host views gives (live and offline), when the pause is ours to undo, and what the
// "unknown" message and hint say in each case. States and reasons as libvirt 9.0 reports them.
import { describe, expect, it } from 'vitest';
import { type CleanupFacts, describeState, type HostView, planCleanup } from './cleanup';

const v = (hostName: string, state: HostView['state'], reason = 0, detail?: string): HostView => ({
  hostName,
  state,
  reason,
  ...(detail ? { detail } : {}),
});
const A = (s: HostView['state'], r = 0, d?: string) => v('lab-a', s, r, d);
const B = (s: HostView['state'], r = 0, d?: string) => v('lab-b', s, r, d);
const facts = (o: Partial<CleanupFacts>): CleanupFacts => ({
  name: 't1',
  mode: 'live',
  source: A('running', 1),
  dest: B('absent'),
  wasPaused: false,
  steeredPause: false,
  created: [],
  liveCopies: [],
  ...o,
});

describe('describeState: the words for each state and reason', () => {
  it.each([
    [A('shutoff', 1), 'shut off'],
    [A('paused', 1), 'paused (by a user)'],
    [A('paused', 2), 'paused (by the migration)'],
    [A('paused', 12), 'paused (post-copy: its memory moved to the other host)'],
    [A('paused', 13), 'paused (post-copy failed)'],
    [A('paused', 99), 'paused'],
    [A('running', 10), 'running (post-copy)'],
    [A('running', 11), 'running (post-copy failed)'],
    [A('running', 1), 'running'],
    [A('crashed', 11), 'crashed'],
  ])('%o → %s', (view, words) => {
    expect(describeState(view)).toBe(words);
  });
});

describe('the outcome for each pair of views', () => {
  it.each([
    // live
    ['live', A('running', 1), B('absent'), 'stayed'],
    ['live', A('crashed'), B('absent'), 'stayed'],
    ['live', A('running', 1), B('shutoff'), 'stayed'],
    ['live', A('absent'), B('running', 1), 'moved'],
    ['live', A('shutoff'), B('running', 1), 'moved'],
    ['live', A('absent'), B('paused', 11), 'moved'],
    ['live', A('absent'), B('crashed'), 'unknown'],
    ['live', A('running', 1), B('running', 1), 'unknown'],
    ['live', A('unreadable'), B('running', 1), 'unknown'],
    ['live', A('running', 1), B('unreadable'), 'unknown'],
    ['live', A('absent'), B('running', 11), 'unknown'],
    ['live', A('paused', 12), B('absent'), 'unknown'],
    ['live', A('paused', 13), B('absent'), 'unknown'],
    ['live', A('absent'), B('paused', 13), 'unknown'],
    ['live', A('absent'), B('absent'), 'unknown'],
    ['live', A('absent'), B('shutoff'), 'unknown'],
    // offline
    ['offline', A('shutoff'), B('absent'), 'stayed'],
    ['offline', A('absent'), B('shutoff'), 'moved'],
    ['offline', A('shutoff'), B('shutoff'), 'moved'],
    ['offline', A('shutoff'), B('running', 1), 'unknown'],
    ['offline', A('absent'), B('absent'), 'unknown'],
    ['offline', A('unreadable'), B('absent'), 'unknown'],
  ] as const)('%s: source %o, destination %o → %s', (mode, source, dest, outcome) => {
    expect(planCleanup(facts({ mode, source, dest })).outcome).toBe(outcome);
  });

  it('no destination known: unknown', () => {
    expect(planCleanup(facts({ dest: null })).outcome).toBe('unknown');
  });
});

describe('what is undone where the VM stayed or moved', () => {
  it('the pause is resumed only when the job caused it: by the migration, or through the job; never one that was there before', () => {
    const resumes = (o: Partial<CleanupFacts>) => planCleanup(facts(o)).actions.some((a) => a.kind === 'resume');
    expect(resumes({ source: A('paused', 2) })).toBe(true);
    expect(resumes({ source: A('paused', 1) })).toBe(false);
    expect(resumes({ source: A('paused', 1), steeredPause: true })).toBe(true);
    expect(resumes({ source: A('paused', 1), steeredPause: true, wasPaused: true })).toBe(false);
    expect(resumes({ source: A('paused', 2), wasPaused: true })).toBe(false);
    expect(resumes({ source: A('running', 1), steeredPause: true })).toBe(false);
  });

  it('the pause is undone where the VM is; the offline copies are removed when it stayed', () => {
    expect(planCleanup(facts({ mode: 'offline', source: A('shutoff'), created: ['default/x.qcow2'] })).actions).toEqual([
      { kind: 'delete-created', name: 'default/x.qcow2' },
    ]);
    expect(planCleanup(facts({ source: A('paused', 2), steeredPause: true })).actions).toEqual([{ kind: 'resume', on: 'source' }]);
    expect(planCleanup(facts({ source: A('absent'), dest: B('paused', 2), created: ['p/v'] })).actions).toEqual([
      { kind: 'resume', on: 'dest' },
    ]);
  });
});

describe('unknown: the exact words', () => {
  it('a host that did not answer: wait for it; both named when both are out', () => {
    const one = planCleanup(facts({ dest: B('unreadable', 0, 'not connected') })).unknown;
    expect(one?.message).toBe('Vireo changed nothing: lab-a shows t1 running; lab-b could not be read (not connected).');
    expect(one?.hint).toBe(
      'Wait until lab-b is connected again, then look on both hosts (virsh list --all). If lab-b has t1, the copies are its disks: leave them. If only lab-a has it, remove the copies on lab-b by hand (virsh vol-delete).',
    );
    const both = planCleanup(facts({ source: A('unreadable'), dest: B('unreadable') })).unknown;
    expect(both?.message).toBe('Vireo changed nothing: lab-a could not be read; lab-b could not be read.');
    expect(both?.hint).toMatch(/^Wait until lab-a and lab-b is connected again/);
  });

  it('no destination known: connect it', () => {
    const u = planCleanup(facts({ dest: null })).unknown;
    expect(u?.message).toBe(
      'Vireo changed nothing: lab-a shows t1 running; the destination is not known (no other connected host has it).',
    );
    expect(u?.hint).toBe(
      'Connect the destination host, then look on both hosts (virsh list --all) and keep t1 running on exactly one of them.',
    );
  });

  it('post-copy failed, the guest running on the destination: recover, never resume the source', () => {
    const u = planCleanup(facts({ source: A('paused', 13), dest: B('running', 11) })).unknown;
    expect(u?.hint).toMatch(
      /^The post-copy migration failed: the guest's memory is split between lab-a and lab-b\. Do not resume t1 on lab-a\./,
    );
  });

  it("post-copy: the source paused for it while the destination's part is gone: the state is lost", () => {
    const u = planCleanup(facts({ source: A('paused', 12), dest: B('absent') })).unknown;
    expect(u?.hint).toMatch(/^The post-copy migration failed and lab-b's part of the guest is gone/);
  });

  it('active on both: stop exactly one', () => {
    const u = planCleanup(facts({ source: A('running', 1), dest: B('paused', 2) })).unknown;
    expect(u?.hint).toMatch(/^t1 is active on both hosts\./);
  });

  it('on neither host: look elsewhere', () => {
    const u = planCleanup(facts({ source: A('absent'), dest: B('absent') })).unknown;
    expect(u?.message).toBe('Vireo changed nothing: lab-a has no t1; lab-b has no t1.');
    expect(u?.hint).toBe('Neither host has t1 any more: look for it on your other hosts (virsh list --all); its disks were not touched.');
  });

  it('anything else: keep it on exactly one host', () => {
    const u = planCleanup(facts({ source: A('absent'), dest: B('shutoff') })).unknown;
    expect(u?.hint).toBe('Look on both hosts (virsh list --all) and keep t1 on exactly one of them.');
  });

  it('the kept copies and the pause are each said, in that order', () => {
    const u = planCleanup(
      facts({
        source: A('running', 1),
        dest: B('running', 1),
        created: ['default/a.qcow2'],
        liveCopies: [{ path: '/b/x.qcow2', probeSaw: false, libvirtSaw: 'no' }],
        steeredPause: true,
      }),
    ).unknown;
    expect(u?.hint).toBe(
      [
        't1 is active on both hosts. Find out which copy is the real guest (its console, its network), then stop the other one with virsh destroy t1 on that host — never both.',
        'The disk copies on lab-b (volume default/a.qcow2, /b/x.qcow2) were kept: they may be the only disks of the running copy.',
        'It was paused through this job: resume it (virsh resume t1) only on the host that should run it.',
      ].join(' '),
    );
    const plain = planCleanup(facts({ source: A('running', 1), dest: B('running', 1) })).unknown;
    expect(plain?.hint).toBe(
      't1 is active on both hosts. Find out which copy is the real guest (its console, its network), then stop the other one with virsh destroy t1 on that host — never both.',
    );
  });

  it('kept copies on an unknown destination are said to be on "the destination"', () => {
    const u = planCleanup(facts({ dest: null, created: ['p/v'] })).unknown;
    expect(u?.hint).toContain('The disk copies on the destination (volume p/v) were kept');
  });
});
