/**
 * The migration wizard: destination (and new name), mode/storage/transport/options, pre-flight
 * checks with their fixes, then the live panel of the running job.
 */
import { Alert, Button, Group, Loader, Modal, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type MigrationFixId, type MigrationPlan, MigrationSpec } from '../../../shared/api';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesByField, summary } from '../../lib/formErrors';
import { useDomain, useHosts } from '../../queries';
import { MigrationPanel } from './MigrationPanel';
import { PreflightList } from './PreflightList';
import { type MigrateTarget, useMigrateUi } from './store';
import { type Draft, WizardOptions } from './WizardOptions';

/** The wizard's fields, by the spec's top-level keys, in the order the admin meets them. */
const LABELS: Record<string, string> = {
  destHostId: 'Destination',
  newName: 'Name on the destination',
  mode: 'Mode',
  storage: 'Storage',
  transport: 'Transport',
  tunnelled: 'Tunnelled',
  peerUri: 'Destination as the source reaches it',
  destPool: 'Destination pool',
  persist: 'Keep the definition on the destination',
  undefineSource: 'Remove the definition from the source',
  bandwidthMiBps: 'Bandwidth',
  maxDowntimeMs: 'Max downtime',
  autoConverge: 'Auto-converge',
  postCopy: 'Post-copy',
  compression: 'Compression',
};

function initialDraft(t: MigrateTarget, running: boolean): Draft {
  return {
    hostId: t.hostId,
    uuid: t.uuid,
    destHostId: t.destHostId ?? '',
    mode: running ? 'live' : 'offline',
    storage: running ? 'shared' : 'copy',
    transport: 'direct',
    tunnelled: false,
    persist: true,
    undefineSource: true,
    postCopy: false,
    compression: 'none',
  };
}

/** Drops empty optional fields so that the schema sees what the admin set. */
function clean(d: Draft): Draft {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined && v !== '') out[k] = v;
  return out as Draft;
}

function WizardBody({ target, onClose }: { target: MigrateTarget; onClose(): void }) {
  const hosts = useHosts();
  const domain = useDomain(target.hostId, target.uuid);
  const running = !!domain && domain.state !== 'shutoff' && domain.state !== 'crashed';
  const [active, setActive] = useState(target.destHostId ? 1 : 0);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(target, running));
  const [plan, setPlan] = useState<{ for: string; plan: MigrationPlan } | null>(null);
  const [highlightPool, setHighlightPool] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const spec = useMemo(() => clean(draft), [draft]);
  const key = JSON.stringify(spec);
  const parsed = MigrationSpec.safeParse(spec);
  // Every issue of the backend's own schema, at its field and in words, all at once.
  const errors = parsed.success
    ? {}
    : issuesByField(parsed.error.issues, (p) => ((p.split('.')[0] ?? '') in LABELS ? p.split('.')[0] : undefined), LABELS);
  const issue = (path: string): string | undefined => errors[path];

  const srcHost = hosts.data?.find((h) => h.id === target.hostId);
  const destinations = (hosts.data ?? []).filter((h) => h.id !== target.hostId);
  const dest = destinations.find((h) => h.id === draft.destHostId);

  const check = useMutation({
    mutationFn: (s: Draft) => call('migrations.preflight', s),
    onSuccess: (p, s) => setPlan({ for: JSON.stringify(s), plan: p }),
  });
  // The spec the checks last ran for: they run once per spec on entering the step, and a failure
  // settles (shown with Retry) instead of running again on the next render.
  const [checkedFor, setCheckedFor] = useState<string | null>(null);
  const runChecks = () => {
    setCheckedFor(key);
    check.mutate(spec);
  };
  const fix = useMutation({
    mutationFn: (f: 'disk-cache-none' | 'undefine-stale') => call('migrations.fix', { spec, fix: f }),
    onSuccess: (p) => setPlan({ for: key, plan: p }),
  });
  const start = useMutation({
    mutationFn: () => call('migrations.start', spec),
    onSuccess: (job) => {
      setJobId(job.id);
      setActive(3);
    },
  });

  // Entering the checks step (or changing the plan behind it) runs the checks, once.
  useEffect(() => {
    if (active === 2 && parsed.success && checkedFor !== key && !check.isPending) {
      setCheckedFor(key);
      check.mutate(spec);
    }
  }, [active, key, parsed.success, checkedFor, check, spec]);

  const onFix = (id: MigrationFixId) => {
    if (id === 'choose-pool') {
      setHighlightPool(true);
      setActive(1);
    } else if (id === 'rename') {
      setActive(0);
      setTimeout(() => nameRef.current?.focus(), 50);
    } else fix.mutate(id);
  };

  const current = plan?.for === key ? plan.plan : null;
  const canNext0 = !!dest && !issue('newName');
  const canNext1 = parsed.success;

  return (
    <Stack>
      <Stepper active={active} size="sm" onStepClick={(s) => jobId === null && s < active && setActive(s)}>
        <Stepper.Step label="Destination" description={dest?.spec.name ?? 'pick a host'} data-testid="migrate-step-dest">
          <Stack gap="sm" mt="sm">
            <Radio.Group
              label={`Move ${target.name} from ${srcHost?.spec.name ?? '?'} to`}
              value={draft.destHostId}
              onChange={(v) => set({ destHostId: v })}
            >
              <Stack gap={6} mt={6}>
                {destinations.map((h) => {
                  const connected = h.state.status === 'connected';
                  return (
                    <Radio.Card key={h.id} value={h.id} disabled={!connected} p="sm" radius="md" data-testid={`migrate-dest-${h.id}`}>
                      <Group wrap="nowrap">
                        <Radio.Indicator disabled={!connected} />
                        <div>
                          <Text fw={600}>{h.spec.name}</Text>
                          <Text size="xs" c="dimmed">
                            {h.spec.address ?? 'this computer'}
                            {connected
                              ? ` · libvirt ${h.libvirtVersion ?? '?'} · QEMU ${h.hypervisorVersion ?? '?'}`
                              : ' · not connected: connect it first'}
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  );
                })}
                {destinations.length === 0 && <Text c="dimmed">Add and connect another host to migrate to.</Text>}
              </Stack>
            </Radio.Group>
            <TextInput
              ref={nameRef}
              label="Name on the destination"
              description="Optional: leave empty to keep the name"
              placeholder={target.name}
              value={draft.newName ?? ''}
              onChange={(e) => set({ newName: e.currentTarget.value || undefined })}
              error={issue('newName')}
              data-testid="migrate-new-name"
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step
          label="Options"
          description={`${draft.mode}, ${draft.storage === 'copy' ? 'copy disks' : 'shared'}, ${draft.transport}`}
          data-testid="migrate-step-options"
        >
          <WizardOptions draft={draft} set={set} state={domain?.state} dest={dest} issue={issue} highlightPool={highlightPool} />
        </Stepper.Step>
        <Stepper.Step label="Checks" description="pre-flight" data-testid="migrate-step-checks">
          {check.isPending && !current && (
            <Group mt="md" data-testid="migrate-checking">
              <Loader size="sm" /> <Text size="sm">Checking both hosts…</Text>
            </Group>
          )}
          {check.error && !check.isPending && (
            <Stack gap={6} mt="sm" data-testid="migrate-check-failed">
              <ErrorAlert title="The checks could not run" error={check.error} />
              <Group>
                <Button size="xs" variant="light" onClick={runChecks} data-testid="migrate-retry">
                  Retry
                </Button>
              </Group>
            </Stack>
          )}
          {current && <PreflightList plan={current} onFix={onFix} fixing={fix.isPending ? (fix.variables ?? null) : null} />}
          {fix.error && <ErrorAlert title="The fix failed" error={fix.error} />}
          {start.error && <ErrorAlert title="The migration did not start" error={start.error} />}
        </Stepper.Step>
        <Stepper.Step label="Migrate" description="live progress">
          {jobId && <MigrationPanel jobId={jobId} />}
        </Stepper.Step>
      </Stepper>

      <Group justify="space-between">
        <Button variant="default" onClick={onClose} data-testid="migrate-close">
          {jobId ? 'Close (it goes on; see Jobs)' : 'Cancel'}
        </Button>
        <Group gap="xs">
          {active > 0 && active < 3 && (
            <Button variant="default" onClick={() => setActive(active - 1)} data-testid="migrate-back">
              Back
            </Button>
          )}
          {active < 2 && (
            <Button onClick={() => setActive(active + 1)} disabled={active === 0 ? !canNext0 : !canNext1} data-testid="migrate-next">
              Next
            </Button>
          )}
          {active === 2 && (
            <>
              <Button variant="default" onClick={runChecks} loading={check.isPending} data-testid="migrate-recheck">
                Check again
              </Button>
              <Button
                onClick={() => start.mutate()}
                disabled={!current?.canStart || check.isPending}
                loading={start.isPending}
                data-testid="migrate-start"
              >
                Start migration
              </Button>
            </>
          )}
        </Group>
      </Group>
      {active === 1 && !parsed.success && (
        <Alert color="yellow" p="xs" data-testid="form-summary">
          {[summary(errors, LABELS), errors[''], 'Nothing was checked or started yet.'].filter(Boolean).join(' ')}
        </Alert>
      )}
    </Stack>
  );
}

export function MigrateWizard() {
  const target = useMigrateUi((s) => s.wizard);
  const close = useMigrateUi((s) => s.closeWizard);
  return (
    <Modal
      opened={!!target}
      onClose={close}
      size="xl"
      title={target ? `Migrate ${target.name}` : ''}
      data-testid="migrate-wizard"
      closeOnClickOutside={false}
    >
      {target && <WizardBody key={`${target.hostId}/${target.uuid}/${target.destHostId ?? ''}`} target={target} onClose={close} />}
    </Modal>
  );
}
