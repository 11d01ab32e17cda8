/** Boot: the firmware, and the order for the next boot — which disks and NICs to boot from (libvirt's <boot order>). */
import { ActionIcon, Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowUp, IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { BootEntry, VmSettings } from '../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettingsWrite } from '../../queries/settings';
import { FirmwareShown } from './FirmwareShown';
import { appliedWords } from './words';

const idOf = (e: BootEntry) => (e.kind === 'disk' ? e.target : e.mac.replaceAll(':', ''));
const same = (a: BootEntry, b: BootEntry) => idOf(a) === idOf(b);

/** Every bootable device: the chosen ones first in their order, then the rest. Pure. */
export function bootRows(s: VmSettings, chosen: BootEntry[]): BootEntry[] {
  const all: BootEntry[] = [
    ...s.disks.filter((d) => d.config).map((d) => ({ kind: 'disk' as const, target: d.target })),
    ...s.nics.filter((n) => n.config).map((n) => ({ kind: 'nic' as const, mac: n.mac })),
  ];
  return [...chosen.filter((c) => all.some((a) => same(a, c))), ...all.filter((a) => !chosen.some((c) => same(a, c)))];
}

export function BootSection({ s }: { s: VmSettings }) {
  const write = useSettingsWrite('settings.setBootOrder', s.hostId, s.uuid);
  const [chosen, setChosen] = useState<BootEntry[]>(s.bootOrder);
  useEffect(() => setChosen(s.bootOrder), [s.bootOrder]);
  const rows = bootRows(s, chosen);
  const label = (e: BootEntry) => {
    if (e.kind === 'nic') return `NIC ${e.mac}`;
    const d = s.disks.find((x) => x.target === e.target);
    return `${d?.device === 'cdrom' ? 'CD-ROM' : 'Disk'} ${e.target}${d?.source ? ` (${d.source})` : ''}`;
  };
  const changed = JSON.stringify(chosen) !== JSON.stringify(s.bootOrder);
  const up = (e: BootEntry) => {
    const i = chosen.findIndex((c) => same(c, e));
    if (i <= 0) return;
    const next = [...chosen];
    [next[i - 1], next[i]] = [next[i] as BootEntry, next[i - 1] as BootEntry];
    setChosen(next);
  };
  return (
    <Card withBorder data-testid="settings-boot">
      <Stack gap="xs">
        <Title order={5}>Boot</Title>
        <FirmwareShown s={s} />
        <Title order={6}>Boot order</Title>
        <Text size="sm" c="dimmed">
          {s.bootOrder.length === 0 ? 'The definition boots by device type (<os><boot dev>). ' : ''}
          Takes effect at the next boot.
        </Text>
        {rows.map((e) => {
          const on = chosen.some((c) => same(c, e));
          const pos = chosen.findIndex((c) => same(c, e));
          return (
            <Group key={idOf(e)} gap="xs" data-testid={`settings-boot-${idOf(e)}`} data-position={on ? pos + 1 : 0}>
              <Checkbox
                checked={on}
                onChange={(ev) => setChosen(ev.currentTarget.checked ? [...chosen, e] : chosen.filter((c) => !same(c, e)))}
                label={`${on ? `${pos + 1}. ` : ''}${label(e)}`}
                data-testid={`settings-boot-${idOf(e)}-on`}
              />
              {on && pos > 0 && (
                <ActionIcon
                  size="sm"
                  variant="default"
                  aria-label={`Boot ${label(e)} earlier`}
                  onClick={() => up(e)}
                  data-testid={`settings-boot-${idOf(e)}-up`}
                >
                  <IconArrowUp size={14} />
                </ActionIcon>
              )}
            </Group>
          );
        })}
        <Group>
          <Button
            size="xs"
            disabled={!changed || chosen.length === 0}
            loading={write.isPending}
            onClick={() => write.mutate({ order: chosen })}
            data-testid="settings-boot-apply"
          >
            Apply boot order
          </Button>
        </Group>
        <ErrorAlert title="Boot order not changed" error={write.error} />
        {write.data && !write.error && (
          <Alert color="teal" icon={<IconCheck size={16} />} p="xs" data-testid="settings-boot-applied">
            {appliedWords(write.data)}.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
