/**
 * "Create network": name, how it reaches out (NAT, routed, isolated, open, an existing host
 * bridge), its IPv4 subnet, DHCP range and static hosts, an optional IPv6 subnet with a DHCPv6
 * range; created and started, or only defined. "Edit network": the same form on an existing
 * network, where only the DHCP range, the static hosts and autostart can change (applied live
 * where libvirt can, else pending until the network restarts; the result is listed). Checked with
 * the backend's own schema and the host's other subnets before anything is sent; each wrong
 * field says so in plain words. (Over 400 lines: one form for both, its fields in one place.)
 */
import { ActionIcon, Alert, Button, Group, List, Modal, NumberInput, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type NetworkEditResult,
  type NetworkInfo,
  NetworkIpv4,
  type NetworkMode,
  NetworkSpec,
  overlapSubnetIssues,
} from '../../../shared/api';
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
  address6: string;
  prefix6: number | string;
  dhcp6Start: string;
  dhcp6End: string;
  autostart: boolean;
}

const LABELS: Record<string, string> = {
  name: 'Name',
  bridge: 'Bridge',
  address: 'IPv4 address',
  prefix: 'Prefix length',
  dhcpStart: 'DHCP range start',
  dhcpEnd: 'DHCP range end',
  hosts: 'Static hosts',
  address6: 'IPv6 address',
  prefix6: 'IPv6 prefix length',
  dhcp6Start: 'DHCPv6 range start',
  dhcp6End: 'DHCPv6 range end',
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
      'ipv6.address': 'address6',
      'ipv6.prefix': 'prefix6',
      'ipv6.dhcp.start': 'dhcp6Start',
      'ipv6.dhcp.end': 'dhcp6End',
    } as Record<string, string>
  )[p];
}

/** What the form would send: checked by NetworkSpec (and by overlapSubnetIssues for its subnet). */
type Sent = {
  name: string;
  mode: string;
  ipv4?: { address: string; prefix: number; dhcp?: { start: string; end: string }; hosts: { mac: string; ip: string; name?: string }[] };
  ipv6?: { address: string; prefix: number; dhcp?: { start: string; end: string } };
};

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
    ...(d.mode !== 'bridge' && (d.address6.trim() || d.dhcp6Start.trim() || d.dhcp6End.trim())
      ? {
          ipv6: {
            address: d.address6.trim(),
            prefix: typeof d.prefix6 === 'number' ? d.prefix6 : Number.NaN,
            ...(d.dhcp6Start.trim() || d.dhcp6End.trim() ? { dhcp: { start: d.dhcp6Start.trim(), end: d.dhcp6End.trim() } } : {}),
          },
        }
      : {}),
  };
  return out;
}

const EMPTY: Draft = {
  name: '',
  mode: 'nat',
  bridge: '',
  address: '',
  prefix: 24,
  dhcpStart: '',
  dhcpEnd: '',
  hosts: [],
  address6: '',
  prefix6: 64,
  dhcp6Start: '',
  dhcp6End: '',
  autostart: false,
};

/** An existing network as a draft (edit): its first IPv4 subnet's range and static hosts, its autostart. */
function draftOf(n: NetworkInfo): Draft {
  // The edit is of the definition: what the next start brings (pending changes included).
  const addresses = n.nextAddresses ?? n.addresses;
  const v4 = addresses.find((a) => a.family === 'ipv4');
  const v6 = addresses.find((a) => a.family === 'ipv6');
  return {
    ...EMPTY,
    name: n.name,
    mode: (n.mode as NetworkMode) ?? 'nat',
    bridge: n.bridge ?? '',
    address: v4?.address ?? '',
    prefix: v4?.prefix ?? 24,
    dhcpStart: v4?.dhcp?.start ?? '',
    dhcpEnd: v4?.dhcp?.end ?? '',
    hosts: (v4?.hosts ?? []).map((h) => ({ mac: h.mac ?? '', ip: h.ip ?? '', name: h.name ?? '' })),
    address6: v6?.address ?? '',
    prefix6: v6?.prefix ?? 64,
    dhcp6Start: v6?.dhcp?.start ?? '',
    dhcp6End: v6?.dhcp?.end ?? '',
    autostart: n.autostart,
  };
}

function EditResult({ r, active, onClose }: { r: NetworkEditResult; active: boolean; onClose(): void }) {
  const part = (title: string, items: string[], testId: string, color: string) =>
    items.length > 0 && (
      <Alert color={color} title={title} data-testid={testId}>
        <List size="sm">
          {items.map((i) => (
            <List.Item key={i}>{i}</List.Item>
          ))}
        </List>
      </Alert>
    );
  const none = r.live.length + r.pending.length + r.saved.length === 0;
  return (
    <Stack gap="sm" data-testid="network-edit-result">
      {none && <Text size="sm">Nothing to change.</Text>}
      {part('Applied to the running network', r.live, 'network-edit-live', 'teal')}
      {part('Pending until the network restarts (the running network refused these)', r.pending, 'network-edit-pending', 'yellow')}
      {part(
        active ? 'Saved in its definition only (the running network already had these)' : 'Saved in its definition (it is not running)',
        r.saved,
        'network-edit-saved',
        'blue',
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="network-edit-done">
          Done
        </Button>
      </Group>
    </Stack>
  );
}

function Form({
  hostId,
  networks,
  editing,
  onClose,
}: {
  hostId: string;
  networks: NetworkInfo[];
  editing?: NetworkInfo | undefined;
  onClose(): void;
}) {
  const [d, setD] = useState<Draft>(() => (editing ? draftOf(editing) : EMPTY));
  const [tried, setTried] = useState(false);
  const define = useNetworkWrite('networks.define', hostId);
  const edit = useNetworkWrite('networks.edit', hostId);
  const [result, setResult] = useState<NetworkEditResult | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((o) => ({ ...o, [k]: v }));
  const setHost = (i: number, k: keyof HostRow, v: string) =>
    setD((o) => ({ ...o, hosts: o.hosts.map((h, j) => (j === i ? { ...h, [k]: v } : h)) }));

  const spec = toSpec(d);
  const check = NetworkSpec.safeParse(spec);
  const others = networks.flatMap((n) =>
    n.addresses.map((a) => ({ network: n.name, family: a.family, address: a.address, prefix: a.prefix })),
  );
  // Edit: only the IPv4 range and static hosts change, checked against the network's own subnet.
  const editCheck = editing ? NetworkIpv4.safeParse(spec.ipv4) : null;
  // The overlap is named even while other fields are wrong: every issue at once.
  const issues = editCheck
    ? editCheck.success
      ? []
      : editCheck.error.issues.map((i) => ({ ...i, path: ['ipv4', ...i.path] }))
    : [...(check.success ? [] : check.error.issues), ...overlapSubnetIssues(spec, others)];
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

  const submit = (start: boolean) => {
    setTried(true);
    if (editing) {
      if (issues.length > 0 || !spec.ipv4) return;
      edit.mutate(
        { name: editing.name, dhcp: spec.ipv4.dhcp ?? null, hosts: spec.ipv4.hosts, autostart: d.autostart },
        { onSuccess: setResult },
      );
      return;
    }
    if (!check.success || issues.length > 0) return;
    define.mutate({ spec: check.data, start }, { onSuccess: onClose });
  };
  if (result) return <EditResult r={result} active={!!editing?.active} onClose={onClose} />;
  const ipFields = d.mode !== 'bridge';
  const fixed = !!editing;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(true);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Name"
          value={d.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={shown.name}
          disabled={fixed}
          data-testid="network-form-name"
          data-autofocus
        />
        <Radio.Group label="Mode" value={d.mode} onChange={(v) => set('mode', v as NetworkMode)}>
          <Stack gap={4} mt={4}>
            {MODES.map((m) => (
              <Radio
                key={m.value}
                value={m.value}
                disabled={fixed}
                label={`${m.label} — ${m.hint}`}
                data-testid={`network-form-mode-${m.value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          disabled={fixed}
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
                disabled={fixed}
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
                disabled={fixed}
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
            {!fixed && (
              <>
                <Group grow align="flex-start">
                  <TextInput
                    label={LABELS.address6}
                    description="Optional: the host’s IPv6 address on this network"
                    placeholder="fd00:203:107::1"
                    value={d.address6}
                    onChange={(e) => set('address6', e.currentTarget.value)}
                    error={shown.address6}
                    data-testid="network-form-address6"
                  />
                  <NumberInput
                    label={LABELS.prefix6}
                    description="64 for DHCPv6 and router advertisements"
                    value={d.prefix6}
                    onChange={(v) => set('prefix6', v)}
                    min={48}
                    max={64}
                    error={shown.prefix6}
                    data-testid="network-form-prefix6"
                  />
                </Group>
                <Group grow align="flex-start">
                  <TextInput
                    label={LABELS.dhcp6Start}
                    placeholder="fd00:203:107::100"
                    value={d.dhcp6Start}
                    onChange={(e) => set('dhcp6Start', e.currentTarget.value)}
                    error={shown.dhcp6Start}
                    data-testid="network-form-dhcp6-start"
                  />
                  <TextInput
                    label={LABELS.dhcp6End}
                    placeholder="fd00:203:107::1ff"
                    value={d.dhcp6End}
                    onChange={(e) => set('dhcp6End', e.currentTarget.value)}
                    error={shown.dhcp6End}
                    data-testid="network-form-dhcp6-end"
                  />
                </Group>
              </>
            )}
          </>
        )}
        {fixed && (
          <Switch
            label="Start when the host boots (autostart)"
            checked={d.autostart}
            onChange={(e) => set('autostart', e.currentTarget.checked)}
            data-testid="network-form-autostart"
          />
        )}
        {tried && <FormSummary errors={errors} labels={labels} testId="network-form-summary" />}
        <ErrorAlert title="Could not create the network" error={define.error} />
        <ErrorAlert title="Could not change the network" error={edit.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          {fixed ? (
            <Button type="submit" loading={edit.isPending} data-testid="network-form-save">
              Save changes
            </Button>
          ) : (
            <>
              <Button variant="light" loading={define.isPending} onClick={() => submit(false)} data-testid="network-form-define">
                Define only
              </Button>
              <Button type="submit" loading={define.isPending} data-testid="network-form-submit">
                Create and start
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

export function NetworkFormModal({
  hostId,
  networks,
  opened,
  editing,
  onClose,
}: {
  hostId: string;
  networks: NetworkInfo[];
  opened: boolean;
  /** Edit this network instead of creating one. */
  editing?: NetworkInfo | undefined;
  onClose(): void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? `Edit network ${editing.name}` : 'Create a network'}
      size="lg"
      data-testid="network-form"
    >
      {opened && <Form key={editing?.uuid ?? 'new'} hostId={hostId} networks={networks} editing={editing} onClose={onClose} />}
    </Modal>
  );
}
