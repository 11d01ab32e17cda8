/** One VM: header with its actions, then overview, live graphs and its XML. */
import { Anchor, Breadcrumbs, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { domainKey } from '../../../lib/format';
import { useDomain, useDomainDetails, useHost } from '../../../queries';
import { type DomainTab, useUi } from '../../../store/ui';
import { QosPanel } from '../../qos/QosPanel';
import { SettingsTab } from '../../settings/SettingsTab';
import { XmlTab } from '../../settings/XmlTab';
import { SnapshotsTab } from '../../snapshots/SnapshotsTab';
import { UsbPanel } from '../../usb/UsbPanel';
import { DomainActionBar } from '../DomainActionBar';
import { DomainActionErrors } from '../DomainActionErrors';
import { DomainStateBadge } from '../DomainStateBadge';
import { DomainGraphs } from './DomainGraphs';
import { DomainOverview } from './DomainOverview';

export function DomainPage({ hostId, uuid, tab }: { hostId: string; uuid: string; tab: DomainTab }) {
  const d = useDomain(hostId, uuid);
  const host = useHost(hostId);
  const select = useUi((s) => s.select);
  const connected = host?.state.status === 'connected';
  const details = useDomainDetails(hostId, uuid, connected && !!d);
  const name = d?.name ?? details.data?.summary.name;

  if (!d)
    return (
      <Stack>
        <Text c="dimmed" data-testid="domain-gone">
          {connected ? 'This VM no longer exists on the host.' : 'The host of this VM is not connected.'}
        </Text>
        <Anchor onClick={() => select(host ? { kind: 'host', hostId } : { kind: 'all' })}>
          Back to {host ? host.spec.name : 'all VMs'}
        </Anchor>
      </Stack>
    );

  const active = d.state === 'running' || d.state === 'paused' || d.state === 'blocked';
  return (
    <Stack gap="sm" data-testid={`vm-details-${d.name}-${hostId}`}>
      <Breadcrumbs separator="›">
        <Anchor size="sm" onClick={() => select({ kind: 'all' })}>
          All VMs
        </Anchor>
        <Anchor size="sm" onClick={() => select({ kind: 'host', hostId, tab: 'vms' })}>
          {host?.spec.name ?? hostId}
        </Anchor>
        <Text size="sm">{name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconDeviceDesktop size={28} />
          <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="details-name">
            {name}
          </Title>
          <DomainStateBadge state={d.state} testId={`vm-${d.name}-${hostId}-state`} />
        </Group>
        <DomainActionBar domain={d} idPrefix="vm" extraHotkeys={[['Escape', () => select({ kind: 'host', hostId, tab: 'vms' })]]} />
      </Group>
      <DomainActionErrors only={domainKey(hostId, uuid)} />
      <Tabs value={tab} onChange={(t) => select({ kind: 'domain', hostId, uuid, tab: (t as DomainTab) ?? 'overview' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview" data-testid="details-tab-overview">
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="graphs" data-testid="details-tab-graphs">
            Performance
          </Tabs.Tab>
          <Tabs.Tab value="resources" data-testid="details-tab-resources">
            Resources
          </Tabs.Tab>
          <Tabs.Tab value="usb" data-testid="details-tab-usb">
            USB
          </Tabs.Tab>
          <Tabs.Tab value="settings" data-testid="details-tab-settings">
            Settings
          </Tabs.Tab>
          <Tabs.Tab value="snapshots" data-testid="details-tab-snapshots">
            Snapshots
          </Tabs.Tab>
          <Tabs.Tab value="xml" data-testid="details-tab-xml">
            XML
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="sm">
          {details.isLoading && <Loader size="sm" />}
          <ErrorAlert title={`Could not read “${name}”`} error={details.error} />
          {details.data && <DomainOverview d={details.data} fetchedAt={details.dataUpdatedAt} />}
        </Tabs.Panel>
        <Tabs.Panel value="graphs" pt="sm">
          <DomainGraphs hostId={hostId} uuid={uuid} vcpus={d.vcpus} active={active} />
        </Tabs.Panel>
        <Tabs.Panel value="resources" pt="sm">
          <QosPanel hostId={hostId} uuid={uuid} name={d.name} />
        </Tabs.Panel>
        <Tabs.Panel value="usb" pt="sm">
          <UsbPanel hostId={hostId} uuid={uuid} name={d.name} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="sm">
          <SettingsTab hostId={hostId} uuid={uuid} />
        </Tabs.Panel>
        <Tabs.Panel value="snapshots" pt="sm">
          <SnapshotsTab hostId={hostId} uuid={uuid} />
        </Tabs.Panel>
        <Tabs.Panel value="xml" pt="sm">
          {details.isLoading && <Loader size="sm" />}
          <ErrorAlert title={`Could not read “${name}”`} error={details.error} />
          {details.data && <XmlTab hostId={hostId} uuid={uuid} liveXml={details.data.xml} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
