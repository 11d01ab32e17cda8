/**
 * Drag a VM (a row of the table, or its entry in the host tree) onto another host in the sidebar
 * to open the migration wizard with that destination.
 */
import type { DragEvent } from 'react';
import type { DomainSummary, HostId } from '../../../shared/api';
import { useMigrateUi } from './store';

export const VM_DRAG_TYPE = 'application/x-vireo-vm';

/** Props for something that represents a VM and can be dragged to a host. */
export function vmDragProps(d: Pick<DomainSummary, 'hostId' | 'uuid' | 'name'>) {
  return {
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(VM_DRAG_TYPE, JSON.stringify({ hostId: d.hostId, uuid: d.uuid, name: d.name }));
      e.dataTransfer.effectAllowed = 'move';
    },
  };
}

const isVmDrag = (e: DragEvent) => e.dataTransfer.types.includes(VM_DRAG_TYPE);
const mark = (e: DragEvent<HTMLElement>, on: boolean) => {
  e.currentTarget.style.outline = on ? '2px dashed var(--mantine-primary-color-filled)' : '';
  e.currentTarget.style.outlineOffset = on ? '-2px' : '';
};

type Handlers = Record<string, unknown> & {
  onDragOver?: (e: DragEvent<HTMLElement>) => void;
  onDrop?: (e: DragEvent<HTMLElement>) => void;
  onDragLeave?: (e: DragEvent<HTMLElement>) => void;
};

/** Adds "drop a VM here" to a host's own drag handlers (the sidebar reorders hosts by dragging too). */
export function withVmDrop(hostId: HostId, host: Handlers): Handlers {
  return {
    ...host,
    'data-vm-drop-host': hostId,
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!isVmDrag(e)) return host.onDragOver?.(e);
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      mark(e, true);
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      mark(e, false);
      host.onDragLeave?.(e);
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (!isVmDrag(e)) return host.onDrop?.(e);
      e.preventDefault();
      mark(e, false);
      try {
        const vm = JSON.parse(e.dataTransfer.getData(VM_DRAG_TYPE)) as { hostId: HostId; uuid: string; name: string };
        if (vm.hostId === hostId) return;
        useMigrateUi.getState().openWizard({ ...vm, destHostId: hostId });
      } catch {
        // not ours
      }
    },
  };
}
