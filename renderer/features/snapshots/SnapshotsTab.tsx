/**
 * The VM's "Snapshots" tab: the snapshots as a tree (parent → children, in creation order) with a
 * "you are here" marker on the current one; each with its name, description, time, what it
 * captured, kind, and per disk the image holding its data and the overlay written after it.
 * Take / revert / delete open their dialogs. The list follows libvirt's events (snapshot.changed).
 */
import { Alert, Badge, Button, Code, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCamera, IconMapPin, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SnapshotInfo, SnapshotList } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../lib/format';
import { useSnapshots } from '../../queries/snapshots';
import { CreateSnapshotModal } from './CreateSnapshotModal';
import { DeleteModal } from './DeleteModal';
import { RevertModal } from './RevertModal';
import { incompleteNote } from './unread';

/** Depth-first in creation order: each snapshot followed by its children. */
export function treeOrder(snaps: readonly SnapshotInfo[]): { snap: SnapshotInfo; depth: number }[] {
  const names = new Set(snaps.map((s) => s.name));
  const kids = new Map<string | null, SnapshotInfo[]>();
  for (const s of snaps) {
    const parent = s.parent && names.has(s.parent) ? s.parent : null;
    kids.set(parent, [...(kids.get(parent) ?? []), s]);
  }
  const out: { snap: SnapshotInfo; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const s of kids.get(parent) ?? []) {
      out.push({ snap: s, depth });
      walk(s.name, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function Row({ s, depth, onRevert, onDelete }: { s: SnapshotInfo; depth: number; onRevert(): void; onDelete(): void }) {
  return (
    <Paper
      withBorder
      p="xs"
      ml={depth * 24}
      data-testid="snapshot-row"
      data-name={s.name}
      data-parent={s.parent ?? ''}
      data-depth={depth}
      data-kind={s.kind}
      data-current={String(s.current)}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} data-testid="snapshot-name-text">
              {s.name}
            </Text>
            <Badge size="sm" variant="light" color={s.kind === 'internal' ? 'blue' : 'grape'} data-testid="snapshot-kind">
              {s.kind}
            </Badge>
            {s.current && (
              <Badge size="sm" color="green" leftSection={<IconMapPin size={12} />} data-testid="snapshot-current">
                you are here
              </Badge>
            )}
          </Group>
          {s.description && (
            <Text size="sm" data-testid="snapshot-description-text">
              {s.description}
            </Text>
          )}
          <Text size="xs" c="dimmed" data-testid="snapshot-captured">
            {new Date(s.createdAt).toLocaleString()} · {s.captured}
          </Text>
          <Text size="xs" c="dimmed" data-testid="snapshot-size" data-bytes={s.sizeBytes ?? ''}>
            {s.sizeBytes !== undefined
              ? `written since: ${formatBytes(s.sizeBytes)} on disk (its overlays)`
              : s.kind === 'internal'
                ? 'size: inside the qcow2 image (libvirt does not report it)'
                : 'size: not in a storage pool'}
            {s.revertedAway ? ' · reverted away from (its overlay holds the discarded state)' : ''}
          </Text>
          {s.disks
            .filter((d) => d.snapshot === 'external')
            .map((d) => (
              <Text size="xs" c="dimmed" key={d.target} data-testid="snapshot-disk">
                {d.target}: data in <Code>{d.image ?? '?'}</Code>, overlay <Code>{d.overlay ?? '?'}</Code>
              </Text>
            ))}
          {s.memoryFile && (
            <Text size="xs" c="dimmed" data-testid="snapshot-memory-file">
              memory state in <Code>{s.memoryFile}</Code>
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={onRevert} data-testid="snapshot-revert">
            Revert
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={onDelete}
            data-testid="snapshot-delete"
          >
            Delete
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function Loaded({ hostId, uuid, list }: { hostId: string; uuid: string; list: SnapshotList }) {
  const [creating, setCreating] = useState(false);
  const [reverting, setReverting] = useState<SnapshotInfo | null>(null);
  const [deleting, setDeleting] = useState<SnapshotInfo | null>(null);
  const rows = treeOrder(list.snapshots);
  return (
    <Stack data-testid="snapshots-tab" data-count={list.snapshots.length}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.snapshots.length === 0 ? 'No snapshots yet.' : `${list.snapshots.length} snapshot${list.snapshots.length === 1 ? '' : 's'}`}{' '}
          · libvirt {list.libvirtVersion}
        </Text>
        <Button leftSection={<IconCamera size={16} />} onClick={() => setCreating(true)} data-testid="snapshot-create">
          Take snapshot
        </Button>
      </Group>
      {incompleteNote(list) && (
        <Alert color="yellow" title="Incomplete: other VMs could not be read" data-testid="snapshots-incomplete">
          {incompleteNote(list)}
        </Alert>
      )}
      {list.warnings.map((w) => (
        <Alert color="yellow" key={w} data-testid="snapshot-warning">
          {w}
        </Alert>
      ))}
      {rows.map(({ snap, depth }) => (
        <Row key={snap.name} s={snap} depth={depth} onRevert={() => setReverting(snap)} onDelete={() => setDeleting(snap)} />
      ))}
      <CreateSnapshotModal hostId={hostId} uuid={uuid} list={list} opened={creating} onClose={() => setCreating(false)} />
      <RevertModal hostId={hostId} uuid={uuid} list={list} snap={reverting} onClose={() => setReverting(null)} />
      <DeleteModal hostId={hostId} uuid={uuid} list={list} snap={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

/** The tab with the VM's snapshots. */
export function SnapshotsTab({ hostId, uuid }: { hostId: string; uuid: string }) {
  const q = useSnapshots(hostId, uuid);
  if (q.isLoading) return <Loader size="sm" />;
  if (!q.data) return <ErrorAlert title="Could not read the snapshots" error={q.error} />;
  return <Loaded hostId={hostId} uuid={uuid} list={q.data} />;
}
