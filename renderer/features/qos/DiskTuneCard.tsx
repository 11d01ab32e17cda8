/** One disk's block I/O limits: presets, six fields, read-back of both sides. */
import { Button, Code, Group, SimpleGrid, Text, Title, Tooltip } from '@mantine/core';
import { type ApplyScope, DiskIoTune, type QosDisk } from '../../../shared/api';
import { RateField } from './RateField';
import { TuneCard, useTuneDraft } from './TuneCard';
import { DISK_PRESETS, formatValue, presetOf, ZERO_DISK } from './units';
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
const sameDisk = (a: DiskIoTune, b: DiskIoTune) => FIELDS.every((f) => a[f.key] === b[f.key]);

/** "read 1.0 MiB/s · total 200 IOPS", or "unlimited". */
export function describeDisk(t: DiskIoTune | undefined): string {
  if (!t) return '—';
  const parts = FIELDS.filter((f) => t[f.key] > 0).map(
    (f) => `${f.label.replace(/ (throughput|IOPS)$/, '').toLowerCase()} ${formatValue(f.kind, t[f.key])}`,
  );
  return parts.length ? parts.join(' · ') : 'unlimited';
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
  const { draft, setDraft, form, check, errors, dirty } = useTuneDraft(base, DiskIoTune, sameDisk);
  const write = useQosWrite('qos.setDisk', hostId, uuid);
  const id = `qos-disk-${disk.target}`;
  const preset = presetOf(form);

  const apply = (s: ApplyScope) => {
    if (!check.success) return;
    write.mutate({ disk: disk.target, scope: s, tune: check.data }, { onSuccess: () => setDraft(null) });
  };
  const set = (k: Field, v: number) => setDraft({ ...form, [k]: v });

  return (
    <TuneCard
      testId={id}
      title={
        <>
          <Title order={5}>
            Disk {disk.target}{' '}
            <Text span size="sm" c="dimmed">
              {disk.device}
              {disk.bus ? ` · ${disk.bus}` : ''}
            </Text>
          </Title>
          {disk.source && <Code>{disk.source}</Code>}
        </>
      }
      live={disk.live ? describeDisk(disk.live) : undefined}
      config={disk.config ? describeDisk(disk.config) : undefined}
      sidesDiffer={!!disk.live && !!disk.config && describeDisk(disk.live) !== describeDisk(disk.config)}
      notes={disk.notes}
      scope={scope}
      persistent={persistent}
      dirty={dirty}
      canRevert={draft !== null}
      valid={check.success}
      onRevert={() => setDraft(null)}
      onApply={apply}
      write={write}
      label={labelOf}
      format={(f, v) => (typeof v === 'number' ? formatValue(kindOf(f), v) : String(v))}
    >
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
    </TuneCard>
  );
}
