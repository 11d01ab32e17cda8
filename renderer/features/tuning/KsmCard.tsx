/**
 * KSM: on / off / off-and-unmerge (written as root over SSH: libvirt has no call for it), its
 * figures sampled every 2 s while the tab is open and drawn over time, the scan rate (libvirt's
 * node memory parameters), the seed's caveats, and each VM's opt-out with a link to its Settings.
 */

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { type HostMmFacts, KsmParams, type KsmRunMode, type KsmSample, type TuningVm } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Figure } from '../../components/Figure';
import { FormSummary } from '../../components/FormSummary';
import { type ChartSeries, TimeChart } from '../../components/TimeChart';
import { formatBytes } from '../../lib/format';
import { namedIssuesByField } from '../../lib/formErrors';
import { useKsmSamples, useTuningWrite } from '../../queries/tuning';
import { useUi } from '../../store/ui';

const RUN_LABEL: Record<KsmRunMode, string> = { off: 'Off', on: 'On', unmerge: 'Off, unmerge all' };
const SERIES: ChartSeries[] = [
  { label: 'Saved', color: '#12b886' },
  { label: 'Kept (shared pages)', color: '#4c6ef5', dash: [4, 3] },
];
const LABELS = { pagesToScan: 'Pages per scan', sleepMillisecs: 'Pause between scans' } as const;

const pages = (n: number) => n.toLocaleString('en');

function ScanRate({ hostId, sample, pageBytes }: { hostId: string; sample: KsmSample; pageBytes: number }) {
  const write = useTuningWrite('tuning.setKsmParams', hostId);
  const [draft, setDraft] = useState<{ pagesToScan: number | string; sleepMillisecs: number | string } | null>(null);
  const form = draft ?? { pagesToScan: sample.pagesToScan, sleepMillisecs: sample.sleepMillisecs };
  const num = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));
  const check = KsmParams.safeParse({ pagesToScan: num(form.pagesToScan), sleepMillisecs: num(form.sleepMillisecs) });
  const errors = check.success ? {} : namedIssuesByField(check.error.issues, (p) => p.split('.')[0], LABELS);
  const [tried, setTried] = useState(false);
  const shown = tried ? errors : {};
  const rate = (sample.pagesToScan * 1000) / Math.max(1, sample.sleepMillisecs);
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={LABELS.pagesToScan}
          value={form.pagesToScan}
          onChange={(v) => setDraft({ ...form, pagesToScan: v })}
          w={150}
          allowDecimal={false}
          error={shown.pagesToScan}
          data-testid="ksm-pages-to-scan"
        />
        <NumberInput
          label={`${LABELS.sleepMillisecs} (ms)`}
          value={form.sleepMillisecs}
          onChange={(v) => setDraft({ ...form, sleepMillisecs: v })}
          w={170}
          allowDecimal={false}
          error={shown.sleepMillisecs}
          data-testid="ksm-sleep"
        />
        <Button
          size="sm"
          variant="default"
          loading={write.isPending}
          disabled={!draft}
          data-testid="ksm-params-apply"
          onClick={() => {
            setTried(true);
            if (check.success) write.mutate({ params: check.data }, { onSuccess: () => setDraft(null) });
          }}
        >
          Apply scan rate
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="ksm-rate">
        Now: {pages(sample.pagesToScan)} pages every {sample.sleepMillisecs} ms, up to {formatBytes(rate * pageBytes)}/s of memory scanned.
        {write.isSuccess && !draft ? ' Applied and read back.' : ''}
      </Text>
      {tried && <FormSummary errors={shown} labels={LABELS} testId="ksm-params-summary" />}
      <ErrorAlert title="Could not change the scan rate" error={write.error} />
    </Stack>
  );
}

function OptOuts({ hostId, vms }: { hostId: string; vms: TuningVm[] | undefined }) {
  const select = useUi((s) => s.select);
  if (!vms) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Per VM: memory shared with KSM, or opted out (&lt;memoryBacking&gt;&lt;nosharepages/&gt;, set in the VM's Settings)
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} data-testid="ksm-optouts">
        <Table.Tbody>
          {vms.map((v) => (
            <Table.Tr key={v.uuid} data-testid="ksm-optout-row" data-name={v.name}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="ksm-optout-name">
                  {v.name}
                </Text>
              </Table.Td>
              <Table.Td>
                {v.nosharepages ? (
                  <Badge size="sm" variant="light" color="orange" leftSection={<IconLock size={10} />} data-testid="ksm-optout-state">
                    opted out
                  </Badge>
                ) : (
                  <Badge size="sm" variant="light" color="gray" data-testid="ksm-optout-state">
                    may share
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  size="sm"
                  data-testid="ksm-optout-link"
                  onClick={() => select({ kind: 'domain', hostId, uuid: v.uuid, tab: 'settings' })}
                >
                  Settings
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {vms.length === 0 && (
        <Text size="sm" c="dimmed">
          No VMs on this host.
        </Text>
      )}
    </Stack>
  );
}

export function KsmCard({ hostId, mm, vms }: { hostId: string; mm: HostMmFacts | undefined; vms: TuningVm[] | undefined }) {
  const ksm = useKsmSamples(hostId);
  const run = useTuningWrite('tuning.setKsmRun', hostId);
  const s = ksm.data;
  const pageBytes = mm?.pageSizeBytes ?? 4096;
  const chart = useMemo(
    () =>
      [
        ksm.history.map((h) => h.at / 1000),
        ksm.history.map((h) => h.pagesSharing * pageBytes),
        ksm.history.map((h) => h.pagesShared * pageBytes),
      ] as [number[], number[], number[]],
    [ksm.history, pageBytes],
  );
  const state = mm?.ksmRun ?? null;
  return (
    <Card withBorder data-testid="ksm-card" data-run={state ?? 'unavailable'}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>KSM — kernel same-page merging</Title>
          <Badge variant="light" color={state === 'on' ? 'green' : 'gray'} data-testid="ksm-state">
            {state ? RUN_LABEL[state] : 'not available'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Identical memory pages of VMs are merged into one copy-on-write page. libvirt has no call to turn KSM on: Vireo writes
          /sys/kernel/mm/ksm/run over SSH{mm ? ` as ${mm.user}` : ''}. The figures are the whole host's, read from libvirt every 2 s while
          this tab is open.
        </Text>
        {mm && !mm.root && state !== null && (
          <Alert color="orange" p="xs" icon={<IconLock size={16} />} data-testid="ksm-not-root">
            Vireo connects as {mm.user}, not root: only root can turn KSM on or off. Connect as root, or on the host run{' '}
            <code>echo 1 | sudo tee /sys/kernel/mm/ksm/run</code>.
          </Alert>
        )}
        <SegmentedControl
          data-testid="ksm-run"
          value={state ?? 'off'}
          disabled={!mm || state === null || !mm.root || run.isPending}
          onChange={(v) => run.mutate({ mode: v as KsmRunMode })}
          data={(Object.keys(RUN_LABEL) as KsmRunMode[]).map((k) => ({ value: k, label: RUN_LABEL[k] }))}
          w="fit-content"
        />
        <ErrorAlert title="Could not change KSM" error={run.error} />
        <ErrorAlert title="Cannot read KSM's figures" error={ksm.error} />
        {s && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
              <Figure
                label="Memory saved"
                value={formatBytes(s.pagesSharing * pageBytes)}
                testId="ksm-saved"
                hint="pages sharing × page size"
              />
              <Figure label="Pages shared" value={pages(s.pagesShared)} testId="ksm-shared" hint="kept, one copy each" />
              <Figure label="Pages sharing" value={pages(s.pagesSharing)} testId="ksm-sharing" hint="more users of them" />
              <Figure label="Pages unshared" value={pages(s.pagesUnshared)} testId="ksm-unshared" hint="unique, checked again" />
              <Figure label="Pages volatile" value={pages(s.pagesVolatile)} testId="ksm-volatile" hint="change too often" />
              <Figure label="Full scans" value={pages(s.fullScans)} testId="ksm-scans" />
            </SimpleGrid>
            <TimeChart series={SERIES} data={chart} height={140} format={(v) => formatBytes(v)} testId="ksm-chart" />
            <ScanRate hostId={hostId} sample={s} pageBytes={pageBytes} />
          </>
        )}
        <List size="sm" spacing={2} icon={<IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />}>
          <List.Item data-testid="ksm-caveat-cpu">
            Scanning costs CPU: ksmd compares pages all the time it runs, more with a faster scan rate.
          </List.Item>
          <List.Item data-testid="ksm-caveat-side-channel">
            Merged pages are a side channel between guests: one guest can learn what another holds in memory. Opt sensitive VMs out.
          </List.Item>
        </List>
        <OptOuts hostId={hostId} vms={vms} />
      </Stack>
    </Card>
  );
}
