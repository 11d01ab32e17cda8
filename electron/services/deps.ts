/**
 * What a wave-2 feature service gets from the backend (backend.ts builds one of these), and the
 * shape it gives back: its handlers for its part of the contract, and what to stop on close.
 */
import type { RequestName } from '../../shared/api';
import type { EventHub } from '../core/events';
import type { StreamHub } from '../core/streams';
import type { Handlers } from '../ipc';
import type { RpcClient } from '../libvirt/client';
import type { EventRelay, EventRelays } from '../libvirt/relay';
import type { DomainService } from './domains';
import type { HostManager } from './hosts';
import type { JobManager } from './jobs';

export interface ServiceDeps {
  hosts: HostManager;
  events: EventHub;
  jobs: JobManager;
  streams: StreamHub;
  domains: DomainService;
  /**
   * The one libvirt event relay of each connection (`relays.of(hosts.connection(hostId))`): libvirt
   * takes one registration per event and connection, so every feature subscribes there.
   */
  relays: EventRelays;
}

export interface Feature<N extends RequestName> {
  handlers: Pick<Handlers, N>;
  dispose(): void;
}

/** The relay of the connected host whose client `rpc` is now (null: none, e.g. the link dropped meanwhile). */
export function relayOfClient(deps: Pick<ServiceDeps, 'hosts' | 'relays'>, rpc: RpcClient): EventRelay | null {
  for (const id of deps.hosts.connectedIds()) {
    const conn = deps.hosts.connection(id);
    if (conn.rpc === rpc) return deps.relays.of(conn);
  }
  return null;
}
