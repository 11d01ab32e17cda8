/**
 * The volumes of one pool: format, sizes, which VMs use each; create, upload a file from this
 * computer (the install wizard's upload: a job, checked byte for byte), download one to this
 * computer (a job), clone and wipe (jobs), resize (live when a running VM has it), delete.
 */
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PoolRow, VolumeRow } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../lib/format';
import { keysOf } from '../../queries';
import { useStorageWrite, useVolumes } from '../../queries/storage';
import { JobProgress, useJob } from '../install/JobProgress';
import { useIsoUpload } from '../install/useIsoUpload';
import { type ConfirmAsk, ConfirmModal } from './ConfirmModal';
import { useVolumeDownload } from './useVolumeDownload';
import { CloneVolumeModal, CreateVolumeModal, ResizeVolumeModal } from './VolumeModals';

export function VolumesPanel({ hostId, pool, pools }: { hostId: string; pool: PoolRow; pools: PoolRow[] }) {
  const running = pool.state === 'running';
  const volumes = useVolumes(hostId, pool.name, running);
  const del = useStorageWrite('storage.deleteVolume', hostId);
  const wipe = useStorageWrite('storage.wipeVolume', hostId);
  const [cloning, setCloning] = useState<VolumeRow | null>(null);
  const [creating, setCreating] = useState(false);
  const [resizing, setResizing] = useState<VolumeRow | null>(null);
  const [ask, setAsk] = useState<ConfirmAsk | null>(null);
  /** The last clone or wipe of this panel (a job). */
  const [work, setWork] = useState<{ jobId: string; title: string } | null>(null);
  const setWorkJob = useCallback((jobId: string, title: string) => setWork({ jobId, title }), []);
  const download = useVolumeDownload(hostId, setWorkJob);
  const list = volumes.data ?? [];
  const upload = useIsoUpload(hostId);
  const uploadJob = useJob(upload.jobId);
  const fileInput = useRef<HTMLInputElement>(null);
  const qc = useQueryClient();
  // A finished upload is a new volume: read the pool's volumes again.
  useEffect(() => {
    if (uploadJob?.status === 'succeeded') void qc.invalidateQueries({ queryKey: keysOf('storage.volumes', { hostId }) });
  }, [uploadJob?.status, qc, hostId]);
  return (
    <Card withBorder data-testid="storage-volumes" data-pool={pool.name}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5} data-testid="storage-volumes-title">
            Volumes of {pool.name}
          </Title>
          <Group gap="xs">
            <input
              ref={fileInput}
              type="file"
              hidden
              data-testid="storage-upload-input"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void upload.start(f, pool.name);
                e.currentTarget.value = '';
              }}
            />
            <Button
              size="xs"
              variant="default"
              leftSection={<IconUpload size={14} />}
              disabled={!running || uploadJob?.status === 'running'}
              onClick={() => fileInput.current?.click()}
              data-testid="storage-upload"
            >
              Upload…
            </Button>
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              disabled={!running}
              onClick={() => setCreating(true)}
              data-testid="storage-volume-create"
            >
              New volume
            </Button>
          </Group>
        </Group>
        <ErrorAlert title="Could not upload" error={upload.error} />
        {upload.jobId && <JobProgress jobId={upload.jobId} testId="storage-upload-job" fallbackTitle={`Upload ${upload.name}`} />}
        {work && <JobProgress key={work.jobId} jobId={work.jobId} testId="storage-volume-job" fallbackTitle={work.title} />}
        {!running && (
          <Text size="sm" c="dimmed" data-testid="storage-volumes-inactive">
            Start the pool to see and create its volumes.
          </Text>
        )}
        <ErrorAlert title="Could not list the volumes" error={running ? volumes.error : null} />
        <ErrorAlert title="Could not delete the volume" error={del.error} />
        <ErrorAlert title="Could not wipe the volume" error={wipe.error} />
        <ErrorAlert title="Could not download the volume" error={download.error} />
        {running && volumes.isSuccess && list.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="storage-volumes-empty">
            No volumes.
          </Text>
        )}
        {running && list.length > 0 && (
          <Table verticalSpacing={6} data-testid="storage-volume-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Volume</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Allocated</Table.Th>
                <Table.Th>Used by</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((v) => (
                <Table.Tr key={v.path} data-testid="storage-volume">
                  <Table.Td>
                    <Text size="sm" fw={500} data-testid="storage-volume-name">
                      {v.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate maw={320}>
                      {v.backing ? `on ${v.backing}` : v.path}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="storage-volume-format">{v.format ?? '—'}</Table.Td>
                  <Table.Td data-testid="storage-volume-capacity" data-bytes={v.capacity}>
                    {formatBytes(v.capacity)}
                  </Table.Td>
                  <Table.Td data-testid="storage-volume-allocation" data-bytes={v.allocation}>
                    {formatBytes(v.allocation)}
                  </Table.Td>
                  <Table.Td data-testid="storage-volume-users">
                    <Group gap={4}>
                      {v.users.length === 0 && (
                        <Text size="xs" c="dimmed">
                          —
                        </Text>
                      )}
                      {v.users.map((u) => (
                        <Badge key={u} size="sm" variant="light" color={v.liveUsers.includes(u) ? 'teal' : 'gray'} tt="none">
                          {u}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="default" onClick={() => setResizing(v)} data-testid="storage-volume-resize">
                        Resize
                      </Button>
                      <Button size="compact-xs" variant="default" onClick={() => setCloning(v)} data-testid="storage-volume-clone">
                        Clone
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        leftSection={<IconDownload size={12} />}
                        disabled={download.busy}
                        onClick={() => void download.start(pool.name, v.name)}
                        data-testid="storage-volume-download"
                      >
                        Download
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="orange"
                        loading={wipe.isPending && wipe.variables?.volume === v.name}
                        onClick={() =>
                          setAsk({
                            title: `Wipe ${v.name}?`,
                            body: `Overwrites all data of ${v.path} with zeroes. Its size stays.`,
                            verb: 'Wipe volume',
                            run: () =>
                              wipe.mutate(
                                { pool: pool.name, volume: v.name },
                                { onSuccess: (job) => setWork({ jobId: job.id, title: job.title }) },
                              ),
                          })
                        }
                        data-testid="storage-volume-wipe"
                      >
                        Wipe
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        loading={del.isPending && del.variables?.volume === v.name}
                        onClick={() =>
                          setAsk({
                            title: `Delete ${v.name}?`,
                            body: `Deletes ${v.path} on the host. Its data is lost.`,
                            verb: 'Delete volume',
                            run: () => del.mutate({ pool: pool.name, volume: v.name }),
                          })
                        }
                        data-testid="storage-volume-delete"
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <CreateVolumeModal hostId={hostId} pool={pool.name} volumes={list} opened={creating} onClose={() => setCreating(false)} />
      <ResizeVolumeModal hostId={hostId} pool={pool.name} volume={resizing} onClose={() => setResizing(null)} />
      <CloneVolumeModal
        hostId={hostId}
        pool={pool.name}
        pools={pools.filter((p) => p.state === 'running').map((p) => p.name)}
        volume={cloning}
        onClose={() => setCloning(null)}
        onStarted={(jobId) => setWork({ jobId, title: `Clone ${cloning?.name ?? ''}` })}
      />
      <ConfirmModal ask={ask} onClose={() => setAsk(null)} />
    </Card>
  );
}
