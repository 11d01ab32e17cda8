import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HostInfo, HostStatus } from '../../../shared/api';
import { api } from '../../api';
import { notifyError } from '../../components/notify';
import { keys } from '../../queries';

/**
 * Background connection trouble as toasts scoped to the host (one per host, replaced as it
 * changes). A connect the user started reports inline instead, so only a live link that drops
 * is announced here.
 */
export function useHostToasts(): void {
  const qc = useQueryClient();
  useEffect(() => {
    const last = new Map<string, HostStatus['status']>();
    for (const h of qc.getQueryData<HostInfo[]>(keys.hosts()) ?? []) last.set(h.id, h.state.status);
    return api.subscribe('host.state', ({ hostId, state }) => {
      const before = last.get(hostId) ?? qc.getQueryData<HostInfo[]>(keys.hosts())?.find((h) => h.id === hostId)?.state.status;
      last.set(hostId, state.status);
      const name = qc.getQueryData<HostInfo[]>(keys.hosts())?.find((h) => h.id === hostId)?.spec.name ?? hostId;
      const id = `host-${hostId}`;
      const wasLive = before === 'connected' || before === 'reconnecting';
      if (state.status === 'reconnecting' && before === 'connected') {
        notifications.hide(id);
        notifications.show({
          id,
          color: 'orange',
          title: `${name}: connection lost`,
          message: `Reconnecting: ${state.reason}`,
          autoClose: false,
          loading: true,
        });
      } else if (state.status === 'failed' && wasLive) {
        notifyError(`${name}: disconnected`, state.error, { id });
      } else if (state.status === 'connected' && before === 'reconnecting') {
        notifications.hide(id);
        notifications.show({ id, color: 'teal', title: `${name}: reconnected`, message: 'The connection is back.', autoClose: 4000 });
      }
    });
  }, [qc]);
}
