import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { type ChartSeries, TimeChart } from '../../../components/TimeChart';
import { formatBytes, formatPercent, formatRate } from '../../../lib/format';
import { statsOf, useDomainStatsFeed, useStatsTick } from '../../../queries/stats';

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
  const tick = useStatsTick(hostId);
  const data = useMemo(() => {
    void tick;
    const h = statsOf(hostId, uuid);
    if (!h) return null;
    const at = [...h.at];
    return {
      now: {
        cpu: formatPercent(last(h.cpu)),
        mem: formatBytes(last(h.mem) * 1024),
        disk: `R ${formatRate(last(h.diskR))} · W ${formatRate(last(h.diskW))}`,
        net: `in ${formatRate(last(h.netRx))} · out ${formatRate(last(h.netTx))}`,
      },
      cpu: [at, [...h.cpu]] as uPlot.AlignedData,
      mem: [at, h.mem.map((k) => k * 1024)] as uPlot.AlignedData,
      disk: [at, [...h.diskR], [...h.diskW]] as uPlot.AlignedData,
      net: [at, [...h.netRx], [...h.netTx]] as uPlot.AlignedData,
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
      <Chart title={`CPU (100% = one host CPU; ${vcpus} vCPU${vcpus === 1 ? '' : 's'})`} now={data.now.cpu}>
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
