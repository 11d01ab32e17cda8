/**
 * Defines a pool: a directory of the host (dir); a file system on a block device (fs) or an
 * export of a file server (netfs), mounted on a directory when the pool starts; or an LVM volume
 * group (logical) — an existing one, or one that Build creates on the given block devices. Built
 * and started from the list.
 */
import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DefinePoolSpec, FsPoolFormat, NetfsPoolFormat } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { issuesByField } from '../../lib/formErrors';
import { usePoolTypes, useStorageWrite } from '../../queries/storage';

const LABELS = {
  name: 'Name',
  targetPath: 'Directory',
  sourceName: 'Volume group',
  devices: 'Devices',
  device: 'Block device',
  host: 'Server',
  sourcePath: 'Exported directory',
  format: 'Format',
} as const;
const fieldOf = (p: string) => {
  const f = p.split('.')[0] ?? '';
  return f in LABELS ? f : undefined;
};

type PoolType = 'dir' | 'fs' | 'netfs' | 'logical';
const TYPES: PoolType[] = ['dir', 'fs', 'netfs', 'logical'];
const TYPE_LABEL: Record<PoolType, string> = { dir: 'Directory', fs: 'File system', netfs: 'Network share', logical: 'LVM volume group' };
const HINT: Record<PoolType, string> = {
  dir: 'Its volumes are files in a directory of the host. Build creates the directory.',
  fs: 'Its volumes are files on a file system of a block device, mounted on the directory when the pool starts. Build formats the device when it holds no file system yet.',
  netfs:
    'Its volumes are files on a file server’s export (NFS, GlusterFS, CIFS), mounted on the directory when the pool starts. Build creates the directory.',
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
  const [device, setDevice] = useState('');
  const [host, setHost] = useState('');
  const [sourcePath, setSourcePath] = useState('');
  const [fsFormat, setFsFormat] = useState<string>('auto');
  const [netFormat, setNetFormat] = useState<string>('auto');
  const [tried, setTried] = useState(false);
  const define = useStorageWrite('storage.definePool', hostId);
  const types = usePoolTypes(hostId, opened);
  const supported = (t: PoolType) => !types.data || types.data.includes(t);
  const others = (types.data ?? []).filter((t) => !(TYPES as string[]).includes(t));
  const input =
    type === 'dir'
      ? ({ type, name, targetPath } as const)
      : type === 'fs'
        ? ({ type, name, device, format: fsFormat as FsPoolFormat, targetPath } as const)
        : type === 'netfs'
          ? ({ type, name, host, sourcePath, format: netFormat as NetfsPoolFormat, targetPath } as const)
          : ({
              type,
              name,
              sourceName,
              devices: devices
                .split('\n')
                .map((d) => d.trim())
                .filter(Boolean),
            } as const);
  const labels = { ...LABELS, targetPath: type === 'dir' ? LABELS.targetPath : 'Mount point' };
  const check = DefinePoolSpec.safeParse({ hostId, ...input });
  const errors = check.success ? {} : issuesByField(check.error.issues, fieldOf, labels);
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
              setDevice('');
              setHost('');
              setSourcePath('');
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
            data={TYPES.map((t) => ({
              value: t,
              label: <span data-testid={`storage-pool-type-${t}`}>{TYPE_LABEL[t]}</span>,
              disabled: !supported(t),
            }))}
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
          {type === 'fs' && (
            <>
              <TextInput
                label={LABELS.device}
                description="The block device holding the file system, e.g. /dev/sdb1"
                value={device}
                onChange={(e) => setDevice(e.currentTarget.value)}
                error={shown.device}
                data-testid="storage-pool-device-input"
              />
              <Select
                label={LABELS.format}
                data={FsPoolFormat.options}
                value={fsFormat}
                onChange={(v) => setFsFormat(v ?? 'auto')}
                allowDeselect={false}
                error={shown.format}
                data-testid="storage-pool-format-input"
              />
            </>
          )}
          {type === 'netfs' && (
            <>
              <TextInput
                label={LABELS.host}
                description="The file server’s name or address"
                value={host}
                onChange={(e) => setHost(e.currentTarget.value)}
                error={shown.host}
                data-testid="storage-pool-host-input"
              />
              <TextInput
                label={LABELS.sourcePath}
                description="The directory the server exports, e.g. /export/vms"
                value={sourcePath}
                onChange={(e) => setSourcePath(e.currentTarget.value)}
                error={shown.sourcePath}
                data-testid="storage-pool-source-input"
              />
              <Select
                label={LABELS.format}
                data={NetfsPoolFormat.options}
                value={netFormat}
                onChange={(v) => setNetFormat(v ?? 'auto')}
                allowDeselect={false}
                error={shown.format}
                data-testid="storage-pool-format-input"
              />
            </>
          )}
          {type !== 'logical' ? (
            <TextInput
              label={labels.targetPath}
              description={
                type === 'dir' ? 'An absolute path on the host, e.g. /data/store' : 'The directory it is mounted on, e.g. /mnt/vms'
              }
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
          {tried && <FormSummary errors={errors} labels={labels} />}
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
