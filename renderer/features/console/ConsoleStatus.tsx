/**
 * What a console tab says when it is not simply connected: connecting, waiting for the VM (and
 * why), held by another client (take over), no device (add one), disconnected, or libvirt's error
 * with what to try. Shared by the serial console and the VNC display.
 */
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconHandGrab, IconInfoCircle, IconPlugConnected, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { ConsoleInfo } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ConsoleSession } from './useConsoleSession';

export function ConsoleStatus({ session, what, hostName }: { session: ConsoleSession; what: string; hostName: string }) {
  const { info, openError, busy, actionError } = session;
  const [added, setAdded] = useState<{ running: boolean } | null>(null);

  if (openError) {
    return (
      <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="console-status" data-status="open-failed">
        <ErrorAlert title={`Could not open the ${what}`} error={openError} />
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={session.retryOpen} data-testid="console-retry">
          Try again
        </Button>
      </Group>
    );
  }
  const st: ConsoleInfo['state'] | undefined = info?.state;
  const body = (() => {
    if (!st || st.status === 'connecting') {
      return (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">
            Connecting to the {what}
            {hostName ? ` on ${hostName}` : ''}…
          </Text>
        </Group>
      );
    }
    switch (st.status) {
      case 'open':
      case 'closed':
        return null;
      case 'waiting':
        return (
          <Alert
            color="blue"
            icon={<Loader size={16} />}
            title={st.reason === 'host' ? 'Waiting for the host' : 'Waiting for the VM'}
            p="xs"
          >
            <Text size="sm">{st.message}</Text>
          </Alert>
        );
      case 'busy':
        return (
          <Alert
            color="orange"
            icon={<IconHandGrab size={18} />}
            title={st.takenOver ? 'Taken over by another client' : 'In use by another client'}
            p="xs"
          >
            <Text size="sm">{st.message}</Text>
            <Group gap="sm" mt={6}>
              <Button size="xs" color="orange" loading={busy === 'force'} onClick={session.force} data-testid="console-force">
                {st.takenOver ? 'Take it back' : 'Take over'}
              </Button>
              <Text size="xs" c="dimmed">
                {st.hint}
              </Text>
            </Group>
          </Alert>
        );
      case 'no-device':
        return (
          <Alert color="yellow" icon={<IconInfoCircle size={18} />} title={st.message} p="xs" data-testid="console-no-device">
            <Text size="sm">{st.hint}</Text>
            {st.canAdd && !added && (
              <Button
                size="xs"
                mt={6}
                leftSection={<IconPlus size={14} />}
                loading={busy === 'add-serial'}
                onClick={() => void session.addSerial().then((r) => r && setAdded(r))}
                data-testid="console-add-serial"
              >
                Add a serial port
              </Button>
            )}
            {added && (
              <Text size="sm" mt={6} fw={500} data-testid="console-serial-added">
                Added to the definition.{' '}
                {added.running
                  ? 'It takes effect at the next boot: shut the VM down and start it again (a reboot from inside keeps the old devices). This tab connects by itself then.'
                  : 'Start the VM: this tab connects by itself.'}{' '}
                Linux guests also need console=ttyS0 on the kernel command line.
              </Text>
            )}
          </Alert>
        );
      case 'disconnected':
        return (
          <Alert color="gray" icon={<IconPlugConnected size={18} />} title="Disconnected" p="xs">
            <Group gap="sm">
              <Text size="sm">{st.message}</Text>
              <Button
                size="xs"
                variant="default"
                loading={busy === 'reconnect'}
                onClick={session.reconnect}
                data-testid="console-reconnect"
              >
                Reconnect
              </Button>
            </Group>
          </Alert>
        );
      case 'failed':
        return (
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <ErrorAlert title={`The ${what} failed`} error={st.error} />
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              loading={busy === 'reconnect'}
              onClick={session.reconnect}
              data-testid="console-retry"
            >
              Try again
            </Button>
          </Group>
        );
    }
  })();
  if (!body && !actionError) return null;
  return (
    <div data-testid="console-status" data-status={st?.status ?? 'connecting'}>
      {body}
      {actionError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="That did not work" p="xs" mt={4} role="alert">
          <Text size="sm">{actionError.message}</Text>
          {actionError.hint && <Text size="sm">{actionError.hint}</Text>}
        </Alert>
      )}
    </div>
  );
}
