/**
 * The VM table's empty state when nothing it would list is connected: the action that fixes it
 * (connect the saved hosts), not just the words.
 */
import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HostId } from '../../../shared/api';
import { call } from '../../api';
import { notifyError } from '../../components/notify';
import { useHosts } from '../../queries';
import { keys } from '../../queries/keys';

export function NotConnectedAction({ hostId }: { hostId?: HostId }) {
  const hosts = useHosts().data ?? [];
  const qc = useQueryClient();
  const idle = hosts.filter((h) => (!hostId || h.id === hostId) && (h.state.status === 'disconnected' || h.state.status === 'failed'));
  const connect = useMutation({
    mutationFn: async (ids: HostId[]) => {
      const results = await Promise.allSettled(ids.map((id) => call('hosts.connect', { hostId: id })));
      results.forEach((r, i) => {
        if (r.status === 'rejected') notifyError(`Could not connect ${hosts.find((h) => h.id === ids[i])?.spec.name ?? ids[i]}`, r.reason);
      });
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.hosts() });
      void qc.invalidateQueries({ queryKey: keys.domains() });
    },
  });
  // No host at all: the app shows its own empty state (with "Add a host") instead of the table.
  if (idle.length === 0) return null;
  const label = idle.length === 1 ? `Connect ${idle[0]?.spec.name}` : `Connect ${idle.length} saved hosts`;
  return (
    <Button
      size="xs"
      variant="light"
      loading={connect.isPending}
      onClick={() => connect.mutate(idle.map((h) => h.id))}
      data-testid="empty-table-connect"
    >
      {label}
    </Button>
  );
}
