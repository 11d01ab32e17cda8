/**
 * react-query hooks over the contract. Backend events carry ids and small deltas: they patch or
 * invalidate the cache (debounced), so the UI follows libvirt without polling.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HostId, Job } from '../../shared/api';
import { api, call } from '../api';

export const keys = {
  app: ['app'] as const,
  hosts: ['hosts'] as const,
  domains: (hostId?: HostId) => (hostId ? (['domains', hostId] as const) : (['domains'] as const)),
  jobs: ['jobs'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: keys.app, queryFn: () => call('app.info', {}), staleTime: 10_000 });
}

export function useHosts() {
  return useQuery({ queryKey: keys.hosts, queryFn: () => call('hosts.list', {}) });
}

export function useDomains(hostId?: HostId) {
  return useQuery({ queryKey: keys.domains(hostId), queryFn: () => call('domains.list', hostId ? { hostId } : {}) });
}

export function useJobs() {
  return useQuery({ queryKey: keys.jobs, queryFn: () => call('jobs.list', {}) });
}

/** One place that turns backend events into cache updates; mounted once at the root. */
export function useBackendEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const invalidateSoon = (key: readonly unknown[]) => {
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
    const offs = [
      api.subscribe('host.state', ({ hostId, state }) => {
        qc.setQueryData(keys.hosts, (old: Awaited<ReturnType<typeof call<'hosts.list'>>> | undefined) =>
          old?.map((h) => (h.id === hostId ? { ...h, state } : h)),
        );
        invalidateSoon(keys.hosts);
        if (state.status === 'connected' || state.status === 'disconnected') invalidateSoon(keys.domains());
      }),
      api.subscribe('domain.changed', (e) => {
        // Patch the state at once (the row updates in the same frame), then refetch for the rest.
        const patch = (old: Awaited<ReturnType<typeof call<'domains.list'>>> | undefined) =>
          old?.map((d) => (d.hostId === e.hostId && d.uuid === e.uuid && e.state ? { ...d, state: e.state } : d));
        qc.setQueriesData({ queryKey: keys.domains() }, patch);
        invalidateSoon(keys.domains());
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
      for (const t of timers.values()) clearTimeout(t);
    };
  }, [qc]);
}
