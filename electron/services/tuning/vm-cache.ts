/**
 * The Tuning tab's VM list, cached per host and kept by events (as the IP column and the pending
 * marks are): the host's topology is read once; each VM's row (definition and pinning, 2 calls) is
 * read when first seen, and again only after an event of that VM (defined, started, stopped, a
 * tunable such as a new pinning, a device), a change of its running state or persistence in the
 * listing, or Vireo's own pinning write. A read of the list costs the listing (2 calls) plus the
 * rows marked; without an event source (the lab test's bare feature) every row is read each time.
 */

import type { HostId, TuningVms } from '../../../shared/api';
import type { RpcClient } from '../../libvirt/client';
import type { DomainEventSource } from '../domain-event-source';
import { isRunningState, listVms, mapLimit, readTopology, readVmRow, type TuningVmRow, tuningVmsOf } from './facts';

/** Rows read at once per host. */
const CONCURRENCY = 8;

/** The reads, replaceable in unit tests (each counts its libvirt calls). */
export interface TuningVmIo {
  topology: typeof readTopology;
  list: typeof listVms;
  row: typeof readVmRow;
}

interface HostCache {
  topology: ReturnType<typeof readTopology> | null;
  /** seq: when its read started (a later read's row wins, whichever answers first). */
  rows: Map<string, { row: TuningVmRow | null; running: boolean; persistent: boolean; seq: number }>;
  /** VMs an event told of since their row was read. */
  dirty: Set<string>;
  /** Rows being read now: a read that overlaps waits for them rather than answer with the old row. */
  inflight: Map<string, Promise<TuningVmRow | null>>;
}

export class TuningVmCache {
  private readonly hosts = new Map<HostId, HostCache>();
  private readonly offs: (() => void)[] = [];
  private readonly io: TuningVmIo;
  private seq = 0;

  constructor(
    private readonly source: DomainEventSource | null,
    io: Partial<TuningVmIo> = {},
  ) {
    this.io = { topology: io.topology ?? readTopology, list: io.list ?? listVms, row: io.row ?? readVmRow };
    if (!source) return;
    this.offs.push(
      // Any event of a VM may change its row (balloon changes do not: skipped).
      source.onDomainEvent((hostId, e) => {
        if (e.kind !== 'balloonChange') this.hosts.get(hostId)?.dirty.add(e.domain.uuid);
      }),
      source.onResync((hostId) => this.hosts.delete(hostId)),
      source.onVireoWrite?.((hostId, uuid) => this.hosts.get(hostId)?.dirty.add(uuid)) ?? (() => {}),
    );
  }

  /** The host's topology, VMs and suggestions: the listing, plus the rows not known or marked. */
  async read(rpc: RpcClient, hostId: HostId): Promise<TuningVms> {
    let h = this.hosts.get(hostId);
    if (!h || !this.source) {
      h = { topology: null, rows: new Map(), dirty: new Set(), inflight: new Map() };
      if (this.source) this.hosts.set(hostId, h);
    }
    const cache = h;
    if (!cache.topology) {
      const t = this.io.topology(rpc);
      cache.topology = t;
      t.catch(() => {
        if (cache.topology === t) cache.topology = null;
      });
    }
    const [{ node, topology }, { doms, transient }] = await Promise.all([cache.topology, this.io.list(rpc)]);
    const seen = new Set(doms.map((d) => d.uuid));
    for (const uuid of [...cache.rows.keys()]) if (!seen.has(uuid)) cache.rows.delete(uuid);
    const todo = doms.filter((d) => {
      const r = cache.rows.get(d.uuid);
      return !r?.row || cache.dirty.has(d.uuid) || r.running !== isRunningState(d.state) || r.persistent !== !transient.has(d.uuid);
    });
    // Unmarked before the read: an event during it marks the VM again for the next read.
    for (const d of todo) cache.dirty.delete(d.uuid);
    // Reads overlap (an event's refetch, then the one after a write): this read answers with the
    // rows it read itself, and the cache keeps a row only over one whose read started earlier.
    const fresh = new Map<string, TuningVmRow | null>();
    await mapLimit(todo, CONCURRENCY, async (d) => {
      const persistent = !transient.has(d.uuid);
      const seq = ++this.seq;
      // A VM that vanished between the list and its reads is left out, not an error.
      const reading = this.io.row(rpc, d, node, persistent);
      cache.inflight.set(d.uuid, reading);
      let row: TuningVmRow | null;
      try {
        row = await reading;
      } finally {
        if (cache.inflight.get(d.uuid) === reading) cache.inflight.delete(d.uuid);
      }
      fresh.set(d.uuid, row);
      const kept = cache.rows.get(d.uuid);
      if (!kept || kept.seq < seq) cache.rows.set(d.uuid, { row, running: isRunningState(d.state), persistent, seq });
    });
    // A row another read is reading now (its VM marked after this one's cached copy): wait for it.
    await Promise.all(
      doms
        .filter((d) => !fresh.has(d.uuid) && cache.inflight.has(d.uuid))
        .map(async (d) => fresh.set(d.uuid, await (cache.inflight.get(d.uuid) as Promise<TuningVmRow | null>))),
    );
    const rows = doms.flatMap((d) => {
      const r = fresh.has(d.uuid) ? fresh.get(d.uuid) : cache.rows.get(d.uuid)?.row;
      return r ? [r] : [];
    });
    return tuningVmsOf(hostId, topology, rows);
  }

  /** After Vireo's own write to a VM (its pinning): read its row again next time. */
  touch(hostId: HostId, uuid: string): void {
    this.hosts.get(hostId)?.dirty.add(uuid);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.hosts.clear();
  }
}
