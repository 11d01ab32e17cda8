/**
 * What can be done to a VM, when, and why not: one table that the toolbar, the row menu, the
 * context menu, the details header and the keyboard all read, so they never disagree.
 */
import {
  IconBolt,
  IconMoon,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerTrackNext,
  IconPlugX,
  IconPower,
  IconRefresh,
  IconRotate2,
  IconTerminal2,
  IconTrash,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DomainAction, DomainState, DomainSummary } from '../../../shared/api';

export type VmAction = DomainAction | 'delete' | 'console';

export interface ActionSpec {
  action: VmAction;
  label: string;
  /** Suffix of the element's test id: vm-<name>-<hostId>-<id>. */
  id: string;
  /** Mantine hotkey notation. */
  hotkey: string;
  /** How the tooltip and menu show it. */
  keys: string;
  icon: (size: number) => ReactNode;
  color?: string;
  /** Asks before acting (force off, delete). */
  confirm?: boolean;
}

export const ACTIONS: readonly ActionSpec[] = [
  { action: 'start', label: 'Start', id: 'start', hotkey: 's', keys: 'S', icon: (s) => <IconPlayerPlay size={s} /> },
  { action: 'shutdown', label: 'Shut down', id: 'shutdown', hotkey: 'd', keys: 'D', icon: (s) => <IconPower size={s} /> },
  { action: 'reboot', label: 'Reboot', id: 'reboot', hotkey: 'r', keys: 'R', icon: (s) => <IconRefresh size={s} /> },
  {
    action: 'reset',
    label: 'Reset',
    id: 'reset',
    hotkey: 'shift+R',
    keys: 'Shift+R',
    icon: (s) => <IconRotate2 size={s} />,
    color: 'red',
    confirm: true,
  },
  { action: 'suspend', label: 'Pause', id: 'pause', hotkey: 'p', keys: 'P', icon: (s) => <IconPlayerPause size={s} /> },
  { action: 'resume', label: 'Resume', id: 'resume', hotkey: 'shift+P', keys: 'Shift+P', icon: (s) => <IconPlayerTrackNext size={s} /> },
  { action: 'managedsave', label: 'Hibernate', id: 'hibernate', hotkey: 'h', keys: 'H', icon: (s) => <IconMoon size={s} /> },
  { action: 'nmi', label: 'Send NMI', id: 'nmi', hotkey: 'shift+N', keys: 'Shift+N', icon: (s) => <IconBolt size={s} /> },
  {
    action: 'destroy',
    label: 'Force off',
    id: 'forceoff',
    hotkey: 'shift+D',
    keys: 'Shift+D',
    icon: (s) => <IconPlugX size={s} />,
    color: 'red',
    confirm: true,
  },
  { action: 'console', label: 'Open console', id: 'console', hotkey: 'c', keys: 'C', icon: (s) => <IconTerminal2 size={s} /> },
  {
    action: 'delete',
    label: 'Delete…',
    id: 'delete',
    hotkey: 'Delete',
    keys: 'Del',
    icon: (s) => <IconTrash size={s} />,
    color: 'red',
    confirm: true,
  },
];

export const ACTION: Record<VmAction, ActionSpec> = Object.fromEntries(ACTIONS.map((a) => [a.action, a])) as Record<VmAction, ActionSpec>;

export function actionTestId(d: { name: string; hostId: string }, action: VmAction): string {
  return `vm-${d.name}-${d.hostId}-${ACTION[action].id}`;
}

const RUNNING: ReadonlySet<DomainState> = new Set(['running', 'blocked']);

function whyNotByState(action: VmAction, s: DomainState): string | null {
  const running = RUNNING.has(s);
  switch (action) {
    case 'start':
      if (running) return 'Already running';
      if (s === 'paused') return 'Paused: use Resume';
      if (s === 'pmsuspended') return 'Suspended by the guest: wake it from inside, or force off';
      if (s === 'shutdown') return 'Shutting down: wait for it, or force off';
      return null;
    case 'shutdown':
      if (running) return null;
      if (s === 'paused') return 'Paused: resume it first (or force off)';
      if (s === 'shutdown') return 'Already shutting down';
      if (s === 'pmsuspended') return 'Suspended by the guest: force off instead';
      return 'Not running';
    case 'reboot':
      if (running) return null;
      if (s === 'paused') return 'Paused: resume it first';
      return 'Not running';
    case 'reset':
    case 'nmi':
      if (running) return null;
      if (s === 'paused') return 'Paused: resume it first';
      return 'Not running';
    case 'managedsave':
      if (running || s === 'paused') return null;
      return 'Not running';
    case 'suspend':
      if (running) return null;
      if (s === 'paused') return 'Already paused';
      return 'Not running';
    case 'resume':
      if (s === 'paused') return null;
      if (running) return 'Not paused';
      return 'Not running';
    case 'destroy':
      return s === 'shutoff' ? 'Already shut off' : null;
    case 'delete':
      return null;
    case 'console':
      return null;
  }
}

/** Why an action cannot apply to this VM right now (the tooltip of the disabled control), or null. */
export function whyNot(
  action: VmAction,
  d: Pick<DomainSummary, 'state'>,
  ctx: { hostConnected: boolean; pending?: VmAction | undefined },
): string | null {
  if (action === 'console') return ctx.hostConnected ? null : 'The host is not connected';
  if (!ctx.hostConnected) return 'The host is not connected';
  if (ctx.pending) return `Busy: ${ACTION[ctx.pending].label.replace('…', '')} in progress`;
  return whyNotByState(action, d.state);
}
