/** The host's pools: state, autostart, type and directory, a capacity bar, and the actions each state allows. */
import { Badge, Button, Group, Progress, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { PoolAction, PoolRow } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../lib/format';
import { useStorageWrite } from '../../queries/storage';
import { JobProgress } from '../install/JobProgress';
import { type ConfirmAsk, ConfirmModal } from './ConfirmModal';

const usageColor = (frac: number) => (frac > 0.9 ? 'red' : frac > 0.75 ? 'orange' : 'teal');

function Usage({ p }: { p: PoolRow }) {
  if (p.state !== 'running') {
    return (
      <Text size="xs" c="dimmed" data-testid="storage-pool-usage">
        —
      </Text>
    );
  }
  const frac = p.capacity > 0 ? p.allocation / p.capacity : 0;
  return (
    <Tooltip label={`${formatBytes(p.allocation)} used, ${formatBytes(p.available)} free of ${formatBytes(p.capacity)}`}>
      <Stack
        gap={2}
        data-testid="storage-pool-usage"
        data-capacity={p.capacity}
        data-allocation={p.allocation}
        data-available={p.available}
      >
        <Progress value={frac * 100} color={usageColor(frac)} size="md" aria-label={`${p.name} usage`} />
        <Text size="xs" c="dimmed">
          {formatBytes(p.allocation)} used · {formatBytes(p.available)} free · {formatBytes(p.capacity)}
        </Text>
      </Stack>
    </Tooltip>
  );
}

const LABEL: Record<PoolAction, string> = {
  build: 'Build',
  start: 'Start',
  stop: 'Stop',
  refresh: 'Refresh',
  undefine: 'Undefine',
  delete: 'Delete storage',
};

/** What each state offers. */
function actionsOf(p: PoolRow): PoolAction[] {
  if (p.state === 'running') return ['refresh', 'stop'];
  return ['build', 'start', 'delete', 'undefine'];
}

export function PoolsTable({
  hostId,
  pools,
  selected,
  onSelect,
}: {
  hostId: string;
  pools: PoolRow[];
  selected: string | undefined;
  onSelect: (name: string) => void;
}) {
  const act = useStorageWrite('storage.poolAction', hostId);
  const autostart = useStorageWrite('storage.poolAutostart', hostId);
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);
  const [ask, setAsk] = useState<ConfirmAsk | null>(null);
  /** A build's job (the other actions answer when done). */
  const [building, setBuilding] = useState<{ jobId: string; pool: string } | null>(null);
  const run = (p: PoolRow, action: PoolAction) =>
    act.mutate(
      { pool: p.name, action },
      {
        onSuccess: (job) => {
          setFailure(null);
          if (job) setBuilding({ jobId: job.id, pool: p.name });
        },
        onError: (error) => setFailure({ title: `Could not ${LABEL[action].toLowerCase()} pool ${p.name}`, error }),
      },
    );
  const click = (p: PoolRow, action: PoolAction) => {
    if (action === 'delete') {
      setAsk({
        title: `Delete the storage of ${p.name}?`,
        body: `Removes ${p.targetPath ?? 'its storage'} on the host (it must be empty). The definition stays until you undefine it.`,
        verb: 'Delete storage',
        run: () => run(p, action),
      });
    } else if (action === 'undefine') {
      setAsk({
        title: `Undefine ${p.name}?`,
        body: 'Removes the pool’s definition from libvirt. Its directory and files stay on the host.',
        verb: 'Undefine',
        run: () => run(p, action),
      });
    } else run(p, action);
  };
  return (
    <Stack gap="xs">
      {failure && <ErrorAlert title={failure.title} error={failure.error} />}
      {building && (
        <JobProgress key={building.jobId} jobId={building.jobId} testId="storage-pool-job" fallbackTitle={`Build pool ${building.pool}`} />
      )}
      <Table verticalSpacing={6} highlightOnHover data-testid="storage-pools">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Pool</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Autostart</Table.Th>
            <Table.Th w="30%">Usage</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pools.map((p) => (
            <Table.Tr
              key={p.uuid}
              data-testid="storage-pool"
              data-state={p.state}
              aria-selected={p.name === selected}
              bg={p.name === selected ? 'var(--mantine-color-default-hover)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(p.name)}
            >
              <Table.Td>
                <Text size="sm" fw={500} data-testid="storage-pool-name">
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed" truncate maw={320} data-testid="storage-pool-where">
                  {p.type}
                  {p.targetPath ? ` · ${p.targetPath}` : ''}
                  {p.persistent ? '' : ' · transient'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={p.state === 'running' ? 'teal' : 'gray'} data-testid="storage-pool-state">
                  {p.state === 'running' ? 'active' : p.state}
                </Badge>
              </Table.Td>
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Switch
                  size="sm"
                  label="On boot"
                  checked={autostart.isPending && autostart.variables?.pool === p.name ? autostart.variables.autostart : p.autostart}
                  disabled={!p.persistent || autostart.isPending}
                  aria-label={`Start ${p.name} when the host boots`}
                  onChange={(e) =>
                    autostart.mutate(
                      { pool: p.name, autostart: e.currentTarget.checked },
                      {
                        onSuccess: () => setFailure(null),
                        onError: (error) => setFailure({ title: `Could not change autostart of ${p.name}`, error }),
                      },
                    )
                  }
                  data-testid="storage-pool-autostart"
                />
              </Table.Td>
              <Table.Td>
                <Usage p={p} />
              </Table.Td>
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  {actionsOf(p).map((a) => (
                    <Button
                      key={a}
                      size="compact-xs"
                      variant={a === 'delete' || a === 'undefine' ? 'light' : 'default'}
                      color={a === 'delete' || a === 'undefine' ? 'red' : undefined}
                      loading={act.isPending && act.variables?.pool === p.name && act.variables.action === a}
                      onClick={() => click(p, a)}
                      data-testid={`storage-pool-${a}`}
                    >
                      {LABEL[a]}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal ask={ask} onClose={() => setAsk(null)} />
    </Stack>
  );
}
