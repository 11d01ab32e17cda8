/** A VM's "USB" tab: its USB devices (live and next boot), attach from the host or emulated, detach. */
import { Alert, Badge, Button, Code, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlugConnected, IconUsb } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApplyScope, VmUsbDevice } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeControl, useScope } from '../qos/ScopeControl';
import { EmulatedUsbDialog } from './EmulatedUsbDialog';
import { ListTable } from './ListTable';
import type { UsbDialogProps } from './UsbDialog';
import { UsbPicker } from './UsbPicker';
import { useUsbWrite, useVmUsb } from './useUsb';

const inScope = (d: VmUsbDevice, s: ApplyScope) => (s === 'live' ? d.live : s === 'config' ? d.config : d.live || d.config);

function DeviceRow({ d, scope, onDetach, pending }: { d: VmUsbDevice; scope: ApplyScope; onDetach(): void; pending: boolean }) {
  return (
    <Table.Tr data-testid="usb-vm-device" data-kind={d.kind} data-id={d.id} data-live={String(d.live)} data-config={String(d.config)}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {d.label}
        </Text>
        <Text size="xs" c="dimmed">
          {d.kind === 'hostdev' ? `passthrough${d.vendor ? ` · ${d.vendor}` : ''}` : 'emulated'}
          {d.alias ? ` · ${d.alias}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>{d.vendorId && d.productId ? <Code>{`${d.vendorId}:${d.productId}`}</Code> : '—'}</Table.Td>
      <Table.Td>
        {d.bus !== undefined && d.device !== undefined ? `Bus ${d.bus} · Device ${d.device}` : d.target ? <Code>{d.target}</Code> : '—'}
        {d.source && (
          <Text size="xs" c="dimmed">
            {d.source}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {d.live && (
            <Badge size="sm" variant="light" color="green">
              running VM
            </Badge>
          )}
          {d.config && (
            <Badge size="sm" variant="light" color="gray">
              next boot
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          disabled={!inScope(d, scope)}
          loading={pending}
          onClick={onDetach}
          data-testid="usb-vm-device-detach"
        >
          Detach
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function UsbPanel({ hostId, uuid, name }: { hostId: string; uuid: string; name: string }) {
  const v = useVmUsb(hostId, uuid);
  // libvirt's device-added/removed events (domain.changed) keep the list current (queries/keys.ts).
  const [scope, setScope] = useScope(v.data);
  const [dialog, setDialog] = useState<'host' | 'emulated' | null>(null);
  const detach = useUsbWrite('usb.detach', hostId, uuid);

  if (v.isLoading) return <Loader size="sm" />;
  if (!v.data) return <ErrorAlert title={`Could not read the USB devices of “${name}”`} error={v.error} />;
  const vm = v.data;
  const shown = { name: vm.name, running: vm.running, persistent: vm.persistent };
  const dialogProps: UsbDialogProps = { onClose: () => setDialog(null), hostId, uuid, vm: shown, scope, setScope };
  return (
    <Stack gap="md" data-testid="usb-panel">
      <Group justify="space-between" wrap="wrap">
        <ScopeControl value={scope} onChange={setScope} vm={shown} testId="usb-scope" />
        <Group gap="xs">
          <Button size="xs" leftSection={<IconUsb size={16} />} onClick={() => setDialog('host')} data-testid="usb-attach-host">
            Attach host device…
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlugConnected size={16} />}
            onClick={() => setDialog('emulated')}
            data-testid="usb-attach-emulated"
          >
            Add emulated device…
          </Button>
        </Group>
      </Group>
      {vm.controller === null ? (
        <Alert color="orange" title="No USB controller" data-testid="usb-no-controller">
          {vm.name} has no USB controller, so USB devices cannot be attached. Add one (e.g. qemu-xhci) to its definition; it takes effect at
          the next boot.
        </Alert>
      ) : (
        <Text size="xs" c="dimmed" data-testid="usb-controller">
          USB controller: {vm.controller}
        </Text>
      )}
      <ErrorAlert title="Could not detach it" error={detach.error} />
      <ListTable
        count={vm.devices.length}
        empty="No USB devices."
        emptyTestId="usb-vm-none"
        columns={['Device', 'ID', 'Address', 'Where', '']}
        verticalSpacing={4}
        testId="usb-vm-devices"
      >
        {vm.devices.map((d) => (
          <DeviceRow
            key={d.id}
            d={d}
            scope={scope}
            pending={detach.isPending && detach.variables?.id === d.id}
            onDetach={() => detach.mutate({ id: d.id, scope })}
          />
        ))}
      </ListTable>
      <UsbPicker opened={dialog === 'host'} {...dialogProps} />
      <EmulatedUsbDialog opened={dialog === 'emulated'} {...dialogProps} />
    </Stack>
  );
}
