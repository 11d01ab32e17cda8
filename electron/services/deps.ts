/**
 * What a wave-2 feature service gets from the backend (backend.ts builds one of these), and the
 * shape it gives back: its handlers for its part of the contract, and what to stop on close.
 */
import type { RequestName } from '../../shared/api';
import type { EventHub } from '../core/events';
import type { StreamHub } from '../core/streams';
import type { Handlers } from '../ipc';
import type { DomainService } from './domains';
import type { HostManager } from './hosts';
import type { JobManager } from './jobs';

export interface ServiceDeps {
  hosts: HostManager;
  events: EventHub;
  jobs: JobManager;
  streams: StreamHub;
  domains: DomainService;
}

export interface Feature<N extends RequestName> {
  handlers: Pick<Handlers, N>;
  dispose(): void;
}
