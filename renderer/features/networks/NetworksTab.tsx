import { Text } from '@mantine/core';

/** The tab with the host's virtual networks. */
export function NetworksTab({ hostId }: { hostId: string }) {
  void hostId;
  return <Text c="dimmed">Not built yet.</Text>;
}
