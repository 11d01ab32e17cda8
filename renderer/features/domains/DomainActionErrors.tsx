import { CloseButton, Group, Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ACTION } from './actions';
import { useOps } from './useDomainActions';

/** Failed VM actions, inline where the user acted; libvirt's own message kept. */
export function DomainActionErrors({ only }: { only?: string }) {
  const failures = useOps((s) => s.failures);
  const dismiss = useOps((s) => s.dismiss);
  const list = Object.entries(failures)
    .filter(([k]) => !only || k === only)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, 3);
  if (list.length === 0) return null;
  return (
    <Stack gap="xs" mb="sm">
      {list.map(([k, f]) => (
        <Group key={k} align="flex-start" wrap="nowrap" gap={4}>
          <div style={{ flex: 1 }}>
            <ErrorAlert title={`Could not ${ACTION[f.action].label.replace('…', '').toLowerCase()} “${f.target.name}”`} error={f.error} />
          </div>
          <CloseButton aria-label="Dismiss" onClick={() => dismiss(k)} />
        </Group>
      ))}
    </Stack>
  );
}
