// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of absolutely positioned rows (virtualized); <table> layout cannot do that
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the current row with aria-activedescendant
// biome-ignore-all lint/a11y/useKeyWithClickEvents: the grid handles the keyboard (arrows, Enter, menu key) for every row
import { ActionIcon, Badge, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight, IconDotsVertical, IconServer } from '@tabler/icons-react';
import { memo } from 'react';
import type { DomainSummary, HostId, HostInfo } from '../../../shared/api';
import { formatKiB } from '../../lib/format';
import { type SortColumn, useUi } from '../../store/ui';
import { IpCell } from '../guest/IpCell';
import { HostStateBadge } from '../hosts/HostStateBadge';
import { vmDragProps } from '../migrate/dnd';
import { PendingMarker } from '../settings/PendingMarker';
import { DomainStateLabel } from './DomainStateBadge';
import classes from './DomainTable.module.css';
import { StatCells } from './StatCells';

export function rowTestId(d: { name: string; hostId: string }): string {
  return `vm-${d.name}-${d.hostId}`;
}

/** The DOM id the grid's aria-activedescendant points at. */
export function rowDomId(hostId: string, uuid: string): string {
  return `vmrow-${hostId}-${uuid}`;
}

export interface RowHandlers {
  onSelect(d: DomainSummary): void;
  onOpen(d: DomainSummary): void;
  onMenu(d: DomainSummary, x: number, y: number): void;
}

interface RowProps extends RowHandlers {
  d: DomainSummary;
  hostName: string;
  selected: boolean;
  start: number;
}

export const DomainRow = memo(function DomainRow({ d, hostName, selected, start, onSelect, onOpen, onMenu }: RowProps) {
  const id = rowTestId(d);
  return (
    <div
      id={rowDomId(d.hostId, d.uuid)}
      className={classes.row}
      role="row"
      aria-selected={selected}
      data-selected={selected || undefined}
      data-testid={id}
      data-state={d.state}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onSelect(d)}
      onDoubleClick={() => onOpen(d)}
      {...vmDragProps(d)}
      onContextMenu={(e) => {
        e.preventDefault();
        onSelect(d);
        onMenu(d, e.clientX, e.clientY);
      }}
    >
      <div className={classes.cell} role="gridcell" style={{ display: 'flex', alignItems: 'center' }}>
        <button
          type="button"
          className={classes.nameLink}
          tabIndex={-1}
          title={d.name}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(d);
          }}
          data-testid={`${id}-name`}
        >
          {d.name}
        </button>
        <PendingMarker d={d} testId={`${id}-pending`} />
      </div>
      <div className={classes.cell} role="gridcell">
        <DomainStateLabel state={d.state} testId={`${id}-state`} />
      </div>
      <div className={classes.cell} role="gridcell">
        <IpCell d={d} testId={id} />
      </div>
      <div className={classes.num} role="gridcell">
        {d.vcpus}
      </div>
      <div className={classes.num} role="gridcell">
        {formatKiB(d.memoryKiB)}
      </div>
      <StatCells d={d} />
      <div className={classes.cell} role="gridcell" title={hostName}>
        {hostName}
      </div>
      <div role="gridcell">
        <button
          type="button"
          className={classes.kebab}
          tabIndex={-1}
          aria-label={`Actions for ${d.name}`}
          title="Actions (right-click the row, or Shift+F10)"
          data-testid={`${id}-actions`}
          onClick={(e) => {
            e.stopPropagation();
            onSelect(d);
            const r = e.currentTarget.getBoundingClientRect();
            onMenu(d, r.left, r.bottom);
          }}
        >
          <IconDotsVertical size={16} />
        </button>
      </div>
    </div>
  );
});

interface GroupProps {
  host: HostInfo | undefined;
  hostId: HostId;
  count: number;
  collapsed: boolean;
  start: number;
  onToggle(hostId: HostId): void;
  onOpenHost(hostId: HostId): void;
}

export const GroupRow = memo(function GroupRow({ host, hostId, count, collapsed, start, onToggle, onOpenHost }: GroupProps) {
  return (
    <div className={classes.group} role="row" data-testid={`group-${hostId}`} style={{ transform: `translateY(${start}px)` }}>
      <ActionIcon
        variant="subtle"
        size="sm"
        aria-label={collapsed ? 'Expand' : 'Collapse'}
        aria-expanded={!collapsed}
        onClick={() => onToggle(hostId)}
      >
        {collapsed ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
      </ActionIcon>
      <IconServer size={16} />
      <button type="button" className={classes.nameLink} onClick={() => onOpenHost(hostId)}>
        {host?.spec.name ?? hostId}
      </button>
      <Badge size="xs" variant="light" color="gray">
        {count} VM{count === 1 ? '' : 's'}
      </Badge>
      {host && host.state.status !== 'connected' && <HostStateBadge state={host.state} />}
      <Text size="xs" c="dimmed" truncate>
        {host?.hostname ?? ''}
      </Text>
    </div>
  );
});

const COLUMNS: { id: SortColumn | null; label: string; numeric?: boolean }[] = [
  { id: 'name', label: 'Name' },
  { id: 'state', label: 'State' },
  { id: null, label: 'IP address' },
  { id: 'vcpus', label: 'vCPUs', numeric: true },
  { id: 'memory', label: 'Memory', numeric: true },
  { id: 'cpu', label: 'CPU' },
  { id: null, label: 'Disk I/O' },
  { id: null, label: 'Network' },
  { id: 'host', label: 'Host' },
  { id: null, label: '' },
];

export function HeaderRow() {
  const sort = useUi((s) => s.sort);
  const setSort = useUi((s) => s.setSort);
  return (
    <div className={classes.header} role="row">
      {COLUMNS.map((c, i) => {
        const active = c.id !== null && sort.column === c.id;
        return (
          <div
            key={c.label || i}
            role="columnheader"
            aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
            style={c.numeric ? { textAlign: 'right' } : undefined}
          >
            {c.id ? (
              <button
                type="button"
                className={classes.sortButton}
                data-testid={`sort-${c.id}`}
                onClick={() => c.id && setSort({ column: c.id, desc: active ? !sort.desc : false })}
              >
                {c.label}
                {active && (sort.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}
              </button>
            ) : (
              c.label
            )}
          </div>
        );
      })}
    </div>
  );
}
