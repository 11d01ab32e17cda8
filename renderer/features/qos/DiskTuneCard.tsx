/** One disk's block I/O limits: presets, six fields, read-back of both sides. */
import { Badge, Button, Card, Code, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { type ApplyScope, DiskIoTune, type QosDisk } from '../../../shared/api';
import { ApplyOutcome, SidesDiffer } from './ApplyOutcome';
import { RateField } from './RateField';
import { DISK_PRESETS, formatValue, issuesByPath, presetOf, ZERO_DISK } from './units';
import { useQosWrite } from './useQos';

type Field = keyof DiskIoTune;
const FIELDS: { key: Field; label: string; kind: 'bytes' | 'iops' }[] = [
  { key: 'total_bytes_sec', label: 'Total throughput', kind: 'bytes' },
  { key: 'read_bytes_sec', label: 'Read throughput', kind: 'bytes' },
  { key: 'write_bytes_sec', label: 'Write throughput', kind: 'bytes' },
  { key: 'total_iops_sec', label: 'Total IOPS', kind: 'iops' },
  { key: 'read_iops_sec', label: 'Read IOPS', kind: 'iops' },
  { key: 'write_iops_sec', label: 'Write IOPS', kind: 'iops' },
];
const kindOf = (f: string) => FIELDS.find((x) => x.key === f)?.kind ?? 'bytes';
const labelOf = (f: string) => FIELDS.find((x) => x.key === f)?.label ?? f;

/** "read 1.0 MiB/s · total 200 IOPS", or "unlimited". */
export function describeDisk(t: DiskIoTune | undefined): string {
  if (!t) return '—';
  const parts = FIELDS.filter((f) => t[f.key] > 0).map(
    (f) => `${f.label.replace(/ (throughput|IOPS)$/, '').toLowerCase()} ${formatValue(f.kind, t[f.key])}`,
  );
  return parts.length ? parts.join(' · ') : 'unlimited';
}

/** The values in effect: on the running VM and for the next boot. */
export function Readout({ testId, live, config }: { testId: string; live?: string | undefined; config?: string | undefined }) {
  return (
    <Stack gap={0}>
      {live !== undefined && (
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            Running VM:{' '}
          </Text>
          <span data-testid={`${testId}-live`}>{live}</span>
        </Text>
      )}
      {config !== undefined && (
        <Text size="xs">
          <Text span c="dimmed" size="xs">
            Next boot:{' '}
          </Text>
          <span data-testid={`${testId}-config`}>{config}</span>
        </Text>
      )}
    </Stack>
  );
}

export function DiskTuneCard({
  hostId,
  uuid,
  disk,
  scope,
  persistent,
}: {
  hostId: string;
  uuid: string;
  disk: QosDisk;
  scope: ApplyScope;
  persistent: boolean;
}) {
  const base = (scope === 'config' ? disk.config : disk.live) ?? disk.config ?? disk.live ?? ZERO_DISK;
  const [draft, setDraft] = useState<DiskIoTune | null>(null);
  const form = draft ?? base;
  const write = useQosWrite('qos.setDisk', hostId, uuid);
  const check = DiskIoTune.safeParse(form);
  const errors = check.success ? {} : issuesByPath(check.error.issues);
  const dirty = draft !== null && FIELDS.some((f) => form[f.key] !== base[f.key]);
  const id = `qos-disk-${disk.target}`;
  const preset = presetOf(form);

  const apply = (s: ApplyScope) => {
    if (!check.success) return;
    write.mutate({ disk: disk.target, scope: s, tune: check.data }, { onSuccess: () => setDraft(null) });
  };
  const set = (k: Field, v: number) => setDraft({ ...form, [k]: v });

  return (
    <Card withBorder data-testid={id}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={5}>
            Disk {disk.target}{' '}
            <Text span size="sm" c="dimmed">
              {disk.device}
              {disk.bus ? ` · ${disk.bus}` : ''}
            </Text>
          </Title>
          {disk.source && <Code>{disk.source}</Code>}
        </div>
        <Readout
          testId={id}
          live={disk.live ? describeDisk(disk.live) : undefined}
          config={disk.config ? describeDisk(disk.config) : undefined}
        />
      </Group>
      <Group gap="xs" mb="sm">
        <Text size="sm" fw={500}>
          Presets
        </Text>
        {DISK_PRESETS.map((p) => (
          <Tooltip key={p.id} label={p.description}>
            <Button
              size="compact-xs"
              variant={preset === p.id ? 'filled' : 'default'}
              onClick={() => setDraft({ ...p.tune })}
              data-testid={`${id}-preset-${p.id}`}
            >
              {p.label}
            </Button>
          </Tooltip>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" verticalSpacing="xs">
        {FIELDS.map((f) => (
          <RateField
            key={f.key}
            label={f.label}
            kind={f.kind}
            value={form[f.key]}
            onChange={(v) => set(f.key, v)}
            error={errors[f.key]}
            testId={`${id}-${f.key}`}
          />
        ))}
      </SimpleGrid>
      <SidesDiffer
        scope={scope}
        differ={!!disk.live && !!disk.config && describeDisk(disk.live) !== describeDisk(disk.config)}
        testId={id}
      />
      {disk.notes.map((n) => (
        <Text key={n} size="xs" c="orange">
          {n}
        </Text>
      ))}
      <Group justify="flex-end" mt="sm" gap="xs">
        {dirty && (
          <Badge variant="light" color="blue">
            changed
          </Badge>
        )}
        <Button variant="default" size="xs" disabled={!draft} onClick={() => setDraft(null)} data-testid={`${id}-revert`}>
          Revert
        </Button>
        <Button
          size="xs"
          onClick={() => apply(scope)}
          disabled={!check.success || !dirty}
          loading={write.isPending}
          data-testid={`${id}-apply`}
        >
          Apply
        </Button>
      </Group>
      <Stack mt="xs">
        <ApplyOutcome
          testId={id}
          applied={write.data}
          error={write.error}
          label={labelOf}
          format={(f, v) => (typeof v === 'number' ? formatValue(kindOf(f), v) : String(v))}
          onConfigOnly={scope !== 'config' && persistent && write.variables?.scope !== 'config' ? () => apply('config') : undefined}
          pending={write.isPending}
        />
      </Stack>
    </Card>
  );
}
