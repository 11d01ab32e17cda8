/** One NIC's bandwidth, inbound and outbound, each with an "unlimited" switch. */
import { Badge, Button, Card, Code, Group, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type ApplyScope, NicBandwidth, type QosNic } from '../../../shared/api';
import { ApplyOutcome, SidesDiffer } from './ApplyOutcome';
import { Readout } from './DiskTuneCard';
import { RateField } from './RateField';
import { formatValue, issuesByPath } from './units';
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
  const [draft, setDraft] = useState<NicBandwidth | null>(null);
  const form = draft ?? base;
  const write = useQosWrite('qos.setNic', hostId, uuid);
  const check = NicBandwidth.safeParse(form);
  const errors = check.success ? {} : issuesByPath(check.error.issues);
  const dirty = draft !== null && !same(form, base);
  const id = `qos-nic-${nic.mac.replace(/:/g, '')}`;

  const apply = (s: ApplyScope) => {
    if (!check.success) return;
    write.mutate({ mac: nic.mac, scope: s, bandwidth: check.data }, { onSuccess: () => setDraft(null) });
  };
  const setDir = (d: Dir, v: NicBandwidth[Dir]) => setDraft({ ...form, [d]: v });

  return (
    <Card withBorder data-testid={id}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
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
        </div>
        <Readout
          testId={id}
          live={nic.live ? describeNic(nic.live) : undefined}
          config={nic.config ? describeNic(nic.config) : undefined}
        />
      </Group>
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
      <SidesDiffer scope={scope} differ={!!nic.live && !!nic.config && !same(nic.live, nic.config)} testId={id} />
      {nic.notes.map((n) => (
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
          label={(f) => f.replace('.', ' ')}
          format={(f, v) => (typeof v === 'number' ? formatValue(f.endsWith('burst') ? 'kibSize' : 'kib', v) : String(v))}
          onConfigOnly={scope !== 'config' && persistent && write.variables?.scope !== 'config' ? () => apply('config') : undefined}
          pending={write.isPending}
        />
      </Stack>
    </Card>
  );
}
