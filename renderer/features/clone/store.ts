/** UI state of the clone wizard: which VM it clones. */
import { create } from 'zustand';
import type { DomainTarget } from '../../store/ui';

interface CloneUi {
  source: DomainTarget | null;
  open(source: DomainTarget): void;
  close(): void;
}

export const useCloneUi = create<CloneUi>((set) => ({
  source: null,
  open: (source) => set({ source }),
  close: () => set({ source: null }),
}));
