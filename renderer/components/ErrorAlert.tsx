import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorOf } from './notify';

/** An inline error where the user acted: summary, libvirt's (or SSH's) message, what to try. */
export function ErrorAlert({ title, error }: { title: string; error: unknown }) {
  const e = errorOf(error);
  if (!e) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} role="alert" data-testid="error-alert">
      <Text size="sm">{e.message}</Text>
      {e.libvirt && (
        <Text size="xs" c="dimmed">
          libvirt error <Code>{e.libvirt.code}</Code> (domain {e.libvirt.domain})
        </Text>
      )}
      {e.hint && (
        <Text size="sm" mt={4}>
          {e.hint}
        </Text>
      )}
    </Alert>
  );
}
