/** CPU weight (shares) and cap (quota per period, as % of a host core per vCPU), then pinning. */
import { Card, Group, NumberInput, SimpleGrid, Slider, Stack, Switch, Text, Title } from '@mantine/core';
import { type ApplyScope, CpuTune, type CpuTuneState, type QosState } from '../../../shared/api';
import { SidesDiffer } from './ApplyOutcome';
import { PinGrid } from './PinGrid';
import { ApplyControls, TuneHeader, useTuneDraft } from './TuneCard';
import { capPercent, quotaFor } from './units';
import { useQosWrite } from './useQos';

const SHARE_STOPS = [2, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 65536, 262144];
const DEFAULT_TUNE: CpuTune = { shares: 1024, period: 100_000, quota: -1 };

const sameTune = (a: CpuTune, b: CpuTune) => a.shares === b.shares && a.period === b.period && a.quota === b.quota;

const num = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

export function describeCpu(t: CpuTuneState | undefined): string {
  if (!t) return '—';
  const cap = capPercent(t.period, t.quota);
  const dflt = (k: CpuTuneState['unset'][number]) => (t.unset.includes(k) ? ' (default)' : '');
  return `weight ${t.shares}${dflt('shares')} · ${cap === null ? 'no cap' : `cap ${cap}% of a core per vCPU`}${dflt('quota')}`;
}

function nearestStop(v: number): number {
  let best = 0;
  SHARE_STOPS.forEach((s, i) => {
    if (Math.abs(Math.log(s) - Math.log(Math.max(2, v))) < Math.abs(Math.log(SHARE_STOPS[best] as number) - Math.log(Math.max(2, v))))
      best = i;
  });
  return best;
}

function WeightCap({ hostId, uuid, q, scope }: { hostId: string; uuid: string; q: QosState; scope: ApplyScope }) {
  const side = (scope === 'config' ? q.cpu.config : q.cpu.live) ?? q.cpu.config ?? q.cpu.live;
  const base: CpuTune = side ? { shares: side.shares, period: side.period, quota: side.quota } : DEFAULT_TUNE;
  const { draft, setDraft, form, check, errors, dirty } = useTuneDraft(base, CpuTune, sameTune);
  const write = useQosWrite('qos.setCpu', hostId, uuid);
  const capped = form.quota !== -1;
  const pct = capPercent(form.period, form.quota);
  const apply = (s: ApplyScope) => check.success && write.mutate({ scope: s, tune: check.data }, { onSuccess: () => setDraft(null) });
  const set = (p: Partial<CpuTune>) => setDraft({ ...form, ...p });

  return (
    <Stack gap="xs" data-testid="qos-cpu-tune">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <NumberInput
            label="Weight (cpu_shares)"
            description="Share of CPU time under contention, relative to other VMs: 1024 is the default, 2048 gets twice as much."
            value={Number.isFinite(form.shares) ? form.shares : ''}
            onChange={(v) => set({ shares: num(v) })}
            clampBehavior="none"
            allowDecimal={false}
            size="xs"
            error={errors.shares}
            data-testid="qos-cpu-shares"
          />
          <Slider
            size="xs"
            min={0}
            max={SHARE_STOPS.length - 1}
            value={Number.isFinite(form.shares) ? nearestStop(form.shares) : 0}
            onChange={(i) => set({ shares: SHARE_STOPS[i] ?? 1024 })}
            label={(i) => String(SHARE_STOPS[i])}
            thumbLabel="Weight slider"
            data-testid="qos-cpu-shares-slider"
          />
        </Stack>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="xs" fw={500}>
              Cap per vCPU (% of one host core)
            </Text>
            <Switch
              size="xs"
              label="No cap"
              checked={!capped}
              onChange={(e) => set({ quota: e.currentTarget.checked ? -1 : quotaFor(form.period, 50) })}
              data-testid="qos-cpu-nocap"
            />
          </Group>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              aria-label="Cap percent"
              value={capped && pct !== null ? pct : ''}
              placeholder="no cap"
              disabled={!capped}
              onChange={(v) => set({ quota: Number.isFinite(num(v)) ? quotaFor(form.period, num(v)) : Number.NaN })}
              clampBehavior="none"
              decimalScale={1}
              rightSection={<Text size="xs">%</Text>}
              size="xs"
              style={{ flex: 1 }}
              error={errors.quota}
              data-testid="qos-cpu-cap"
            />
            <NumberInput
              aria-label="Period"
              value={Number.isFinite(form.period) ? form.period : ''}
              onChange={(v) => {
                const period = num(v);
                // Keep the percentage when the period changes.
                set({ period, quota: capped && pct !== null && Number.isFinite(period) ? quotaFor(period, pct) : form.quota });
              }}
              clampBehavior="none"
              allowDecimal={false}
              rightSection={<Text size="xs">µs</Text>}
              rightSectionWidth={28}
              size="xs"
              w={120}
              error={errors.period}
              data-testid="qos-cpu-period"
            />
          </Group>
          <Slider
            size="xs"
            min={1}
            max={100}
            value={capped && pct !== null ? Math.min(100, Math.max(1, pct)) : 100}
            onChange={(p) => set({ quota: quotaFor(form.period, p) })}
            disabled={!capped}
            label={(p) => `${p}%`}
            thumbLabel="Cap slider"
            data-testid="qos-cpu-cap-slider"
          />
          <Text size="xs" c="dimmed">
            {capped
              ? `quota ${Number.isFinite(form.quota) ? form.quota.toLocaleString('en-US') : '?'} µs of every ${form.period.toLocaleString('en-US')} µs`
              : 'vcpu_quota −1: no cap'}
          </Text>
        </Stack>
      </SimpleGrid>
      <SidesDiffer scope={scope} differ={!!q.cpu.live && !!q.cpu.config && !sameTune(q.cpu.live, q.cpu.config)} testId="qos-cpu" />
      <ApplyControls
        testId="qos-cpu"
        scope={scope}
        persistent={q.persistent}
        dirty={dirty}
        canRevert={draft !== null}
        valid={check.success}
        onRevert={() => setDraft(null)}
        onApply={apply}
        write={write}
        label={(f) => ({ shares: 'Weight', period: 'Period', quota: 'Quota' })[f] ?? f}
        format={(f, v) => (f === 'quota' && v === -1 ? 'no cap' : f === 'shares' ? String(v) : `${String(v)} µs`)}
      />
    </Stack>
  );
}

export function CpuTuneCard({ hostId, uuid, q, scope }: { hostId: string; uuid: string; q: QosState; scope: ApplyScope }) {
  const t = q.host;
  return (
    <Card withBorder data-testid="qos-cpu">
      <TuneHeader
        testId="qos-cpu"
        live={q.cpu.live ? describeCpu(q.cpu.live) : undefined}
        config={q.cpu.config ? describeCpu(q.cpu.config) : undefined}
      >
        <Title order={5}>CPU</Title>
        <Text size="xs" c="dimmed" data-testid="qos-host-topology">
          Host: {t.sockets * t.nodes} socket{t.sockets * t.nodes === 1 ? '' : 's'} × {t.cores} core{t.cores === 1 ? '' : 's'} × {t.threads}{' '}
          thread
          {t.threads === 1 ? '' : 's'} = {t.cpus} CPUs · {t.model} ({t.arch}) · {t.nodes} NUMA node{t.nodes === 1 ? '' : 's'}
        </Text>
      </TuneHeader>
      <Stack gap="md">
        <WeightCap hostId={hostId} uuid={uuid} q={q} scope={scope} />
        <PinGrid hostId={hostId} uuid={uuid} q={q} scope={scope} />
        {q.cpu.notes.map((n) => (
          <Text key={n} size="xs" c="orange">
            {n}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
