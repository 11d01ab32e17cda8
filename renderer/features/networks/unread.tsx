/**
 * What the networks tab says when VMs could not be read (libvirt's message kept): "used by" may be
 * incomplete, and a lease of such a VM shows no VM. Never silently left out.
 */
import { Alert, Text } from '@mantine/core';
import type { LeaseHostUnread, VmUnread } from '../../../shared/api';

/** '"web" (libvirt's message); the VM list (…)'. */
export const vmsUnreadInWords = (vms: readonly VmUnread[]): string =>
  vms.map((v) => (v.vm !== undefined ? `"${v.vm}" (${v.message})` : `the VM list (${v.message})`)).join('; ');

/** Above the lease table: each connected host whose VMs could not be read, with libvirt's message. */
export function LeasesUnread({ unread }: { unread: readonly LeaseHostUnread[] }) {
  if (unread.length === 0) return null;
  return (
    <Alert color="yellow" title="Some VMs could not be read: their leases show no VM" data-testid="dhcp-leases-unread">
      {unread.map((h) => (
        <Text key={h.hostId} size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="dhcp-leases-unread-host" data-host={h.hostId}>
          On {h.hostName}: {vmsUnreadInWords(h.vms)}
        </Text>
      ))}
    </Alert>
  );
}
