/** Step 3 of the wizard: each pre-flight check with its verdict, reason and fix. */
import { Badge, Button, Card, Code, Group, List, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import type { CheckStatus, MigrationFixId, MigrationPlan, PreflightCheck } from '../../../shared/api';
import { formatBytes } from '../../lib/format';

const LOOK: Record<CheckStatus, { color: string; icon: React.ReactNode; word: string }> = {
  pass: { color: 'teal', icon: <IconCheck size={14} />, word: 'pass' },
  warn: { color: 'yellow', icon: <IconAlertTriangle size={14} />, word: 'warn' },
  fail: { color: 'red', icon: <IconX size={14} />, word: 'fail' },
};

function CheckRow({ c, onFix, fixing }: { c: PreflightCheck; onFix(id: MigrationFixId): void; fixing: boolean }) {
  const look = LOOK[c.status];
  return (
    <Card withBorder padding="xs" data-testid={`check-${c.id}`} data-status={c.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon color={look.color} variant="light" size="sm" mt={2} aria-label={look.word}>
            {look.icon}
          </ThemeIcon>
          <div>
            <Text size="sm" fw={600}>
              {c.title}{' '}
              <Badge size="xs" color={look.color} variant="light" ml={4}>
                {look.word}
              </Badge>
            </Text>
            <Text size="sm" data-testid={`check-${c.id}-message`}>
              {c.message}
            </Text>
            {c.details && c.details.length > 0 && (
              <List size="xs" c="dimmed" mt={2} spacing={0}>
                {c.details.map((d) => (
                  <List.Item key={d}>{d}</List.Item>
                ))}
              </List>
            )}
          </div>
        </Group>
        {c.fix && (
          <Tooltip label={c.fix.detail} multiline maw={320} withArrow>
            <Button
              size="xs"
              variant="light"
              color={look.color}
              loading={fixing}
              style={{ flexShrink: 0 }}
              onClick={() => onFix(c.fix?.id as MigrationFixId)}
              data-testid={`check-${c.id}-fix`}
            >
              {c.fix.label}
            </Button>
          </Tooltip>
        )}
      </Group>
    </Card>
  );
}

export function PreflightList({
  plan,
  onFix,
  fixing,
}: {
  plan: MigrationPlan;
  onFix(id: MigrationFixId): void;
  fixing: MigrationFixId | null;
}) {
  const fails = plan.checks.filter((c) => c.status === 'fail').length;
  const warns = plan.checks.filter((c) => c.status === 'warn').length;
  return (
    <Stack gap={6} data-testid="migrate-checks" data-can-start={plan.canStart}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {fails
            ? `${fails} check${fails > 1 ? 's' : ''} failed: fix ${fails > 1 ? 'them' : 'it'} to go on.`
            : warns
              ? `Ready, with ${warns} warning${warns > 1 ? 's' : ''}.`
              : 'Ready: every check passed.'}
        </Text>
        {plan.copyBytes > 0 && (
          <Badge variant="light" data-testid="migrate-copy-bytes" data-bytes={plan.copyBytes}>
            {formatBytes(plan.copyBytes)} of disks to copy
          </Badge>
        )}
        <Badge variant="light" color="gray">
          memory {formatBytes(plan.memoryBytes)}
        </Badge>
      </Group>
      {plan.checks.map((c) => (
        <CheckRow key={c.id} c={c} onFix={onFix} fixing={fixing === c.fix?.id} />
      ))}
      <Text size="xs" c="dimmed" mt={4}>
        The same migration with virsh:
      </Text>
      <Code block data-testid="migrate-virsh" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {plan.virsh}
      </Code>
    </Stack>
  );
}
