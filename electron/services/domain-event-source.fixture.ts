// Test support (not used by the app): a DomainEventSource (what the domain service tells caches
// of VM facts) driven by the test, for the pending marks' and the Tuning cache's tests, and for lab
// tests that feed it from a relay view's events.
import type { HostId } from '../../shared/api/common';
import type { DomainEvent } from '../libvirt/events';
import type { DomainEventSource } from './domain-event-source';

export interface FakeDomainEvents {
  source: DomainEventSource;
  /** A domain event of `hostId` (default the fake's host) to every listener. */
  fire(e: DomainEvent, hostId?: HostId): void;
  /** The host's events may have been missed (a reconnect). */
  resync(hostId?: HostId): void;
  /** Vireo wrote to a VM of the host. */
  wrote(uuid: string, hostId?: HostId): void;
  /** Listeners still held (a test checks that a disposed cache let go). */
  listeners(): number;
}

export function fakeDomainEvents(host: HostId = 'h1'): FakeDomainEvents {
  const events = new Set<(hostId: HostId, e: DomainEvent) => void>();
  const resyncs = new Set<(hostId: HostId) => void>();
  const writes = new Set<(hostId: HostId, uuid: string) => void>();
  const adder =
    <F>(set: Set<F>) =>
    (fn: F) => {
      set.add(fn);
      return () => void set.delete(fn);
    };
  return {
    source: { onDomainEvent: adder(events), onResync: adder(resyncs), onVireoWrite: adder(writes) },
    fire: (e, hostId = host) => {
      for (const fn of [...events]) fn(hostId, e);
    },
    resync: (hostId = host) => {
      for (const fn of [...resyncs]) fn(hostId);
    },
    wrote: (uuid, hostId = host) => {
      for (const fn of [...writes]) fn(hostId, uuid);
    },
    listeners: () => events.size + resyncs.size + writes.size,
  };
}
