/** Where a change goes: the running VM, the next boot, or both (defaults to both when it runs). */
import { Group, SegmentedControl, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApplyScope } from '../../../shared/api';
import { scopeChoices } from './useQos';

type Vm = { running: boolean; persistent: boolean };

/** The chosen scope, moved to one the VM allows when it starts or stops. */
export function useScope(vm: Vm | undefined): [ApplyScope, (s: ApplyScope) => void] {
  const [scope, setScope] = useState<ApplyScope | null>(null);
  const choices = vm ? scopeChoices(vm) : null;
  const allowed = choices && scope ? choices[scope] : false;
  const preferred = choices?.preferred ?? null;
  useEffect(() => {
    if (preferred && !allowed) setScope(preferred);
  }, [preferred, allowed]);
  return [scope && allowed ? scope : (preferred ?? 'config'), setScope];
}

export function ScopeControl({
  value,
  onChange,
  vm,
  testId,
}: {
  value: ApplyScope;
  onChange(s: ApplyScope): void;
  vm: Vm;
  testId: string;
}) {
  const c = scopeChoices(vm);
  const label = (v: ApplyScope, text: string) => <span data-testid={`${testId}-${v}`}>{text}</span>;
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={500}>
        Apply changes to
      </Text>
      <SegmentedControl
        size="xs"
        value={value}
        onChange={(v) => onChange(v as ApplyScope)}
        data-testid={testId}
        data-value={value}
        data={[
          { value: 'live', label: label('live', 'Running VM'), disabled: !c.live },
          { value: 'config', label: label('config', 'Next boot'), disabled: !c.config },
          { value: 'both', label: label('both', 'Both'), disabled: !c.both },
        ]}
      />
      <Text size="xs" c="dimmed">
        {!vm.running
          ? 'Shut off: changes take effect at the next boot.'
          : !vm.persistent
            ? 'Transient VM: it has no definition for the next boot.'
            : null}
      </Text>
    </Group>
  );
}
