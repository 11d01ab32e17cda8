/**
 * A job followed live inside a wizard (install, clone, upload): phase, progress with the figures
 * behind it, cancel while it runs, the error when it fails. The job comes from the jobs cache,
 * which job.progress events keep current.
 */
import { Alert, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { Job } from '../../../shared/api';
import { call } from '../../api';
import { notifyError } from '../../components/notify';
import { formatBytes, formatRate } from '../../lib/format';
import { useJobs } from '../../queries';

const COLOR: Record<Job['status'], string> = { running: 'blue', succeeded: 'teal', failed: 'red', canceled: 'gray' };

export function useJob(jobId: string | null | undefined): Job | undefined {
  const jobs = useJobs();
  return jobId ? jobs.data?.find((j) => j.id === jobId) : undefined;
}

function figures(job: Job): string | null {
  if (job.kind === 'migration') return null;
  const { bytes, totalBytes, bytesPerSec } = job.detail.figures;
  if (bytes === undefined || totalBytes === undefined) return null;
  return `${formatBytes(bytes)} of ${formatBytes(totalBytes)}${bytesPerSec ? ` · ${formatRate(bytesPerSec)}` : ''}`;
}

export function JobProgress({ jobId, testId, fallbackTitle }: { jobId: string; testId: string; fallbackTitle: string }) {
  const job = useJob(jobId);
  const [cancelling, setCancelling] = useState(false);
  const status = job?.status ?? 'running';
  const fig = job ? figures(job) : null;
  return (
    <Stack gap="xs" data-testid={testId} data-status={status} data-job={jobId} data-progress={Math.round((job?.progress ?? 0) * 100)}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm" truncate>
          {job?.title ?? fallbackTitle}
        </Text>
        <Badge color={COLOR[status]} variant="light" data-testid={`${testId}-status`}>
          {status}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" data-testid={`${testId}-phase`}>
        {job?.phase ?? 'starting'}
      </Text>
      <Progress value={(job?.progress ?? 0) * 100} animated={status === 'running'} aria-label="progress" data-testid={`${testId}-bar`} />
      {fig && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-figures`}>
          {fig}
        </Text>
      )}
      {job?.error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="It did not work" role="alert" data-testid={`${testId}-error`}>
          <Text size="sm">{job.error.message}</Text>
          {job.error.hint && <Text size="sm">{job.error.hint}</Text>}
        </Alert>
      )}
      {status === 'canceled' && (
        <Text size="sm" data-testid={`${testId}-cancelled`}>
          Cancelled. What it had created was removed.
        </Text>
      )}
      {status === 'running' && job?.cancellable && (
        <Group justify="flex-end">
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={cancelling}
            data-testid={`${testId}-cancel`}
            onClick={() => {
              setCancelling(true);
              call('jobs.cancel', { jobId })
                .catch((e) => notifyError('Cancel failed', e))
                .finally(() => setCancelling(false));
            }}
          >
            Cancel
          </Button>
        </Group>
      )}
    </Stack>
  );
}
