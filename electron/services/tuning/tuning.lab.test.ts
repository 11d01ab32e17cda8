// The tuning feature against lab host A. The lab's hosts are namespaces of THIS machine, so /sys
// here is the hosts' /sys: what the feature reads over SSH and through libvirt is checked against
// the files read directly, and every value changed (KSM's scan rate, the 2 MiB pool) is put back
// in afterAll, also on failure. KSM's run is never changed here: only the refusal for a non-root
// SSH user (A's password account `vireo`) is, and run must read the same afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLab } from '../../../e2e/lab/lab';
import { AppError } from '../../../shared/errors';
import { type OpenHost, openHost } from '../../libvirt/lab-fixture';
import { SshSession } from '../../transport/ssh';
import type { ServiceDeps } from '../deps';
import type { TuningIo } from './facts';
import { createTuningFeature, type TuningFeature } from './feature';

const H = 'lab-a';
const KSM = '/sys/kernel/mm/ksm';
const POOL_2M = '/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages';
const sys = (p: string) => readFileSync(p, 'utf8').trim();

describe('tuning feature (lab host A; /sys is this machine’s)', () => {
  let A: OpenHost;
  let f: TuningFeature;
  let vireo: SshSession | undefined;
  const saved = { pagesToScan: '', sleep: '', pool: '', run: '' };

  beforeAll(async () => {
    saved.pagesToScan = sys(`${KSM}/pages_to_scan`);
    saved.sleep = sys(`${KSM}/sleep_millisecs`);
    saved.pool = sys(POOL_2M);
    saved.run = sys(`${KSM}/run`);
    A = await openHost('A');
    const io: TuningIo = { label: H, rpc: () => A.conn.rpc, run: (argv) => A.ssh.run(argv) };
    const hosts = { connection: () => A.conn };
    f = createTuningFeature({ hosts } as unknown as ServiceDeps, { io: () => io });
  });

  afterAll(async () => {
    // Put back what was there, whatever happened.
    const put = (p: string, v: string) => {
      try {
        if (v && sys(p) !== v) writeFileSync(p, v);
      } catch {}
    };
    put(`${KSM}/pages_to_scan`, saved.pagesToScan);
    put(`${KSM}/sleep_millisecs`, saved.sleep);
    put(POOL_2M, saved.pool);
    put(`${KSM}/run`, saved.run);
    vireo?.close();
    await A?.close();
  });

  it('reads /sys/kernel/mm over SSH as root: KSM run, THP and the page size match the files', async () => {
    const mm = await f.handlers['tuning.mm']({ hostId: H });
    expect(mm).toMatchObject({ hostId: H, user: 'root', root: true, pageSizeBytes: 4096, notes: [] });
    expect(mm.ksmRun).toBe(({ '0': 'off', '1': 'on', '2': 'unmerge' } as Record<string, string>)[sys(`${KSM}/run`)]);
    expect(mm.thp.enabled?.current).toBe(/\[(.+?)\]/.exec(sys('/sys/kernel/mm/transparent_hugepage/enabled'))?.[1]);
    expect(mm.thp.defrag?.options).toContain(mm.thp.defrag?.current);
  });

  it("KSM's figures come from libvirt and match /sys; the scan rate set through libvirt lands in /sys and is read back", async () => {
    const s = await f.handlers['tuning.ksm']({ hostId: H });
    expect(s.pagesToScan).toBe(Number(sys(`${KSM}/pages_to_scan`)));
    expect(s.sleepMillisecs).toBe(Number(sys(`${KSM}/sleep_millisecs`)));
    expect(s.fullScans).toBeGreaterThanOrEqual(0);
    const want = { pagesToScan: Number(saved.pagesToScan) + 7, sleepMillisecs: Number(saved.sleep) + 3 };
    const after = await f.handlers['tuning.setKsmParams']({ hostId: H, params: want });
    expect(after).toMatchObject(want);
    expect(sys(`${KSM}/pages_to_scan`)).toBe(String(want.pagesToScan));
    expect(sys(`${KSM}/sleep_millisecs`)).toBe(String(want.sleepMillisecs));
    await f.handlers['tuning.setKsmParams']({
      hostId: H,
      params: { pagesToScan: Number(saved.pagesToScan), sleepMillisecs: Number(saved.sleep) },
    });
    expect(sys(`${KSM}/pages_to_scan`)).toBe(saved.pagesToScan);
  });

  it('a non-root SSH user cannot turn KSM on: refused in plain words, /sys/kernel/mm/ksm/run unchanged', async () => {
    const lab = readLab();
    const h = lab.hosts.find((x) => x.id === 'A');
    if (!h?.password) throw new Error('lab.json: host A has no password account');
    vireo = await SshSession.connect(
      { host: h.address, port: h.port, user: h.password.user, auth: { kind: 'password', password: h.password.password } },
      { hostKeys: { knownHostsPath: lab.knownHosts, onUnknown: async () => false } },
    );
    const v = vireo;
    const io: TuningIo = { label: H, rpc: () => A.conn.rpc, run: (argv) => v.run(argv) };
    const g = createTuningFeature({ hosts: { connection: () => A.conn } } as unknown as ServiceDeps, { io: () => io });
    const mm = await g.handlers['tuning.mm']({ hostId: H });
    expect(mm).toMatchObject({ user: h.password.user, root: false });
    const before = sys(`${KSM}/run`);
    const err = await g.handlers['tuning.setKsmRun']({ hostId: H, mode: before === '1' ? 'off' : 'on' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not-root');
    expect((err as AppError).message).toMatch(/^Vireo connects to lab-a as vireo, not root: only root can turn KSM (on|off)/);
    expect(sys(`${KSM}/run`)).toBe(before);
  });

  it('huge pages: the pools match /sys; 2 pages of 2 MiB allocated and read back, then freed', async () => {
    const st = await f.handlers['tuning.hugepages']({ hostId: H });
    expect(st.sizes.map((s) => s.sizeKiB)).toEqual([2048, 1048576]);
    expect(st.sizes[0]?.total).toBe(Number(saved.pool));
    expect(st.freeMemoryBytes).toBeGreaterThan(0);
    const base = Number(saved.pool);
    const r = await f.handlers['tuning.setHugepages']({ hostId: H, sizeKiB: 2048, count: base + 2 });
    expect(r).toMatchObject({ sizeKiB: 2048, asked: base + 2, got: base + 2 });
    expect(sys(POOL_2M)).toBe(String(base + 2));
    expect(r.state.sizes[0]).toMatchObject({ total: base + 2 });
    expect(r.state.sizes[0]?.free).toBeGreaterThanOrEqual(2);
    const back = await f.handlers['tuning.setHugepages']({ hostId: H, sizeKiB: 2048, count: base });
    expect(back.got).toBe(base);
    expect(sys(POOL_2M)).toBe(saved.pool);
    // More than the host's free memory: refused before anything is sent.
    await expect(f.handlers['tuning.setHugepages']({ hostId: H, sizeKiB: 1048576, count: 1_000_000 })).rejects.toThrow(/GiB free$/);
    expect(sys('/sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages')).toBe('0');
  });

  it('topology of the lab host (1 socket × 2 cores × 1 thread) and a suggestion for every VM', async () => {
    const t = await f.handlers['tuning.vms']({ hostId: H });
    expect(t.topology).toMatchObject({ cpus: 2, sockets: 1, cores: 2, threads: 1 });
    expect(t.topology.list.map((c) => [c.id, c.socket, c.core, c.siblings])).toEqual([
      [0, 0, 0, [0]],
      [1, 0, 1, [1]],
    ]);
    for (const v of t.vms) {
      expect(v.pins).toHaveLength(v.vcpus);
      expect(['core', 'socket', 'none']).toContain(v.suggestion.level);
      if (v.vcpus === 1) expect(v.suggestion.level).toBe('core');
    }
  });
});
