/**
 * One network's DHCP: its static hosts (add, remove — live on a running network, no restart) and
 * its leases as dnsmasq reports them, each mapped to the VM that has the MAC on any connected
 * host, with "Reserve" to make a lease's address that MAC's static host.
 */
import { Badge, Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { DhcpHost, DhcpHostName, type NetworkInfo, type NetworkLease } from '../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuesByField } from '../../lib/formErrors';
import { useNetworkLeases, useNetworkWrite } from '../../queries/networks';
import { ListTable } from '../usb/ListTable';

const LABELS = { mac: 'MAC address', ip: 'Address', name: 'Host name' };

function AddStaticHost({ onAdd, pending }: { onAdd(h: DhcpHost): void; pending: boolean }) {
  const [d, setD] = useState({ mac: '', ip: '', name: '' });
  const [tried, setTried] = useState(false);
  const input = { mac: d.mac.trim(), ip: d.ip.trim(), ...(d.name.trim() ? { name: d.name.trim() } : {}) };
  const check = DhcpHost.safeParse(input);
  const errors = tried && !check.success ? issuesByField(check.error.issues, (p) => p, LABELS) : {};
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (check.success) onAdd(check.data);
      }}
    >
      <Group align="flex-start" gap="xs">
        <TextInput
          size="xs"
          placeholder="MAC 52:54:00:…"
          aria-label="MAC address"
          value={d.mac}
          onChange={(e) => setD({ ...d, mac: e.currentTarget.value })}
          error={errors.mac}
          data-testid="dhcp-add-mac"
        />
        <TextInput
          size="xs"
          placeholder="Address"
          aria-label="Address"
          value={d.ip}
          onChange={(e) => setD({ ...d, ip: e.currentTarget.value })}
          error={errors.ip}
          data-testid="dhcp-add-ip"
        />
        <TextInput
          size="xs"
          placeholder="Host name (optional)"
          aria-label="Host name"
          value={d.name}
          onChange={(e) => setD({ ...d, name: e.currentTarget.value })}
          error={errors.name}
          data-testid="dhcp-add-name"
        />
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
        {l.reserved ? (
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
  const hosts = net.addresses.filter((a) => a.family === 'ipv4').flatMap((a) => a.hosts);
  const reserve = (l: NetworkLease) => {
    // The lease's host name when dnsmasq may take it as one, else none.
    const name = l.hostname && DhcpHostName.safeParse(l.hostname).success ? l.hostname : undefined;
    write.mutate({ name: net.name, op: 'add', host: { mac: l.mac, ip: l.ip, ...(name ? { name } : {}) } });
  };
  return (
    <Stack gap="sm" data-testid="dhcp-panel" data-network={net.name}>
      <Title order={5} style={{ whiteSpace: 'pre-wrap' }}>
        DHCP of {net.name}
      </Title>
      <ErrorAlert title="Could not change the static hosts" error={write.error} />
      <Text size="sm" fw={500}>
        Static hosts{net.active ? ' (changed live, dnsmasq is not restarted)' : ''}
      </Text>
      <ListTable count={hosts.length} empty="No static hosts." emptyTestId="dhcp-hosts-none" verticalSpacing={2} testId="dhcp-hosts">
        {hosts.map((h) => (
          <Table.Tr key={`${h.mac}-${h.ip}`} data-testid="dhcp-host" data-mac={h.mac} data-ip={h.ip}>
            <Table.Td>
              <Code>{h.mac ?? '—'}</Code>
            </Table.Td>
            <Table.Td>{h.ip ?? '—'}</Table.Td>
            <Table.Td>{h.name ?? ''}</Table.Td>
            <Table.Td ta="right">
              {h.mac && h.ip && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={write.isPending && write.variables?.op === 'remove' && write.variables.host.mac === h.mac}
                  onClick={() =>
                    write.mutate({
                      name: net.name,
                      op: 'remove',
                      host: { mac: h.mac as string, ip: h.ip as string, ...(h.name ? { name: h.name } : {}) },
                    })
                  }
                  data-testid="dhcp-host-remove"
                >
                  Remove
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <AddStaticHost
        pending={write.isPending && write.variables?.op === 'add'}
        onAdd={(host) => write.mutate({ name: net.name, op: 'add', host })}
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
        <ListTable
          count={leases.data?.length ?? 0}
          empty="No leases yet."
          emptyTestId="dhcp-leases-none"
          columns={['MAC', 'Address', 'Host name', 'Expires', 'VM', '']}
          verticalSpacing={2}
          testId="dhcp-leases"
        >
          {(leases.data ?? []).map((l) => (
            <LeaseRow
              key={`${l.mac}-${l.ip}`}
              l={l}
              pending={write.isPending && write.variables?.host.mac === l.mac}
              onReserve={() => reserve(l)}
            />
          ))}
        </ListTable>
      )}
    </Stack>
  );
}
