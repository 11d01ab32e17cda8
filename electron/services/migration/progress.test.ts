import { describe, expect, it } from 'vitest';
import { MigrateFlags } from '../../libvirt/protocol';
import { explain } from './index';
import { defaultPeerUri, migrationFlags, migrationParams, virshCommand } from './plan';
import { figuresFromStats, isNonConverging, ProgressTracker, progressOf, rankRemedies, UNLIMITED_MIBPS } from './progress';

const MiB = 1024 * 1024;

/** One job-stats record as libvirt 9.0 sends it during a migration (keys of PROTOCOL.md §7). */
function stats(o: {
  it: number;
  remaining: number;
  dirtyPages?: number;
  bps?: number;
  processed?: number;
  total?: number;
  elapsed?: number;
}) {
  const total = o.total ?? 209 * MiB;
  return {
    operation: 5,
    time_elapsed: o.elapsed ?? 1000,
    data_total: total,
    data_processed: o.processed ?? total - o.remaining,
    data_remaining: o.remaining,
    memory_total: total,
    memory_processed: o.processed ?? total - o.remaining,
    memory_remaining: o.remaining,
    memory_bps: o.bps ?? 10 * MiB,
    memory_dirty_rate: o.dirtyPages ?? 0,
    memory_page_size: 4096,
    memory_iteration: o.it,
  };
}

describe('figures from job stats', () => {
  it('maps libvirt keys, adds the dirty rate in bytes and the expected downtime as an estimate', () => {
    const f = figuresFromStats({ ...stats({ it: 3, remaining: 20 * MiB, dirtyPages: 2560 }), disk_bps: 5 * MiB });
    expect(f.memRemaining).toBe(20 * MiB);
    expect(f.iteration).toBe(3);
    expect(f.dirtyPagesPerSec).toBe(2560);
    expect(f.dirtyBps).toBe(2560 * 4096);
    expect(f.speedBps).toBe(15 * MiB);
    // remaining / memory_bps: 20 MiB at 10 MiB/s.
    expect(f.expectedDowntimeMs).toBe(2000);
  });

  it('progress is by data: what no longer waits to be sent, over the total', () => {
    expect(progressOf({ dataTotal: 200, dataRemaining: 50 })).toBe(0.75);
    expect(progressOf({ dataTotal: 0 })).toBe(0);
    expect(progressOf({ dataTotal: 100, dataRemaining: 150 })).toBe(0);
  });
});

describe('non-convergence', () => {
  /** The lab's recipe as measured: 10 MiB/s cap, the guest rewriting 32 MiB at ~2550 pages/s. */
  const stuck = [
    stats({ it: 1, remaining: 185 * MiB }),
    stats({ it: 1, remaining: 60 * MiB }),
    stats({ it: 2, remaining: 17.6 * MiB, dirtyPages: 680 }),
    stats({ it: 2, remaining: 8 * MiB, dirtyPages: 680 }),
    stats({ it: 3, remaining: 31 * MiB, dirtyPages: 2514 }),
    stats({ it: 3, remaining: 11 * MiB, dirtyPages: 2514 }),
    stats({ it: 4, remaining: 25 * MiB, dirtyPages: 2551 }),
  ];

  it('flags the lab recipe at the start of pass 3 and keeps the ETA at "never"', () => {
    const t = new ProgressTracker(0);
    const flags = stuck.map((s, i) => t.push(s, i * 1000).nonConverging);
    expect(flags).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(t.last.etaSec).toBe(-1);
    expect(t.nonConverging?.message).toMatch(/Not converging: the guest rewrites memory about as fast as it is sent/);
    expect(t.nonConverging?.message).toContain('31.0 MiB');
  });

  it('does not flag a migration whose passes shrink', () => {
    const t = new ProgressTracker(0);
    const ok = [
      stats({ it: 1, remaining: 150 * MiB }),
      stats({ it: 2, remaining: 20 * MiB, dirtyPages: 300 }),
      stats({ it: 3, remaining: 4 * MiB, dirtyPages: 300 }),
      stats({ it: 4, remaining: 1 * MiB, dirtyPages: 300 }),
    ];
    expect(ok.map((s, i) => t.push(s, i).nonConverging)).toEqual([0, 0, 0, 0]);
    expect(t.last.etaSec).toBeGreaterThan(0);
  });

  it('judges again after a remedy, and clears once a pass starts well below', () => {
    const t = new ProgressTracker(0);
    for (const [i, s] of stuck.entries()) t.push(s, i);
    expect(t.nonConverging).not.toBeNull();
    t.reset();
    expect(t.push(stats({ it: 5, remaining: 5 * MiB, dirtyPages: 100 }), 10).nonConverging).toBe(0);
  });

  it('the rule itself: the guest dirtying at ≥ 90 % of the speed over two passes is enough', () => {
    const m = (iteration: number, remaining: number, dirty: number) => ({ iteration, remaining, dirtyBps: dirty, memBps: 10 * MiB });
    expect(isNonConverging([m(1, 100 * MiB, 0), m(2, 30 * MiB, 9.5 * MiB), m(3, 20 * MiB, 9.6 * MiB)])).toBe(true);
    expect(isNonConverging([m(1, 100 * MiB, 0), m(2, 30 * MiB, 2 * MiB)])).toBe(false);
  });
});

describe('remedies, least guest impact first', () => {
  const figures = figuresFromStats(stats({ it: 4, remaining: 25 * MiB, dirtyPages: 2551 }));

  it('lift the cap, allow a few seconds of downtime, post-copy, throttle, pause', () => {
    const r = rankRemedies({ figures, bandwidthMiBps: 10, postCopyAllowed: true, postCopyActive: false, suspended: false });
    expect(r.map((x) => x.control.action)).toEqual(['bandwidth', 'max-downtime', 'postcopy', 'throttle', 'suspend']);
    expect(r[0]?.control).toEqual({ action: 'bandwidth', mibps: 0 });
    // 25 MiB at 10 MiB/s = 2.5 s, with a 50 % margin, rounded up to 0.5 s.
    expect(r[1]?.control).toEqual({ action: 'max-downtime', ms: 4000 });
    expect(r[1]?.impact).toMatch(/pauses once, for up to 4.0 s/);
    const throttle = r.find((x) => x.control.action === 'throttle')?.control;
    expect(throttle && 'percent' in throttle && throttle.percent).toBeGreaterThanOrEqual(5);
  });

  it('leaves out what cannot apply: no cap, post-copy not allowed, already paused, in post-copy', () => {
    const r = rankRemedies({ figures, postCopyAllowed: false, postCopyActive: false, suspended: true });
    expect(r.map((x) => x.control.action)).toEqual(['max-downtime']);
    expect(rankRemedies({ figures, postCopyAllowed: true, postCopyActive: true, suspended: false })).toEqual([]);
    const found = rankRemedies({ figures, postCopyAllowed: null, postCopyActive: false, suspended: false });
    expect(found.find((x) => x.control.action === 'postcopy')?.impact).toMatch(/only if post-copy was allowed/);
  });

  it('a downtime longer than a minute is not offered', () => {
    const slow = figuresFromStats(stats({ it: 4, remaining: 900 * MiB, dirtyPages: 2551, bps: 10 * MiB }));
    expect(
      rankRemedies({ figures: slow, postCopyAllowed: false, postCopyActive: false, suspended: false }).some(
        (x) => x.control.action === 'max-downtime',
      ),
    ).toBe(false);
  });

  it('"unlimited" is libvirt\'s own maximum', () => {
    expect(BigInt(UNLIMITED_MIBPS)).toBe((2n ** 63n - 1n) / BigInt(MiB));
  });
});

describe('flags, params and the virsh command line', () => {
  const base = {
    hostId: 'lab-a',
    uuid: '7e570000-0000-4000-8000-000000000001',
    destHostId: 'lab-b',
    mode: 'live',
    storage: 'shared',
    transport: 'direct',
    tunnelled: false,
    persist: true,
    undefineSource: true,
    postCopy: false,
    compression: 'none',
  } as const;
  const host = (name: string, address: string) => ({
    id: name,
    spec: { name, transport: 'ssh' as const, address, user: 'root', uri: 'qemu:///system', auth: { kind: 'key' as const, path: '/k' } },
    state: { status: 'connected' as const, since: 0 },
  });

  it('live, shared on ext4: --live --persistent --undefinesource --unsafe', () => {
    const f = migrationFlags(base, true);
    expect(f).toBe(MigrateFlags.LIVE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE | MigrateFlags.UNSAFE);
    expect(virshCommand(base, host('lab-a', '10.203.0.1'), host('lab-b', '10.203.0.2'), 'tiny', f)).toBe(
      'virsh -c qemu+ssh://root@10.203.0.1/system migrate --live --persistent --undefinesource --unsafe --verbose tiny qemu+ssh://root@10.203.0.2/system',
    );
  });

  it('p2p tunnelled, copy storage, auto-converge, post-copy, zstd, new name', () => {
    const spec = {
      ...base,
      storage: 'copy',
      transport: 'p2p',
      tunnelled: false,
      autoConverge: { initial: 20, increment: 10 },
      postCopy: true,
      compression: 'zstd',
      bandwidthMiBps: 50,
      newName: 'tiny2',
    } as const;
    const f = migrationFlags(spec, false);
    for (const bit of [
      MigrateFlags.PEER2PEER,
      MigrateFlags.NON_SHARED_DISK,
      MigrateFlags.AUTO_CONVERGE,
      MigrateFlags.POSTCOPY,
      MigrateFlags.COMPRESSED,
      MigrateFlags.PARALLEL,
    ])
      expect(f & bit).toBe(bit);
    expect(f & MigrateFlags.UNSAFE).toBe(0);
    expect(migrationParams(spec, 'tiny')).toEqual({
      destination_name: 'tiny2',
      bandwidth: 50,
      'auto_converge.initial': 20,
      'auto_converge.increment': 10,
      compression: ['zstd'],
      'parallel.connections': 2,
    });
    const cmd = virshCommand(spec, host('a', '10.0.0.1'), host('b', '10.0.0.2'), 'tiny', f, 'qemu+ssh://10.0.0.2/system');
    expect(cmd).toContain('--p2p');
    expect(cmd).toContain('--dname tiny2');
    expect(cmd.endsWith('tiny qemu+ssh://10.0.0.2/system')).toBe(true);
  });

  it('offline moves the definition (no live flags)', () => {
    const f = migrationFlags({ ...base, mode: 'offline', storage: 'copy' }, false);
    expect(f).toBe(MigrateFlags.OFFLINE | MigrateFlags.PERSIST_DEST | MigrateFlags.UNDEFINE_SOURCE);
  });

  it('the destination URI the source uses: user, IPv6 brackets, a non-default port', () => {
    expect(defaultPeerUri(host('b', '10.203.0.2') as never)).toBe('qemu+ssh://root@10.203.0.2/system');
    expect(defaultPeerUri({ ...host('b', 'fd00::2'), spec: { ...host('b', 'fd00::2').spec, port: 2222 } } as never)).toBe(
      'qemu+ssh://root@[fd00::2]:2222/system',
    );
    expect(defaultPeerUri({ ...host('b', 'x'), spec: { name: 'b', transport: 'local', uri: 'qemu:///system' } } as never)).toBeUndefined();
  });
});

describe("errors in the admin's words", () => {
  const ctx = { step: 'perform' as const, A: 'lab-a', B: 'lab-b', name: 'tiny', canceled: false, transport: 'p2p' };
  const lv = (code: number, message: string) => Object.assign(new Error(message), { name: 'LibvirtError', code, domain: 10 });

  it("keeps libvirt's message and says what to do", () => {
    const e = explain(lv(38, 'Cannot recv data: ssh: connect to host 10.203.0.99 port 22: No route to host'), ctx);
    expect(e.message).toContain('No route to host');
    expect(e.message).toContain('while transferring');
    expect(e.hint).toMatch(/could not reach lab-b's libvirt/);
    expect(explain(lv(38, 'Cannot recv data: nosuch@10.203.0.2: Permission denied (publickey).'), ctx).hint).toMatch(/SSH keys/);
    expect(explain(lv(9, "domain 'tiny' already exists with uuid 1"), ctx).hint).toMatch(/stale definition/);
    expect(explain(lv(91, 'the CPU is incompatible with host CPU'), ctx).hint).toMatch(/CPU/);
  });

  it('a dropped link: p2p goes on on the source, direct needs both links', () => {
    const closed = Object.assign(new Error('lab-a: connection closed'), { name: 'ConnectionClosedError' });
    expect(explain(closed, ctx).hint).toMatch(/goes on on lab-a without Vireo/);
    expect(explain(closed, { ...ctx, transport: 'direct' }).hint).toMatch(/needs Vireo's links to both hosts/);
  });

  it("the destination's libvirtd stopped (SSH still up): says to check libvirtd there", () => {
    const gone = Object.assign(
      new Error(
        'lab-b: connection closed: root@10.203.0.2: the libvirt proxy (virt-ssh-helper or nc) exited with status 1: virt-ssh-helper: could not proxy traffic',
      ),
      { name: 'ConnectionClosedError' },
    );
    const e = explain(gone, { ...ctx, transport: 'direct' });
    expect(e.message).toContain('virt-ssh-helper');
    expect(e.hint).toMatch(/^libvirtd on lab-b stopped answering/);
    expect(e.hostToFix).toBe('lab-b');
    expect(
      explain(Object.assign(new Error('lab-b: connection closed: the host closed the connection'), { name: 'ConnectionClosedError' }), ctx)
        .hostToFix,
    ).toBeUndefined();
  });
});
