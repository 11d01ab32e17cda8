/**
 * Defines a pool: a directory of the host (dir), or an LVM volume group (logical) — an existing
 * one, or one that Build creates on the given block devices. Built and started from the list.
 */
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DefinePoolSpec } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { issuesByField } from '../../lib/formErrors';
import { usePoolTypes, useStorageWrite } from '../../queries/storage';

const LABELS = { name: 'Name', targetPath: 'Directory', sourceName: 'Volume group', devices: 'Devices' } as const;
const fieldOf = (p: string) => {
  const f = p.split('.')[0] ?? '';
  return f in LABELS ? f : undefined;
};

type PoolType = 'dir' | 'logical';
const HINT: Record<PoolType, string> = {
  dir: 'Its volumes are files in a directory of the host. Build creates the directory.',
  logical:
    'Its volumes are logical volumes of an LVM volume group. Name an existing group and no devices, or a new group and the block devices Build puts it on (their data is lost).',
};

export function DefinePoolModal({
  hostId,
  opened,
  onClose,
  onDefined,
}: {
  hostId: string;
  opened: boolean;
  onClose: () => void;
  onDefined: (name: string) => void;
}) {
  const [type, setType] = useState<PoolType>('dir');
  const [name, setName] = useState('');
  const [targetPath, setTargetPath] = useState('');
  const [sourceName, setSourceName] = useState('');
  const [devices, setDevices] = useState('');
  const [tried, setTried] = useState(false);
  const define = useStorageWrite('storage.definePool', hostId);
  const types = usePoolTypes(hostId, opened);
  const supported = (t: PoolType) => !types.data || types.data.includes(t);
  const others = (types.data ?? []).filter((t) => t !== 'dir' && t !== 'logical');
  const input =
    type === 'dir'
      ? ({ type, name, targetPath } as const)
      : ({
          type,
          name,
          sourceName,
          devices: devices
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
        } as const);
  const check = DefinePoolSpec.safeParse({ hostId, ...input });
  const errors = check.success ? {} : issuesByField(check.error.issues, fieldOf, LABELS);
  const shown: Record<string, string> = tried ? errors : {};
  const close = () => {
    define.reset();
    setTried(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Define a storage pool" data-testid="storage-pool-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!check.success) {
            setTried(true);
            return;
          }
          define.mutate(input, {
            onSuccess: () => {
              setName('');
              setTargetPath('');
              setSourceName('');
              setDevices('');
              setTried(false);
              onDefined(name);
            },
          });
        }}
      >
        <Stack>
          <SegmentedControl
            value={type}
            onChange={(v) => setType(v as PoolType)}
            data={[
              { value: 'dir', label: <span data-testid="storage-pool-type-dir">Directory</span>, disabled: !supported('dir') },
              {
                value: 'logical',
                label: <span data-testid="storage-pool-type-logical">LVM volume group</span>,
                disabled: !supported('logical'),
              },
            ]}
          />
          {others.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="storage-pool-types-other">
              This host’s libvirt also supports {others.join(', ')} pools: define those with virsh pool-define for now.
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {HINT[type]} The pool is defined inactive: build it, then start it.
          </Text>
          <TextInput
            label={LABELS.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={shown.name}
            data-testid="storage-pool-name-input"
            data-autofocus
          />
          {type === 'dir' ? (
            <TextInput
              label={LABELS.targetPath}
              description="An absolute path on the host, e.g. /data/store"
              value={targetPath}
              onChange={(e) => setTargetPath(e.currentTarget.value)}
              error={shown.targetPath}
              data-testid="storage-pool-path-input"
            />
          ) : (
            <>
              <TextInput
                label={LABELS.sourceName}
                description="Its volumes appear under /dev/<group>"
                value={sourceName}
                onChange={(e) => setSourceName(e.currentTarget.value)}
                error={shown.sourceName}
                data-testid="storage-pool-vg-input"
              />
              <Textarea
                label={LABELS.devices}
                description="One block device per line, e.g. /dev/sdb (none for an existing group)"
                autosize
                minRows={2}
                value={devices}
                onChange={(e) => setDevices(e.currentTarget.value)}
                error={shown.devices}
                data-testid="storage-pool-devices-input"
              />
            </>
          )}
          {tried && <FormSummary errors={errors} labels={LABELS} />}
          <ErrorAlert title="Could not define the pool" error={define.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={define.isPending} data-testid="storage-pool-submit">
              Define
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
