/**
 * Issue 11, hostile input at the boundary: every request of the contract, table-driven. Each has
 * a valid sample; from it we derive inputs with an extra field (at every object level), a wrong
 * type (at every leaf), a polluted prototype and non-object bodies. All must be refused by the
 * schema, through the same dispatcher Electron IPC and the web bridge use, before any service
 * runs. A request added to shared/api/contract.ts without a sample here fails the first test: add one.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../electron/ipc';
import { type RequestName, requests } from './contract';

const H = 'lab-a';
const U = '0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5';
const CON = 'con-0123456789abcdef01234567';
const tune = { total_bytes_sec: 0, read_bytes_sec: 1000, write_bytes_sec: 0, total_iops_sec: 0, read_iops_sec: 0, write_iops_sec: 0 };
const dir = { average: 100, peak: 200, burst: 64 };
const installSpec = {
  hostId: H,
  name: 'vm "q" <a> & b; $(id)',
  osVariant: 'debian12',
  source: { kind: 'iso', pool: 'default', volume: 'debian.iso' },
  vcpus: 1,
  memoryMiB: 256,
  disk: { kind: 'new', pool: 'default', name: 'disk.qcow2', sizeMiB: 64, format: 'qcow2' },
  nic: { kind: 'network', name: 'default' },
  graphics: true,
  serial: true,
  start: false,
};
const cloneSpec = {
  hostId: H,
  uuid: U,
  targetHostId: 'lab-b',
  name: 'clone',
  disks: [{ target: 'vda', mode: 'copy', pool: 'default', volume: 'clone.qcow2' }],
  nics: [{ mac: '52:54:00:aa:bb:cc', target: { kind: 'bridge', name: 'labbr0' } }],
  start: false,
  verify: 'sha256',
};

const migSpec = {
  hostId: H,
  uuid: U,
  destHostId: 'lab-b',
  newName: 'moved',
  mode: 'live',
  storage: 'copy',
  transport: 'p2p',
  tunnelled: false,
  peerUri: 'qemu+ssh://root@10.203.0.2/system',
  destPool: 'default',
  persist: true,
  undefineSource: true,
  bandwidthMiBps: 100,
  maxDowntimeMs: 500,
  autoConverge: { initial: 20, increment: 10 },
  postCopy: true,
  compression: 'xbzrle',
};

/** One valid input per request (no fields left to defaults, so each leaf can be mutated). */
const SAMPLES: Record<RequestName, Record<string, unknown>> = {
  'app.info': {},
  'hosts.list': {},
  'hosts.add': {
    spec: {
      name: 'lab-a',
      transport: 'ssh',
      address: '10.203.0.1',
      port: 22,
      user: 'root',
      auth: { kind: 'key', path: '/k' },
      uri: 'qemu:///system',
    },
    connect: true,
  },
  'hosts.remove': { hostId: H },
  'hosts.connect': { hostId: H },
  'hosts.disconnect': { hostId: H },
  'prompts.answer': { id: 'p-1', accept: true, secret: 'pw' },
  'hosts.forgetHostKey': { hostId: H, fingerprints: ['SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] },
  'hosts.update': { hostId: H, name: 'A', address: '10.203.0.1', port: 22, user: 'root', auth: { kind: 'password', password: 'pw' } },
  'hosts.reorder': { order: [H, 'lab-b'] },
  'hosts.details': { hostId: H },
  'domains.list': { hostId: H },
  'domains.details': { hostId: H, uuid: U },
  'domains.action': { hostId: H, uuid: U, action: 'start' },
  'domains.delete': { hostId: H, uuid: U, confirmName: 'tiny', deleteVolumes: ['/var/lib/libvirt/images/t.qcow2'] },
  'jobs.list': {},
  'jobs.cancel': { jobId: 'job-1' },
  'jobs.get': { jobId: 'job-1' },
  'consoles.open': { hostId: H, uuid: U, kind: 'serial', force: false },
  'consoles.close': { id: CON },
  'consoles.force': { id: CON },
  'consoles.reconnect': { id: CON },
  'consoles.list': {},
  'consoles.addSerial': { hostId: H, uuid: U },
  'qos.get': { hostId: H, uuid: U },
  'qos.setDisk': { hostId: H, uuid: U, scope: 'live', disk: 'vda', tune },
  'qos.setNic': { hostId: H, uuid: U, scope: 'both', mac: '52:54:00:aa:bb:cc', bandwidth: { inbound: dir, outbound: dir } },
  'qos.setCpu': { hostId: H, uuid: U, scope: 'config', tune: { shares: 1024, period: 100000, quota: -1 } },
  'qos.setPinning': { hostId: H, uuid: U, scope: 'live', pinning: { vcpus: [{ vcpu: 0, cpus: [0, 1] }], emulator: [1] } },
  'usb.list': { hostId: H },
  'usb.domain': { hostId: H, uuid: U },
  'usb.attachHost': { hostId: H, uuid: U, scope: 'live', device: 'usb_1_2', takeover: false },
  'usb.attachEmulated': {
    hostId: H,
    uuid: U,
    scope: 'live',
    device: { kind: 'disk', pool: 'default', volume: 'u.img', create: { sizeMiB: 8 } },
  },
  'usb.detach': { hostId: H, uuid: U, scope: 'live', id: 'hostdev-0' },
  'usb.volumes': { hostId: H },
  'install.options': { hostId: H },
  'install.volumes': { hostId: H, pool: 'default' },
  'install.preview': installSpec,
  'install.create': installSpec,
  'install.upload': { hostId: H, pool: 'default', name: 'debian.iso', size: 1024 },
  'clone.options': { hostId: H, uuid: U, targetHostId: 'lab-b' },
  'clone.preview': cloneSpec,
  'clone.start': cloneSpec,
  'migrations.preflight': migSpec,
  'migrations.fix': { spec: migSpec, fix: 'disk-cache-none' },
  'migrations.start': migSpec,
  'migrations.control': { jobId: 'job-1', control: { action: 'max-downtime', ms: 3000 } },
  'settings.xml.get': { hostId: H, uuid: U },
  'settings.xml.apply': { hostId: H, uuid: U, xml: '<domain/>', base: '<domain/>' },
  'settings.xml.undo': { hostId: H, uuid: U },
  'settings.xml.schema': { hostId: H },
  'settings.get': { hostId: H, uuid: U },
  'settings.pendingList': { hostId: H },
  'settings.consoleDevices': { hostId: H, uuid: U },
  'settings.setAutostart': { hostId: H, uuid: U, autostart: true },
  'settings.setVcpus': { hostId: H, uuid: U, current: 1, max: 2 },
  'settings.setMemory': { hostId: H, uuid: U, currentKiB: 131072, maxKiB: 262144 },
  'settings.setGeneral': { hostId: H, uuid: U, title: 't', description: 'd' },
  'settings.setTopology': { hostId: H, uuid: U, topology: { sockets: 1, cores: 2, threads: 1 } },
  'settings.cpu': { hostId: H, uuid: U },
  'settings.setCpuMode': { hostId: H, uuid: U, mode: 'custom', model: 'qemu64' },
  'settings.setMemoryBacking': { hostId: H, uuid: U, hugepages: true, nosharepages: false },
  'settings.rename': { hostId: H, uuid: U, name: 'n' },
  'settings.removeManagedSave': { hostId: H, uuid: U },
  'settings.setMedia': { hostId: H, uuid: U, target: 'sda', media: { pool: 'default', volume: 'd.iso' } },
  'settings.addDisk': {
    hostId: H,
    uuid: U,
    pool: 'default',
    volume: 'd.qcow2',
    bus: 'virtio',
    create: { name: 'd.qcow2', sizeMiB: 16, format: 'qcow2' },
  },
  'settings.growDisk': { hostId: H, uuid: U, target: 'vda', sizeMiB: 2048 },
  'settings.removeDisk': { hostId: H, uuid: U, target: 'vdb' },
  'settings.moveDisk': { hostId: H, uuid: U, target: 'vdb', pool: 'fast', deleteSource: true },
  'settings.addNic': { hostId: H, uuid: U, source: { kind: 'bridge', name: 'labbr0' }, model: 'virtio' },
  'settings.setLink': { hostId: H, uuid: U, mac: '52:54:00:aa:bb:cc', up: false },
  'settings.removeNic': { hostId: H, uuid: U, mac: '52:54:00:aa:bb:cc' },
  'settings.setBootOrder': {
    hostId: H,
    uuid: U,
    order: [
      { kind: 'disk', target: 'vda' },
      { kind: 'nic', mac: '52:54:00:aa:bb:cc' },
    ],
  },
  'networks.list': { hostId: H },
  'networks.define': {
    hostId: H,
    spec: {
      name: 'lan',
      mode: 'nat',
      bridge: 'virbr18',
      ipv4: {
        address: '10.203.101.1',
        prefix: 24,
        dhcp: { start: '10.203.101.100', end: '10.203.101.150' },
        hosts: [{ mac: '52:54:00:18:00:01', ip: '10.203.101.50', name: 'web' }],
      },
    },
    start: true,
  },
  'networks.edit': {
    hostId: H,
    name: 'lan',
    dhcp: { start: '10.203.101.100', end: '10.203.101.150' },
    hosts: [{ mac: '52:54:00:00:00:01', ip: '10.203.101.5' }],
    autostart: true,
  },
  'networks.start': { hostId: H, name: 'lan' },
  'networks.stop': { hostId: H, name: 'lan' },
  'networks.autostart': { hostId: H, name: 'lan', on: true },
  'networks.undefine': { hostId: H, name: 'lan' },
  'networks.leases': { hostId: H, name: 'lan' },
  'networks.dhcpHost': { hostId: H, name: 'lan', op: 'add', host: { mac: '52:54:00:18:00:01', ip: '10.203.101.50', name: 'web' } },
  'storage.pools': { hostId: H },
  'storage.poolTypes': { hostId: H },
  'storage.volumes': { hostId: H, pool: 'default' },
  'storage.definePool': { hostId: H, name: 'store', type: 'dir', targetPath: '/data/store' },
  'storage.poolAction': { hostId: H, pool: 'store', action: 'build' },
  'storage.poolAutostart': { hostId: H, pool: 'store', autostart: true },
  'storage.createVolume': {
    hostId: H,
    pool: 'store',
    name: 'd.qcow2',
    format: 'qcow2',
    capacity: 1048576,
    allocation: 0,
    backing: 'b.qcow2',
  },
  'storage.resizeVolume': { hostId: H, pool: 'store', volume: 'd.qcow2', capacity: 2097152 },
  'storage.cloneVolume': { hostId: H, pool: 'store', volume: 'd.qcow2', name: 'e.qcow2', targetPool: 'default' },
  'storage.wipeVolume': { hostId: H, pool: 'store', volume: 'd.qcow2' },
  'storage.deleteVolume': { hostId: H, pool: 'store', volume: 'd.qcow2' },
  'storage.downloadVolume': { hostId: H, pool: 'store', volume: 'd.qcow2' },
  'snapshots.list': { hostId: H, uuid: U },
  'snapshots.create': { hostId: H, uuid: U, name: 's1', description: 'd', kind: 'internal', quiesce: false },
  'snapshots.revert': { hostId: H, uuid: U, name: 's1', saveCurrentAs: 's0' },
  'snapshots.delete': { hostId: H, uuid: U, name: 's1', method: 'blockjobs' },
  'guest.addresses': { hostId: H },
  'guest.info': { hostId: H, uuid: U },
  'guest.addChannel': { hostId: H, uuid: U },
  'tuning.mm': { hostId: H },
  'tuning.ksm': { hostId: H },
  'tuning.setKsmRun': { hostId: H, mode: 'on' },
  'tuning.setKsmParams': { hostId: H, params: { pagesToScan: 1000, sleepMillisecs: 20 } },
  'tuning.hugepages': { hostId: H },
  'tuning.setHugepages': { hostId: H, sizeKiB: 2048, count: 8 },
  'tuning.vms': { hostId: H },
  'tuning.applyPinning': { hostId: H, uuid: U, pinning: { vcpus: [{ vcpu: 0, cpus: [1] }], emulator: [0] } },
};

type Path = (string | number)[];

function leaves(v: unknown, at: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]));
  return [{ path: at, value: v }];
}

function objects(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => objects(x, [...at, i]));
  if (v !== null && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => objects(x, [...at, k]))];
  return [];
}

function withAt(sample: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) change(parent, last);
  return copy;
}

function wrongTypes(v: unknown): unknown[] {
  switch (typeof v) {
    case 'string':
      return [42, null, true, {}, [v]];
    case 'number':
      return [String(v), null, Number.NaN, Number.POSITIVE_INFINITY, [v], {}];
    case 'boolean':
      return [String(v), 1, null, {}];
    default:
      return [undefined];
  }
}

const names = Object.keys(requests) as RequestName[];

function dispatcher(calls: string[]) {
  return createDispatcher(new Proxy({} as Handlers, { get: (_t, name) => async () => void calls.push(String(name)) }));
}

describe('the contract refuses malformed input for every request (issue 11)', () => {
  it('has a valid sample for every request, and each sample passes', () => {
    expect(names.filter((n) => !(n in SAMPLES))).toEqual([]);
    for (const n of names) {
      const r = requests[n].input.safeParse(SAMPLES[n]);
      expect(r.success, `${n}: ${r.success ? '' : JSON.stringify(r.error.issues)}`).toBe(true);
    }
  });

  it('refuses an extra field at every object level of every request', async () => {
    const calls: string[] = [];
    const dispatch = dispatcher(calls);
    let tried = 0;
    for (const n of names) {
      for (const at of objects(SAMPLES[n])) {
        const bad =
          at.length === 0
            ? { ...SAMPLES[n], extra: 1 }
            : withAt(SAMPLES[n], [...at, 'extra'], (p, k) => {
                p[k] = 'x';
              });
        const r = await dispatch(n, bad);
        tried++;
        expect(r.ok, `${n}: extra field at ${at.join('.') || '(top)'} was accepted`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('invalid-input');
          expect(r.error.issues?.length).toBeGreaterThan(0);
        }
      }
    }
    expect(calls).toEqual([]);
    expect(tried).toBeGreaterThan(names.length);
    console.info(`extra-field inputs refused: ${tried}`);
  });

  it('refuses a wrong type at every leaf of every request', async () => {
    const calls: string[] = [];
    const dispatch = dispatcher(calls);
    let tried = 0;
    for (const n of names) {
      for (const { path, value } of leaves(SAMPLES[n])) {
        for (const wrong of wrongTypes(value)) {
          // Optional fields legitimately accept undefined.
          if (wrong === undefined) continue;
          const bad = withAt(SAMPLES[n], path, (p, k) => {
            p[k] = wrong;
          });
          const r = await dispatch(n, bad);
          tried++;
          expect(r.ok, `${n}: ${path.join('.')} = ${JSON.stringify(wrong)} was accepted`).toBe(false);
        }
      }
    }
    expect(calls).toEqual([]);
    console.info(`wrong-type inputs refused: ${tried}`);
  });

  it('refuses non-object bodies and __proto__ keys for every request', async () => {
    const calls: string[] = [];
    const dispatch = dispatcher(calls);
    for (const n of names) {
      for (const body of [42, 'x', true, [], [SAMPLES[n]]]) {
        expect((await dispatch(n, body)).ok, `${n}: ${JSON.stringify(body)}`).toBe(false);
      }
      // What JSON.parse makes of a polluting message on the web bridge: an own "__proto__" key.
      const polluted = JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(SAMPLES[n]).slice(1)}`.replace(', }', '}'));
      expect((await dispatch(n, polluted)).ok, `${n}: __proto__ accepted`).toBe(false);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('refuses unknown and inherited request names', async () => {
    const calls: string[] = [];
    const dispatch = dispatcher(calls);
    for (const n of ['process.exec', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, {}]) {
      const r = await dispatch(n, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown-request');
    }
    expect(calls).toEqual([]);
  });
});

describe('names: hostile but legal ones pass verbatim, impossible ones are refused clearly', () => {
  const legal = [
    `q"uote'd`,
    '<b onmouseover=alert(1)>bold & co',
    'a; rm -rf ~ #',
    '$(id) `id` $' + '{HOME}',
    'שלום עולם', // RTL
    '\u202Eevil\u202C', // RTL override
    '🦜 vireo 🖥️',
    'x'.repeat(1024),
  ];
  const refused: [string, RegExp][] = [
    ['two\nlines', /control characters/],
    ['tab\there', /control characters/],
    ['a/b', /must not contain "\/"/],
    ['', /empty/],
    ['x'.repeat(10 * 1024), /longer than 1024/],
  ];

  it('accepts hostile-looking legal names unchanged (install, clone, USB volume)', () => {
    for (const name of legal) {
      const r = requests['install.preview'].input.safeParse({ ...installSpec, name });
      expect(r.success, name).toBe(true);
      if (r.success) expect(r.data.name).toBe(name);
      expect(requests['clone.preview'].input.safeParse({ ...cloneSpec, name }).success, name).toBe(true);
      expect(requests['install.volumes'].input.safeParse({ hostId: H, pool: name }).success, name).toBe(true);
    }
  });

  it('refuses newlines, "/", empty and 10 kB names with a message that says why', async () => {
    const calls: string[] = [];
    const dispatch = dispatcher(calls);
    for (const [name, why] of refused) {
      for (const [req, input] of [
        ['install.preview', { ...installSpec, name }],
        ['clone.start', { ...cloneSpec, name }],
        ['install.volumes', { hostId: H, pool: name }],
      ] as const) {
        const r = await dispatch(req, input);
        expect(r.ok, `${req} ${JSON.stringify(name.slice(0, 20))}`).toBe(false);
        if (r.ok) continue;
        expect(r.error.message).toMatch(why);
        expect(r.error.hint).toMatch(/Nothing was changed/);
        expect(r.error.message.length).toBeLessThan(300); // a 10 kB name is not echoed back
      }
    }
    expect(calls).toEqual([]);
  });
});
