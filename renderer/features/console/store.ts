/**
 * The console dock's UI state: which console tabs are open (one per VM and kind), which one is
 * shown, and the dock's size. A tab is keyed by the VM's UUID, not its host: after a migration
 * the same tab follows the VM to its new host.
 */
import { create } from 'zustand';
import type { ConsoleKind, HostId } from '../../../shared/api';
import { call } from '../../api';

export interface ConsoleTab {
  key: string;
  kind: ConsoleKind;
  hostId: HostId;
  uuid: string;
  name: string;
}

export const tabKey = (kind: ConsoleKind, uuid: string): string => `${kind}:${uuid}`;

export const DOCK_MIN = 180;
export const DOCK_DEFAULT = 380;

interface ConsoleDockState {
  tabs: ConsoleTab[];
  active: string | null;
  /** false: only the tab strip shows. */
  expanded: boolean;
  maximized: boolean;
  height: number;
  /** Opens (or shows) the console of a VM. */
  openTab(t: Omit<ConsoleTab, 'key'>): void;
  closeTab(key: string): void;
  closeAll(): void;
  setActive(key: string): void;
  /** The VM moved or was renamed: keep the tab's label current. */
  updateTab(key: string, patch: Partial<Pick<ConsoleTab, 'hostId' | 'name'>>): void;
  setExpanded(expanded: boolean): void;
  setMaximized(maximized: boolean): void;
  setHeight(height: number): void;
}

export const useConsoles = create<ConsoleDockState>((set) => ({
  tabs: [],
  active: null,
  expanded: true,
  maximized: false,
  height: DOCK_DEFAULT,
  openTab: (t) =>
    set((s) => {
      const key = tabKey(t.kind, t.uuid);
      const tabs = s.tabs.some((x) => x.key === key) ? s.tabs : [...s.tabs, { ...t, key }];
      return { tabs, active: key, expanded: true };
    }),
  closeTab: (key) =>
    set((s) => {
      const i = s.tabs.findIndex((t) => t.key === key);
      if (i < 0) return s;
      const tabs = s.tabs.filter((t) => t.key !== key);
      const next = s.active === key ? (tabs[Math.min(i, tabs.length - 1)]?.key ?? null) : s.active;
      return { tabs, active: next, maximized: tabs.length ? s.maximized : false };
    }),
  closeAll: () => set({ tabs: [], active: null, maximized: false }),
  setActive: (active) => set({ active, expanded: true }),
  updateTab: (key, patch) =>
    set((s) => ({
      tabs: s.tabs.map((t) => (t.key === key && (t.hostId !== patch.hostId || t.name !== patch.name) ? { ...t, ...patch } : t)),
    })),
  setExpanded: (expanded) => set({ expanded }),
  setMaximized: (maximized) => set({ maximized, expanded: true }),
  setHeight: (height) => set({ height: Math.max(DOCK_MIN, Math.round(height)) }),
}));

/** Opens a console tab for a VM (the entry point for actions, menus and buttons). */
export function openConsole(t: Omit<ConsoleTab, 'key'>): void {
  useConsoles.getState().openTab(t);
}

/**
 * The "Open console" action: the serial console, or the display when the VM has a VNC display
 * and no serial port (Windows guests, most desktops). Either tab offers the other.
 */
export async function openConsoleFor(t: { hostId: HostId; uuid: string; name: string }): Promise<void> {
  let kind: ConsoleKind = 'serial';
  try {
    const d = await call('domains.details', { hostId: t.hostId, uuid: t.uuid });
    if (d.serial.length === 0 && d.graphics.some((g) => g.type === 'vnc')) kind = 'vnc';
  } catch {
    // The tab itself will say what is wrong.
  }
  openConsole({ kind, ...t });
}
