/**
 * Disks, CD-ROMs and NICs: a CD-ROM's ISO inserted or ejected, a volume attached as a disk or a
 * disk detached, a NIC added on a network or host bridge, its link set up or down — live and for
 * the next boot as libvirt allows, then read back.
 */
import { Alert, Badge, Button, Card, Group, NativeSelect, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { MacAddress, VolumeFileName } from '../../../shared/api/common';
import {
  DISK_CACHES,
  NIC_MODELS,
  type SettingsApplied,
  type SettingsDisk,
  type SettingsNic,
  type VmSettings,
} from '../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRead } from '../../queries';
import { useSettingsWrite } from '../../queries/settings';
import { TpmList } from './FirmwareShown';
import { GrowDisk } from './GrowDisk';
import { MoveDisk } from './MoveDisk';
import { appliedWords } from './words';

/** The seed's advice on a disk's cache mode, one line each. */
const CACHE_ADVICE: Record<(typeof DISK_CACHES)[number], string> = {
  none: 'none: no host page cache — the safe choice for live migration and shared storage.',
  writeback: 'writeback: fastest, but a host crash loses what the guest believed written — only for throwaway VMs.',
  writethrough: 'writethrough: every write reaches the disk before the guest hears back — safe, slow writes.',
  default: 'QEMU default (writeback): no cache attribute in the definition.',
};

const where = (d: { live: boolean; config: boolean }) => (d.live && d.config ? null : d.live ? 'running VM only' : 'next boot only');

/** The outcome of the last device change: where it went, and libvirt's refusal of the running side. */
function Outcome({ testId, data, error }: { testId: string; data: SettingsApplied | undefined; error: unknown }) {
  if (error) return <ErrorAlert title="Not changed" error={error} />;
  if (!data) return null;
  return (
    <Alert color={data.liveRefused ? 'yellow' : 'teal'} icon={<IconCheck size={16} />} p="xs" data-testid={testId}>
      {appliedWords(data)}.{data.liveRefused ? ` ${data.liveRefused}` : ''}
    </Alert>
  );
}

export function DevicesSection({ s }: { s: VmSettings }) {
  return (
    <Card withBorder data-testid="settings-devices">
      <Stack gap="sm">
        <Title order={5}>Disks and CD-ROMs</Title>
        <Disks s={s} />
        <Title order={5} mt="sm">
          Network interfaces
        </Title>
        <Nics s={s} />
        <TpmList s={s} />
      </Stack>
    </Card>
  );
}

function Disks({ s }: { s: VmSettings }) {
  const volumes = useRead('usb.volumes', { hostId: s.hostId });
  const media = useSettingsWrite('settings.setMedia', s.hostId, s.uuid);
  const add = useSettingsWrite('settings.addDisk', s.hostId, s.uuid);
  const remove = useSettingsWrite('settings.removeDisk', s.hostId, s.uuid);
  const grow = useSettingsWrite('settings.growDisk', s.hostId, s.uuid);
  const [iso, setIso] = useState<Record<string, string>>({});
  const [vol, setVol] = useState('');
  const [bus, setBus] = useState<'virtio' | 'sata' | 'scsi'>('virtio');
  const [cache, setCache] = useState<(typeof DISK_CACHES)[number]>('none');
  const options = useRead('install.options', { hostId: s.hostId }, { staleTime: 30_000 });
  const pools = (options.data?.pools ?? []).filter((p) => p.state === 'running');
  const [newPool, setNewPool] = useState('');
  const [newName, setNewName] = useState('');
  const [newSize, setNewSize] = useState<number>(1024);
  const nameOk = VolumeFileName.safeParse(newName);
  const all = volumes.data ?? [];
  const isos = all.filter((v) => v.name.toLowerCase().endsWith('.iso'));
  const free = all.filter((v) => !v.name.toLowerCase().endsWith('.iso') && v.usedBy.length === 0);
  const key = (v: { pool: string; name: string }) => `${v.pool}/${v.name}`;
  const split = (k: string) => {
    const i = k.indexOf('/');
    return { pool: k.slice(0, i), volume: k.slice(i + 1) };
  };

  const row = (d: SettingsDisk) => {
    const cd = d.device === 'cdrom';
    const picked = iso[d.target] ?? '';
    return (
      <Table.Tr key={d.target} data-testid={`settings-disk-${d.target}`}>
        <Table.Td>{d.target}</Table.Td>
        <Table.Td>
          {d.device}
          {d.bus ? ` · ${d.bus}` : ''}
        </Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid={`settings-disk-${d.target}-source`}>
          {d.source ?? (cd ? '(empty)' : '')}
          {where(d) && (
            <Badge ml="xs" size="xs" variant="light" color="orange">
              {where(d)}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          {cd ? (
            <Group gap="xs" wrap="nowrap">
              <NativeSelect
                size="xs"
                aria-label={`ISO for ${d.target}`}
                value={picked}
                onChange={(e) => setIso({ ...iso, [d.target]: e.currentTarget.value })}
                data={[{ value: '', label: 'Choose an ISO…' }, ...isos.map((v) => ({ value: key(v), label: `${v.pool} / ${v.name}` }))]}
                data-testid={`settings-disk-${d.target}-iso`}
              />
              <Button
                size="xs"
                disabled={!picked}
                loading={media.isPending && media.variables?.target === d.target && media.variables.media !== null}
                onClick={() => media.mutate({ target: d.target, media: split(picked) })}
                data-testid={`settings-disk-${d.target}-insert`}
              >
                {d.source ? 'Change' : 'Insert'}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={!d.source}
                onClick={() => media.mutate({ target: d.target, media: null })}
                data-testid={`settings-disk-${d.target}-eject`}
              >
                Eject
              </Button>
            </Group>
          ) : (
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap">
                {d.capacity !== undefined && (
                  <GrowDisk
                    d={d as SettingsDisk & { capacity: number }}
                    running={s.running}
                    onGrow={(sizeMiB) => grow.mutate({ target: d.target, sizeMiB })}
                    pending={grow.isPending}
                  />
                )}
                <Button
                  size="xs"
                  variant="default"
                  color="red"
                  loading={remove.isPending && remove.variables?.target === d.target}
                  onClick={() => remove.mutate({ target: d.target })}
                  data-testid={`settings-disk-${d.target}-remove`}
                >
                  Detach
                </Button>
              </Group>
              {s.running && d.live && d.source && <MoveDisk s={s} d={d} />}
            </Stack>
          )}
        </Table.Td>
      </Table.Tr>
    );
  };

  return (
    <Stack gap="xs">
      <Table>
        <Table.Tbody>{s.disks.map(row)}</Table.Tbody>
      </Table>
      <Outcome testId="settings-media-applied" data={media.data} error={media.error} />
      <Outcome testId="settings-disk-removed" data={remove.data} error={remove.error} />
      <Outcome testId="settings-disk-grown" data={grow.data} error={grow.error} />
      <Group align="flex-end">
        <NativeSelect
          label="Bus"
          value={bus}
          onChange={(e) => setBus(e.currentTarget.value as typeof bus)}
          data={[
            { value: 'virtio', label: 'virtio (hot-pluggable, fastest)' },
            { value: 'sata', label: 'SATA (not hot-pluggable)' },
            { value: 'scsi', label: 'SCSI' },
          ]}
          data-testid="settings-disk-bus"
        />
        <NativeSelect
          label="Cache"
          value={cache}
          onChange={(e) => setCache(e.currentTarget.value as typeof cache)}
          data={DISK_CACHES.map((c) => ({ value: c, label: c === 'default' ? 'QEMU default' : c }))}
          data-testid="settings-disk-cache"
        />
      </Group>
      <Text size="xs" c="dimmed" data-testid="settings-disk-cache-advice">
        {CACHE_ADVICE[cache]}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label="Attach a volume as a disk"
          value={vol}
          onChange={(e) => setVol(e.currentTarget.value)}
          data={[{ value: '', label: 'Choose a free volume…' }, ...free.map((v) => ({ value: key(v), label: `${v.pool} / ${v.name}` }))]}
          data-testid="settings-disk-add-volume"
        />
        <Button
          size="xs"
          disabled={!vol}
          loading={add.isPending}
          onClick={() => add.mutate({ ...split(vol), bus, cache })}
          data-testid="settings-disk-add"
        >
          Attach
        </Button>
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label="Or a new volume in pool"
          value={newPool}
          onChange={(e) => setNewPool(e.currentTarget.value)}
          data={[{ value: '', label: 'Choose a pool…' }, ...pools.map((p) => p.name)]}
          data-testid="settings-disk-new-pool"
        />
        <TextInput
          label="Volume name"
          value={newName}
          onChange={(e) => setNewName(e.currentTarget.value)}
          error={newName && !nameOk.success ? `Volume name: ${nameOk.error.issues[0]?.message}` : undefined}
          data-testid="settings-disk-new-name"
        />
        <NumberInput
          label="Size (MiB)"
          value={newSize}
          onChange={(v) => setNewSize(typeof v === 'number' ? v : Number.NaN)}
          allowDecimal={false}
          min={1}
          error={Number.isInteger(newSize) && newSize >= 1 ? undefined : 'Size: whole MiB, at least 1'}
          data-testid="settings-disk-new-size"
        />
        <Button
          size="xs"
          disabled={!newPool || !nameOk.success || !Number.isInteger(newSize) || newSize < 1}
          loading={add.isPending && !!add.variables?.create}
          onClick={() =>
            add.mutate({ pool: newPool, volume: newName, bus, cache, create: { name: newName, sizeMiB: newSize, format: 'qcow2' } })
          }
          data-testid="settings-disk-new-add"
        >
          Create (qcow2) and attach
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        The volume stays in its pool when a disk is detached.
      </Text>
      <Outcome testId="settings-disk-added" data={add.data} error={add.error} />
    </Stack>
  );
}

function Nics({ s }: { s: VmSettings }) {
  const options = useRead('install.options', { hostId: s.hostId }, { staleTime: 30_000 });
  const add = useSettingsWrite('settings.addNic', s.hostId, s.uuid);
  const link = useSettingsWrite('settings.setLink', s.hostId, s.uuid);
  const remove = useSettingsWrite('settings.removeNic', s.hostId, s.uuid);
  const [source, setSource] = useState('');
  const [model, setModel] = useState<(typeof NIC_MODELS)[number]>('virtio');
  const [mac, setMac] = useState('');
  const macOk = MacAddress.safeParse(mac);
  const sources = [
    ...(options.data?.networks ?? []).map((n) => ({
      value: `network/${n.name}`,
      label: `network ${n.name}${n.active ? '' : ' (inactive)'}`,
    })),
    ...(options.data?.bridges ?? []).map((b) => ({ value: `bridge/${b}`, label: `host bridge ${b}` })),
  ];

  const row = (n: SettingsNic) => (
    <Table.Tr key={n.mac} data-testid={`settings-nic-${n.mac.replaceAll(':', '')}`}>
      <Table.Td>{n.mac}</Table.Td>
      <Table.Td>
        {n.type} {n.source ?? ''}
        {n.model ? ` · ${n.model}` : ''}
        {where(n) && (
          <Badge ml="xs" size="xs" variant="light" color="orange">
            {where(n)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Switch
          label={n.link === 'up' ? 'link up' : 'link down'}
          checked={n.link === 'up'}
          disabled={link.isPending}
          onChange={(e) => link.mutate({ mac: n.mac, up: e.currentTarget.checked })}
          data-testid={`settings-nic-${n.mac.replaceAll(':', '')}-link`}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="default"
          loading={remove.isPending && remove.variables?.mac === n.mac}
          onClick={() => remove.mutate({ mac: n.mac })}
          data-testid={`settings-nic-${n.mac.replaceAll(':', '')}-remove`}
        >
          Remove
        </Button>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Stack gap="xs">
      <Table>
        <Table.Tbody>{s.nics.map(row)}</Table.Tbody>
      </Table>
      <Outcome testId="settings-nic-link-applied" data={link.data} error={link.error} />
      <Outcome testId="settings-nic-removed" data={remove.data} error={remove.error} />
      <Group align="flex-end">
        <NativeSelect
          label="Add a NIC on"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          data={[{ value: '', label: 'Choose a network or bridge…' }, ...sources]}
          data-testid="settings-nic-add-source"
        />
        <NativeSelect
          label="Model"
          value={model}
          onChange={(e) => setModel(e.currentTarget.value as typeof model)}
          data={NIC_MODELS.map((m) => ({ value: m, label: m === 'virtio' ? 'virtio (fastest; needs the guest’s driver)' : m }))}
          data-testid="settings-nic-add-model"
        />
        <TextInput
          label="MAC address"
          placeholder="libvirt picks one"
          value={mac}
          onChange={(e) => setMac(e.currentTarget.value.trim())}
          error={mac && !macOk.success ? `MAC address: ${macOk.error.issues[0]?.message}` : undefined}
          data-testid="settings-nic-add-mac"
        />
        <Button
          size="xs"
          disabled={!source || (mac !== '' && !macOk.success)}
          loading={add.isPending}
          onClick={() => {
            const [kind, ...rest] = source.split('/');
            add.mutate({
              source: { kind: kind === 'network' ? 'network' : 'bridge', name: rest.join('/') },
              model,
              ...(mac ? { mac } : {}),
            });
          }}
          data-testid="settings-nic-add"
        >
          Add NIC
        </Button>
      </Group>
      <Outcome testId="settings-nic-added" data={add.data} error={add.error} />
    </Stack>
  );
}
