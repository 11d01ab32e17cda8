import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useUi } from '../../store/ui';
import { useSendAction } from './useDomainActions';

/** Force off is pulling the power cord: ask first. */
export function ForceOffDialog() {
  const target = useUi((s) => s.confirmDestroy);
  const close = () => useUi.getState().setConfirmDestroy(null);
  const send = useSendAction();
  return (
    <Modal opened={!!target} onClose={close} title="Force off?" data-testid="forceoff-dialog">
      {target && (
        <Stack>
          <Text size="sm">
            Force off <b>{target.name}</b> at once, like pulling the power cord? The guest gets no chance to shut down; unsaved data in it
            is lost.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              data-testid="forceoff-confirm"
              onClick={() => {
                close();
                void send(target, 'destroy');
              }}
            >
              Force off
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
