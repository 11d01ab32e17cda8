/** vCPU (and emulator) pinning as a grid of rows × host CPUs: click a cell to allow or disallow it. */
import { Button, Checkbox, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { type ApplyScope, CpuPinning, type HostCpu, type QosState } from '../../../shared/api';
import { SidesDiffer } from './ApplyOutcome';
import { ApplyControls } from './TuneCard';
import { cpuRanges, issuesByPath } from './units';
import { useQosWrite } from './useQos';

interface Draft {
  vcpus: Record<number, number[]>;
  emulator?: number[];
}

const sorted = (a: readonly number[]) => [...new Set(a)].sort((x, y) => x - y);
const sameSet = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  JSON.stringify(sorted(a ?? [])) === JSON.stringify(sorted(b ?? []));

export function PinGrid({ hostId, uuid, q, scope }: { hostId: string; uuid: string; q: QosState; scope: ApplyScope }) {
  const side = scope === 'config' ? 'config' : 'live';
  const tune = q.cpu[side] ?? q.cpu.config ?? q.cpu.live;
  const vcpus = q.cpu.vcpus[side] ?? q.cpu.vcpus.config ?? q.cpu.vcpus.live ?? 0;
  const all = [...Array(q.host.cpus).keys()];
  const cpus: HostCpu[] = q.host.list.length ? q.host.list : all.map((id) => ({ id, node: 0, socket: 0, core: id, siblings: [id] }));
  const [draft, setDraft] = useState<Draft>({ vcpus: {} });
  const write = useQosWrite('qos.setPinning', hostId, uuid);

  const baseRow = (v: number) => tune?.vcpuPins[v] ?? all;
  const row = (v: number) => draft.vcpus[v] ?? baseRow(v);
  const emulator = draft.emulator ?? tune?.emulatorPin ?? all;
  const changedVcpus = Object.entries(draft.vcpus)
    .map(([v, c]) => ({ vcpu: Number(v), cpus: sorted(c) }))
    .filter((x) => !sameSet(x.cpus, baseRow(x.vcpu)));
  const emulatorChanged = draft.emulator !== undefined && !sameSet(draft.emulator, tune?.emulatorPin ?? all);
  const request = { vcpus: changedVcpus, ...(emulatorChanged ? { emulator: sorted(draft.emulator ?? []) } : {}) };
  const check = CpuPinning.safeParse(request);
  const errors = check.success ? {} : issuesByPath(check.error.issues);
  const dirty = changedVcpus.length > 0 || emulatorChanged;

  const toggle = (cur: number[], cpu: number) => (cur.includes(cpu) ? cur.filter((c) => c !== cpu) : sorted([...cur, cpu]));
  const apply = (s: ApplyScope) =>
    check.success && write.mutate({ scope: s, pinning: check.data }, { onSuccess: () => setDraft({ vcpus: {} }) });

  const cells = (testPrefix: string, label: string, cur: number[], onToggle: (cpu: number) => void) =>
    cpus.map((c) => (
      <Table.Td key={c.id} ta="center" p={4}>
        <Checkbox
          size="xs"
          checked={cur.includes(c.id)}
          onChange={() => onToggle(c.id)}
          aria-label={`${label} on host CPU ${c.id}`}
          data-testid={`${testPrefix}-cpu${c.id}`}
          styles={{ body: { justifyContent: 'center' } }}
        />
      </Table.Td>
    ));
  const rowError = (key: string) =>
    errors[key] ? (
      <Text size="xs" c="red">
        {errors[key]}
      </Text>
    ) : null;

  return (
    <Stack gap="xs" data-testid="qos-pinning">
      <Text size="sm" fw={500}>
        Pinning{' '}
        <Text span size="xs" c="dimmed">
          — which host CPUs each vCPU (and QEMU’s emulator threads) may run on; all ticked = not pinned.
        </Text>
      </Text>
      <Table.ScrollContainer minWidth={200 + cpus.length * 44}>
        <Table withTableBorder withColumnBorders verticalSpacing={2} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140} />
              {cpus.map((c) => (
                <Table.Th key={c.id} ta="center" p={4}>
                  <Tooltip
                    label={`NUMA node ${c.node}, socket ${c.socket}, core ${c.core}${c.siblings.length > 1 ? `, shares the core with CPU ${c.siblings.filter((s) => s !== c.id).join(', ')}` : ''}`}
                  >
                    <Stack gap={0} data-testid={`qos-hostcpu-${c.id}`}>
                      <Text size="xs" fw={600}>
                        CPU {c.id}
                      </Text>
                      <Text size="10px" c="dimmed">
                        s{c.socket} c{c.core}
                      </Text>
                    </Stack>
                  </Tooltip>
                </Table.Th>
              ))}
              <Table.Th>In effect</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...Array(vcpus).keys()].map((v) => (
              <Table.Tr key={v} data-testid={`qos-pin-vcpu${v}`}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">vCPU {v}</Text>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setDraft({ ...draft, vcpus: { ...draft.vcpus, [v]: all } })}
                      data-testid={`qos-pin-vcpu${v}-all`}
                    >
                      all
                    </Button>
                  </Group>
                </Table.Td>
                {cells(`qos-pin-vcpu${v}`, `vCPU ${v}`, row(v), (cpu) =>
                  setDraft({ ...draft, vcpus: { ...draft.vcpus, [v]: toggle(row(v), cpu) } }),
                )}
                <Table.Td>
                  <Text size="xs" data-testid={`qos-pin-vcpu${v}-now`}>
                    {cpuRanges(baseRow(v))}
                  </Text>
                  {rowError(`vcpus.${changedVcpus.findIndex((x) => x.vcpu === v)}.cpus`)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr data-testid="qos-pin-emulator">
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">Emulator</Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setDraft({ ...draft, emulator: all })}
                    data-testid="qos-pin-emulator-all"
                  >
                    all
                  </Button>
                </Group>
              </Table.Td>
              {cells('qos-pin-emulator', 'Emulator', emulator, (cpu) => setDraft({ ...draft, emulator: toggle(emulator, cpu) }))}
              <Table.Td>
                <Text size="xs" data-testid="qos-pin-emulator-now">
                  {cpuRanges(tune?.emulatorPin ?? all)}
                </Text>
                {rowError('emulator')}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SidesDiffer
        scope={scope}
        differ={
          !!q.cpu.live &&
          !!q.cpu.config &&
          JSON.stringify([q.cpu.live.vcpuPins, q.cpu.live.emulatorPin]) !==
            JSON.stringify([q.cpu.config.vcpuPins, q.cpu.config.emulatorPin])
        }
        testId="qos-pin"
      />
      <ApplyControls
        testId="qos-pin"
        scope={scope}
        persistent={q.persistent}
        dirty={dirty}
        canRevert={dirty}
        valid={check.success}
        onRevert={() => setDraft({ vcpus: {} })}
        onApply={apply}
        write={write}
        label={(f) => (f === 'emulator' ? 'Emulator' : f.replace('vcpu', 'vCPU'))}
        format={(_f, v) => (Array.isArray(v) ? cpuRanges(v) : v === null ? 'nothing' : String(v))}
        applyLabel="Apply pinning"
      />
    </Stack>
  );
}
