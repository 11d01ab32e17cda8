/**
 * Storage pool events of one connection (libvirt's pool lifecycle: defined, undefined, started,
 * stopped, created, deleted; and refresh), kept registered across reconnects by the connection's
 * event relay. Each becomes a `storage.changed` event; the renderer re-reads the pool.
 */
import { type EventRelay, type PoolEvent, poolChannel } from '../../libvirt/relay';

export type { PoolEvent };

/** virStoragePoolEventLifecycleType. */
export const PoolLifecycle = { DEFINED: 0, UNDEFINED: 1, STARTED: 2, STOPPED: 3, CREATED: 4, DELETED: 5 } as const;

/**
 * Follows pool events through the connection's relay (deps.relays: one registration per event and
 * connection, registered again after each reconnect); returns the stop function.
 */
export function watchPools(relay: EventRelay, onEvent: (e: PoolEvent) => void, onError: (err: Error) => void): () => void {
  const subs = [relay.subscribe(poolChannel('lifecycle'), onEvent), relay.subscribe(poolChannel('refresh'), onEvent)];
  for (const sub of subs) sub.ready.catch((err: Error) => onError(err));
  return () => {
    for (const sub of subs) sub.off();
  };
}
