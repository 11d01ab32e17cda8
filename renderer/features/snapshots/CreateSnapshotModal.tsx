/**
 * "Take a snapshot": name, description, kind (each kind offered only when the backend's checks
 * allow it, else the reason in words), quiesce (only with an answering guest agent, else why).
 */
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MEMORY_WITH_EXCLUDED, SnapshotCreate, type SnapshotKind, type SnapshotList } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesByField, summary } from '../../lib/formErrors';
import { closeWrite, errorTitle, snapshotWriteKey, writePending } from '../../queries/snapshot-write';
import { useSnapshotWrite } from '../../queries/snapshots';

const LABELS = { name: 'Name', description: 'Description' };

export function CreateSnapshotModal(p: { hostId: string; uuid: string; list: SnapshotList; opened: boolean; onClose(): void }) {
  const { offers } = p.list;
  const firstKind: SnapshotKind = offers.internal.ok || !offers.external.ok ? 'internal' : 'external';
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<SnapshotKind>(firstKind);
  const [quiesce, setQuiesce] = useState(false);
  const [memory, setMemory] = useState(false);
  const [exclude, setExclude] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useSnapshotWrite('snapshots.create', p.hostId, p.uuid, p.list.vmName, p.opened);
  const qc = useQueryClient();
  // A create of this VM started by this dialog before it was remounted (the page was left) still runs.
  const earlier = useIsMutating({ mutationKey: snapshotWriteKey('snapshots.create', p.hostId, p.uuid) }) > 0 && !create.isPending;
  const offer = offers[kind];
  const withMemory = kind === 'external' && memory;
  // The guest's RAM resumed over a disk that moved on since would not match it: the two exclude each other.
  const memoryWhy = !offers.externalMemory.ok
    ? offers.externalMemory.why
    : exclude.length
      ? `Not with ${exclude.join(', ')} left out: ${MEMORY_WITH_EXCLUDED}`
      : null;

  // While pending the dialog closes but the request goes on (its result then comes as a notification).
  const close = () =>
    closeWrite(
      create,
      () => {
        setName('');
        setDescription('');
        setMemory(false);
        setExclude([]);
        setErrors({});
      },
      p.onClose,
    );
  const submit = () => {
    // One create of a VM at a time: not a second one for the same request while the first runs.
    // (the render that shows it pending may not have come yet: a double click, Enter twice)
    if (writePending(qc, 'snapshots.create', p.hostId, p.uuid)) return;
    const input = { hostId: p.hostId, uuid: p.uuid, name, description, kind, quiesce, memory: withMemory, exclude };
    const parsed = SnapshotCreate.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues, (path) => (path in LABELS ? path : undefined), LABELS));
      return;
    }
    setErrors({});
    create.mutate({ name, description, kind, quiesce, memory: withMemory, exclude }, { onSuccess: close });
  };

  return (
    <Modal opened={p.opened} onClose={close} title={`Snapshot of ${p.list.vmName}`} data-testid="snapshot-create-dialog" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            data-testid="snapshot-name"
          />
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
            data-testid="snapshot-description"
          />
          <Radio.Group label="Kind" value={kind} onChange={(v) => setKind(v as SnapshotKind)}>
            <Stack gap={6} mt={4}>
              <Radio
                value="internal"
                disabled={!offers.internal.ok}
                label={p.list.running ? 'Internal: disks and memory, inside the qcow2 image' : 'Internal: disks, inside the qcow2 image'}
                data-testid="snapshot-kind-internal"
              />
              {!offers.internal.ok && (
                <Text size="xs" c="dimmed" data-testid="snapshot-kind-internal-why">
                  {offers.internal.why}
                </Text>
              )}
              <Radio
                value="external"
                disabled={!offers.external.ok}
                label="External: new overlay files on top of the disks"
                data-testid="snapshot-kind-external"
              />
              {!offers.external.ok && (
                <Text size="xs" c="dimmed" data-testid="snapshot-kind-external-why">
                  {offers.external.why}
                </Text>
              )}
              {kind === 'external' && offers.external.ok && (
                <div style={{ paddingLeft: 28 }}>
                  <Checkbox
                    label="With the running guest's memory state, to a file beside the overlays (a revert resumes it)"
                    checked={memory}
                    disabled={!!memoryWhy}
                    onChange={(e) => setMemory(e.currentTarget.checked)}
                    data-testid="snapshot-memory"
                  />
                  {memoryWhy && (
                    <Text size="xs" c="dimmed" mt={4} data-testid="snapshot-memory-why">
                      {memoryWhy}
                    </Text>
                  )}
                </div>
              )}
            </Stack>
          </Radio.Group>
          {p.list.disks.length > 1 && (
            <Stack gap={4} data-testid="snapshot-disks">
              <Text size="sm" fw={500}>
                Disks in the snapshot
              </Text>
              {p.list.disks.map((d) => (
                <Checkbox
                  key={d.target}
                  label={`${d.target} (${d.path})`}
                  checked={!exclude.includes(d.target)}
                  disabled={withMemory && !exclude.includes(d.target)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setExclude((x) => (on ? x.filter((t) => t !== d.target) : [...x, d.target]));
                  }}
                  data-testid={`snapshot-disk-include-${d.target}`}
                />
              ))}
              <Text size="xs" c="dimmed" data-testid="snapshot-disks-why">
                {withMemory
                  ? `With the memory state every disk is in the snapshot. ${MEMORY_WITH_EXCLUDED}`
                  : 'A disk left out keeps its file: reverting to this snapshot does not touch it.'}
              </Text>
            </Stack>
          )}
          <div>
            <Checkbox
              label="Quiesce the guest's file systems (guest agent)"
              checked={quiesce}
              disabled={!offers.quiesce.ok}
              onChange={(e) => setQuiesce(e.currentTarget.checked)}
              data-testid="snapshot-quiesce"
            />
            {!offers.quiesce.ok && (
              <Text size="xs" c="dimmed" mt={4} data-testid="snapshot-quiesce-why">
                {offers.quiesce.why}
              </Text>
            )}
          </div>
          {!offer.ok && (
            <Alert color="yellow" data-testid="snapshot-kind-refused">
              {offer.why}
            </Alert>
          )}
          {Object.keys(errors).length > 0 && (
            <Text size="sm" c="red" data-testid="snapshot-form-summary">
              {summary(errors, LABELS)}
            </Text>
          )}
          <ErrorAlert title={errorTitle('snapshots.create', create.variables?.name ?? name, create.error)} error={create.error} />
          {create.isPending && (
            <Text size="sm" c="dimmed" data-testid="snapshot-create-pending">
              Making the snapshot “{create.variables?.name}”… With a running VM's memory this can take minutes. You can close this dialog:
              libvirt goes on, and the result comes as a notification.
            </Text>
          )}
          {earlier && (
            <Text size="sm" c="orange" data-testid="snapshot-create-earlier">
              A snapshot of this VM started earlier is still being made: its result comes as a notification. Take another one once it is
              done.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!offer.ok || earlier} data-testid="snapshot-create-submit">
              Take snapshot
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
