/** Steering a running migration, and the remedies when it does not converge. */
import { Alert, Button, Card, Group, NumberInput, type NumberInputProps, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Job, MigrationControl, MigrationInfo } from '../../../shared/api';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { keys } from '../../queries/keys';

export function useControl(jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (control: MigrationControl) => call('migrations.control', { jobId, control }),
    // The job's next update carries it too; show it at once.
    onSuccess: ({ samples: _s, log: _l, ...info }) =>
      qc.setQueryData(keys.jobs(), (old: Job[] | undefined) =>
        old?.map((j) => (j.id === jobId && j.kind === 'migration' ? { ...j, detail: { ...j.detail, info } } : j)),
      ),
  });
}

export function NonConvergence({ info, jobId }: { info: MigrationInfo; jobId: string }) {
  const control = useControl(jobId);
  if (!info.nonConvergence) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="This migration is not converging" data-testid="mig-nonconv">
      <Text size="sm">{info.nonConvergence.message}</Text>
      <Stack gap={6} mt="sm" data-testid="mig-remedies">
        {info.remedies.map((r, i) => (
          <Group key={r.control.action} wrap="nowrap" align="center" gap="sm">
            <Button
              size="xs"
              // A button in both themes: filled for the first, outlined (not a tinted label) for the rest.
              variant={i === 0 ? 'filled' : 'outline'}
              color="orange"
              w={250}
              miw={250}
              h="auto"
              py={6}
              style={{ flexShrink: 0 }}
              styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
              loading={control.isPending && control.variables?.action === r.control.action}
              onClick={() => control.mutate(r.control)}
              data-testid={`mig-remedy-${r.control.action}`}
              data-rank={i + 1}
            >
              {r.label}
            </Button>
            <Text size="xs" c="dimmed" style={{ flex: 1 }} data-testid={`mig-remedy-${r.control.action}-impact`}>
              {r.impact}
            </Text>
          </Group>
        ))}
      </Stack>
      {control.error && <ErrorAlert title="The remedy failed" error={control.error} />}
    </Alert>
  );
}

/** A number to apply to the running migration: its input (`${testId}-input`) and its Set button (`${testId}-set`). */
function NumberControl({
  initial,
  disabled,
  busy,
  onSet,
  testId,
  ...input
}: Pick<NumberInputProps, 'label' | 'description' | 'placeholder' | 'min'> & {
  /** A number, or '' for an empty input. */
  initial: number | '';
  disabled: boolean;
  /** Another control is being applied. */
  busy: boolean;
  onSet(value: number): void;
  testId: string;
}) {
  const [value, setValue] = useState<number | string>(initial);
  return (
    <>
      <NumberInput size="xs" w={150} {...input} value={value} onChange={setValue} disabled={disabled} data-testid={`${testId}-input`} />
      <Button
        size="xs"
        variant="default"
        disabled={disabled || busy || typeof value !== 'number'}
        onClick={() => onSet(Number(value))}
        data-testid={`${testId}-set`}
      >
        Set
      </Button>
    </>
  );
}

export function MigrationControls({ job, info }: { job: Job; info: MigrationInfo | undefined }) {
  const control = useControl(job.id);
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => call('jobs.cancel', { jobId: job.id }),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.job(job.id) }),
  });
  const c = info?.controls;
  const postCopyWhy = c?.postCopy
    ? 'Already in post-copy'
    : info?.postCopyAllowed === false
      ? 'Post-copy was not allowed when this migration started'
      : info?.spec?.mode === 'offline'
        ? 'Offline migrations have no memory to copy'
        : null;
  const live = info?.spec?.mode !== 'offline';
  const busy = control.isPending;
  return (
    <Card withBorder padding="sm" data-testid="mig-controls">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberControl
            label="Max downtime (ms)"
            description={c?.maxDowntimeMs ? `now ${c.maxDowntimeMs} ms` : 'now QEMU default'}
            min={10}
            initial={3000}
            disabled={!live}
            busy={busy}
            onSet={(ms) => control.mutate({ action: 'max-downtime', ms })}
            testId="mig-downtime"
          />
          <NumberControl
            label="Bandwidth (MiB/s)"
            description={c?.bandwidthMiBps ? `now ${c.bandwidthMiBps} MiB/s` : 'now unlimited'}
            placeholder="0 = unlimited"
            min={0}
            initial=""
            disabled={!live}
            busy={busy}
            onSet={(mibps) => control.mutate({ action: 'bandwidth', mibps })}
            testId="mig-bandwidth"
          />
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Tooltip label={postCopyWhy ?? 'The guest moves now; the rest of its memory follows on demand'} withArrow>
            <span>
              <Button
                size="xs"
                variant="default"
                disabled={!!postCopyWhy || busy}
                onClick={() => control.mutate({ action: 'postcopy' })}
                data-testid="mig-postcopy"
              >
                Switch to post-copy
              </Button>
            </span>
          </Tooltip>
          <Tooltip
            label={
              c?.suspended
                ? 'Already paused'
                : 'Pause the guest: nothing is dirtied any more, so it finishes; it resumes on the destination'
            }
            withArrow
          >
            <span>
              <Button
                size="xs"
                variant="default"
                disabled={!live || !!c?.suspended || busy}
                onClick={() => control.mutate({ action: 'suspend' })}
                data-testid="mig-suspend"
              >
                Pause guest to finish
              </Button>
            </span>
          </Tooltip>
          <Tooltip
            label={job.cancellable ? 'Abort: the VM stays on the source' : 'Too late to cancel (switching over, or in post-copy)'}
            withArrow
          >
            <span>
              <Button
                size="xs"
                color="red"
                variant="light"
                disabled={!job.cancellable}
                loading={cancel.isPending}
                onClick={() => cancel.mutate()}
                data-testid="mig-cancel"
              >
                Cancel migration
              </Button>
            </span>
          </Tooltip>
        </Group>
        {control.error && <ErrorAlert title="The control failed" error={control.error} />}
        {cancel.error && <ErrorAlert title="Cancel failed" error={cancel.error} />}
        {!live && (
          <Text size="xs" c="dimmed">
            Offline: only cancel applies.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
