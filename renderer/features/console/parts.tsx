/** Small pieces shared by the serial console and the VNC display: the state badge and toolbar buttons. */
import { ActionIcon, Badge, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ConsoleState } from '../../../shared/api';

const LOOK: Record<ConsoleState['status'], { color: string; label: string }> = {
  connecting: { color: 'gray', label: 'Connecting' },
  open: { color: 'teal', label: 'Connected' },
  busy: { color: 'orange', label: 'In use elsewhere' },
  waiting: { color: 'blue', label: 'Waiting' },
  'no-device': { color: 'yellow', label: 'No device' },
  disconnected: { color: 'gray', label: 'Disconnected' },
  failed: { color: 'red', label: 'Failed' },
  closed: { color: 'gray', label: 'Closed' },
};

export function StateBadge({ state, hostName }: { state: ConsoleState | undefined; hostName: string }) {
  const look = LOOK[state?.status ?? 'connecting'];
  return (
    <Badge
      color={look.color}
      variant="light"
      size="sm"
      data-testid="console-state"
      data-status={state?.status ?? 'connecting'}
      style={{ flexShrink: 0 }}
    >
      {look.label} · {hostName}
    </Badge>
  );
}

export function Tool({
  label,
  onClick,
  testId,
  disabled,
  children,
}: {
  label: string;
  onClick: () => void;
  testId: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <ActionIcon variant="default" size="sm" aria-label={label} onClick={onClick} disabled={disabled} data-testid={testId}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
