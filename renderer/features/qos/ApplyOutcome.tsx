/** What became of an Apply: libvirt's read-back (and any difference from what was asked), or its error. */
import { Alert, Button, List, Text } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ApplyScope, QosApplied } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SCOPE_WORDS } from './useQos';

export interface OutcomeProps {
  testId: string;
  applied: QosApplied | undefined;
  error: unknown;
  /** The field's name and a value, in the admin's words. */
  label(field: string): string;
  format(field: string, v: number | number[] | null): string;
  /** Offered after a failure that involved the running VM, when the VM has a definition. */
  onConfigOnly?: (() => void) | undefined;
  pending?: boolean;
}

const scopeOf = (sides: QosApplied['appliedTo']): ApplyScope => (sides.length === 2 ? 'both' : (sides[0] ?? 'live'));

export function ApplyOutcome({ testId, applied, error, label, format, onConfigOnly, pending }: OutcomeProps) {
  if (error) {
    return (
      <div data-testid={`${testId}-error`}>
        <ErrorAlert title="Not applied" error={error} />
        {onConfigOnly && (
          <Button mt="xs" size="xs" variant="light" onClick={onConfigOnly} loading={pending} data-testid={`${testId}-config-only`}>
            Apply to the next boot only
          </Button>
        )}
      </div>
    );
  }
  if (!applied) return null;
  const diffs = applied.differences;
  return (
    <Alert
      color={diffs.length ? 'yellow' : 'teal'}
      icon={diffs.length ? <IconInfoCircle size={18} /> : <IconCheck size={18} />}
      title={`Applied to ${SCOPE_WORDS[scopeOf(applied.appliedTo)]}`}
      data-testid={`${testId}-applied`}
      data-differences={diffs.length}
      p="xs"
    >
      {diffs.length === 0 ? (
        <Text size="sm">libvirt reports exactly the values asked for (read back above).</Text>
      ) : (
        <>
          <Text size="sm">libvirt reports different values:</Text>
          <List size="sm" data-testid={`${testId}-differences`}>
            {diffs.map((d) => (
              <List.Item key={`${d.scope}-${d.field}`}>
                {label(d.field)} ({d.scope === 'live' ? 'running VM' : 'next boot'}): asked {format(d.field, d.requested)}, reported{' '}
                {format(d.field, d.reported)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** With "both" chosen and the two sides apart, say which one the form starts from. */
export function SidesDiffer({ scope, differ, testId }: { scope: ApplyScope; differ: boolean; testId: string }) {
  if (scope !== 'both' || !differ) return null;
  return (
    <Text size="xs" c="orange" data-testid={`${testId}-sides-differ`}>
      The running VM and the next boot differ: the form starts from the running VM’s values, and Apply sets both to it.
    </Text>
  );
}
