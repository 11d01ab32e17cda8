import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type uPlot from 'uplot';
import { type ChartSeries, TimeChart } from '../../../components/TimeChart';
import { formatBytes, formatPercent, formatRate } from '../../../lib/format';
import { focusStats, statsOf, useDomainStatsFeed, useStatsTick } from '../../../queries/stats';

const CPU: ChartSeries[] = [{ label: 'CPU', color: '#12b886' }];
const MEM: ChartSeries[] = [{ label: 'Memory', color: '#228be6' }];
const DISK: ChartSeries[] = [
  { label: 'Read', color: '#1c7ed6' },
  { label: 'Write', color: '#e8590c', dash: [4, 3] },
];
const NET: ChartSeries[] = [
  { label: 'In', color: '#ae3ec9' },
  { label: 'Out', color: '#f08c00', dash: [4, 3] },
];

function Chart({ title, now, children }: { title: string; now: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={6}>{title}</Title>
        <Text size="sm" fw={600} ff="monospace">
          {now}
        </Text>
      </Group>
      {children}
    </Card>
  );
}

const last = (a: readonly number[]) => a[a.length - 1] ?? 0;

/** Live graphs from the stats feed (kept while this tab is open; the history survives tab switches). */
export function DomainGraphs({ hostId, uuid, vcpus, active }: { hostId: string; uuid: string; vcpus: number; active: boolean }) {
  useDomainStatsFeed();
  useEffect(() => focusStats(hostId, uuid), [hostId, uuid]);
  const tick = useStatsTick(hostId);
  const data = useMemo(() => {
    void tick;
    const h = statsOf(hostId, uuid);
    if (!h) return null;
    const at = h.at.values();
    const v = {
      cpu: h.cpu.values(),
      cpuHost: h.cpuHost.values(),
      mem: h.mem.values().map((k) => k * 1024),
      diskR: h.diskR.values(),
      diskW: h.diskW.values(),
      netRx: h.netRx.values(),
      netTx: h.netTx.values(),
    };
    return {
      now: {
        cpu: formatPercent(last(v.cpu)),
        cpuHost: formatPercent(last(v.cpuHost)),
        mem: formatBytes(last(v.mem)),
        disk: `R ${formatRate(last(v.diskR))} · W ${formatRate(last(v.diskW))}`,
        net: `in ${formatRate(last(v.netRx))} · out ${formatRate(last(v.netTx))}`,
      },
      cpu: [at, v.cpu] as uPlot.AlignedData,
      mem: [at, v.mem] as uPlot.AlignedData,
      disk: [at, v.diskR, v.diskW] as uPlot.AlignedData,
      net: [at, v.netRx, v.netTx] as uPlot.AlignedData,
    };
  }, [hostId, uuid, tick]);

  if (!data || data.cpu[0].length < 2)
    return (
      <Text size="sm" c="dimmed" data-testid="graphs-waiting">
        {active ? 'Collecting samples (one every 2 s)…' : 'The VM is not running: no live figures.'}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="domain-graphs">
      <Chart title={`CPU (% of its ${vcpus} vCPU${vcpus === 1 ? '' : 's'})`} now={`${data.now.cpu} · host ${data.now.cpuHost}`}>
        <TimeChart series={CPU} data={data.cpu} format={formatPercent} minTop={1} testId="graph-cpu" />
      </Chart>
      <Chart title="Memory" now={data.now.mem}>
        <TimeChart series={MEM} data={data.mem} format={(v) => formatBytes(v, 0)} testId="graph-memory" />
      </Chart>
      <Chart title="Disk I/O" now={data.now.disk}>
        <TimeChart series={DISK} data={data.disk} format={formatRate} minTop={1024} testId="graph-disk" />
      </Chart>
      <Chart title="Network" now={data.now.net}>
        <TimeChart series={NET} data={data.net} format={formatRate} minTop={1024} testId="graph-network" />
      </Chart>
    </SimpleGrid>
  );
}
