// The stats service fed real consecutive bulk stats readings from the lab
// (fixtures/domstats-lab.json, made with e2e/lab/capture-stats.ts), through a fake RpcClient that
// encodes them as the daemon did and a clock that reads what Date.now() read during the capture.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Events } from '../../shared/api';
import { EventHub } from '../core/events';
import type { RpcClient } from '../libvirt/client';
import { type TypedParam, writeTypedParams } from '../libvirt/params';
import { Proc, writeDomain } from '../libvirt/protocol';
import { XdrReader, XdrWriter } from '../libvirt/xdr';
import type { HostManager } from './hosts';
import { StatsService } from './stats';
import { intervalMs } from './stats-figures';

interface Reading {
  sentAt: number;
  repliedAt: number;
  records: { name: string; uuid: string; stats: Record<string, number> }[];
}
interface Fixture {
  hostCpus: number;
  destroy: { guest: string; readings: Reading[] };
  steady: { guest: string; readings: Reading[] };
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/domstats-lab.json', import.meta.url), 'utf8')) as Fixture;

/** The wire type libvirt gives each field (int for state, uint for vCPU counts, ullong for the rest). */
function param(field: string, value: number): TypedParam {
  if (field.startsWith('state.') || /^vcpu\.\d+\.state$/.test(field)) return { field, type: 'int', value };
  if (field === 'vcpu.current' || field === 'vcpu.maximum') return { field, type: 'uint', value };
  return { field, type: 'ullong', value: BigInt(value) };
}

function encodeReading(r: Reading): Buffer {
  const w = new XdrWriter();
  w.array(r.records, (x, rec) => {
    writeDomain(x, { name: rec.name, uuid: rec.uuid, id: 1 });
    writeTypedParams(
      x,
      Object.entries(rec.stats).map(([k, v]) => param(k, v)),
    );
  });
  return w.finish();
}

function encodeNodeInfo(cpus: number): Buffer {
  const w = new XdrWriter();
  for (let i = 0; i < 32; i++) w.int(i < 6 ? 'x86_64'.charCodeAt(i) : 0);
  w.uhyper(24_000_000).int(cpus).int(2400).int(1).int(1).int(cpus).int(1);
  return w.finish();
}

/** A host whose daemon answers with the captured readings, one per stats call, in order. */
function labHost(readings: Reading[], hostCpus: number) {
  let now = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  const queue = [...readings];
  const rpc = {
    async call(proc: number, _e: unknown, decode: ((r: XdrReader) => unknown) | null) {
      if (proc === Proc.NODE_GET_INFO) return decode?.(new XdrReader(encodeNodeInfo(hostCpus)));
      if (proc !== Proc.CONNECT_GET_ALL_DOMAIN_STATS) throw new Error(`unexpected proc ${proc}`);
      const r = queue.shift();
      if (!r) throw new Error('no reading left');
      now = r.repliedAt; // the reply comes when it came in the lab
      return decode?.(new XdrReader(encodeReading(r)));
    },
  } as unknown as RpcClient;
  const hosts = {
    connection: () => ({ rpc }),
    connectedIds: () => ['h'],
    name: () => 'lab-a',
  } as unknown as HostManager;
  const events = new EventHub();
  const emitted: Events['domain.stats'][] = [];
  events.on('domain.stats', (e) => emitted.push(e));
  const stats = new StatsService(hosts, events);
  /** Takes the next reading as the service would: the request leaves at its sentAt. */
  const next = async () => {
    now = queue[0]!.sentAt;
    return stats.sample('h');
  };
  return { next, emitted };
}

const uuidOf = (f: { guest: string; readings: Reading[] }) => f.readings[0]!.records.find((r) => r.name === f.guest)!.uuid;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CPU figures from real lab readings', () => {
  it('a guest read while it is destroyed (listed with libvirtd’s own CPU time) gets no figure, not 225 %', async () => {
    const { destroy, hostCpus } = fixture;
    const guest = uuidOf(destroy);
    // The facts the fixture stands for: state shutoff and a counter in 10 ms ticks, far above the guest's.
    const stop = destroy.readings[1]!.records.find((r) => r.uuid === guest)!.stats;
    expect(stop['state.state']).toBe(5);
    expect(stop['cpu.time']! % 10_000_000).toBe(0);
    expect(stop['cpu.time']!).toBeGreaterThan(destroy.readings[0]!.records.find((r) => r.uuid === guest)!.stats['cpu.time']! * 10);

    const host = labHost(destroy.readings, hostCpus);
    await host.next();
    const after = await host.next();
    const s = after.find((x) => x.uuid === guest)!;
    // The old figure: (5.98 s − 0.47 s) / 2.45 s = 225 % "of one host CPU" for a 1-vCPU guest on 2 CPUs.
    expect(s.cpuPercent).toBe(0);
    expect(s.hostCpuPercent).toBe(0);
    // The other guests in the same readings are idle and stay so.
    for (const o of after.filter((x) => x.uuid !== guest)) {
      expect(o.cpuPercent).toBeGreaterThan(0);
      expect(o.cpuPercent).toBeLessThan(2);
      expect(o.hostCpuPercent).toBeCloseTo(o.cpuPercent / hostCpus, 6);
    }
  });

  it('steady readings give the share of the guest’s vCPUs and, apart, of the host’s CPUs', async () => {
    const { steady, hostCpus } = fixture;
    const guest = uuidOf(steady);
    const host = labHost(steady.readings, hostCpus);
    const out = [];
    for (const _ of steady.readings) out.push((await host.next()).find((x) => x.uuid === guest)!);
    expect(out[0]!.cpuPercent).toBe(0); // one reading: no rate yet
    for (let i = 1; i < out.length; i++) {
      const [a, b] = [steady.readings[i - 1]!, steady.readings[i]!];
      const cpu = (r: Reading) => r.records.find((x) => x.uuid === guest)!.stats['cpu.time']!;
      const vcpus = b.records.find((x) => x.uuid === guest)!.stats['vcpu.current']!;
      const expected = ((cpu(b) - cpu(a)) / (intervalMs(a, b) * 1e6)) * 100;
      expect(out[i]!.cpuPercent).toBeCloseTo(expected / vcpus, 6);
      expect(out[i]!.hostCpuPercent).toBeCloseTo(expected / hostCpus, 6);
      // A booting 1-vCPU guest: busy, but within its one vCPU.
      expect(out[i]!.cpuPercent).toBeGreaterThan(40);
      expect(out[i]!.cpuPercent).toBeLessThanOrEqual(100);
    }
    expect(host.emitted).toHaveLength(steady.readings.length);
  });
});
