import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useUi } from '../../store/ui';
import { useSendAction } from './useDomainActions';

/** Force off is pulling the power cord, reset is pressing the reset button: ask first. */
export function ForceOffDialog() {
  const target = useUi((s) => s.confirmDestroy);
  const close = () => useUi.getState().setConfirmDestroy(null);
  const send = useSendAction();
  const reset = target?.action === 'reset';
  return (
    <Modal
      opened={!!target}
      onClose={close}
      title={reset ? 'Reset?' : 'Force off?'}
      data-testid={reset ? 'reset-dialog' : 'forceoff-dialog'}
    >
      {target && (
        <Stack>
          <Text size="sm">
            {reset ? 'Reset' : 'Force off'} <b>{target.name}</b> at once, like{' '}
            {reset ? 'pressing its reset button' : 'pulling the power cord'}? The guest gets no chance to shut down; unsaved data in it is
            lost.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              data-testid={reset ? 'reset-confirm' : 'forceoff-confirm'}
              onClick={() => {
                close();
                void send({ hostId: target.hostId, uuid: target.uuid, name: target.name }, reset ? 'reset' : 'destroy');
              }}
            >
              {reset ? 'Reset' : 'Force off'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
