/**
 * One network's DHCP: its static hosts (add, remove — live on a running network, no restart; a
 * host only the running network has, or one pending for its next start, is marked so and removed
 * from that list) and its leases as dnsmasq reports them, each mapped to the VM that has the MAC on
 * any connected host, with "Reserve" to make a lease's address that MAC's static host.
 */
import { Alert, Badge, Button, Code, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  DhcpHostName,
  hostFamily,
  type NetworkAddress,
  type NetworkInfo,
  type NetworkLease,
  STATIC_HOST_LABELS,
  StaticHost,
  type StaticHostEntry,
  sameStaticHost,
  staticHostBlock,
  staticHostIssues,
} from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesByField } from '../../lib/formErrors';
import { useNetworkLeases, useNetworkWrite } from '../../queries/networks';
import { ListTable } from '../usb/ListTable';
import { LeasesUnread } from './unread';

type Family = 'ipv4' | 'ipv6';

/**
 * The add-static-host form, for the <ip> picked (when the network has DHCP on both families):
 * IPv4 by MAC; IPv6 by host name or DUID (one is needed) — libvirt matches IPv6 hosts by those,
 * not MAC. Checked with the backend's own rules against the network's definition.
 */
function AddStaticHost({
  addresses,
  onAdd,
  pending,
}: {
  addresses: readonly NetworkAddress[];
  /** `added`: called once libvirt took it (the fields are emptied then; kept on a failure). */
  onAdd(h: StaticHost, added: () => void): void;
  pending: boolean;
}) {
  const families = (['ipv4', 'ipv6'] as const).filter((f) => staticHostBlock(addresses, f) >= 0);
  const [picked, setFamily] = useState<Family>(families[0] ?? 'ipv4');
  // The subnet picked, if this network has it (the panel may have switched to a network without it).
  const family = families.includes(picked) ? picked : (families[0] ?? 'ipv4');
  const [d, setD] = useState({ mac: '', ip: '', name: '', id: '' });
  const [tried, setTried] = useState(false);
  if (families.length === 0) return null;
  const v6 = family === 'ipv6';
  const input = {
    ...(v6 ? (d.id.trim() ? { id: d.id.trim() } : {}) : { mac: d.mac.trim() }),
    ip: d.ip.trim(),
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
  };
  const parsed = StaticHost.safeParse(input);
  const issues = parsed.success
    ? staticHostIssues(addresses, parsed.data).concat(
        hostFamily(parsed.data.ip) === family
          ? []
          : [{ path: ['ip'], message: `is not an ${v6 ? 'IPv6' : 'IPv4'} address (the subnet picked)` }],
      )
    : parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  const errors = tried ? issuesByField(issues, (p) => p, STATIC_HOST_LABELS) : {};
  const block = (f: Family) => addresses[staticHostBlock(addresses, f)];
  const field = (k: keyof typeof d, placeholder: string, label: string) => (
    <TextInput
      size="xs"
      placeholder={placeholder}
      aria-label={label}
      value={d[k]}
      onChange={(e) => setD({ ...d, [k]: e.currentTarget.value })}
      error={errors[k]}
      data-testid={`dhcp-add-${k}`}
    />
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (parsed.success && issues.length === 0)
          onAdd(parsed.data, () => {
            setD({ mac: '', ip: '', name: '', id: '' });
            setTried(false);
          });
      }}
    >
      {families.length > 1 && (
        <Radio.Group value={family} onChange={(v) => setFamily(v as Family)} mb={6} aria-label="Subnet of the static host">
          <Group gap="md">
            {families.map((f) => (
              <Radio
                key={f}
                value={f}
                size="xs"
                label={`${f === 'ipv6' ? 'IPv6' : 'IPv4'} ${block(f)?.address ?? ''}/${block(f)?.prefix ?? ''}`}
                data-testid={`dhcp-add-family-${f}`}
              />
            ))}
          </Group>
        </Radio.Group>
      )}
      <Group align="flex-start" gap="xs">
        {v6 ? null : field('mac', 'MAC 52:54:00:…', 'MAC address')}
        {field('ip', v6 ? 'Address fd00:…' : 'Address', 'Address')}
        {field('name', v6 ? 'Host name (or DUID)' : 'Host name (optional)', 'Host name')}
        {v6 ? field('id', 'DUID (or host name)', 'DUID') : null}
        <Button
          size="xs"
          type="submit"
          variant="light"
          leftSection={<IconPlus size={14} />}
          loading={pending}
          data-testid="dhcp-add-submit"
        >
          Add static host
        </Button>
      </Group>
    </form>
  );
}

const when = (s: number) => new Date(s * 1000).toLocaleString();

type HostRow = StaticHostEntry & { family: Family; where: 'both' | 'running' | 'next' };

/**
 * The rows of the static hosts: the running network's, each marked 'running' when its definition
 * lacks it (added live only), then the definition's own ones ('next': pending for its next start).
 */
function staticHostRows(net: NetworkInfo): HostRow[] {
  const flat = (as: readonly NetworkAddress[]) => as.flatMap((a) => a.hosts.map((h) => ({ ...h, family: a.family })));
  const running = flat(net.addresses);
  if (!net.nextAddresses) return running.map((h) => ({ ...h, where: 'both' }));
  const next = flat(net.nextAddresses);
  const inList = (list: typeof running, h: (typeof running)[number]) => list.some((x) => x.family === h.family && sameStaticHost(x, h));
  return [
    ...running.map((h): HostRow => ({ ...h, where: inList(next, h) ? 'both' : 'running' })),
    ...next.filter((h) => !inList(running, h)).map((h): HostRow => ({ ...h, where: 'next' })),
  ];
}

const from = (h: HostRow) => (h.where === 'next' ? ('next-boot' as const) : ('running' as const));

function LeaseRow({ l, onReserve, pending }: { l: NetworkLease; onReserve(): void; pending: boolean }) {
  return (
    <Table.Tr data-testid="dhcp-lease" data-mac={l.mac} data-ip={l.ip}>
      <Table.Td>
        <Code>{l.mac}</Code>
      </Table.Td>
      <Table.Td data-testid="dhcp-lease-ip">
        {l.ip}/{l.prefix}
      </Table.Td>
      <Table.Td>{l.hostname ?? '—'}</Table.Td>
      <Table.Td>{when(l.expiry)}</Table.Td>
      <Table.Td data-testid="dhcp-lease-vm">
        {l.vm ? (
          <>
            <Text size="sm" span style={{ whiteSpace: 'pre-wrap' }}>
              {l.vm.name}
            </Text>
            <Text size="xs" c="dimmed" span>
              {' '}
              on {l.vm.hostName}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed" span>
            no VM of a connected host
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {hostFamily(l.ip) === 'ipv6' ? null : l.reserved ? (
          <Badge size="sm" variant="light" leftSection={<IconLock size={12} />} data-testid="dhcp-lease-reserved">
            reserved
          </Badge>
        ) : (
          <Button size="compact-xs" variant="light" loading={pending} onClick={onReserve} data-testid="dhcp-lease-reserve">
            Reserve this address
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function DhcpPanel({ hostId, net }: { hostId: string; net: NetworkInfo }) {
  const leases = useNetworkLeases(hostId, net.name, net.active);
  const write = useNetworkWrite('networks.dhcpHost', hostId);
  // Both families' static hosts of the running network and, where they differ, of its definition (next start).
  const hosts = staticHostRows(net);
  const reserve = (l: NetworkLease) => {
    // The lease's host name when dnsmasq may take it as one, else none.
    const name = l.hostname && DhcpHostName.safeParse(l.hostname).success ? l.hostname : undefined;
    write.mutate({ name: net.name, op: 'add', host: { mac: l.mac, ip: l.ip, ...(name ? { name } : {}) } });
  };
  /**
   * A removal names the entry as its row lists it (MAC or DUID, name, address: matched exactly, so
   * never another entry at the same address), and the list its row is in; the backend deletes that
   * list's entry as libvirt has it.
   */
  const removal = (h: (typeof hosts)[number]): StaticHost | null => {
    if (!h.ip || (h.family === 'ipv4' && !h.mac)) return null;
    return {
      ip: h.ip,
      ...(h.family === 'ipv4' ? { mac: h.mac } : h.id ? { id: h.id } : {}),
      ...(h.name !== undefined ? { name: h.name } : {}),
    };
  };
  const done = write.data;
  return (
    <Stack gap="sm" data-testid="dhcp-panel" data-network={net.name}>
      <Title order={5} style={{ whiteSpace: 'pre-wrap' }}>
        DHCP of {net.name}
      </Title>
      <ErrorAlert title="Could not change the static hosts" error={write.error} />
      {done?.applied === 'pending' && (
        <Alert color="yellow" data-testid="dhcp-host-pending">
          Saved for the next start of the network, not applied to the running one: {done.reason}.
        </Alert>
      )}
      <Text size="sm" fw={500}>
        Static hosts{net.active ? ' (changed live, dnsmasq is not restarted)' : ''}
      </Text>
      <ListTable count={hosts.length} empty="No static hosts." emptyTestId="dhcp-hosts-none" verticalSpacing={2} testId="dhcp-hosts">
        {hosts.map((h) => {
          const rm = removal(h);
          return (
            <Table.Tr
              key={`${h.where}-${h.mac ?? h.id ?? h.name}-${h.ip}`}
              data-testid="dhcp-host"
              data-mac={h.mac}
              data-ip={h.ip}
              data-where={h.where}
            >
              <Table.Td>
                <Code>{h.mac ?? h.id ?? '—'}</Code>
              </Table.Td>
              <Table.Td>
                {h.ip ?? '—'}
                {h.where !== 'both' && (
                  <Badge
                    size="xs"
                    variant="light"
                    color={h.where === 'next' ? 'yellow' : 'gray'}
                    ml={6}
                    title={
                      h.where === 'next'
                        ? 'In the definition only: the running network takes it at its next start.'
                        : 'Added to the running network only: its next start drops it.'
                    }
                    data-testid="dhcp-host-where"
                  >
                    {h.where === 'next' ? 'next start' : 'until restart'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td data-testid="dhcp-host-name" style={{ whiteSpace: 'pre-wrap' }}>
                {h.name ?? ''}
              </Table.Td>
              <Table.Td ta="right">
                {rm && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={
                      write.isPending &&
                      write.variables?.op === 'remove' &&
                      write.variables.host.ip === h.ip &&
                      write.variables.from === from(h)
                    }
                    onClick={() => write.mutate({ name: net.name, op: 'remove', host: rm, from: from(h) })}
                    data-testid="dhcp-host-remove"
                  >
                    Remove
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      <AddStaticHost
        addresses={net.nextAddresses ?? net.addresses}
        pending={write.isPending && write.variables?.op === 'add'}
        onAdd={(host, added) => write.mutate({ name: net.name, op: 'add', host }, { onSuccess: added })}
      />
      <Text size="sm" fw={500}>
        Leases
      </Text>
      {!net.active ? (
        <Text size="sm" c="dimmed">
          The network is not running: no leases.
        </Text>
      ) : leases.error ? (
        <ErrorAlert title="Could not read the leases" error={leases.error} />
      ) : (
        <>
          <LeasesUnread unread={leases.data?.unread ?? []} />
          <ListTable
            count={leases.data?.leases.length ?? 0}
            empty="No leases yet."
            emptyTestId="dhcp-leases-none"
            columns={['MAC', 'Address', 'Host name', 'Expires', 'VM', '']}
            verticalSpacing={2}
            testId="dhcp-leases"
          >
            {(leases.data?.leases ?? []).map((l) => (
              <LeaseRow
                key={`${l.mac}-${l.ip}`}
                l={l}
                pending={write.isPending && write.variables?.host.mac === l.mac}
                onReserve={() => reserve(l)}
              />
            ))}
          </ListTable>
        </>
      )}
    </Stack>
  );
}
