import type { HostId } from './common';
import { domainRef, hostRef } from './common';
import { out } from './out';

/** Guest insight (issue 20): IP addresses (agent, else DHCP leases, else ARP) and guest facts through the guest agent. */

/** Where a VM's addresses came from: the guest agent, the DHCP leases of libvirt's networks, the host's ARP table. */
export type AddressSource = 'agent' | 'lease' | 'arp';

/** The words the UI shows for each source. */
export const SOURCE_LABEL: Record<AddressSource, string> = { agent: 'agent', lease: 'DHCP lease', arp: 'ARP' };

export interface GuestAddress {
  family: 'ipv4' | 'ipv6';
  address: string;
  prefix: number;
  /** The interface: the guest's name for it (agent) or the host's tap device (leases, ARP). */
  iface: string;
  mac?: string;
}

/** A running VM's addresses as last read (link-local and loopback addresses left out). */
export interface VmAddresses {
  uuid: string;
  /** The source that gave these; absent when none had an address. */
  source?: AddressSource;
  addresses: GuestAddress[];
  /** Why a better source was not used, in plain words ("the guest agent is not connected"). */
  fallback?: string;
  /** When they were read (ms since the epoch). */
  at: number;
}

/** The addresses of a host's running VMs, as far as read; the rest is being read (fetch on change, never polled). */
export interface HostAddresses {
  hostId: HostId;
  vms: VmAddresses[];
  /** VMs whose addresses are queued or being read. */
  pending: number;
  /** libvirt calls made for addresses on this host since it connected (the ip-column-1000 benchmark reads it). */
  calls: number;
}

/** The agent as far as libvirt knows it. */
export type AgentState =
  /** The VM is not running. */
  | 'off'
  /** The definition has no org.qemu.guest_agent.0 channel. */
  | 'no-channel'
  /** The channel exists; no agent in the guest holds it open. */
  | 'not-connected'
  /** Connected, but it did not answer (hung, or a command it refuses). */
  | 'not-answering'
  | 'answering';

export interface GuestOs {
  name?: string;
  prettyName?: string;
  version?: string;
  id?: string;
  kernelRelease?: string;
  kernelVersion?: string;
  machine?: string;
}

export interface GuestFileSystem {
  mountpoint: string;
  /** The guest's device name (vda1, dm-0 …). */
  name?: string;
  type?: string;
  totalBytes?: number;
  usedBytes?: number;
  /** The VM's disks under it (libvirt's target names, vda …), when the agent maps them. */
  disks: string[];
}

export interface GuestUser {
  name: string;
  domain?: string;
  /** ms since the epoch. */
  loginTime?: number;
}

/** What the guest agent answered, and what the agent state means for the admin. */
export interface GuestInfo {
  hostId: HostId;
  uuid: string;
  name: string;
  agent: { state: AgentState; message?: string; hint?: string };
  /** Only what the agent answered (a minimal guest may lack some). */
  hostname?: string;
  os?: GuestOs;
  timezone?: { name?: string; offsetSec: number };
  users?: GuestUser[];
  filesystems?: GuestFileSystem[];
  addresses?: VmAddresses;
  /** The last time Vireo set the guest's clock (after a resume or a migration). */
  clock?: { at: number; after: 'resume' | 'migration' | 'restore'; ok: boolean; message?: string };
}

export interface AgentChannelAdded {
  name: string;
  /** Plugged into the running VM now (libvirt allows hot-plugging a virtio-serial channel). */
  live: boolean;
  /** In the persistent definition (from the next start). */
  config: boolean;
  message: string;
}

/** This feature's requests, spread into the contract's `requests`. */
export const guestRequests = {
  /** The host's VM addresses as cached; the first call for a host reads its running VMs (4 at a time). */
  'guest.addresses': { input: hostRef, output: out<HostAddresses>() },
  /** Guest facts through the agent (hostname, OS, time zone, users, file systems) and the VM's addresses. */
  'guest.info': { input: domainRef, output: out<GuestInfo>() },
  /** Adds the org.qemu.guest_agent.0 channel: live where libvirt allows, and to the definition. */
  'guest.addChannel': { input: domainRef, output: out<AgentChannelAdded>() },
} as const;

/** This feature's events (their names are also listed in shared/channels.ts). */
export type GuestEvents = {
  /** A VM's addresses or guest facts changed (agent connected, lease, lifecycle): refetch that VM's guest queries. */
  'guest.changed': { hostId: HostId; uuid: string };
};
