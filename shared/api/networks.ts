/** Virtual networks and their DHCP leases (issue 18): its value types, schemas, requests and events. */
import type { HostId } from './common';

/** This feature's requests, spread into the contract's `requests`. */
export const networkRequests = {} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export interface NetworkEvents {
  'network.changed': { hostId: HostId; name: string; removed?: boolean };
}
