/** A limit as a slider (rough, logarithmic stops) plus an exact number in a unit of the admin's choice. */
import { Group, NativeSelect, NumberInput, Slider, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { exactHint, formatValue, pickUnit, type RateKind, STEPS, stepIndex, UNITS } from './units';

export interface RateFieldProps {
  label: string;
  kind: RateKind;
  /** Base units (bytes/s, KiB/s, KiB, IOPS); NaN while the field holds no number. */
  value: number;
  onChange(v: number): void;
  error?: string;
  disabled?: boolean;
  testId: string;
}

const parse = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v.replace(/,/g, '')));
const toShown = (value: number, factor: number): number | string =>
  Number.isFinite(value) ? Math.round((value / factor) * 1000) / 1000 : '';

export function RateField({ label, kind, value, onChange, error, disabled, testId }: RateFieldProps) {
  const units = UNITS[kind];
  const [unit, setUnit] = useState(() => pickUnit(kind, value));
  const factor = units[unit]?.factor ?? 1;
  // What the input shows: kept while typing ("1." is not a number yet), replaced when the value
  // changes from outside (slider, preset, a read-back).
  const [shown, setShown] = useState<number | string>(toShown(value, factor));
  useEffect(() => {
    const typed = Math.round(parse(shown) * factor);
    if (typed !== value && !(Number.isNaN(typed) && Number.isNaN(value))) setShown(toShown(value, factor));
  }, [value, factor, shown]);
  const steps = STEPS[kind];

  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <NumberInput
          label={label}
          value={shown}
          onChange={(v) => {
            setShown(v);
            const n = parse(v);
            onChange(Number.isFinite(n) ? Math.round(n * factor) : Number.NaN);
          }}
          clampBehavior="none"
          allowNegative
          decimalScale={3}
          thousandSeparator=","
          disabled={disabled}
          error={error}
          style={{ flex: 1 }}
          size="xs"
          data-testid={`${testId}-value`}
        />
        {units.length > 1 ? (
          <NativeSelect
            size="xs"
            w={84}
            aria-label={`${label} unit`}
            data={units.map((u, i) => ({ value: String(i), label: u.label }))}
            value={String(unit)}
            onChange={(e) => {
              const next = Number(e.currentTarget.value);
              setUnit(next);
              setShown(toShown(value, units[next]?.factor ?? 1));
            }}
            disabled={disabled}
            mb={error ? 22 : 0}
            data-testid={`${testId}-unit`}
          />
        ) : (
          <Text size="xs" c="dimmed" mb={error ? 28 : 6} w={40}>
            {units[0]?.label}
          </Text>
        )}
      </Group>
      <Slider
        size="xs"
        min={0}
        max={steps.length - 1}
        step={1}
        value={Number.isFinite(value) ? stepIndex(kind, Math.max(0, value)) : 0}
        onChange={(i) => onChange(steps[i] ?? 0)}
        label={(i) => formatValue(kind, steps[i] ?? 0)}
        disabled={disabled}
        thumbLabel={`${label} slider`}
        data-testid={`${testId}-slider`}
      />
      <Text size="xs" c="dimmed" data-testid={`${testId}-hint`}>
        {exactHint(kind, value)}
      </Text>
    </Stack>
  );
}
