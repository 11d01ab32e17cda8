/** One NIC's bandwidth, inbound and outbound, each with an "unlimited" switch. */
import { Code, Group, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { type ApplyScope, NicBandwidth, type QosNic } from '../../../shared/api';
import { RateField } from './RateField';
import { TuneCard, useTuneDraft } from './TuneCard';
import { formatValue } from './units';
import { useQosWrite } from './useQos';

type Dir = 'inbound' | 'outbound';
type Part = 'average' | 'peak' | 'burst';
const ZERO = { average: 0, peak: 0, burst: 0 };
/** What switching "unlimited" off starts from: 10 MiB/s. */
const START = { average: 10_240, peak: 0, burst: 0 };

const PARTS: { key: Part; label: string; kind: 'kib' | 'kibSize' }[] = [
  { key: 'average', label: 'Average', kind: 'kib' },
  { key: 'peak', label: 'Peak', kind: 'kib' },
  { key: 'burst', label: 'Burst', kind: 'kibSize' },
];

function describeDir(d: NicBandwidth[Dir]): string {
  if (!d.average) return 'unlimited';
  return [
    `${formatValue('kib', d.average)}`,
    d.peak ? `peak ${formatValue('kib', d.peak)}` : '',
    d.burst ? `burst ${formatValue('kibSize', d.burst)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
export function describeNic(b: NicBandwidth | undefined): string {
  return b ? `in ${describeDir(b.inbound)} · out ${describeDir(b.outbound)}` : '—';
}

const same = (a: NicBandwidth, b: NicBandwidth) =>
  (['inbound', 'outbound'] as const).every((d) => PARTS.every((p) => a[d][p.key] === b[d][p.key]));

export function NicTuneCard({
  hostId,
  uuid,
  nic,
  scope,
  persistent,
}: {
  hostId: string;
  uuid: string;
  nic: QosNic;
  scope: ApplyScope;
  persistent: boolean;
}) {
  const base = (scope === 'config' ? nic.config : nic.live) ?? nic.config ?? nic.live ?? { inbound: ZERO, outbound: ZERO };
  const { draft, setDraft, form, check, errors, dirty } = useTuneDraft(base, NicBandwidth, same);
  const write = useQosWrite('qos.setNic', hostId, uuid);
  const id = `qos-nic-${nic.mac.replace(/:/g, '')}`;

  const apply = (s: ApplyScope) => {
    if (!check.success) return;
    write.mutate({ mac: nic.mac, scope: s, bandwidth: check.data }, { onSuccess: () => setDraft(null) });
  };
  const setDir = (d: Dir, v: NicBandwidth[Dir]) => setDraft({ ...form, [d]: v });

  return (
    <TuneCard
      testId={id}
      title={
        <>
          <Title order={5}>
            NIC <Code>{nic.mac}</Code>{' '}
            <Text span size="sm" c="dimmed">
              {nic.type}
              {nic.source ? ` ${nic.source}` : ''}
              {nic.model ? ` · ${nic.model}` : ''}
              {nic.target ? ` · ${nic.target}` : ''}
            </Text>
          </Title>
          <Text size="xs" c="dimmed">
            Inbound = traffic to the VM, outbound = from it. Averages and peaks in KiB/s, bursts in KiB.
          </Text>
        </>
      }
      live={nic.live ? describeNic(nic.live) : undefined}
      config={nic.config ? describeNic(nic.config) : undefined}
      sidesDiffer={!!nic.live && !!nic.config && !same(nic.live, nic.config)}
      notes={nic.notes}
      scope={scope}
      persistent={persistent}
      dirty={dirty}
      canRevert={draft !== null}
      valid={check.success}
      onRevert={() => setDraft(null)}
      onApply={apply}
      write={write}
      label={(f) => f.replace('.', ' ')}
      format={(f, v) => (typeof v === 'number' ? formatValue(f.endsWith('burst') ? 'kibSize' : 'kib', v) : String(v))}
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {(['inbound', 'outbound'] as const).map((d) => {
          const unlimited = form[d].average === 0 && form[d].peak === 0 && form[d].burst === 0;
          return (
            <Stack key={d} gap="xs" data-testid={`${id}-${d}`}>
              <Group justify="space-between">
                <Text fw={500} size="sm">
                  {d === 'inbound' ? 'Inbound' : 'Outbound'}
                </Text>
                <Switch
                  size="xs"
                  label="Unlimited"
                  checked={unlimited}
                  onChange={(e) => setDir(d, e.currentTarget.checked ? ZERO : START)}
                  data-testid={`${id}-${d}-unlimited`}
                />
              </Group>
              {PARTS.map((p) => (
                <RateField
                  key={p.key}
                  label={p.label}
                  kind={p.kind}
                  value={form[d][p.key]}
                  onChange={(v) => setDir(d, { ...form[d], [p.key]: v })}
                  error={errors[`${d}.${p.key}`]}
                  disabled={unlimited}
                  testId={`${id}-${d}-${p.key}`}
                />
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
    </TuneCard>
  );
}
