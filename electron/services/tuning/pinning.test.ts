// The pinning suggestion (seed 003: a VM's vCPUs within one core, else one socket) on the lab's own
// host (1 socket × 2 cores × 1 thread, its capabilities captured from lab host A), a captured
// 2-socket Cascade Lake host (2 × 24 cores × 2 threads, two NUMA cells) and a 1-socket
// hyperthreaded host.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NodeInfo } from '../../libvirt/host';
import { hostTopologyOf } from '../qos';
import { cpuGroups, type PinVm, suggestPinning } from './pinning';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const node = (cpus: number, sockets: number, cores: number, threads: number, nodes = 1): NodeInfo => ({
  model: 'x86_64',
  memoryKiB: 1,
  cpus,
  mhz: 2000,
  nodes,
  sockets,
  cores,
  threads,
});

const LAB = hostTopologyOf(node(2, 1, 2, 1), fixture('caps-lab.xml'));
const XEON = hostTopologyOf(node(96, 1, 24, 2, 2), fixture('caps-2socket-cascadelake.xml'));
const HT = hostTopologyOf(
  node(4, 1, 2, 2),
  `<capabilities><host><topology><cells num='1'><cell id='0'><cpus num='4'>
    <cpu id='0' socket_id='0' core_id='0' siblings='0,2'/><cpu id='1' socket_id='0' core_id='1' siblings='1,3'/>
    <cpu id='2' socket_id='0' core_id='0' siblings='0,2'/><cpu id='3' socket_id='0' core_id='1' siblings='1,3'/>
  </cpus></cell></cells></topology></host></capabilities>`,
);

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const vm = (name: string, vcpus: number, pins?: number[][], hostCpus = 2): PinVm => ({
  uuid: `uuid-${name}`,
  name,
  vcpus,
  pins: pins ?? Array.from({ length: vcpus }, () => range(0, hostCpus - 1)),
});

describe('cpu groups', () => {
  it('the lab host: two single-thread cores in one socket', () => {
    expect(LAB.list.map((c) => [c.id, c.socket, c.core])).toEqual([
      [0, 0, 0],
      [1, 0, 1],
    ]);
    expect(cpuGroups(LAB)).toEqual({
      cores: [
        { level: 'core', place: 'core 0 of socket 0', cpus: [0] },
        { level: 'core', place: 'core 1 of socket 0', cpus: [1] },
      ],
      sockets: [{ level: 'socket', place: 'socket 0', cpus: [0, 1] }],
    });
  });

  it('the 2-socket host: 48 cores of two threads (core ids with gaps), two sockets of 48 CPUs named with their NUMA cell', () => {
    const g = cpuGroups(XEON);
    expect(g.cores).toHaveLength(48);
    expect(g.cores.every((c) => c.cpus.length === 2)).toBe(true);
    expect(g.cores[7]).toEqual({ level: 'core', place: 'core 9 of socket 0 (NUMA cell 0)', cpus: [7, 55] });
    expect(g.cores[31]).toEqual({ level: 'core', place: 'core 8 of socket 1 (NUMA cell 1)', cpus: [31, 79] });
    expect(g.sockets).toEqual([
      { level: 'socket', place: 'socket 0 (NUMA cell 0)', cpus: [...range(0, 23), ...range(48, 71)] },
      { level: 'socket', place: 'socket 1 (NUMA cell 1)', cpus: [...range(24, 47), ...range(72, 95)] },
    ]);
  });
});

describe('pinning suggestion', () => {
  it('lab host: one vCPU on one core, the next VM on the other core, two vCPUs on the socket, three none', () => {
    const s = suggestPinning(LAB, [vm('b', 1), vm('a', 1), vm('c', 2), vm('d', 3)]);
    // Biggest first: c takes the socket (both CPUs), then a and b share the load evenly.
    expect(s.get('uuid-c')).toMatchObject({ level: 'socket', place: 'socket 0', cpus: [0, 1], applied: true });
    expect(s.get('uuid-a')).toMatchObject({ level: 'core', place: 'core 0 of socket 0', cpus: [0], applied: false });
    expect(s.get('uuid-a')?.pinning).toEqual([{ vcpu: 0, cpus: [0] }]);
    expect(s.get('uuid-b')).toMatchObject({ level: 'core', place: 'core 1 of socket 0', cpus: [1] });
    expect(s.get('uuid-d')).toMatchObject({ level: 'none', cpus: [], pinning: [] });
    expect(s.get('uuid-d')?.reason).toBe(
      "3 vCPUs are more than one socket has (2 CPUs): pinning cannot keep them together, so leave them to the host's scheduler.",
    );
    expect(s.get('uuid-c')?.reason).toBe(
      "2 vCPUs are more than one core has (1 thread); one socket's cores share its L3 cache. It runs there already.",
    );
  });

  it('a VM already pinned to a core that fits keeps it (applying and reading again shows "applied")', () => {
    const s = suggestPinning(LAB, [vm('a', 1, [[1]]), vm('b', 1)]);
    expect(s.get('uuid-a')).toMatchObject({ cpus: [1], applied: true });
    expect(s.get('uuid-a')?.reason).toBe('1 vCPU fit the 1 thread of one core, which share its caches. It runs there already.');
    expect(s.get('uuid-b')).toMatchObject({ cpus: [0], applied: false });
    // Pinned across cores: not a group, so a new place is suggested.
    expect(suggestPinning(HT, [vm('x', 2, [[0], [1]], 4)]).get('uuid-x')).toMatchObject({ level: 'core', cpus: [0, 2], applied: false });
  });

  it('seed 003 on the 2-socket host: 2 vCPUs on one core, 3–48 on one socket, more than a socket none', () => {
    const vms = [vm('two', 2, undefined, 96), vm('six', 6, undefined, 96), vm('eight', 8, undefined, 96), vm('all', 97, undefined, 96)];
    const s = suggestPinning(XEON, vms);
    // eight first (the biggest that fits): socket 0; six: the emptier socket 1; two: a core of the least loaded socket (1).
    expect(s.get('uuid-eight')).toMatchObject({ level: 'socket', place: 'socket 0 (NUMA cell 0)' });
    expect(s.get('uuid-six')).toMatchObject({ level: 'socket', place: 'socket 1 (NUMA cell 1)' });
    expect(s.get('uuid-six')?.pinning).toHaveLength(6);
    expect(s.get('uuid-six')?.pinning.every((p) => p.cpus.length === 48 && p.cpus.every((c) => (c >= 24 && c < 48) || c >= 72))).toBe(true);
    expect(s.get('uuid-two')).toMatchObject({ level: 'core', cpus: [24, 72], place: 'core 0 of socket 1 (NUMA cell 1)' });
    expect(s.get('uuid-two')?.reason).toBe(
      '2 vCPUs fit the 2 threads of one core, which share its caches. The least loaded one that fits.',
    );
    expect(s.get('uuid-all')).toMatchObject({ level: 'none' });
    expect(s.get('uuid-all')?.reason).toContain('97 vCPUs are more than one socket has (48 CPUs)');
  });

  it('spreads equal VMs over the sockets and then over the cores', () => {
    const vms = Array.from({ length: 4 }, (_, i) => vm(`v${i}`, 12, undefined, 96));
    const s = suggestPinning(XEON, vms);
    expect(vms.map((v) => s.get(v.uuid)?.place)).toEqual([
      'socket 0 (NUMA cell 0)',
      'socket 1 (NUMA cell 1)',
      'socket 0 (NUMA cell 0)',
      'socket 1 (NUMA cell 1)',
    ]);
    const cores = Array.from({ length: 3 }, (_, i) => vm(`c${i}`, 2, undefined, 96));
    const c = suggestPinning(XEON, cores);
    // Equal cores: the one in the emptier socket.
    expect(cores.map((v) => c.get(v.uuid)?.cpus)).toEqual([
      [0, 48],
      [24, 72],
      [1, 49],
    ]);
  });

  it('a hyperthreaded host: 2 vCPUs on the two threads of a core, in the order of the seed', () => {
    const s = suggestPinning(HT, [vm('a', 2, undefined, 4), vm('b', 2, undefined, 4), vm('c', 4, undefined, 4)]);
    expect(s.get('uuid-c')).toMatchObject({ level: 'socket', cpus: [0, 1, 2, 3], applied: true });
    expect(s.get('uuid-a')).toMatchObject({ level: 'core', cpus: [0, 2] });
    expect(s.get('uuid-b')).toMatchObject({ level: 'core', cpus: [1, 3] });
  });

  it('no topology, no vCPUs: no suggestion, said why', () => {
    const bare = { ...LAB, list: [] };
    expect(suggestPinning(bare, [vm('a', 1)]).get('uuid-a')).toMatchObject({
      level: 'none',
      reason: 'The host does not describe its CPU topology, so there is nothing to keep the vCPUs within.',
    });
    expect(suggestPinning(LAB, [vm('z', 0)]).get('uuid-z')).toMatchObject({ level: 'none', reason: 'The VM has no vCPUs to pin.' });
  });
});
