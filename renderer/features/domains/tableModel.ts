/** The VM table's rows: filtered, sorted and grouped by host, as one flat list to virtualize. */
import type { DomainState, DomainSummary, HostId, HostInfo } from '../../../shared/api';
import { compareNames } from '../../lib/format';
import { statsOf } from '../../queries/statsHistory';
import type { TableSort } from '../../store/ui';
import { STATE_LABEL } from './stateLabels';

export type StateFilter = 'all' | 'running' | 'paused' | 'shutoff' | 'other';

export type TableRow =
  | { kind: 'group'; key: string; host: HostInfo | undefined; hostId: HostId; count: number; collapsed: boolean }
  | { kind: 'vm'; key: string; d: DomainSummary };

const STATE_ORDER: Record<DomainState, number> = {
  running: 0,
  blocked: 1,
  paused: 2,
  shutdown: 3,
  pmsuspended: 4,
  crashed: 5,
  shutoff: 6,
  nostate: 7,
};

function matchesState(s: DomainState, f: StateFilter): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'running':
      return s === 'running' || s === 'blocked';
    case 'paused':
      return s === 'paused' || s === 'pmsuspended';
    case 'shutoff':
      return s === 'shutoff';
    case 'other':
      return s === 'crashed' || s === 'shutdown' || s === 'nostate';
  }
}

function lastCpu(d: DomainSummary): number {
  const h = statsOf(d.hostId, d.uuid);
  return h?.cpu.last() ?? -1;
}

function comparator(sort: TableSort, hostName: (id: HostId) => string): (a: DomainSummary, b: DomainSummary) => number {
  const byName = (a: DomainSummary, b: DomainSummary) => compareNames(a.name, b.name);
  let primary: (a: DomainSummary, b: DomainSummary) => number;
  switch (sort.column) {
    case 'name':
      primary = byName;
      break;
    case 'state':
      primary = (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state];
      break;
    case 'vcpus':
      primary = (a, b) => a.vcpus - b.vcpus;
      break;
    case 'memory':
      primary = (a, b) => a.memoryKiB - b.memoryKiB;
      break;
    case 'cpu':
      primary = (a, b) => lastCpu(a) - lastCpu(b);
      break;
    case 'host':
      primary = (a, b) => compareNames(hostName(a.hostId), hostName(b.hostId));
      break;
  }
  const dir = sort.desc ? -1 : 1;
  return (a, b) => dir * primary(a, b) || byName(a, b);
}

export interface ModelOptions {
  filter: string;
  stateFilter: StateFilter;
  sort: TableSort;
  groupByHost: boolean;
  /** Only this host's VMs (the host page). */
  hostId?: HostId | undefined;
  collapsed: ReadonlySet<HostId>;
}

export function buildRows(domains: readonly DomainSummary[], hosts: readonly HostInfo[], o: ModelOptions): TableRow[] {
  const hostById = new Map(hosts.map((h) => [h.id, h]));
  const hostName = (id: HostId) => hostById.get(id)?.spec.name ?? id;
  const f = o.filter.trim().toLocaleLowerCase();
  const visible = domains.filter(
    (d) =>
      (!o.hostId || d.hostId === o.hostId) &&
      matchesState(d.state, o.stateFilter) &&
      (!f || d.name.toLocaleLowerCase().includes(f) || STATE_LABEL[d.state].label.toLocaleLowerCase() === f),
  );
  visible.sort(comparator(o.sort, hostName));
  const vm = (d: DomainSummary): TableRow => ({ kind: 'vm', key: `${d.hostId}/${d.uuid}`, d });
  if (!o.groupByHost || o.hostId) return visible.map(vm);

  const byHost = new Map<HostId, DomainSummary[]>();
  for (const d of visible) {
    const list = byHost.get(d.hostId);
    if (list) list.push(d);
    else byHost.set(d.hostId, [d]);
  }
  // Host order is the user's (the sidebar's); hosts we no longer know go last.
  const order = [...hosts.map((h) => h.id).filter((id) => byHost.has(id)), ...[...byHost.keys()].filter((id) => !hostById.has(id))];
  const rows: TableRow[] = [];
  for (const hostId of order) {
    const list = byHost.get(hostId) ?? [];
    const collapsed = o.collapsed.has(hostId);
    rows.push({ kind: 'group', key: `group/${hostId}`, host: hostById.get(hostId), hostId, count: list.length, collapsed });
    if (!collapsed) for (const d of list) rows.push(vm(d));
  }
  return rows;
}
