/**
 * The host's "Networks" tab: every virtual network with its mode, bridge, addresses, DHCP range,
 * autostart, state and the VMs on it; create, start, stop, autostart, delete; and, for the one
 * picked, its static DHCP hosts and live leases (DhcpPanel). Kept current by network.changed.
 */
import { Badge, Button, Code, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { NetworkInfo } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNetworks, useNetworkWrite } from '../../queries/networks';
import { ListTable } from '../usb/ListTable';
import { DhcpPanel } from './DhcpPanel';
import { NetworkFormModal } from './NetworkFormModal';
import { vmsUnreadInWords } from './unread';

const MODE_LABEL: Record<string, string> = { nat: 'NAT', route: 'Routed', isolated: 'Isolated', open: 'Open', bridge: 'Host bridge' };

function NetworkRow({
  n,
  hostId,
  picked,
  onPick,
  onEdit,
  onError,
}: {
  n: NetworkInfo;
  hostId: string;
  picked: boolean;
  onPick(): void;
  onEdit(): void;
  onError(title: string, e: unknown): void;
}) {
  const start = useNetworkWrite('networks.start', hostId);
  const stop = useNetworkWrite('networks.stop', hostId);
  const autostart = useNetworkWrite('networks.autostart', hostId);
  const undefine = useNetworkWrite('networks.undefine', hostId);
  const [confirm, setConfirm] = useState(false);
  const v4 = n.addresses.filter((a) => a.family === 'ipv4');
  const v6 = n.addresses.filter((a) => a.family === 'ipv6');
  // The last failure stays shown until the next action succeeds.
  const fail = (verb: string) => ({
    onError: (e: unknown) => onError(`Could not ${verb} “${n.name}”`, e),
    onSuccess: () => onError('', null),
  });
  return (
    <Table.Tr
      data-testid="network-row"
      data-name={n.name}
      data-active={String(n.active)}
      bg={picked ? 'var(--mantine-color-default-hover)' : undefined}
    >
      <Table.Td>
        <Text size="sm" fw={500} data-testid="network-name" style={{ whiteSpace: 'pre-wrap' }}>
          {n.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          size="sm"
          variant="light"
          color={n.active ? 'green' : 'gray'}
          style={{ minWidth: 'fit-content' }}
          data-testid="network-state"
        >
          {n.active ? 'active' : 'inactive'}
        </Badge>
        {n.nextAddresses && (
          <Badge
            size="sm"
            variant="light"
            color="yellow"
            mt={4}
            style={{ minWidth: 'fit-content' }}
            title="Its definition's DHCP range or static hosts differ from the running network: a restart applies them."
            data-testid="network-pending"
          >
            restart to apply
          </Badge>
        )}
      </Table.Td>
      <Table.Td data-testid="network-mode">{MODE_LABEL[n.mode] ?? n.mode}</Table.Td>
      <Table.Td>{n.bridge ? <Code data-testid="network-bridge">{n.bridge}</Code> : '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" span data-testid="network-ipv4">
          {v4.map((a) => `${a.address}/${a.prefix}`).join(', ') || '—'}
        </Text>
        {v6.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="network-ipv6">
            {v6.map((a) => `${a.address}/${a.prefix}${a.dhcp ? ` (DHCPv6 ${a.dhcp.start} – ${a.dhcp.end})` : ''}`).join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="network-dhcp">
        {v4.flatMap((a) => (a.dhcp ? [`${a.dhcp.start} – ${a.dhcp.end}`] : [])).join(', ') || '—'}
      </Table.Td>
      <Table.Td>
        <Switch
          size="sm"
          checked={n.autostart}
          disabled={!n.persistent || autostart.isPending}
          onChange={(e) => autostart.mutate({ name: n.name, on: e.currentTarget.checked }, fail('change autostart of'))}
          aria-label={`Start ${n.name} when the host boots`}
          data-testid="network-autostart"
        />
      </Table.Td>
      <Table.Td data-testid="network-used-by">
        {n.usedBy.length === 0 && !n.usersUnread
          ? '—'
          : n.usedBy.map((u) => (
              <Text key={u.uuid} size="sm" span c={u.running ? undefined : 'dimmed'} mr={6}>
                {u.name}
                {u.running ? '' : ' (off)'}
              </Text>
            ))}
        {/* A VM that could not be read may be on this network too: said, with libvirt's message. */}
        {n.usersUnread && (
          <Text size="xs" c="red" style={{ whiteSpace: 'pre-wrap' }} data-testid="network-users-unread">
            and maybe VMs that could not be read: {vmsUnreadInWords(n.usersUnread)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {/* Any subnet takes static hosts: an IPv6-only network too (its DHCPv6 range or static hosts, or none yet). */}
          {v4.length + v6.length > 0 && (
            <Button size="compact-xs" variant={picked ? 'filled' : 'light'} onClick={onPick} data-testid="network-dhcp-open">
              DHCP
            </Button>
          )}
          {v4.length > 0 && n.persistent && (
            <Button size="compact-xs" variant="light" onClick={onEdit} data-testid="network-edit">
              Edit…
            </Button>
          )}
          {n.active ? (
            <Button
              size="compact-xs"
              variant="light"
              loading={stop.isPending}
              onClick={() => stop.mutate({ name: n.name }, fail('stop'))}
              data-testid="network-stop"
            >
              Stop
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="light"
              loading={start.isPending}
              onClick={() => start.mutate({ name: n.name }, fail('start'))}
              data-testid="network-start"
            >
              Start
            </Button>
          )}
          {confirm ? (
            <Button
              size="compact-xs"
              color="red"
              loading={undefine.isPending}
              onClick={() => undefine.mutate({ name: n.name }, { ...fail('delete'), onSettled: () => setConfirm(false) })}
              data-testid="network-delete-confirm"
            >
              Delete for good
            </Button>
          ) : (
            <Button size="compact-xs" variant="light" color="red" onClick={() => setConfirm(true)} data-testid="network-delete">
              Delete…
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function NetworksTab({ hostId }: { hostId: string }) {
  const nets = useNetworks(hostId);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);
  if (nets.isLoading) return <Loader size="sm" />;
  if (!nets.data) return <ErrorAlert title="Could not read the networks" error={nets.error} />;
  const list = nets.data.networks;
  const shown = list.find((n) => n.name === picked);
  return (
    <Stack gap="md" data-testid="networks-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Virtual networks of this host: what guest NICs attach to.
        </Text>
        <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="networks-create">
          Create network…
        </Button>
      </Group>
      {failure && (
        <div data-testid="networks-error">
          <ErrorAlert title={failure.title} error={failure.error} />
        </div>
      )}
      <ListTable
        count={list.length}
        empty="No virtual networks on this host."
        emptyTestId="networks-none"
        columns={['Name', 'State', 'Mode', 'Bridge', 'IPv4', 'DHCP range', 'Autostart', 'Used by', '']}
        verticalSpacing={4}
        testId="networks-table"
      >
        {list.map((n) => (
          <NetworkRow
            key={n.uuid}
            n={n}
            hostId={hostId}
            picked={n.name === picked}
            onPick={() => setPicked(n.name === picked ? null : n.name)}
            onEdit={() => setEditing(n.name)}
            onError={(title, error) => setFailure(error ? { title, error } : null)}
          />
        ))}
      </ListTable>
      {shown && <DhcpPanel hostId={hostId} net={shown} />}
      <NetworkFormModal hostId={hostId} networks={list} opened={creating} onClose={() => setCreating(false)} />
      <NetworkFormModal
        hostId={hostId}
        networks={list}
        opened={editing !== null && list.some((n) => n.name === editing)}
        editing={list.find((n) => n.name === editing)}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
