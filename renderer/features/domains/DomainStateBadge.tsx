import { Badge, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconHourglass,
  IconLoader2,
  IconMoonStars,
  IconPlayerPauseFilled,
  IconPlayerPlayFilled,
  IconPlayerStopFilled,
  IconQuestionMark,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DomainState } from '../../../shared/api';
import { STATE_LABEL } from './stateLabels';

const ICON: Record<DomainState, (size: number) => ReactNode> = {
  running: (s) => <IconPlayerPlayFilled size={s} />,
  blocked: (s) => <IconHourglass size={s} />,
  paused: (s) => <IconPlayerPauseFilled size={s} />,
  shutdown: (s) => <IconLoader2 size={s} />,
  shutoff: (s) => <IconPlayerStopFilled size={s} />,
  crashed: (s) => <IconAlertTriangle size={s} />,
  pmsuspended: (s) => <IconMoonStars size={s} />,
  nostate: (s) => <IconQuestionMark size={s} />,
};

function lookOf(state: DomainState) {
  return { ...STATE_LABEL[state], icon: ICON[state] };
}

/** The state as icon + word (never colour alone), for rows and headers. */
export function DomainStateLabel({ state, testId }: { state: DomainState; testId?: string }) {
  const look = lookOf(state);
  // Plain elements: this renders in every table row.
  return (
    <span data-testid={testId} data-state={state} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <span style={{ color: `var(--mantine-color-${look.color}-text)`, display: 'inline-flex' }}>{look.icon(14)}</span>
      {look.label}
    </span>
  );
}

export function DomainStateBadge({ state, testId }: { state: DomainState; testId?: string }) {
  const look = lookOf(state);
  return (
    <Badge color={look.color} variant="light" leftSection={look.icon(12)} data-testid={testId} data-state={state}>
      {look.label}
    </Badge>
  );
}

/** Just the icon, for the sidebar tree (the label says the state to screen readers). */
export function DomainStateIcon({ state }: { state: DomainState }) {
  const look = lookOf(state);
  return (
    <Text component="span" c={`${look.color}.6`} display="inline-flex" aria-label={look.label} title={look.label}>
      {look.icon(12)}
    </Text>
  );
}
