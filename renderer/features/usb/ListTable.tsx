/** A table of rows with an optional header row, or a dimmed line when there are none (the VM's USB devices, a host's pools and networks). */
import { Table, type TableProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function ListTable({
  count,
  empty,
  emptyTestId,
  columns,
  verticalSpacing,
  testId,
  children,
}: {
  /** How many rows there are: none shows `empty` instead of the table. */
  count: number;
  empty: string;
  emptyTestId?: string;
  /** The header cells; without them the table has no header row. */
  columns?: readonly string[];
  verticalSpacing: TableProps['verticalSpacing'];
  testId: string;
  /** The rows (Table.Tr). */
  children: ReactNode;
}) {
  if (count === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={emptyTestId}>
        {empty}
      </Text>
    );
  return (
    <Table verticalSpacing={verticalSpacing} data-testid={testId}>
      {columns && (
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of headers, some of them empty
              <Table.Th key={i}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
      )}
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
