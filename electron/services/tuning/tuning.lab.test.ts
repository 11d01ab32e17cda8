// The tuning feature against lab host A. The lab's hosts are namespaces of THIS machine, so /sys
// here is the hosts' /sys: what the feature reads over SSH and through libvirt is checked against
// the files read directly, and every value changed (KSM's scan rate, the smallest huge page pool) is
// put back in afterAll, also on failure (a value that cannot be put back fails the run). Expected
// values (page sizes, topology) are read from this machine's /sys (e2e/lab/machine.ts), never written down. KSM's run is never changed here: only the refusal for a non-root
// SSH user (A's password account `vireo`) is, and run must read the same afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLab } from '../../../e2e/lab/lab';
import { hugePoolPath, machineHugePageSizesKiB, machinePageSize, machineTopology } from '../../../e2e/lab/machine';
import { AppError } from '../../../shared/errors';
import { type OpenHost, openHost } from '../../libvirt/lab-fixture';
import { SshSession } from '../../transport/ssh';
import type { ServiceDeps } from '../deps';
import { pageSizeName } from './checks';
import type { TuningIo } from './facts';
import { createTuningFeature, type TuningFeature } from './feature';

const H = 'lab-a';
const KSM = '/sys/kernel/mm/ksm';
const SIZES = machineHugePageSizesKiB();
/** The smallest huge page size is allocated; the largest is the one asked for beyond free memory (the same size when only one exists). */
const SMALL = SIZES[0] ?? 0;
const LARGE = SIZES[SIZES.length - 1] ?? 0;
const sys = (p: string) => readFileSync(p, 'utf8').trim();

describe('tuning feature (lab host A; /sys is this machine’s)', () => {
  let A: OpenHost;
  let f: TuningFeature;
  let vireo: SshSession | undefined;
  const saved = { pagesToScan: '', sleep: '', pool: '', large: '', run: '' };

  beforeAll(async () => {
    saved.pagesToScan = sys(`${KSM}/pages_to_scan`);
    saved.sleep = sys(`${KSM}/sleep_millisecs`);
    if (!SMALL)
      throw new Error('this machine offers no huge page sizes (/sys/kernel/mm/hugepages is empty): the lab needs a kernel with hugetlbfs');
    saved.pool = sys(hugePoolPath(SMALL));
    saved.large = sys(hugePoolPath(LARGE));
    saved.run = sys(`${KSM}/run`);
    A = await openHost('A');
    const io: TuningIo = { label: H, rpc: () => A.conn.rpc, run: (argv) => A.ssh.run(argv) };
    const hosts = { connection: () => A.conn };
    f = createTuningFeature({ hosts } as unknown as ServiceDeps, { io: () => io });
  });

  afterAll(async () => {
    // Put back what was there, whatever happened; every value is tried, then any that failed (or
    // reads back different) fails the run.
    const failed: string[] = [];
    const put = (p: string, v: string) => {
      try {
        if (v && sys(p) !== v) writeFileSync(p, v);
        if (v && sys(p) !== v) failed.push(`${p} reads ${sys(p)} after writing ${v}`);
      } catch (e) {
        failed.push(`${p} ← ${v}: ${(e as Error).message}`);
      }
    };
    put(`${KSM}/pages_to_scan`, saved.pagesToScan);
    put(`${KSM}/sleep_millisecs`, saved.sleep);
    if (SMALL) put(hugePoolPath(SMALL), saved.pool);
    if (LARGE) put(hugePoolPath(LARGE), saved.large);
    put(`${KSM}/run`, saved.run);
    vireo?.close();
    await A?.close();
    if (failed.length) throw new Error(`afterAll could not put the machine back: ${failed.join('; ')}`);
  });

  it('reads /sys/kernel/mm over SSH as root: KSM run, THP and the page size match the files', async () => {
    const mm = await f.handlers['tuning.mm']({ hostId: H });
    expect(mm).toMatchObject({ hostId: H, user: 'root', root: true, pageSizeBytes: machinePageSize(), notes: [] });
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

  it("huge pages: the sizes are the machine's; 2 pages of the smallest size allocated and read back, then freed; the largest refused beyond free memory", async () => {
    const st = await f.handlers['tuning.hugepages']({ hostId: H });
    expect(st.sizes.map((s) => s.sizeKiB)).toEqual(SIZES);
    const small = st.sizes.findIndex((s) => s.sizeKiB === SMALL);
    expect(st.sizes[small]?.total).toBe(Number(saved.pool));
    expect(st.freeMemoryBytes).toBeGreaterThan(0);
    expect(st.totalMemoryBytes).toBeGreaterThan(st.freeMemoryBytes);
    const base = Number(saved.pool);
    const r = await f.handlers['tuning.setHugepages']({ hostId: H, sizeKiB: SMALL, count: base + 2 });
    expect(r).toMatchObject({ sizeKiB: SMALL, asked: base + 2, got: base + 2 });
    expect(sys(hugePoolPath(SMALL))).toBe(String(base + 2));
    expect(r.state.sizes[small]).toMatchObject({ total: base + 2 });
    expect(r.state.sizes[small]?.free).toBeGreaterThanOrEqual(2);
    const back = await f.handlers['tuning.setHugepages']({ hostId: H, sizeKiB: SMALL, count: base });
    expect(back.got).toBe(base);
    expect(sys(hugePoolPath(SMALL))).toBe(saved.pool);
    // The most pages the request allows (1,000,000) of the largest size: more than the free memory
    // less the host's reserve, refused before anything is sent.
    expect(1_000_000 * LARGE * 1024).toBeGreaterThan(st.freeMemoryBytes);
    await expect(f.handlers['tuning.setHugepages']({ hostId: H, sizeKiB: LARGE, count: 1_000_000 })).rejects.toThrow(
      new RegExp(
        `^1000000 pages of ${pageSizeName(LARGE)} need [0-9.]+ GiB more, and lab-a has [0-9.]+ [GM]iB free, of which [0-9.]+ [GM]iB is kept for the host itself`,
      ),
    );
    expect(sys(hugePoolPath(LARGE))).toBe(saved.large);
  });

  it("topology of the lab host is the machine's (/sys/devices/system/cpu, node), and a suggestion for every VM", async () => {
    const m = machineTopology();
    const t = await f.handlers['tuning.vms']({ hostId: H });
    expect(t.topology).toMatchObject({ cpus: m.cpus, cores: m.cores, threads: m.threads });
    expect(new Set(t.topology.list.map((c) => `${c.node}:${c.socket}`)).size).toBe(m.sockets);
    expect(t.topology.list.map((c) => [c.id, c.node, c.socket, c.core, c.siblings])).toEqual(
      m.list.map((c) => [c.id, c.node, c.socket, c.core, c.siblings]),
    );
    for (const v of t.vms) {
      expect(v.pins).toHaveLength(v.vcpus);
      expect(['core', 'socket', 'none']).toContain(v.suggestion.level);
      if (v.vcpus === 1) expect(v.suggestion.level).toBe('core');
    }
  });
});
