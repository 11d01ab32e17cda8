import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDeviceDesktop, IconServer2 } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppInfo } from '../../queries';
import { useAddHost } from '../../queries/mutations';
import { useUi } from '../../store/ui';

/** First run: no saved hosts yet. Offer what this machine actually has. */
export function EmptyState() {
  const info = useAppInfo();
  const setAddHostOpen = useUi((s) => s.setAddHostOpen);
  const addLocal = useAddHost();

  return (
    <Stack align="center" justify="center" mih="70vh" gap="lg" data-testid="empty-state">
      <Title order={2}>Add your first host</Title>
      <Text c="dimmed" maw={520} ta="center">
        Manage KVM/libvirt hosts over one SSH session each: live state, migrations you can steer, consoles that just work. Start by adding a
        host.
      </Text>
      <Group align="stretch">
        <Card withBorder w={220} padding="lg">
          <Stack gap="sm" align="center">
            <ThemeIcon size={44} variant="light">
              <IconServer2 />
            </ThemeIcon>
            <Text fw={600}>Add a host</Text>
            <Text size="sm" c="dimmed" ta="center">
              Any machine running libvirtd you can reach over SSH.
            </Text>
            <Button onClick={() => setAddHostOpen(true)} data-testid="empty-add-host">
              Add a host
            </Button>
          </Stack>
        </Card>
        {info.data?.localLibvirt && (
          <Card withBorder w={220} padding="lg">
            <Stack gap="sm" align="center">
              <ThemeIcon size={44} variant="light" color="blue">
                <IconDeviceDesktop />
              </ThemeIcon>
              <Text fw={600}>This computer</Text>
              <Text size="sm" c="dimmed" ta="center">
                A libvirtd socket was found on this machine.
              </Text>
              <Button
                variant="light"
                loading={addLocal.isPending}
                onClick={() =>
                  addLocal.mutate({ spec: { name: 'This computer', transport: 'local', uri: 'qemu:///system' }, connect: true })
                }
                data-testid="connect-local"
              >
                Connect
              </Button>
            </Stack>
          </Card>
        )}
      </Group>
      <ErrorAlert title="Could not connect to this computer" error={addLocal.error} />
    </Stack>
  );
}
