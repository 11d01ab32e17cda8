import { Button, Code, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Prompt } from '../../../shared/api';
import { api, call } from '../../api';
import { notifyError } from '../../components/notify';

/** Questions the backend asks while connecting: an unknown host key, a password. */
export function PromptDialog() {
  const [queue, setQueue] = useState<Prompt[]>([]);
  const [secret, setSecret] = useState('');
  useEffect(() => api.subscribe('prompt', (p) => setQueue((q) => [...q, p])), []);
  const current = queue[0];

  const answer = (accept: boolean) => {
    if (!current) return;
    setQueue((q) => q.slice(1));
    const s = secret;
    setSecret('');
    call('prompts.answer', { id: current.id, accept, ...(current.kind === 'password' && accept ? { secret: s } : {}) }).catch((err) =>
      notifyError('Could not answer the prompt', err),
    );
  };

  return (
    <Modal
      opened={!!current}
      onClose={() => answer(false)}
      title={current?.kind === 'host-key' ? 'Unknown host key' : 'Password required'}
      data-testid="prompt-dialog"
    >
      {current?.kind === 'host-key' && (
        <Stack>
          <Text size="sm">
            The authenticity of host <b>{current.host}</b> (port {current.port}) can't be established. Check its {current.keyType} key
            fingerprint before trusting it:
          </Text>
          <Code block data-testid="prompt-fingerprint">
            {current.fingerprint}
          </Code>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answer(false)}>
              Reject
            </Button>
            <Button onClick={() => answer(true)} data-testid="prompt-trust">
              Trust and connect
            </Button>
          </Group>
        </Stack>
      )}
      {current?.kind === 'password' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer(true);
          }}
        >
          <Stack>
            <Text size="sm">{current.message}</Text>
            <PasswordInput
              label={`Password for ${current.user}@${current.host}`}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => answer(false)}>
                Cancel
              </Button>
              <Button type="submit">Log in</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
