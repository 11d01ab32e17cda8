/**
 * Huge pages per size: the pool and its free pages per NUMA cell (capabilities + virNodeGetFreePages),
 * resized through virNodeAllocPages over all cells and read back (a pool the kernel cannot fill
 * is put back and the refusal says how many it gave); transparent huge pages shown, not changed.
 */
import { Button, Card, Code, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { HostMmFacts, HugePageSize, ThpSetting } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../lib/format';
import { useHugepages, useTuningWrite } from '../../queries/tuning';

export function pageSizeName(kib: number): string {
  if (kib >= 1024 * 1024 && kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)} GiB`;
  if (kib >= 1024 && kib % 1024 === 0) return `${kib / 1024} MiB`;
  return `${kib} KiB`;
}

function SizeRow({ hostId, size, cells }: { hostId: string; size: HugePageSize; cells: number }) {
  const write = useTuningWrite('tuning.setHugepages', hostId);
  const [count, setCount] = useState<number | string>(size.total);
  const n = typeof count === 'number' ? count : Number.NaN;
  const valid = Number.isInteger(n) && n >= 0;
  const id = String(size.sizeKiB);
  const set = (c: number) => write.mutate({ sizeKiB: size.sizeKiB, count: c }, { onSuccess: (r) => setCount(r.got) });
  return (
    <>
      <Table.Tr data-testid="hugepages-row" data-size={id}>
        <Table.Td fw={500}>{pageSizeName(size.sizeKiB)}</Table.Td>
        <Table.Td data-testid="hugepages-total">{size.total.toLocaleString('en')}</Table.Td>
        <Table.Td data-testid="hugepages-free">{size.free.toLocaleString('en')}</Table.Td>
        <Table.Td>{formatBytes(size.total * size.sizeKiB * 1024)}</Table.Td>
        {cells > 1 && (
          <Table.Td>
            <Text size="xs" data-testid="hugepages-cells">
              {size.cells.map((c) => `cell ${c.cell}: ${c.free}/${c.total}`).join(' · ')}
            </Text>
          </Table.Td>
        )}
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <NumberInput
              size="xs"
              w={110}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={count}
              onChange={setCount}
              aria-label={`${pageSizeName(size.sizeKiB)} pages in the pool`}
              error={valid ? undefined : 'Enter a whole number of pages'}
              data-testid={`hugepages-count-${id}`}
            />
            <Button
              size="xs"
              loading={write.isPending}
              disabled={!valid || n === size.total}
              onClick={() => set(n)}
              data-testid={`hugepages-set-${id}`}
            >
              Set pool
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={size.total === 0 || write.isPending}
              onClick={() => set(0)}
              data-testid={`hugepages-free-${id}`}
            >
              Free all
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {(write.data || write.error) && (
        <Table.Tr>
          <Table.Td colSpan={cells > 1 ? 6 : 5}>
            {write.data && !write.error && (
              <Text size="sm" c="teal" data-testid={`hugepages-result-${id}`}>
                The {pageSizeName(size.sizeKiB)} pool holds {write.data.got} page{write.data.got === 1 ? '' : 's'} (asked {write.data.asked}
                ), read back from the host.
              </Text>
            )}
            <ErrorAlert title={`Could not resize the ${pageSizeName(size.sizeKiB)} pool`} error={write.error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function Thp({ name, s, testId }: { name: string; s: ThpSetting | undefined; testId: string }) {
  return (
    <Text size="sm" data-testid={testId}>
      {name}: {s ? <Code>{s.current}</Code> : 'not available'}
      {s && (
        <Text span size="xs" c="dimmed">
          {' '}
          (the kernel offers {s.options.join(', ')})
        </Text>
      )}
    </Text>
  );
}

export function HugePagesCard({ hostId, mm }: { hostId: string; mm: HostMmFacts | undefined }) {
  const q = useHugepages(hostId);
  const st = q.data;
  const cells = Math.max(0, ...(st?.sizes.map((s) => s.cells.length) ?? [0]));
  return (
    <Card withBorder data-testid="hugepages-card">
      <Stack gap="sm">
        <Title order={5}>Huge pages</Title>
        <Text size="sm" c="dimmed">
          A VM with &lt;memoryBacking&gt;&lt;hugepages/&gt; takes its memory from these pools: fewer TLB misses, memory that is never
          swapped nor merged by KSM. The pool is spread over the NUMA cells by the kernel; pages are easiest to get soon after boot.
        </Text>
        <ErrorAlert title="Cannot read the huge page pools" error={q.error} />
        {st && (
          <>
            <Table data-testid="hugepages-table" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>Pool</Table.Th>
                  <Table.Th>Free</Table.Th>
                  <Table.Th>Memory</Table.Th>
                  {cells > 1 && <Table.Th>Per NUMA cell (free/pool)</Table.Th>}
                  <Table.Th>Resize</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {st.sizes.map((s) => (
                  <SizeRow key={s.sizeKiB} hostId={hostId} size={s} cells={cells} />
                ))}
              </Table.Tbody>
            </Table>
            {st.sizes.length === 0 && <Text size="sm">This host's CPU offers no huge page sizes.</Text>}
            <Text size="xs" c="dimmed" data-testid="hugepages-free-memory">
              Free memory on the host: {formatBytes(st.freeMemoryBytes)}
            </Text>
          </>
        )}
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Transparent huge pages (/sys/kernel/mm/transparent_hugepage, shown only)
          </Text>
          <Thp name="enabled" s={mm?.thp.enabled} testId="thp-enabled" />
          <Thp name="defrag" s={mm?.thp.defrag} testId="thp-defrag" />
        </Stack>
      </Stack>
    </Card>
  );
}
