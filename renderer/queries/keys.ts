/**
 * The one place that names react-query's cache: a query key per request of the contract, and the
 * table saying what each backend event patches, refetches or drops. Hooks and mutations take their
 * keys from here; useBackendEvents (index.ts) subscribes to the events this table handles.
 *
 * A key is `[request name, input]`. react-query matches objects in a key partially, so
 * `keyOf('usb.list', { hostId })` and `keysOf('domains.details', { hostId })` (every VM of a host)
 * are both plain keys. Pure: no React, no transport (unit-tested in keys.test.ts).
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { DomainSummary, EventName, Events, HostInfo, Job } from '../../shared/api';
import { guestEvents } from './guest-events';
import { keyOf } from './keyOf';
import { networkEvents } from './networks-events';
import { settingsEvents } from './settings-events';
import { snapshotEvents } from './snapshots-events';
import { dropStats } from './statsHistory';
import { storageEvents } from './storage-events';

export { keyOf, keysOf } from './keyOf';

/** The keys the app reads most, by what they hold. */
export const keys = {
  app: () => keyOf('app.info', {}),
  hosts: () => keyOf('hosts.list', {}),
  hostDetails: (hostId: string) => keyOf('hosts.details', { hostId }),
  domains: () => keyOf('domains.list', {}),
  domainDetails: (hostId: string, uuid: string) => keyOf('domains.details', { hostId, uuid }),
  jobs: () => keyOf('jobs.list', {}),
  qos: (hostId: string, uuid: string) => keyOf('qos.get', { hostId, uuid }),
  vmUsb: (hostId: string, uuid: string) => keyOf('usb.domain', { hostId, uuid }),
  hostUsb: (hostId: string) => keyOf('usb.list', { hostId }),
  usbVolumes: (hostId: string) => keyOf('usb.volumes', { hostId }),
  installOptions: (hostId: string) => keyOf('install.options', { hostId }),
  poolVolumes: (hostId: string, pool: string) => keyOf('install.volumes', { hostId, pool }),
  cloneOptions: (hostId: string, uuid: string, targetHostId: string) => keyOf('clone.options', { hostId, uuid, targetHostId }),
  /** One job with its whole detail (a migration's history). */
  job: (jobId: string) => keyOf('jobs.get', { jobId }),
};

/** What one event does to the cache: patches at once (same frame), refetches (debounced), drops. */
export interface CacheEffect<E extends EventName> {
  patch?: (qc: QueryClient, payload: Events[E]) => void;
  refetch?: (payload: Events[E]) => readonly QueryKey[];
}
/** An event whose payload is not server state in the cache: who handles it instead, and why. */
export interface HandledElsewhere {
  elsewhere: string;
}

export type EventTable = { [E in EventName]: CacheEffect<E> | HandledElsewhere };

const sameDomain = (d: { hostId: string; uuid: string }, e: { hostId: string; uuid: string }) => d.hostId === e.hostId && d.uuid === e.uuid;

/** Every event of the contract, and what it does to the cache. A new event fails to compile until it has a row. */
export const EVENT_TABLE: EventTable = {
  'host.state': {
    patch: (qc, { hostId, state }) =>
      qc.setQueryData(keys.hosts(), (old: HostInfo[] | undefined) => old?.map((h) => (h.id === hostId ? { ...h, state } : h))),
    refetch: ({ hostId, state }) =>
      state.status === 'connected' || state.status === 'disconnected' || state.status === 'failed'
        ? [keys.hosts(), keys.domains(), keys.hostDetails(hostId)]
        : [keys.hosts()],
  },
  'domain.changed': {
    // The row updates in the same frame; the rest is read again.
    patch: (qc, e) => {
      qc.setQueryData(keys.domains(), (old: DomainSummary[] | undefined) => {
        if (!old) return old;
        if (e.removed) return old.filter((d) => !sameDomain(d, e));
        if (!e.state) return old;
        return old.map((d) => (sameDomain(d, e) ? { ...d, state: e.state ?? d.state } : d));
      });
      if (e.removed) {
        dropStats(e.hostId, e.uuid);
        qc.removeQueries({ queryKey: keys.domainDetails(e.hostId, e.uuid) });
      }
    },
    // A tunable, device or lifecycle change of a VM (here, virsh or another Vireo): its details,
    // QoS and USB devices; the host's USB owners (a device taken or released).
    refetch: (e) => [
      keys.domains(),
      keys.hostUsb(e.hostId),
      ...(e.removed ? [] : [keys.domainDetails(e.hostId, e.uuid), keys.qos(e.hostId, e.uuid), keys.vmUsb(e.hostId, e.uuid)]),
      // The VM's settings (a device the guest released late: libvirt's DEVICE_REMOVED). The "pending
      // changes" markers are not refetched: the backend compares that VM again and sends settings.pending.
      ...(e.removed ? [] : [keyOf('settings.get', { hostId: e.hostId, uuid: e.uuid })]),
    ],
  },
  'job.progress': {
    patch: (qc, job) =>
      qc.setQueryData(keys.jobs(), (old: Job[] | undefined) =>
        [job, ...(old ?? []).filter((j) => j.id !== job.id)].sort((a, b) => b.startedAt - a.startedAt),
      ),
  },
  prompt: { elsewhere: 'PromptDialog queues the questions (answered once, not server state)' },
  'domain.stats': {
    elsewhere: 'queries/stats.ts: a reference-counted feed into statsHistory (the backend samples only while someone listens)',
  },
  'console.state': { elsewhere: 'features/console: each session follows its own state, newest seq wins' },
  // Wave 2: each feature's rows live beside its queries.
  ...storageEvents,
  ...networkEvents,
  ...snapshotEvents,
  ...guestEvents,
  ...settingsEvents,
};

/** The events the cache follows (useBackendEvents subscribes to these, and only these). */
export const CACHED_EVENTS: readonly EventName[] = (Object.keys(EVENT_TABLE) as EventName[]).filter(
  (e) => !('elsewhere' in EVENT_TABLE[e]),
);

/** Applies one event to the cache: patches now, hands the keys to refetch to `refetch` (debounced by the caller). */
export function applyEvent<E extends EventName>(qc: QueryClient, event: E, payload: Events[E], refetch: (key: QueryKey) => void): void {
  const row = EVENT_TABLE[event] as CacheEffect<E> | HandledElsewhere;
  if ('elsewhere' in row) return;
  row.patch?.(qc, payload);
  for (const key of row.refetch?.(payload) ?? []) refetch(key);
}
