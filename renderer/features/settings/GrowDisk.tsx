/**
 * A disk's size and "grow to": live while the VM runs (block resize), through its pool volume while
 * it is shut off (the guest sees it at its next boot). Only growing.
 */
import { Button, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import type { SettingsDisk } from '../../../shared/api/settings';

export function GrowDisk({
  d,
  running,
  onGrow,
  pending,
}: {
  d: SettingsDisk & { capacity: number };
  running: boolean;
  onGrow: (sizeMiB: number) => void;
  pending: boolean;
}) {
  const now = Math.round(d.capacity / (1024 * 1024));
  const [to, setTo] = useState<number>(now);
  const err = !Number.isInteger(to) ? 'Whole MiB only' : to <= now ? `Only growing: more than ${now} MiB` : undefined;
  return (
    <>
      <Text size="sm" data-testid={`settings-disk-${d.target}-size`}>
        {now.toLocaleString('en-US')} MiB
      </Text>
      <NumberInput
        size="xs"
        w={120}
        aria-label={`New size of ${d.target} in MiB`}
        value={to}
        onChange={(v) => setTo(typeof v === 'number' ? v : Number.NaN)}
        allowDecimal={false}
        error={to !== now ? err : undefined}
        data-testid={`settings-disk-${d.target}-grow-to`}
      />
      <Button
        size="xs"
        variant="default"
        disabled={!!err}
        loading={pending}
        onClick={() => onGrow(to)}
        data-testid={`settings-disk-${d.target}-grow`}
      >
        {running ? 'Grow live' : 'Grow'}
      </Button>
    </>
  );
}
