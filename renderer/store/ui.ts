/** UI state only (selection, open panels); server state lives in react-query. */
import { create } from 'zustand';
import type { HostId } from '../../shared/api';

export type Selection = { kind: 'all' } | { kind: 'host'; hostId: HostId } | { kind: 'domain'; hostId: HostId; uuid: string };

interface UiState {
  selection: Selection;
  jobsOpen: boolean;
  addHostOpen: boolean;
  select(s: Selection): void;
  setJobsOpen(open: boolean): void;
  setAddHostOpen(open: boolean): void;
}

export const useUi = create<UiState>((set) => ({
  selection: { kind: 'all' },
  jobsOpen: false,
  addHostOpen: false,
  select: (selection) => set({ selection }),
  setJobsOpen: (jobsOpen) => set({ jobsOpen }),
  setAddHostOpen: (addHostOpen) => set({ addHostOpen }),
}));
