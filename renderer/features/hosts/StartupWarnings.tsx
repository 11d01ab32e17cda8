import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useAppInfo } from '../../queries';

/** What the backend found wrong at start (a corrupt hosts.json or secrets.json set aside), until dismissed. */
export function StartupWarnings() {
  const info = useAppInfo();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = (info.data?.startupWarnings ?? []).filter((w) => !dismissed.includes(w.message));
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" mb="sm" data-testid="startup-warnings">
      {shown.map((w) => (
        <Alert
          key={w.message}
          color="orange"
          icon={<IconAlertTriangle />}
          title={w.message}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setDismissed((d) => [...d, w.message])}
        >
          {w.hint}
        </Alert>
      ))}
    </Stack>
  );
}
