import { Badge, CloseButton, Group, Kbd, SegmentedControl, Switch, TextInput, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../../store/ui';
import type { StateFilter } from './tableModel';

interface Props {
  stateFilter: StateFilter;
  setStateFilter(f: StateFilter): void;
  count: number;
  /** Grouping by host applies to the all-hosts view only. */
  grouped: boolean;
  title: string;
}

export function DomainTableFilters({ stateFilter, setStateFilter, count, grouped, title }: Props) {
  const { filter, setFilter, groupByHost, setGroupByHost } = useUi(
    useShallow((s) => ({ filter: s.filter, setFilter: s.setFilter, groupByHost: s.groupByHost, setGroupByHost: s.setGroupByHost })),
  );
  const input = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => input.current?.focus()]]);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Group gap="xs">
        <Title order={4}>{title}</Title>
        <Badge variant="light" color="gray" data-testid="domain-count">
          {count}
        </Badge>
      </Group>
      <Group gap="sm">
        <SegmentedControl
          size="xs"
          value={stateFilter}
          onChange={(v) => setStateFilter(v as StateFilter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'running', label: 'Running' },
            { value: 'paused', label: 'Paused' },
            { value: 'shutoff', label: 'Shut off' },
            { value: 'other', label: 'Other' },
          ]}
          aria-label="Filter by state"
        />
        {grouped && (
          <Switch size="xs" label="Group by host" checked={groupByHost} onChange={(e) => setGroupByHost(e.currentTarget.checked)} />
        )}
        <Tooltip
          label={
            <>
              Filter by name <Kbd size="xs">/</Kbd>
            </>
          }
          openDelay={400}
        >
          <TextInput
            ref={input}
            size="xs"
            placeholder="Filter by name"
            aria-label="Filter by name"
            leftSection={<IconSearch size={14} />}
            rightSection={filter ? <CloseButton size="xs" aria-label="Clear the filter" onClick={() => setFilter('')} /> : null}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setFilter('');
                e.currentTarget.blur();
              }
            }}
            w={220}
            data-testid="domain-filter"
          />
        </Tooltip>
      </Group>
    </Group>
  );
}
