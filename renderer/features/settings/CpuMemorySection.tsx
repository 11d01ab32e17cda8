/**
 * vCPUs and memory: current (hot-plugged / ballooned live up to the running maximum) and maximum
 * (next boot). The running VM's values are shown beside the next boot's.
 */
import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { VmSettings } from '../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettingsWrite } from '../../queries/settings';
import { appliedWords, mib } from './words';

const num = (v: string | number): number => (typeof v === 'number' ? v : Number.NaN);

function countError(label: string, v: number, max?: number): string | undefined {
  if (!Number.isInteger(v)) return `${label}: a whole number`;
  if (v < 1) return `${label}: at least 1`;
  if (max !== undefined && v > max) return `${label}: more than the maximum (${max})`;
  return undefined;
}

export function CpuMemorySection({ s }: { s: VmSettings }) {
  const vcpus = useSettingsWrite('settings.setVcpus', s.hostId, s.uuid);
  const memory = useSettingsWrite('settings.setMemory', s.hostId, s.uuid);
  const backing = useSettingsWrite('settings.setMemoryBacking', s.hostId, s.uuid);
  const [cur, setCur] = useState<number>(s.vcpus.current);
  const [max, setMax] = useState<number>(s.vcpus.max);
  const [memCur, setMemCur] = useState<number>(Math.round(s.memory.currentKiB / 1024));
  const [memMax, setMemMax] = useState<number>(Math.round(s.memory.maxKiB / 1024));
  useEffect(() => {
    setCur(s.vcpus.current);
    setMax(s.vcpus.max);
  }, [s.vcpus.current, s.vcpus.max]);
  useEffect(() => {
    setMemCur(Math.round(s.memory.currentKiB / 1024));
    setMemMax(Math.round(s.memory.maxKiB / 1024));
  }, [s.memory.currentKiB, s.memory.maxKiB]);

  const maxErr = countError('Maximum vCPUs', max);
  const curErr = countError('vCPUs', cur, Number.isInteger(max) ? max : undefined);
  // Only what changed is sent: a new maximum alone goes to the next boot, and nothing is hot-plugged.
  const curChanged = cur !== s.vcpus.current || (s.vcpus.live !== undefined && cur !== s.vcpus.live);
  const cpuChanged = curChanged || max !== s.vcpus.max;
  const memMaxErr = !Number.isInteger(memMax) || memMax < 16 ? 'Maximum memory: at least 16 MiB' : undefined;
  const memCurErr =
    !Number.isInteger(memCur) || memCur < 16 ? 'Memory: at least 16 MiB' : memCur > memMax ? 'Memory: more than the maximum' : undefined;
  const memCurChanged = memCur * 1024 !== s.memory.currentKiB || (s.memory.liveKiB !== undefined && memCur * 1024 !== s.memory.liveKiB);
  const memChanged = memCurChanged || memMax * 1024 !== s.memory.maxKiB;

  return (
    <Card withBorder data-testid="settings-cpu-memory">
      <Stack gap="xs">
        <Title order={5}>CPU and memory</Title>
        <Group align="flex-start">
          <NumberInput
            label="vCPUs"
            value={cur}
            onChange={(v) => setCur(num(v))}
            allowDecimal={false}
            error={curErr}
            description={s.running ? 'Hot-plugged into the running VM up to its maximum' : undefined}
            data-testid="settings-vcpus"
          />
          <NumberInput
            label="Maximum vCPUs"
            value={max}
            onChange={(v) => setMax(num(v))}
            allowDecimal={false}
            error={maxErr}
            description={s.running ? 'Takes effect at the next boot' : undefined}
            data-testid="settings-vcpus-max"
          />
        </Group>
        <Text size="sm" data-testid="settings-vcpus-readout">
          {s.vcpus.live !== undefined ? `Running VM: ${s.vcpus.live} vCPU${s.vcpus.live === 1 ? '' : 's'} · ` : ''}
          Next boot: {s.vcpus.current} of {s.vcpus.max}
        </Text>
        <Group>
          <Button
            size="xs"
            disabled={!cpuChanged || !!curErr || !!maxErr}
            loading={vcpus.isPending}
            onClick={() => vcpus.mutate({ ...(curChanged ? { current: cur } : {}), ...(max !== s.vcpus.max ? { max } : {}) })}
            data-testid="settings-vcpus-apply"
          >
            Apply vCPUs
          </Button>
        </Group>
        <ErrorAlert title="vCPUs not changed" error={vcpus.error} />
        {vcpus.data && !vcpus.error && (
          <Alert
            color={vcpus.data.liveRefused ? 'yellow' : 'teal'}
            icon={<IconCheck size={16} />}
            p="xs"
            data-testid="settings-vcpus-applied"
          >
            {appliedWords(vcpus.data)}.
            {vcpus.data.liveRefused &&
              ` The running VM refused it (libvirt: ${vcpus.data.liveRefused}); it is pending until the next boot.`}
          </Alert>
        )}

        <Topology s={s} />

        <Group align="flex-start" mt="sm">
          <NumberInput
            label="Memory (MiB)"
            value={memCur}
            onChange={(v) => setMemCur(num(v))}
            allowDecimal={false}
            error={memCurErr}
            description={s.running ? 'The balloon moves live up to the running maximum' : undefined}
            data-testid="settings-memory"
          />
          <NumberInput
            label="Maximum memory (MiB)"
            value={memMax}
            onChange={(v) => setMemMax(num(v))}
            allowDecimal={false}
            error={memMaxErr}
            description={s.running ? 'Takes effect at the next boot' : undefined}
            data-testid="settings-memory-max"
          />
        </Group>
        <Text size="sm" data-testid="settings-memory-readout">
          {s.memory.liveKiB !== undefined ? `Running VM: ${mib(s.memory.liveKiB)} · ` : ''}
          Next boot: {mib(s.memory.currentKiB)} of {mib(s.memory.maxKiB)}
        </Text>
        <Group>
          <Button
            size="xs"
            disabled={!memChanged || !!memCurErr || !!memMaxErr}
            loading={memory.isPending}
            onClick={() =>
              memory.mutate({
                ...(memCurChanged ? { currentKiB: memCur * 1024 } : {}),
                ...(memMax * 1024 !== s.memory.maxKiB ? { maxKiB: memMax * 1024 } : {}),
              })
            }
            data-testid="settings-memory-apply"
          >
            Apply memory
          </Button>
        </Group>
        <Switch
          label="Huge pages"
          description="Guest memory from the host's huge pages: fewer TLB misses for large, memory-bound guests. The host must have enough reserved, or the VM will not start."
          checked={s.memory.hugepages}
          disabled={!s.persistent || backing.isPending}
          onChange={(e) => backing.mutate({ hugepages: e.currentTarget.checked, nosharepages: s.memory.nosharepages })}
          data-testid="settings-hugepages"
        />
        <Switch
          label="Opt out of KSM page sharing (nosharepages)"
          description="No merging of identical pages with other VMs: no cross-VM memory side channel and no scanning cost, at the price of more host memory."
          checked={s.memory.nosharepages}
          disabled={!s.persistent || backing.isPending}
          onChange={(e) => backing.mutate({ hugepages: s.memory.hugepages, nosharepages: e.currentTarget.checked })}
          data-testid="settings-nosharepages"
        />
        <ErrorAlert title="Memory backing not changed" error={backing.error} />
        <ErrorAlert title="Memory not changed" error={memory.error} />
        {memory.data && !memory.error && (
          <Alert
            color={memory.data.liveRefused ? 'yellow' : 'teal'}
            icon={<IconCheck size={16} />}
            p="xs"
            data-testid="settings-memory-applied"
          >
            {appliedWords(memory.data)}.
            {memory.data.liveRefused &&
              ` The running VM refused it (libvirt: ${memory.data.liveRefused}); it is pending until the next boot.`}
            {memory.data.appliedTo.includes('live') &&
              memory.variables?.currentKiB !== undefined &&
              s.memory.liveKiB !== undefined &&
              s.memory.liveKiB !== memory.variables.currentKiB && (
                <Text size="sm" mt={4} data-testid="settings-memory-difference">
                  Asked {mib(memory.variables.currentKiB)}; the running VM reports {mib(s.memory.liveKiB)}: the guest’s balloon driver moves
                  its memory (a guest without one keeps what it has).
                </Text>
              )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** Sockets × cores × threads for the next boot; libvirt checks the product against the maximum vCPUs. */
function Topology({ s }: { s: VmSettings }) {
  const write = useSettingsWrite('settings.setTopology', s.hostId, s.uuid);
  const init = s.vcpus.topology ?? { sockets: s.vcpus.max, cores: 1, threads: 1 };
  const [t, setT] = useState(init);
  useEffect(() => setT(s.vcpus.topology ?? { sockets: s.vcpus.max, cores: 1, threads: 1 }), [s.vcpus.topology, s.vcpus.max]);
  const bad = (['sockets', 'cores', 'threads'] as const).find((k) => !Number.isInteger(t[k]) || t[k] < 1);
  const field = (k: 'sockets' | 'cores' | 'threads', label: string) => (
    <NumberInput
      label={label}
      w={110}
      value={t[k]}
      onChange={(v) => setT({ ...t, [k]: typeof v === 'number' ? v : Number.NaN })}
      allowDecimal={false}
      error={bad === k ? `${label}: at least 1` : undefined}
      data-testid={`settings-topology-${k}`}
    />
  );
  return (
    <Stack gap={4}>
      <Group align="flex-end">
        {field('sockets', 'Sockets')}
        {field('cores', 'Cores')}
        {field('threads', 'Threads')}
        <Button
          size="xs"
          variant="default"
          disabled={!!bad}
          loading={write.isPending}
          onClick={() => write.mutate({ topology: t })}
          data-testid="settings-topology-apply"
        >
          Apply topology
        </Button>
      </Group>
      <Text size="xs" c="dimmed" data-testid="settings-topology-readout">
        Next boot:{' '}
        {s.vcpus.topology
          ? `${s.vcpus.topology.sockets} × ${s.vcpus.topology.cores} × ${s.vcpus.topology.threads}`
          : 'libvirt’s default (one socket per vCPU)'}
        ; the product must equal the maximum vCPUs ({s.vcpus.max}).
      </Text>
      <ErrorAlert title="Topology not changed" error={write.error} />
    </Stack>
  );
}
