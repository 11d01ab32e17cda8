/** A VM's "Resources" tab: CPU weight, cap and pinning; disk I/O limits; NIC bandwidth. */
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CpuTuneCard } from './CpuTuneCard';
import { DiskTuneCard } from './DiskTuneCard';
import { NicTuneCard } from './NicTuneCard';
import { ScopeControl, useScope } from './ScopeControl';
import { useQos } from './useQos';

export function QosPanel({ hostId, uuid, name }: { hostId: string; uuid: string; name: string }) {
  const q = useQos(hostId, uuid);
  // A change made elsewhere (virsh, another Vireo) arrives as domain.changed and refetches it (queries/keys.ts).
  const [scope, setScope] = useScope(q.data);

  if (q.isLoading) return <Loader size="sm" />;
  if (!q.data) return <ErrorAlert title={`Could not read the resources of “${name}”`} error={q.error} />;
  const s = q.data;
  return (
    <Stack gap="md" data-testid="qos-panel" data-running={s.running ? 'true' : 'false'}>
      <Group justify="space-between" wrap="wrap">
        <ScopeControl value={scope} onChange={setScope} vm={s} testId="qos-scope" />
        <Text size="xs" c="dimmed">
          Values are read back from libvirt after every change.
        </Text>
      </Group>
      <ErrorAlert title="Could not refresh" error={q.error} />
      <CpuTuneCard hostId={hostId} uuid={uuid} q={s} scope={scope} />
      <Title order={4}>Disks</Title>
      {s.disks.length === 0 && (
        <Text size="sm" c="dimmed">
          No disks.
        </Text>
      )}
      {s.disks.map((d) => (
        <DiskTuneCard key={d.target} hostId={hostId} uuid={uuid} disk={d} scope={scope} persistent={s.persistent} />
      ))}
      <Title order={4}>Network</Title>
      {s.nics.length === 0 && (
        <Text size="sm" c="dimmed">
          No network interfaces.
        </Text>
      )}
      {s.nics.map((n) => (
        <NicTuneCard key={n.mac} hostId={hostId} uuid={uuid} nic={n} scope={scope} persistent={s.persistent} />
      ))}
    </Stack>
  );
}
