/**
 * Deletes a snapshot. An external one of a running VM can be merged by libvirt or by Vireo's own
 * block jobs (blockcommit; an active commit with a pivot for the top layer): the job's progress
 * shows here until it ends.
 */
import { Alert, Button, Checkbox, Code, Group, Modal, NumberInput, Progress, Radio, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SnapshotDeleteMethod, SnapshotInfo, SnapshotList } from '../../../shared/api';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useJobs } from '../../queries';
import { useSnapshotDelete } from '../../queries/snapshots';
import { canceledText } from './canceled';
import { deleteRefusal } from './unread';

/** The snapshots under `name`, any depth. */
function descendants(snaps: readonly SnapshotInfo[], name: string): string[] {
  const kids = snaps.filter((x) => x.parent === name).map((x) => x.name);
  return kids.flatMap((k) => [k, ...descendants(snaps, k)]);
}

export function DeleteModal(p: { hostId: string; uuid: string; list: SnapshotList; snap: SnapshotInfo | null; onClose(): void }) {
  const [method, setMethod] = useState<SnapshotDeleteMethod>('libvirt');
  const [children, setChildren] = useState(false);
  const [bandwidth, setBandwidth] = useState<number | ''>('');
  const del = useSnapshotDelete(p.hostId, p.uuid);
  const jobs = useJobs();
  const cancel = useMutation({ mutationFn: (jobId: string) => call('jobs.cancel', { jobId }) });
  const job = del.data ? jobs.data?.find((j) => j.id === del.data.id) : undefined;
  const s = p.snap;
  const merge = s?.kind === 'external' && !s.revertedAway;
  const below = s ? descendants(p.list.snapshots, s.name) : [];
  const close = () => {
    setMethod('libvirt');
    setChildren(false);
    setBandwidth('');
    del.reset();
    cancel.reset();
    p.onClose();
  };
  const running = job?.status === 'running' || (del.isSuccess && !job);
  const refused = deleteRefusal(p.list);
  return (
    <Modal opened={!!s} onClose={close} title={`Delete snapshot “${s?.name ?? ''}”?`} data-testid="snapshot-delete-dialog">
      <Stack>
        {s?.revertedAway ? (
          <Alert color="blue" data-testid="snapshot-delete-reverted-away">
            The VM was reverted away from this snapshot: its overlay{' '}
            {s.disks
              .filter((d) => d.overlay)
              .map((d) => (
                <Code key={d.target}>{d.overlay}</Code>
              ))}{' '}
            holds only the state the revert discarded, and nothing else reads it. Vireo removes it with the snapshot's metadata, without a
            merge (libvirt {p.list.libvirtVersion} refuses this delete); the image with the snapshot's data stays under the VM.
          </Alert>
        ) : merge ? (
          <Text size="sm">
            Its overlay is merged into the image below it and removed; the VM keeps all its data. Snapshots after it stay revertable.
          </Text>
        ) : (
          <Text size="sm">Its saved state is removed from the qcow2 image; the VM's current state is not touched.</Text>
        )}
        {below.length > 0 && (
          <Checkbox
            label={`Also delete its ${below.length} child snapshot${below.length === 1 ? '' : 's'}: ${below.join(', ')}`}
            checked={children}
            onChange={(e) => setChildren(e.currentTarget.checked)}
            disabled={!!job}
            data-testid="snapshot-delete-children"
          />
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
        {merge && p.list.running && method === 'blockjobs' && (
          <NumberInput
            label="Limit the merge's I/O (MiB/s)"
            description="Empty: no limit. A limit keeps the host's other disks responsive during a long merge."
            min={1}
            max={100000}
            value={bandwidth}
            onChange={(v) => setBandwidth(typeof v === 'number' ? v : '')}
            disabled={!!job}
            data-testid="snapshot-delete-bandwidth"
          />
        )}
        {refused && !job && (
          <Alert color="yellow" data-testid="snapshot-delete-unread">
            {refused}
          </Alert>
        )}
        {job && (
          <div data-testid="snapshot-job" data-status={job.status}>
            <Text size="xs" c="dimmed" data-testid="snapshot-job-phase">
              {job.phase}
            </Text>
            <Progress value={job.progress * 100} animated={job.status === 'running'} mt={4} data-testid="snapshot-job-progress" />
          </div>
        )}
        {job?.status === 'canceled' && (
          <Alert color="yellow" data-testid="snapshot-delete-canceled">
            <Text size="sm">{canceledText(job.error).message}</Text>
            {canceledText(job.error).hint && (
              <Text size="sm" mt={4}>
                {canceledText(job.error).hint}
              </Text>
            )}
          </Alert>
        )}
        <ErrorAlert title="The merge was not cancelled" error={cancel.error} />
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
          {job?.status === 'running' && job.cancellable && (
            <Button
              variant="outline"
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(job.id)}
              data-testid="snapshot-job-cancel"
            >
              Cancel the merge
            </Button>
          )}
          {!job && (
            <Button
              color="red"
              loading={del.isPending || running}
              disabled={!!refused}
              onClick={() =>
                s &&
                del.mutate({
                  name: s.name,
                  ...(children ? { children } : {}),
                  method: merge && p.list.running ? method : 'libvirt',
                  ...(merge && p.list.running && method === 'blockjobs' && bandwidth !== '' ? { bandwidthMiBps: bandwidth } : {}),
                })
              }
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
