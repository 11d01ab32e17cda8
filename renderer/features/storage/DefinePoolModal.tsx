/** Defines a dir pool: a name and a directory on the host (built and started from the list). */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DefinePoolSpec } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesByField, summary } from '../../lib/formErrors';
import { useStorageWrite } from '../../queries/storage';

const LABELS = { name: 'Name', targetPath: 'Directory' } as const;

export function DefinePoolModal({
  hostId,
  opened,
  onClose,
  onDefined,
}: {
  hostId: string;
  opened: boolean;
  onClose: () => void;
  onDefined: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [targetPath, setTargetPath] = useState('');
  const [tried, setTried] = useState(false);
  const define = useStorageWrite('storage.definePool', hostId);
  const check = DefinePoolSpec.safeParse({ hostId, name, type: 'dir', targetPath });
  const errors = check.success ? {} : issuesByField(check.error.issues, (p) => (p in LABELS ? p : undefined), LABELS);
  const shown: Record<string, string> = tried ? errors : {};
  const close = () => {
    define.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Define a storage pool" data-testid="storage-pool-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!check.success) {
            setTried(true);
            return;
          }
          define.mutate(
            { name, type: 'dir', targetPath },
            {
              onSuccess: () => {
                setName('');
                setTargetPath('');
                setTried(false);
                onDefined(name);
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            A directory pool: its volumes are files in a directory of the host. The pool is defined inactive: build it (creates the
            directory), then start it.
          </Text>
          <TextInput
            label={LABELS.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={shown.name}
            data-testid="storage-pool-name-input"
            data-autofocus
          />
          <TextInput
            label={LABELS.targetPath}
            description="An absolute path on the host, e.g. /data/store"
            value={targetPath}
            onChange={(e) => setTargetPath(e.currentTarget.value)}
            error={shown.targetPath}
            data-testid="storage-pool-path-input"
          />
          {tried && summary(errors, LABELS) && (
            <Text size="sm" c="red" data-testid="form-summary">
              {[summary(errors, LABELS), errors[''], 'Nothing was sent.'].filter(Boolean).join(' ')}
            </Text>
          )}
          <ErrorAlert title="Could not define the pool" error={define.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={define.isPending} data-testid="storage-pool-submit">
              Define
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
