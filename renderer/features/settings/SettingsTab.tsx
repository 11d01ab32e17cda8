/**
 * The VM's settings, in sections like virt-manager's hardware list. Each change goes to the running
 * VM and the next boot as libvirt allows and is read back; what waits for the next boot is listed
 * under "pending changes" (the running value beside the next boot's).
 */
import { Alert, Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { PendingSetting, VmSettings } from '../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDomain } from '../../queries';
import { settingsKeys, useVmSettings } from '../../queries/settings';
import { BootSection } from './BootSection';
import { CpuMemorySection } from './CpuMemorySection';
import { CpuModeSection } from './CpuModeSection';
import { DevicesSection } from './DevicesSection';
import { GeneralSection } from './GeneralSection';
import { fieldWords, showValue } from './words';

export function SettingsTab({ hostId, uuid }: { hostId: string; uuid: string }) {
  const q = useVmSettings(hostId, uuid);
  // Started, stopped, renamed elsewhere: libvirt's events update the VM list; the settings follow.
  const summary = useDomain(hostId, uuid);
  const qc = useQueryClient();
  const seen = summary ? `${summary.state}|${summary.name}|${summary.vcpus}|${summary.memoryKiB}` : '';
  const last = useRef(seen);
  useEffect(() => {
    if (seen === last.current) return;
    last.current = seen;
    void qc.invalidateQueries({ queryKey: settingsKeys.settings(hostId, uuid) });
  }, [qc, hostId, uuid, seen]);
  if (q.isLoading) return <Loader size="sm" />;
  if (!q.data) return <ErrorAlert title="Could not read the settings" error={q.error} />;
  const s = q.data;
  return (
    <Stack gap="md" data-testid="settings-panel" data-running={s.running ? 'yes' : 'no'}>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {s.running
            ? 'Changes apply to the running VM where libvirt allows it, and always to the next boot.'
            : 'The VM is shut off: changes apply to its next boot.'}
        </Text>
        {s.pending.length > 0 && (
          <Badge color="orange" variant="light" leftSection={<IconClockPause size={12} />} data-testid="settings-pending-badge">
            pending changes
          </Badge>
        )}
      </Group>
      {s.pending.length > 0 && <Pending pending={s.pending} />}
      <GeneralSection s={s} />
      <CpuMemorySection s={s} />
      <CpuModeSection s={s} />
      <DevicesSection s={s} />
      <BootSection s={s} />
    </Stack>
  );
}

function Pending({ pending }: { pending: PendingSetting[] }) {
  return (
    <Alert color="orange" title="Pending until the next boot" data-testid="settings-pending" p="xs">
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>running VM</Table.Th>
            <Table.Th>next boot</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending.map((p) => (
            <Table.Tr key={p.field} data-testid={`settings-pending-${p.field}`}>
              <Table.Td>{fieldWords[p.field] ?? p.field}</Table.Td>
              <Table.Td>{showValue(p.field, p.live)}</Table.Td>
              <Table.Td>{showValue(p.field, p.next)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}

export type { VmSettings };
