/**
 * Domains across hosts: listing with state/vCPUs/memory in one bulk stats call per host, and
 * `domain.changed` events fed by libvirt's lifecycle events (never by polling).
 */
import type { DomainState, DomainSummary, HostId } from '../../shared/api';
import type { EventHub } from '../core/events';
import { domainGetAllStats, domainListAll } from '../libvirt/domain';
import { DomainEvents } from '../libvirt/events';
import { DomainStatsTypes, domainStateName, LifecycleEvent, ListDomainsFlags } from '../libvirt/protocol';
import type { LibvirtConnection } from '../libvirt/connection';
import type { HostManager } from './hosts';

export function stateOf(n: number): DomainState {
  return domainStateName(n).toLowerCase() as DomainState;
}

/** The state a lifecycle event leaves the domain in (SHUTDOWN/DEFINED don't change it). */
const STATE_AFTER: Partial<Record<number, DomainState>> = {
  [LifecycleEvent.STARTED]: 'running',
  [LifecycleEvent.SUSPENDED]: 'paused',
  [LifecycleEvent.RESUMED]: 'running',
  [LifecycleEvent.STOPPED]: 'shutoff',
  [LifecycleEvent.PMSUSPENDED]: 'pmsuspended',
  [LifecycleEvent.CRASHED]: 'crashed',
};

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

  /** Lifecycle events become `domain.changed` with the new state, so rows update without a refetch. */
  private watch(hostId: HostId, conn: LibvirtConnection): void {
    this.unwatch(hostId);
    const events = new DomainEvents(conn, { kinds: ['lifecycle', 'deviceAdded', 'deviceRemoved', 'tunable'] });
    events.on('lifecycle', (e) => {
      const state = STATE_AFTER[e.event];
      this.events.emit('domain.changed', {
        hostId,
        uuid: e.domain.uuid,
        name: e.domain.name,
        ...(state ? { state } : {}),
        ...(e.event === LifecycleEvent.UNDEFINED ? { removed: true } : {}),
      });
    });
    for (const kind of ['deviceAdded', 'deviceRemoved', 'tunable'] as const) {
      events.on(kind, (e) => this.events.emit('domain.changed', { hostId, uuid: e.domain.uuid, name: e.domain.name }));
    }
    // After a reconnect DomainEvents registers again by itself; the host's `connected` state
    // (emitted by HostManager) makes the UI refetch what it may have missed.
    events.onError((err) => console.error(`[domains] events on ${this.hosts.name(hostId)}: ${err.message}`));
    events.start().catch((err: Error) => console.error(`[domains] cannot subscribe to events on ${this.hosts.name(hostId)}: ${err.message}`));
    this.detach.set(hostId, () => void events.stop());
  }

  private unwatch(hostId: HostId): void {
    this.detach.get(hostId)?.();
    this.detach.delete(hostId);
  }

  dispose(): void {
    for (const id of [...this.detach.keys()]) this.unwatch(id);
  }
}
