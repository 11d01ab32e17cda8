/**
 * Which running VMs of a host have pending changes (the next boot's definition differs from the
 * running VM), for the marker in the VM list and the sidebar: the same comparison as the Settings
 * tab (pendingOf), on each running persistent VM's live and inactive XML.
 */
import type { HostId } from '../../../shared/api/common';
import type { PendingVms } from '../../../shared/api/settings';
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainListAll } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import { type DomainRef, DomainXmlFlags, ListDomainsFlags } from '../../libvirt/protocol';
import { parseDomain } from '../../xml/parse';
import { pendingOf } from './vm-settings';

/**
 * Above this many running VMs on one host the marker is not computed (two definitions read per VM
 * on every refresh would cost more than the marker is worth); the reply says so.
 */
export const PENDING_SCAN_MAX = 200;
const CONCURRENCY = 8;

export async function pendingVms(rpc: RpcClient, hostId: HostId): Promise<PendingVms> {
  const doms = await domainListAll(rpc, { flags: ListDomainsFlags.ACTIVE | ListDomainsFlags.PERSISTENT });
  if (doms.length > PENDING_SCAN_MAX) return { hostId, uuids: [], scanned: false };
  const todo = [...doms];
  const uuids: string[] = [];
  const one = async (dom: DomainRef) => {
    try {
      const [live, config] = await Promise.all([
        domainGetXmlDesc(rpc, dom),
        domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE }),
      ]);
      if (pendingOf(parseDomain(config), parseDomain(live)).length > 0) uuids.push(dom.uuid);
    } catch (err) {
      // Gone or stopped since the listing: nothing pending to show for it.
      if (!isLibvirtError(err, ErrorCode.NO_DOMAIN) && !isLibvirtError(err, ErrorCode.OPERATION_INVALID)) throw err;
    }
  };
  const worker = async () => {
    for (let d = todo.shift(); d; d = todo.shift()) await one(d);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, todo.length) }, worker));
  return { hostId, uuids: uuids.sort(), scanned: true };
}
