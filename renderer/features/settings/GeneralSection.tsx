/** General: title, description, autostart, and rename (libvirt renames only a shut-off VM). */
import { Alert, Button, Card, Group, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCheck, IconMoon } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ObjectName } from '../../../shared/api/common';
import { GeneralInput, type VmSettings } from '../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettingsWrite } from '../../queries/settings';
import { appliedWords } from './words';

export function GeneralSection({ s }: { s: VmSettings }) {
  const general = useSettingsWrite('settings.setGeneral', s.hostId, s.uuid);
  const autostart = useSettingsWrite('settings.setAutostart', s.hostId, s.uuid);
  const rename = useSettingsWrite('settings.rename', s.hostId, s.uuid);
  const discard = useSettingsWrite('settings.removeManagedSave', s.hostId, s.uuid);
  const [title, setTitle] = useState(s.title);
  const [description, setDescription] = useState(s.description);
  const [name, setName] = useState(s.name);
  useEffect(() => setTitle(s.title), [s.title]);
  useEffect(() => setDescription(s.description), [s.description]);
  useEffect(() => setName(s.name), [s.name]);

  const check = GeneralInput.shape.title.safeParse(title);
  const checkDesc = GeneralInput.shape.description.safeParse(description);
  const checkName = ObjectName.safeParse(name);
  const changed = title !== s.title || description !== s.description;

  return (
    <Card withBorder data-testid="settings-general">
      <Stack gap="xs">
        <Title order={5}>General</Title>
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={check.success ? undefined : `Title: ${check.error.issues[0]?.message}`}
          data-testid="settings-title"
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={checkDesc.success ? undefined : `Description: ${checkDesc.error.issues[0]?.message}`}
          data-testid="settings-description"
        />
        <Group>
          <Button
            size="xs"
            disabled={!changed || !check.success || !checkDesc.success}
            loading={general.isPending}
            onClick={() => general.mutate({ title, description })}
            data-testid="settings-general-apply"
          >
            Apply title and description
          </Button>
        </Group>
        <ErrorAlert title="Title and description not changed" error={general.error} />
        {general.data && !general.error && (
          <Alert color="teal" icon={<IconCheck size={16} />} p="xs" data-testid="settings-general-applied">
            {appliedWords(general.data)}; libvirt reads back the title “{general.data.settings.title}”.
          </Alert>
        )}
        <Switch
          label="Start this VM when the host boots (autostart)"
          checked={s.autostart}
          disabled={!s.persistent || autostart.isPending}
          onChange={(e) => autostart.mutate({ autostart: e.currentTarget.checked })}
          data-testid="settings-autostart"
        />
        <ErrorAlert title="Autostart not changed" error={autostart.error} />
        {s.managedSave && (
          <Alert color="indigo" icon={<IconMoon size={16} />} p="xs" title="Hibernated" data-testid="settings-managedsave">
            <Stack gap={6}>
              <Text size="sm">libvirt keeps this VM's memory in a managed-save image: Start restores it where it stopped.</Text>
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  loading={discard.isPending}
                  onClick={() => discard.mutate({})}
                  data-testid="settings-managedsave-remove"
                >
                  Discard the saved state (the next start boots afresh)
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <ErrorAlert title="The saved state was kept" error={discard.error} />
        {discard.data && !discard.error && !discard.data.settings.managedSave && (
          <Text size="sm" c="teal" data-testid="settings-managedsave-removed">
            The saved state is discarded: the next start boots afresh.
          </Text>
        )}
        <Group align="flex-end">
          <TextInput
            label="Name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            disabled={s.running}
            error={checkName.success ? undefined : `Name: ${checkName.error.issues[0]?.message}`}
            description={s.running ? 'Shut the VM down to rename it (libvirt renames only a shut-off VM).' : undefined}
            data-testid="settings-name"
            style={{ flex: 1 }}
          />
          <Button
            size="xs"
            disabled={s.running || name === s.name || !checkName.success}
            loading={rename.isPending}
            onClick={() => rename.mutate({ name })}
            data-testid="settings-rename"
          >
            Rename
          </Button>
        </Group>
        <ErrorAlert title="Not renamed" error={rename.error} />
      </Stack>
    </Card>
  );
}
