/**
 * The host's domains (name, uuid, id: running or not), kept between storage decisions and read
 * again after any domain lifecycle event (defined, undefined, started, stopped … — libvirt sends
 * one for each, checked on libvirt 9.0), a reconnect or an event error. Only the list is kept:
 * each domain's disks are still read afresh for every decision (an attach or detach with --config
 * sends no event at all). Used only while lifecycle events reach it; else read every time (also
 * for good after any event error on its registration).
 *
 * libvirt takes one lifecycle registration per connection ("event callback already tracked" for
 * a second), so the events come through the connection's one relay (electron/libvirt/relay.ts),
 * shared with the domain service and every other feature: no registration of its own.
 */
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainListAll } from '../../libvirt/domain';
import type { DomainRef } from '../../libvirt/protocol';
import { type EventRelay, RelayedDomainEvents } from '../../libvirt/relay';

export class DomainList {
  private armed = false;
  private kept: Promise<DomainRef[]> | null = null;
  private readonly events: RelayedDomainEvents;
  /** Settles once the lifecycle events reach it (true: the list is kept) or could not be registered (false). */
  readonly ready: Promise<boolean>;
  /** How many times the list was read from libvirt (tests look). */
  reads = 0;

  constructor(
    private readonly conn: Pick<LibvirtConnection, 'rpc'>,
    relay: EventRelay,
    onError: (err: Error) => void,
  ) {
    this.events = new RelayedDomainEvents(relay, ['lifecycle']);
    this.events.on('lifecycle', () => this.forget());
    this.events.onResync(() => this.forget());
    this.events.onError((err) => {
      // Events may be missed from now on (a re-registration can fail after a reconnect): read the
      // list every time rather than keep one no event will clear.
      this.armed = false;
      this.forget();
      onError(err);
    });
    this.ready = this.events.start().then(
      () => {
        this.armed = true;
        return true;
      },
      (err: Error) => {
        onError(err);
        return false;
      },
    );
  }

  forget(): void {
    this.kept = null;
  }

  /** Every domain of the host (from the kept list when nothing changed since it was read). */
  list(rpc: RpcClient): Promise<DomainRef[]> {
    if (!this.armed || rpc !== this.conn.rpc) {
      this.reads++;
      return domainListAll(rpc);
    }
    if (!this.kept) {
      this.reads++;
      const p = domainListAll(rpc);
      this.kept = p;
      p.catch(() => {
        if (this.kept === p) this.kept = null;
      });
    }
    return this.kept;
  }

  dispose(): void {
    this.armed = false;
    this.kept = null;
    void this.events.stop();
  }
}
