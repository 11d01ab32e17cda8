/**
 * Storage pool events of one connection (libvirt's pool lifecycle: defined, undefined, started,
 * stopped, created, deleted; and refresh), kept registered across reconnects. Each becomes a
 * `storage.changed` event; the renderer re-reads the pool.
 */
import type { RpcClient } from '../../libvirt/client';
import type { LibvirtConnection } from '../../libvirt/connection';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { poolEventDeregister, poolEventRegister } from '../../libvirt/storage';

/** virStoragePoolEventID. */
const PoolEventId = { LIFECYCLE: 0, REFRESH: 1 } as const;
/** virStoragePoolEventLifecycleType. */
export const PoolLifecycle = { DEFINED: 0, UNDEFINED: 1, STARTED: 2, STOPPED: 3, CREATED: 4, DELETED: 5 } as const;

export interface PoolEvent {
  pool: string;
  /** A PoolLifecycle value, or 'refresh'. */
  event: number | 'refresh';
}

/** Registers for pool events on `conn` (and again after each reconnect); returns the stop function. */
export function watchPools(
  conn: Pick<LibvirtConnection, 'rpc' | 'onReconnected'>,
  onEvent: (e: PoolEvent) => void,
  onError: (err: Error) => void,
): () => void {
  let ids = new Set<number>();
  let unhook: (() => void)[] = [];
  let current: RpcClient | null = null;
  let stopped = false;

  const attach = async (rpc: RpcClient) => {
    for (const off of unhook) off();
    ids = new Set();
    current = rpc;
    const seen = (callbackID: number) => ids.size === 0 || ids.has(callbackID);
    unhook = [
      rpc.onMessage(P.STORAGE_POOL_EVENT_LIFECYCLE.proc, (r) => {
        const m = P.readRemoteStoragePoolEventLifecycleMsg(r);
        if (seen(m.callbackID)) onEvent({ pool: m.pool.name, event: m.event });
      }),
      rpc.onMessage(P.STORAGE_POOL_EVENT_REFRESH.proc, (r) => {
        const m = P.readRemoteStoragePoolEventRefreshMsg(r);
        if (seen(m.callbackID)) onEvent({ pool: m.pool.name, event: 'refresh' });
      }),
    ];
    const got = await Promise.all([
      poolEventRegister(rpc, { eventId: PoolEventId.LIFECYCLE }),
      poolEventRegister(rpc, { eventId: PoolEventId.REFRESH }),
    ]);
    if (stopped || current !== rpc) {
      if (rpc.isOpen) await Promise.allSettled(got.map((id) => poolEventDeregister(rpc, id)));
      return;
    }
    ids = new Set(got);
  };

  const offReconnect = conn.onReconnected(async (rpc) => {
    if (!stopped) await attach(rpc).catch((e: Error) => onError(e));
  });
  attach(conn.rpc).catch((e: Error) => onError(e));

  return () => {
    stopped = true;
    offReconnect();
    for (const off of unhook) off();
    const rpc = current;
    if (rpc?.isOpen) for (const id of ids) void poolEventDeregister(rpc, id, { timeoutMs: 5_000 }).catch(() => {});
    current = null;
  };
}
