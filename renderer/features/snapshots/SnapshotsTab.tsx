import { Text } from '@mantine/core';

/** The tab with the VM's snapshots. */
export function SnapshotsTab({ hostId, uuid }: { hostId: string; uuid: string }) {
  void hostId;
  void uuid;
  return <Text c="dimmed">Not built yet.</Text>;
}
