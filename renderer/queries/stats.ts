/**
 * Live rates per domain, from the `domain.stats` event. The backend samples a host only while
 * someone listens, so the feed is reference-counted: the VM table and the details graphs mount
 * useDomainStatsFeed() and the subscription ends when the last of them unmounts (or the window
 * is hidden). History lives outside React (plain arrays, a few minutes per domain); components
 * re-render on a per-host tick and read what they draw.
 */
import { useDocumentVisibility } from '@mantine/hooks';
import { useEffect } from 'react';
import type { HostId } from '../../shared/api';
import { api } from '../api';
import { ingestStats, useStatsClock } from './statsHistory';

export { dropStats, focusStats, HISTORY, ingestStats, type StatsHistory, statsOf, useStatsClock } from './statsHistory';

/** Re-renders the caller whenever new samples for the host arrive; returns the tick. */
export function useStatsTick(hostId: HostId): number {
  return useStatsClock((s) => s.tick[hostId] ?? 0);
}

let listeners = 0;
let unsubscribe: (() => void) | null = null;

/** Keeps the `domain.stats` subscription open while mounted and the window is visible. */
export function useDomainStatsFeed(active = true): void {
  const visible = useDocumentVisibility() === 'visible';
  const on = active && visible;
  useEffect(() => {
    if (!on) return;
    if (listeners++ === 0) unsubscribe = api.subscribe('domain.stats', ingestStats);
    return () => {
      if (--listeners === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  }, [on]);
}
