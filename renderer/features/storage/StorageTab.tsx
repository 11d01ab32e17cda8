/**
 * The host's Storage tab: its pools (state, autostart, capacity bar, actions) and the volumes of
 * the pool picked in the list (format, sizes, which VMs use each; create, resize, delete).
 * Everything follows libvirt's pool events (storage.changed) and the VMs' disk changes.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePools, useVolumeUsersFollowDomains } from '../../queries/storage';
import { DefinePoolModal } from './DefinePoolModal';
import { PoolsTable } from './PoolsTable';
import { VolumesPanel } from './VolumesPanel';

export function StorageTab({ hostId }: { hostId: string }) {
  const pools = usePools(hostId);
  useVolumeUsersFollowDomains(hostId);
  const [picked, setPicked] = useState<string | null>(null);
  const [defining, setDefining] = useState(false);
  const list = pools.data ?? [];
  const selected = list.find((p) => p.name === picked) ?? list.find((p) => p.state === 'running') ?? list[0];
  return (
    <Stack gap="md" data-testid="storage-tab">
      <Group justify="space-between">
        <Title order={5}>Storage pools</Title>
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setDefining(true)} data-testid="storage-define-pool">
          Define pool
        </Button>
      </Group>
      <ErrorAlert title="Could not list the pools" error={pools.error} />
      {pools.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          No storage pools on this host.
        </Text>
      )}
      {list.length > 0 && <PoolsTable hostId={hostId} pools={list} selected={selected?.name} onSelect={setPicked} />}
      {selected && <VolumesPanel hostId={hostId} pool={selected} pools={list} />}
      <DefinePoolModal
        hostId={hostId}
        opened={defining}
        onClose={() => setDefining(false)}
        onDefined={(name) => {
          setPicked(name);
          setDefining(false);
        }}
      />
    </Stack>
  );
}
