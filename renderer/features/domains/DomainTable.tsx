// biome-ignore-all lint/a11y/useSemanticElements: an ARIA grid of absolutely positioned rows (virtualized); <table> layout cannot do that
/**
 * The VM table: every domain of every connected host (or one host's), sortable, filterable,
 * grouped by host, virtualized so that thousands of rows scroll smoothly. State follows
 * `domain.changed` through the query cache; the stats feed runs while the table is mounted.
 */
import { Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DomainSummary, HostId } from '../../../shared/api';
import { domainKey } from '../../lib/format';
import { useDomains, useHosts } from '../../queries';
import { useGuestHostFollow } from '../../queries/guest';
import { useDomainStatsFeed, useStatsClock } from '../../queries/stats';
import { useUi } from '../../store/ui';
import { DomainActionBar } from './DomainActionBar';
import { DomainActionErrors } from './DomainActionErrors';
import { DomainRow, GroupRow, HeaderRow, type RowHandlers, rowDomId } from './DomainRow';
import classes from './DomainTable.module.css';
import { DomainTableFilters } from './DomainTableFilters';
import { NotConnectedAction } from './NotConnectedAction';
import { buildRows, type StateFilter, type TableRow } from './tableModel';

const ROW = 40;

/** Marks the first paint of a non-empty table (the list-5000 benchmark reads these marks). */
function usePaintMark(rowCount: number): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || rowCount === 0) return;
    done.current = true;
    requestAnimationFrame(() => {
      // A task queued from rAF runs after the frame is painted.
      setTimeout(() => {
        performance.mark('vireo:table-painted', { detail: { rows: rowCount } });
        if (performance.getEntriesByName('vireo:select', 'mark').length)
          performance.measure('vireo:select-to-table', 'vireo:select', 'vireo:table-painted');
      }, 0);
    });
  }, [rowCount]);
}

interface VirtualRowsProps {
  rows: TableRow[];
  scrollRef: RefObject<HTMLDivElement | null>;
  scrollTo: RefObject<(index: number) => void>;
  cursor: string | null;
  hostName: Map<HostId, string>;
  handlers: RowHandlers;
  onToggle(id: HostId): void;
  onOpenHost(id: HostId): void;
}

/** Only the visible rows; scrolling re-renders this component alone (not the toolbar and filters above). */
const VirtualRows = memo(function VirtualRows({
  rows,
  scrollRef,
  scrollTo,
  cursor,
  hostName,
  handlers,
  onToggle,
  onOpenHost,
}: VirtualRowsProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 6,
    initialRect: { width: 1200, height: 720 },
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  scrollTo.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });
  return (
    <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
      {virtualizer.getVirtualItems().map((it) => {
        const r = rows[it.index];
        if (!r) return null;
        return r.kind === 'group' ? (
          <GroupRow
            key={r.key}
            host={r.host}
            hostId={r.hostId}
            count={r.count}
            collapsed={r.collapsed}
            start={it.start}
            onToggle={onToggle}
            onOpenHost={onOpenHost}
          />
        ) : (
          <DomainRow
            key={r.key}
            d={r.d}
            hostName={hostName.get(r.d.hostId) ?? r.d.hostId}
            selected={cursor === r.key}
            start={it.start}
            {...handlers}
          />
        );
      })}
    </div>
  );
});

export function DomainTable({ hostId }: { hostId?: HostId }) {
  useDomainStatsFeed();
  useGuestHostFollow();
  const domains = useDomains();
  const hosts = useHosts();
  const { filter, sort, groupByHost, cursor, select, setCursor, setMenu } = useUi(
    useShallow((s) => ({
      filter: s.filter,
      sort: s.sort,
      groupByHost: s.groupByHost,
      cursor: s.cursor,
      select: s.select,
      setCursor: s.setCursor,
      setMenu: s.setMenu,
    })),
  );
  const [stateFilter, setStateFilter] = useState<StateFilter>('all');
  const [collapsed, setCollapsed] = useState<ReadonlySet<HostId>>(new Set());
  // Sorting by CPU follows the samples; other orders ignore them.
  const statsClock = useStatsClock((s) => (sort.column === 'cpu' ? s.tick : null));

  const rows = useMemo(() => {
    void statsClock;
    return buildRows(domains.data ?? [], hosts.data ?? [], { filter, stateFilter, sort, groupByHost, hostId, collapsed });
  }, [domains.data, hosts.data, filter, stateFilter, sort, groupByHost, hostId, collapsed, statsClock]);

  const hostName = useMemo(() => new Map((hosts.data ?? []).map((h) => [h.id, h.spec.name])), [hosts.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const scrollTo = useRef<(index: number) => void>(() => {});
  usePaintMark(rows.length);
  const vmCount = useMemo(() => rows.reduce((n, r) => n + (r.kind === 'vm' ? 1 : 0), 0), [rows]);

  const indexOf = useCallback((key: string | null) => (key ? rows.findIndex((r) => r.key === key) : -1), [rows]);
  const cursorDomain = useMemo(() => {
    const r = rows[indexOf(cursor)];
    return r?.kind === 'vm' ? r.d : undefined;
  }, [rows, cursor, indexOf]);

  const handlers: RowHandlers = useMemo(
    () => ({
      onSelect: (d: DomainSummary) => setCursor(domainKey(d.hostId, d.uuid)),
      onOpen: (d: DomainSummary) => {
        setCursor(domainKey(d.hostId, d.uuid));
        select({ kind: 'domain', hostId: d.hostId, uuid: d.uuid });
      },
      onMenu: (d: DomainSummary, x: number, y: number) => setMenu({ hostId: d.hostId, uuid: d.uuid, name: d.name, x, y }),
    }),
    [setCursor, select, setMenu],
  );
  const onToggle = useCallback(
    (id: HostId) =>
      setCollapsed((c) => {
        const n = new Set(c);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      }),
    [],
  );
  const onOpenHost = useCallback((id: HostId) => select({ kind: 'host', hostId: id }), [select]);

  const moveCursor = (delta: number | 'first' | 'last') => {
    const vmIdx = rows.flatMap((r, i) => (r.kind === 'vm' ? [i] : []));
    if (vmIdx.length === 0) return;
    const at = vmIdx.indexOf(indexOf(cursor));
    let next: number;
    if (delta === 'first') next = 0;
    else if (delta === 'last') next = vmIdx.length - 1;
    else next = at < 0 ? 0 : Math.max(0, Math.min(vmIdx.length - 1, at + delta));
    const rowIndex = vmIdx[next] ?? 0;
    const r = rows[rowIndex];
    if (r) setCursor(r.key);
    scrollTo.current(rowIndex);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW) - 1);
    const keysToMove: Record<string, number | 'first' | 'last'> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: 'first',
      End: 'last',
    };
    const move = keysToMove[e.key];
    if (move !== undefined) {
      e.preventDefault();
      moveCursor(move);
    } else if (e.key === 'Enter' && cursorDomain) {
      e.preventDefault();
      handlers.onOpen(cursorDomain);
    } else if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && cursorDomain) {
      e.preventDefault();
      const el = scrollRef.current?.querySelector('[aria-selected="true"]');
      const rect = el?.getBoundingClientRect();
      handlers.onMenu(cursorDomain, rect?.left ?? 100, rect?.bottom ?? 100);
    }
  };

  const connected = (hosts.data ?? []).some((h) => h.state.status === 'connected' && (!hostId || h.id === hostId));
  const emptyText = domains.isLoading
    ? 'Loading…'
    : !connected
      ? hostId
        ? 'This host is not connected.'
        : 'No host is connected.'
      : filter || stateFilter !== 'all'
        ? 'No VMs match the filter.'
        : 'No VMs defined yet.';

  return (
    <Stack gap="sm" h="100%" style={{ minHeight: 0 }}>
      <DomainTableFilters
        stateFilter={stateFilter}
        setStateFilter={setStateFilter}
        count={vmCount}
        grouped={!hostId}
        title={hostId ? 'Virtual machines' : 'All VMs'}
      />
      <DomainActionBar
        domain={cursorDomain}
        idPrefix="toolbar"
        compact
        label={
          // Fixed width: choosing a VM must not reflow the toolbar (and move the table under the pointer).
          <Text
            size="sm"
            fw={500}
            w={150}
            truncate
            data-testid="toolbar-target"
            c={cursorDomain ? undefined : 'dimmed'}
            title={cursorDomain?.name}
          >
            {cursorDomain ? cursorDomain.name : 'No VM selected'}
          </Text>
        }
        extraHotkeys={[['Enter', () => cursorDomain && document.activeElement === document.body && handlers.onOpen(cursorDomain)]]}
      />
      <DomainActionErrors />
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="grid"
        aria-label="Virtual machines"
        aria-rowcount={rows.length}
        aria-activedescendant={cursorDomain ? rowDomId(cursorDomain.hostId, cursorDomain.uuid) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="domain-table"
        onFocus={(e) => {
          // Tabbing in (not a click) puts the cursor on the first VM, so the keys work at once.
          if (!cursor && rows.length && e.target === e.currentTarget && e.currentTarget.matches(':focus-visible')) moveCursor('first');
        }}
      >
        <HeaderRow />
        <VirtualRows
          rows={rows}
          scrollRef={scrollRef}
          scrollTo={scrollTo}
          cursor={cursor}
          hostName={hostName}
          handlers={handlers}
          onToggle={onToggle}
          onOpenHost={onOpenHost}
        />
        {rows.length === 0 && (
          <Stack gap="xs" p="md" align="flex-start" data-testid="domain-table-empty">
            <Text c="dimmed" size="sm">
              {emptyText}
            </Text>
            {!connected && !domains.isLoading && <NotConnectedAction {...(hostId ? { hostId } : {})} />}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
