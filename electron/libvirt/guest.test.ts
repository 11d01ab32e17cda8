import { describe, expect, it } from 'vitest';
import type { RpcClient } from './client';
import * as P from './gen/remote_protocol.gen';
import { AddressSource, domainGetGuestInfo, domainInterfaceAddresses, domainSetTime, SetTimeFlags } from './guest';
import { writeTypedParams } from './params';
import { XdrReader, XdrWriter } from './xdr';

const dom = { name: 'tiny', uuid: '0123abcd-4567-89ef-0011-223344556677', id: 3 };
const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};

/** One reply per proc; records what was sent. */
function fakeRpc(replies: Record<number, Buffer>) {
  const calls: { proc: number; args: Buffer }[] = [];
  const rpc = {
    async call(proc: number, e: ((w: XdrWriter) => void) | null, d: ((r: XdrReader) => unknown) | null) {
      calls.push({ proc, args: enc((w) => e?.(w)) });
      const payload = replies[proc];
      if (!payload) throw new Error(`no reply for proc ${proc}`);
      if (!d) return undefined;
      const r = new XdrReader(payload);
      const v = d(r);
      expect(r.remaining).toBe(0);
      return v;
    },
  };
  return { rpc: rpc as unknown as RpcClient, calls };
}

describe('guest calls', () => {
  it('interface addresses: the source in the args, MACs lower-cased, addresses as sent', async () => {
    const reply = enc((w) =>
      P.writeRemoteDomainInterfaceAddressesRet(w, {
        ifaces: [{ name: 'eth0', hwaddr: '52:54:00:AA:00:01', addrs: [{ type: 0, addr: '10.203.120.101', prefix: 24 }] }],
      }),
    );
    const { rpc, calls } = fakeRpc({ [P.DOMAIN_INTERFACE_ADDRESSES.proc]: reply });
    const r = await domainInterfaceAddresses(rpc, dom, { source: AddressSource.AGENT });
    expect(r).toEqual([{ name: 'eth0', mac: '52:54:00:aa:00:01', addrs: [{ type: 0, addr: '10.203.120.101', prefix: 24 }] }]);
    expect(calls[0]?.args).toEqual(enc((w) => P.writeRemoteDomainInterfaceAddressesArgs(w, { dom, source: 1, flags: 0 })));
  });

  it("guest info: every type (0) unless asked, libvirt's keys as a record", async () => {
    const reply = enc((w) =>
      writeTypedParams(w, [
        { field: 'hostname', type: 'string', value: 'tinyguest' },
        { field: 'fs.count', type: 'uint', value: 0 },
      ]),
    );
    const { rpc, calls } = fakeRpc({ [P.DOMAIN_GET_GUEST_INFO.proc]: reply });
    expect(await domainGetGuestInfo(rpc, dom)).toEqual({ hostname: 'tinyguest', 'fs.count': 0 });
    expect(calls[0]?.args).toEqual(enc((w) => P.writeRemoteDomainGetGuestInfoArgs(w, { dom, types: 0, flags: 0 })));
  });

  it('set time: SYNC from the RTC, or a given time with flags 0', async () => {
    const { rpc, calls } = fakeRpc({ [P.DOMAIN_SET_TIME.proc]: Buffer.alloc(0) });
    await domainSetTime(rpc, dom, { sync: true });
    await domainSetTime(rpc, dom, { seconds: 1_700_000_000, nseconds: 5 });
    expect(calls[0]?.args).toEqual(
      enc((w) => P.writeRemoteDomainSetTimeArgs(w, { dom, seconds: 0, nseconds: 0, flags: SetTimeFlags.SYNC })),
    );
    expect(calls[1]?.args).toEqual(enc((w) => P.writeRemoteDomainSetTimeArgs(w, { dom, seconds: 1_700_000_000, nseconds: 5, flags: 0 })));
  });
});
