/**
 * "Create network": name, how it reaches out (NAT, routed, isolated, open, an existing host
 * bridge), its IPv4 subnet, DHCP range and static hosts. Checked with the backend's own schema and
 * the host's other subnets before anything is sent; each wrong field says so in plain words.
 */
import { ActionIcon, Button, Group, Modal, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { type NetworkInfo, type NetworkMode, NetworkSpec, overlapSubnetIssues } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSummary } from '../../components/FormSummary';
import { issuesByField } from '../../lib/formErrors';
import { useNetworkWrite } from '../../queries/networks';

const MODES: { value: NetworkMode; label: string; hint: string }[] = [
  { value: 'nat', label: 'NAT', hint: 'guests reach out through the host’s address' },
  { value: 'route', label: 'Routed', hint: 'the host routes the subnet, no address translation' },
  { value: 'isolated', label: 'Isolated', hint: 'guests reach only each other and the host' },
  { value: 'open', label: 'Open', hint: 'routed, with no firewall rules from libvirt' },
  { value: 'bridge', label: 'Existing host bridge', hint: 'guests join a bridge the host already has' },
];

interface HostRow {
  mac: string;
  ip: string;
  name: string;
}
interface Draft {
  name: string;
  mode: NetworkMode;
  bridge: string;
  address: string;
  prefix: number | string;
  dhcpStart: string;
  dhcpEnd: string;
  hosts: HostRow[];
}

const LABELS: Record<string, string> = {
  name: 'Name',
  bridge: 'Bridge',
  address: 'IPv4 address',
  prefix: 'Prefix length',
  dhcpStart: 'DHCP range start',
  dhcpEnd: 'DHCP range end',
  hosts: 'Static hosts',
};

/** A schema path ('ipv4.dhcp.start', 'ipv4.hosts.0.ip') → the form's field ('dhcpStart', 'host-0-ip'). */
function fieldOf(p: string): string | undefined {
  const m = /^ipv4\.hosts\.(\d+)\.(mac|ip|name)$/.exec(p);
  if (m) return `host-${m[1]}-${m[2]}`;
  return (
    {
      name: 'name',
      mode: 'name',
      bridge: 'bridge',
      'ipv4.address': 'address',
      'ipv4.prefix': 'prefix',
      'ipv4.dhcp.start': 'dhcpStart',
      'ipv4.dhcp.end': 'dhcpEnd',
    } as Record<string, string>
  )[p];
}

/** What the form would send: checked by NetworkSpec (and by overlapSubnetIssues for its subnet). */
type Sent = { name: string; mode: string; ipv4?: { address: string; prefix: number; hosts: unknown[] } };

function toSpec(d: Draft): Sent {
  const hosts = d.hosts.map((h) => ({ mac: h.mac.trim(), ip: h.ip.trim(), ...(h.name.trim() ? { name: h.name.trim() } : {}) }));
  const wantsIp = d.mode !== 'bridge' && (d.address.trim() !== '' || d.mode === 'nat' || d.mode === 'route');
  const out: Sent = {
    name: d.name,
    mode: d.mode,
    ...(d.bridge.trim() ? { bridge: d.bridge.trim() } : {}),
    ...(wantsIp
      ? {
          ipv4: {
            address: d.address.trim(),
            prefix: typeof d.prefix === 'number' ? d.prefix : Number.NaN,
            ...(d.dhcpStart.trim() || d.dhcpEnd.trim() ? { dhcp: { start: d.dhcpStart.trim(), end: d.dhcpEnd.trim() } } : {}),
            hosts,
          },
        }
      : {}),
  };
  return out;
}

function Form({ hostId, networks, onClose }: { hostId: string; networks: NetworkInfo[]; onClose(): void }) {
  const [d, setD] = useState<Draft>({
    name: '',
    mode: 'nat',
    bridge: '',
    address: '',
    prefix: 24,
    dhcpStart: '',
    dhcpEnd: '',
    hosts: [],
  });
  const [tried, setTried] = useState(false);
  const define = useNetworkWrite('networks.define', hostId);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((o) => ({ ...o, [k]: v }));
  const setHost = (i: number, k: keyof HostRow, v: string) =>
    setD((o) => ({ ...o, hosts: o.hosts.map((h, j) => (j === i ? { ...h, [k]: v } : h)) }));

  const spec = toSpec(d);
  const check = NetworkSpec.safeParse(spec);
  const others = networks.flatMap((n) =>
    n.addresses.filter((a) => a.family === 'ipv4').map((a) => ({ network: n.name, address: a.address, prefix: a.prefix })),
  );
  // The overlap is named even while other fields are wrong: every issue at once.
  const issues = [...(check.success ? [] : check.error.issues), ...overlapSubnetIssues(spec, others)];
  const hostLabel = (i: number, k: string) => `Static host ${i + 1} ${k}`;
  const labels: Record<string, string> = { ...LABELS };
  d.hosts.forEach((_, i) => {
    labels[`host-${i}-mac`] = hostLabel(i, 'MAC');
    labels[`host-${i}-ip`] = hostLabel(i, 'address');
    labels[`host-${i}-name`] = hostLabel(i, 'name');
  });
  const errors = issuesByField(issues, fieldOf, labels);
  const shown: Record<string, string> = tried ? errors : {};
  const hostError = (i: number, k: keyof HostRow) => shown[`host-${i}-${k}`];

  const submit = () => {
    setTried(true);
    if (!check.success || issues.length > 0) return;
    define.mutate({ spec: check.data, start: true }, { onSuccess: onClose });
  };
  const ipFields = d.mode !== 'bridge';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Name"
          value={d.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={shown.name}
          data-testid="network-form-name"
          data-autofocus
        />
        <Radio.Group label="Mode" value={d.mode} onChange={(v) => set('mode', v as NetworkMode)}>
          <Stack gap={4} mt={4}>
            {MODES.map((m) => (
              <Radio key={m.value} value={m.value} label={`${m.label} — ${m.hint}`} data-testid={`network-form-mode-${m.value}`} />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={d.mode === 'bridge' ? 'Host bridge' : 'Bridge (optional)'}
          description={d.mode === 'bridge' ? 'An existing bridge of the host, like br0' : 'Left empty, libvirt picks virbrN'}
          value={d.bridge}
          onChange={(e) => set('bridge', e.currentTarget.value)}
          error={shown.bridge}
          data-testid="network-form-bridge"
        />
        {ipFields && (
          <>
            <Group grow align="flex-start">
              <TextInput
                label="IPv4 address"
                description="The host’s address on this network"
                placeholder="10.203.101.1"
                value={d.address}
                onChange={(e) => set('address', e.currentTarget.value)}
                error={shown.address}
                data-testid="network-form-address"
              />
              <NumberInput
                label="Prefix length"
                description="24 = 255.255.255.0"
                value={d.prefix}
                onChange={(v) => set('prefix', v)}
                min={8}
                max={30}
                error={shown.prefix}
                data-testid="network-form-prefix"
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label="DHCP range start"
                placeholder="10.203.101.100"
                value={d.dhcpStart}
                onChange={(e) => set('dhcpStart', e.currentTarget.value)}
                error={shown.dhcpStart}
                data-testid="network-form-dhcp-start"
              />
              <TextInput
                label="DHCP range end"
                placeholder="10.203.101.200"
                value={d.dhcpEnd}
                onChange={(e) => set('dhcpEnd', e.currentTarget.value)}
                error={shown.dhcpEnd}
                data-testid="network-form-dhcp-end"
              />
            </Group>
            <Text size="sm" fw={500}>
              Static hosts
            </Text>
            {d.hosts.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <Group key={i} align="flex-start" gap="xs" data-testid="network-form-host">
                <TextInput
                  placeholder="52:54:00:…"
                  aria-label={hostLabel(i, 'MAC')}
                  value={h.mac}
                  onChange={(e) => setHost(i, 'mac', e.currentTarget.value)}
                  error={hostError(i, 'mac')}
                  data-testid="network-form-host-mac"
                  style={{ flex: 2 }}
                />
                <TextInput
                  placeholder="10.203.101.50"
                  aria-label={hostLabel(i, 'address')}
                  value={h.ip}
                  onChange={(e) => setHost(i, 'ip', e.currentTarget.value)}
                  error={hostError(i, 'ip')}
                  data-testid="network-form-host-ip"
                  style={{ flex: 2 }}
                />
                <TextInput
                  placeholder="name (optional)"
                  aria-label={hostLabel(i, 'name')}
                  value={h.name}
                  onChange={(e) => setHost(i, 'name', e.currentTarget.value)}
                  error={hostError(i, 'name')}
                  data-testid="network-form-host-name"
                  style={{ flex: 2 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove static host ${i + 1}`}
                  onClick={() =>
                    set(
                      'hosts',
                      d.hosts.filter((_, j) => j !== i),
                    )
                  }
                  data-testid="network-form-host-remove"
                  mt={4}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => set('hosts', [...d.hosts, { mac: '', ip: '', name: '' }])}
                data-testid="network-form-host-add"
              >
                Add static host
              </Button>
            </Group>
          </>
        )}
        {tried && <FormSummary errors={errors} labels={labels} testId="network-form-summary" />}
        <ErrorAlert title="Could not create the network" error={define.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={define.isPending} data-testid="network-form-submit">
            Create and start
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NetworkFormModal({
  hostId,
  networks,
  opened,
  onClose,
}: {
  hostId: string;
  networks: NetworkInfo[];
  opened: boolean;
  onClose(): void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create a network" size="lg" data-testid="network-form">
      {opened && <Form hostId={hostId} networks={networks} onClose={onClose} />}
    </Modal>
  );
}
