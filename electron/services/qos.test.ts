import { describe, expect, it } from 'vitest';
import { CpuPinning, CpuTune, DiskIoTune, NicBandwidth, QOS_LIMITS } from '../../shared/api';
import {
  checkScope,
  cpuTuneOf,
  differences,
  diskTuneOf,
  hostTopologyOf,
  isTrafficControlError,
  nicBandwidthOf,
  nicParams,
  normalQuota,
  parseCpuList,
  scopeFlags,
} from './qos';

const zeroDisk = { total_bytes_sec: 0, read_bytes_sec: 0, write_bytes_sec: 0, total_iops_sec: 0, read_iops_sec: 0, write_iops_sec: 0 };
const zeroDir = { average: 0, peak: 0, burst: 0 };
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);

describe('QoS rules (the contract refuses before anything is sent)', () => {
  it('disk limits: whole, non-negative, at most QEMU’s 10^15, total xor read/write', () => {
    expect(DiskIoTune.safeParse({ ...zeroDisk, total_iops_sec: 200, read_bytes_sec: 1 << 20 }).success).toBe(true);
    expect(DiskIoTune.safeParse({ ...zeroDisk, total_bytes_sec: QOS_LIMITS.blockMax }).success).toBe(true);
    expect(issues(DiskIoTune.safeParse({ ...zeroDisk, total_bytes_sec: QOS_LIMITS.blockMax + 1 }))).toEqual([
      'total_bytes_sec: More than QEMU accepts (10^15)',
    ]);
    expect(issues(DiskIoTune.safeParse({ ...zeroDisk, read_iops_sec: -1 }))).toEqual(['read_iops_sec: Cannot be negative']);
    expect(issues(DiskIoTune.safeParse({ ...zeroDisk, write_iops_sec: 1.5 }))).toEqual(['write_iops_sec: Whole numbers only']);
    expect(issues(DiskIoTune.safeParse({ ...zeroDisk, total_bytes_sec: 10, write_bytes_sec: 5 }))).toEqual([
      'total_bytes_sec: Set a total or read/write throughput, not both',
    ]);
    expect(issues(DiskIoTune.safeParse({ ...zeroDisk, total_iops_sec: 10, read_iops_sec: 5 }))).toEqual([
      'total_iops_sec: Set a total or read/write IOPS, not both',
    ]);
    expect(DiskIoTune.safeParse({ ...zeroDisk, group_name: 'x' }).success).toBe(false);
  });

  it('NIC bandwidth: peak ≥ average, peak/burst need an average, unsigned int range', () => {
    const ok = { inbound: { average: 1000, peak: 2000, burst: 512 }, outbound: { average: 500, peak: 0, burst: 0 } };
    expect(NicBandwidth.safeParse(ok).success).toBe(true);
    expect(NicBandwidth.safeParse({ inbound: zeroDir, outbound: zeroDir }).success).toBe(true);
    expect(issues(NicBandwidth.safeParse({ ...ok, inbound: { average: 1000, peak: 999, burst: 0 } }))).toEqual([
      'inbound.peak: Peak must be at least the average',
    ]);
    expect(issues(NicBandwidth.safeParse({ ...ok, outbound: { average: 0, peak: 0, burst: 64 } }))).toEqual([
      'outbound.average: Set an average: peak and burst limit it',
    ]);
    expect(issues(NicBandwidth.safeParse({ ...ok, outbound: { average: QOS_LIMITS.nicMax + 1, peak: 0, burst: 0 } }))).toEqual([
      'outbound.average: More than libvirt accepts (2^32 - 1)',
    ]);
  });

  it('CPU: shares 2..262144, period 1000..1000000 µs, quota -1 or ≥ 1000 µs', () => {
    expect(CpuTune.safeParse({ shares: 1024, period: 100_000, quota: -1 }).success).toBe(true);
    expect(CpuTune.safeParse({ shares: 512, period: 100_000, quota: 50_000 }).success).toBe(true);
    expect(issues(CpuTune.safeParse({ shares: 1, period: 100_000, quota: -1 }))).toEqual(['shares: At least 2']);
    expect(issues(CpuTune.safeParse({ shares: 300_000, period: 100_000, quota: -1 }))).toEqual(['shares: At most 262144']);
    expect(issues(CpuTune.safeParse({ shares: 1024, period: 999, quota: -1 }))).toEqual(['period: At least 1000 µs']);
    expect(issues(CpuTune.safeParse({ shares: 1024, period: 100_000, quota: 999 }))).toEqual([
      'quota: A cap needs at least 1000 µs per period (or no cap)',
    ]);
    expect(issues(CpuTune.safeParse({ shares: 1024, period: 100_000, quota: -2 }))).toHaveLength(1);
  });

  it('pinning: at least one host CPU per vCPU', () => {
    expect(CpuPinning.parse({ vcpus: [{ vcpu: 0, cpus: [1] }] })).toEqual({ vcpus: [{ vcpu: 0, cpus: [1] }] });
    expect(issues(CpuPinning.safeParse({ vcpus: [{ vcpu: 0, cpus: [] }] }))).toEqual(['vcpus.0.cpus: Pick at least one host CPU']);
    expect(CpuPinning.safeParse({ emulator: [QOS_LIMITS.cpus] }).success).toBe(false);
  });
});

describe('QoS values from libvirt', () => {
  it('impact flags per scope', () => {
    expect([scopeFlags('live'), scopeFlags('config'), scopeFlags('both')]).toEqual([1, 2, 3]);
  });

  it('reads blkdeviotune, domiftune and schedinfo records', () => {
    expect(diskTuneOf({ total_bytes_sec: 0, read_bytes_sec: 1048576, total_iops_sec: 200, group_name: '', size_iops_sec: 0 })).toEqual({
      ...zeroDisk,
      read_bytes_sec: 1048576,
      total_iops_sec: 200,
    });
    const nic = nicBandwidthOf({
      'inbound.average': 1000,
      'inbound.peak': 2000,
      'inbound.burst': 512,
      'inbound.floor': 0,
      'outbound.average': 500,
    });
    expect(nic).toEqual({ inbound: { average: 1000, peak: 2000, burst: 512 }, outbound: { average: 500, peak: 0, burst: 0 } });
    expect(nicParams(nic)).toEqual({
      'inbound.average': 1000,
      'inbound.peak': 2000,
      'inbound.burst': 512,
      'outbound.average': 500,
      'outbound.peak': 0,
      'outbound.burst': 0,
    });
    expect(cpuTuneOf({ cpu_shares: 1024, vcpu_period: 100000, vcpu_quota: -1, emulator_period: 100000 })).toEqual({
      shares: 1024,
      period: 100000,
      quota: -1,
      unset: [],
    });
    // A definition without <cputune> values reports zeros: the host's defaults apply.
    expect(cpuTuneOf({ cpu_shares: 0, vcpu_period: 0, vcpu_quota: 0 })).toEqual({
      shares: 1024,
      period: 100000,
      quota: -1,
      unset: ['shares', 'period', 'quota'],
    });
    // cgroup v2 reports "max" as libvirt's largest quota.
    expect(normalQuota(QOS_LIMITS.quotaMax)).toBe(-1);
    expect(normalQuota(-5)).toBe(-1);
    expect(normalQuota(50_000)).toBe(50_000);
  });

  it('host CPU lists and topology from the capabilities', () => {
    expect(parseCpuList('0-3,6,8-9')).toEqual([0, 1, 2, 3, 6, 8, 9]);
    expect(parseCpuList('1,1,0')).toEqual([0, 1]);
    expect(parseCpuList('')).toEqual([]);
    const caps = `<capabilities><host><cpu><arch>x86_64</arch><model>Broadwell</model><topology sockets='1' dies='1' cores='2' threads='2'/></cpu>
      <topology><cells num='1'><cell id='0'><cpus num='4'>
        <cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0,2'/><cpu id='1' socket_id='0' die_id='0' core_id='1' siblings='1,3'/>
        <cpu id='2' socket_id='0' die_id='0' core_id='0' siblings='0,2'/><cpu id='3' socket_id='0' die_id='0' core_id='1' siblings='1,3'/>
      </cpus></cell></cells></topology></host></capabilities>`;
    const t = hostTopologyOf({ model: 'x86_64', memoryKiB: 1, cpus: 4, mhz: 2600, nodes: 1, sockets: 1, cores: 2, threads: 2 }, caps);
    expect(t).toMatchObject({ arch: 'x86_64', model: 'Broadwell', cpus: 4, sockets: 1, cores: 2, threads: 2 });
    expect(t.list).toEqual([
      { id: 0, node: 0, socket: 0, core: 0, siblings: [0, 2] },
      { id: 1, node: 0, socket: 0, core: 1, siblings: [1, 3] },
      { id: 2, node: 0, socket: 0, core: 0, siblings: [0, 2] },
      { id: 3, node: 0, socket: 0, core: 1, siblings: [1, 3] },
    ]);
  });

  it('differences: what libvirt reports unlike what was asked, per side changed', () => {
    expect(differences(['live'], { shares: 512, quota: -1 }, { live: { shares: 512, quota: -1 } })).toEqual([]);
    expect(differences(['live', 'config'], { shares: 1 }, { live: { shares: 2 }, config: { shares: 1 } })).toEqual([
      { scope: 'live', field: 'shares', requested: 1, reported: 2 },
    ]);
    expect(differences(['config'], { 'vcpu 0': [1, 0] }, { config: { 'vcpu 0': [0, 1] } })).toEqual([]);
    expect(differences(['live'], { 'vcpu 0': [1] }, { live: { 'vcpu 0': [0, 1] } })).toEqual([
      { scope: 'live', field: 'vcpu 0', requested: [1], reported: [0, 1] },
    ]);
    expect(differences(['config'], { total_iops_sec: 5 }, {})).toEqual([
      { scope: 'config', field: 'total_iops_sec', requested: 5, reported: null },
    ]);
  });

  it('recognises the lab kernel’s tc failure', () => {
    expect(
      isTrafficControlError(
        'internal error: Child process (tc qdisc add dev vnet5 parent 1:1 handle 2: sfq perturb 10) unexpected exit status 2: Error: Specified qdisc kind is unknown.',
      ),
    ).toBe(true);
    expect(isTrafficControlError("invalid argument: 'vnet0' is not a known interface")).toBe(false);
  });

  it('refuses a scope the VM cannot take', () => {
    expect(() => checkScope('vm', { running: false, persistent: true }, 'live')).toThrow(/not running/);
    expect(() => checkScope('vm', { running: false, persistent: true }, 'both')).toThrow(/not running/);
    expect(() => checkScope('vm', { running: true, persistent: false }, 'config')).toThrow(/transient/);
    expect(() => checkScope('vm', { running: true, persistent: true }, 'both')).not.toThrow();
    expect(() => checkScope('vm', { running: false, persistent: true }, 'config')).not.toThrow();
  });
});
