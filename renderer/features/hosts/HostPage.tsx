import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconPlugConnected, IconPlugConnectedX, IconRefresh, IconServer, IconTrash } from '@tabler/icons-react';
import { useShallow } from 'zustand/react/shallow';
import type { HostInfo } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';
import { useHost } from '../../queries';
import { useHostVerb } from '../../queries/mutations';
import { type HostTab, useUi } from '../../store/ui';
import { DomainTable } from '../domains/DomainTable';
import { NewVmButton } from '../install/InstallWizard';
import { NetworksTab } from '../networks/NetworksTab';
import { StorageTab } from '../storage/StorageTab';
import { TuningTab } from '../tuning/TuningTab';
import { ChangedHostKey } from './ChangedHostKey';
import { HostOverview } from './HostOverview';
import { HostStateBadge } from './HostStateBadge';

function where(h: HostInfo): string {
  if (h.spec.transport === 'local') return `this computer · ${h.spec.uri}`;
  const port = h.spec.port && h.spec.port !== 22 ? `:${h.spec.port}` : '';
  return `${h.spec.user ? `${h.spec.user}@` : ''}${h.spec.address}${port}${h.spec.jump ? ` via ${h.spec.jump}` : ''} · ${h.spec.uri}`;
}

function HostHeader({ host }: { host: HostInfo }) {
  const verb = useHostVerb(host.id);
  const { setHostForm, setRemoveHostId } = useUi(useShallow((s) => ({ setHostForm: s.setHostForm, setRemoveHostId: s.setRemoveHostId })));
  const s = host.state.status;
  const live = s === 'connected' || s === 'connecting' || s === 'reconnecting';
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconServer size={26} />
          <div style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Title order={3} data-testid="host-page-name">
                {host.spec.name}
              </Title>
              <HostStateBadge state={host.state} testId="host-page-status" />
            </Group>
            <Text size="sm" c="dimmed" truncate data-testid="host-page-where">
              {where(host)}
              {host.hostname ? ` · ${host.hostname}` : ''}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <NewVmButton hostId={host.id} disabled={s !== 'connected'} />
          {live ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlugConnectedX size={14} />}
              loading={verb.isPending}
              onClick={() =>
                verb.mutate('disconnect', {
                  onError: (err) => notifyError(`${host.spec.name}: could not disconnect`, err, { id: `host-${host.id}` }),
                })
              }
            >
              Disconnect
            </Button>
          ) : (
            <Button
              size="xs"
              leftSection={s === 'failed' ? <IconRefresh size={14} /> : <IconPlugConnected size={14} />}
              loading={verb.isPending}
              onClick={() =>
                verb.mutate('connect', {
                  onError: (err) => notifyError(`${host.spec.name}: could not connect`, err, { id: `host-${host.id}` }),
                })
              }
              data-testid="host-page-connect"
            >
              {s === 'failed' ? 'Retry' : 'Connect'}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} />}
            onClick={() => setHostForm({ mode: 'edit', hostId: host.id })}
          >
            Edit
          </Button>
          <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => setRemoveHostId(host.id)}>
            Remove
          </Button>
        </Group>
      </Group>
      {host.state.status === 'failed' && (
        <div data-testid="host-page-error">
          <ErrorAlert title={`Cannot connect to ${host.spec.name}`} error={host.state.error} />
          {host.state.error.hostKey && <ChangedHostKey host={host} facts={host.state.error.hostKey} />}
        </div>
      )}
      {host.state.status === 'reconnecting' && (
        <Alert color="orange" icon={<IconInfoCircle size={16} />} title={`Reconnecting (attempt ${host.state.attempt})`} p="xs">
          {host.state.reason}
        </Alert>
      )}
    </Stack>
  );
}

export function HostPage({ hostId, tab }: { hostId: string; tab: HostTab }) {
  const host = useHost(hostId);
  const select = useUi((s) => s.select);
  if (!host) return <Text c="dimmed">This host was removed.</Text>;
  return (
    <Stack h="100%" gap="sm" style={{ minHeight: 0 }}>
      <HostHeader host={host} />
      <Tabs
        value={tab}
        onChange={(t) => select({ kind: 'host', hostId, tab: (t as HostTab) ?? 'vms' })}
        keepMounted={false}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List>
          <Tabs.Tab value="overview" data-testid="host-tab-overview">
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="vms" data-testid="host-tab-vms">
            Virtual machines
          </Tabs.Tab>
          <Tabs.Tab value="storage" data-testid="host-tab-storage">
            Storage
          </Tabs.Tab>
          <Tabs.Tab value="networks" data-testid="host-tab-networks">
            Networks
          </Tabs.Tab>
          <Tabs.Tab value="tuning" data-testid="host-tab-tuning">
            Tuning
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="vms" pt="sm" style={{ flex: 1, minHeight: 0 }}>
          <DomainTable hostId={hostId} />
        </Tabs.Panel>
        <Tabs.Panel value="overview" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <HostOverview host={host} />
        </Tabs.Panel>
        <Tabs.Panel value="storage" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <StorageTab hostId={hostId} />
        </Tabs.Panel>
        <Tabs.Panel value="networks" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <NetworksTab hostId={hostId} />
        </Tabs.Panel>
        <Tabs.Panel value="tuning" pt="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <TuningTab hostId={hostId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
