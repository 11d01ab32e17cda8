/**
 * "Clone…" on a VM: where to (this host or another) and the new name → what happens to each disk
 * and NIC → review of the clone's definition and copies → the clone job (cancel removes what it
 * made on the target; the source is only read).
 *
 * Over 400 lines: the wizard's four steps share its draft state; each step's body is a component of
 * its own here, kept in one file so the draft's fields are read in one place.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Menu,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CloneDiskMode, CloneOptions, DomainSummary } from '../../../shared/api';
import { call } from '../../api';
import { type Choice, ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { XmlView } from '../../components/XmlView';
import { formatBytes } from '../../lib/format';
import { keys, useHosts, useRead } from '../../queries';
import { type DomainTarget, useUi } from '../../store/ui';
import { PreviewStatus, useReviewedJob, WizardFooter, WizardJobStep, WizardStepper } from '../jobs/JobWizard';
import { CloneSnapshotsNote } from '../snapshots/CloneSnapshotsNote';
import { type CloneDraft, cloneIssues, cloneLabels, draftFor, setDiskMode, toCloneSpec, withCloneName } from './draft';
import { useCloneUi } from './store';

export function CloneRoot() {
  const source = useCloneUi((s) => s.source);
  if (!source) return null;
  return <CloneWizard key={`${source.hostId}/${source.uuid}`} source={source} />;
}

/** The VM menu's entry. */
export function CloneMenuItem({
  target,
  domain,
  hostConnected,
}: {
  target: DomainTarget;
  domain: DomainSummary | undefined;
  hostConnected: boolean;
}) {
  const open = useCloneUi((s) => s.open);
  const why = !hostConnected
    ? 'The host is not connected'
    : !domain
      ? 'This VM is gone'
      : domain.state === 'shutoff' || domain.state === 'paused'
        ? null
        : 'Shut it down or pause it first';
  const item = (
    <Menu.Item
      leftSection={<IconCopy size={14} />}
      disabled={!!why}
      onClick={() => open(target)}
      data-testid={`vm-${target.name}-${target.hostId}-clone`}
    >
      Clone…
    </Menu.Item>
  );
  return why ? (
    <Tooltip label={why} position="right" withArrow>
      <div>{item}</div>
    </Tooltip>
  ) : (
    item
  );
}

const MODE_LABEL: Record<CloneDiskMode, string> = { copy: 'Copy', share: 'Share', detach: 'Leave out' };

function nicChoices(o: CloneOptions, type: string) {
  return [
    ...(type !== 'bridge' && type !== 'network' ? [{ value: 'keep', label: `Keep as it is (${type})` }] : []),
    ...o.target.networks.map((n) => ({ value: `network:${n.name}`, label: `network ${n.name}${n.active ? '' : ' (not running)'}` })),
    ...o.target.bridges.map((b) => ({ value: `bridge:${b}`, label: `bridge ${b}` })),
    { value: 'none', label: 'No NIC' },
  ];
}

const VERIFY_CHOICES: Choice<CloneDraft['verify']>[] = [
  { value: 'sha256', label: 'sha256 of the source and of the copy' },
  { value: 'size', label: 'Size only (faster)' },
];

function DisksStep({
  o,
  draft,
  set,
  errors,
}: {
  o: CloneOptions;
  draft: CloneDraft;
  set: (d: CloneDraft) => void;
  errors: Record<string, string>;
}) {
  const pools = o.target.pools.map((p) => ({
    value: p.name,
    label: `${p.name} · ${formatBytes(p.available)} free`,
    disabled: p.state !== 'running',
  }));
  return (
    <Stack gap="md" data-testid="clone-step-disks">
      <Title order={5}>Disks</Title>
      {o.disks.length === 0 && <Text size="sm">No disks.</Text>}
      {o.disks.map((d, i) => {
        const c = draft.disks[d.target];
        if (!c) return null;
        return (
          <Stack key={d.target} gap={4} data-testid={`clone-disk-${d.target}`}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" style={{ minWidth: 0 }} truncate>
                <b>{d.target}</b> {d.device}
                {d.readonly ? ', read-only' : ''} · {d.source ?? 'empty'}
                {d.volume ? ` · ${formatBytes(d.volume.capacity)}${d.format ? ` ${d.format}` : ''}` : ''}
              </Text>
              <SegmentedControl
                size="xs"
                value={c.mode}
                onChange={(m) => set(setDiskMode(draft, o, d.target, m as CloneDiskMode))}
                data={(['copy', 'share', 'detach'] as const).map((m) => ({
                  value: m,
                  label: MODE_LABEL[m],
                  disabled: !d.modes.includes(m),
                }))}
                data-testid={`clone-disk-${d.target}-mode`}
              />
            </Group>
            {c.mode === 'copy' && (
              <SimpleGrid cols={2}>
                <NativeSelect
                  label="Into pool"
                  data={pools}
                  value={c.pool}
                  onChange={(e) => set({ ...draft, disks: { ...draft.disks, [d.target]: { ...c, pool: e.currentTarget.value } } })}
                  data-testid={`clone-disk-${d.target}-pool`}
                />
                <TextInput
                  label="New volume"
                  value={c.volume}
                  onChange={(e) =>
                    set({ ...draft, disks: { ...draft.disks, [d.target]: { ...c, volume: e.currentTarget.value, touched: true } } })
                  }
                  error={errors[`disks.${i}.volume`]}
                  data-testid={`clone-disk-${d.target}-volume`}
                />
              </SimpleGrid>
            )}
            {d.notes.map((n) => (
              <Text key={n} size="xs" c="orange">
                {n}
              </Text>
            ))}
          </Stack>
        );
      })}
      <Title order={5}>Network</Title>
      {o.nics.map((n, i) => (
        <Group key={n.mac} justify="space-between" wrap="nowrap" data-testid={`clone-nic-${i}`}>
          <Text size="sm">
            {n.mac} · {n.type} {n.source ?? ''} {n.model ? `(${n.model})` : ''} → new MAC
            {n.remapped && (
              <Badge ml={6} color="orange" variant="light" size="sm" data-testid={`clone-nic-${i}-remapped`}>
                the target has no {n.type} {n.source}
              </Badge>
            )}
          </Text>
          <NativeSelect
            data={nicChoices(o, n.type)}
            value={draft.nics[n.mac] ?? 'keep'}
            onChange={(e) => set({ ...draft, nics: { ...draft.nics, [n.mac]: e.currentTarget.value } })}
            data-testid={`clone-nic-${i}-target`}
          />
        </Group>
      ))}
      {o.crossHost && (
        <SimpleGrid cols={2}>
          <ChoiceSelect
            label="Verify each copy"
            choices={VERIFY_CHOICES}
            value={draft.verify}
            onChange={(verify) => set({ ...draft, verify })}
            data-testid="clone-verify"
          />
          <NumberInput
            label="Limit the copy to (MiB/s)"
            description="Empty: as fast as the link goes"
            min={0}
            value={draft.bandwidth || ''}
            onChange={(v) => set({ ...draft, bandwidth: Number(v) || 0 })}
            data-testid="clone-bandwidth"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

const STEPS = ['Target', 'Disks and network', 'Review', 'Clone'] as const;

function CloneWizard({ source }: { source: DomainTarget }) {
  const close = useCloneUi((s) => s.close);
  const select = useUi((s) => s.select);
  const hosts = useHosts();
  const qc = useQueryClient();
  const [targetHostId, setTargetHostId] = useState(source.hostId);
  const [draft, setDraft] = useState<CloneDraft | null>(null);
  const [step, setStep] = useState(0);
  const [showErrors, setShowErrors] = useState(false);
  const options = useRead('clone.options', { hostId: source.hostId, uuid: source.uuid, targetHostId }, { retry: false });
  const o = options.data;
  useEffect(() => {
    if (o && o.targetHostId === targetHostId && draft?.targetHostId !== targetHostId) setDraft(draftFor(o, draft));
  }, [o, targetHostId, draft]);

  const spec = draft ? toCloneSpec(draft, source) : null;
  const { preview, start, job, running } = useReviewedJob({
    previewKey: 'clone-preview',
    spec,
    reviewing: step === 2,
    preview: (s) => call('clone.preview', s),
    start: (s, p) => {
      const newMac = new Map(p.macs.map((m) => [m.from, m.to]));
      return call('clone.start', {
        ...s,
        newUuid: p.uuid,
        nics: (s.nics ?? []).map((n) => ({ ...n, ...(newMac.get(n.mac) ? { newMac: newMac.get(n.mac) } : {}) })),
      });
    },
    notReviewed: 'Review the clone first',
    onStarted: () => setStep(3),
  });
  useEffect(() => {
    if (job?.status === 'succeeded') void qc.invalidateQueries({ queryKey: keys.domains() });
  }, [job?.status, qc]);

  const errors = draft && showErrors && step < 2 ? cloneIssues(draft, source, step as 0 | 1) : {};
  const ready = !!o && !!draft && draft.targetHostId === targetHostId && o.targetHostId === targetHostId;
  const next = () => {
    if (!draft) return;
    if (Object.keys(cloneIssues(draft, source, step as 0 | 1)).length) {
      setShowErrors(true);
      return;
    }
    setShowErrors(false);
    setStep(step + 1);
  };
  const connected = (hosts.data ?? []).filter((h) => h.state.status === 'connected');
  const targetName = hosts.data?.find((h) => h.id === targetHostId)?.spec.name ?? targetHostId;

  return (
    <Modal opened onClose={close} size="xl" title={`Clone ${source.name}`} closeOnClickOutside={!running} data-testid="clone-wizard">
      <Stack gap="md">
        <WizardStepper steps={STEPS} step={step} onStep={setStep} />
        {options.isLoading && <Loader size="sm" />}
        <ErrorAlert title={`Could not prepare the clone on ${targetName}`} error={options.error} />
        {step === 0 && (
          <Stack gap="md" data-testid="clone-step-target">
            <NativeSelect
              label="Clone to"
              data={connected.map((h) => ({ value: h.id, label: `${h.spec.name}${h.id === source.hostId ? ' (this VM’s host)' : ''}` }))}
              value={targetHostId}
              onChange={(e) => setTargetHostId(e.currentTarget.value)}
              data-testid="clone-target-host"
            />
            {ready && o && draft && (
              <>
                {!o.source.cloneable && (
                  <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="clone-not-cloneable">
                    {o.source.reason}
                  </Alert>
                )}
                <CloneSnapshotsNote s={o.snapshots} />
                <TextInput
                  label="Name of the clone"
                  value={draft.name}
                  onChange={(e) => setDraft({ ...withCloneName(draft, o, e.currentTarget.value), nameTouched: true })}
                  error={errors.name}
                  data-testid="clone-name"
                />
                <Checkbox
                  label="Start the clone when it is ready"
                  checked={draft.start}
                  onChange={(e) => setDraft({ ...draft, start: e.currentTarget.checked })}
                  data-testid="clone-start-after"
                />
                <Text size="sm" c="dimmed">
                  {o.crossHost
                    ? `The disks stream from ${hosts.data?.find((h) => h.id === source.hostId)?.spec.name} to ${targetName} through Vireo’s two SSH sessions and are verified there; ${source.name} is only read.`
                    : `The disks are copied on the host by libvirt; ${source.name} is only read.`}{' '}
                  The clone gets a new UUID and a new MAC for every NIC.
                </Text>
              </>
            )}
          </Stack>
        )}
        {step === 1 && ready && o && draft && <DisksStep o={o} draft={draft} set={setDraft} errors={errors} />}
        {step === 2 && (
          <>
            <PreviewStatus query={preview} checking="Checking on the hosts…" errorTitle="This clone cannot be made as it is" />
            {preview.data && (
              <Stack gap="sm" data-testid="clone-step-review">
                {preview.data.warnings.length > 0 && (
                  <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="This will likely fail" data-testid="clone-warnings">
                    <List size="sm">
                      {preview.data.warnings.map((w) => (
                        <List.Item key={w}>{w}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                <Table fz="sm" verticalSpacing={4} data-testid="clone-copies">
                  <Table.Tbody>
                    {preview.data.copies.map((c) => (
                      <Table.Tr key={c.target}>
                        <Table.Td>{c.target}</Table.Td>
                        <Table.Td>
                          <code>{c.from}</code> → <code>{c.path}</code>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(c.bytes)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {preview.data.macs.map((m) => (
                      <Table.Tr key={m.from}>
                        <Table.Td>NIC</Table.Td>
                        <Table.Td data-testid="clone-mac-change">
                          <code>{m.from}</code> → <code>{m.to}</code>
                        </Table.Td>
                        <Table.Td />
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {preview.data.notes.length > 0 && (
                  <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs" data-testid="clone-notes">
                    <List size="sm">
                      {preview.data.notes.map((n) => (
                        <List.Item key={n}>{n}</List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                <XmlView xml={preview.data.xml} testId="clone-review-xml" maxHeight={300} />
              </Stack>
            )}
          </>
        )}
        {step === 3 && start.data && (
          <WizardJobStep
            testId="clone-step-run"
            jobId={start.data.job.id}
            jobTestId="clone-job"
            fallbackTitle={`Clone ${source.name}`}
            what="clone"
          />
        )}
        <ErrorAlert title="Could not start the clone" error={start.error} />
        {/* Every wrong field of the step, named in one line (each says why at its field). */}
        {draft && step < 2 && <FormSummary errors={errors} labels={cloneLabels(draft, step as 0 | 1)} />}
        <WizardFooter
          testIdPrefix="clone"
          steps={STEPS.length}
          step={step}
          onStep={setStep}
          onClose={close}
          onNext={next}
          nextDisabled={!ready || !o?.source.cloneable}
          createLabel="Clone"
          onCreate={() => start.mutate()}
          creating={start.isPending}
          createDisabled={!preview.data}
        >
          {step === 3 && job?.status === 'succeeded' && start.data && (
            <Button
              onClick={() => {
                if (!start.data) return;
                select({ kind: 'domain', hostId: start.data.hostId, uuid: start.data.uuid });
                close();
              }}
              data-testid="clone-show-vm"
            >
              Show the clone
            </Button>
          )}
        </WizardFooter>
      </Stack>
    </Modal>
  );
}
