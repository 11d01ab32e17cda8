import { Text } from '@mantine/core';

/** The host's tuning tab: KSM, huge pages, transparent huge pages, CPU topology. */
export function TuningTab({ hostId }: { hostId: string }) {
  void hostId;
  return <Text c="dimmed">Not built yet.</Text>;
}
