/**
 * What the QoS forms share: the draft over libvirt's values, the header with the read-back, the
 * Apply row (changed / Revert / Apply) and the outcome under it; and a device's whole card.
 */
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { z } from 'zod';
import type { ApplyScope, QosApplied } from '../../../shared/api';
import { ApplyOutcome, type OutcomeProps, SidesDiffer } from './ApplyOutcome';
import { issuesByPath } from './units';

/** A form's draft over the values in effect (`base`): null until the admin changes something. */
export function useTuneDraft<T>(base: T, schema: z.ZodType<T>, same: (a: T, b: T) => boolean) {
  const [draft, setDraft] = useState<T | null>(null);
  const form = draft ?? base;
  const check = schema.safeParse(form);
  const errors = check.success ? {} : issuesByPath(check.error.issues);
  const dirty = draft !== null && !same(form, base);
  return { draft, setDraft, form, check, errors, dirty };
}

/** What the outcome needs of a QoS write (useQosWrite's result). */
export interface TuneWrite {
  data: QosApplied | undefined;
  error: unknown;
  isPending: boolean;
  variables: { scope: ApplyScope } | undefined;
}

/** The values in effect: on the running VM and for the next boot. */
export function Readout({ testId, live, config }: { testId: string; live?: string | undefined; config?: string | undefined }) {
  return (
    <Stack gap={0}>
      {live !== undefined && (
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            Running VM:{' '}
          </Text>
          <span data-testid={`${testId}-live`}>{live}</span>
        </Text>
      )}
      {config !== undefined && (
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            Next boot:{' '}
          </Text>
          <span data-testid={`${testId}-config`}>{config}</span>
        </Text>
      )}
    </Stack>
  );
}

/** A card's header: its title (and what it is) on the left, the read-back on the right. */
export function TuneHeader({
  testId,
  live,
  config,
  children,
}: {
  testId: string;
  live: string | undefined;
  config: string | undefined;
  children: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="xs">
      <div>{children}</div>
      <Readout testId={testId} live={live} config={config} />
    </Group>
  );
}

/** What the Apply row and the outcome under it take. */
export interface ApplyControlsProps {
  /** Prefix of `-revert`, `-apply` and the outcome's test ids. */
  testId: string;
  scope: ApplyScope;
  persistent: boolean;
  dirty: boolean;
  canRevert: boolean;
  /** The form passes its schema. */
  valid: boolean;
  onRevert(): void;
  onApply(s: ApplyScope): void;
  write: TuneWrite;
  label: OutcomeProps['label'];
  format: OutcomeProps['format'];
  applyLabel?: string;
  /** Set apart from the form above, the outcome in its own stack (a device card's layout). */
  spaced?: boolean;
}

/**
 * "changed", Revert and Apply; then the write's outcome, which after a failure that involved the
 * running VM offers "next boot only" when the VM has a definition.
 */
export function ApplyControls({
  testId,
  scope,
  persistent,
  dirty,
  canRevert,
  valid,
  onRevert,
  onApply,
  write,
  label,
  format,
  applyLabel = 'Apply',
  spaced = false,
}: ApplyControlsProps) {
  const outcome = (
    <ApplyOutcome
      testId={testId}
      applied={write.data}
      error={write.error}
      label={label}
      format={format}
      onConfigOnly={scope !== 'config' && persistent && write.variables?.scope !== 'config' ? () => onApply('config') : undefined}
      pending={write.isPending}
    />
  );
  return (
    <>
      <Group justify="flex-end" mt={spaced ? 'sm' : undefined} gap="xs">
        {dirty && (
          <Badge variant="light" color="blue">
            changed
          </Badge>
        )}
        <Button variant="default" size="xs" disabled={!canRevert} onClick={onRevert} data-testid={`${testId}-revert`}>
          Revert
        </Button>
        <Button
          size="xs"
          onClick={() => onApply(scope)}
          disabled={!valid || !dirty}
          loading={write.isPending}
          data-testid={`${testId}-apply`}
        >
          {applyLabel}
        </Button>
      </Group>
      {spaced ? <Stack mt="xs">{outcome}</Stack> : outcome}
    </>
  );
}

/** One device's card (a disk, a NIC): header, the form (children), notes, Apply row, outcome. */
export function TuneCard({
  title,
  live,
  config,
  sidesDiffer,
  notes,
  children,
  ...controls
}: Omit<ApplyControlsProps, 'applyLabel' | 'spaced'> & {
  title: ReactNode;
  live: string | undefined;
  config: string | undefined;
  /** Both sides are there and apart. */
  sidesDiffer: boolean;
  notes: readonly string[];
  children: ReactNode;
}) {
  const { testId, scope } = controls;
  return (
    <Card withBorder data-testid={testId}>
      <TuneHeader testId={testId} live={live} config={config}>
        {title}
      </TuneHeader>
      {children}
      <SidesDiffer scope={scope} differ={sidesDiffer} testId={testId} />
      {notes.map((n) => (
        <Text key={n} size="xs" c="orange">
          {n}
        </Text>
      ))}
      <ApplyControls {...controls} spaced />
    </Card>
  );
}
