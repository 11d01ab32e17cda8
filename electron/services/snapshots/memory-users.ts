/**
 * Which memory state files the snapshots of the VMs on a host name (a file another VM's snapshot
 * names is never removed, nor offered for deletion, with this VM's). Read fresh on every path
 * that writes or deletes (readMemoryFileUsers); the Snapshots tab's list (refetched on every
 * event of its VM) reads it through MemoryUsersCache: per host, each VM's files are read when
 * first seen, and again only after an event of that VM (a memory snapshot pauses and resumes
 * the guest: lifecycle events, seen in the lab), a reconnect, or Vireo's own snapshot write.
 * A refresh costs the listing of the VMs with snapshots (1 call) plus the VMs not known or
 * marked, read in parallel. Without an event source (the bench's bare feature) every VM is read
 * each time.
 */
import type { HostId } from '../../../shared/api/common';
import type { RpcClient } from '../../libvirt/client';
import { domainListAll } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import { type DomainRef, ListDomainsFlags } from '../../libvirt/protocol';
import { snapshotGetXmlDesc, snapshotListAll } from '../../libvirt/snapshot';
import { parseSnapshotXml } from '../../xml/snapshot';
import type { DomainEventSource } from '../domain-event-source';
import { mapLimit } from '../tuning/facts';

/** The VM or snapshot went meanwhile: `value`; any other error (a link drop …) is thrown. */
const gone =
  <T>(value: T) =>
  (err: unknown): T => {
    if (isLibvirtError(err, ErrorCode.NO_DOMAIN) || isLibvirtError(err, 72 /* VIR_ERR_NO_DOMAIN_SNAPSHOT */)) return value;
    throw err;
  };

/** VMs read at once. */
const CONCURRENCY = 8;

/** One VM's memory state files as its snapshots name them (in libvirt's order). */
export interface VmMemoryFiles {
  name: string;
  files: { file: string; snapshot: string }[];
}

/** The VM's snapshots' memory files; null when the VM went meanwhile (any other error is thrown). */
export async function readVmMemoryFiles(rpc: RpcClient, dom: DomainRef): Promise<VmMemoryFiles | null> {
  const refs = await snapshotListAll(rpc, dom).catch(gone(null));
  if (!refs) return null;
  const models = await Promise.all(refs.map((snap) => snapshotGetXmlDesc(rpc, snap).then(parseSnapshotXml).catch(gone(null))));
  const files = models.flatMap((m) => (m?.memory === 'external' && m.memoryFile ? [{ file: m.memoryFile, snapshot: m.name }] : []));
  return { name: dom.name, files };
}

/** path → “VM (snapshot “s”)” for every VM but `except`. */
export function memoryUsersOf(vms: Iterable<[string, VmMemoryFiles | null]>, except: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [uuid, vm] of vms) {
    if (uuid === except || !vm) continue;
    for (const f of vm.files) {
      out[f.file] ??= [];
      out[f.file]?.push(`${vm.name} (snapshot “${f.snapshot}”)`);
    }
  }
  return out;
}

const withSnapshots = (rpc: RpcClient) => domainListAll(rpc, { flags: ListDomainsFlags.HAS_SNAPSHOT });

/** Fresh: the memory files other VMs' snapshots on the host name (every VM with snapshots read, in parallel). */
export async function readMemoryFileUsers(rpc: RpcClient, except: string): Promise<Record<string, string[]>> {
  const doms = (await withSnapshots(rpc)).filter((d) => d.uuid !== except);
  const read = await mapLimit(doms, CONCURRENCY, (d) => readVmMemoryFiles(rpc, d));
  return memoryUsersOf(
    doms.map((d, i) => [d.uuid, read[i] ?? null]),
    except,
  );
}

interface HostCache {
  vms: Map<string, VmMemoryFiles | null>;
  /** VMs an event (or Vireo's own write) told of since they were read. */
  dirty: Set<string>;
  /**
   * Per VM, the number of its latest read started: a read's answer is kept only if no later read of
   * the VM started. Never restarts (a VM dropped from the listing bumps it): a VM that comes back
   * does not take a number a read still on the way holds (review 7 item 8).
   */
  seq: Map<string, number>;
}

export class MemoryUsersCache {
  private readonly hosts = new Map<HostId, HostCache>();
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly source: DomainEventSource | null,
    private readonly readVm: typeof readVmMemoryFiles = readVmMemoryFiles,
  ) {
    if (!source) return;
    this.offs.push(
      source.onDomainEvent((hostId, e) => this.touch(hostId, e.domain.uuid)),
      source.onResync((hostId) => this.hosts.delete(hostId)),
      source.onVireoWrite?.((hostId, uuid) => this.touch(hostId, uuid)) ?? (() => {}),
    );
  }

  /** The memory files other VMs' snapshots name: the listing, plus the VMs not known or marked (in parallel). */
  async read(rpc: RpcClient, hostId: HostId, except: string): Promise<Record<string, string[]>> {
    if (!this.source) return readMemoryFileUsers(rpc, except);
    let h = this.hosts.get(hostId);
    if (!h) {
      h = { vms: new Map(), dirty: new Set(), seq: new Map() };
      this.hosts.set(hostId, h);
    }
    const cache = h;
    const doms = await withSnapshots(rpc);
    const seen = new Set(doms.map((d) => d.uuid));
    for (const uuid of [...cache.vms.keys()])
      if (!seen.has(uuid)) {
        cache.vms.delete(uuid);
        cache.seq.set(uuid, (cache.seq.get(uuid) ?? 0) + 1); // a read still on the way does not bring it back
      }
    const todo = doms.filter((d) => d.uuid !== except && (!cache.vms.has(d.uuid) || cache.dirty.has(d.uuid)));
    // Unmarked before the read: an event during it marks the VM again for the next read.
    for (const d of todo) cache.dirty.delete(d.uuid);
    const read = new Map<string, VmMemoryFiles | null>();
    await mapLimit(todo, CONCURRENCY, async (d) => {
      const n = (cache.seq.get(d.uuid) ?? 0) + 1;
      cache.seq.set(d.uuid, n);
      const vm = await this.readVm(rpc, d).catch((err: unknown) => {
        cache.dirty.add(d.uuid); // failed (a timeout): read again next time, the old answer is not trusted to be current
        throw err;
      });
      read.set(d.uuid, vm);
      // An older read answering last (a later one started after an event) does not overwrite the newer answer.
      if (cache.seq.get(d.uuid) === n) cache.vms.set(d.uuid, vm);
    });
    return memoryUsersOf(
      doms.map((d) => [d.uuid, read.has(d.uuid) ? (read.get(d.uuid) ?? null) : (cache.vms.get(d.uuid) ?? null)]),
      except,
    );
  }

  /** After a change of the VM's snapshots (Vireo's own, or an event): read it again next time. */
  touch(hostId: HostId, uuid: string): void {
    this.hosts.get(hostId)?.dirty.add(uuid);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.hosts.clear();
  }
}
