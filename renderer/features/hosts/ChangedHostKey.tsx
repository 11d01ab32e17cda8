/**
 * A host refused for a changed key: both fingerprints and the file side by side, and "Forget the
 * old key" behind a confirmation that says what happens (the old keys leave Vireo's known_hosts,
 * Vireo connects again and asks to trust the new key, whose fingerprint is shown here to compare).
 */
import { Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconKeyOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError, HostInfo } from '../../../shared/api';
import { call } from '../../api';
import { notifyError } from '../../components/notify';
import { keys } from '../../queries/keys';

type HostKeyFacts = NonNullable<ApiError['hostKey']>;

const fingerprint = (typed: string) => typed.split(' ').pop() ?? typed;

export function ChangedHostKey({ host, facts }: { host: HostInfo; facts: HostKeyFacts }) {
  const [asking, setAsking] = useState(false);
  const qc = useQueryClient();
  const forget = useMutation({
    mutationFn: () => call('hosts.forgetHostKey', { hostId: host.id, fingerprints: facts.expected.map(fingerprint) }),
    // The confirmation closes at once: the trust prompt for the new key comes next.
    onError: (e) => notifyError(`Could not forget the old key of ${host.spec.name}`, e),
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.hosts() }),
  });
  const where = facts.port === 22 ? facts.host : `[${facts.host}]:${facts.port}`;
  return (
    <Stack gap="xs" data-testid="host-key-changed">
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Td c="dimmed">On file ({facts.file})</Table.Td>
            <Table.Td data-testid="host-key-old">
              {facts.expected.map((e) => (
                <Code key={e} block={false} mr={6}>
                  {e}
                </Code>
              ))}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">Presented by {where} now</Table.Td>
            <Table.Td data-testid="host-key-new">
              <Code>{facts.presented}</Code>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="light"
          color="orange"
          leftSection={<IconKeyOff size={14} />}
          loading={forget.isPending}
          onClick={() => setAsking(true)}
          data-testid="host-key-forget"
        >
          Forget the old key…
        </Button>
      </Group>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={`Forget the old key of ${where}?`}
        size="lg"
        data-testid="host-key-forget-modal"
      >
        <Stack gap="sm">
          <Text size="sm">
            Do this only when you know {where} was reinstalled or its keys were replaced (ask its administrator). A changed key can also
            mean someone is intercepting the connection.
          </Text>
          <Text size="sm">
            Vireo removes {facts.expected.map(fingerprint).join(', ')} for {where} from {facts.file} and connects again. It will then ask
            you to trust the key the host presents: it should be <Code>{fingerprint(facts.presented)}</Code>.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button
              color="orange"
              loading={forget.isPending}
              onClick={() => {
                setAsking(false);
                forget.mutate();
              }}
              data-testid="host-key-forget-confirm"
            >
              Forget and connect
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
