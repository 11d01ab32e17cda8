/** Small pieces shared by the serial console and the VNC display: the toolbar, its state badge and its buttons. */
import { ActionIcon, Badge, Button, Group, Tooltip } from '@mantine/core';
import { IconDeviceDesktop, IconTerminal2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ConsoleKind, ConsoleState } from '../../../shared/api';
import { type ConsoleTab, openConsole } from './store';

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

/** The button that opens the other kind of console of the same VM. */
const OTHER: Record<ConsoleKind, { tooltip: string; icon: ReactNode; label: string; testId: string }> = {
  vnc: {
    tooltip: 'Open the graphical display (VNC) of this VM',
    icon: <IconDeviceDesktop size={14} />,
    label: 'Display',
    testId: 'console-open-vnc',
  },
  serial: {
    tooltip: 'Open the serial console of this VM',
    icon: <IconTerminal2 size={14} />,
    label: 'Serial',
    testId: 'console-open-serial',
  },
};

/**
 * A console tab's header: the state badge and what `info` says on the left; the `children` tools on
 * the right, then the button that opens `other` (the VM's other kind of console).
 */
export function ConsoleToolbar({
  state,
  hostName,
  info,
  other,
  children,
}: {
  state: ConsoleState | undefined;
  hostName: string;
  info: ReactNode;
  other: Omit<ConsoleTab, 'key'>;
  children: ReactNode;
}) {
  const look = OTHER[other.kind];
  return (
    <Group gap={6} justify="space-between" wrap="nowrap">
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        <StateBadge state={state} hostName={hostName} />
        {info}
      </Group>
      <Group gap={4} wrap="nowrap">
        {children}
        <Tooltip label={look.tooltip}>
          <Button size="compact-xs" variant="default" leftSection={look.icon} onClick={() => openConsole(other)} data-testid={look.testId}>
            {look.label}
          </Button>
        </Tooltip>
      </Group>
    </Group>
  );
}
