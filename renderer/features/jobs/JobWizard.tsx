/**
 * What the wizards that end in a job (install, clone) share: the steps header, the review that the
 * host checks before anything is made, the job it starts, and the buttons along the bottom. The
 * last two steps are always the review and the job.
 */
import { Button, Group, Loader, Stack, Stepper, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Job } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress, useJob } from '../install/JobProgress';

interface ReviewedJobOptions<Spec, Preview, Started extends { job: Job }> {
  /** The preview query's key, e.g. 'clone-preview' (the spec is added to it). */
  previewKey: string;
  /** null while the draft is not there yet. */
  spec: Spec | null;
  /** The review step is shown: only then is the preview asked for. */
  reviewing: boolean;
  preview(spec: Spec): Promise<Preview>;
  /** Starts the job for the reviewed spec. */
  start(spec: Spec, preview: Preview): Promise<Started>;
  /** The error when started before the review. */
  notReviewed: string;
  onStarted(): void;
}

/** The preview of a spec (fetched on the review step, never cached), the job that starts from it, and that job. */
export function useReviewedJob<Spec, Preview, Started extends { job: Job }>(o: ReviewedJobOptions<Spec, Preview, Started>) {
  const { spec } = o;
  const preview = useQuery({
    queryKey: [o.previewKey, JSON.stringify(spec)],
    queryFn: () => o.preview(spec as NonNullable<typeof spec>),
    enabled: o.reviewing && !!spec,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const start = useMutation({
    mutationFn: () => {
      const p = preview.data;
      if (!spec || !p) throw new Error(o.notReviewed);
      return o.start(spec, p);
    },
    onSuccess: () => o.onStarted(),
  });
  const job = useJob(start.data?.job.id);
  const running = job?.status === 'running' || start.isPending;
  return { preview, start, job, running };
}

/** The steps header: going back by clicking a step, until the job has started. */
export function WizardStepper({ steps, step, onStep }: { steps: readonly string[]; step: number; onStep(step: number): void }) {
  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => step < steps.length - 1 && s < step && onStep(s)}>
      {steps.map((label) => (
        <Stepper.Step key={label} label={label} />
      ))}
    </Stepper>
  );
}

/** Above the review: the host is checking it, or why it cannot be made. */
export function PreviewStatus({
  query,
  checking,
  errorTitle,
}: {
  /** The preview query. */
  query: { isLoading: boolean; error: unknown };
  /** e.g. "Checking on the host…" */
  checking: string;
  errorTitle: string;
}) {
  return (
    <>
      {query.isLoading && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{checking}</Text>
        </Group>
      )}
      <ErrorAlert title={errorTitle} error={query.error} />
    </>
  );
}

/** The last step: the job followed live, and that closing the window does not stop it. */
export function WizardJobStep({
  testId,
  jobId,
  jobTestId,
  fallbackTitle,
  what,
  children,
}: {
  testId: string;
  jobId: string;
  jobTestId: string;
  fallbackTitle: string;
  /** What goes on, e.g. "install". */
  what: string;
  /** Shown under the job (e.g. what was made once it is done). */
  children?: ReactNode;
}) {
  const job = useJob(jobId);
  return (
    <Stack gap="sm" data-testid={testId}>
      <JobProgress jobId={jobId} testId={jobTestId} fallbackTitle={fallbackTitle} />
      {children}
      {job?.status === 'running' && (
        <Text size="xs" c="dimmed">
          {`You can close this window: the ${what} goes on, and the Jobs panel shows it.`}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Cancel / Back / Close on the left; Next before the review, the create button on it, and what
 * `children` offers on the job's step.
 */
export function WizardFooter({
  testIdPrefix,
  steps,
  step,
  onStep,
  onClose,
  onNext,
  nextDisabled,
  createLabel,
  onCreate,
  creating,
  createDisabled,
  children,
}: {
  /** 'clone': clone-back, clone-next, clone-create. */
  testIdPrefix: string;
  steps: number;
  step: number;
  onStep(step: number): void;
  onClose(): void;
  onNext(): void;
  nextDisabled: boolean;
  createLabel: ReactNode;
  onCreate(): void;
  creating: boolean;
  createDisabled: boolean;
  children?: ReactNode;
}) {
  const review = steps - 2;
  const last = steps - 1;
  return (
    <Group justify="space-between">
      <Button
        variant="default"
        onClick={() => (step === 0 || step === last ? onClose() : onStep(step - 1))}
        data-testid={`${testIdPrefix}-back`}
      >
        {step === 0 ? 'Cancel' : step === last ? 'Close' : 'Back'}
      </Button>
      <Group gap="xs">
        {step < review && (
          <Button onClick={onNext} disabled={nextDisabled} data-testid={`${testIdPrefix}-next`}>
            Next
          </Button>
        )}
        {step === review && (
          <Button onClick={onCreate} loading={creating} disabled={createDisabled} data-testid={`${testIdPrefix}-create`}>
            {createLabel}
          </Button>
        )}
        {children}
      </Group>
    </Group>
  );
}
