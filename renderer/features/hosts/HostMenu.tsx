import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDots, IconPencil, IconPlugConnected, IconPlugConnectedX, IconTrash } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import type { HostInfo } from '../../../shared/api';
import { notifyError } from '../../components/notify';
import { useHosts } from '../../queries';
import { useHostVerb, useReorderHosts } from '../../queries/mutations';
import { useUi } from '../../store/ui';

/** Moves a host one place up or down in the user's order. */
export function useMoveHost() {
  const hosts = useHosts();
  const reorder = useReorderHosts();
  return (hostId: string, delta: -1 | 1) => {
    const ids = (hosts.data ?? []).map((h) => h.id);
    const i = ids.indexOf(hostId);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    reorder.mutate(ids, { onError: (err) => notifyError('Could not save the host order', err) });
  };
}

export function HostMenu({ host, index, count }: { host: HostInfo; index: number; count: number }) {
  const verb = useHostVerb(host.id);
  const move = useMoveHost();
  const { setHostForm, setRemoveHostId } = useUi(useShallow((s) => ({ setHostForm: s.setHostForm, setRemoveHostId: s.setRemoveHostId })));
  const live = host.state.status === 'connected' || host.state.status === 'reconnecting' || host.state.status === 'connecting';
  const run = (v: 'connect' | 'disconnect') =>
    verb.mutate(v, { onError: (err) => notifyError(`${host.spec.name}: could not ${v}`, err, { id: `host-${host.id}` }) });
  return (
    <Menu position="right-start" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          aria-label={`Actions for ${host.spec.name}`}
          data-testid={`host-${host.id}-menu`}
          onClick={(e) => e.stopPropagation()}
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        {live ? (
          <Menu.Item
            leftSection={<IconPlugConnectedX size={14} />}
            onClick={() => run('disconnect')}
            data-testid={`host-${host.id}-disconnect`}
          >
            Disconnect
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconPlugConnected size={14} />} onClick={() => run('connect')} data-testid={`host-${host.id}-connect`}>
            {host.state.status === 'failed' ? 'Retry' : 'Connect'}
          </Menu.Item>
        )}
        <Menu.Item
          leftSection={<IconPencil size={14} />}
          onClick={() => setHostForm({ mode: 'edit', hostId: host.id })}
          data-testid={`host-${host.id}-edit`}
        >
          Edit…
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconArrowUp size={14} />}
          disabled={index === 0}
          onClick={() => move(host.id, -1)}
          data-testid={`host-${host.id}-up`}
        >
          Move up
        </Menu.Item>
        <Menu.Item
          leftSection={<IconArrowDown size={14} />}
          disabled={index === count - 1}
          onClick={() => move(host.id, 1)}
          data-testid={`host-${host.id}-down`}
        >
          Move down
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => setRemoveHostId(host.id)}
          data-testid={`host-${host.id}-remove`}
        >
          Remove…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
