/**
 * react-query hooks over the contract. Backend events carry ids and small deltas: they patch or
 * invalidate the cache (debounced), so the UI follows libvirt without polling.
 */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DomainSummary, HostId, HostInfo, Job } from '../../shared/api';
import { api, call } from '../api';
import { dropStats } from './statsHistory';

export const keys = {
  app: ['app'] as const,
  hosts: ['hosts'] as const,
  hostDetails: (hostId: HostId) => ['host-details', hostId] as const,
  domains: (hostId?: HostId) => (hostId ? (['domains', hostId] as const) : (['domains'] as const)),
  domainDetails: (hostId: HostId, uuid: string) => ['domain-details', hostId, uuid] as const,
  jobs: ['jobs'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: keys.app, queryFn: () => call('app.info', {}), staleTime: 10_000 });
}

export function useHosts() {
  return useQuery({ queryKey: keys.hosts, queryFn: () => call('hosts.list', {}) });
}

export function useHost(hostId: HostId | undefined): HostInfo | undefined {
  const hosts = useHosts();
  return hostId ? hosts.data?.find((h) => h.id === hostId) : undefined;
}

/** All domains of all connected hosts: one list that the table, the tree and the details share. */
export function useDomains() {
  return useQuery({ queryKey: keys.domains(), queryFn: () => call('domains.list', {}) });
}

export function useDomain(hostId: HostId | undefined, uuid: string | undefined): DomainSummary | undefined {
  const domains = useDomains();
  return hostId && uuid ? domains.data?.find((d) => d.hostId === hostId && d.uuid === uuid) : undefined;
}

export function useDomainDetails(hostId: HostId, uuid: string, enabled = true) {
  return useQuery({
    queryKey: keys.domainDetails(hostId, uuid),
    queryFn: () => call('domains.details', { hostId, uuid }),
    enabled,
  });
}

export function useHostDetails(hostId: HostId, enabled = true) {
  return useQuery({ queryKey: keys.hostDetails(hostId), queryFn: () => call('hosts.details', { hostId }), enabled, staleTime: 30_000 });
}

export function useJobs() {
  return useQuery({ queryKey: keys.jobs, queryFn: () => call('jobs.list', {}) });
}

/** Coalesces invalidations of the same key within a short window (a burst of events, one refetch). */
function debouncedInvalidator(qc: QueryClient) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const soon = (key: readonly unknown[]) => {
    const id = JSON.stringify(key);
    if (timers.has(id)) return;
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        void qc.invalidateQueries({ queryKey: key });
      }, 30),
    );
  };
  const dispose = () => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
  return { soon, dispose };
}

/** One place that turns backend events into cache updates; mounted once at the root. */
export function useBackendEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const inval = debouncedInvalidator(qc);
    const offs = [
      api.subscribe('host.state', ({ hostId, state }) => {
        qc.setQueryData(keys.hosts, (old: HostInfo[] | undefined) => old?.map((h) => (h.id === hostId ? { ...h, state } : h)));
        inval.soon(keys.hosts);
        if (state.status === 'connected' || state.status === 'disconnected' || state.status === 'failed') {
          inval.soon(keys.domains());
          inval.soon(keys.hostDetails(hostId));
        }
      }),
      api.subscribe('domain.changed', (e) => {
        // Patch at once (the row updates in the same frame), then refetch for the rest.
        qc.setQueryData(keys.domains(), (old: DomainSummary[] | undefined) => {
          if (!old) return old;
          if (e.removed) return old.filter((d) => !(d.hostId === e.hostId && d.uuid === e.uuid));
          if (!e.state) return old;
          return old.map((d) => (d.hostId === e.hostId && d.uuid === e.uuid ? { ...d, state: e.state ?? d.state } : d));
        });
        if (e.removed) {
          dropStats(e.hostId, e.uuid);
          qc.removeQueries({ queryKey: keys.domainDetails(e.hostId, e.uuid) });
        } else {
          inval.soon(keys.domainDetails(e.hostId, e.uuid));
        }
        inval.soon(keys.domains());
      }),
      api.subscribe('job.progress', (job) => {
        qc.setQueryData(keys.jobs, (old: Job[] | undefined) => {
          const rest = (old ?? []).filter((j) => j.id !== job.id);
          return [job, ...rest].sort((a, b) => b.startedAt - a.startedAt);
        });
      }),
    ];
    return () => {
      for (const off of offs) off();
      inval.dispose();
    };
  }, [qc]);
}
