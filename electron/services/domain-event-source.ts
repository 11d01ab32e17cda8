import type { HostId } from '../../shared/api/common';
import type { DomainEvent } from '../libvirt/events';

/**
 * What a cache of VM facts hears from the domain service (DomainService implements it): every
 * domain event of each connected host, the hosts whose events may have been missed (a reconnect),
 * and Vireo's own writes to a VM (libvirt sends no event for some, e.g. a vCPU hot-plug).
 * Used by the pending-changes marks (settings/pending.ts) and the Tuning tab's VM list.
 */
export interface DomainEventSource {
  onDomainEvent(fn: (hostId: HostId, e: DomainEvent) => void): () => void;
  onResync(fn: (hostId: HostId) => void): () => void;
  onVireoWrite?(fn: (hostId: HostId, uuid: string) => void): () => void;
}
