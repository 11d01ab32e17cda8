/**
 * "Move to pool" on a running VM's disk: libvirt's block copy into a new volume of the chosen pool,
 * then the pivot — a 'disk-move' Job whose progress and phase show here (its Cancel is the Jobs
 * drawer's, as for every job). The source volume is deleted after the pivot only when the box is ticked;
 * an I/O limit (MiB/s) keeps the copy from taking the storage from other guests.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DiskMoveJob, Job } from '../../../shared/api';
import type { SettingsDisk, VmSettings } from '../../../shared/api/settings';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { keys, useJobs, useRead } from '../../queries';
import { settingsKeys } from '../../queries/settings';

const isMove = (j: Job, uuid: string, target: string): j is DiskMoveJob =>
  j.kind === 'disk-move' && j.detail.uuid === uuid && j.detail.target === target;
/** The backend's codes of a move past its pivot (moved with something left, or not known): no "Not moved". */
const pastPivot = (code?: string) => code === 'disk-moved' || code === 'disk-move-unknown';

const MiB = 1024 * 1024;

export function MoveDisk({ s, d }: { s: VmSettings; d: SettingsDisk }) {
  const options = useRead('install.options', { hostId: s.hostId }, { staleTime: 30_000 });
  const pools = (options.data?.pools ?? []).filter((p) => p.state === 'running');
  const jobs = useJobs();
  const qc = useQueryClient();
  const [pool, setPool] = useState('');
  const [deleteSource, setDeleteSource] = useState(false);
  /** MiB/s; '' = no limit. */
  const [limit, setLimit] = useState<number | ''>('');
  const limitBad = limit !== '' && (!Number.isInteger(limit) || limit < 1);
  const start = useMutation({
    mutationFn: () =>
      call('settings.moveDisk', {
        hostId: s.hostId,
        uuid: s.uuid,
        target: d.target,
        pool,
        deleteSource,
        ...(limit !== '' ? { limitMiBs: limit } : {}),
      }),
  });
  const job = (jobs.data ?? []).find((j): j is DiskMoveJob => isMove(j, s.uuid, d.target));
  const status = job?.status;
  // The job ended: libvirt's read-back of the disks (and the pools' volumes) again.
  useEffect(() => {
    if (!status || status === 'running') return;
    void qc.invalidateQueries({ queryKey: settingsKeys.settings(s.hostId, s.uuid) });
    void qc.invalidateQueries({ queryKey: keys.usbVolumes(s.hostId) });
  }, [qc, status, s.hostId, s.uuid]);
  const id = `settings-disk-${d.target}-move`;
  const f = job?.detail.figures;
  return (
    <Stack gap={4} data-testid={id}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <NativeSelect
          size="xs"
          aria-label={`Pool to move ${d.target} to`}
          value={pool}
          onChange={(e) => setPool(e.currentTarget.value)}
          data={[{ value: '', label: 'Move to pool…' }, ...pools.map((p) => p.name)]}
          data-testid={`${id}-pool`}
        />
        <NumberInput
          size="xs"
          w={110}
          aria-label={`Copy ${d.target} at most this many MiB/s (empty: no limit)`}
          placeholder="no limit"
          suffix=" MiB/s"
          min={1}
          allowDecimal={false}
          value={limit}
          onChange={(v) => setLimit(typeof v === 'number' ? v : '')}
          error={limitBad ? 'Whole MiB/s, at least 1' : undefined}
          data-testid={`${id}-limit`}
        />
        <Checkbox
          size="xs"
          label="then delete the source"
          checked={deleteSource}
          onChange={(e) => setDeleteSource(e.currentTarget.checked)}
          data-testid={`${id}-delete`}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!pool || status === 'running' || limitBad}
          loading={start.isPending}
          onClick={() => start.mutate()}
          data-testid={`${id}-start`}
        >
          Move live
        </Button>
      </Group>
      <ErrorAlert title="Not moved" error={start.error} />
      {job && (
        <Alert
          p="xs"
          color={status === 'succeeded' ? 'teal' : status === 'running' ? 'blue' : status === 'canceled' ? 'gray' : 'red'}
          data-testid={`${id}-job`}
          data-status={status}
        >
          <Stack gap={4}>
            <Text size="sm" data-testid={`${id}-phase`}>
              {status === 'succeeded'
                ? `Moved to ${job.detail.to.pool} (${job.detail.to.volume}).`
                : status === 'canceled'
                  ? `Cancelled: ${d.target} stays on ${job.detail.from.path}.`
                  : status === 'failed'
                    ? `${pastPivot(job.error?.code) ? '' : 'Not moved: '}${job.error?.message ?? 'failed'}${job.error?.hint ? ` ${job.error.hint}` : ''}`
                    : job.phase}
            </Text>
            {status === 'running' && (
              <Group gap="xs" wrap="nowrap">
                <Progress value={job.progress * 100} animated style={{ flex: 1 }} aria-label={`${job.title} progress`} />
                <Text size="xs" c="dimmed">
                  {f?.bytes !== undefined && f.totalBytes ? `${Math.round(f.bytes / MiB)} of ${Math.round(f.totalBytes / MiB)} MiB` : ''}
                </Text>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
