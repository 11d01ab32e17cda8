/**
 * The CPU mode for the next boot, with the seed's trade-off in one line each (performance against
 * migratability), and libvirt's own answer, from each connected host, to "could this VM's CPU run
 * there?" — refreshed after every change.
 */
import { Alert, Badge, Button, Card, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CPU_MODES, type CpuCompareRow, type VmSettings } from '../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { keyOf, useRead } from '../../queries';
import { useSettingsWrite } from '../../queries/settings';
import { appliedWords } from './words';

type Mode = (typeof CPU_MODES)[number];

/** The seed's trade-off, one line each. */
export const CPU_TRADEOFF: Record<Mode, string> = {
  'host-model': 'host-model: most of this host’s CPU features, and it still migrates to hosts with a similar CPU — the usual choice.',
  'host-passthrough':
    'host-passthrough: every feature of this host’s very CPU, the best performance — it migrates only to hosts with an identical CPU.',
  custom: 'custom model: only that model’s features, slower — it migrates to any host whose CPU provides the model (the widest choice).',
};

function sentence(r: CpuCompareRow, shown: string): string {
  const ok = r.result === 'identical' || r.result === 'superset';
  if (r.thisHost)
    return ok ? `${r.hostName} (its host) provides this CPU (${shown}).` : `${r.hostName} (its host) cannot provide this CPU (${shown}).`;
  if (ok) return `This VM could migrate to ${r.hostName} with ${shown}.`;
  if (r.result === 'incompatible') return `This VM could not migrate to ${r.hostName} with ${shown}.`;
  return `${r.hostName} did not answer the compare.`;
}

export function CpuModeSection({ s }: { s: VmSettings }) {
  const facts = useRead('settings.cpu', { hostId: s.hostId, uuid: s.uuid }, { staleTime: 30_000 });
  const write = useSettingsWrite('settings.setCpuMode', s.hostId, s.uuid);
  const qc = useQueryClient();
  const f = facts.data;
  const [mode, setMode] = useState<Mode>('custom');
  const [model, setModel] = useState('');
  useEffect(() => {
    if (!f) return;
    setMode((CPU_MODES as readonly string[]).includes(f.mode) ? (f.mode as Mode) : 'custom');
    setModel(f.model ?? '');
  }, [f]);
  const changed = !!f && (mode !== f.mode || (mode === 'custom' && model !== (f.model ?? '')));
  const modelErr = mode === 'custom' && !model ? 'CPU model: choose one' : undefined;

  return (
    <Card withBorder data-testid="settings-cpu-mode-section">
      <Stack gap="xs">
        <Title order={5}>CPU mode</Title>
        {facts.error && <ErrorAlert title="Could not read the CPU facts" error={facts.error} />}
        <Group align="flex-end">
          <NativeSelect
            label="Mode (next boot)"
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as Mode)}
            data={CPU_MODES.map((m) => ({
              value: m,
              label: m === 'custom' ? 'custom model' : m === 'host-model' && f && !f.hostModel ? 'host-model (not offered here)' : m,
            }))}
            data-testid="settings-cpu-mode"
          />
          {mode === 'custom' && (
            <NativeSelect
              label="Model"
              value={model}
              onChange={(e) => setModel(e.currentTarget.value)}
              error={modelErr}
              data={[
                { value: '', label: 'Choose a model…' },
                ...(f?.models ?? []).map((m) => ({ value: m.name, label: m.usable ? m.name : `${m.name} (not usable on this host)` })),
              ]}
              data-testid="settings-cpu-model"
            />
          )}
          <Button
            size="xs"
            disabled={!changed || !!modelErr}
            loading={write.isPending}
            onClick={() =>
              write.mutate(
                { mode, ...(mode === 'custom' ? { model } : {}) },
                { onSettled: () => void qc.invalidateQueries({ queryKey: keyOf('settings.cpu', { hostId: s.hostId, uuid: s.uuid }) }) },
              )
            }
            data-testid="settings-cpu-apply"
          >
            Apply to the next boot
          </Button>
        </Group>
        <Text size="sm" c="dimmed" data-testid="settings-cpu-tradeoff">
          {CPU_TRADEOFF[mode]}
        </Text>
        <ErrorAlert title="The CPU mode was not changed" error={write.error} />
        {write.data && !write.error && (
          <Alert color="teal" icon={<IconCheck size={16} />} p="xs" data-testid="settings-cpu-applied">
            {appliedWords(write.data)}.
          </Alert>
        )}
        {f && (
          <Stack gap={4} data-testid="settings-cpu-compare">
            <Text size="sm">
              Next boot: <b data-testid="settings-cpu-shown">{f.shown}</b> — compared by libvirt on each connected host:
            </Text>
            <List size="sm" spacing={2}>
              {f.compare.map((r) => (
                <List.Item key={r.hostId} data-testid={`settings-cpu-compare-${r.hostId}`} data-result={r.result}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge size="xs" variant="light" color={r.result === 'incompatible' ? 'red' : r.result === 'error' ? 'gray' : 'teal'}>
                      {r.result}
                    </Badge>
                    <Text size="sm">
                      {sentence(r, f.shown)}
                      {r.message ? ` libvirt: ${r.message}` : ''}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
