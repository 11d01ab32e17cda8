// host.ts against libvirtd on lab host A, compared with virsh on the same host.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatVersion,
  hostCompareCpu,
  hostCompareHypervisorCpu,
  hostGetCapabilities,
  hostGetDomainCapabilities,
  hostGetFreeMemory,
  hostGetHostname,
  hostGetHypervisorVersion,
  hostGetLibVersion,
  hostGetNodeInfo,
  hostSupportsFeature,
} from './host';
import { type OpenHost, openHost, parseColon, virsh, virshStatus } from './lab-fixture';
import { CpuCompareResult, DrvFeature } from './protocol';

let A: OpenHost;
let dir: string;
beforeAll(async () => {
  A = await openHost('A');
  dir = mkdtempSync(join(tmpdir(), 't-proto-host-')); // /tmp is shared with the lab hosts
});
afterAll(async () => {
  await A?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('host A', () => {
  it('hostname', async () => {
    expect(await hostGetHostname(A.rpc)).toBe((await virsh('A', ['hostname'])).trim());
  });

  it('capabilities XML is what virsh capabilities prints', async () => {
    const xml = await hostGetCapabilities(A.rpc);
    expect(xml).toContain('<capabilities>');
    expect(xml.trim()).toBe((await virsh('A', ['capabilities'])).trim());
  });

  it('node info matches virsh nodeinfo', async () => {
    const n = await hostGetNodeInfo(A.rpc);
    const v = parseColon(await virsh('A', ['nodeinfo']));
    expect(n.model).toBe(v['CPU model']);
    expect(n.cpus).toBe(Number(v['CPU(s)']));
    expect(`${n.mhz} MHz`).toBe(v['CPU frequency']);
    expect(n.sockets).toBe(Number(v['CPU socket(s)']));
    expect(n.cores).toBe(Number(v['Core(s) per socket']));
    expect(n.threads).toBe(Number(v['Thread(s) per core']));
    expect(n.nodes).toBe(Number(v['NUMA cell(s)']));
    expect(`${n.memoryKiB} KiB`).toBe(v['Memory size']);
  });

  it('library and hypervisor versions match virsh version', async () => {
    const v = parseColon(await virsh('A', ['version']));
    expect(`libvirt ${formatVersion(await hostGetLibVersion(A.rpc))}`).toBe(v['Using library']);
    expect(`QEMU ${formatVersion(await hostGetHypervisorVersion(A.rpc))}`).toBe(v['Running hypervisor']);
  });

  it('free memory (bytes) is close to virsh freecell --all (KiB)', async () => {
    const ours = await hostGetFreeMemory(A.rpc);
    const total = /Total:\s+(\d+) KiB/.exec(await virsh('A', ['freecell', '--all']))?.[1];
    const theirs = Number(total) * 1024;
    // Free memory moves between the two reads (other tests start guests): within 10 %.
    expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.1);
  });

  it('domain capabilities XML is what virsh domcapabilities prints', async () => {
    const xml = await hostGetDomainCapabilities(A.rpc);
    expect(xml.trim()).toBe((await virsh('A', ['domcapabilities'])).trim());
    const x86 = await hostGetDomainCapabilities(A.rpc, {
      arch: 'x86_64',
      virtType: 'qemu',
    });
    expect(x86).toContain('<arch>x86_64</arch>');
  });

  it('supports the features a migration needs', async () => {
    expect(await hostSupportsFeature(A.rpc, DrvFeature.MIGRATION_PARAMS)).toBe(true);
    expect(await hostSupportsFeature(A.rpc, DrvFeature.PROGRAM_KEEPALIVE)).toBe(true);
  });

  it('CPU compare agrees with virsh cpu-compare and hypervisor-cpu-compare', async () => {
    const caps = await hostGetCapabilities(A.rpc);
    const hostCpu = /<host>[\s\S]*?(<cpu>[\s\S]*?<\/cpu>)/.exec(caps)?.[1];
    expect(hostCpu).toBeDefined();
    const words: Record<number, string> = {
      [CpuCompareResult.INCOMPATIBLE]: 'incompatible',
      [CpuCompareResult.IDENTICAL]: 'identical',
      [CpuCompareResult.SUPERSET]: 'superset',
    };
    const hostFile = join(dir, 'host-cpu.xml');
    writeFileSync(hostFile, hostCpu!);
    const r1 = await hostCompareCpu(A.rpc, { xml: hostCpu! });
    expect(r1).toBe(CpuCompareResult.IDENTICAL);
    expect((await virshStatus('A', ['cpu-compare', hostFile])).stdout).toContain(words[r1]!);

    // What a migration pre-flight feeds it: a guest CPU model.
    const guestCpu = "<cpu mode='custom' match='exact'><model fallback='forbid'>qemu64</model></cpu>";
    const guestFile = join(dir, 'guest-cpu.xml');
    writeFileSync(guestFile, guestCpu);
    const r2 = await hostCompareHypervisorCpu(A.rpc, { xmlCpu: guestCpu });
    expect(words[r2]).toBeDefined();
    // virsh exits 1 for 'incompatible'; its sentence is what counts.
    expect((await virshStatus('A', ['hypervisor-cpu-compare', guestFile])).stdout).toContain(words[r2]!);
  });
});
