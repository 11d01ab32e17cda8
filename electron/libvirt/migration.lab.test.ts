// migration.ts against the lab: a throwaway guest built like tiny (t-proto-mig-*, no disk, so
// nobody else's guest moves) goes A -> B by a direct migration driven from here (begin3,
// prepare3, perform3, finish3, confirm3) while we poll job stats and change max downtime and
// speed, then comes back B -> A peer-to-peer (Perform3 with dconnuri). Then an aborted
// migration leaves it on A, and a post-copy one moves it again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  domainAbortJob,
  domainCreate,
  domainDefineXml,
  domainGetJobStats,
  domainGetState,
  domainLookupByName,
  domainOpenConsole,
  type JobStats,
} from './domain';
import { type DomainEvent, DomainEvents } from './events';
import { labHost, type OpenHost, openHost, throwawayName, throwawayXml, until, virsh, virshStatus } from './lab-fixture';
import {
  MigrationError,
  migrateDirect,
  migrateGetMaxDowntime,
  migrateGetMaxSpeed,
  migratePeerToPeer,
  migrateSetMaxDowntime,
  migrateSetMaxSpeed,
  migrateStartPostCopy,
} from './migration';
import { type DomainRef, DomainState, JobStatsFlags, JobType, MigrateFlags } from './protocol';

const name = throwawayName('mig');
let A: OpenHost;
let B: OpenHost;
let evA: DomainEvents;
const seenA: DomainEvent[] = [];
const MOVE = MigrateFlags.LIVE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE;

const state = async (host: 'A' | 'B'): Promise<string | null> => {
  const r = await virshStatus(host, ['domstate', name]);
  return r.code === 0 ? r.stdout.trim() : null;
};

/** Polls job stats on `rpc` while `run` is in flight; `during` runs once when a job is seen. */
async function whilePolling<T>(
  rpc: OpenHost['rpc'],
  dom: DomainRef,
  run: () => Promise<T>,
  during?: (s: JobStats) => Promise<void>,
): Promise<{ result: T | Error; samples: JobStats[] }> {
  const samples: JobStats[] = [];
  let done = false;
  let duringRan = false;
  const p = run()
    .catch((e: Error) => e)
    .finally(() => {
      done = true;
    });
  while (!done) {
    const s = await domainGetJobStats(rpc, dom).catch(() => null);
    if (s && s.type !== JobType.NONE) {
      samples.push(s);
      if (during && !duringRan && Number(s.stats.memory_processed ?? 0) > 0) {
        duringRan = true;
        await during(s);
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { result: await p, samples };
}

async function consoleAnswers(rpc: OpenHost['rpc'], dom: DomainRef): Promise<void> {
  const st = await domainOpenConsole(rpc, dom, { flags: 1 });
  let out = '';
  st.on('data', (b: Buffer) => {
    out += b.toString('latin1');
  });
  try {
    await until(
      async () => {
        st.write('\necho VIREO-$((6*7))\n');
        await new Promise((r) => setTimeout(r, 700));
        return out.includes('VIREO-42') ? true : undefined;
      },
      90_000,
      0,
    );
  } finally {
    st.destroy();
  }
}

beforeAll(async () => {
  A = await openHost('A');
  B = await openHost('B');
  evA = new DomainEvents(A.conn, {
    kinds: ['lifecycle', 'migrationIteration', 'jobCompleted'],
  });
  evA.on('*', (e) => {
    if (e.domain.name === name) seenA.push(e);
  });
  await evA.start();
});

/**
 * The throwaway guest running and booted on `host`, whatever the tests before left (none, or the
 * guest on the other host): each test starts from where it needs the guest, so any one runs
 * alone or in any order. In file order each test finds the guest where the one before left it.
 */
async function guestOn(host: 'A' | 'B'): Promise<DomainRef> {
  const [here, other] = host === 'A' ? [A, 'B' as const] : [B, 'A' as const];
  if ((await state(other)) !== null) {
    await virshStatus(other, ['destroy', name]);
    await virshStatus(other, ['undefine', name]);
  }
  const now = await state(host);
  if (now === 'running') return domainLookupByName(here.rpc, name);
  if (now !== null) await virshStatus(host, ['destroy', name]);
  const dom = now === null ? await domainDefineXml(here.rpc, { xml: throwawayXml(name) }) : await domainLookupByName(here.rpc, name);
  await domainCreate(here.rpc, dom);
  // Migrate a booted guest, not one still loading its kernel.
  const booted = await domainLookupByName(here.rpc, name);
  await consoleAnswers(here.rpc, booted);
  return booted;
}
afterAll(async () => {
  await evA?.stop();
  for (const h of ['A', 'B'] as const) {
    await virshStatus(h, ['destroy', name]);
    await virshStatus(h, ['undefine', name]);
  }
  await A?.close();
  await B?.close();
});

describe('live migration between lab hosts', () => {
  it('direct A -> B (five steps), job stats polled, downtime and speed changed while it runs', async () => {
    const dom = await guestOn('A');
    const steps: string[] = [];
    const controls: Record<string, number | string> = {};
    const { result, samples } = await whilePolling(
      A.rpc,
      dom,
      () =>
        migrateDirect({
          src: A.rpc,
          dst: B.rpc,
          dom,
          flags: MOVE,
          // Slow enough (MiB/s) to watch it; the guest's dirty memory is a few MiB.
          params: {
            migrate_uri: `tcp://${labHost('B').address}`,
            bandwidth: 4,
          },
          onStep: (s) => steps.push(s),
        }),
      async () => {
        await migrateSetMaxDowntime(A.rpc, dom, { ms: 750 });
        controls.downtime = await migrateGetMaxDowntime(A.rpc, dom);
        controls.virshDowntime = (await virsh('A', ['migrate-getmaxdowntime', name])).trim();
        await migrateSetMaxSpeed(A.rpc, dom, { mibps: 64 });
        controls.speed = await migrateGetMaxSpeed(A.rpc, dom);
        controls.virshSpeed = (await virsh('A', ['migrate-getspeed', name])).trim();
      },
    );
    if (result instanceof Error) throw result;
    expect(steps).toEqual(['begin', 'prepare', 'perform', 'finish', 'confirm']);
    expect(result.name).toBe(name);
    expect(result.id).toBeGreaterThan(0);

    // Job stats while it ran: an unbounded migration job with figures that moved.
    expect(samples.length).toBeGreaterThan(1);
    expect(samples.every((s) => s.type === JobType.UNBOUNDED)).toBe(true);
    const last = samples[samples.length - 1]!.stats;
    for (const k of ['time_elapsed', 'data_total', 'data_processed', 'memory_total', 'memory_bps']) expect(last, k).toHaveProperty(k);
    expect(Number(last.memory_processed)).toBeGreaterThan(0);
    expect(controls).toEqual({
      downtime: 750,
      virshDowntime: '750',
      speed: 64,
      virshSpeed: '64',
    });

    // Where the guest is now, for virsh too; it answers on its console.
    expect(await state('B')).toBe('running');
    expect(await state('A')).toBeNull();
    await consoleAnswers(B.rpc, result);

    // The source saw it go; the last job's figures are kept on the destination.
    await until(async () => seenA.find((e) => e.kind === 'lifecycle' && e.eventName === 'STOPPED' && e.detailName === 'MIGRATED'));
    await until(async () => seenA.find((e) => e.kind === 'jobCompleted'));
    expect(seenA.some((e) => e.kind === 'migrationIteration')).toBe(true);
    const done = await domainGetJobStats(B.rpc, result, {
      flags: JobStatsFlags.COMPLETED,
    });
    expect(done.type).toBe(JobType.COMPLETED);
    expect(Number(done.stats.time_elapsed)).toBeGreaterThan(0);
  });

  it('peer-to-peer B -> A: one Perform3 call with dconnuri; the guest is back and alive', async () => {
    const dom = await guestOn('B');
    const a = labHost('A');
    const { result, samples } = await whilePolling(B.rpc, dom, () =>
      migratePeerToPeer(B.rpc, dom, {
        dconnuri: `qemu+ssh://${a.address}/system`,
        params: { migrate_uri: `tcp://${a.address}`, bandwidth: 32 },
        flags: MOVE,
      }),
    );
    if (result instanceof Error) throw result;
    expect(samples.length).toBeGreaterThan(0);
    expect(await state('A')).toBe('running');
    expect(await state('B')).toBeNull();
    const back = await domainLookupByName(A.rpc, name);
    expect((await domainGetState(A.rpc, back)).state).toBe(DomainState.RUNNING);
    await consoleAnswers(A.rpc, back);
  });

  it('an aborted direct migration leaves the guest running on the source', async () => {
    const dom = await guestOn('A');
    const { result } = await whilePolling(
      A.rpc,
      dom,
      () =>
        migrateDirect({
          src: A.rpc,
          dst: B.rpc,
          dom,
          flags: MOVE,
          params: {
            migrate_uri: `tcp://${labHost('B').address}`,
            bandwidth: 1,
          },
        }),
      async () => {
        await domainAbortJob(A.rpc, dom);
      },
    );
    expect(result).toBeInstanceOf(MigrationError);
    expect(result).toMatchObject({ step: 'perform', guestOn: 'source' });
    expect((result as MigrationError).cause.message).toMatch(/cancel/i);
    expect(await state('A')).toBe('running');
    expect(await state('B')).toBeNull();
  });

  it('post-copy: switched over while running, the guest ends up on B', async () => {
    const dom = await guestOn('A');
    const { result } = await whilePolling(
      A.rpc,
      dom,
      () =>
        migrateDirect({
          src: A.rpc,
          dst: B.rpc,
          dom,
          flags: MOVE | MigrateFlags.POSTCOPY,
          params: {
            migrate_uri: `tcp://${labHost('B').address}`,
            bandwidth: 2,
          },
        }),
      async () => {
        await migrateStartPostCopy(A.rpc, dom);
      },
    );
    if (result instanceof Error) throw result;
    expect(await state('B')).toBe('running');
    await consoleAnswers(B.rpc, result);
  });
});
