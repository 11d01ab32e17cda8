import { Badge, Card, Code, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { type ReactNode, useEffect, useState } from 'react';
import type { DomainDetails } from '../../../../shared/api';
import { FactRow } from '../../../components/FactRow';
import { formatBytes, formatDuration, formatKiB } from '../../../lib/format';
import { GuestCard } from '../../guest/GuestCard';
import { DomainStateBadge } from '../DomainStateBadge';

/** Seconds since start, ticking once a second from the value the backend reported. */
function Uptime({ sec, fetchedAt }: { sec: number; fetchedAt: number }) {
  const [now, setNow] = useState(Date.now());
  const iv = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    iv.start();
    return iv.stop;
  }, [iv]);
  return <>{formatDuration(sec + (now - fetchedAt) / 1000)}</>;
}

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
        {count !== undefined && (
          <Badge ml="xs" size="sm" variant="light" color="gray">
            {count}
          </Badge>
        )}
      </Title>
      {children}
    </Card>
  );
}

function None({ what }: { what: string }) {
  return (
    <Text size="sm" c="dimmed">
      No {what}.
    </Text>
  );
}

export function DomainOverview({ d, fetchedAt }: { d: DomainDetails; fetchedAt: number }) {
  const s = d.summary;
  const os = [d.os.osinfo, d.os.type, d.os.arch, d.os.machine].filter(Boolean).join(' · ');
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title="General">
          <Table verticalSpacing={4} withRowBorders={false}>
            <Table.Tbody>
              <FactRow label="State">
                <DomainStateBadge state={s.state} testId="details-state" />
              </FactRow>
              {d.uptimeSec !== undefined && (s.state === 'running' || s.state === 'paused' || s.state === 'blocked') && (
                <FactRow label="Uptime" testId="details-uptime">
                  <Uptime sec={d.uptimeSec} fetchedAt={fetchedAt} />
                </FactRow>
              )}
              {d.title && <FactRow label="Title">{d.title}</FactRow>}
              {d.description && <FactRow label="Description">{d.description}</FactRow>}
              <FactRow label="UUID">
                <Code>{s.uuid}</Code>
              </FactRow>
              <FactRow label="Persistent">{s.persistent ? 'yes' : 'no (transient)'}</FactRow>
              {d.autostart !== undefined && <FactRow label="Autostart">{d.autostart ? 'on' : 'off'}</FactRow>}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title="System">
          <Table verticalSpacing={4} withRowBorders={false}>
            <Table.Tbody>
              <FactRow label="OS" testId="details-os">
                {os || '—'}
              </FactRow>
              {d.os.kernel && (
                <FactRow label="Kernel">
                  <Code>{d.os.kernel}</Code> {d.os.cmdline && <Code>{d.os.cmdline}</Code>}
                </FactRow>
              )}
              <FactRow label="CPU" testId="details-cpu">
                {d.cpu.vcpus} vCPU{d.cpu.vcpus === 1 ? '' : 's'}
                {d.cpu.maxVcpus > d.cpu.vcpus ? ` (max ${d.cpu.maxVcpus})` : ''} · {d.cpu.model ?? d.cpu.mode ?? 'default model'}
                {d.cpu.model && d.cpu.mode ? ` (${d.cpu.mode})` : ''}
              </FactRow>
              <FactRow label="Memory" testId="details-memory">
                {formatKiB(d.memory.currentKiB)}
                {d.memory.maxKiB > d.memory.currentKiB ? ` (max ${formatKiB(d.memory.maxKiB)})` : ''}
              </FactRow>
            </Table.Tbody>
          </Table>
        </Section>
      </SimpleGrid>
      <GuestCard d={s} />
      <Section title="Disks" count={d.disks.length} testId="details-disks">
        {d.disks.length === 0 ? (
          <None what="disks" />
        ) : (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Format</Table.Th>
                <Table.Th>Size</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.disks.map((k) => (
                <Table.Tr key={k.target} data-testid={`details-disk-${k.target}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {k.target}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {k.device}
                      {k.bus ? ` · ${k.bus}` : ''}
                      {k.readonly ? ' · read-only' : ''}
                      {k.shareable ? ' · shared' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{k.source ?? 'empty'}</Code>
                    {k.volume && (
                      <Text size="xs" c="dimmed">
                        pool {k.volume.pool}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{k.format ?? '—'}</Table.Td>
                  <Table.Td>{k.volume ? `${formatBytes(k.volume.allocation)} / ${formatBytes(k.volume.capacity)}` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title="Network interfaces" count={d.nics.length} testId="details-nics">
          {d.nics.length === 0 ? (
            <None what="network interfaces" />
          ) : (
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>MAC</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Model</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.nics.map((n) => (
                  <Table.Tr key={n.mac}>
                    <Table.Td>
                      <Code>{n.mac}</Code>
                    </Table.Td>
                    <Table.Td>
                      {n.type}
                      {n.source ? `: ${n.source}` : ''}
                      {n.target ? ` (${n.target})` : ''}
                    </Table.Td>
                    <Table.Td>{n.model ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
        <Section title="Graphics and consoles" count={d.graphics.length + d.serial.length}>
          {d.graphics.length + d.serial.length === 0 ? (
            <None what="graphics or serial consoles" />
          ) : (
            <Stack gap={4}>
              {d.graphics.map((g) => (
                <Text size="sm" key={`${g.type}-${g.port ?? 'auto'}`}>
                  {g.type.toUpperCase()} {g.listen ? `on ${g.listen}` : ''}
                  {g.port && g.port > 0 ? `:${g.port}` : g.autoport ? ' (port chosen at start)' : ''}
                  {g.hasPassword ? ' · password set' : ''}
                </Text>
              ))}
              {d.serial.map((c) => (
                <Text size="sm" key={`serial-${c.port}`}>
                  Serial port {c.port} ({c.type})
                </Text>
              ))}
            </Stack>
          )}
        </Section>
      </SimpleGrid>
      <Section title="USB devices" count={d.usb.length} testId="details-usb">
        {d.usb.length === 0 ? (
          <None what="USB devices" />
        ) : (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {d.usb.map((u, i) => (
                <Table.Tr key={u.alias ?? `${u.kind}-${i}`}>
                  <Table.Td>{u.kind === 'hostdev' ? 'Passthrough' : u.kind}</Table.Td>
                  <Table.Td>{u.vendorId && u.productId ? <Code>{`${u.vendorId}:${u.productId}`}</Code> : '—'}</Table.Td>
                  <Table.Td>{u.bus !== undefined && u.device !== undefined ? `bus ${u.bus} device ${u.device}` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Stack>
  );
}
