import { Badge, Button, Card, Drawer, Group, Progress, Stack, Text } from '@mantine/core';
import { useShallow } from 'zustand/react/shallow';
import type { Job } from '../../../shared/api';
import { call } from '../../api';
import { notifyError } from '../../components/notify';
import { useJobs } from '../../queries';
import { useUi } from '../../store/ui';
import { OpenMigrationButton } from '../migrate/MigrateRoot';

const COLOR: Record<Job['status'], string> = { running: 'blue', succeeded: 'teal', failed: 'red', canceled: 'gray' };

function JobCard({ job }: { job: Job }) {
  return (
    <Card withBorder padding="sm" data-testid={`job-${job.id}`}>
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          {job.title}
        </Text>
        <Badge color={COLOR[job.status]} variant="light">
          {job.status}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {job.phase}
      </Text>
      <Progress value={job.progress * 100} animated={job.status === 'running'} mt={6} aria-label={`${job.title} progress`} />
      {job.error && (
        <Text size="xs" c="red" mt={4}>
          {job.error.message}
        </Text>
      )}
      {job.kind === 'migration' && (
        <Group justify="flex-end" mt={6}>
          <OpenMigrationButton jobId={job.id} />
        </Group>
      )}
      {job.status === 'running' && job.cancellable && (
        <Group justify="flex-end" mt={6}>
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => call('jobs.cancel', { jobId: job.id }).catch((e) => notifyError('Cancel failed', e))}
          >
            Cancel
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function JobsDrawer() {
  const { jobsOpen, setJobsOpen } = useUi(useShallow((s) => ({ jobsOpen: s.jobsOpen, setJobsOpen: s.setJobsOpen })));
  const jobs = useJobs();
  return (
    <Drawer opened={jobsOpen} onClose={() => setJobsOpen(false)} title="Jobs" position="right" data-testid="jobs-drawer">
      <Stack>
        {(jobs.data ?? []).map((j) => (
          <JobCard key={j.id} job={j} />
        ))}
        {jobs.data?.length === 0 && (
          <Text c="dimmed" size="sm">
            No jobs yet. Migrations, installs and clones show their progress here.
          </Text>
        )}
      </Stack>
    </Drawer>
  );
}
