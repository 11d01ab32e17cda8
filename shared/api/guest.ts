import type { HostId } from './common';

/** Guest insight (issue 20): IP addresses (agent, else DHCP leases, else ARP) and guest facts through the guest agent. */

/** This feature's requests, spread into the contract's `requests`. */
export const guestRequests = {} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export type GuestEvents = {
  /** A VM's addresses or guest facts changed (agent connected, lease, lifecycle): refetch that VM's guest queries. */
  'guest.changed': { hostId: HostId; uuid: string };
};
