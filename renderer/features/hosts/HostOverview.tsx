import { Badge, Card, Group, Loader, Progress, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { HostDetails, HostInfo, StoragePoolSummary } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, formatKiB } from '../../lib/format';
import { useHostDetails } from '../../queries';
import { ListTable } from '../usb/ListTable';

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** A card with a small title. */
function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function usageColor(frac: number): string {
  return frac > 0.9 ? 'red' : frac > 0.75 ? 'orange' : 'teal';
}

function PoolRow({ p }: { p: StoragePoolSummary }) {
  const frac = p.capacity > 0 ? p.allocation / p.capacity : 0;
  return (
    <Table.Tr data-testid={`pool-${p.name}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {p.name}
        </Text>
        <Text size="xs" c="dimmed" truncate maw={260}>
          {p.type ?? ''} {p.path ?? ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={p.state === 'running' ? 'teal' : 'gray'}>
          {p.state === 'running' ? 'active' : p.state}
        </Badge>
      </Table.Td>
      <Table.Td w="40%">
        {p.state === 'running' ? (
          <Tooltip label={`${formatBytes(p.allocation)} used, ${formatBytes(p.available)} free of ${formatBytes(p.capacity)}`}>
            <Stack gap={2}>
              <Progress value={frac * 100} color={usageColor(frac)} size="md" aria-label={`${p.name} usage`} />
              <Text size="xs" c="dimmed">
                {formatBytes(p.allocation)} / {formatBytes(p.capacity)} ({Math.round(frac * 100)}%)
              </Text>
            </Stack>
          </Tooltip>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Details({ d }: { d: HostDetails }) {
  const free = d.memory.freeBytes;
  const memFrac = free !== undefined && d.memory.totalKiB > 0 ? (d.memory.totalKiB * 1024 - free) / (d.memory.totalKiB * 1024) : null;
  const topo = `${d.cpu.sockets} socket${d.cpu.sockets === 1 ? '' : 's'} × ${d.cpu.cores} core${d.cpu.cores === 1 ? '' : 's'} × ${d.cpu.threads} thread${d.cpu.threads === 1 ? '' : 's'}`;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Section title="System">
          <Stack gap="xs">
            <Fact label="Hostname" value={d.hostname} testId="host-hostname" />
            <Fact label="libvirt" value={d.libvirtVersion} testId="host-libvirt-version" />
            <Fact label="Hypervisor (QEMU)" value={d.hypervisorVersion} testId="host-qemu-version" />
            <Fact label="URI" value={d.uri} />
          </Stack>
        </Section>
        <Section title="CPU">
          <Stack gap="xs">
            <Fact label="Model" value={d.cpu.model} testId="host-cpu-model" />
            <Fact label="CPUs" value={`${d.cpu.cpus} (${topo})`} testId="host-cpu-count" />
            <Fact label="Architecture" value={`${d.cpu.arch}${d.cpu.mhz ? ` · ${d.cpu.mhz} MHz` : ''}`} />
            <Fact label="NUMA nodes" value={d.cpu.nodes} />
          </Stack>
        </Section>
        <Section title="Memory">
          <Stack gap="xs">
            <Fact label="Total" value={formatKiB(d.memory.totalKiB)} testId="host-memory" />
            <Fact label="Free" value={free !== undefined ? formatBytes(free) : 'not reported by this driver'} />
            {memFrac !== null && <Progress value={memFrac * 100} color={usageColor(memFrac)} aria-label="Memory in use" />}
          </Stack>
        </Section>
      </SimpleGrid>
      <Section title="Storage pools">
        <ListTable count={d.pools.length} empty="No storage pools." verticalSpacing={6} testId="host-pools">
          {d.pools.map((p) => (
            <PoolRow key={p.uuid} p={p} />
          ))}
        </ListTable>
      </Section>
      <Section title="Networks">
        <ListTable
          count={d.networks.length}
          empty="No libvirt networks."
          columns={['Name', 'State', 'Bridge', 'Forward']}
          verticalSpacing={6}
          testId="host-networks"
        >
          {d.networks.map((n) => (
            <Table.Tr key={n.uuid} data-testid={`network-${n.name}`}>
              <Table.Td>{n.name}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={n.active ? 'teal' : 'gray'}>
                  {n.active ? 'active' : 'inactive'}
                </Badge>
              </Table.Td>
              <Table.Td>{n.bridge ?? '—'}</Table.Td>
              <Table.Td>{n.forward ?? 'isolated'}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </Section>
    </Stack>
  );
}

export function HostOverview({ host }: { host: HostInfo }) {
  const connected = host.state.status === 'connected';
  const details = useHostDetails(host.id, connected);
  if (!connected)
    return (
      <Text c="dimmed" size="sm">
        Connect the host to see its details.
      </Text>
    );
  return (
    <>
      {details.isLoading && (
        <Group>
          <Loader size="sm" /> <Text size="sm">Reading the host…</Text>
        </Group>
      )}
      <ErrorAlert title="Could not read the host's details" error={details.error} />
      {details.data && <Details d={details.data} />}
    </>
  );
}
