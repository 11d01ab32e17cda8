import { Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { DomainState } from '../../../shared/api';
import { useDomains, useHosts } from '../../queries';
import { useUi } from '../../store/ui';

const STATE_COLOR: Record<DomainState, string> = {
  running: 'teal',
  blocked: 'yellow',
  paused: 'yellow',
  shutdown: 'orange',
  shutoff: 'gray',
  crashed: 'red',
  pmsuspended: 'violet',
  nostate: 'gray',
};

export function DomainTable() {
  const selection = useUi((s) => s.selection);
  const hostId = selection.kind === 'all' ? undefined : selection.hostId;
  const domains = useDomains();
  const hosts = useHosts();
  const [filter, setFilter] = useState('');
  const hostName = useMemo(() => new Map((hosts.data ?? []).map((h) => [h.id, h.spec.name])), [hosts.data]);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (domains.data ?? [])
      .filter((d) => !hostId || d.hostId === hostId)
      .filter((d) => !f || d.name.toLowerCase().includes(f))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [domains.data, hostId, filter]);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{hostId ? `VMs on ${hostName.get(hostId) ?? hostId}` : 'All VMs'}</Text>
        <TextInput placeholder="Filter by name" leftSection={<IconSearch size={14} />} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={240} />
      </Group>
      <Table striped highlightOnHover data-testid="domain-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>vCPUs</Table.Th>
            <Table.Th>Memory</Table.Th>
            <Table.Th>Host</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={`${d.hostId}/${d.uuid}`} data-testid={`vm-${d.hostId}-${d.name}`}>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[d.state]} variant="light" data-testid="vm-state">
                  {d.state}
                </Badge>
              </Table.Td>
              <Table.Td>{d.vcpus}</Table.Td>
              <Table.Td>{Math.round(d.memoryKiB / 1024)} MiB</Table.Td>
              <Table.Td>{hostName.get(d.hostId) ?? d.hostId}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text c="dimmed" size="sm" mt="md">
          {domains.isLoading ? 'Loading…' : 'No VMs to show.'}
        </Text>
      )}
    </>
  );
}
