/** The host's tuning tab: reads, KSM sampled while the tab is open, writes and what they refresh. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { HostId, KsmSample, RequestInput } from '../../shared/api';
import { api, call } from '../api';
import { useRead } from './index';
import { keyOf, keysOf } from './keyOf';

/** /sys/kernel/mm over SSH: KSM run state, THP, page size, whether Vireo is root there. */
export function useTuningMm(hostId: HostId) {
  return useRead('tuning.mm', { hostId }, { staleTime: 10_000 });
}

/** KSM's figures every 2 s while the tab is shown (libvirt has no event for them); the samples seen since it opened, 10 minutes at most. */
export const KSM_SAMPLE_MS = 2_000;
const KSM_HISTORY = 300;

export function useKsmSamples(hostId: HostId) {
  const q = useRead('tuning.ksm', { hostId }, { refetchInterval: KSM_SAMPLE_MS, refetchIntervalInBackground: false });
  const [history, setHistory] = useState<KsmSample[]>([]);
  const last = useRef(0);
  useEffect(() => {
    const s = q.data;
    if (!s || s.at <= last.current) return;
    last.current = s.at;
    setHistory((h) => [...h.slice(-(KSM_HISTORY - 1)), s]);
  }, [q.data]);
  return { ...q, history };
}

export function useHugepages(hostId: HostId) {
  return useRead('tuning.hugepages', { hostId });
}

/** The topology and the VMs: read again when a VM of this host changes (defined, started, pinned elsewhere). */
export function useTuningVms(hostId: HostId) {
  const qc = useQueryClient();
  useEffect(
    () =>
      api.subscribe('domain.changed', (e) => {
        if (e.hostId === hostId) void qc.invalidateQueries({ queryKey: keyOf('tuning.vms', { hostId }) });
      }),
    [qc, hostId],
  );
  return useRead('tuning.vms', { hostId });
}

type Write = 'tuning.setKsmRun' | 'tuning.setKsmParams' | 'tuning.setHugepages' | 'tuning.applyPinning';

const REFRESH: Record<Write, ('tuning.mm' | 'tuning.ksm' | 'tuning.hugepages' | 'tuning.vms')[]> = {
  'tuning.setKsmRun': ['tuning.mm', 'tuning.ksm'],
  'tuning.setKsmParams': ['tuning.ksm'],
  'tuning.setHugepages': ['tuning.hugepages'],
  'tuning.applyPinning': ['tuning.vms'],
};

/** One write; what it changes is read again whatever its outcome. */
export function useTuningWrite<N extends Write>(name: N, hostId: HostId) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<RequestInput<N>, 'hostId'>) => call(name, { ...input, hostId } as RequestInput<N>),
    onSettled: () => {
      for (const k of REFRESH[name]) void qc.invalidateQueries({ queryKey: keysOf(k, { hostId }) });
    },
  });
}
