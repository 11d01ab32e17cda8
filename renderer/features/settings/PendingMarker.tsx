/**
 * The "pending changes" marker of a running VM in the VM list and the sidebar: its next boot's
 * definition differs from what runs (the Settings tab lists what), as virt-manager marks it.
 */
import { Tooltip } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import type { DomainSummary } from '../../../shared/api';
import { useHasPending } from '../../queries/settings';

export function PendingMarker({ d, testId }: { d: Pick<DomainSummary, 'hostId' | 'uuid' | 'state'>; testId: string }) {
  const running = d.state === 'running' || d.state === 'paused' || d.state === 'blocked';
  const pending = useHasPending(d.hostId, d.uuid, running);
  if (!pending) return null;
  return (
    <Tooltip label="Pending changes: the next boot differs from the running VM (see Settings)" withArrow openDelay={250}>
      <IconClockPause
        size={14}
        color="var(--mantine-color-orange-6)"
        aria-label="pending changes"
        data-testid={testId}
        style={{ flex: 'none', marginLeft: 4 }}
      />
    </Tooltip>
  );
}
