import { Text } from '@mantine/core';

/** The tab with the host's storage pools and volumes. */
export function StorageTab({ hostId }: { hostId: string }) {
  void hostId;
  return <Text c="dimmed">Not built yet.</Text>;
}
