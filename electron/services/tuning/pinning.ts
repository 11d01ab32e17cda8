/**
 * A pinning suggestion per VM that keeps its vCPUs together (seed 003): threads of one core share
 * the L1/L2 caches, cores of one socket share the L3, so a VM whose vCPUs fit one core stays on one
 * core, else one socket; a VM larger than a socket gets no suggestion (pinning it cannot keep its
 * vCPUs together; the scheduler does better). Each vCPU is pinned to the whole group, so the
 * scheduler still balances inside it.
 *
 * Pure: the host's topology and the VMs in, one suggestion per VM out. VMs are placed biggest
 * first (then by name), each on the least loaded group that fits it; a VM already pinned to a
 * group that fits keeps it, so applying a suggestion and reading again shows it as applied.
 */
import type { HostCpu, HostCpuTopology, PinLevel, PinSuggestion } from '../../../shared/api';

export interface PinVm {
  uuid: string;
  name: string;
  vcpus: number;
  /** Per vCPU, its allowed host CPUs now (all of them when it is not pinned). */
  pins: number[][];
}

export interface CpuGroup {
  level: Exclude<PinLevel, 'none'>;
  place: string;
  cpus: number[];
}

const sorted = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);
const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The host's cores (threads that are siblings) and sockets (per NUMA cell), each with its CPU ids. */
export function cpuGroups(t: HostCpuTopology): { cores: CpuGroup[]; sockets: CpuGroup[] } {
  const cells = new Set(t.list.map((c) => c.node)).size;
  const socketName = (c: HostCpu) => `socket ${c.socket}${cells > 1 ? ` (NUMA cell ${c.node})` : ''}`;
  const cores = new Map<string, CpuGroup>();
  const sockets = new Map<string, CpuGroup>();
  const known = new Set(t.list.map((c) => c.id));
  for (const c of t.list) {
    // The kernel's thread siblings name a core exactly (core ids repeat across sockets and dies);
    // offline siblings are left out.
    const threads = sorted([c.id, ...c.siblings.filter((s) => known.has(s))]);
    const coreKey = threads.join(',');
    if (!cores.has(coreKey)) cores.set(coreKey, { level: 'core', place: `core ${c.core} of ${socketName(c)}`, cpus: threads });
    const socketKey = `${c.node}:${c.socket}`;
    const s = sockets.get(socketKey) ?? { level: 'socket', place: socketName(c), cpus: [] };
    s.cpus = sorted([...s.cpus, c.id]);
    sockets.set(socketKey, s);
  }
  const byFirst = (a: CpuGroup, b: CpuGroup) => (a.cpus[0] ?? 0) - (b.cpus[0] ?? 0);
  return { cores: [...cores.values()].sort(byFirst), sockets: [...sockets.values()].sort(byFirst) };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function none(reason: string): PinSuggestion {
  return { level: 'none', place: '', cpus: [], pinning: [], reason, applied: false };
}

/** One suggestion per VM (keyed by UUID). */
export function suggestPinning(t: HostCpuTopology, vms: readonly PinVm[]): Map<string, PinSuggestion> {
  const out = new Map<string, PinSuggestion>();
  const { cores, sockets } = cpuGroups(t);
  const load = new Map<number, number>();
  const order = [...vms].sort(
    (a, b) => b.vcpus - a.vcpus || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.uuid < b.uuid ? -1 : 1),
  );
  const biggestSocket = Math.max(0, ...sockets.map((s) => s.cpus.length));
  const socketOf = new Map<number, number[]>(sockets.flatMap((s) => s.cpus.map((c) => [c, s.cpus] as [number, number[]])));
  for (const vm of order) {
    if (t.list.length === 0) {
      out.set(vm.uuid, none('The host does not describe its CPU topology, so there is nothing to keep the vCPUs within.'));
      continue;
    }
    if (vm.vcpus < 1) {
      out.set(vm.uuid, none('The VM has no vCPUs to pin.'));
      continue;
    }
    const fitCores = cores.filter((g) => g.cpus.length >= vm.vcpus);
    const candidates = fitCores.length ? fitCores : sockets.filter((g) => g.cpus.length >= vm.vcpus);
    if (!candidates.length) {
      out.set(
        vm.uuid,
        none(
          `${plural(vm.vcpus, 'vCPU')} are more than one socket has (${plural(biggestSocket, 'CPU')}): pinning cannot keep them together, so leave them to the host's scheduler.`,
        ),
      );
      continue;
    }
    const current = vm.pins.length === vm.vcpus && vm.pins.every((p) => same(p, vm.pins[0] ?? [])) ? (vm.pins[0] ?? []) : undefined;
    const kept = current ? candidates.find((g) => same(g.cpus, current)) : undefined;
    const loadOf = (cpus: readonly number[]) => cpus.reduce((s, c) => s + (load.get(c) ?? 0), 0) / cpus.length;
    const after = (g: CpuGroup) => loadOf(g.cpus) + vm.vcpus / g.cpus.length;
    // Ties between cores go to the emptier socket (its L3 cache is the next thing they share).
    const around = (g: CpuGroup) => loadOf(socketOf.get(g.cpus[0] ?? -1) ?? g.cpus);
    const better = (g: CpuGroup, b: CpuGroup) =>
      after(g) < after(b) - 1e-9 || (Math.abs(after(g) - after(b)) <= 1e-9 && around(g) < around(b) - 1e-9);
    let best = kept;
    if (!best) for (const g of candidates) if (!best || better(g, best)) best = g;
    if (!best) continue;
    for (const c of best.cpus) load.set(c, (load.get(c) ?? 0) + vm.vcpus / best.cpus.length);
    const why =
      best.level === 'core'
        ? `${plural(vm.vcpus, 'vCPU')} fit the ${plural(best.cpus.length, 'thread')} of one core, which share its caches.`
        : fitCores.length === 0 && cores.length > 0
          ? `${plural(vm.vcpus, 'vCPU')} are more than one core has (${plural(Math.max(...cores.map((c) => c.cpus.length)), 'thread')}); one socket's cores share its L3 cache.`
          : `${plural(vm.vcpus, 'vCPU')} fit one socket, whose cores share its L3 cache.`;
    out.set(vm.uuid, {
      level: best.level,
      place: best.place,
      cpus: best.cpus,
      pinning: Array.from({ length: vm.vcpus }, (_, vcpu) => ({ vcpu, cpus: best.cpus })),
      reason: kept ? `${why} It runs there already.` : candidates.length > 1 ? `${why} The least loaded one that fits.` : why,
      applied: !!kept,
    });
  }
  return out;
}
