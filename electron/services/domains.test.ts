// Listing domains from a driver that reports no sizes in its bulk stats (libvirt's test driver
// returns the state group only: `virsh -c test:///… domstats --vcpu --balloon` prints names and
// nothing else), against a fake RpcClient that answers with the daemon's wire bytes.
import { describe, expect, it } from 'vitest';
import { EventHub } from '../core/events';
import type { RpcClient } from '../libvirt/client';
import { ErrorCode, LibvirtError } from '../libvirt/errors';
import { type TypedParam, writeTypedParams } from '../libvirt/params';
import { type DomainRef, Proc, readDomain, writeDomain } from '../libvirt/protocol';
import { EventRelays } from '../libvirt/relay';
import { XdrReader, XdrWriter } from '../libvirt/xdr';
import { DomainService } from './domains';
import type { HostManager } from './hosts';

const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};

const doms: DomainRef[] = [
  { name: 'bench-0001', uuid: '7e570000-0000-4000-8000-00000000a001', id: 1 },
  { name: 'bench-0002', uuid: '7e570000-0000-4000-8000-00000000a002', id: 2 },
  { name: 'gone', uuid: '7e570000-0000-4000-8000-00000000a003', id: 3 },
];
const info: Record<string, { vcpus: number; memKiB: number }> = {
  'bench-0001': { vcpus: 2, memKiB: 524_288 },
  'bench-0002': { vcpus: 1, memKiB: 131_072 },
};

/** A test-driver host: stats with the state group only; DOMAIN_GET_INFO per domain. */
function testDriverHost(statsOf: (d: DomainRef) => TypedParam[]) {
  const infoCalls: string[] = [];
  const rpc = {
    async call(proc: number, e: ((w: XdrWriter) => void) | null, d: ((r: XdrReader) => unknown) | null) {
      let reply: Buffer;
      if (proc === Proc.CONNECT_GET_ALL_DOMAIN_STATS)
        reply = enc((w) =>
          w.array(doms, (x, dom) => {
            writeDomain(x, dom);
            writeTypedParams(x, statsOf(dom));
          }),
        );
      else if (proc === Proc.CONNECT_LIST_ALL_DOMAINS) reply = enc((w) => w.array([], writeDomain).uint(0));
      else if (proc === Proc.DOMAIN_GET_INFO) {
        const dom = readDomain(new XdrReader(enc((w) => e?.(w))));
        infoCalls.push(dom.name);
        const i = info[dom.name];
        if (!i) {
          throw new LibvirtError({
            code: ErrorCode.NO_DOMAIN,
            domain: 12,
            level: 2,
            message: `Domain not found: no domain with matching name '${dom.name}'`,
            int1: -1,
            int2: -1,
          });
        }
        reply = enc((w) => w.uint(1).uhyper(i.memKiB).uhyper(i.memKiB).uint(i.vcpus).uhyper(0));
      } else throw new Error(`unexpected proc ${proc}`);
      return d?.(new XdrReader(reply));
    },
  } as unknown as RpcClient;
  const hosts = {
    on: () => hosts,
    connection: () => ({ rpc }),
    connectedIds: () => ['t'],
  } as unknown as HostManager;
  return { service: new DomainService(hosts, new EventHub(), new EventRelays()), infoCalls };
}

const stateOnly = (): TypedParam[] => [
  { field: 'state.state', type: 'int', value: 1 },
  { field: 'state.reason', type: 'int', value: 0 },
];

describe('domain list sizes', () => {
  it('domains without vCPU and balloon stats show vCPUs and memory from domain info, not 0 and 0 B', async () => {
    const { service, infoCalls } = testDriverHost(stateOnly);
    const list = await service.list('t');
    expect(list.map((d) => [d.name, d.state, d.vcpus, d.memoryKiB])).toEqual([
      ['bench-0001', 'running', 2, 524_288],
      ['bench-0002', 'running', 1, 131_072],
      // Undefined between the stats call and the info call: listed as the stats had it.
      ['gone', 'running', 0, 0],
    ]);
    expect(infoCalls.sort()).toEqual(['bench-0001', 'bench-0002', 'gone']);
  });

  it('domains with the stats (QEMU) cost no extra call', async () => {
    const { service, infoCalls } = testDriverHost(() => [
      ...stateOnly(),
      { field: 'vcpu.current', type: 'uint', value: 4 },
      { field: 'balloon.current', type: 'ullong', value: 1_048_576n },
    ]);
    const list = await service.list('t');
    expect(list.map((d) => [d.vcpus, d.memoryKiB])).toEqual([
      [4, 1_048_576],
      [4, 1_048_576],
      [4, 1_048_576],
    ]);
    expect(infoCalls).toEqual([]);
  });
});
