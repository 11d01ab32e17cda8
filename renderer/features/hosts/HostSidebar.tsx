import { ActionIcon, Badge, Group, Menu, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconPlugConnected, IconPlugConnectedX, IconServer, IconStack2, IconTrash } from '@tabler/icons-react';
import type { HostInfo, HostStatus } from '../../../shared/api';
import { call } from '../../api';
import { notifyError } from '../../components/notify';
import { keys, useDomains, useHosts } from '../../queries';
import { useUi } from '../../store/ui';

const STATUS_COLOR: Record<HostStatus['status'], string> = {
  connected: 'teal',
  connecting: 'yellow',
  reconnecting: 'orange',
  failed: 'red',
  disconnected: 'gray',
};

export function statusText(s: HostStatus): string {
  switch (s.status) {
    case 'reconnecting':
      return `reconnecting (${s.reason})`;
    case 'failed':
      return `failed: ${s.error.message}`;
    default:
      return s.status;
  }
}

function HostItem({ host }: { host: HostInfo }) {
  const qc = useQueryClient();
  const { selection, select } = useUi();
  const domains = useDomains();
  const count = (domains.data ?? []).filter((d) => d.hostId === host.id).length;
  const action = useMutation({
    mutationFn: async (verb: 'connect' | 'disconnect' | 'remove') => {
      if (verb === 'remove') await call('hosts.remove', { hostId: host.id });
      else await call(verb === 'connect' ? 'hosts.connect' : 'hosts.disconnect', { hostId: host.id });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.hosts }),
    onError: (err) => notifyError(`Host ${host.spec.name}`, err),
  });
  const connected = host.state.status === 'connected';
  return (
    <NavLink
      data-testid={`host-${host.id}`}
      active={selection.kind === 'host' && selection.hostId === host.id}
      onClick={() => select({ kind: 'host', hostId: host.id })}
      leftSection={<IconServer size={18} />}
      label={
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} truncate>
            {host.spec.name}
          </Text>
          {connected && (
            <Badge size="xs" variant="light">
              {count}
            </Badge>
          )}
        </Group>
      }
      description={
        <Tooltip label={statusText(host.state)} multiline maw={320}>
          <Text size="xs" c={STATUS_COLOR[host.state.status]} truncate data-testid={`host-${host.id}-status`}>
            {statusText(host.state)}
          </Text>
        </Tooltip>
      }
      rightSection={
        <Menu position="right-start" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" size="sm" aria-label={`Actions for ${host.spec.name}`} onClick={(e) => e.stopPropagation()}>
              <IconDots size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {connected ? (
              <Menu.Item leftSection={<IconPlugConnectedX size={14} />} onClick={() => action.mutate('disconnect')}>
                Disconnect
              </Menu.Item>
            ) : (
              <Menu.Item leftSection={<IconPlugConnected size={14} />} onClick={() => action.mutate('connect')}>
                Connect
              </Menu.Item>
            )}
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => action.mutate('remove')}>
              Remove host
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      }
    />
  );
}

export function HostSidebar() {
  const hosts = useHosts();
  const { selection, select } = useUi();
  return (
    <Stack gap={4} h="100%">
      <NavLink
        label="All VMs"
        leftSection={<IconStack2 size={18} />}
        active={selection.kind === 'all'}
        onClick={() => select({ kind: 'all' })}
      />
      <Text size="xs" tt="uppercase" c="dimmed" fw={700} mt="sm" px="xs">
        Hosts
      </Text>
      <ScrollArea style={{ flex: 1 }}>
        {(hosts.data ?? []).map((h) => (
          <HostItem key={h.id} host={h} />
        ))}
        {hosts.data?.length === 0 && (
          <Text size="sm" c="dimmed" px="xs">
            No hosts yet.
          </Text>
        )}
      </ScrollArea>
    </Stack>
  );
}
