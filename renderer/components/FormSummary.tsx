import { Text } from '@mantine/core';
import { summary } from '../lib/formErrors';

/**
 * A form's one-line summary of its wrong fields ("Check these 2 fields: Address, Name. Nothing was
 * sent."), plus the issues that belong to no field; nothing when every field is right.
 */
export function FormSummary({
  errors,
  labels,
  testId = 'form-summary',
}: {
  errors: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
  testId?: string;
}) {
  const text = summary(errors, labels);
  if (!text) return null;
  return (
    <Text size="sm" c="red" data-testid={testId}>
      {[text, errors[''], 'Nothing was sent.'].filter(Boolean).join(' ')}
    </Text>
  );
}
