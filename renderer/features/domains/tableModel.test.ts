import { describe, expect, it } from 'vitest';
import type { DomainState, DomainSummary, HostInfo } from '../../../shared/api';
import { buildRows, type ModelOptions } from './tableModel';

const host = (id: string, name: string): HostInfo => ({
  id,
  spec: { name, transport: 'ssh', address: '10.0.0.1', uri: 'qemu:///system' },
  state: { status: 'connected', since: 0 },
});
let n = 0;
const dom = (hostId: string, name: string, state: DomainState = 'running', memoryKiB = 1024): DomainSummary => ({
  hostId,
  uuid: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  name,
  id: 1,
  state,
  reason: 0,
  persistent: true,
  vcpus: 1,
  memoryKiB,
});

const hosts = [host('b', 'beta'), host('a', 'alpha')];
const domains = [dom('a', 'vm10'), dom('a', 'vm9', 'shutoff', 4096), dom('b', 'Ωμέγα <&>'), dom('b', 'web', 'paused')];
const base: ModelOptions = {
  filter: '',
  stateFilter: 'all',
  sort: { column: 'name', desc: false },
  groupByHost: true,
  collapsed: new Set(),
};
const names = (o: Partial<ModelOptions>) =>
  buildRows(domains, hosts, { ...base, ...o }).map((r) => (r.kind === 'group' ? `[${r.hostId}]` : r.d.name));

describe('VM table rows', () => {
  it('groups by host in the user order, names sorted naturally', () => {
    expect(names({})).toEqual(['[b]', 'web', 'Ωμέγα <&>', '[a]', 'vm9', 'vm10']);
  });
  it('filters by name and state; collapses groups', () => {
    expect(names({ filter: 'ΩΜΈΓΑ' })).toEqual(['[b]', 'Ωμέγα <&>']);
    expect(names({ stateFilter: 'shutoff' })).toEqual(['[a]', 'vm9']);
    expect(names({ collapsed: new Set(['b']) })).toEqual(['[b]', '[a]', 'vm9', 'vm10']);
  });
  it('sorts by a column either way, flat when not grouped or for one host', () => {
    expect(names({ groupByHost: false, sort: { column: 'memory', desc: true } })[0]).toBe('vm9');
    expect(names({ hostId: 'a', sort: { column: 'name', desc: true } })).toEqual(['vm10', 'vm9']);
    expect(names({ groupByHost: false, sort: { column: 'state', desc: false } })).toEqual(['vm10', 'Ωμέγα <&>', 'web', 'vm9']);
  });
});
