/**
 * "New VM" on a host: source and OS → resources → review of the exact definition → the install
 * job (volume create, define, start; rolled back if a step fails), then the serial console.
 */
import { Button, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconDeviceDesktopPlus, IconTerminal2 } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { HostId } from '../../../shared/api';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { keys, useDomains, useHost } from '../../queries';
import { useUi } from '../../store/ui';
import { openConsole } from '../console/store';
import { PreviewStatus, useReviewedJob, WizardFooter, WizardJobStep, WizardStepper } from '../jobs/JobWizard';
import { type InstallDraft, initialDraft, installLabels, issues, toSpec } from './draft';
import { useInstallOptions } from './queries';
import { ResourcesStep } from './ResourcesStep';
import { ReviewStep } from './ReviewStep';
import { SourceStep } from './SourceStep';
import { useInstallUi } from './store';

export function InstallRoot() {
  const hostId = useInstallUi((s) => s.hostId);
  if (!hostId) return null;
  return <InstallWizard key={hostId} hostId={hostId} />;
}

/** The "New VM" button of a host's page. */
export function NewVmButton({ hostId, disabled }: { hostId: HostId; disabled?: boolean }) {
  const open = useInstallUi((s) => s.open);
  return (
    <Button
      size="xs"
      leftSection={<IconDeviceDesktopPlus size={14} />}
      onClick={() => open(hostId)}
      disabled={disabled}
      data-testid="host-page-new-vm"
    >
      New VM
    </Button>
  );
}

const STEPS = ['Source', 'Resources', 'Review', 'Create'] as const;

function InstallWizard({ hostId }: { hostId: HostId }) {
  const close = useInstallUi((s) => s.close);
  const select = useUi((s) => s.select);
  const host = useHost(hostId);
  const options = useInstallOptions(hostId);
  const domains = useDomains();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<InstallDraft | null>(null);
  const [step, setStep] = useState(0);
  const [shown, setShown] = useState<Set<number>>(new Set());
  const [consoleOpened, setConsoleOpened] = useState(false);

  const taken = useMemo(() => new Set((domains.data ?? []).filter((d) => d.hostId === hostId).map((d) => d.name)), [domains.data, hostId]);
  useEffect(() => {
    if (options.data && !draft) setDraft(initialDraft(options.data, taken));
  }, [options.data, draft, taken]);

  const spec = draft ? toSpec(draft) : null;
  const {
    preview,
    start: create,
    job,
    running,
  } = useReviewedJob({
    previewKey: 'install-preview',
    spec,
    reviewing: step === 2,
    preview: (s) => call('install.preview', s),
    start: (s, p) => call('install.create', { ...s, uuid: p.uuid, ...(p.mac ? { mac: p.mac } : {}) }),
    notReviewed: 'Review the VM first',
    onStarted: () => setStep(3),
  });
  const done = job?.status === 'succeeded';

  // The VM runs: show its serial console, as virt-manager opens its console window.
  useEffect(() => {
    if (!done || consoleOpened || !create.data || !draft?.start) return;
    setConsoleOpened(true);
    void qc.invalidateQueries({ queryKey: keys.domains() });
    if (draft.serial) openConsole({ kind: 'serial', hostId, uuid: create.data.uuid, name: create.data.name });
  }, [done, consoleOpened, create.data, draft, hostId, qc]);

  const errs = draft && shown.has(step) && step < 2 ? issues(draft, step as 0 | 1) : {};
  const next = () => {
    if (!draft) return;
    const problems = issues(draft, step as 0 | 1);
    if (Object.keys(problems).length) {
      setShown(new Set([...shown, step]));
      return;
    }
    setStep(step + 1);
  };

  return (
    <Modal
      opened
      onClose={close}
      size="xl"
      title={`New VM on ${host?.spec.name ?? hostId}`}
      closeOnClickOutside={!running}
      data-testid="install-wizard"
    >
      <Stack gap="md">
        <WizardStepper steps={STEPS} step={step} onStep={setStep} />
        {options.isLoading && <Loader size="sm" />}
        <ErrorAlert title={`Could not read what ${host?.spec.name ?? 'the host'} offers`} error={options.error} />
        {draft && options.data && step === 0 && <SourceStep draft={draft} set={setDraft} options={options.data} errors={errs} />}
        {draft && options.data && step === 1 && <ResourcesStep draft={draft} set={setDraft} options={options.data} errors={errs} />}
        {step === 2 && (
          <>
            <PreviewStatus query={preview} checking="Checking on the host…" errorTitle="This VM cannot be created as it is" />
            {preview.data && <ReviewStep preview={preview.data} />}
          </>
        )}
        {step === 3 && create.data && (
          <WizardJobStep
            testId="install-step-create"
            jobId={create.data.job.id}
            jobTestId="install-job"
            fallbackTitle={`Install ${create.data.name}`}
            what="install"
          >
            {done && (
              <Text size="sm" data-testid="install-done">
                {draft?.start ? `${create.data.name} is running.` : `${create.data.name} is defined.`}{' '}
                {draft?.start && draft.serial ? 'Its serial console is open below.' : ''}
              </Text>
            )}
          </WizardJobStep>
        )}
        <ErrorAlert title="Could not start the install" error={create.error} />
        {/* Every wrong field of the step, named in one line (each says why at its field). */}
        {draft && step < 2 && <FormSummary errors={errs} labels={installLabels(draft, step as 0 | 1)} />}
        <WizardFooter
          testIdPrefix="install"
          steps={STEPS.length}
          step={step}
          onStep={setStep}
          onClose={close}
          onNext={next}
          nextDisabled={!draft}
          createLabel={`Create${draft?.start ? ' and start' : ''}`}
          onCreate={() => create.mutate()}
          creating={create.isPending}
          createDisabled={!preview.data}
        >
          {step === 3 && done && create.data && (
            <>
              {draft?.start && (
                <Button
                  variant="default"
                  leftSection={<IconTerminal2 size={14} />}
                  onClick={() => create.data && openConsole({ kind: 'serial', hostId, uuid: create.data.uuid, name: create.data.name })}
                  data-testid="install-open-console"
                >
                  Console
                </Button>
              )}
              <Button
                onClick={() => {
                  if (!create.data) return;
                  select({ kind: 'domain', hostId, uuid: create.data.uuid });
                  close();
                }}
                data-testid="install-show-vm"
              >
                Show the VM
              </Button>
            </>
          )}
        </WizardFooter>
      </Stack>
    </Modal>
  );
}
