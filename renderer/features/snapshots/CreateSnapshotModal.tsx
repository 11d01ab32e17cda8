/**
 * "Take a snapshot": name, description, kind (each kind offered only when the backend's checks
 * allow it, else the reason in words), quiesce (only with an answering guest agent, else why).
 */
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SnapshotCreate, type SnapshotKind, type SnapshotList } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesByField, summary } from '../../lib/formErrors';
import { useSnapshotWrite } from '../../queries/snapshots';

const LABELS = { name: 'Name', description: 'Description' };

export function CreateSnapshotModal(p: { hostId: string; uuid: string; list: SnapshotList; opened: boolean; onClose(): void }) {
  const { offers } = p.list;
  const firstKind: SnapshotKind = offers.internal.ok || !offers.external.ok ? 'internal' : 'external';
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<SnapshotKind>(firstKind);
  const [quiesce, setQuiesce] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useSnapshotWrite('snapshots.create', p.hostId, p.uuid);
  const offer = offers[kind];

  const close = () => {
    setName('');
    setDescription('');
    setErrors({});
    create.reset();
    p.onClose();
  };
  const submit = () => {
    const input = { hostId: p.hostId, uuid: p.uuid, name, description, kind, quiesce };
    const parsed = SnapshotCreate.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues, (path) => (path in LABELS ? path : undefined), LABELS));
      return;
    }
    setErrors({});
    create.mutate({ name, description, kind, quiesce }, { onSuccess: close });
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
                label="External: disks only, new overlay files on top"
                data-testid="snapshot-kind-external"
              />
              {!offers.external.ok && (
                <Text size="xs" c="dimmed" data-testid="snapshot-kind-external-why">
                  {offers.external.why}
                </Text>
              )}
            </Stack>
          </Radio.Group>
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
          <ErrorAlert title="The snapshot was not made" error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!offer.ok} data-testid="snapshot-create-submit">
              Take snapshot
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
