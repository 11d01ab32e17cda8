import { Text } from '@mantine/core';

/** The tab with the VM's settings. */
export function SettingsTab({ hostId, uuid }: { hostId: string; uuid: string }) {
  void hostId;
  void uuid;
  return <Text c="dimmed">Not built yet.</Text>;
}
