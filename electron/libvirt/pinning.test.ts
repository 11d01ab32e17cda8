// CPU pinning on the wire, with values that tell every argument apart (vCPU number, cpumap,
// flags, map length): a swap of two arguments shows as a different byte layout. The property
// tests decode what the wrapper wrote, field by field, for arbitrary inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RpcClient } from './client';
import {
  cpumapFromCpus,
  cpumapLen,
  cpusFromCpumap,
  domainGetEmulatorPinInfo,
  domainGetVcpuPinInfo,
  domainPinEmulator,
  domainPinVcpu,
} from './domain';
import { Proc, readDomain, writeDomain } from './protocol';
import { XdrReader, XdrWriter } from './xdr';

const dom = { name: 'tiny', uuid: '0123abcd-4567-89ef-0011-223344556677', id: 3 };
const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};
const domBytes = enc((w) => writeDomain(w, dom));

/** A fake RpcClient: records each call's procedure and encoded arguments, answers `reply`. */
function fakeRpc(reply: Buffer = Buffer.alloc(0)) {
  const calls: { proc: number; args: Buffer }[] = [];
  const rpc = {
    async call(proc: number, e: ((w: XdrWriter) => void) | null, d: ((r: XdrReader) => unknown) | null) {
      calls.push({ proc, args: enc((w) => e?.(w)) });
      if (!d) return undefined;
      const r = new XdrReader(reply);
      const v = d(r);
      expect(r.remaining, 'reply fully decoded').toBe(0);
      return v;
    },
  };
  return { rpc: rpc as unknown as RpcClient, calls };
}

describe('vCPU pinning', () => {
  it('pin: domain, vCPU number, cpumap, flags — in that order', async () => {
    const { rpc, calls } = fakeRpc();
    await domainPinVcpu(rpc, dom, { vcpu: 3, cpus: [0, 9], flags: 2 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.proc).toBe(Proc.DOMAIN_PIN_VCPU_FLAGS);
    expect(calls[0]?.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) =>
          w
            .uint(3)
            .opaque(Buffer.from([0x01, 0x02]))
            .uint(2),
        ),
      ]),
    );
  });

  it('pin without flags sends 0; vCPU 0 is a real vCPU', async () => {
    const { rpc, calls } = fakeRpc();
    await domainPinVcpu(rpc, dom, { vcpu: 0, cpus: [7] });
    expect(calls[0]?.args).toEqual(
      Buffer.concat([
        domBytes,
        enc((w) =>
          w
            .uint(0)
            .opaque(Buffer.from([0x80]))
            .uint(0),
        ),
      ]),
    );
  });

  it('property: what pin writes decodes back to the same vCPU, CPUs and flags', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(511), fc.uniqueArray(fc.nat(255), { minLength: 1, maxLength: 16 }), fc.nat(7), async (vcpu, cpus, flags) => {
        const { rpc, calls } = fakeRpc();
        await domainPinVcpu(rpc, dom, { vcpu, cpus, flags });
        const r = new XdrReader(calls[0]?.args ?? Buffer.alloc(0));
        expect(readDomain(r)).toEqual(dom);
        expect(r.uint()).toBe(vcpu);
        const map = r.opaque(1024);
        expect(map.length).toBe((Math.max(...cpus) >> 3) + 1);
        expect(cpusFromCpumap(map)).toEqual([...cpus].sort((a, b) => a - b));
        expect(r.uint()).toBe(flags);
        expect(r.remaining).toBe(0);
      }),
    );
  });

  it('pin info: asks for N vCPUs with the map length of the host, reads one map per vCPU', async () => {
    // 2 vCPUs on a 20-CPU host: maplen 3, so vcpus (2), maplen (3) and flags (1) differ.
    const reply = enc((w) => w.opaque(Buffer.from([0x01, 0x00, 0x08, 0x00, 0x02, 0x00])).int(2));
    const { rpc, calls } = fakeRpc(reply);
    expect(await domainGetVcpuPinInfo(rpc, dom, { vcpus: 2, hostCpus: 20, flags: 1 })).toEqual([[0, 19], [9]]);
    expect(calls[0]?.proc).toBe(Proc.DOMAIN_GET_VCPU_PIN_INFO);
    expect(calls[0]?.args).toEqual(Buffer.concat([domBytes, enc((w) => w.int(2).int(3).uint(1))]));
  });

  it('pin info: trusts neither a count beyond the maps nor maps beyond the count', async () => {
    const maps = Buffer.from([0x01, 0x00, 0x02, 0x00]); // two 2-byte maps
    const more = fakeRpc(enc((w) => w.opaque(maps).int(3)));
    expect(await domainGetVcpuPinInfo(more.rpc, dom, { vcpus: 3, hostCpus: 16 })).toEqual([[0], [1]]);
    const fewer = fakeRpc(enc((w) => w.opaque(maps).int(1)));
    expect(await domainGetVcpuPinInfo(fewer.rpc, dom, { vcpus: 3, hostCpus: 16 })).toEqual([[0]]);
    const none = fakeRpc(enc((w) => w.opaque(maps).int(0)));
    expect(await domainGetVcpuPinInfo(none.rpc, dom, { vcpus: 3, hostCpus: 16 })).toEqual([]);
  });

  it('emulator pin and pin info', async () => {
    const pin = fakeRpc();
    await domainPinEmulator(pin.rpc, dom, { cpus: [1, 10], flags: 3 });
    expect(pin.calls[0]?.proc).toBe(Proc.DOMAIN_PIN_EMULATOR);
    expect(pin.calls[0]?.args).toEqual(Buffer.concat([domBytes, enc((w) => w.opaque(Buffer.from([0x02, 0x04])).uint(3))]));
    const info = fakeRpc(enc((w) => w.opaque(Buffer.from([0x00, 0x00, 0x10])).int(1)));
    expect(await domainGetEmulatorPinInfo(info.rpc, dom, { hostCpus: 20, flags: 2 })).toEqual([20]);
    expect(info.calls[0]?.proc).toBe(Proc.DOMAIN_GET_EMULATOR_PIN_INFO);
  });
});

describe('cpumaps', () => {
  it('map length: one byte per 8 host CPUs, at least one', () => {
    expect([0, 1, 8, 9, 16, 17, 20, 64, 65].map(cpumapLen)).toEqual([1, 1, 1, 2, 2, 3, 3, 8, 9]);
  });

  it('bits: CPU n is bit n%8 of byte n/8', () => {
    expect([...cpumapFromCpus([0])]).toEqual([0x01]);
    expect([...cpumapFromCpus([7])]).toEqual([0x80]);
    expect([...cpumapFromCpus([8])]).toEqual([0x00, 0x01]);
    expect([...cpumapFromCpus([1, 3, 15])]).toEqual([0x0a, 0x80]);
    expect([...cpumapFromCpus([2], 3)]).toEqual([0x04, 0x00, 0x00]);
    expect([...cpumapFromCpus([])]).toEqual([0x00]);
    expect([...cpumapFromCpus([3, 3])]).toEqual([0x08]);
  });

  it('refuses CPUs that do not fit or are not CPU numbers', () => {
    expect(() => cpumapFromCpus([16], 2)).toThrow(new RangeError('CPU 16 outside a 2-byte cpumap'));
    expect(() => cpumapFromCpus([-1])).toThrow(RangeError);
    expect(() => cpumapFromCpus([1.5])).toThrow(RangeError);
    expect([...cpumapFromCpus([15], 2)]).toEqual([0x00, 0x80]);
  });

  it('property: map → CPUs → map is the identity on sorted unique CPU lists', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1023)), (cpus) => {
        const sorted = [...cpus].sort((a, b) => a - b);
        const map = cpumapFromCpus(cpus);
        expect(cpusFromCpumap(map)).toEqual(sorted);
        expect(map.length).toBe(Math.max(1, ((sorted.at(-1) ?? 0) >> 3) + 1));
      }),
    );
  });
});
