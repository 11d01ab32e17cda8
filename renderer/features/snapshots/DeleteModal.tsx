/**
 * Deletes a snapshot. An external one of a running VM can be merged by libvirt or by Vireo's own
 * block jobs (blockcommit; an active commit with a pivot for the top layer): the job's progress
 * shows here until it ends.
 */
import { Alert, Button, Group, Modal, Progress, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SnapshotDeleteMethod, SnapshotInfo, SnapshotList } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useJobs } from '../../queries';
import { useSnapshotDelete } from '../../queries/snapshots';

export function DeleteModal(p: { hostId: string; uuid: string; list: SnapshotList; snap: SnapshotInfo | null; onClose(): void }) {
  const [method, setMethod] = useState<SnapshotDeleteMethod>('libvirt');
  const del = useSnapshotDelete(p.hostId, p.uuid);
  const jobs = useJobs();
  const job = del.data ? jobs.data?.find((j) => j.id === del.data.id) : undefined;
  const s = p.snap;
  const merge = s?.kind === 'external';
  const close = () => {
    setMethod('libvirt');
    del.reset();
    p.onClose();
  };
  const running = job?.status === 'running' || (del.isSuccess && !job);
  return (
    <Modal opened={!!s} onClose={close} title={`Delete snapshot “${s?.name ?? ''}”?`} data-testid="snapshot-delete-dialog">
      <Stack>
        {merge ? (
          <Text size="sm">
            Its overlay is merged into the image below it and removed; the VM keeps all its data. Snapshots after it stay revertable.
          </Text>
        ) : (
          <Text size="sm">Its saved state is removed from the qcow2 image; the VM's current state is not touched.</Text>
        )}
        {merge && p.list.running && (
          <Radio.Group label="Merge with" value={method} onChange={(v) => setMethod(v as SnapshotDeleteMethod)}>
            <Stack gap={6} mt={4}>
              <Radio
                value="libvirt"
                label={`libvirt's own snapshot delete (libvirt ${p.list.libvirtVersion})`}
                data-testid="snapshot-delete-method-libvirt"
              />
              <Radio
                value="blockjobs"
                label="Vireo's block jobs: blockcommit, or an active commit and pivot for the top layer, with progress"
                data-testid="snapshot-delete-method-blockjobs"
              />
            </Stack>
          </Radio.Group>
        )}
        {job && (
          <div data-testid="snapshot-job" data-status={job.status}>
            <Text size="xs" c="dimmed" data-testid="snapshot-job-phase">
              {job.phase}
            </Text>
            <Progress value={job.progress * 100} animated={job.status === 'running'} mt={4} data-testid="snapshot-job-progress" />
          </div>
        )}
        {job?.status === 'failed' && <ErrorAlert title="The snapshot was not deleted" error={job.error} />}
        {job?.status === 'succeeded' && (
          <Alert color="green" data-testid="snapshot-delete-done">
            Deleted. {job.phase.startsWith('done;') ? job.phase : ''}
          </Alert>
        )}
        <ErrorAlert title="The snapshot was not deleted" error={del.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-testid="snapshot-delete-close">
            {job ? (job.status === 'running' ? 'Hide (the job goes on)' : 'Close') : 'Cancel'}
          </Button>
          {!job && (
            <Button
              color="red"
              loading={del.isPending || running}
              onClick={() => s && del.mutate({ name: s.name, method: merge && p.list.running ? method : 'libvirt' })}
              data-testid="snapshot-delete-confirm"
            >
              Delete
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
