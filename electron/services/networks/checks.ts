/** Pure checks of the networks service (no I/O): what is refused and why, and the lease table's rows. */
import type { HostId } from '../../../shared/api/common';
import { type HostSubnet, type NetworkLease, type NetworkSpec, overlapSubnetIssues } from '../../../shared/api/networks';
import { AppError } from '../../../shared/errors';
import { shellQuote } from '../../transport/ssh/quote';
import { ipv4Subnets, type NetworkModel } from '../../xml/network';
import type { RawLease, VmNics } from './facts';
import { failuresInWords, usersOf } from './facts';

/**
 * Stopping or undefining a network under running VMs cuts them off: refused, naming them. A VM that
 * could not be read (anything but "no such domain") may be one of them — when the listing says it
 * runs (or the listing itself failed) and the network is active (only then is it destroyed): refused
 * too (fail closed), quoting libvirt's message. A shut-off VM, or any VM under an inactive network,
 * cannot be cut off (a delete there only undefines; a shut-off VM naming it does not block a delete,
 * read or not).
 */
export function refuseWhileInUse(
  verb: 'stop' | 'delete',
  net: NetworkModel,
  host: { vms: readonly VmNics[]; failed: readonly { vm?: string; running?: boolean; message: string }[] },
  active = true,
): void {
  const running = usersOf(net, host.vms).filter((u) => u.running);
  const failed = active ? host.failed.filter((f) => f.vm === undefined || f.running !== false) : [];
  const first = failed[0];
  if (running.length === 0) {
    if (!first) return;
    throw new AppError(
      'in-use-unknown',
      `Cannot ${verb} network "${net.name}": could not tell whether running VMs use it (could not read ${failuresInWords(failed)})`,
      `Nothing was changed. Try again; if it persists, check ${first.vm !== undefined ? `the VM with virsh dumpxml ${shellQuote(first.vm)}` : 'the host with virsh list --all'}.`,
    );
  }
  const names = running.map((u) => `"${u.name}"`).join(', ');
  throw new AppError(
    'in-use',
    `Cannot ${verb} network "${net.name}": ${running.length === 1 ? 'VM' : 'VMs'} ${names} ${running.length === 1 ? 'uses' : 'use'} it`,
    `Shut down ${running.length === 1 ? 'that VM' : 'those VMs'} or move ${running.length === 1 ? 'its' : 'their'} NICs to another network first.`,
  );
}

/** The host's IPv4 and IPv6 subnets by network, for the overlap check. */
export function hostSubnets(nets: readonly NetworkModel[]): HostSubnet[] {
  return nets.flatMap((n) => [
    ...ipv4Subnets(n).map((s) => ({ network: n.name, family: 'ipv4' as const, ...s })),
    ...n.addresses
      .filter((a) => a.family === 'ipv6')
      .map((a) => ({ network: n.name, family: 'ipv6' as const, address: a.address, prefix: a.prefix })),
  ]);
}

/** A new network's spec against the host: its name is free and its subnet overlaps none of the others. */
export function checkDefine(spec: NetworkSpec, nets: readonly NetworkModel[]): void {
  if (nets.some((n) => n.name === spec.name))
    throw new AppError('exists', `This host already has a network named "${spec.name}"`, 'Pick another name.');
  const issues = overlapSubnetIssues(spec, hostSubnets(nets));
  if (issues[0]) throw new AppError('invalid-input', issues[0].message, 'Nothing was defined.');
}

export type VmIndex = Map<string, NonNullable<NetworkLease['vm']>>;

/** MAC → the VM that has it, over every connected host's VMs. */
export function vmIndex(hosts: readonly { hostId: HostId; hostName: string; vms: readonly VmNics[] }[]): VmIndex {
  const idx: VmIndex = new Map();
  for (const h of hosts)
    for (const vm of h.vms)
      for (const n of vm.nics)
        if (n.mac && !idx.has(n.mac)) idx.set(n.mac, { hostId: h.hostId, hostName: h.hostName, name: vm.name, uuid: vm.uuid });
  return idx;
}

/** The lease table: each lease with its VM and whether a static host already reserves that address for that MAC. */
export function leaseRows(leases: readonly RawLease[], net: NetworkModel, idx: VmIndex): NetworkLease[] {
  const fixed = net.addresses.flatMap((a) => a.hosts);
  return leases.map((l) => {
    const vm = idx.get(l.mac);
    return {
      ...l,
      reserved: fixed.some((h) => h.mac?.toLowerCase() === l.mac && h.ip === l.ip),
      ...(vm ? { vm } : {}),
    };
  });
}
