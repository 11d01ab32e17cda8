/**
 * The host's USB devices to pass through: names, vendor:product ids, bus/device, and which VM has
 * each. Root hubs are left out; devices with equal ids are told apart by their address. A device
 * another VM has is attached only after the admin confirms.
 */
import { Alert, Button, Code, Group, Loader, Radio, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { HostUsbDevice } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeControl } from '../qos/ScopeControl';
import { AttachFooter, UsbDialog, type UsbDialogProps } from './UsbDialog';
import { useHostUsb, useUsbWrite } from './useUsb';

function Owners({ d, uuid }: { d: HostUsbDevice; uuid: string }) {
  if (!d.usedBy.length)
    return (
      <Text size="xs" fw={600} c="green">
        free
      </Text>
    );
  return (
    <Stack gap={2}>
      {d.usedBy.map((o) => (
        <Text key={o.uuid} size="xs" fw={600} c={o.uuid === uuid ? 'blue' : 'orange'} data-testid={`usb-owner-${o.name}`}>
          {o.uuid === uuid ? 'attached here' : `taken by ${o.name}`}
          {o.live && o.running ? ' (running)' : o.config && !o.live ? ' (next boot)' : ''}
        </Text>
      ))}
    </Stack>
  );
}

function PickerBody({ hostId, uuid, vm, scope, setScope, onClose }: UsbDialogProps) {
  const list = useHostUsb(hostId, true);
  const [picked, setPicked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const attach = useUsbWrite('usb.attachHost', hostId, uuid);

  // Another VM on this host taking or releasing a device changes the owners shown: domain.changed
  // refetches them (queries/keys.ts).

  const device = list.data?.devices.find((d) => d.name === picked);
  const others = device?.usedBy.filter((o) => o.uuid !== uuid) ?? [];
  const submit = (takeover: boolean) => {
    if (!device) return;
    if (others.length && !takeover) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    attach.mutate({ device: device.name, scope, takeover }, { onSuccess: onClose });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <ScopeControl value={scope} onChange={setScope} vm={vm} testId="usb-picker-scope" />
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconRefresh size={14} />}
          onClick={() => void list.refetch()}
          loading={list.isFetching}
          data-testid="usb-picker-refresh"
        >
          Refresh
        </Button>
      </Group>
      {list.isLoading && <Loader size="sm" />}
      <ErrorAlert title="Could not list the host’s USB devices" error={list.error} />
      {list.data && list.data.devices.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="usb-picker-empty">
          The host reports no USB devices{list.data.hiddenRootHubs ? ' besides its root hubs' : ''}.
        </Text>
      )}
      {list.data && list.data.devices.length > 0 && (
        <Radio.Group
          value={picked}
          onChange={(v) => {
            setPicked(v);
            setConfirming(false);
          }}
        >
          <Table verticalSpacing={4} highlightOnHover data-testid="usb-picker-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={32} />
                <Table.Th>Device</Table.Th>
                <Table.Th>ID</Table.Th>
                <Table.Th>Address</Table.Th>
                <Table.Th>Used by</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.devices.map((d) => (
                <Table.Tr
                  key={d.name}
                  data-testid={`usb-host-${d.name}`}
                  onClick={() => {
                    setPicked(d.name);
                    setConfirming(false);
                  }}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Radio
                      value={d.name}
                      aria-label={`${d.product ?? d.name}, bus ${d.bus} device ${d.device}`}
                      data-testid={`usb-host-${d.name}-pick`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {d.product ?? 'Unknown product'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.vendor ?? 'Unknown vendor'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code data-testid={`usb-host-${d.name}-ids`}>{`${d.vendorId}:${d.productId}`}</Code>
                    {d.sameIds && (
                      <Text size="xs" c="dimmed">
                        same ids as another device: attached by address
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid={`usb-host-${d.name}-address`} style={{ whiteSpace: 'nowrap' }}>
                    Bus {d.bus} · Device {d.device}
                  </Table.Td>
                  <Table.Td>
                    <Owners d={d} uuid={uuid} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Radio.Group>
      )}
      {list.data && list.data.hiddenRootHubs > 0 && (
        <Text size="xs" c="dimmed" data-testid="usb-picker-hidden">
          {list.data.hiddenRootHubs} root hub{list.data.hiddenRootHubs === 1 ? '' : 's'} not shown (the host controller’s own ports).
        </Text>
      )}
      {confirming && device && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={`${device.product ?? device.name} is already attached to ${others.map((o) => o.name).join(', ')}`}
          data-testid="usb-taken"
        >
          <Text size="sm">
            Attach it to {vm.name} as well? Only one running VM can use a USB device at a time: libvirt refuses it while another running VM
            holds it.
          </Text>
          <Group mt="xs" gap="xs">
            <Button size="xs" color="orange" onClick={() => submit(true)} data-testid="usb-taken-confirm">
              Attach anyway
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)} data-testid="usb-taken-cancel">
              Cancel
            </Button>
          </Group>
        </Alert>
      )}
      <AttachFooter
        vmName={vm.name}
        error={attach.error}
        onClose={onClose}
        onAttach={() => submit(false)}
        canAttach={!!device && !confirming}
        pending={attach.isPending}
        testId="usb-picker-attach"
      />
    </Stack>
  );
}

export function UsbPicker(props: UsbDialogProps & { opened: boolean }) {
  const { opened, ...rest } = props;
  return (
    <UsbDialog opened={opened} onClose={rest.onClose} title={`Attach a host USB device to “${rest.vm.name}”`} size="xl" testId="usb-picker">
      <PickerBody {...rest} />
    </UsbDialog>
  );
}
