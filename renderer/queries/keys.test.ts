/**
 * The cache's one table: every event of the contract has a row (compile time and run time), the
 * rows do to a real QueryClient what the UI relies on, and no renderer file names a query key by
 * hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DomainSummary, EventName, Events, HostInfo, Job } from '../../shared/api';
import { eventNames } from '../../shared/api';
import { EVENT_NAMES } from '../../shared/channels';
import { applyEvent, CACHED_EVENTS, EVENT_TABLE, type EventTable, keyOf, keys, keysOf } from './keys';

const RENDERER = fileURLToPath(new URL('..', import.meta.url));

// Compile time: a table without a row for some event does not type-check.
// @ts-expect-error 'console.state' is missing
const _missing: EventTable = {
  'host.state': {},
  'domain.changed': {},
  'job.progress': {},
  prompt: { elsewhere: 'x' },
  'domain.stats': { elsewhere: 'x' },
};
void _missing;
type _NoExtraRows = Exclude<keyof typeof EVENT_TABLE, EventName> extends never ? true : never;
const _noExtra: _NoExtraRows = true;
void _noExtra;

const U = '0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5';
const dom = (uuid: string, hostId = 'lab-a'): DomainSummary => ({
  hostId,
  uuid,
  name: uuid.slice(0, 4),
  id: 1,
  state: 'running',
  reason: 0,
  persistent: true,
  vcpus: 1,
  memoryKiB: 1024,
});

function run<E extends EventName>(qc: QueryClient, event: E, payload: Events[E]): string[] {
  const refetched: QueryKey[] = [];
  applyEvent(qc, event, payload, (k) => refetched.push(k));
  return refetched.map((k) => JSON.stringify(k));
}

describe('the event table', () => {
  it('has one row per event of the contract, no more', () => {
    expect(Object.keys(EVENT_TABLE).sort()).toEqual([...eventNames].sort());
    expect(Object.keys(EVENT_TABLE).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('subscribes to the cache events only: never domain.stats (the backend samples only while someone listens)', () => {
    expect([...CACHED_EVENTS].sort()).toEqual([
      'domain.changed',
      'guest.changed',
      'host.state',
      'job.progress',
      'network.changed',
      'settings.pending',
      'snapshot.changed',
      'storage.changed',
    ]);
  });

  it('host.state patches the host in the list at once; a connect/disconnect/failure also refetches domains and details', () => {
    const qc = new QueryClient();
    const h = { id: 'lab-a', state: { status: 'connecting' } } as HostInfo;
    qc.setQueryData(keys.hosts(), [h, { ...h, id: 'lab-b' }]);
    expect(run(qc, 'host.state', { hostId: 'lab-a', state: { status: 'connecting' } })).toEqual([JSON.stringify(keys.hosts())]);
    const r = run(qc, 'host.state', { hostId: 'lab-a', state: { status: 'connected', since: 1 } });
    expect(qc.getQueryData<HostInfo[]>(keys.hosts())?.map((x) => x.state.status)).toEqual(['connected', 'connecting']);
    expect(r).toEqual([keys.hosts(), keys.domains(), keys.hostDetails('lab-a')].map((k) => JSON.stringify(k)));
  });

  it('domain.changed patches the row, refetches the VM (details, QoS, USB) and the host USB owners', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.domains(), [dom(U), dom('other')]);
    const r = run(qc, 'domain.changed', { hostId: 'lab-a', uuid: U, name: 'x', state: 'paused' });
    expect(qc.getQueryData<DomainSummary[]>(keys.domains())?.map((d) => d.state)).toEqual(['paused', 'running']);
    for (const k of [keys.domains(), keys.domainDetails('lab-a', U), keys.qos('lab-a', U), keys.vmUsb('lab-a', U), keys.hostUsb('lab-a')])
      expect(r).toContain(JSON.stringify(k));
    // The host's pending marks are not read again per event: the backend sends settings.pending.
    expect(r).not.toContain(JSON.stringify(keyOf('settings.pendingList', { hostId: 'lab-a' })));
  });

  it('settings.pending patches one VM into or out of the host’s pending set, refetching nothing', () => {
    const qc = new QueryClient();
    const key = keyOf('settings.pendingList', { hostId: 'lab-a' });
    qc.setQueryData(key, { hostId: 'lab-a', uuids: ['b'], scanned: true });
    expect(run(qc, 'settings.pending', { hostId: 'lab-a', uuid: 'a', pending: true })).toEqual([]);
    expect(qc.getQueryData(key)).toEqual({ hostId: 'lab-a', uuids: ['a', 'b'], scanned: true });
    run(qc, 'settings.pending', { hostId: 'lab-a', uuid: 'b', pending: false });
    run(qc, 'settings.pending', { hostId: 'lab-a', uuid: 'a', pending: true }); // twice: still once
    expect(qc.getQueryData(key)).toEqual({ hostId: 'lab-a', uuids: ['a'], scanned: true });
    run(qc, 'settings.pending', { hostId: 'lab-b', uuid: 'c', pending: true }); // a host not read: nothing made up
    expect(qc.getQueryData(keyOf('settings.pendingList', { hostId: 'lab-b' }))).toBeUndefined();
  });

  it('domain.changed with removed drops the row and the cached details and refetches nothing of that VM', () => {
    const qc = new QueryClient();
    qc.setQueryData(keys.domains(), [dom(U), dom('other')]);
    qc.setQueryData(keys.domainDetails('lab-a', U), { x: 1 });
    const r = run(qc, 'domain.changed', { hostId: 'lab-a', uuid: U, name: 'x', removed: true });
    expect(qc.getQueryData<DomainSummary[]>(keys.domains())?.map((d) => d.uuid)).toEqual(['other']);
    expect(qc.getQueryData(keys.domainDetails('lab-a', U))).toBeUndefined();
    expect(r.some((k) => k.includes(U))).toBe(false);
  });

  it('job.progress replaces the job by id, newest first', () => {
    const qc = new QueryClient();
    const job = (id: string, startedAt: number, phase = 'a') => ({ id, startedAt, phase }) as Job;
    qc.setQueryData(keys.jobs(), [job('j2', 2), job('j1', 1)]);
    expect(run(qc, 'job.progress', job('j1', 1, 'b'))).toEqual([]);
    run(qc, 'job.progress', job('j3', 3));
    expect(qc.getQueryData<Job[]>(keys.jobs())?.map((j) => `${j.id}${j.phase}`)).toEqual(['j3a', 'j2a', 'j1b']);
  });

  it('events handled elsewhere leave the cache alone', () => {
    const qc = new QueryClient();
    expect(run(qc, 'prompt', { id: 'p', kind: 'password', hostId: 'lab-a', user: 'u', host: 'h', message: 'm' })).toEqual([]);
    expect(qc.getQueryCache().getAll()).toEqual([]);
  });
});

describe('keys', () => {
  it('a key is the request name and its input; a partial input matches every reply it covers', async () => {
    expect(keyOf('usb.list', { hostId: 'lab-a' })).toEqual(['usb.list', { hostId: 'lab-a' }]);
    const qc = new QueryClient();
    qc.setQueryData(keys.domainDetails('lab-a', U), 1);
    qc.setQueryData(keys.domainDetails('lab-a', 'other'), 2);
    qc.setQueryData(keys.domainDetails('lab-b', U), 3);
    await qc.invalidateQueries({ queryKey: keysOf('domains.details', { hostId: 'lab-a' }) });
    const stale = qc
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.isInvalidated)
      .map((q) => q.queryKey[1]);
    expect(stale).toEqual([
      { hostId: 'lab-a', uuid: U },
      { hostId: 'lab-a', uuid: 'other' },
    ]);
  });

  it('no renderer file names a query key by hand or subscribes to a cache event outside queries/', () => {
    // The wizards' previews (features/jobs, never cached: gcTime 0) still name theirs; the jobs folder is the migrate helper's.
    const pending = new Set(['features/jobs/JobWizard.tsx']);
    const offenders: string[] = [];
    for (const f of readdirSync(RENDERER, { recursive: true, withFileTypes: true })) {
      if (!f.isFile() || !/\.tsx?$/.test(f.name) || /\.test\.tsx?$/.test(f.name) || f.parentPath.includes('node_modules')) continue;
      const path = join(f.parentPath, f.name);
      const rel = relative(RENDERER, path);
      if (rel.startsWith('queries/')) continue;
      const src = readFileSync(path, 'utf8');
      if (!pending.has(rel) && /queryKey: \[|QueryData(<[^>]*>)?\(\[/.test(src)) offenders.push(`${rel}: a literal query key`);
      if (/subscribe\('(domain\.changed|job\.progress)'/.test(src) && !rel.startsWith('features/migrate/'))
        offenders.push(`${rel}: a cache event`);
    }
    expect(offenders).toEqual([]);
  });
});
