/** Add a host, or edit a saved one: address, user, port, and how to authenticate. */
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { type HostAuth, type HostInfo, HostSpec, LibvirtUri } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { issuesByField } from '../../lib/formErrors';
import { useAppInfo, useHosts } from '../../queries';
import { useAddHost, useUpdateHost } from '../../queries/mutations';
import { type HostForm, useUi } from '../../store/ui';

type AuthKind = HostAuth['kind'];

/** What virt-manager's "Add connection" offers as hypervisors, as the URI each one means on the host. */
const HYPERVISORS = [
  { value: 'qemu:///system', label: 'QEMU/KVM' },
  { value: 'qemu:///session', label: 'QEMU/KVM user session' },
  { value: 'lxc:///system', label: 'LXC (Linux containers)' },
  { value: 'xen:///system', label: 'Xen' },
  { value: 'ch:///system', label: 'Cloud Hypervisor' },
  { value: 'test:///default', label: "libvirt's test driver" },
] as const;
const CUSTOM = 'custom';
const hypervisorOf = (uri: string): string => HYPERVISORS.find((h) => h.value === uri)?.value ?? CUSTOM;
/** The URI field's problem in words, or null (shown while typing: the one field people type free-form). */
const uriProblem = (uri: string): string | null => {
  const r = LibvirtUri.safeParse(uri);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Not a libvirt URI');
};

/** The form's fields by the schema path each one fills, and their names in the dialog (in the dialog's order). */
const FIELD_OF: Record<string, string> = {
  address: 'address',
  name: 'name',
  user: 'user',
  port: 'port',
  jump: 'jump',
  'auth.path': 'keyPath',
  'auth.password': 'password',
  uri: 'uri',
};
const LABELS: Record<string, string> = {
  address: 'Address',
  user: 'User',
  port: 'Port',
  jump: 'Jump host',
  name: 'Display name',
  keyPath: 'Private key file',
  password: 'Password',
  uri: 'libvirt URI',
};

interface Draft {
  name: string;
  address: string;
  user: string;
  port: number;
  authKind: AuthKind;
  keyPath: string;
  password: string;
  jump: string;
  autoconnect: boolean;
  uri: string;
}

const BLANK: Draft = {
  name: '',
  address: '',
  user: 'root',
  port: 22,
  authKind: 'agent',
  keyPath: '',
  password: '',
  jump: '',
  autoconnect: true,
  uri: 'qemu:///system',
};

function draftOf(h: HostInfo): Draft {
  return {
    name: h.spec.name,
    address: h.spec.address ?? '',
    user: h.spec.user ?? 'root',
    port: h.spec.port ?? 22,
    authKind: h.spec.auth?.kind ?? 'agent',
    keyPath: '',
    password: '',
    jump: h.spec.jump ?? '',
    autoconnect: h.spec.autoconnect ?? false,
    uri: h.spec.uri,
  };
}

function Form({ form, host, onClose }: { form: HostForm; host: HostInfo | undefined; onClose(): void }) {
  const editing = form.mode === 'edit';
  const [d, setD] = useState<Draft>(host ? draftOf(host) : BLANK);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const add = useAddHost();
  const update = useUpdateHost();
  const mutation = editing ? update : add;
  const local = host?.spec.transport === 'local';
  const authWas = host?.spec.auth?.kind;
  const secrets = useAppInfo().data?.secrets;
  /** A password kept only until the app quits (no OS keychain, web mode): say so once it is in use. */
  const done = (saved: HostInfo) => {
    if (d.password && saved.password === 'session')
      notifications.show({
        color: 'orange',
        title: `${saved.spec.name}: password not saved`,
        message: `${secrets?.why ?? 'There is no safe place to save it.'} You will be asked for it again after Vireo restarts.`,
        autoClose: 15_000,
      });
    onClose();
  };

  const authOf = (): HostAuth | undefined => {
    if (d.authKind === 'key') return d.keyPath ? { kind: 'key', path: d.keyPath } : undefined;
    if (d.authKind === 'password')
      return d.password ? { kind: 'password', password: d.password } : editing && authWas === 'password' ? undefined : { kind: 'password' };
    return { kind: 'agent' };
  };

  const badUri = uriProblem(d.uri);
  // Every value checked by the rules the backend applies, all at once, each at its field.
  const [tried, setTried] = useState(false);
  // A key file left empty is checked as the empty path it is (unless an edit keeps the saved one).
  const auth0 = d.authKind === 'key' && !d.keyPath && !(editing && authWas === 'key') ? { kind: 'key' as const, path: '' } : authOf();
  const check = HostSpec.safeParse({
    name: d.name || d.address,
    transport: local ? 'local' : 'ssh',
    ...(local ? {} : { address: d.address, user: d.user, port: d.port }),
    ...(!local && d.jump.trim() ? { jump: d.jump.trim() } : {}),
    ...(!local && auth0 ? { auth: auth0 } : {}),
    uri: d.uri,
  });
  const errors = check.success ? {} : issuesByField(check.error.issues, (p) => FIELD_OF[p], LABELS);
  const shown: Record<string, string> = tried ? errors : badUri ? { uri: badUri } : {};
  const submit = () => {
    if (!check.success) {
      setTried(true);
      return;
    }
    const auth = authOf();
    if (editing && host) {
      update.mutate(
        {
          hostId: host.id,
          name: d.name || d.address,
          autoconnect: d.autoconnect,
          ...(d.uri !== host.spec.uri ? { uri: d.uri } : {}),
          ...(local ? {} : { address: d.address, user: d.user, port: d.port, jump: d.jump.trim() }),
          ...(!local && auth && !(auth.kind === 'agent' && authWas === 'agent') ? { auth } : {}),
        },
        { onSuccess: done },
      );
    } else {
      add.mutate(
        {
          spec: {
            name: d.name || d.address,
            transport: 'ssh',
            address: d.address,
            user: d.user,
            port: d.port,
            ...(d.jump.trim() ? { jump: d.jump.trim() } : {}),
            ...(auth ? { auth } : {}),
            autoconnect: d.autoconnect,
            uri: d.uri,
          },
          connect: true,
        },
        { onSuccess: done },
      );
    }
  };

  return (
    <form
      // The browser's own check stops at the first empty field; ours names them all.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {!local && (
          <>
            <TextInput
              label="Address"
              placeholder="host.example.org or 10.0.0.5"
              required
              value={d.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              data-autofocus
              name="address"
              error={shown.address}
            />
            <Group grow>
              <TextInput label="User" value={d.user} onChange={(e) => set('user', e.currentTarget.value)} name="user" error={shown.user} />
              <NumberInput
                label="Port"
                min={1}
                max={65535}
                value={d.port}
                onChange={(v) => set('port', typeof v === 'number' ? v : 22)}
                name="port"
                error={shown.port}
              />
            </Group>
            <TextInput
              label="Jump host"
              placeholder="optional: admin@bastion.example.org:22"
              description="Reach the host through this SSH host (like ssh -J). Empty: as ~/.ssh/config says."
              value={d.jump}
              onChange={(e) => set('jump', e.currentTarget.value)}
              name="jump"
              error={shown.jump}
            />
          </>
        )}
        <TextInput
          label="Display name"
          placeholder="defaults to the address"
          value={d.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          name="name"
          error={shown.name}
        />
        {!local && (
          <>
            <SegmentedControl
              value={d.authKind}
              onChange={(v) => set('authKind', v as AuthKind)}
              aria-label="Authentication"
              data={[
                { value: 'agent', label: 'SSH agent' },
                { value: 'key', label: 'Key file' },
                { value: 'password', label: 'Password' },
              ]}
            />
            {d.authKind === 'agent' && (
              <Text size="xs" c="dimmed">
                Uses the keys of your running ssh-agent (SSH_AUTH_SOCK).
              </Text>
            )}
            {d.authKind === 'key' && (
              <TextInput
                label="Private key file"
                placeholder="~/.ssh/id_ed25519"
                required={!editing || authWas !== 'key'}
                description={editing && authWas === 'key' ? 'Leave empty to keep the saved key file.' : undefined}
                value={d.keyPath}
                onChange={(e) => set('keyPath', e.currentTarget.value)}
                name="keyPath"
                error={shown.keyPath}
              />
            )}
            {d.authKind === 'password' && (
              <PasswordInput
                label="Password"
                description={
                  editing && authWas === 'password'
                    ? 'Leave empty to keep the saved password.'
                    : secrets?.where === 'session'
                      ? `Empty: asked on each connect. Not saved: ${secrets.why ?? 'kept in memory until Vireo quits.'}`
                      : 'Empty: asked on each connect. Saved encrypted by the OS keychain.'
                }
                value={d.password}
                onChange={(e) => set('password', e.currentTarget.value)}
                name="password"
                error={shown.password}
              />
            )}
          </>
        )}
        <Group grow align="flex-start">
          <Select
            label="Hypervisor"
            data={[...HYPERVISORS, { value: CUSTOM, label: 'Other (type the URI)' }]}
            value={hypervisorOf(d.uri)}
            onChange={(v) => v && v !== CUSTOM && set('uri', v)}
            allowDeselect={false}
            name="hypervisor"
            data-testid="host-hypervisor"
          />
          <TextInput
            label="libvirt URI on the host"
            description="As virsh -c takes it on the host: qemu:///system, test:///path/node.xml, qemu:///system?socket=/path"
            value={d.uri}
            onChange={(e) => set('uri', e.currentTarget.value.trim())}
            error={shown.uri}
            name="uri"
            data-testid="host-uri"
          />
        </Group>
        <Checkbox
          label="Connect when Vireo starts"
          checked={d.autoconnect}
          onChange={(e) => set('autoconnect', e.currentTarget.checked)}
          name="autoconnect"
        />
        {tried && <FormSummary errors={errors} labels={LABELS} />}
        <ErrorAlert title={editing ? 'Could not save the host' : 'Could not add the host'} error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="add-host-submit">
            {editing ? 'Save' : 'Add and connect'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function HostFormModal() {
  const form = useUi((s) => s.hostForm);
  const setHostForm = useUi((s) => s.setHostForm);
  const hosts = useHosts();
  const host = form?.mode === 'edit' ? hosts.data?.find((h) => h.id === form.hostId) : undefined;
  // A new form each time the dialog opens (no stale password or error from the last one).
  const [session, setSession] = useState(0);
  useEffect(() => {
    if (form) setSession((n) => n + 1);
  }, [form]);
  const close = () => setHostForm(null);
  return (
    <Modal
      opened={!!form}
      onClose={close}
      title={form?.mode === 'edit' ? `Edit ${host?.spec.name ?? 'host'}` : 'Add a host'}
      size="md"
      data-testid={form?.mode === 'edit' ? 'edit-host-modal' : 'add-host-modal'}
    >
      {form && <Form key={session} form={form} host={host} onClose={close} />}
    </Modal>
  );
}
