/**
 * The clone wizard's word on the source's snapshots (virt-manager#810): not copied, what the copy
 * does instead (flattened, or refused for a disk built on the snapshot chain), and the files the
 * snapshots keep, which stay with the source.
 */
import { Alert, Code, List, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import type { CloneSnapshots } from '../../../shared/api';

export function CloneSnapshotsNote({ s }: { s: CloneSnapshots | undefined }) {
  if (!s) return null;
  return (
    <Alert color="blue" icon={<IconCamera size={18} />} title="Snapshots" data-testid="clone-snapshots">
      <Text size="sm" data-testid="clone-snapshots-note">
        {s.note}
      </Text>
      {s.files.length > 0 && (
        <>
          <Text size="sm" mt={6}>
            Snapshot files not copied (they stay with the source):
          </Text>
          <List size="xs" spacing={2}>
            {s.files.map((f) => (
              <List.Item key={f} data-testid="clone-snapshot-file" data-path={f}>
                <Code>{f}</Code>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
