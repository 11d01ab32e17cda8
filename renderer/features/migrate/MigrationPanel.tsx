/**
 * The live panel of one migration job: phase, % by data, the figures behind it, remaining over
 * time, non-convergence with its remedies, the controls, and at the end the result.
 */

import { Alert, Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import {
  type Job,
  type MigrationFigures,
  type MigrationHostState,
  type MigrationInfo,
  type MigrationJob,
  type MigrationJobDetail,
  migrationInfoOf,
} from '../../../shared/api';
import { call } from '../../api';
import { Figure } from '../../components/Figure';
import { type ChartSeries, TimeChart } from '../../components/TimeChart';
import { formatBytes, formatDuration, formatRate } from '../../lib/format';
import { useJobs } from '../../queries';
import { keys } from '../../queries/keys';
import { MigrationControls, NonConvergence } from './MigrationControls';
import { useMigrateUi } from './store';

const SERIES: ChartSeries[] = [{ label: 'Remaining', color: '#fd7e14' }];
const STATUS_COLOR: Record<Job['status'], string> = { running: 'blue', succeeded: 'teal', failed: 'red', canceled: 'gray' };

/**
 * The migration's whole picture: the live part from the job (every job.progress carries it), the
 * graph's history and the log from jobs.get, fetched once and again when the log grows or the job ends.
 */
export function useMigrationInfo(
  jobId: string,
  job: MigrationJob | undefined,
): { data: MigrationInfo | undefined; history: MigrationJobDetail['history'] } {
  const qc = useQueryClient();
  const full = useQuery({ queryKey: keys.job(jobId), queryFn: () => call('jobs.get', { jobId }) });
  const key = job ? `${job.detail.logLines}|${job.status}` : '';
  useEffect(() => {
    if (key) void qc.invalidateQueries({ queryKey: keys.job(jobId) });
  }, [key, jobId, qc]);
  const fetched = full.data?.kind === 'migration' ? full.data : undefined;
  const data = useMemo(() => {
    const live = job ?? fetched;
    if (!live) return undefined;
    return { ...migrationInfoOf(fetched ?? live), ...live.detail.info };
  }, [job, fetched]);
  return { data, history: fetched?.detail.history };
}

const ms = (v: number | undefined) =>
  v === undefined ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;

function Figures({ job }: { job: MigrationJob }) {
  const f = job.detail.figures;
  const b = (v: number | undefined) => (v === undefined ? '—' : formatBytes(v));
  if (f.copyTotal !== undefined && f.dataTotal === undefined) {
    return (
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure mono testId="mig-fig-copied" label="Disks copied" value={`${b(f.copyDone)} of ${b(f.copyTotal)}`} />
        <Figure mono testId="mig-fig-speed" label="Transfer speed" value={f.speedBps !== undefined ? formatRate(f.speedBps) : '—'} />
      </SimpleGrid>
    );
  }
  const dirtyMiB = f.dirtyBps !== undefined ? formatRate(f.dirtyBps) : '—';
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="mig-figures">
      <Figure mono testId="mig-fig-processed" label="Processed" value={b(f.dataProcessed)} />
      <Figure mono testId="mig-fig-remaining" label="Remaining" value={b(f.dataRemaining)} />
      <Figure mono testId="mig-fig-total" label="Total" value={b(f.dataTotal)} hint={f.diskTotal ? `disks ${b(f.diskTotal)}` : undefined} />
      <Figure mono testId="mig-fig-speed" label="Transfer speed" value={f.speedBps !== undefined ? formatRate(f.speedBps) : '—'} />
      <Figure
        mono
        testId="mig-fig-dirty"
        label="Dirty rate"
        value={f.dirtyPagesPerSec !== undefined ? `${Math.round(f.dirtyPagesPerSec)} pages/s` : '—'}
        hint={dirtyMiB}
      />
      <Figure mono testId="mig-fig-iteration" label="Pass (iteration)" value={f.iteration !== undefined ? String(f.iteration) : '—'} />
      <Figure mono testId="mig-fig-downtime" label="Expected downtime" {...expectedDowntime(f)} />
      <Figure
        mono
        testId="mig-fig-eta"
        label="ETA"
        value={f.etaSec === undefined ? '—' : f.etaSec < 0 ? (f.nonConverging ? 'never at this rate' : '—') : formatDuration(f.etaSec)}
        hint={f.elapsedMs !== undefined ? `elapsed ${formatDuration(f.elapsedMs / 1000)}` : undefined}
      />
      {f.throttlePct ? <Figure mono testId="mig-fig-throttle" label="Auto-converge throttle" value={`${f.throttlePct} %`} /> : null}
    </SimpleGrid>
  );
}

function HostStateCell({ s, vm }: { s: MigrationHostState | undefined; vm: string }) {
  if (!s) return <Text size="sm">—</Text>;
  const state =
    s.state === 'absent' ? 'not defined' : s.state === 'shutoff' ? 'shut off' : s.state === 'unknown' ? 'could not be read' : s.state;
  return (
    <Text size="sm">
      {state}
      {s.detail ? ` (${s.detail})` : ''}
      {s.state !== 'absent' &&
        s.state !== 'unknown' &&
        (s.persistent ? ', persistent definition' : ', no persistent definition (transient)')}
      {s.name && s.name !== vm ? ` — as ${s.name}` : ''}
    </Text>
  );
}

function Result({ job, info }: { job: Job; info: MigrationInfo }) {
  const r = info.result;
  if (!r) return null;
  const ok = job.status === 'succeeded';
  return (
    <Card withBorder data-testid="mig-result" data-outcome={r.outcome} data-status={job.status}>
      <Group gap="xs" mb="xs">
        {ok ? <IconCheck color="var(--mantine-color-teal-6)" /> : <IconX color="var(--mantine-color-red-6)" />}
        <Text fw={600} data-testid="mig-result-message">
          {r.message}
        </Text>
      </Group>
      {!ok && job.error?.hint && (
        <Text size="sm" mb="xs" data-testid="mig-error-hint">
          {job.error.hint}
        </Text>
      )}
      <SimpleGrid cols={3} spacing="sm" mb="xs">
        <Figure mono testId="mig-fig-result-total" label="Total time" value={ms(r.totalMs)} />
        <Figure mono testId="mig-fig-result-downtime" label="Downtime" value={r.downtimeMs !== undefined ? ms(r.downtimeMs) : '—'} />
        <Figure mono testId="mig-fig-result-data" label="Data sent" value={r.dataBytes !== undefined ? formatBytes(r.dataBytes) : '—'} />
      </SimpleGrid>
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          <Table.Tr data-testid="mig-result-source">
            <Table.Td w={160}>
              <Text size="sm" fw={500}>
                {r.source.hostName} (source)
              </Text>
            </Table.Td>
            <Table.Td>
              <HostStateCell s={r.source} vm={info.source.name} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr data-testid="mig-result-dest">
            <Table.Td>
              <Text size="sm" fw={500}>
                {r.dest?.hostName ?? info.dest?.hostName ?? 'destination'} (destination)
              </Text>
            </Table.Td>
            <Table.Td>
              <HostStateCell s={r.dest} vm={info.source.name} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/**
 * The pause to expect, only from inputs that mean it: QEMU stops the guest once what is left fits
 * in the allowed downtime, so the pause is at most that bound; during the first pass (all memory
 * sent once) nothing says yet whether it will converge.
 */
function expectedDowntime(f: MigrationFigures): { value: string; hint: string } {
  const bound = f.maxDowntimeMs ?? 300;
  if ((f.iteration ?? 0) < 2) return { value: 'after the first pass', hint: `at most ${ms(bound)} once it converges` };
  const now = f.expectedDowntimeMs !== undefined ? `; the rest now would take ≈ ${ms(f.expectedDowntimeMs)}` : '';
  return {
    value: f.nonConverging ? `≤ ${ms(bound)} once it converges` : `≤ ${ms(bound)}`,
    hint: `the allowed maximum: QEMU pauses the guest only when the rest fits${now}`,
  };
}

/** The panel of a migration job; a migration restarted (with auto-converge) is followed into its new job. */
export function MigrationPanel({ jobId }: { jobId: string }) {
  const [current, setCurrent] = useState(jobId);
  return <JobPanel key={current} jobId={current} onRestarted={setCurrent} />;
}

function JobPanel({ jobId, onRestarted }: { jobId: string; onRestarted(jobId: string): void }) {
  const jobs = useJobs();
  const found = jobs.data?.find((j) => j.id === jobId);
  const job = found?.kind === 'migration' ? found : undefined;
  const info = useMigrationInfo(jobId, job);
  const samples = useMigrateUi((s) => s.samples[jobId]);
  const seeded = useRef(false);
  useEffect(() => {
    if (info.history && !seeded.current) {
      seeded.current = true;
      useMigrateUi.getState().seed(jobId, info.history.samples);
    }
  }, [info.history, jobId]);
  const restartedAs = info.data?.restartedAs;
  useEffect(() => {
    if (restartedAs) onRestarted(restartedAs);
  }, [restartedAs, onRestarted]);
  const chart = useMemo(() => {
    if (!job || !samples?.length) return null;
    return [samples.map(([t]) => (job.startedAt + t) / 1000), samples.map(([, v]) => v)] as uPlot.AlignedData;
  }, [samples, job]);

  if (!job) return <Text c="dimmed">This migration is not in the job list any more.</Text>;
  const i = info.data;
  const running = job.status === 'running';
  const route = i ? `${i.source.name}: ${i.source.hostName} → ${i.dest?.hostName ?? '?'}` : job.title;
  return (
    <Stack gap="sm" data-testid="migration-panel" data-job-id={job.id} data-status={job.status}>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={5}>{route}</Title>
          {i?.spec && (
            <Badge variant="light" color="gray">
              {i.spec.mode} · {i.spec.storage === 'copy' ? 'copy disks' : 'shared storage'} ·{' '}
              {i.spec.transport === 'p2p' ? `peer-to-peer${i.spec.tunnelled ? ', tunnelled' : ''}` : 'direct'}
            </Badge>
          )}
          {i?.reattached && (
            <Badge variant="light" color="grape">
              found on the host
            </Badge>
          )}
        </Group>
        <Badge color={STATUS_COLOR[job.status]} data-testid="mig-status">
          {job.status}
        </Badge>
      </Group>
      {i?.spec?.autoConverge && (
        // What QEMU was asked to do, and (for a restart) why these numbers.
        <Text size="xs" c="dimmed" data-testid="mig-autoconverge">
          Auto-converge from {i.spec.autoConverge.initial} %, +{i.spec.autoConverge.increment} % per step
          {i.autoConvergeWhy ? `, chosen from the attempt that did not converge: ${i.autoConvergeWhy}` : '.'}
        </Text>
      )}
      <Group justify="space-between">
        {/* What it is doing while it runs; once over, the result below says what happened. */}
        <Text size="sm" data-testid="mig-phase">
          {running ? job.phase : `${job.status}: see the result below`}
        </Text>
        <Text size="sm" fw={600} data-testid="mig-percent">
          {Math.round(job.progress * 100)} % by data
        </Text>
      </Group>
      <Progress
        value={job.progress * 100}
        animated={running}
        color={job.detail.figures.nonConverging ? 'orange' : STATUS_COLOR[job.status]}
        aria-label="Migration progress"
        data-testid="mig-progress"
      />
      {running && <Figures job={job} />}
      {i && running && <NonConvergence info={i} jobId={job.id} />}
      {chart && (
        <Card withBorder padding="xs">
          <Text size="xs" c="dimmed">
            Remaining over time
          </Text>
          <TimeChart series={SERIES} data={chart} height={150} format={(v) => formatBytes(v)} testId="mig-chart" />
        </Card>
      )}
      {running && <MigrationControls job={job} info={i} />}
      {!running && i && <Result job={job} info={i} />}
      {!running && job.error && !i?.result && (
        <Alert color="red" title="Migration failed" data-testid="mig-error">
          {job.error.message}
          {job.error.hint ? ` — ${job.error.hint}` : ''}
        </Alert>
      )}
      {i && i.log.length > 0 && (
        <Timeline bulletSize={10} lineWidth={1} data-testid="mig-log">
          {i.log.slice(-8).map((l) => (
            <Timeline.Item key={`${l.at}-${l.text}`} title={<Text size="xs">{l.text}</Text>}>
              <Text size="xs" c="dimmed">
                {new Date(l.at).toLocaleTimeString()}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
