/** How each libvirt domain state is named and coloured in the UI (icons: DomainStateBadge). */
import type { DomainState } from '../../../shared/api';

export const STATE_LABEL: Record<DomainState, { label: string; color: string }> = {
  running: { label: 'Running', color: 'teal' },
  blocked: { label: 'Blocked', color: 'yellow' },
  paused: { label: 'Paused', color: 'yellow' },
  shutdown: { label: 'Shutting down', color: 'orange' },
  shutoff: { label: 'Shut off', color: 'gray' },
  crashed: { label: 'Crashed', color: 'red' },
  pmsuspended: { label: 'Suspended', color: 'violet' },
  nostate: { label: 'No state', color: 'gray' },
};
