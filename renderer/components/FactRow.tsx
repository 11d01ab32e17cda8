import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled row of a facts table (VM overview, guest card): the label dimmed on the left. */
export function FactRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th w={140} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}
