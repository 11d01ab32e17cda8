/** The host's tuning tab: KSM, huge pages and transparent huge pages, CPU topology and pinning suggestions. */
import { Loader, SimpleGrid, Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTuningMm, useTuningVms } from '../../queries/tuning';
import { CpuCard } from './CpuCard';
import { HugePagesCard } from './HugePagesCard';
import { KsmCard } from './KsmCard';

export function TuningTab({ hostId }: { hostId: string }) {
  const mm = useTuningMm(hostId);
  const vms = useTuningVms(hostId);
  return (
    <Stack gap="md" data-testid="tuning-tab">
      <ErrorAlert title="Cannot read /sys/kernel/mm on this host" error={mm.error} />
      <ErrorAlert title="Cannot read the host's CPUs and VMs" error={vms.error} />
      {(mm.isLoading || vms.isLoading) && <Loader size="sm" />}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <KsmCard hostId={hostId} mm={mm.data} vms={vms.data?.vms} />
        <Stack gap="md">
          <HugePagesCard hostId={hostId} mm={mm.data} />
          <CpuCard hostId={hostId} topology={vms.data?.topology} vms={vms.data?.vms} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
