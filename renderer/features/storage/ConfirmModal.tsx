/** Asks before a destructive storage action (delete a pool's storage, undefine it, delete a volume). */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';

export interface ConfirmAsk {
  title: string;
  body: string;
  verb: string;
  run: () => void;
}

export function ConfirmModal({ ask, onClose }: { ask: ConfirmAsk | null; onClose: () => void }) {
  return (
    <Modal opened={!!ask} onClose={onClose} title={ask?.title} data-testid="storage-confirm">
      <Stack>
        <Text size="sm" data-testid="storage-confirm-body">
          {ask?.body}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            data-autofocus
            onClick={() => {
              ask?.run();
              onClose();
            }}
            data-testid="storage-confirm-ok"
          >
            {ask?.verb}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
