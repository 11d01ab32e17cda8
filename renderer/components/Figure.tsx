import { Text } from '@mantine/core';

/** A labelled figure (a dimmed label, the value in bold, an optional dimmed hint), as the migration panel and the tuning cards show them. */
export function Figure({
  label,
  value,
  testId,
  hint,
  mono = false,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string;
  /** Monospace digits, smaller: figures that change every second. */
  mono?: boolean;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId} {...(mono ? { size: 'sm', ff: 'monospace' } : {})}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}
