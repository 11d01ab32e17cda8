/**
 * The host tree: hosts in the user's order (drag to reorder, or Move up/down in the menu), each
 * with its connection state and its VMs with state icons.
 */
import { ActionIcon, Badge, Group, Kbd, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDatabase, IconPlus, IconRefresh, IconServer, IconStack2 } from '@tabler/icons-react';
import { type DragEvent, memo, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DomainSummary, HostId, HostInfo } from '../../../shared/api';
import { notifyError } from '../../components/notify';
import { compareNames } from '../../lib/format';
import { useDomains, useHosts } from '../../queries';
import { useHostVerb, useReorderHosts } from '../../queries/mutations';
import { useUi } from '../../store/ui';
import { DomainStateIcon } from '../domains/DomainStateBadge';
import { vmDragProps, withVmDrop } from '../migrate/dnd';
import { PendingMarker } from '../settings/PendingMarker';
import { HostMenu } from './HostMenu';
import { HOST_STATUS_COLOR, statusText } from './HostStateBadge';

/** More VMs than this under one host: the tree shows the first ones and points to the table. */
const TREE_CAP = 100;
const DRAG_TYPE = 'application/x-vireo-host';

const VmItem = memo(function VmItem({ d, active }: { d: DomainSummary; active: boolean }) {
  const select = useUi((s) => s.select);
  return (
    <NavLink
      pl={36}
      py={2}
      active={active}
      label={
        <Text size="sm" truncate title={d.name}>
          {d.name}
        </Text>
      }
      leftSection={<DomainStateIcon state={d.state} />}
      rightSection={<PendingMarker d={d} testId={`tree-vm-${d.name}-${d.hostId}-pending`} />}
      onClick={() => select({ kind: 'domain', hostId: d.hostId, uuid: d.uuid })}
      data-testid={`tree-vm-${d.name}-${d.hostId}`}
      {...vmDragProps(d)}
    />
  );
});

interface HostItemProps {
  host: HostInfo;
  index: number;
  count: number;
  vms: DomainSummary[];
  expanded: boolean;
  onToggle(id: HostId): void;
  dropHint: 'above' | 'below' | null;
  dragProps: (id: HostId) => Record<string, unknown>;
}

function HostItem({ host, index, count, vms, expanded, onToggle, dropHint, dragProps }: HostItemProps) {
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const verb = useHostVerb(host.id);
  const connected = host.state.status === 'connected';
  const canRetry = host.state.status === 'failed' || host.state.status === 'disconnected';
  const sorted = useMemo(() => [...vms].sort((a, b) => compareNames(a.name, b.name)), [vms]);
  const border = 'var(--mantine-primary-color-filled)';
  return (
    <div
      {...withVmDrop(host.id, dragProps(host.id))}
      style={{
        borderTop: dropHint === 'above' ? `2px solid ${border}` : '2px solid transparent',
        borderBottom: dropHint === 'below' ? `2px solid ${border}` : '2px solid transparent',
      }}
    >
      <NavLink
        data-testid={`host-${host.id}`}
        data-host-name={host.spec.name}
        active={selection.kind === 'host' && selection.hostId === host.id}
        onClick={() => select({ kind: 'host', hostId: host.id })}
        leftSection={
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="transparent"
              size="xs"
              c="dimmed"
              aria-label={expanded ? 'Collapse' : 'Expand'}
              aria-expanded={expanded}
              onClick={(e) => {
                e.stopPropagation();
                onToggle(host.id);
              }}
            >
              {expanded ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
            </ActionIcon>
            <IconServer size={18} />
          </Group>
        }
        label={
          <Group gap={6} wrap="nowrap" align="flex-start">
            {/* Long names wrap (the whole name stays readable); the count never shrinks. */}
            <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }} title={host.spec.name} data-testid={`host-${host.id}-name`}>
              {host.spec.name}
            </Text>
            {connected && (
              <Badge
                size="xs"
                variant="light"
                color="gray"
                style={{ flexShrink: 0, overflow: 'visible' }}
                data-testid={`host-${host.id}-count`}
              >
                {vms.length}
              </Badge>
            )}
          </Group>
        }
        description={
          <Tooltip label={statusText(host.state)} multiline maw={340} openDelay={300}>
            <Text
              size="xs"
              c={HOST_STATUS_COLOR[host.state.status]}
              truncate
              data-testid={`host-${host.id}-status`}
              data-status={host.state.status}
            >
              {statusText(host.state)}
            </Text>
          </Tooltip>
        }
        rightSection={
          <Group gap={0} wrap="nowrap">
            {canRetry && (
              <Tooltip label={host.state.status === 'failed' ? 'Retry' : 'Connect'}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={`Connect ${host.spec.name}`}
                  loading={verb.isPending}
                  data-testid={`host-${host.id}-retry`}
                  onClick={(e) => {
                    e.stopPropagation();
                    verb.mutate('connect', {
                      onError: (err) => notifyError(`${host.spec.name}: could not connect`, err, { id: `host-${host.id}` }),
                    });
                  }}
                >
                  <IconRefresh size={14} />
                </ActionIcon>
              </Tooltip>
            )}
            <HostMenu host={host} index={index} count={count} />
          </Group>
        }
      />
      {expanded &&
        sorted
          .slice(0, TREE_CAP)
          .map((d) => (
            <VmItem key={d.uuid} d={d} active={selection.kind === 'domain' && selection.uuid === d.uuid && selection.hostId === d.hostId} />
          ))}
      {expanded && sorted.length > TREE_CAP && (
        <NavLink
          pl={36}
          py={2}
          label={<Text size="xs" c="dimmed">{`… and ${sorted.length - TREE_CAP} more: show all in the table`}</Text>}
          onClick={() => select({ kind: 'host', hostId: host.id })}
        />
      )}
      {expanded && host.state.status === 'connected' && (
        <NavLink
          pl={36}
          py={2}
          leftSection={<IconDatabase size={14} />}
          label={<Text size="xs">Storage</Text>}
          active={selection.kind === 'host' && selection.hostId === host.id && selection.tab === 'storage'}
          onClick={() => select({ kind: 'host', hostId: host.id, tab: 'storage' })}
          data-testid={`tree-storage-${host.id}`}
        />
      )}
    </div>
  );
}

export function HostSidebar() {
  const hosts = useHosts();
  const domains = useDomains();
  const { selection, select, setAddHostOpen } = useUi(
    useShallow((s) => ({ selection: s.selection, select: s.select, setAddHostOpen: s.setAddHostOpen })),
  );
  const reorder = useReorderHosts();
  const [collapsed, setCollapsed] = useState<ReadonlySet<HostId>>(new Set());
  const [drag, setDrag] = useState<{ from: HostId; over: HostId | null; below: boolean } | null>(null);
  const list = hosts.data ?? [];
  const byHost = useMemo(() => {
    const m = new Map<HostId, DomainSummary[]>();
    for (const d of domains.data ?? []) {
      const a = m.get(d.hostId);
      if (a) a.push(d);
      else m.set(d.hostId, [d]);
    }
    return m;
  }, [domains.data]);

  const dragProps = (id: HostId) => ({
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(DRAG_TYPE, id);
      e.dataTransfer.effectAllowed = 'move';
      setDrag({ from: id, over: null, below: false });
    },
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!drag) return;
      e.preventDefault();
      const r = e.currentTarget.getBoundingClientRect();
      const below = e.clientY > r.top + Math.min(r.height, 52) / 2;
      if (drag.over !== id || drag.below !== below) setDrag({ ...drag, over: id, below });
    },
    onDragEnd: () => setDrag(null),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      if (!drag || drag.from === id) return setDrag(null);
      const ids = list.map((h) => h.id).filter((x) => x !== drag.from);
      const at = ids.indexOf(id) + (drag.below ? 1 : 0);
      ids.splice(at, 0, drag.from);
      setDrag(null);
      reorder.mutate(ids, { onError: (err) => notifyError('Could not save the host order', err) });
    },
  });

  return (
    <Stack gap={4} h="100%">
      <NavLink
        label="All VMs"
        leftSection={<IconStack2 size={18} />}
        active={selection.kind === 'all'}
        onClick={() => select({ kind: 'all' })}
        rightSection={
          <Badge size="xs" variant="light" color="gray">
            {domains.data?.length ?? 0}
          </Badge>
        }
        data-testid="nav-all"
      />
      <Group justify="space-between" mt="sm" px="xs">
        <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
          Hosts
        </Text>
        <Tooltip
          label={
            <>
              Add host <Kbd size="xs">Ctrl+Shift+N</Kbd>
            </>
          }
        >
          <ActionIcon variant="subtle" size="sm" aria-label="Add host" onClick={() => setAddHostOpen(true)} data-testid="sidebar-add-host">
            <IconPlus size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <ScrollArea style={{ flex: 1 }} type="hover">
        {list.map((h, i) => (
          <HostItem
            key={h.id}
            host={h}
            index={i}
            count={list.length}
            vms={byHost.get(h.id) ?? []}
            expanded={!collapsed.has(h.id)}
            onToggle={(id) =>
              setCollapsed((c) => {
                const n = new Set(c);
                if (n.has(id)) n.delete(id);
                else n.add(id);
                return n;
              })
            }
            dropHint={drag && drag.over === h.id && drag.from !== h.id ? (drag.below ? 'below' : 'above') : null}
            dragProps={dragProps}
          />
        ))}
        {hosts.data?.length === 0 && (
          <Text size="sm" c="dimmed" px="xs">
            No hosts yet.
          </Text>
        )}
      </ScrollArea>
    </Stack>
  );
}
