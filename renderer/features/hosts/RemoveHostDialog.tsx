import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useHosts } from '../../queries';
import { useHostVerb } from '../../queries/mutations';
import { useUi } from '../../store/ui';

function Confirm({ hostId, name, onClose }: { hostId: string; name: string; onClose(): void }) {
  const verb = useHostVerb(hostId);
  return (
    <Stack>
      <Text size="sm">
        Remove <b>{name}</b> from Vireo? Its connection closes and its saved settings and password are forgotten. Nothing changes on the
        host: its VMs keep running.
      </Text>
      <ErrorAlert title="Could not remove the host" error={verb.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          Cancel
        </Button>
        <Button
          color="red"
          loading={verb.isPending}
          data-testid="remove-host-confirm"
          onClick={() =>
            verb.mutate('remove', {
              onSuccess: () => {
                const ui = useUi.getState();
                if (ui.selection.kind !== 'all' && ui.selection.hostId === hostId) ui.select({ kind: 'all' });
                onClose();
              },
            })
          }
        >
          Remove host
        </Button>
      </Group>
    </Stack>
  );
}

export function RemoveHostDialog() {
  const hostId = useUi((s) => s.removeHostId);
  const close = () => useUi.getState().setRemoveHostId(null);
  const hosts = useHosts();
  const host = hosts.data?.find((h) => h.id === hostId);
  return (
    <Modal opened={!!hostId} onClose={close} title="Remove host?" data-testid="remove-host-dialog">
      {hostId && <Confirm key={hostId} hostId={hostId} name={host?.spec.name ?? hostId} onClose={close} />}
    </Modal>
  );
}
