/** Emulated USB devices: tablet, keyboard, mouse, or a disk from a storage volume (existing or new). */
import { Group, Loader, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type EmulatedUsbKind, EmulatedUsbSpec } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../lib/format';
import { useHostDetails } from '../../queries';
import { ScopeControl } from '../qos/ScopeControl';
import { issuesByPath } from '../qos/units';
import { AttachFooter, UsbDialog, type UsbDialogProps } from './UsbDialog';
import { useUsbVolumes, useUsbWrite } from './useUsb';

const KINDS: { value: EmulatedUsbKind; label: string; hint: string }[] = [
  { value: 'tablet', label: 'Tablet', hint: 'An absolute pointer: the mouse follows the cursor in VNC without grabbing.' },
  { value: 'keyboard', label: 'Keyboard', hint: 'A USB keyboard (for guests without PS/2).' },
  { value: 'mouse', label: 'Mouse', hint: 'A relative USB mouse.' },
  { value: 'disk', label: 'Disk', hint: 'A USB mass-storage stick backed by a storage volume.' },
];

const suffix = () => Math.random().toString(16).slice(2, 6);

function DialogBody({ hostId, uuid, vm, scope, setScope, onClose }: UsbDialogProps) {
  const [kind, setKind] = useState<EmulatedUsbKind>('tablet');
  const [source, setSource] = useState<'new' | 'existing'>('new');
  const [pool, setPool] = useState<string | null>(null);
  const [newName, setNewName] = useState(
    () => `${vm.name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'vm'}-usb-${suffix()}.img`,
  );
  const [sizeMiB, setSizeMiB] = useState<number | string>(8);
  const [volume, setVolume] = useState<string | null>(null);
  const details = useHostDetails(hostId, kind === 'disk');
  const volumes = useUsbVolumes(hostId, kind === 'disk' && source === 'existing');
  const attach = useUsbWrite('usb.attachEmulated', hostId, uuid);

  const pools = (details.data?.pools ?? []).filter((p) => p.state === 'running');
  const chosenPool = pool ?? pools.find((p) => p.name === 'default')?.name ?? pools[0]?.name ?? null;
  const spec =
    kind !== 'disk'
      ? { kind }
      : source === 'new'
        ? { kind, pool: chosenPool ?? '', volume: newName, create: { sizeMiB: typeof sizeMiB === 'number' ? sizeMiB : Number.NaN } }
        : { kind, pool: chosenPool ?? '', volume: volume ?? '' };
  const check = EmulatedUsbSpec.safeParse(spec);
  const errors = check.success ? {} : issuesByPath(check.error.issues);
  const poolVolumes = (volumes.data ?? []).filter((v) => v.pool === chosenPool);

  return (
    <Stack>
      <ScopeControl value={scope} onChange={setScope} vm={vm} testId="usb-emu-scope" />
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as EmulatedUsbKind)}
        data={KINDS.map((k) => ({ value: k.value, label: <span data-testid={`usb-emu-kind-${k.value}`}>{k.label}</span> }))}
        data-testid="usb-emu-kind"
      />
      <Text size="sm" c="dimmed">
        {KINDS.find((k) => k.value === kind)?.hint}
      </Text>
      {kind === 'disk' && (
        <Stack gap="xs">
          {details.isLoading && <Loader size="sm" />}
          <ErrorAlert title="Could not read the host’s storage pools" error={details.error} />
          <Select
            label="Storage pool"
            data={pools.map((p) => ({ value: p.name, label: `${p.name}${p.path ? ` (${p.path})` : ''}` }))}
            value={chosenPool}
            onChange={setPool}
            allowDeselect={false}
            data-testid="usb-emu-pool"
          />
          <SegmentedControl
            size="xs"
            value={source}
            onChange={(v) => setSource(v as 'new' | 'existing')}
            data={[
              { value: 'new', label: <span data-testid="usb-emu-source-new">New blank volume</span> },
              { value: 'existing', label: <span data-testid="usb-emu-source-existing">Existing volume</span> },
            ]}
          />
          {source === 'new' ? (
            <Group grow align="flex-start">
              <TextInput
                label="Volume name"
                value={newName}
                onChange={(e) => setNewName(e.currentTarget.value)}
                error={errors.volume}
                data-testid="usb-emu-volume-name"
              />
              <NumberInput
                label="Size"
                value={sizeMiB}
                onChange={setSizeMiB}
                min={1}
                allowDecimal={false}
                clampBehavior="none"
                rightSection={<Text size="xs">MiB</Text>}
                error={errors['create.sizeMiB']}
                data-testid="usb-emu-size"
              />
            </Group>
          ) : (
            <>
              {volumes.isLoading && <Loader size="sm" />}
              <ErrorAlert title="Could not list volumes" error={volumes.error} />
              <Select
                label="Volume"
                placeholder={poolVolumes.length ? 'Pick a volume' : 'No volumes in this pool'}
                data={poolVolumes.map((v) => ({
                  value: v.name,
                  label: `${v.name} · ${formatBytes(v.capacity)}${v.format ? ` · ${v.format}` : ''}${v.usedBy.length ? ` — in use by ${v.usedBy.join(', ')}` : ''}`,
                  disabled: v.usedBy.length > 0,
                }))}
                value={volume}
                onChange={setVolume}
                searchable
                data-testid="usb-emu-volume"
              />
            </>
          )}
        </Stack>
      )}
      <AttachFooter
        vmName={vm.name}
        error={attach.error}
        onClose={onClose}
        onAttach={() => check.success && attach.mutate({ device: check.data, scope }, { onSuccess: onClose })}
        canAttach={check.success}
        pending={attach.isPending}
        testId="usb-emu-attach"
      />
    </Stack>
  );
}

export function EmulatedUsbDialog(props: UsbDialogProps & { opened: boolean }) {
  const { opened, ...rest } = props;
  return (
    <UsbDialog
      opened={opened}
      onClose={rest.onClose}
      title={`Add an emulated USB device to “${rest.vm.name}”`}
      size="lg"
      testId="usb-emulated"
    >
      <DialogBody {...rest} />
    </UsbDialog>
  );
}
