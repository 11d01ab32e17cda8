// Byte layouts of the typed wrappers' arguments and replies, against a fake RpcClient that
// records what each wrapper encodes and decodes a canned reply (and insists it was consumed
// whole, as the real client does).
import { describe, expect, it } from 'vitest';
import type { RpcClient } from './client';
import * as domain from './domain';
import * as host from './host';
import * as migration from './migration';
import * as network from './network';
import * as nodedev from './nodedev';
import { writeTypedParams } from './params';
import { Proc, writeDomain, writeNodeDevice, writeStoragePool, writeStorageVol } from './protocol';
import * as storage from './storage';
import { XdrReader, XdrWriter } from './xdr';

const UUID = '0123abcd-4567-89ef-0011-223344556677';
const dom = { name: 'tiny', uuid: UUID, id: 3 };
const pool = { name: 'default', uuid: UUID };
const vol = {
  pool: 'default',
  name: 'v.qcow2',
  key: '/var/lib/libvirt/images/v.qcow2',
};

const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};

interface Recorded {
  proc: number;
  args: Buffer;
  opts: unknown;
}

/** Replies: per proc, a queue of payloads (or one used for every call). */
function fakeRpc(replies: Record<number, Buffer | Buffer[]>) {
  const calls: Recorded[] = [];
  const take = (proc: number): Buffer => {
    const r = replies[proc];
    if (r === undefined) throw new Error(`no reply for proc ${proc}`);
    if (Buffer.isBuffer(r)) return r;
    const next = r.shift();
    if (!next) throw new Error(`reply queue for proc ${proc} is empty`);
    return next;
  };
  const rpc = {
    async call(proc: number, e: ((w: XdrWriter) => void) | null, d: ((r: XdrReader) => unknown) | null, opts?: unknown) {
      calls.push({ proc, args: enc((w) => e?.(w)), opts });
      const payload = take(proc);
      if (!d) return undefined;
      const r = new XdrReader(payload);
      const v = d(r);
      expect(r.remaining, `reply of proc ${proc} fully decoded`).toBe(0);
      return v;
    },
    async openStream(proc: number, e: ((w: XdrWriter) => void) | null, opts?: unknown) {
      calls.push({ proc, args: enc((w) => e?.(w)), opts });
      return { stream: true };
    },
  };
  return { rpc: rpc as unknown as RpcClient, calls };
}

const domBytes = enc((w) => writeDomain(w, dom));
const poolBytes = enc((w) => writeStoragePool(w, pool));
const volBytes = enc((w) => writeStorageVol(w, vol));
const EMPTY = Buffer.alloc(0);

describe('host', () => {
  it('node info reads 32 widened chars then the numbers', async () => {
    const reply = enc((w) => {
      for (let i = 0; i < 32; i++) w.int(i < 6 ? 'x86_64'.charCodeAt(i) : 0);
      w.uhyper(8_000_000).int(4).int(2400).int(1).int(1).int(2).int(2);
    });
    const { rpc, calls } = fakeRpc({ [Proc.NODE_GET_INFO]: reply });
    expect(await host.hostGetNodeInfo(rpc)).toEqual({
      model: 'x86_64',
      memoryKiB: 8_000_000,
      cpus: 4,
      mhz: 2400,
      nodes: 1,
      sockets: 1,
      cores: 2,
      threads: 2,
    });
    expect(calls[0]!.args.length).toBe(0);
  });

  it('versions and free memory are unsigned hypers', async () => {
    const { rpc } = fakeRpc({
      [Proc.CONNECT_GET_LIB_VERSION]: enc((w) => w.uhyper(9_000_000)),
      [Proc.CONNECT_GET_VERSION]: enc((w) => w.uhyper(7_002_000)),
      [Proc.NODE_GET_FREE_MEMORY]: enc((w) => w.uhyper(2n ** 33n)),
    });
    expect(host.formatVersion(await host.hostGetLibVersion(rpc))).toBe('9.0.0');
    expect(host.formatVersion(await host.hostGetHypervisorVersion(rpc))).toBe('7.2.0');
    expect(await host.hostGetFreeMemory(rpc)).toBe(2 ** 33);
  });

  it('domain capabilities and hypervisor CPU compare send four optional strings', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.CONNECT_GET_DOMAIN_CAPABILITIES]: enc((w) => w.string('<domainCapabilities/>')),
      [Proc.CONNECT_COMPARE_HYPERVISOR_CPU]: enc((w) => w.int(2)),
      [Proc.CONNECT_COMPARE_CPU]: enc((w) => w.int(1)),
    });
    await host.hostGetDomainCapabilities(rpc, { arch: 'x86_64' });
    expect(calls[0]!.args).toEqual(enc((w) => w.uint(0).uint(1).string('x86_64').uint(0).uint(0).uint(0)));
    expect(await host.hostCompareHypervisorCpu(rpc, { xmlCpu: '<cpu/>' })).toBe(2);
    expect(calls[1]!.args).toEqual(enc((w) => w.uint(0).uint(0).uint(0).uint(0).string('<cpu/>').uint(0)));
    expect(await host.hostCompareCpu(rpc, { xml: '<cpu/>', flags: 2 })).toBe(1);
    expect(calls[2]!.args).toEqual(enc((w) => w.string('<cpu/>').uint(2)));
  });
});

describe('domain', () => {
  it('list all sends need_results=1 and flags, reads domains then a count', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.CONNECT_LIST_ALL_DOMAINS]: enc((w) => w.array([dom, { ...dom, name: 'b', id: -1 }], writeDomain).uint(2)),
    });
    const list = await domain.domainListAll(rpc, { flags: 16 });
    expect(list.map((d) => d.name)).toEqual(['tiny', 'b']);
    expect(calls[0]!.args).toEqual(enc((w) => w.int(1).uint(16)));
  });

  it('all-domain stats decode records into plain numbers', async () => {
    const reply = enc((w) =>
      w.array([0], (x) => {
        writeDomain(x, dom);
        writeTypedParams(x, [
          { field: 'state.state', type: 'int', value: 1 },
          { field: 'cpu.time', type: 'ullong', value: 5n },
        ]);
      }),
    );
    const { rpc, calls } = fakeRpc({
      [Proc.CONNECT_GET_ALL_DOMAIN_STATS]: reply,
    });
    const recs = await domain.domainGetAllStats(rpc, {
      stats: 3,
      flags: 2 ** 31,
    });
    expect(recs).toEqual([{ domain: dom, stats: { 'state.state': 1, 'cpu.time': 5 } }]);
    expect(calls[0]!.args).toEqual(
      enc((w) =>
        w
          .uint(0)
          .uint(3)
          .uint(2 ** 31),
      ),
    );
    const withState = await domain.domainListAllWithState(rpc);
    expect(withState[0]).toMatchObject({
      name: 'tiny',
      state: 1,
      stateName: 'RUNNING',
      reason: 0,
    });
  });

  it('get state / info', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_GET_STATE]: enc((w) => w.int(5).int(1)),
      [Proc.DOMAIN_GET_INFO]: enc((w) =>
        w
          .uint(1)
          .uhyper(262144)
          .uhyper(131072)
          .uint(2)
          .uhyper(10n ** 10n),
      ),
    });
    expect(await domain.domainGetState(rpc, dom)).toEqual({
      state: 5,
      stateName: 'SHUTOFF',
      reason: 1,
    });
    expect(calls[0]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.uint(0))]));
    expect(await domain.domainGetInfo(rpc, dom)).toEqual({
      state: 1,
      maxMemKiB: 262144,
      memoryKiB: 131072,
      vcpus: 2,
      cpuTimeNs: 1e10,
    });
    expect(calls[1]!.args).toEqual(domBytes);
  });

  it('lookup by uuid sends 16 raw bytes', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_LOOKUP_BY_UUID]: domBytes,
      [Proc.DOMAIN_LOOKUP_BY_NAME]: domBytes,
    });
    expect(await domain.domainLookupByUuid(rpc, UUID)).toEqual(dom);
    expect(calls[0]!.args.toString('hex')).toBe('0123abcd456789ef0011223344556677');
    await domain.domainLookupByName(rpc, 'tiny');
    expect(calls[1]!.args).toEqual(enc((w) => w.string('tiny')));
  });

  it('lifecycle calls are dom + flags (suspend/resume: dom only)', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_CREATE_WITH_FLAGS]: domBytes,
      [Proc.DOMAIN_SHUTDOWN_FLAGS]: EMPTY,
      [Proc.DOMAIN_DESTROY_FLAGS]: EMPTY,
      [Proc.DOMAIN_REBOOT]: EMPTY,
      [Proc.DOMAIN_SUSPEND]: EMPTY,
      [Proc.DOMAIN_RESUME]: EMPTY,
      [Proc.DOMAIN_UNDEFINE_FLAGS]: EMPTY,
      [Proc.DOMAIN_DEFINE_XML_FLAGS]: domBytes,
      [Proc.DOMAIN_GET_XML_DESC]: enc((w) => w.string('<domain/>')),
    });
    await domain.domainCreate(rpc, dom, { flags: 1 });
    await domain.domainShutdown(rpc, dom, { flags: 1 });
    await domain.domainDestroy(rpc, dom, { flags: 1 });
    await domain.domainReboot(rpc, dom);
    await domain.domainSuspend(rpc, dom);
    await domain.domainResume(rpc, dom);
    await domain.domainUndefine(rpc, dom, { flags: 4 });
    const withFlags = (f: number) => Buffer.concat([domBytes, enc((w) => w.uint(f))]);
    expect(calls.map((c) => c.args)).toEqual([withFlags(1), withFlags(1), withFlags(1), withFlags(0), domBytes, domBytes, withFlags(4)]);
    expect(await domain.domainDefineXml(rpc, { xml: '<domain/>', flags: 1 })).toEqual(dom);
    expect(calls[7]!.args).toEqual(enc((w) => w.string('<domain/>').uint(1)));
    expect(await domain.domainGetXmlDesc(rpc, dom, { flags: 2 })).toBe('<domain/>');
  });

  it('block I/O tune asks for the count first, then the params', async () => {
    const params = enc((w) =>
      writeTypedParams(w, [
        { field: 'total_bytes_sec', type: 'ullong', value: 1000n },
        { field: 'group_name', type: 'string', value: '' },
      ]),
    );
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_GET_BLOCK_IO_TUNE]: [enc((w) => w.uint(0).int(2)), Buffer.concat([params, enc((w) => w.int(2))])],
      [Proc.DOMAIN_SET_BLOCK_IO_TUNE]: EMPTY,
    });
    expect(await domain.domainGetBlockIoTune(rpc, dom, { disk: 'vda', flags: 1 })).toEqual({ total_bytes_sec: 1000, group_name: '' });
    // Getters add TYPED_PARAM_STRING_OKAY (4), as libvirt's client does, or group_name is left out.
    expect(calls[0]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) =>
          w
            .uint(1)
            .string('vda')
            .int(0)
            .uint(1 | 4),
        ),
      ]),
    );
    expect(calls[1]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) =>
          w
            .uint(1)
            .string('vda')
            .int(2)
            .uint(1 | 4),
        ),
      ]),
    );
    await domain.domainSetBlockIoTune(rpc, dom, {
      disk: 'vda',
      params: { read_iops_sec: 50 },
      flags: 1,
    });
    expect(calls[2]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) => {
          w.string('vda');
          writeTypedParams(w, [{ field: 'read_iops_sec', type: 'ullong', value: 50 }]);
          w.uint(1);
        }),
      ]),
    );
  });

  it('interface params: same two-step get; set sends uints', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_GET_INTERFACE_PARAMETERS]: [
        enc((w) => w.uint(0).int(1)),
        enc((w) => {
          writeTypedParams(w, [{ field: 'inbound.average', type: 'uint', value: 100 }]);
          w.int(1);
        }),
      ],
      [Proc.DOMAIN_SET_INTERFACE_PARAMETERS]: EMPTY,
    });
    expect(await domain.domainGetInterfaceParameters(rpc, dom, { device: 'vnet0' })).toEqual({ 'inbound.average': 100 });
    expect(calls[1]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.string('vnet0').int(1).uint(4))]));
    await domain.domainSetInterfaceParameters(rpc, dom, {
      device: 'vnet0',
      params: { 'outbound.peak': 7 },
    });
    expect(calls[2]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) => {
          w.string('vnet0');
          writeTypedParams(w, [{ field: 'outbound.peak', type: 'uint', value: 7 }]);
          w.uint(0);
        }),
      ]),
    );
  });

  it('scheduler params take nparams from the scheduler type (proc 56)', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_GET_SCHEDULER_TYPE]: enc((w) => w.string('posix').int(2)),
      [Proc.DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS]: enc((w) =>
        writeTypedParams(w, [
          { field: 'cpu_shares', type: 'ullong', value: 1024n },
          { field: 'vcpu_quota', type: 'llong', value: -1n },
        ]),
      ),
      [Proc.DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS]: EMPTY,
    });
    expect(await domain.domainGetSchedulerParameters(rpc, dom, { flags: 1 })).toEqual({ cpu_shares: 1024, vcpu_quota: -1 });
    expect(calls.map((c) => c.proc)).toEqual([56, 223]);
    expect(calls[1]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.int(2).uint(1 | 4))]));
    await domain.domainSetSchedulerParameters(rpc, dom, {
      params: { cpu_shares: 512, vcpu_quota: -1 },
    });
    expect(calls[2]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) => {
          writeTypedParams(w, [
            { field: 'cpu_shares', type: 'ullong', value: 512 },
            { field: 'vcpu_quota', type: 'llong', value: -1 },
          ]);
          w.uint(0);
        }),
      ]),
    );
  });

  it('cpumaps are bitmaps, one maplen slice per vCPU', async () => {
    expect(domain.cpumapFromCpus([0, 2, 9]).toString('hex')).toBe('0502');
    expect(domain.cpusFromCpumap(Buffer.from([0x05, 0x02]))).toEqual([0, 2, 9]);
    expect(() => domain.cpumapFromCpus([8], 1)).toThrow(RangeError);
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_PIN_VCPU_FLAGS]: EMPTY,
      [Proc.DOMAIN_GET_VCPU_PIN_INFO]: enc((w) => w.opaque(Buffer.from([0x01, 0x00, 0x03, 0x00])).int(2)),
      [Proc.DOMAIN_PIN_EMULATOR]: EMPTY,
      [Proc.DOMAIN_GET_EMULATOR_PIN_INFO]: enc((w) => w.opaque(Buffer.from([0x0f, 0x00])).int(1)),
    });
    await domain.domainPinVcpu(rpc, dom, { vcpu: 1, cpus: [1], flags: 1 });
    expect(calls[0]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) =>
          w
            .uint(1)
            .opaque(Buffer.from([2]))
            .uint(1),
        ),
      ]),
    );
    expect(await domain.domainGetVcpuPinInfo(rpc, dom, { vcpus: 2, hostCpus: 12 })).toEqual([[0], [0, 1]]);
    expect(calls[1]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.int(2).int(2).uint(0))]));
    await domain.domainPinEmulator(rpc, dom, { cpus: [0, 1] });
    expect(calls[2]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.opaque(Buffer.from([3])).uint(0))]));
    expect(await domain.domainGetEmulatorPinInfo(rpc, dom, { hostCpus: 12 })).toEqual([0, 1, 2, 3]);
  });

  it('job stats, abort, devices, console', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_GET_JOB_STATS]: enc((w) => {
        w.int(2);
        writeTypedParams(w, [{ field: 'memory_remaining', type: 'ullong', value: 4096n }]);
      }),
      [Proc.DOMAIN_ABORT_JOB]: EMPTY,
      [Proc.DOMAIN_ABORT_JOB_FLAGS]: EMPTY,
      [Proc.DOMAIN_ATTACH_DEVICE_FLAGS]: EMPTY,
      [Proc.DOMAIN_DETACH_DEVICE_FLAGS]: EMPTY,
    });
    expect(await domain.domainGetJobStats(rpc, dom)).toEqual({
      type: 2,
      stats: { memory_remaining: 4096 },
    });
    await domain.domainAbortJob(rpc, dom);
    await domain.domainAbortJob(rpc, dom, { flags: 1 });
    expect(calls.slice(1).map((c) => c.proc)).toEqual([164, 442]);
    expect(calls[1]!.args).toEqual(domBytes);
    await domain.domainAttachDevice(rpc, dom, { xml: '<disk/>', flags: 3 });
    expect(calls[3]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.string('<disk/>').uint(3))]));
    await domain.domainDetachDevice(rpc, dom, { xml: '<disk/>', flags: 1 });
    await domain.domainOpenConsole(rpc, dom, { flags: 1 });
    expect(calls[5]).toMatchObject({
      proc: 201,
      args: Buffer.concat([domBytes, enc((w) => w.uint(0).uint(1))]),
    });
    await domain.domainOpenConsole(rpc, dom, { devName: 'serial0' });
    expect(calls[6]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.uint(1).string('serial0').uint(0))]));
  });
});

describe('storage', () => {
  it('pools', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.CONNECT_LIST_ALL_STORAGE_POOLS]: enc((w) => w.array([pool], writeStoragePool).uint(1)),
      [Proc.STORAGE_POOL_GET_INFO]: enc((w) => w.uint(2).uhyper(1000).uhyper(400).uhyper(600)),
      [Proc.STORAGE_POOL_GET_XML_DESC]: enc((w) => w.string('<pool/>')),
      [Proc.STORAGE_POOL_REFRESH]: EMPTY,
      [Proc.STORAGE_POOL_LOOKUP_BY_NAME]: poolBytes,
    });
    expect(await storage.poolListAll(rpc)).toEqual([pool]);
    expect(await storage.poolGetInfo(rpc, pool)).toEqual({
      state: 2,
      capacity: 1000,
      allocation: 400,
      available: 600,
    });
    expect(await storage.poolGetXmlDesc(rpc, pool)).toBe('<pool/>');
    await storage.poolRefresh(rpc, pool);
    expect(calls[3]!.args).toEqual(Buffer.concat([poolBytes, enc((w) => w.uint(0))]));
    expect(await storage.poolLookupByName(rpc, 'default')).toEqual(pool);
  });

  it('volumes', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.STORAGE_POOL_LIST_ALL_VOLUMES]: enc((w) => w.array([vol], writeStorageVol).uint(1)),
      [Proc.STORAGE_VOL_CREATE_XML]: volBytes,
      [Proc.STORAGE_VOL_CREATE_XML_FROM]: volBytes,
      [Proc.STORAGE_VOL_LOOKUP_BY_PATH]: volBytes,
      [Proc.STORAGE_VOL_GET_INFO]: enc((w) =>
        w
          .int(0)
          .uhyper(1 << 20)
          .uhyper(4096),
      ),
      [Proc.STORAGE_VOL_GET_PATH]: enc((w) => w.string(vol.key)),
      [Proc.STORAGE_VOL_DELETE]: EMPTY,
    });
    expect(await storage.volListAll(rpc, pool)).toEqual([vol]);
    expect(calls[0]!.args).toEqual(Buffer.concat([poolBytes, enc((w) => w.int(1).uint(0))]));
    await storage.volCreateXml(rpc, pool, { xml: '<volume/>' });
    expect(calls[1]!.args).toEqual(Buffer.concat([poolBytes, enc((w) => w.string('<volume/>').uint(0))]));
    await storage.volCreateXmlFrom(rpc, pool, { xml: '<volume/>', from: vol });
    expect(calls[2]!.args).toEqual(Buffer.concat([poolBytes, enc((w) => w.string('<volume/>')), volBytes, enc((w) => w.uint(0))]));
    expect(calls[2]!.opts).toEqual({ timeoutMs: 0 });
    expect(await storage.volLookupByPath(rpc, vol.key)).toEqual(vol);
    expect(await storage.volGetInfo(rpc, vol)).toEqual({
      type: 0,
      capacity: 1 << 20,
      allocation: 4096,
    });
    expect(await storage.volGetPath(rpc, vol)).toBe(vol.key);
    await storage.volDelete(rpc, vol);
    await storage.volDownload(rpc, vol, { offset: 512 });
    expect(calls[7]).toMatchObject({
      proc: 209,
      args: Buffer.concat([volBytes, enc((w) => w.uhyper(512).uhyper(0).uint(0))]),
    });
    await storage.volUpload(rpc, vol, { length: 10 });
    expect(calls[8]).toMatchObject({
      proc: 208,
      args: Buffer.concat([volBytes, enc((w) => w.uhyper(0).uhyper(10).uint(0))]),
    });
  });
});

describe('node devices and networks', () => {
  it('list, lookup, xml', async () => {
    const net = { name: 'default', uuid: UUID };
    const { rpc, calls } = fakeRpc({
      [Proc.CONNECT_LIST_ALL_NODE_DEVICES]: enc((w) => w.array([{ name: 'usb_1_2' }], writeNodeDevice).uint(1)),
      [Proc.NODE_DEVICE_LOOKUP_BY_NAME]: enc((w) => w.string('usb_1_2')),
      [Proc.NODE_DEVICE_GET_XML_DESC]: enc((w) => w.string('<device/>')),
      [Proc.CONNECT_LIST_ALL_NETWORKS]: enc((w) =>
        w
          .uint(1)
          .string('default')
          .fixedOpaque(Buffer.from(UUID.replace(/-/g, ''), 'hex'), 16)
          .uint(1),
      ),
      [Proc.NETWORK_GET_XML_DESC]: enc((w) => w.string('<network/>')),
    });
    expect(await nodedev.nodeDeviceListAll(rpc, { flags: 4 })).toEqual([{ name: 'usb_1_2' }]);
    expect(calls[0]!.args).toEqual(enc((w) => w.int(1).uint(4)));
    expect(await nodedev.nodeDeviceLookupByName(rpc, 'usb_1_2')).toEqual({
      name: 'usb_1_2',
    });
    expect(await nodedev.nodeDeviceGetXmlDesc(rpc, 'usb_1_2')).toBe('<device/>');
    expect(calls[2]!.args).toEqual(enc((w) => w.string('usb_1_2').uint(0)));
    expect(await network.networkListAll(rpc)).toEqual([net]);
    expect(await network.networkGetXmlDesc(rpc, net)).toBe('<network/>');
  });
});

describe('migration', () => {
  it('steps encode params, cookies and cancelled', async () => {
    const cookie = Buffer.from('cookie');
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_MIGRATE_BEGIN3_PARAMS]: enc((w) => w.opaque(cookie).string('<domain/>')),
      [Proc.DOMAIN_MIGRATE_PREPARE3_PARAMS]: enc((w) => w.opaque(cookie).uint(1).string('tcp://b:49152')),
      [Proc.DOMAIN_MIGRATE_PERFORM3_PARAMS]: enc((w) => w.opaque(Buffer.alloc(0))),
      [Proc.DOMAIN_MIGRATE_FINISH3_PARAMS]: Buffer.concat([domBytes, enc((w) => w.opaque(cookie))]),
      [Proc.DOMAIN_MIGRATE_CONFIRM3_PARAMS]: EMPTY,
    });
    expect(
      await migration.migrateBegin3(rpc, dom, {
        params: { bandwidth: 10 },
        flags: 1,
      }),
    ).toEqual({ cookie, xml: '<domain/>' });
    expect(calls[0]!.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) => writeTypedParams(w, [{ field: 'bandwidth', type: 'ullong', value: 10 }])),
        enc((w) => w.uint(1)),
      ]),
    );
    expect(await migration.migratePrepare3(rpc, { params: {}, cookie })).toEqual({ cookie, uri: 'tcp://b:49152' });
    expect(calls[1]!.args).toEqual(enc((w) => w.uint(0).opaque(cookie).uint(0)));
    await migration.migratePerform3(rpc, dom, {
      dconnuri: 'qemu+ssh://a/system',
      flags: 3,
    });
    expect(calls[2]!.args).toEqual(
      Buffer.concat([domBytes, enc((w) => w.uint(1).string('qemu+ssh://a/system').uint(0).opaque(Buffer.alloc(0)).uint(3))]),
    );
    expect(calls[2]!.opts).toEqual({ timeoutMs: 0 });
    expect(
      await migration.migrateFinish3(rpc, {
        params: {},
        cookie,
        cancelled: true,
      }),
    ).toEqual({ domain: dom, cookie });
    expect(calls[3]!.args).toEqual(enc((w) => w.uint(0).opaque(cookie).uint(0).int(1)));
    await migration.migrateConfirm3(rpc, dom, {
      params: {},
      cookie,
      cancelled: false,
    });
    expect(calls[4]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.uint(0).opaque(cookie).uint(0).int(0))]));
  });

  it('controls', async () => {
    const { rpc, calls } = fakeRpc({
      [Proc.DOMAIN_MIGRATE_SET_MAX_DOWNTIME]: EMPTY,
      [Proc.DOMAIN_MIGRATE_GET_MAX_DOWNTIME]: enc((w) => w.uhyper(300)),
      [Proc.DOMAIN_MIGRATE_SET_MAX_SPEED]: EMPTY,
      [Proc.DOMAIN_MIGRATE_GET_MAX_SPEED]: enc((w) => w.uhyper(8796093022207n)),
      [Proc.DOMAIN_MIGRATE_START_POST_COPY]: EMPTY,
    });
    await migration.migrateSetMaxDowntime(rpc, dom, { ms: 300 });
    expect(calls[0]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.uhyper(300).uint(0))]));
    expect(await migration.migrateGetMaxDowntime(rpc, dom)).toBe(300);
    await migration.migrateSetMaxSpeed(rpc, dom, { mibps: 50, flags: 1 });
    expect(calls[2]!.args).toEqual(Buffer.concat([domBytes, enc((w) => w.uhyper(50).uint(1))]));
    // libvirt's "unlimited" is 8 EiB/s expressed in MiB/s: still exact as a number.
    expect(await migration.migrateGetMaxSpeed(rpc, dom)).toBe(8796093022207);
    await migration.migrateStartPostCopy(rpc, dom);
  });

  it('direct migration runs the five steps in order and feeds cookies through', async () => {
    const src = fakeRpc({
      [Proc.CONNECT_SUPPORTS_FEATURE]: enc((w) => w.int(1)),
      [Proc.DOMAIN_MIGRATE_BEGIN3_PARAMS]: enc((w) => w.opaque(Buffer.from('c1')).string('<domain/>')),
      [Proc.DOMAIN_GET_STATE]: enc((w) => w.int(1).int(1)),
      [Proc.DOMAIN_MIGRATE_PERFORM3_PARAMS]: enc((w) => w.opaque(Buffer.from('c3'))),
      [Proc.DOMAIN_MIGRATE_CONFIRM3_PARAMS]: EMPTY,
    });
    const dst = fakeRpc({
      [Proc.DOMAIN_MIGRATE_PREPARE3_PARAMS]: enc((w) => w.opaque(Buffer.from('c2')).uint(1).string('tcp://b:1')),
      [Proc.DOMAIN_MIGRATE_FINISH3_PARAMS]: Buffer.concat([
        enc((w) => writeDomain(w, { ...dom, id: 9 })),
        enc((w) => w.opaque(Buffer.from('c4'))),
      ]),
    });
    const steps: string[] = [];
    const out = await migration.migrateDirect({
      src: src.rpc,
      dst: dst.rpc,
      dom,
      flags: 1 | 4096,
      onStep: (s) => steps.push(s),
    });
    expect(out.id).toBe(9);
    expect(steps).toEqual(['begin', 'prepare', 'perform', 'finish', 'confirm']);
    expect(src.calls.map((c) => c.proc)).toEqual([60, 302, 212, 305, 307]);
    // Perform got Prepare's cookie and its URI; flags carry CHANGE_PROTECTION (256).
    const perform = new XdrReader(src.calls[3]!.args);
    perform.string();
    perform.fixedOpaque(16);
    perform.int();
    perform.optional((r) => r.string());
    const params = perform.array((r) => ({
      f: r.string(),
      t: r.int(),
      v: r.string(),
    }));
    expect(params).toContainEqual({ f: 'migrate_uri', t: 7, v: 'tcp://b:1' });
    expect(perform.opaque().toString()).toBe('c2');
    expect(perform.uint()).toBe(1 | 4096 | 256);
    // The destination never sees ABORT_ON_ERROR.
    const finish = new XdrReader(dst.calls[1]!.args);
    const fparams = finish.array((r) => ({
      f: r.string(),
      t: r.int(),
      v: r.string(),
    }));
    expect(fparams).toContainEqual({ f: 'destination_name', t: 7, v: 'tiny' });
    expect(finish.opaque().toString()).toBe('c3');
    expect(finish.uint()).toBe(1);
    expect(finish.int()).toBe(0);
  });

  it('a failed Perform cancels on the destination and skips Confirm', async () => {
    const src = fakeRpc({
      [Proc.CONNECT_SUPPORTS_FEATURE]: enc((w) => w.int(0)),
      [Proc.DOMAIN_MIGRATE_BEGIN3_PARAMS]: enc((w) => w.opaque(Buffer.alloc(0)).string('<domain/>')),
      [Proc.DOMAIN_GET_STATE]: enc((w) => w.int(1).int(1)),
    });
    (src.rpc as unknown as { call: unknown }).call = (
      (orig) =>
      async (proc: number, ...rest: unknown[]) => {
        if (proc === Proc.DOMAIN_MIGRATE_PERFORM3_PARAMS) throw new Error('migration job: canceled by client');
        return (orig as (...a: unknown[]) => unknown)(proc, ...rest);
      }
    )((src.rpc as unknown as { call: unknown }).call);
    const dst = fakeRpc({
      [Proc.DOMAIN_MIGRATE_PREPARE3_PARAMS]: enc((w) => w.opaque(Buffer.alloc(0)).uint(0)),
      [Proc.DOMAIN_MIGRATE_FINISH3_PARAMS]: Buffer.concat([domBytes, enc((w) => w.opaque(Buffer.alloc(0)))]),
    });
    const err = await migration
      .migrateDirect({
        src: src.rpc,
        dst: dst.rpc,
        dom,
        flags: 1,
        params: { migrate_uri: 'tcp://b' },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(migration.MigrationError);
    expect(err).toMatchObject({ step: 'perform', guestOn: 'source' });
    const finish = new XdrReader(dst.calls[1]!.args);
    finish.array((r) => [r.string(), r.int(), r.string()]);
    finish.opaque();
    finish.uint();
    expect(finish.int()).toBe(1); // cancelled
    expect(src.calls.map((c) => c.proc)).not.toContain(Proc.DOMAIN_MIGRATE_CONFIRM3_PARAMS);
  });
});
