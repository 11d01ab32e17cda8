/** UI state of the install wizard: which host it is open for. */
import { create } from 'zustand';
import type { HostId } from '../../../shared/api';

interface InstallUi {
  hostId: HostId | null;
  open(hostId: HostId): void;
  close(): void;
}

export const useInstallUi = create<InstallUi>((set) => ({
  hostId: null,
  open: (hostId) => set({ hostId }),
  close: () => set({ hostId: null }),
}));
