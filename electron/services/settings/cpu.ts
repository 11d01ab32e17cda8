/**
 * The CPU mode (host-model / host-passthrough / custom model) and what it means for migration:
 * the VM's CPU compared live against each connected host, by libvirt on that host.
 *
 * - custom: the definition's <cpu> against what each host's hypervisor can provide
 *   (virConnectCompareHypervisorCPU, as a migration's pre-flight does);
 * - host-model: libvirt migrates such a VM as the model it expanded on its own host, so that
 *   model (the own host's domain capabilities) is compared in the same way;
 * - host-passthrough: the guest sees this host's very CPU, so each other host's own CPU must
 *   provide it (virConnectCompareCPU with this host's CPU from its capabilities).
 * FAIL_INCOMPATIBLE makes libvirt say which features are missing.
 */
import type { HostId } from '../../../shared/api/common';
import type { CpuCompareRow, CpuFacts } from '../../../shared/api/settings';
import type { RpcClient } from '../../libvirt/client';
import { domainGetXmlDesc, domainLookupByUuid } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import { hostCompareCpu, hostCompareHypervisorCpu, hostGetCapabilities, hostGetDomainCapabilities } from '../../libvirt/host';
import { CompareCpuFlags, DomainXmlFlags } from '../../libvirt/protocol';
import { appendElement, attr, child, children, type Element, newDocument, parseXml, path, serializeXml, text, toXml } from '../../xml/dom';
import { openDomain } from '../../xml/edit';
import { parseDomain } from '../../xml/parse';
import { cpuModeOf } from './vm-settings';

export interface CpuHosts {
  connectedIds(): HostId[];
  name(id: HostId): string;
  rpcOf(id: HostId): RpcClient;
}

const RESULT = ['incompatible', 'identical', 'superset'] as const;

/** The <mode name=…> elements of a domain-capabilities document's <cpu>. */
function cpuModes(domcaps: string): Element[] {
  const caps = child(parseXml(domcaps, 'the domain capabilities').documentElement, 'cpu');
  return caps ? children(caps, 'mode') : [];
}

/** The host-model CPU of a domain-capabilities document as a custom <cpu> (what libvirt migrates it as). Pure. */
export function hostModelCpuXml(domcaps: string): string | null {
  const mode = cpuModes(domcaps).find((m) => attr(m, 'name') === 'host-model');
  const model = text(child(mode, 'model'));
  if (!mode || attr(mode, 'supported') !== 'yes' || !model) return null;
  const doc = newDocument('cpu');
  const cpu = doc.documentElement as Element;
  cpu.setAttribute('mode', 'custom');
  cpu.setAttribute('match', 'exact');
  appendElement(cpu, 'model', { fallback: 'forbid' }, model);
  const vendor = text(child(mode, 'vendor'));
  if (vendor) appendElement(cpu, 'vendor', {}, vendor);
  for (const f of children(mode, 'feature'))
    appendElement(cpu, 'feature', { policy: attr(f, 'policy') ?? 'require', name: attr(f, 'name') ?? '' });
  return toXml(doc);
}

/** The custom CPU models a host's hypervisor offers (domain capabilities), usable or not. Pure. */
export function customModels(domcaps: string): { name: string; usable: boolean }[] {
  const mode = cpuModes(domcaps).find((m) => attr(m, 'name') === 'custom');
  return (mode ? children(mode, 'model') : [])
    .map((m) => ({ name: text(m) ?? '', usable: attr(m, 'usable') === 'yes' }))
    .filter((m) => m.name !== '');
}

export async function cpuFacts(hosts: CpuHosts, hostId: HostId, uuid: string): Promise<CpuFacts> {
  const rpc = hosts.rpcOf(hostId);
  const dom = await domainLookupByUuid(rpc, uuid);
  const xml = await domainGetXmlDesc(rpc, dom, { flags: DomainXmlFlags.INACTIVE });
  const m = parseDomain(xml);
  const virtType = m.hypervisor ?? 'kvm';
  const target = { virtType, ...(m.os.arch ? { arch: m.os.arch } : {}), ...(m.os.machine ? { machine: m.os.machine } : {}) };
  const domcaps = await hostGetDomainCapabilities(rpc, target);
  const mode = m.cpu.mode ?? 'custom';
  let compare: (other: RpcClient) => Promise<number>;
  if (mode === 'host-passthrough') {
    const caps = parseXml(await hostGetCapabilities(rpc), 'the host capabilities').documentElement;
    const hostCpu = caps ? path(caps, 'host', 'cpu') : null;
    const own = hostCpu ? serializeXml(hostCpu) : null;
    compare = async (other) => {
      if (!own) throw new Error(`${hosts.name(hostId)} does not describe its CPU`);
      return hostCompareCpu(other, { xml: own, flags: CompareCpuFlags.FAIL_INCOMPATIBLE });
    };
  } else {
    const cpuEl = child(openDomain(xml).root, 'cpu');
    const xmlCpu = mode === 'host-model' ? hostModelCpuXml(domcaps) : cpuEl && child(cpuEl, 'model') ? serializeXml(cpuEl) : null;
    compare = async (other) => {
      if (!xmlCpu) throw new Error('The definition names no CPU model to compare (libvirt’s default CPU)');
      return hostCompareHypervisorCpu(other, { ...target, xmlCpu, flags: CompareCpuFlags.FAIL_INCOMPATIBLE });
    };
  }
  const ids = [hostId, ...hosts.connectedIds().filter((id) => id !== hostId)];
  const rows = await Promise.all(
    ids.map(async (id): Promise<CpuCompareRow> => {
      const base = { hostId: id, hostName: hosts.name(id), thisHost: id === hostId };
      try {
        const r = await compare(hosts.rpcOf(id));
        return { ...base, result: RESULT[r] ?? 'incompatible' };
      } catch (err) {
        // FAIL_INCOMPATIBLE: libvirt's refusal names the missing features.
        const incompatible = isLibvirtError(err, ErrorCode.CPU_INCOMPATIBLE);
        return { ...base, result: incompatible ? 'incompatible' : 'error', message: (err as Error).message };
      }
    }),
  );
  return {
    mode,
    ...(m.cpu.model ? { model: m.cpu.model } : {}),
    shown: cpuModeOf(m),
    models: customModels(domcaps),
    hostModel: cpuModes(domcaps).some((x) => attr(x, 'name') === 'host-model' && attr(x, 'supported') === 'yes'),
    compare: rows,
  };
}
