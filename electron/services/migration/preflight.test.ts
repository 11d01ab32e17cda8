// Over 400 lines: the whole fake-host suite from before the split into facts and checks, kept as is
// so no case is lost (it now also checks that the facts survive a JSON round trip).
// Migration pre-flight over fake hosts: the libvirt wrappers and the hosts' shell are replaced by
// plain data (two HostFacts), so what facts.ts reads and each check's pass, warn and fail — and
// the plan — can be asserted exactly. Hand-written hosts; checks.test.ts starts from lab captures.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostInfo, MigrationSpec, PreflightCheck } from '../../../shared/api';
import type { HostManager } from '../hosts';
import { defaultPeerUri, migrationFlags, migrationParams, virshCommand } from './plan';
import { applyFix, collectPreflightFacts, type Preflight, preflightFromFacts, preflightIo, runPreflight } from './preflight';

const F = vi.hoisted(() => {
  interface Dom {
    ref: { name: string; uuid: string; id: number };
    state: number;
    persistent: boolean;
    xml: string;
    inactiveXml?: string;
    job?: { type: number; stats: Record<string, number> };
  }
  interface HostFacts {
    name: string;
    domains: Dom[];
    freeMemory: number;
    cpuCompare: number | { code: number; message: string };
    networks: { name: string; active: boolean }[];
    pools: { name: string; path: string; active: boolean; available: number }[];
    vols: Record<string, { capacity: number; allocation: number }>;
    files: Record<string, { size: number; mtime: number; fs?: string }>;
    bridges: string[];
    reach: { ok: boolean; output?: string };
    /** The probe exits 2 with this on stderr. */
    probeError?: string;
    commands: string[][];
    defined: string[];
    undefined: string[];
    run?: (argv: readonly string[]) => { code: number; stdout: string; stderr: string } | undefined;
  }
  const notFound = (what: string) => Object.assign(new Error(`Domain not found: ${what}`), { code: 42 });
  const facts = (rpc: unknown) => rpc as HostFacts;
  const dom = (rpc: unknown, ref: { uuid: string }) => {
    const d = facts(rpc).domains.find((x) => x.ref.uuid === ref.uuid);
    if (!d) throw notFound(ref.uuid);
    return d;
  };
  async function run(f: HostFacts, argv: readonly string[]) {
    f.commands.push([...argv]);
    if (argv[0] === 'sh' && argv[2]?.startsWith('bridges=$1')) {
      if (f.probeError !== undefined) return { code: 2, stdout: '', stderr: f.probeError };
      const [, , , , br, ra, , ...paths] = argv;
      const out = ['@stat'];
      for (const p of paths) {
        const x = f.files[p];
        out.push(x ? [p, x.size, x.mtime, 'regular file', x.fs ?? 'ext2/ext3'].join('\t') : `${p}\t-`);
      }
      if (br === '1') out.push('@bridges', ...f.bridges);
      if (ra !== '-') out.push(`@reach ${f.reach.ok ? 0 : 1}`, ...(f.reach.output ? [f.reach.output] : []));
      return { code: 0, stdout: `${out.join('\n')}\n`, stderr: '' };
    }
    return f.run?.(argv) ?? { code: 127, stdout: '', stderr: `not faked: ${argv.join(' ')}` };
  }
  return { facts, dom, run, notFound };
});
type HostFacts = ReturnType<typeof F.facts>;

vi.mock('../../libvirt/domain', () => ({
  domainLookupByUuid: async (rpc: unknown, uuid: string) => F.dom(rpc, { uuid }).ref,
  domainLookupByName: async (rpc: unknown, name: string) => {
    const d = F.facts(rpc).domains.find((x) => x.ref.name === name);
    if (!d) throw F.notFound(name);
    return d.ref;
  },
  domainGetState: async (rpc: unknown, ref: { uuid: string }) => ({ state: F.dom(rpc, ref).state, reason: 1 }),
  domainListAll: async (rpc: unknown, o?: { flags?: number }) =>
    F.facts(rpc)
      .domains.filter((d) => (o?.flags === 4 ? d.persistent : true))
      .map((d) => d.ref),
  domainGetJobStats: async (rpc: unknown, ref: { uuid: string }) => F.dom(rpc, ref).job ?? { type: 0, stats: {} },
  domainGetXmlDesc: async (rpc: unknown, ref: { uuid: string }, o?: { flags?: number }) => {
    const d = F.dom(rpc, ref);
    return (o?.flags ?? 0) & 2 ? (d.inactiveXml ?? d.xml) : d.xml;
  },
  domainDefineXml: async (rpc: unknown, a: { xml: string }) => {
    F.facts(rpc).defined.push(a.xml);
  },
  domainUndefine: async (rpc: unknown, ref: { name: string }) => {
    F.facts(rpc).undefined.push(ref.name);
  },
}));
vi.mock('../../libvirt/host', async () => {
  // libvirt's refusal as the client raises it (a LibvirtError: its code is what pre-flight reads).
  const { LibvirtError } = await import('../../libvirt/errors');
  return {
    hostGetFreeMemory: async (rpc: unknown) => F.facts(rpc).freeMemory,
    hostCompareHypervisorCpu: async (rpc: unknown) => {
      const r = F.facts(rpc).cpuCompare;
      if (typeof r === 'number') return r;
      throw new LibvirtError({ code: r.code, domain: 10, message: r.message, level: 2, int1: -1, int2: -1 });
    },
  };
});
vi.mock('../../libvirt/network', () => ({
  networkListAll: async (rpc: unknown, o?: { flags?: number }) =>
    F.facts(rpc)
      .networks.filter((n) => (o?.flags ? n.active : true))
      .map((n) => ({ name: n.name, uuid: `net-${n.name}` })),
}));
vi.mock('../../libvirt/storage', () => ({
  poolListAll: async (rpc: unknown) => F.facts(rpc).pools.map((p) => ({ name: p.name, uuid: `pool-${p.name}` })),
  poolGetInfo: async (rpc: unknown, ref: { name: string }) => {
    const p = F.facts(rpc).pools.find((x) => x.name === ref.name);
    return { state: p?.active ? 2 : 0, capacity: 0, allocation: 0, available: p?.available ?? 0 };
  },
  poolGetXmlDesc: async (rpc: unknown, ref: { name: string }) =>
    `<pool type='dir'><name>${ref.name}</name><target><path>${F.facts(rpc).pools.find((x) => x.name === ref.name)?.path}/</path></target></pool>`,
  volLookupByPath: async (rpc: unknown, path: string) => {
    if (!F.facts(rpc).vols[path]) throw new Error(`Storage volume not found: no storage vol with matching path '${path}'`);
    return { pool: 'default', name: path.split('/').pop(), key: path };
  },
  volGetInfo: async (rpc: unknown, vol: { key: string }) => ({ type: 0, ...F.facts(rpc).vols[vol.key] }),
}));
vi.mock('../transfer', () => ({
  hostIo: (hosts: { facts: Record<string, HostFacts> }, id: string) => {
    const f = hosts.facts[id] as HostFacts;
    return { id, label: f.name, rpc: () => f, run: (argv: readonly string[]) => F.run(f, argv), openBulk: async () => ({}) };
  },
}));

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const UUID = '11111111-2222-3333-4444-555555555555';
const IMG = '/var/lib/libvirt/images/tiny.qcow2';
const MAC = '52:54:00:00:00:01';

interface XmlOpts {
  memoryKiB?: number;
  cache?: string;
  disks?: string;
  ifaces?: string;
  cpu?: string;
}
const diskXml = (cache = 'none', src = IMG, format = 'qcow2') =>
  `<disk type='file' device='disk'><driver name='qemu' type='${format}' cache='${cache}'/><source file='${src}'/><target dev='vda' bus='virtio'/></disk>`;
const domainXml = (o: XmlOpts = {}) =>
  `<domain type='kvm'><name>tiny</name><uuid>${UUID}</uuid><memory unit='KiB'>${o.memoryKiB ?? 1024 * 1024}</memory>` +
  `<os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>${o.cpu ?? ''}` +
  `<devices>${o.disks ?? diskXml(o.cache)}${o.ifaces ?? `<interface type='network'><mac address='${MAC}'/><source network='default'/></interface>`}</devices></domain>`;

function host(name: string, over: Partial<HostFacts> = {}): HostFacts {
  return {
    name,
    domains: [],
    freeMemory: 8 * GiB,
    cpuCompare: 2,
    networks: [{ name: 'default', active: true }],
    pools: [{ name: 'default', path: '/var/lib/libvirt/images', active: true, available: 50 * GiB }],
    vols: {},
    files: {},
    bridges: [],
    reach: { ok: true },
    commands: [],
    defined: [],
    undefined: [],
    ...over,
  };
}

/** Host A runs `tiny` (running, persistent) on shared NFS storage that B sees too. */
function world() {
  const A = host('A', {
    domains: [{ ref: { name: 'tiny', uuid: UUID, id: 1 }, state: 1, persistent: true, xml: domainXml() }],
    files: { [IMG]: { size: 3 * GiB, mtime: 1000, fs: 'nfs' } },
    vols: { [IMG]: { capacity: 10 * GiB, allocation: 2 * GiB } },
  });
  const B = host('B', { files: { [IMG]: { size: 3 * GiB, mtime: 1001, fs: 'nfs' } } });
  return { A, B };
}

const info = (id: string, name: string, address: string, hv = '7.2.0'): HostInfo => ({
  id,
  spec: { name, transport: 'ssh', address, user: 'root', uri: 'qemu:///system' },
  state: { status: 'connected', since: 0 },
  hypervisorVersion: hv,
  libvirtVersion: '9.0.0',
});

function manager(A: HostFacts, B: HostFacts, o: { hvA?: string; hvB?: string } = {}) {
  const list = [info('a', 'A', '10.0.0.1', o.hvA), info('b', 'B', '10.0.0.2', o.hvB)];
  return {
    facts: { a: A, b: B } as Record<string, HostFacts>,
    list: () => list,
    connection: (id: string) => ({ rpc: id === 'a' ? A : B }),
    name: (id: string) => (id === 'a' ? 'A' : 'B'),
  } as unknown as HostManager;
}

const baseSpec: MigrationSpec = {
  hostId: 'a',
  destHostId: 'b',
  uuid: UUID,
  mode: 'live',
  storage: 'shared',
  transport: 'direct',
  tunnelled: false,
  persist: true,
  undefineSource: true,
  postCopy: false,
  compression: 'none',
};

/**
 * Pre-flight over the fake hosts: the facts collected once, then the checks and plan from them —
 * and the same result from the facts after a JSON round trip (they are plain data and hold all
 * that the checks need).
 */
async function preflight(A: HostFacts, B: HostFacts, spec: Partial<MigrationSpec> = {}, o: { hvA?: string; hvB?: string } = {}) {
  const full = { ...baseSpec, ...spec };
  const facts = await collectPreflightFacts(preflightIo(manager(A, B, o), full), full);
  const pf = preflightFromFacts(facts, full);
  expect(preflightFromFacts(JSON.parse(JSON.stringify(facts)), full)).toEqual(pf);
  return pf;
}
const check = (pf: Preflight, id: PreflightCheck['id']): PreflightCheck => {
  const c = pf.plan.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${pf.plan.checks.map((x) => x.id).join(', ')}`);
  return c;
};

let w: ReturnType<typeof world>;
beforeEach(() => {
  w = world();
});

describe('pre-flight: a live migration on shared storage that can go', () => {
  it('every check passes and the plan is exact', async () => {
    const pf = await preflight(w.A, w.B);
    expect(pf.plan.checks.map((c) => [c.id, c.status])).toEqual([
      ['state', 'pass'],
      ['disk-cache', 'pass'],
      ['cpu', 'pass'],
      ['storage', 'pass'],
      ['network', 'pass'],
      ['name', 'pass'],
      ['reachable', 'pass'],
      ['memory', 'pass'],
      ['versions', 'pass'],
    ]);
    expect(pf.plan.canStart).toBe(true);
    expect(pf.plan.copyBytes).toBe(0);
    expect(pf.plan.memoryBytes).toBe(GiB);
    expect(pf.plan.flags).toEqual(['--live', '--persistent', '--undefinesource']);
    expect(pf.plan.virsh).toBe(
      'virsh -c qemu+ssh://root@10.0.0.1/system migrate --live --persistent --undefinesource --verbose tiny qemu+ssh://root@10.0.0.2/system',
    );
    expect(pf.plan.disks).toEqual([]);
    expect(pf).toMatchObject({ name: 'tiny', destName: 'tiny', state: 'running', persistent: true, params: {} });
    expect(pf.stale).toBeUndefined();
    expect(pf.peerUri).toBeUndefined();
    expect(pf.disks).toEqual([
      {
        target: 'vda',
        type: 'file',
        source: IMG,
        format: 'qcow2',
        readonly: false,
        cache: 'none',
        copy: false,
        dest: IMG,
        bytes: 0,
        capacity: 10 * GiB,
        fileSize: 3 * GiB,
        srcVol: { pool: 'default', name: 'tiny.qcow2', key: IMG },
        preexisting: true,
      },
    ]);
    expect(check(pf, 'state').message).toBe('tiny is running on A.');
    expect(check(pf, 'storage')).toMatchObject({
      message: 'The disks are shared between the hosts.',
      details: [`vda: ${IMG} is the same file on both hosts (nfs).`],
    });
    expect(check(pf, 'network')).toMatchObject({
      message: 'Every network and bridge tiny uses exists on B.',
      details: [`${MAC}: network 'default' is active on B.`],
    });
    expect(check(pf, 'name').message).toBe("B has no VM named 'tiny' and none with this UUID.");
    expect(check(pf, 'reachable').message).toBe(
      'A reaches 10.0.0.2 (TCP 22): QEMU streams from A to B directly, with no SSH trust between the hosts.',
    );
    expect(check(pf, 'memory').message).toBe('B has 8.0 GiB free; tiny needs 1.0 GiB.');
    expect(check(pf, 'versions').message).toBe('QEMU 7.2.0 / libvirt 9.0.0 on A, QEMU 7.2.0 / libvirt 9.0.0 on B.');
    expect(check(pf, 'cpu').message).toBe("tiny uses the hypervisor's default CPU model.");
    expect(check(pf, 'disk-cache')).toMatchObject({
      message: 'Every writable disk bypasses the host page cache (or is not shared).',
      details: ["vda: cache='none'"],
    });
  });

  it('probes each host once: A for the disk and the route to B, B for the disk', async () => {
    await preflight(w.A, w.B);
    const probes = (f: HostFacts) => f.commands.filter((c) => c[2]?.startsWith('bridges=$1')).map((c) => c.slice(4));
    expect(probes(w.A)).toEqual([['0', '10.0.0.2', '22', IMG]]);
    expect(probes(w.B)).toEqual([['0', '-', '-', IMG]]);
  });

  it('runPreflight is the facts read from both hosts, then the checks and plan from them', async () => {
    const pf = await runPreflight(manager(w.A, w.B), baseSpec);
    expect(pf).toEqual(preflightFromFacts(await collectPreflightFacts(preflightIo(manager(w.A, w.B), baseSpec), baseSpec), baseSpec));
    expect(pf.plan.canStart).toBe(true);
  });

  it('an unknown VM is a not-found error with a hint', async () => {
    await expect(preflight(w.A, w.B, { uuid: '99999999-2222-3333-4444-555555555555' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^The VM is not on A any more: Domain not found/),
      hint: 'It may have moved or been deleted; refresh the list.',
    });
  });

  it('a host missing from the list is a not-found error', async () => {
    await expect(preflight(w.A, w.B, { destHostId: 'gone' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'One of the two hosts is no longer in the host list',
    });
  });
});

describe('pre-flight: storage when disks are copied (live)', () => {
  // tiny.qcow2: 10 GiB virtual, 3 GiB file on A. Live copy: at least the file, at most the virtual size.
  const copyWorld = (available: number) => {
    w.B.files = {};
    w.B.pools = [{ name: 'default', path: '/var/lib/libvirt/images', active: true, available }];
    return preflight(w.A, w.B, { storage: 'copy' });
  };

  it.each([
    [1 * GiB, 'fail', 'Pool default on B has 1.0 GiB free; the copies need 3.0 GiB.'],
    [3 * GiB - 1, 'fail', 'Pool default on B has 3.0 GiB free; the copies need 3.0 GiB.'],
    [3 * GiB, 'warn', 'Pool default on B has 3.0 GiB free: enough now, not if the disks fill up (10.0 GiB).'],
    [10 * GiB - 1, 'warn', 'Pool default on B has 10.0 GiB free: enough now, not if the disks fill up (10.0 GiB).'],
    [10 * GiB, 'pass', 'Pool default on B has room: 10.0 GiB free for 10.0 GiB.'],
    [40 * GiB, 'pass', 'Pool default on B has room: 40.0 GiB free for 10.0 GiB.'],
  ] as const)('pool with %d bytes free: %s', async (available, status, poolLine) => {
    const pf = await copyWorld(available);
    const c = check(pf, 'storage');
    expect(c.status).toBe(status);
    expect(c.details).toEqual([`vda: copied to ${IMG} in pool default on B: 10.0 GiB (qcow2 copies its full virtual size).`, poolLine]);
    expect(c.message).toBe(status === 'fail' ? poolLine : '10.0 GiB of disk data will be copied to B.');
    expect(pf.plan.canStart).toBe(status !== 'fail');
    expect(pf.plan.copyBytes).toBe(10 * GiB);
    expect(pf.plan.disks).toEqual([{ target: 'vda', source: IMG, dest: IMG, pool: 'default', bytes: 10 * GiB }]);
    expect(pf.plan.flags).toEqual(['--live', '--persistent', '--undefinesource', '--copy-storage-all']);
  });

  it('the need of several disks in one pool adds up', async () => {
    const IMG2 = '/var/lib/libvirt/images/data.raw';
    const xml = domainXml({
      disks: `${diskXml()}<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='${IMG2}'/><target dev='vdb'/></disk>`,
    });
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), xml };
    w.A.files[IMG2] = { size: 1 * GiB, mtime: 5 };
    w.A.vols[IMG2] = { capacity: 4 * GiB, allocation: 1 * GiB };
    const pf = await copyWorld(5 * GiB);
    const c = check(pf, 'storage');
    expect(c.status).toBe('warn');
    expect(c.details?.at(-1)).toBe('Pool default on B has 5.0 GiB free: enough now, not if the disks fill up (14.0 GiB).');
    expect(c.details?.[1]).toBe(`vdb: copied to ${IMG2} in pool default on B: 4.0 GiB.`);
    expect(pf.plan.copyBytes).toBe(14 * GiB);
    const tight = await copyWorld(4 * GiB - 1);
    expect(check(tight, 'storage').details?.at(-1)).toBe('Pool default on B has 4.0 GiB free; the copies need 4.0 GiB.');
  });

  it('a chosen pool: the disk goes to its directory, the definition follows', async () => {
    w.B.pools.push({ name: 'fast', path: '/srv/fast', active: true, available: 100 * GiB });
    w.B.files = {};
    const pf = await preflight(w.A, w.B, { storage: 'copy', destPool: 'fast' });
    expect(check(pf, 'storage').status).toBe('pass');
    expect(pf.plan.disks).toEqual([{ target: 'vda', source: IMG, dest: '/srv/fast/tiny.qcow2', pool: 'fast', bytes: 10 * GiB }]);
    expect(pf.params.destination_xml).toContain("<source file='/srv/fast/tiny.qcow2'/>".replace(/'/g, '"'));
    expect(pf.params.persistent_xml).toContain('/srv/fast/tiny.qcow2');
    expect(pf.plan.virsh).toContain("--xml '<definition with the disks in pool fast>'");
  });

  it('no pool at the disk directory, a missing chosen pool, an inactive pool', async () => {
    w.B.files = {};
    w.B.pools = [];
    let c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c).toMatchObject({
      status: 'fail',
      message: `B has no storage pool at /var/lib/libvirt/images, where libvirt would create the copy of ${IMG}. Pick a pool on B, or define one at that directory.`,
      fix: { id: 'choose-pool', label: 'Choose a pool on B' },
    });
    c = check(await preflight(w.A, w.B, { storage: 'copy', destPool: 'nosuch' }), 'storage');
    expect(c.message).toBe('B has no storage pool named nosuch.');
    w.B.pools = [{ name: 'default', path: '/var/lib/libvirt/images', active: false, available: 50 * GiB }];
    c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c).toMatchObject({ status: 'fail', message: 'pool default on B is not active: start it on B.' });
    expect(c.fix).toBeUndefined();
  });

  it('copying onto the very file the VM uses (shared storage seen from B) fails', async () => {
    w.B.files = { [IMG]: { size: 3 * GiB, mtime: 1000, fs: 'nfs' } };
    const c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c.status).toBe('fail');
    expect(c.details).toEqual([
      `vda: B sees the very file the VM uses at ${IMG} (shared storage): a copy there would write onto the running disk. Choose Shared storage, or pick another pool on B.`,
    ]);
  });

  it.each([
    [
      5 * GiB,
      'fail',
      `vda: B already has ${IMG}, too small (5.0 GiB, the disk is 10.0 GiB): libvirt would reuse it and the copy would fail. Remove or resize it on B, or pick another pool.`,
    ],
    [
      12 * GiB,
      'fail',
      `vda: B already has ${IMG}, bigger than the disk (12.0 GiB vs 10.0 GiB): QEMU copies only into a volume of the same size. Remove it on B, or pick another pool.`,
    ],
    [10 * GiB, 'warn', `vda: B already has ${IMG} of the same size: the copy overwrites it.`],
  ] as const)('a volume already at the destination path (%d bytes): %s', async (capacity, status, line) => {
    w.B.files = { [IMG]: { size: 1 * GiB, mtime: 99 } }; // another file (other size)
    w.B.vols = { [IMG]: { capacity, allocation: 1 } };
    const pf = await preflight(w.A, w.B, { storage: 'copy' });
    const c = check(pf, 'storage');
    expect(c.status).toBe(status);
    expect(c.details).toEqual([line]);
    expect(pf.disks[0]?.preexisting).toBe(true);
  });
});

describe('pre-flight: shared storage', () => {
  it('a disk missing on B fails', async () => {
    w.B.files = {};
    const c = check(await preflight(w.A, w.B), 'storage');
    expect(c).toMatchObject({
      status: 'fail',
      message: `${IMG} does not exist on B. With shared storage both hosts must see the same file: mount it on B, or choose Copy disks.`,
    });
  });

  it('another file of another size fails; same size, other time warns', async () => {
    w.B.files = { [IMG]: { size: 2 * GiB, mtime: 1000, fs: 'nfs' } };
    let c = check(await preflight(w.A, w.B), 'storage');
    expect(c.status).toBe('fail');
    expect(c.details).toEqual([`vda: B has a different file at ${IMG} (2.0 GiB vs 3.0 GiB on A): that is not the same storage.`]);
    w.B.files = { [IMG]: { size: 3 * GiB, mtime: 1003, fs: 'nfs' } };
    c = check(await preflight(w.A, w.B), 'storage');
    expect(c.status).toBe('warn');
    expect(c.details).toEqual([
      `vda: B has a different file at ${IMG} (3.0 GiB vs 3.0 GiB on A, other modification time): that is not the same storage.`,
    ]);
    w.B.files = { [IMG]: { size: 3 * GiB, mtime: 998, fs: 'nfs' } };
    expect(check(await preflight(w.A, w.B), 'storage').status).toBe('pass');
  });

  it('the same file on a file system libvirt does not know as shared: warn and --unsafe', async () => {
    w.B.files = { [IMG]: { size: 3 * GiB, mtime: 1000, fs: 'ext2/ext3' } };
    const pf = await preflight(w.A, w.B);
    expect(check(pf, 'storage')).toMatchObject({
      status: 'warn',
      details: [
        `vda: ${IMG} is the same file on both hosts, on ext2/ext3 that libvirt does not recognise as shared: Vireo checked it and passes libvirt's --unsafe.`,
      ],
    });
    expect(pf.plan.flags).toContain('--unsafe');
    expect(pf.plan.canStart).toBe(true);
  });

  it('a VM without disks', async () => {
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), xml: domainXml({ disks: '' }) };
    expect(check(await preflight(w.A, w.B), 'storage')).toEqual({
      id: 'storage',
      title: 'Storage',
      status: 'pass',
      message: 'tiny has no disks to check.',
    });
  });
});

describe('pre-flight: state, job, memory, name', () => {
  const setDom = (patch: Partial<HostFacts['domains'][number]>) => {
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), ...patch };
  };

  it('live needs a running VM, offline a shut-off persistent one', async () => {
    setDom({ state: 5 });
    expect(check(await preflight(w.A, w.B), 'state')).toMatchObject({
      status: 'fail',
      message: 'tiny is shut off: a live migration moves a running VM. Choose Offline, or start it first.',
    });
    setDom({ state: 1 });
    expect(check(await preflight(w.A, w.B, { mode: 'offline' }), 'state')).toMatchObject({
      status: 'fail',
      message: 'tiny is running: an offline migration moves a shut-off VM. Choose Live, or shut it down first.',
    });
    setDom({ state: 5, persistent: false });
    expect(check(await preflight(w.A, w.B, { mode: 'offline' }), 'state')).toMatchObject({
      status: 'fail',
      message: 'tiny is transient (no definition): there is nothing to move offline.',
    });
    setDom({ state: 5, persistent: true });
    expect(check(await preflight(w.A, w.B, { mode: 'offline' }), 'state')).toMatchObject({
      status: 'pass',
      message: 'tiny is shut off on A; its definition move to B.',
    });
  });

  it('a paused VM arrives paused; a transient one has no definition to remove', async () => {
    setDom({ state: 3, persistent: false });
    const c = check(await preflight(w.A, w.B), 'state');
    expect(c).toMatchObject({
      status: 'pass',
      message: 'tiny is paused on A.',
      details: ['tiny is paused: it arrives paused on B.', 'tiny is transient: there is no definition to remove from A.'],
    });
  });

  it('a job already running fails, naming a migration', async () => {
    setDom({ job: { type: 2, stats: { operation: 5 } } });
    let pf = await preflight(w.A, w.B);
    expect(check(pf, 'job')).toEqual({
      id: 'job',
      title: 'Running job',
      status: 'fail',
      message: 'tiny already has a job running on A (a migration): wait for it to end, or cancel it from the Jobs panel.',
    });
    expect(pf.plan.canStart).toBe(false);
    setDom({ job: { type: 1, stats: { operation: 2 } } });
    pf = await preflight(w.A, w.B);
    expect(check(pf, 'job').message).toBe('tiny already has a job running on A: wait for it to end, or cancel it from the Jobs panel.');
  });

  it.each([
    [GiB - 1, 'fail', 'B has 1024 MiB free; tiny needs 1.0 GiB.'],
    [GiB, 'warn', "B has 1.0 GiB free for tiny's 1.0 GiB: little left for the host itself."],
    [Math.ceil(1.1 * GiB + 256 * MiB) - 1, 'warn', "B has 1.3 GiB free for tiny's 1.0 GiB: little left for the host itself."],
    [Math.ceil(1.1 * GiB + 256 * MiB), 'pass', 'B has 1.4 GiB free; tiny needs 1.0 GiB.'],
  ] as const)('memory, live, %d bytes free on B: %s', async (free, status, message) => {
    w.B.freeMemory = free;
    expect(check(await preflight(w.A, w.B), 'memory')).toMatchObject({ status, message });
  });

  it('memory, offline: too little only warns (it is needed when the VM starts)', async () => {
    setDom({ state: 5 });
    w.B.freeMemory = 512 * MiB;
    expect(check(await preflight(w.A, w.B, { mode: 'offline' }), 'memory')).toMatchObject({
      status: 'warn',
      message: 'B has 512 MiB free; tiny needs 1.0 GiB to start there.',
    });
    w.B.freeMemory = GiB;
    expect(check(await preflight(w.A, w.B, { mode: 'offline' }), 'memory')).toMatchObject({
      status: 'pass',
      message: 'B has 1.0 GiB free; tiny needs 1.0 GiB when it starts.',
    });
  });

  it('name and UUID on B: a stale copy, a running copy, a name clash', async () => {
    const stale = (name: string, state: number) => ({ ref: { name, uuid: UUID, id: -1 }, state, persistent: true, xml: domainXml() });
    w.B.domains = [stale('tiny', 5)];
    let pf = await preflight(w.A, w.B);
    expect(check(pf, 'name')).toMatchObject({
      status: 'warn',
      message:
        'B keeps a shut-off definition of this VM (same name and UUID, e.g. from an earlier migration): the migration replaces it with the current one.',
    });
    expect(pf.stale).toEqual({ dom: { name: 'tiny', uuid: UUID, id: -1 }, state: 'shutoff' });
    w.B.domains = [stale('old-tiny', 5)];
    pf = await preflight(w.A, w.B);
    expect(check(pf, 'name')).toMatchObject({
      status: 'fail',
      message: "B already defines this VM as 'old-tiny' (same UUID, shut off): libvirt refuses a second name for it.",
      fix: { id: 'undefine-stale', label: 'Remove the stale definition on B', detail: "Undefines 'old-tiny' on B. Its disks are kept." },
    });
    w.B.domains = [stale('tiny', 1)];
    expect(check(await preflight(w.A, w.B), 'name')).toMatchObject({
      status: 'fail',
      message:
        "B already runs this VM (same UUID) as 'tiny' (running). A VM must run on one host only: find out which copy is current before going on.",
    });
    w.B.domains = [{ ref: { name: 'web', uuid: '22222222-2222-3333-4444-555555555555', id: 4 }, state: 1, persistent: true, xml: '' }];
    expect(check(await preflight(w.A, w.B, { newName: 'web' }), 'name')).toMatchObject({
      status: 'fail',
      message: "B already has another VM named 'web' (UUID 22222222-2222-3333-4444-555555555555): libvirt refuses to migrate onto it.",
      fix: { id: 'rename' },
    });
  });
});

describe('pre-flight: networks, reachability, versions, CPU, cache', () => {
  const setXml = (xml: string, inactiveXml?: string) => {
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), xml, ...(inactiveXml ? { inactiveXml } : {}) };
  };

  it('networks and bridges that B lacks', async () => {
    setXml(
      domainXml({
        ifaces:
          `<interface type='network'><mac address='m1'/><source network='nosuch'/></interface>` +
          `<interface type='network'><mac address='m2'/><source network='idle'/></interface>` +
          `<interface type='bridge'><mac address='m3'/><source bridge='br0'/></interface>` +
          `<interface type='bridge'><mac address='m4'/><source bridge='br1'/></interface>` +
          `<interface type='user'><mac address='m5'/></interface>` +
          `<interface type='vhostuser'><mac address='m6'/></interface>`,
      }),
    );
    w.B.networks.push({ name: 'idle', active: false });
    w.B.bridges = ['br0'];
    const pf = await preflight(w.A, w.B);
    expect(check(pf, 'network')).toMatchObject({
      status: 'fail',
      message: 'Some networks or bridges tiny uses are missing on B.',
      details: [
        "m1: B has no network 'nosuch'. Define it on B.",
        "m2: network 'idle' exists on B but is not active: start it there.",
        'm3: bridge br0 exists on B.',
        "m4: B has no bridge br1. Create it on B (or change the NIC's bridge).",
        'm5: user-mode networking needs nothing on B.',
        "m6: type 'vhostuser' is not checked by Vireo.",
      ],
    });
    // B was asked for its bridges.
    expect(w.B.commands.find((c) => c[2]?.startsWith('bridges=$1'))?.[4]).toBe('1');
  });

  it('an inactive network only warns offline; no interfaces passes', async () => {
    setXml(domainXml({ ifaces: `<interface type='network'><mac address='m2'/><source network='idle'/></interface>` }));
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), state: 5 };
    w.B.networks.push({ name: 'idle', active: false });
    expect(check(await preflight(w.A, w.B, { mode: 'offline' }), 'network').status).toBe('warn');
    setXml(domainXml({ ifaces: '' }));
    expect(check(await preflight(w.A, w.B), 'network')).toMatchObject({ status: 'pass', message: 'tiny has no network interfaces.' });
  });

  it('direct: A cannot reach B', async () => {
    w.A.reach = { ok: false, output: 'nc: connect to 10.0.0.2 port 22 (tcp) timed out' };
    expect(check(await preflight(w.A, w.B), 'reachable')).toMatchObject({
      status: 'fail',
      message:
        'A cannot reach 10.0.0.2 (TCP 22): nc: connect to 10.0.0.2 port 22 (tcp) timed out. A direct migration streams from A to B: check routing and firewalls between them.',
    });
  });

  it('p2p: A opens B with virsh, has no virsh, times out, or is refused', async () => {
    const answer = { code: 0, stdout: 'qemu+ssh://root@10.0.0.2/system\n', stderr: '' };
    w.A.run = (argv) => (argv.includes('qemu+ssh://root@10.0.0.2/system') ? answer : undefined);
    let pf = await preflight(w.A, w.B, { transport: 'p2p' });
    expect(pf.peerUri).toBe('qemu+ssh://root@10.0.0.2/system');
    expect(check(pf, 'reachable')).toMatchObject({
      status: 'pass',
      message: "A's libvirt opens qemu+ssh://root@10.0.0.2/system (peer-to-peer: A drives the migration itself).",
    });
    expect(pf.plan.flags).toEqual(['--live', '--p2p', '--persistent', '--undefinesource']);
    expect(pf.plan.virsh.endsWith('--verbose tiny qemu+ssh://root@10.0.0.2/system')).toBe(true);
    Object.assign(answer, { code: 127, stdout: 'no virsh on this host' });
    expect(check(await preflight(w.A, w.B, { transport: 'p2p' }), 'reachable').status).toBe('warn');
    Object.assign(answer, { code: 124, stdout: '' });
    expect(check(await preflight(w.A, w.B, { transport: 'p2p' }), 'reachable').message).toBe(
      'A could not reach qemu+ssh://root@10.0.0.2/system within 12 s.',
    );
    Object.assign(answer, { code: 1, stdout: 'error: failed to connect to the hypervisor\nerror: Permission denied (publickey).\n' });
    pf = await preflight(w.A, w.B, { transport: 'p2p' });
    expect(check(pf, 'reachable')).toMatchObject({
      status: 'fail',
      message: 'A cannot open qemu+ssh://root@10.0.0.2/system: Permission denied (publickey).',
    });
    expect(pf.plan.canStart).toBe(false);
  });

  it('an older QEMU on B warns for a live migration only', async () => {
    expect(check(await preflight(w.A, w.B, {}, { hvA: '8.1.0', hvB: '7.2.0' }), 'versions')).toMatchObject({
      status: 'warn',
      message:
        'B runs an older QEMU: QEMU 8.1.0 / libvirt 9.0.0 on A, QEMU 7.2.0 / libvirt 9.0.0 on B. Migrating to an older QEMU works only with a machine type both know.',
    });
    expect(check(await preflight(w.A, w.B, {}, { hvA: '7.2.0', hvB: '7.10.0' }), 'versions').status).toBe('pass');
    expect(check(await preflight(w.A, w.B, {}, { hvA: '7.2.1', hvB: '7.2' }), 'versions').status).toBe('warn');
    expect(check(await preflight(w.A, w.B, {}, { hvA: '7.2', hvB: '7.2.0' }), 'versions').status).toBe('pass');
  });

  it('CPU: host-passthrough warns; a custom model B lacks fails live', async () => {
    setXml(domainXml({ cpu: "<cpu mode='host-passthrough'/>" }));
    expect(check(await preflight(w.A, w.B), 'cpu').status).toBe('warn');
    setXml(domainXml({ cpu: "<cpu mode='custom'><model>Skylake-Server</model></cpu>" }));
    w.B.cpuCompare = 0;
    expect(check(await preflight(w.A, w.B), 'cpu')).toMatchObject({
      status: 'fail',
      message: "B cannot provide tiny's CPU (Skylake-Server).",
    });
    w.B.cpuCompare = 1;
    expect(check(await preflight(w.A, w.B), 'cpu')).toMatchObject({
      status: 'pass',
      message: "B provides tiny's CPU (Skylake-Server, identical).",
    });
    w.B.cpuCompare = { code: 91, message: 'the CPU is incompatible with host CPU: Host CPU does not provide required features: avx512f' };
    expect(check(await preflight(w.A, w.B), 'cpu')).toMatchObject({
      status: 'fail',
      message: "B cannot run tiny's CPU: the CPU is incompatible with host CPU: Host CPU does not provide required features: avx512f",
    });
    w.B.cpuCompare = { code: 1, message: 'internal error' };
    expect(check(await preflight(w.A, w.B), 'cpu')).toMatchObject({
      status: 'warn',
      message: 'Could not compare the CPU with B: internal error',
    });
  });

  it("cache='writeback' on shared storage warns with a fix; a definition with cache='none' is what B gets", async () => {
    setXml(domainXml({ cache: 'writeback' }));
    let pf = await preflight(w.A, w.B);
    expect(check(pf, 'disk-cache')).toMatchObject({
      status: 'warn',
      details: ["vda: cache='writeback' — writes can sit in A's page cache while B opens the same file."],
      fix: { id: 'disk-cache-none', label: "Switch to cache='none'" },
    });
    expect(pf.params.destination_xml).toBeUndefined();
    setXml(domainXml({ cache: 'writeback' }), domainXml({ cache: 'none' }));
    pf = await preflight(w.A, w.B);
    expect(check(pf, 'disk-cache')).toMatchObject({
      status: 'pass',
      details: ["vda: runs with cache='writeback' until restarted; its definition has cache='none', which B gets."],
    });
    expect(pf.params.destination_xml).toContain('cache="none"');
    expect(pf.params.persistent_xml).toBeUndefined();
  });
});

describe('pre-flight fixes', () => {
  it("disk-cache-none rewrites A's definition with cache='none'", async () => {
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), inactiveXml: domainXml({ cache: 'writeback' }) };
    await applyFix(manager(w.A, w.B), baseSpec, 'disk-cache-none');
    expect(w.A.defined).toHaveLength(1);
    expect(w.A.defined[0]).toContain('cache="none"');
    expect(w.A.defined[0]).not.toContain('writeback');
    // Nothing to change: nothing defined.
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), inactiveXml: domainXml({ cache: 'none' }) };
    await applyFix(manager(w.A, w.B), baseSpec, 'disk-cache-none');
    expect(w.A.defined).toHaveLength(1);
  });

  it('undefine-stale removes only a shut-off copy on B', async () => {
    w.B.domains = [{ ref: { name: 'old-tiny', uuid: UUID, id: -1 }, state: 1, persistent: true, xml: '' }];
    await expect(applyFix(manager(w.A, w.B), baseSpec, 'undefine-stale')).rejects.toMatchObject({
      code: 'refused',
      message: "'old-tiny' is running on B: Vireo removes only a shut-off stale definition",
    });
    expect(w.B.undefined).toEqual([]);
    (w.B.domains[0] as HostFacts['domains'][number]).state = 5;
    await applyFix(manager(w.A, w.B), baseSpec, 'undefine-stale');
    expect(w.B.undefined).toEqual(['old-tiny']);
  });
});

describe('pre-flight: the less common disks and failures', () => {
  const setDom = (patch: Partial<HostFacts['domains'][number]>) => {
    w.A.domains[0] = { ...(w.A.domains[0] as HostFacts['domains'][number]), ...patch };
  };
  const CD = '/srv/iso/debian.iso';
  const cdrom = `<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='${CD}'/><target dev='sda'/><readonly/></disk>`;

  it('offline copy: a backing file, a disk outside any pool, a volume already on B', async () => {
    setDom({ state: 5 });
    w.B.files = {};
    const backing = `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${IMG}'/><backingStore type='file'><source file='/var/lib/libvirt/images/base.qcow2'/></backingStore><target dev='vda'/></disk>`;
    setDom({ xml: domainXml({ disks: backing }) });
    let c = check(await preflight(w.A, w.B, { mode: 'offline', storage: 'copy' }), 'storage');
    expect(c.details).toEqual([
      `vda: ${IMG} has a backing file; an offline copy moves only the top image. Copy the backing chain to B first, or use shared storage.`,
    ]);
    setDom({ xml: domainXml() });
    w.A.vols = {};
    c = check(await preflight(w.A, w.B, { mode: 'offline', storage: 'copy' }), 'storage');
    expect(c.details).toEqual([
      `vda: ${IMG} is not in a storage pool on A; an offline copy reads disks through libvirt's storage pools. Define a pool for its directory on A.`,
    ]);
    w.A.vols = { [IMG]: { capacity: 10 * GiB, allocation: 2 * GiB } };
    w.B.files = { [IMG]: { size: 1, mtime: 1 } };
    c = check(await preflight(w.A, w.B, { mode: 'offline', storage: 'copy' }), 'storage');
    expect(c.details).toEqual([`vda: B already has ${IMG}; Vireo does not overwrite a volume. Remove it on B, or pick another pool.`]);
    w.B.files = {};
    const pf = await preflight(w.A, w.B, { mode: 'offline', storage: 'copy' });
    // Offline: the file as it is on A (3 GiB), not its virtual size, and virsh cannot do it alone.
    expect(check(pf, 'storage')).toMatchObject({
      status: 'pass',
      message: '3.0 GiB of disk data will be copied to B.',
      details: [`vda: copied to ${IMG} in pool default on B: 3.0 GiB.`, 'Pool default on B has room: 50.0 GiB free for 3.0 GiB.'],
    });
    expect(pf.plan.flags).toEqual(['--offline', '--persistent', '--undefinesource']);
    expect(pf.plan.virsh).toBe(
      "# virsh cannot copy disks offline; Vireo copies them through libvirt's storage API first, then:\nvirsh -c qemu+ssh://root@10.0.0.1/system migrate --offline --persistent --undefinesource --verbose tiny qemu+ssh://root@10.0.0.2/system",
    );
    expect(check(pf, 'disk-cache').message).toBe('The disks are copied by QEMU during the migration: their cache mode does not matter.');
  });

  it('a read-only CD-ROM is not copied: it must be on B already', async () => {
    setDom({ xml: domainXml({ disks: diskXml() + cdrom }) });
    w.A.files[CD] = { size: 600 * MiB, mtime: 7 };
    w.B.files = {};
    const pf = await preflight(w.A, w.B, { storage: 'copy' });
    const c = check(pf, 'storage');
    expect(c.status).toBe('fail');
    expect(c.details).toContain(`sda: ${CD} (read-only, not copied) is missing on B: copy it there, or eject it.`);
    expect(pf.plan.disks.map((d) => d.target)).toEqual(['vda']);
    expect(pf.disks.find((d) => d.target === 'sda')).toMatchObject({ copy: false, readonly: true, bytes: 0 });
  });

  it('block devices in a copy: missing, another size, the same size', async () => {
    const DEV = '/dev/vg0/tiny';
    setDom({
      xml: domainXml({
        disks: `<disk type='block' device='disk'><driver name='qemu' type='raw'/><source dev='${DEV}'/><target dev='vda'/></disk>`,
      }),
    });
    w.A.files = { [DEV]: { size: 8 * GiB, mtime: 1 } };
    w.B.files = {};
    let c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c.details).toEqual([`vda: B has no block device ${DEV} to copy into: create it (8.0 GiB) first.`]);
    w.B.files = { [DEV]: { size: 4 * GiB, mtime: 1 } };
    c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c.details).toEqual([`vda: ${DEV} on B is 4.0 GiB, the disk is 8.0 GiB: the sizes must match.`]);
    w.B.files = { [DEV]: { size: 8 * GiB, mtime: 1 } };
    c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c).toMatchObject({ status: 'warn', details: [`vda: ${DEV} on B is overwritten by the copy.`] });
  });

  it('pool volumes and network disks', async () => {
    const vol = `<disk type='volume' device='disk'><driver name='qemu' type='qcow2'/><source pool='default' volume='tiny.qcow2'/><target dev='vdb'/></disk>`;
    const net = `<disk type='network' device='disk'><driver name='qemu' type='raw'/><source protocol='rbd' name='rbd/tiny'/><target dev='vdc'/></disk>`;
    setDom({ xml: domainXml({ disks: vol + net }) });
    let c = check(await preflight(w.A, w.B), 'storage');
    expect(c).toMatchObject({
      status: 'warn',
      details: [
        'vdb: a pool volume (default/tiny.qcow2): it must exist in a pool of the same name on B.',
        'vdc: network disk (rbd/tiny): reached by both hosts, not copied.',
      ],
    });
    c = check(await preflight(w.A, w.B, { storage: 'copy' }), 'storage');
    expect(c.status).toBe('fail');
    expect(c.details?.[0]).toBe('vdb: a pool volume (default/tiny.qcow2): copying it is not supported; use shared storage.');
    expect(c.message).toBe('a pool volume (default/tiny.qcow2): copying it is not supported; use shared storage.');
  });

  it('a qcow2 outside any pool: its virtual size comes from qemu-img', async () => {
    w.A.vols = {};
    w.B.files = {};
    w.A.run = (argv) =>
      argv[0] === 'qemu-img' ? { code: 0, stdout: JSON.stringify({ 'virtual-size': 20 * GiB, format: 'qcow2' }), stderr: '' } : undefined;
    const pf = await preflight(w.A, w.B, { storage: 'copy' });
    expect(w.A.commands.filter((c) => c[0] === 'qemu-img').map((c) => c.at(-1))).toEqual([IMG]);
    expect(pf.disks[0]).toMatchObject({ capacity: 20 * GiB, fileSize: 3 * GiB, bytes: 20 * GiB });
    expect(pf.disks[0]?.srcVol).toBeUndefined();
    // qemu-img failing: the file size stands in.
    w.A.run = () => ({ code: 1, stdout: '', stderr: 'qemu-img: Could not open' });
    expect((await preflight(w.A, w.B, { storage: 'copy' })).disks[0]).toMatchObject({ capacity: 3 * GiB, bytes: 3 * GiB });
  });

  it('several failing disks: the message counts them', async () => {
    const IMG2 = '/var/lib/libvirt/images/two.qcow2';
    setDom({ xml: domainXml({ disks: diskXml() + diskXml('none', IMG2).replace("dev='vda'", "dev='vdb'") }) });
    w.B.files = {};
    const c = check(await preflight(w.A, w.B), 'storage');
    expect(c.status).toBe('fail');
    expect(c.message).toBe('2 problems with the disks, below.');
    expect(c.details).toHaveLength(2);
  });

  it('a direct (macvtap) interface needs the device on B', async () => {
    setDom({ xml: domainXml({ ifaces: `<interface type='direct'><mac address='m7'/><source dev='eth0' mode='bridge'/></interface>` }) });
    w.B.run = (argv) => (argv[0] === 'test' ? { code: argv[2] === '/sys/class/net/eth0' ? 0 : 1, stdout: '', stderr: '' } : undefined);
    expect(check(await preflight(w.A, w.B), 'network')).toMatchObject({ status: 'pass', details: ['m7: device eth0 exists on B.'] });
    setDom({ xml: domainXml({ ifaces: `<interface type='direct'><mac address='m7'/><source dev='eth1'/></interface>` }) });
    expect(check(await preflight(w.A, w.B), 'network')).toMatchObject({ status: 'fail', details: ['m7: B has no network device eth1.'] });
  });

  it('a check that cannot run says why and blocks the start', async () => {
    Object.defineProperty(w.B, 'freeMemory', {
      get() {
        throw new Error('this function is not supported by the connection driver: virNodeGetFreeMemory');
      },
    });
    const pf = await preflight(w.A, w.B);
    expect(check(pf, 'memory')).toEqual({
      id: 'memory',
      title: 'Memory on the destination',
      status: 'fail',
      message: 'Could not check: this function is not supported by the connection driver: virNodeGetFreeMemory',
    });
    expect(pf.plan.canStart).toBe(false);
  });

  it("a host whose probe fails: the storage check names the host and the shell's complaint", async () => {
    w.B.probeError = 'sh: 1: stat: Permission denied';
    const pf = await preflight(w.A, w.B);
    expect(check(pf, 'storage')).toMatchObject({ status: 'fail', message: 'Could not check: B: sh: 1: stat: Permission denied' });
    w.B.probeError = '';
    expect(check(await preflight(w.A, w.B), 'storage').message).toBe('Could not check: B: exit 2');
  });
});

describe('the plan helpers, whole', () => {
  const A = info('a', 'A', '10.0.0.1');
  const B = info('b', 'B', '10.0.0.2');
  const cmd = (spec: Partial<MigrationSpec>, needUnsafe = false, peer?: string) => {
    const full = { ...baseSpec, ...spec };
    return virshCommand(full, A, B, 'tiny', migrationFlags(full, needUnsafe), peer);
  };

  it('every option on the virsh line, in order, quoted where needed', () => {
    expect(
      cmd(
        {
          transport: 'p2p',
          tunnelled: true,
          storage: 'copy',
          destPool: 'fast pool',
          bandwidthMiBps: 50,
          autoConverge: { initial: 20, increment: 10 },
          postCopy: true,
          compression: 'zstd',
          newName: "tiny's copy",
        },
        true,
        'qemu+ssh://root@10.0.0.2/system',
      ),
    ).toBe(
      'virsh -c qemu+ssh://root@10.0.0.1/system migrate --live --p2p --tunnelled --persistent --undefinesource --copy-storage-all --unsafe --auto-converge --postcopy --compressed --parallel ' +
        "--bandwidth 50 --auto-converge-initial 20 --auto-converge-increment 10 --comp-methods zstd --parallel-connections 2 --dname 'tiny'\\''s copy' " +
        "--xml '<definition with the disks in pool fast pool>' --verbose tiny qemu+ssh://root@10.0.0.2/system",
    );
  });

  it('xbzrle compresses without parallel connections; the same name is no rename; p2p without a URI shows a quoted ?', () => {
    expect(cmd({ compression: 'xbzrle', newName: 'tiny' })).toBe(
      'virsh -c qemu+ssh://root@10.0.0.1/system migrate --live --persistent --undefinesource --compressed --comp-methods xbzrle --verbose tiny qemu+ssh://root@10.0.0.2/system',
    );
    expect(cmd({ transport: 'p2p', persist: false, undefineSource: false })).toBe(
      "virsh -c qemu+ssh://root@10.0.0.1/system migrate --live --p2p --verbose tiny '?'",
    );
    // A pool without copying is not part of the line.
    expect(cmd({ destPool: 'fast' })).not.toContain('--xml');
  });

  it('params: only what differs from the defaults', () => {
    expect(migrationParams(baseSpec, 'tiny')).toEqual({});
    expect(migrationParams({ ...baseSpec, newName: 'tiny' }, 'tiny')).toEqual({});
    expect(migrationParams({ ...baseSpec, newName: 'web', compression: 'xbzrle', bandwidthMiBps: 3 }, 'tiny')).toEqual({
      destination_name: 'web',
      compression: ['xbzrle'],
      bandwidth: 3,
    });
  });

  it('peer URI: port 22 is implicit, a user only when known, local hosts have none', () => {
    const h = (spec: Partial<HostInfo['spec']>) => ({ ...B, spec: { ...B.spec, ...spec } });
    expect(defaultPeerUri(h({ port: 22 }))).toBe('qemu+ssh://root@10.0.0.2/system');
    expect(defaultPeerUri(h({ port: 2200, user: undefined }))).toBe('qemu+ssh://10.0.0.2:2200/system');
    expect(defaultPeerUri(h({ address: undefined }))).toBeUndefined();
  });
});
