/** Writes through the contract, each refreshing what it changes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HostId, HostInfo, RequestInput } from '../../shared/api';
import { call } from '../api';
import { keys } from './keys';

export function useAddHost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'hosts.add'>) => call('hosts.add', input),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.hosts() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.domains() }),
  });
}

export function useUpdateHost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'hosts.update'>) => call('hosts.update', input),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.hosts() }),
  });
}

export type HostVerb = 'connect' | 'disconnect' | 'remove';

export function useHostVerb(hostId: HostId) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (verb: HostVerb) => {
      if (verb === 'remove') await call('hosts.remove', { hostId });
      else await call(verb === 'connect' ? 'hosts.connect' : 'hosts.disconnect', { hostId });
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.hosts() });
      void qc.invalidateQueries({ queryKey: keys.domains() });
    },
  });
}

/** Saves a new host order; the sidebar shows it at once and rolls back on failure. */
export function useReorderHosts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (order: HostId[]) => call('hosts.reorder', { order }),
    onMutate: async (order) => {
      await qc.cancelQueries({ queryKey: keys.hosts() });
      const before = qc.getQueryData<HostInfo[]>(keys.hosts());
      if (before) {
        const byId = new Map(before.map((h) => [h.id, h]));
        qc.setQueryData(
          keys.hosts(),
          order.map((id) => byId.get(id)).filter((h): h is HostInfo => !!h),
        );
      }
      return { before };
    },
    onError: (_err, _order, ctx) => {
      if (ctx?.before) qc.setQueryData(keys.hosts(), ctx.before);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.hosts() }),
  });
}

export function useDeleteDomain() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'domains.delete'>) => call('domains.delete', input),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.domains() }),
  });
}
