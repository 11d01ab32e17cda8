/** Install wizard, step 2: name, CPUs, memory, disk, network, firmware and TPM, consoles. */
import { Group, NativeSelect, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { InstallOptions } from '../../../shared/api';
import { type Choice, ChoiceSelect } from '../../components/ChoiceSelect';
import { type DiskKind, type InstallDraft, withFormat, withName } from './draft';
import { FirmwareFields } from './FirmwareFields';
import { usePoolVolumes } from './queries';
import { runningPools, volumeChoices } from './SourceStep';

interface StepProps {
  draft: InstallDraft;
  set: (d: InstallDraft) => void;
  options: InstallOptions;
  errors: Record<string, string>;
}

const VIRT_TYPES: Choice<InstallDraft['virtType']>[] = [
  { value: 'kvm', label: 'KVM (hardware)' },
  { value: 'qemu', label: 'QEMU software emulation' },
];
const DISK_UNITS: Choice<InstallDraft['diskUnit']>[] = [
  { value: 'MiB', label: 'MiB' },
  { value: 'GiB', label: 'GiB' },
];
const DISK_FORMATS: Choice<InstallDraft['diskFormat']>[] = [
  { value: 'qcow2', label: 'qcow2 (thin, snapshots)' },
  { value: 'raw', label: 'raw' },
];

/** The console and start switches under the resources. */
const SWITCHES: { key: 'graphics' | 'serial' | 'start'; label: string; testId: string }[] = [
  { key: 'graphics', label: 'VNC display on the host’s 127.0.0.1', testId: 'install-graphics' },
  { key: 'serial', label: 'Serial console (ttyS0)', testId: 'install-serial' },
  { key: 'start', label: 'Start after creating', testId: 'install-start' },
];

function nicChoices(o: InstallOptions) {
  return [
    ...(o.networks.length
      ? [
          {
            group: 'Virtual networks',
            items: o.networks.map((n) => ({
              value: `network:${n.name}`,
              label: `${n.name}${n.forward ? ` (${n.forward})` : ''}${n.active ? '' : ' — not running'}`,
            })),
          },
        ]
      : []),
    ...(o.bridges.length ? [{ group: 'Host bridges', items: o.bridges.map((b) => ({ value: `bridge:${b}`, label: b })) }] : []),
    { group: 'None', items: [{ value: 'none', label: 'No network' }] },
  ];
}

export function ResourcesStep({ draft, set, options, errors }: StepProps) {
  const existing = usePoolVolumes(draft.hostId, draft.existingPool, draft.disk === 'existing');
  const imported = draft.source === 'import';
  return (
    <Stack gap="md" data-testid="install-step-resources">
      <TextInput
        label="Name"
        value={draft.name}
        onChange={(e) => set(withName(draft, e.currentTarget.value))}
        error={errors.name}
        data-testid="install-name"
      />
      <SimpleGrid cols={3}>
        <NumberInput
          label="vCPUs"
          min={1}
          max={options.maxVcpus}
          value={draft.vcpus}
          onChange={(v) => set({ ...draft, vcpus: Number(v) || 1 })}
          error={errors.vcpus}
          data-testid="install-vcpus"
        />
        <NumberInput
          label="Memory (MiB)"
          description={`The host has ${Math.round(options.hostMemoryMiB / 1024)} GiB`}
          min={16}
          step={64}
          value={draft.memoryMiB}
          onChange={(v) => set({ ...draft, memoryMiB: Number(v) || 0 })}
          error={errors.memoryMiB}
          data-testid="install-memory"
        />
        {options.domainTypes.length > 1 ? (
          <ChoiceSelect
            label="Acceleration"
            description="Both hosts of a migration need the same"
            choices={VIRT_TYPES}
            value={draft.virtType}
            onChange={(virtType) => set({ ...draft, virtType })}
            data-testid="install-virt-type"
          />
        ) : (
          <TextInput label="Acceleration" description="No KVM on this host" value="QEMU software emulation" readOnly />
        )}
      </SimpleGrid>

      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={500} size="sm">
            Disk
          </Text>
          {imported ? (
            <Text size="xs" c="dimmed">
              The imported image is the disk.
            </Text>
          ) : (
            <SegmentedControl
              size="xs"
              value={draft.disk}
              onChange={(v) => set({ ...draft, disk: v as DiskKind })}
              data={[
                { value: 'new', label: 'New volume' },
                { value: 'existing', label: 'Existing volume' },
                { value: 'none', label: 'No disk' },
              ]}
              data-testid="install-disk-kind"
            />
          )}
        </Group>
        {!imported && draft.disk === 'new' && (
          <SimpleGrid cols={4}>
            <NativeSelect
              label="Pool"
              data={runningPools(options)}
              value={draft.diskPool}
              onChange={(e) => set({ ...draft, diskPool: e.currentTarget.value })}
              error={errors['disk.pool']}
              data-testid="install-disk-pool"
            />
            <TextInput
              label="Volume name"
              value={draft.diskName}
              onChange={(e) => set({ ...draft, diskName: e.currentTarget.value, diskNameTouched: true })}
              error={errors['disk.name']}
              data-testid="install-disk-name"
            />
            <Group gap={4} align="flex-end" wrap="nowrap">
              <NumberInput
                label="Size"
                min={1}
                value={draft.diskSize}
                onChange={(v) => set({ ...draft, diskSize: Number(v) || 0 })}
                error={errors['disk.sizeMiB']}
                data-testid="install-disk-size"
                style={{ flex: 1 }}
              />
              <ChoiceSelect
                choices={DISK_UNITS}
                value={draft.diskUnit}
                onChange={(diskUnit) => set({ ...draft, diskUnit })}
                data-testid="install-disk-unit"
              />
            </Group>
            <ChoiceSelect
              label="Format"
              choices={DISK_FORMATS}
              value={draft.diskFormat}
              onChange={(f) => set(withFormat(draft, f))}
              data-testid="install-disk-format"
            />
          </SimpleGrid>
        )}
        {!imported && draft.disk === 'existing' && (
          <SimpleGrid cols={2}>
            <NativeSelect
              label="Pool"
              data={runningPools(options)}
              value={draft.existingPool}
              onChange={(e) => set({ ...draft, existingPool: e.currentTarget.value, existingVolume: '' })}
              data-testid="install-existing-pool"
            />
            <NativeSelect
              label="Volume"
              data={volumeChoices(existing.data, () => false)}
              value={draft.existingVolume}
              onChange={(e) => set({ ...draft, existingVolume: e.currentTarget.value })}
              error={errors['disk.volume']}
              data-testid="install-existing-volume"
            />
          </SimpleGrid>
        )}
      </Stack>

      <NativeSelect
        label="Network"
        description="virtio NIC (e1000e for OSes without virtio drivers)"
        data={nicChoices(options)}
        value={draft.nic}
        onChange={(e) => set({ ...draft, nic: e.currentTarget.value })}
        error={errors['nic.name']}
        data-testid="install-nic"
      />

      <FirmwareFields draft={draft} set={set} offer={options.firmware} />

      <Group gap="xl">
        {SWITCHES.map((s) => (
          <Switch
            key={s.key}
            label={s.label}
            checked={draft[s.key]}
            onChange={(e) => set({ ...draft, [s.key]: e.currentTarget.checked })}
            data-testid={s.testId}
          />
        ))}
      </Group>
    </Stack>
  );
}
