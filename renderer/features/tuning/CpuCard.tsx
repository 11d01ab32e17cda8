/**
 * The host's CPU topology as a small diagram (NUMA cells → sockets → cores → threads, from the
 * capabilities XML), and per VM a pinning suggestion that keeps its vCPUs within one core or one
 * socket (seed 003), applied in one click through the VM pinning path (running VM and next boot)
 * and read back. Pointing at a VM lights its suggested CPUs in the diagram.
 */
import { Badge, Box, Button, Card, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { HostCpu, HostCpuTopology, TuningVm } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTuningWrite } from '../../queries/tuning';
import { cpuList } from './cpuList';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function Diagram({ t, lit }: { t: HostCpuTopology; lit: Set<number> }) {
  const cells = [...new Set(t.list.map((c) => c.node))].sort((a, b) => a - b);
  return (
    <Group align="flex-start" gap="sm" data-testid="topology-diagram">
      {cells.map((cell) => {
        const inCell = t.list.filter((c) => c.node === cell);
        const sockets = [...new Set(inCell.map((c) => c.socket))].sort((a, b) => a - b);
        return (
          <Paper key={cell} withBorder p={6} data-testid="topology-cell" data-cell={cell}>
            <Text size="xs" c="dimmed" mb={4}>
              NUMA cell {cell}
            </Text>
            <Group gap={6} align="flex-start">
              {sockets.map((socket) => {
                const cpus = inCell.filter((c) => c.socket === socket);
                const cores = new Map<string, HostCpu[]>();
                for (const c of cpus) {
                  const k = [...c.siblings].sort((a, b) => a - b).join(',') || String(c.id);
                  cores.set(k, [...(cores.get(k) ?? []), c]);
                }
                return (
                  <Paper
                    key={socket}
                    withBorder
                    p={6}
                    bg="var(--mantine-color-default-hover)"
                    data-testid="topology-socket"
                    data-socket={socket}
                  >
                    <Text size="xs" fw={500} mb={4}>
                      Socket {socket}
                    </Text>
                    <Group gap={4} maw={520}>
                      {[...cores.values()].map((threads) => (
                        <Paper
                          key={threads.map((c) => c.id).join(',')}
                          withBorder
                          p={3}
                          data-testid="topology-core"
                          data-core={threads[0]?.core}
                        >
                          <Text size="10px" c="dimmed" ta="center">
                            core {threads[0]?.core}
                          </Text>
                          <Group gap={2} wrap="nowrap">
                            {threads.map((c) => (
                              <Tooltip
                                key={c.id}
                                label={`CPU ${c.id}: socket ${c.socket}, core ${c.core}, siblings ${cpuList(c.siblings)}`}
                              >
                                <Badge
                                  size="sm"
                                  radius="sm"
                                  variant={lit.has(c.id) ? 'filled' : 'light'}
                                  color={lit.has(c.id) ? 'teal' : 'gray'}
                                  data-testid="topology-cpu"
                                  data-cpu={c.id}
                                  data-lit={lit.has(c.id) ? 'yes' : 'no'}
                                >
                                  {c.id}
                                </Badge>
                              </Tooltip>
                            ))}
                          </Group>
                        </Paper>
                      ))}
                    </Group>
                  </Paper>
                );
              })}
            </Group>
          </Paper>
        );
      })}
    </Group>
  );
}

function pinsText(v: TuningVm, hostCpus: number): string {
  if (!v.pins.length) return '—';
  const all = v.pins.every((p) => p.length >= hostCpus);
  if (all) return 'not pinned (all CPUs)';
  return v.pins.map((p, i) => `vCPU ${i} → ${cpuList(p)}`).join(' · ');
}

function VmRow({ hostId, v, hostCpus, onPoint }: { hostId: string; v: TuningVm; hostCpus: number; onPoint(cpus: number[] | null): void }) {
  const apply = useTuningWrite('tuning.applyPinning', hostId);
  const s = v.suggestion;
  const where = v.running ? (v.persistent ? 'the running VM and its next boot' : 'the running VM') : 'the next boot';
  return (
    <>
      <Table.Tr
        data-testid="pin-row"
        data-name={v.name}
        onMouseEnter={() => onPoint(s.cpus)}
        onMouseLeave={() => onPoint(null)}
        onFocus={() => onPoint(s.cpus)}
      >
        <Table.Td>
          <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }} data-testid="pin-name">
            {v.name}
          </Text>
          <Text size="xs" c="dimmed">
            {plural(v.vcpus, 'vCPU')} · {v.running ? 'running' : 'shut off'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" data-testid="pin-current">
            {pinsText(v, hostCpus)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" data-testid="pin-suggestion" data-level={s.level} data-cpus={cpuList(s.cpus)}>
            {s.level === 'none' ? 'none' : `${s.place}: CPU${s.cpus.length === 1 ? '' : 's'} ${cpuList(s.cpus)}`}
          </Text>
          <Text size="xs" c="dimmed" data-testid="pin-reason">
            {s.reason}
          </Text>
        </Table.Td>
        <Table.Td>
          {s.applied ? (
            <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />} data-testid="pin-applied">
              in place
            </Badge>
          ) : (
            s.level !== 'none' && (
              <Tooltip label={`Pins each vCPU to CPUs ${cpuList(s.cpus)} for ${where}`}>
                <Button
                  size="xs"
                  loading={apply.isPending}
                  data-testid="pin-apply"
                  onClick={() => apply.mutate({ uuid: v.uuid, pinning: { vcpus: s.pinning } })}
                >
                  Apply
                </Button>
              </Tooltip>
            )
          )}
        </Table.Td>
      </Table.Tr>
      {(apply.data || apply.error) && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            {apply.data && (
              <Text size="sm" c={apply.data.differences.length ? 'orange' : 'teal'} data-testid="pin-result">
                Applied to {apply.data.appliedTo.map((a) => (a === 'live' ? 'the running VM' : 'the next boot')).join(' and ')}; read back:{' '}
                {(apply.data.state.cpu.live ?? apply.data.state.cpu.config)?.vcpuPins
                  .map((p, i) => `vCPU ${i} → ${cpuList(p)}`)
                  .join(' · ')}
                {apply.data.differences.length > 0 &&
                  `. libvirt reports otherwise: ${apply.data.differences
                    .map((d) => `${d.field} (${d.scope}) asked ${String(d.requested)}, reported ${String(d.reported)}`)
                    .join('; ')}`}
              </Text>
            )}
            <ErrorAlert title={`Could not pin ${v.name}`} error={apply.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

export function CpuCard({ hostId, topology, vms }: { hostId: string; topology: HostCpuTopology | undefined; vms: TuningVm[] | undefined }) {
  const [lit, setLit] = useState<number[] | null>(null);
  return (
    <Card withBorder data-testid="cpu-card">
      <Stack gap="sm">
        <Title order={5}>CPU topology and pinning</Title>
        {topology && (
          <>
            <Text size="sm" data-testid="topology-summary">
              {topology.model} · {plural(new Set(topology.list.map((c) => `${c.node}:${c.socket}`)).size, 'socket')} ×{' '}
              {plural(topology.cores, 'core')} × {plural(topology.threads, 'thread')} · {plural(topology.cpus, 'CPU')} ·{' '}
              {plural(new Set(topology.list.map((c) => c.node)).size, 'NUMA cell')}
            </Text>
            {topology.list.length ? (
              <Diagram t={topology} lit={new Set(lit ?? [])} />
            ) : (
              <Text size="sm" c="dimmed">
                The host does not describe where its CPUs are.
              </Text>
            )}
          </>
        )}
        <Text size="sm" c="dimmed">
          Threads of one core share its L1/L2 caches and the cores of one socket its L3: a VM whose vCPUs stay within one core (or, if they
          do not fit, one socket) misses the caches less. Each vCPU is pinned to the whole group, so the host still balances inside it.
        </Text>
        {vms && topology && (
          <Box style={{ overflowX: 'auto' }}>
            <Table data-testid="pin-table" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>VM</Table.Th>
                  <Table.Th>Pinned now</Table.Th>
                  <Table.Th>Suggestion</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {vms.map((v) => (
                  <VmRow key={v.uuid} hostId={hostId} v={v} hostCpus={topology.cpus} onPoint={setLit} />
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
      </Stack>
    </Card>
  );
}
