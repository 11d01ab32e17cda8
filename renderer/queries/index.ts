/**
 * react-query hooks over the contract. Backend events carry ids and small deltas: they patch or
 * invalidate the cache (debounced), so the UI follows libvirt without polling.
 */
import { type QueryClient, type QueryKey, type UseQueryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DomainSummary, HostId, HostInfo, RequestInput, RequestName, RequestOutput } from '../../shared/api';
import { api, call } from '../api';
import { applyEvent, CACHED_EVENTS, keyOf } from './keys';

export { keyOf, keys, keysOf } from './keys';

/** One request's reply, cached under its key (keys.ts). */
export function useRead<N extends RequestName>(
  name: N,
  input: RequestInput<N>,
  options?: Omit<UseQueryOptions<RequestOutput<N>, Error, RequestOutput<N>, QueryKey>, 'queryKey' | 'queryFn'>,
) {
  return useQuery({ queryKey: keyOf(name, input), queryFn: () => call(name, input), ...options });
}

export function useAppInfo() {
  return useRead('app.info', {}, { staleTime: 10_000 });
}

export function useHosts() {
  return useRead('hosts.list', {});
}

export function useHost(hostId: HostId | undefined): HostInfo | undefined {
  const hosts = useHosts();
  return hostId ? hosts.data?.find((h) => h.id === hostId) : undefined;
}

/** All domains of all connected hosts: one list that the table, the tree and the details share. */
export function useDomains() {
  return useRead('domains.list', {});
}

export function useDomain(hostId: HostId | undefined, uuid: string | undefined): DomainSummary | undefined {
  const domains = useDomains();
  return hostId && uuid ? domains.data?.find((d) => d.hostId === hostId && d.uuid === uuid) : undefined;
}

export function useDomainDetails(hostId: HostId, uuid: string, enabled = true) {
  return useRead('domains.details', { hostId, uuid }, { enabled });
}

export function useHostDetails(hostId: HostId, enabled = true) {
  return useRead('hosts.details', { hostId }, { enabled, staleTime: 30_000 });
}

export function useJobs() {
  return useRead('jobs.list', {});
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

/** Turns backend events into cache updates by EVENT_TABLE (keys.ts); mounted once at the root. */
export function useBackendEvents(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const inval = debouncedInvalidator(qc);
    const offs = CACHED_EVENTS.map((event) => api.subscribe(event, (payload) => applyEvent(qc, event, payload, inval.soon)));
    return () => {
      for (const off of offs) off();
      inval.dispose();
    };
  }, [qc]);
}
