/**
 * What THIS machine offers, read from /sys: the lab's hosts are namespaces of it (one kernel), so
 * the CPU topology libvirt reports for them and the huge page sizes they offer are the machine's.
 * Tests derive their expected values from here instead of writing down one machine's numbers
 * (a CI runner with 4 CPUs, two sockets, SMT or only 2 MiB pages gets the same tests).
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpuList } from '../../renderer/features/tuning/cpuList';

const CPU = '/sys/devices/system/cpu';
const NODE = '/sys/devices/system/node';
const HUGE = '/sys/kernel/mm/hugepages';
const read = (p: string) => readFileSync(p, 'utf8').trim();

/** "0-3,6" → [0,1,2,3,6] (the kernel's CPU list syntax). */
export function parseList(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(',').filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || !Number.isInteger(a)) continue;
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}

export interface MachineCpu {
  id: number;
  node: number;
  socket: number;
  core: number;
  siblings: number[];
}

export interface MachineTopology {
  /** Online CPUs (libvirt's nodeinfo cpus). */
  cpus: number;
  /** Distinct (NUMA cell, socket) pairs: what the Tuning tab counts as sockets. */
  sockets: number;
  /** Cores per socket and threads per core as libvirt's nodeinfo gives them (with its fallback). */
  cores: number;
  threads: number;
  /** NUMA cells holding CPUs. */
  nodes: number;
  list: MachineCpu[];
  /** Each core's CPUs (thread siblings), in libvirt's list syntax: "0", "0,4", "2-3". */
  coreGroups: string[];
}

/** The online CPUs with their package, core, siblings and NUMA cell. */
export function machineTopology(): MachineTopology {
  const online = parseList(read(`${CPU}/online`));
  const nodeOf = new Map<number, number>();
  if (existsSync(NODE))
    for (const d of readdirSync(NODE).filter((n) => /^node\d+$/.test(n)))
      for (const c of parseList(read(`${NODE}/${d}/cpulist`))) nodeOf.set(c, Number(d.slice(4)));
  const list = online.map((id) => {
    const t = `${CPU}/cpu${id}/topology`;
    return {
      id,
      node: nodeOf.get(id) ?? 0,
      socket: Number(read(`${t}/physical_package_id`)),
      core: Number(read(`${t}/core_id`)),
      siblings: parseList(read(`${t}/thread_siblings_list`)),
    };
  });
  const sockets = new Set(list.map((c) => `${c.node}:${c.socket}`));
  const nodes = new Set(list.map((c) => c.node)).size;
  let cores = Math.max(...[...sockets].map((s) => new Set(list.filter((c) => `${c.node}:${c.socket}` === s).map((c) => c.core)).size));
  let threads = Math.max(...list.map((c) => c.siblings.length));
  // libvirt's nodeinfo falls back to 1 × cpus × 1 when the product does not give the CPU count.
  const socketsPerNode = Math.max(
    ...[...new Set(list.map((c) => c.node))].map((n) => new Set(list.filter((c) => c.node === n).map((c) => c.socket)).size),
  );
  if (nodes * socketsPerNode * cores * threads !== online.length) {
    cores = online.length;
    threads = 1;
  }
  const coreGroups = [...new Set(list.map((c) => cpuList(c.siblings)))];
  return { cpus: online.length, sockets: sockets.size, cores, threads, nodes, list, coreGroups };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The Tuning tab's topology line without the model: "1 socket × 2 cores × 1 thread · 2 CPUs · 1 NUMA cell". */
export function topologySummary(t: MachineTopology): string {
  return `${plural(t.sockets, 'socket')} × ${plural(t.cores, 'core')} × ${plural(t.threads, 'thread')} · ${plural(t.cpus, 'CPU')} · ${plural(t.nodes, 'NUMA cell')}`;
}

/** The huge page sizes the kernel offers (KiB, ascending), from /sys/kernel/mm/hugepages/hugepages-<n>kB. */
export function machineHugePageSizesKiB(): number[] {
  if (!existsSync(HUGE)) return [];
  return readdirSync(HUGE)
    .map((d) => /^hugepages-(\d+)kB$/.exec(d)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** nr_hugepages of one size. */
export const hugePoolPath = (sizeKiB: number) => `${HUGE}/hugepages-${sizeKiB}kB/nr_hugepages`;

/** The base page size in bytes (getconf PAGESIZE). */
export function machinePageSize(): number {
  return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
}
