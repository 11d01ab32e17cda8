/**
 * The VM table's "IP address" cell: the first address (IPv4 first), how many more, where it came
 * from (agent, DHCP lease, ARP; a fallback is marked and says why), and a copy button.
 */
import { ActionIcon, Badge, CopyButton, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { memo } from 'react';
import { type DomainSummary, SOURCE_LABEL, type VmAddresses } from '../../../shared/api';
import { useVmAddresses } from '../../queries/guest';

/** "From the DHCP lease: the guest agent is not connected." */
export function sourceSentence(vm: VmAddresses): string {
  if (!vm.source) return vm.fallback ? `No address: ${vm.fallback}.` : 'No source had an address.';
  const from =
    vm.source === 'agent'
      ? 'From the guest agent'
      : vm.source === 'lease'
        ? 'From the DHCP lease of a libvirt network'
        : "From the host's ARP table";
  return vm.fallback ? `${from}: ${vm.fallback}.` : `${from}.`;
}

export const IpCell = memo(function IpCell({ d, testId }: { d: DomainSummary; testId: string }) {
  const running = d.state === 'running' || d.state === 'paused' || d.state === 'blocked';
  const { vm, reading } = useVmAddresses(d.hostId, d.uuid, running);
  const first = vm?.addresses[0];
  if (!running) return null;
  if (!first) {
    return (
      <Text size="xs" c="dimmed" span data-testid={`${testId}-ip`} title={vm ? sourceSentence(vm) : undefined}>
        {reading ? '…' : '—'}
      </Text>
    );
  }
  const more = (vm?.addresses.length ?? 1) - 1;
  const all = vm?.addresses.map((a) => `${a.address}/${a.prefix} (${a.iface})`).join('\n') ?? '';
  return (
    <span
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, maxWidth: '100%' }}
      title={`${all}\n${vm ? sourceSentence(vm) : ''}`}
    >
      <Text size="sm" span truncate data-testid={`${testId}-ip`} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {first.address}
      </Text>
      {more > 0 && (
        <Text size="xs" c="dimmed" span>
          +{more}
        </Text>
      )}
      {vm?.source && (
        <Badge
          size="xs"
          variant="light"
          color={vm.fallback ? 'yellow' : vm.source === 'agent' ? 'teal' : 'gray'}
          data-testid={`${testId}-ip-source`}
          data-fallback={vm.fallback ? 'true' : undefined}
          style={{ flexShrink: 0 }}
        >
          {SOURCE_LABEL[vm.source]}
        </Badge>
      )}
      <CopyButton value={first.address}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${first.address}`}>
            <ActionIcon
              size="xs"
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              aria-label={`Copy ${first.address}`}
              data-testid={`${testId}-ip-copy`}
              data-copied={copied ? 'true' : undefined}
              onClick={(e) => {
                e.stopPropagation();
                copy();
              }}
            >
              {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </span>
  );
});
