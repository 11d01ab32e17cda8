/**
 * The host's domains (name, uuid, id: running or not), kept between storage decisions and read
 * again after any domain lifecycle event (defined, undefined, started, stopped … — libvirt sends
 * one for each, checked on libvirt 9.0), a reconnect or an event error. Only the list is kept:
 * each domain's disks are still read afresh for every decision (an attach or detach with --config
 * sends no event at all). Used only while lifecycle events reach it; else read every time.
 *
 * libvirt takes one lifecycle registration per connection ("event callback already tracked" for
 * a second): in the app DomainService holds it and relays each event as `domain.changed`, which
 * renews the list too. So the list is kept when our own registration is in place, or when it was
 * refused as already tracked while `domain.changed` is followed.
 */
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import { domainListAll } from '../../libvirt/domain';
import { ErrorCode, isLibvirtError } from '../../libvirt/errors';
import { DomainEvents } from '../../libvirt/events';
import type { DomainRef } from '../../libvirt/protocol';

export class DomainList {
  private armed = false;
  private kept: Promise<DomainRef[]> | null = null;
  private readonly events: DomainEvents;
  /** Settles once the events are registered (true: the list is kept) or could not be (false). */
  readonly ready: Promise<boolean>;
  /** How many times the list was read from libvirt (tests look). */
  reads = 0;

  constructor(
    private readonly conn: Pick<LibvirtConnection, 'rpc' | 'onReconnected'>,
    onError: (err: Error) => void,
    /** Subscribes to the app's `domain.changed` of this host (DomainService's relay); returns the unsubscribe. */
    followChanges?: (fn: () => void) => () => void,
  ) {
    this.unfollow = followChanges?.(() => this.forget()) ?? null;
    this.events = new DomainEvents(conn, { kinds: ['lifecycle'] });
    this.events.on('lifecycle', () => this.forget());
    this.events.onResync(() => this.forget());
    this.events.onError((err) => {
      this.forget();
      // After a reconnect the relay's registration is back first: not an error here.
      if (!(this.unfollow && isLibvirtError(err, ErrorCode.INVALID_ARG) && /already tracked/.test(err.message))) onError(err);
    });
    this.ready = this.events.start().then(
      () => {
        this.armed = true;
        return true;
      },
      (err: Error) => {
        // Another registration on this connection already brings the events (relayed as domain.changed).
        if (this.unfollow && isLibvirtError(err, ErrorCode.INVALID_ARG) && /already tracked/.test(err.message)) {
          this.armed = true;
          return true;
        }
        onError(err);
        return false;
      },
    );
  }

  private readonly unfollow: (() => void) | null;

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
    this.unfollow?.();
    void this.events.stop();
  }
}
