import { Button, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HostAuth } from '../../../shared/api';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { keys } from '../../queries';
import { useUi } from '../../store/ui';

type AuthKind = HostAuth['kind'];

export function AddHostModal() {
  const { addHostOpen, setAddHostOpen } = useUi();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('root');
  const [port, setPort] = useState<number>(22);
  const [authKind, setAuthKind] = useState<AuthKind>('agent');
  const [keyPath, setKeyPath] = useState('');
  const [password, setPassword] = useState('');

  const add = useMutation({
    mutationFn: () => {
      const auth: HostAuth =
        authKind === 'key' ? { kind: 'key', path: keyPath } : authKind === 'password' ? { kind: 'password', password } : { kind: 'agent' };
      return call('hosts.add', {
        spec: { name: name || address, transport: 'ssh', address, user, port, auth, uri: 'qemu:///system' },
        connect: true,
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.hosts });
      setAddHostOpen(false);
      setPassword('');
    },
  });

  return (
    <Modal opened={addHostOpen} onClose={() => setAddHostOpen(false)} title="Add a host" size="md" data-testid="add-host-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack>
          <TextInput label="Address" placeholder="host.example.org or 10.0.0.5" required value={address} onChange={(e) => setAddress(e.currentTarget.value)} data-autofocus name="address" />
          <Group grow>
            <TextInput label="User" value={user} onChange={(e) => setUser(e.currentTarget.value)} name="user" />
            <NumberInput label="Port" min={1} max={65535} value={port} onChange={(v) => setPort(typeof v === 'number' ? v : 22)} name="port" />
          </Group>
          <TextInput label="Display name" placeholder="defaults to the address" value={name} onChange={(e) => setName(e.currentTarget.value)} name="name" />
          <SegmentedControl
            value={authKind}
            onChange={(v) => setAuthKind(v as AuthKind)}
            data={[
              { value: 'agent', label: 'SSH agent' },
              { value: 'key', label: 'Key file' },
              { value: 'password', label: 'Password' },
            ]}
          />
          {authKind === 'key' && <TextInput label="Private key file" placeholder="~/.ssh/id_ed25519" required value={keyPath} onChange={(e) => setKeyPath(e.currentTarget.value)} name="keyPath" />}
          {authKind === 'password' && (
            <PasswordInput label="Password" description="Kept in memory in web mode; encrypted by the OS keychain in the desktop app." value={password} onChange={(e) => setPassword(e.currentTarget.value)} name="password" />
          )}
          <ErrorAlert title="Could not add the host" error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAddHostOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="add-host-submit">
              Add and connect
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
