import { Badge, Loader, Tooltip } from '@mantine/core';
import type { HostStatus } from '../../../shared/api';

export const HOST_STATUS_COLOR: Record<HostStatus['status'], string> = {
  connected: 'teal',
  connecting: 'yellow',
  reconnecting: 'orange',
  failed: 'red',
  disconnected: 'gray',
};

/** One line for the host's connection, with SSH's or libvirt's own words when it failed. */
export function statusText(s: HostStatus): string {
  switch (s.status) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return `Reconnecting (attempt ${s.attempt}): ${s.reason}`;
    case 'failed':
      return `Failed: ${s.error.message}`;
    case 'disconnected':
      return 'Disconnected';
  }
}

const SHORT: Record<HostStatus['status'], string> = {
  connected: 'connected',
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  failed: 'failed',
  disconnected: 'disconnected',
};

export function HostStateBadge({ state, testId }: { state: HostStatus; testId?: string }) {
  const busy = state.status === 'connecting' || state.status === 'reconnecting';
  return (
    <Tooltip label={statusText(state)} multiline maw={360} disabled={state.status === 'connected'}>
      <Badge
        size="sm"
        variant="light"
        color={HOST_STATUS_COLOR[state.status]}
        leftSection={busy ? <Loader size={8} color={HOST_STATUS_COLOR[state.status]} /> : undefined}
        data-testid={testId}
        data-status={state.status}
      >
        {SHORT[state.status]}
      </Badge>
    </Tooltip>
  );
}
