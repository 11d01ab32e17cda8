/**
 * The VM details' "Guest" card: the VM's addresses with their source, and what the guest agent
 * answers (host name, OS, kernel, time zone, users, file systems with usage); when the agent
 * cannot answer, why and what to install, with "Add guest agent channel" for a VM without one.
 */

import { Alert, Badge, Button, Card, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlugConnected } from '@tabler/icons-react';
import type { AgentState, DomainSummary, GuestInfo } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FactRow } from '../../components/FactRow';
import { formatBytes } from '../../lib/format';
import { useAddAgentChannel, useGuestInfo } from '../../queries/guest';
import { sourceSentence } from './IpCell';

const AGENT_LABEL: Record<AgentState, { label: string; color: string }> = {
  off: { label: 'VM not running', color: 'gray' },
  'no-channel': { label: 'No agent channel', color: 'yellow' },
  'not-connected': { label: 'Agent not connected', color: 'yellow' },
  'not-answering': { label: 'Agent not answering', color: 'red' },
  answering: { label: 'Agent answering', color: 'teal' },
};

function Addresses({ g }: { g: GuestInfo }) {
  const a = g.addresses;
  if (!a) return null;
  return (
    <Stack gap={4}>
      {a.addresses.length > 0 && (
        <Table verticalSpacing={2} withRowBorders={false} data-testid="guest-addresses">
          <Table.Tbody>
            {a.addresses.map((x) => (
              <Table.Tr key={`${x.iface}-${x.address}`} data-testid={`guest-address-${x.address}`}>
                <Table.Td>
                  <Code>
                    {x.address}/{x.prefix}
                  </Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {x.iface}
                    {x.mac ? ` · ${x.mac}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c={a.fallback ? 'yellow.8' : 'dimmed'} data-testid="guest-address-source" data-source={a.source ?? 'none'}>
        {sourceSentence(a)}
      </Text>
    </Stack>
  );
}

function Facts({ g }: { g: GuestInfo }) {
  const os = g.os;
  const osText = os ? (os.prettyName ?? [os.name, os.version].filter(Boolean).join(' ')) : undefined;
  return (
    <Table verticalSpacing={4} withRowBorders={false}>
      <Table.Tbody>
        {g.hostname !== undefined && (
          <FactRow label="Host name" testId="guest-hostname">
            {g.hostname}
          </FactRow>
        )}
        {osText && (
          <FactRow label="OS" testId="guest-os">
            {osText}
            {os?.machine ? ` · ${os.machine}` : ''}
          </FactRow>
        )}
        {os?.kernelRelease && (
          <FactRow label="Kernel" testId="guest-kernel">
            <Code>{os.kernelRelease}</Code>
          </FactRow>
        )}
        {g.timezone && (
          <FactRow label="Time zone" testId="guest-timezone">
            {g.timezone.name ?? 'unnamed'} (UTC{g.timezone.offsetSec >= 0 ? '+' : '−'}
            {Math.abs(g.timezone.offsetSec / 3600)})
          </FactRow>
        )}
        {g.users && (
          <FactRow label="Logged in" testId="guest-users">
            {g.users.length === 0 ? 'nobody' : g.users.map((u) => (u.domain ? `${u.domain}\\${u.name}` : u.name)).join(', ')}
          </FactRow>
        )}
        {g.clock && (
          <FactRow label="Clock" testId="guest-clock">
            {g.clock.ok
              ? `Set from the host after the ${g.clock.after} at ${new Date(g.clock.at).toLocaleTimeString()}`
              : `Not set after the ${g.clock.after}: ${g.clock.message ?? 'the agent refused'}`}
          </FactRow>
        )}
      </Table.Tbody>
    </Table>
  );
}

function FileSystems({ g }: { g: GuestInfo }) {
  const fs = g.filesystems;
  if (!fs) return null;
  if (fs.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="guest-fs-none">
        The agent reports no disk-backed file systems.
      </Text>
    );
  return (
    <Table verticalSpacing={4} data-testid="guest-filesystems">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Mounted on</Table.Th>
          <Table.Th>Device</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Used</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fs.map((f) => (
          <Table.Tr key={f.mountpoint} data-testid={`guest-fs-${f.mountpoint}`}>
            <Table.Td>
              <Code>{f.mountpoint}</Code>
            </Table.Td>
            <Table.Td>
              {f.name ?? '—'}
              {f.disks.length ? ` (disk ${f.disks.join(', ')})` : ''}
            </Table.Td>
            <Table.Td>{f.type ?? '—'}</Table.Td>
            <Table.Td data-testid={`guest-fs-${f.mountpoint}-usage`}>
              {f.totalBytes !== undefined && f.usedBytes !== undefined
                ? `${formatBytes(f.usedBytes)} of ${formatBytes(f.totalBytes)} (${f.totalBytes ? Math.round((100 * f.usedBytes) / f.totalBytes) : 0}%)`
                : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The button and what came of it (kept shown after the agent connects and the card no longer offers it). */
function AddChannel({ add, offer }: { add: ReturnType<typeof useAddAgentChannel>; offer: boolean }) {
  return (
    <Stack gap={4} align="flex-start">
      {offer && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlugConnected size={14} />}
          loading={add.isPending}
          onClick={() => add.mutate()}
          data-testid="guest-add-channel"
        >
          Add guest agent channel
        </Button>
      )}
      {add.data && (
        <Text size="sm" data-testid="guest-add-channel-result" data-live={add.data.live ? 'true' : 'false'}>
          {add.data.message}
        </Text>
      )}
      {add.error && <ErrorAlert title="The channel was not added" error={add.error} />}
    </Stack>
  );
}

export function GuestCard({ d }: { d: DomainSummary }) {
  const running = d.state === 'running' || d.state === 'paused' || d.state === 'blocked';
  const q = useGuestInfo(d.hostId, d.uuid, running);
  const add = useAddAgentChannel(d.hostId, d.uuid);
  const g = q.data;
  const state = running ? g?.agent.state : 'off';
  return (
    <Card withBorder data-testid="guest-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Guest</Title>
        {state && (
          <Badge variant="light" color={AGENT_LABEL[state].color} data-testid="guest-agent-state" data-state={state}>
            {AGENT_LABEL[state].label}
          </Badge>
        )}
      </Group>
      {!running ? (
        <Text size="sm" c="dimmed">
          Addresses and guest facts show while the VM runs.
        </Text>
      ) : q.isLoading ? (
        <Loader size="sm" />
      ) : q.error ? (
        <ErrorAlert title="Could not ask the guest" error={q.error} />
      ) : g ? (
        <Stack gap="sm">
          <Addresses g={g} />
          {g.agent.message && (
            <Alert color="yellow" icon={<IconInfoCircle size={18} />} data-testid="guest-agent-explained">
              <Text size="sm">{g.agent.message}</Text>
              {g.agent.hint && (
                <Text size="sm" mt={4} data-testid="guest-agent-hint">
                  {g.agent.hint}
                </Text>
              )}
            </Alert>
          )}
          {(g.agent.state === 'no-channel' || add.data || add.error) && <AddChannel add={add} offer={g.agent.state === 'no-channel'} />}
          {g.agent.state === 'answering' && (
            <Text size="xs" c="dimmed" data-testid="guest-power-note">
              Shut down and Reboot go through the guest agent.
            </Text>
          )}
          <Facts g={g} />
          <FileSystems g={g} />
        </Stack>
      ) : null}
    </Card>
  );
}
