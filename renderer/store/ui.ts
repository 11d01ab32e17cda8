/** UI state only (selection, open panels and dialogs, table preferences); server state lives in react-query. */
import { create } from 'zustand';
import type { HostId } from '../../shared/api';

export type HostTab = 'vms' | 'overview' | 'storage' | 'networks' | 'tuning';
export type DomainTab = 'overview' | 'graphs' | 'xml' | 'resources' | 'usb' | 'snapshots' | 'settings';

export type Selection =
  | { kind: 'all' }
  | { kind: 'host'; hostId: HostId; tab?: HostTab }
  | { kind: 'domain'; hostId: HostId; uuid: string; tab?: DomainTab };

/** A domain the user points at (row, menu, dialog). */
export interface DomainTarget {
  hostId: HostId;
  uuid: string;
  name: string;
}

export type SortColumn = 'name' | 'state' | 'vcpus' | 'memory' | 'cpu' | 'host';
export interface TableSort {
  column: SortColumn;
  desc: boolean;
}

export type HostForm = { mode: 'add' } | { mode: 'edit'; hostId: HostId };

interface UiState {
  selection: Selection;
  jobsOpen: boolean;
  hostForm: HostForm | null;
  /** Convenience for the add-host entry points (header button, empty state, shortcut). */
  addHostOpen: boolean;
  removeHostId: HostId | null;
  /** Force off (and reset, `action`) waits for this confirmation. */
  confirmDestroy: (DomainTarget & { action?: 'reset' }) | null;
  deleteDomain: DomainTarget | null;
  /** The context menu: a domain and where to open it (client coordinates). */
  menu: (DomainTarget & { x: number; y: number }) | null;
  /** The table row the toolbar and the keyboard act on (hostId/uuid). */
  cursor: string | null;
  filter: string;
  sort: TableSort;
  groupByHost: boolean;
  select(s: Selection): void;
  setJobsOpen(open: boolean): void;
  setAddHostOpen(open: boolean): void;
  setHostForm(f: HostForm | null): void;
  setRemoveHostId(id: HostId | null): void;
  setConfirmDestroy(t: UiState['confirmDestroy']): void;
  setDeleteDomain(t: DomainTarget | null): void;
  setMenu(m: UiState['menu']): void;
  setCursor(key: string | null): void;
  setFilter(f: string): void;
  setSort(s: TableSort): void;
  setGroupByHost(g: boolean): void;
}

export const useUi = create<UiState>((set) => ({
  selection: { kind: 'all' },
  jobsOpen: false,
  hostForm: null,
  addHostOpen: false,
  removeHostId: null,
  confirmDestroy: null,
  deleteDomain: null,
  menu: null,
  cursor: null,
  filter: '',
  sort: { column: 'name', desc: false },
  groupByHost: true,
  select: (selection) => {
    // The list-5000 benchmark measures from here to the rows painted (see DomainTable).
    performance.mark('vireo:select');
    set({ selection });
  },
  setJobsOpen: (jobsOpen) => set({ jobsOpen }),
  setAddHostOpen: (open) => set({ addHostOpen: open, hostForm: open ? { mode: 'add' } : null }),
  setHostForm: (hostForm) => set({ hostForm, addHostOpen: hostForm?.mode === 'add' }),
  setRemoveHostId: (removeHostId) => set({ removeHostId }),
  setConfirmDestroy: (confirmDestroy) => set({ confirmDestroy }),
  setDeleteDomain: (deleteDomain) => set({ deleteDomain }),
  setMenu: (menu) => set({ menu }),
  setCursor: (cursor) => set({ cursor }),
  setFilter: (filter) => set({ filter }),
  setSort: (sort) => set({ sort }),
  setGroupByHost: (groupByHost) => set({ groupByHost }),
}));
