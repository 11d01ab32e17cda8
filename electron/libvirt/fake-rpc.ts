// Test support for unit tests (not used by the app): an RpcClient that answers the procedures a
// test names through the generated codecs (the wire encoding both ways, as the daemon's would be),
// counts every call with its decoded arguments, and delivers event messages a test injects.
import type { RpcClient } from './client';
import type { ConnState } from './connection';
import type { ProcedureSpec } from './gen/runtime';
import { XdrReader, XdrWriter } from './xdr';

type Answer = (args: unknown) => unknown | Promise<unknown>;

export interface FakeRpc {
  rpc: RpcClient;
  /** Every call, in order: its procedure number, decoded arguments and call options (timeoutMs …). */
  calls: { proc: number; args: unknown; opts?: { timeoutMs?: number } }[];
  /** How `spec` answers (what its generated reply codec takes); a thrown error is the call's error. */
  answer<S extends ProcedureSpec>(spec: S, fn: (args: never) => unknown | Promise<unknown>): void;
  /** The calls of `spec` whose arguments pass `pred`. */
  count(spec: ProcedureSpec, pred?: (args: never) => boolean): number;
  /** Delivers one event message of `spec` (encoded by its generated codec) to the hooked handlers. */
  emit(spec: ProcedureSpec, msg: unknown): void;
  /** Hooked message handlers (a test checks that none are left). */
  hooks(): number;
  close(): void;
}

const bytes = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};

export function fakeRpc(): FakeRpc {
  const answers = new Map<number, { spec: ProcedureSpec; fn: Answer }>();
  const handlers = new Map<number, Set<(r: XdrReader) => void>>();
  const calls: FakeRpc['calls'] = [];
  let open = true;
  const rpc = {
    get isOpen() {
      return open;
    },
    async call(proc: number, enc: ((w: XdrWriter) => void) | null, dec: ((r: XdrReader) => unknown) | null, opts?: { timeoutMs?: number }) {
      const a = answers.get(proc);
      if (!a) throw new Error(`fake rpc: no answer for procedure ${proc}`);
      const args = a.spec.args && enc ? a.spec.args.read(new XdrReader(bytes(enc))) : null;
      calls.push({ proc, args, ...(opts ? { opts } : {}) });
      const value = await a.fn(args);
      const ret = a.spec.ret;
      if (!ret || !dec) return undefined;
      return dec(new XdrReader(bytes((w) => ret.write(w, value as never))));
    },
    onMessage(proc: number, fn: (r: XdrReader) => void) {
      const s = handlers.get(proc) ?? new Set<(r: XdrReader) => void>();
      handlers.set(proc, s);
      s.add(fn);
      return () => void s.delete(fn);
    },
  };
  return {
    rpc: rpc as unknown as RpcClient,
    calls,
    answer(spec, fn) {
      answers.set(spec.proc, { spec, fn: fn as Answer });
    },
    count(spec, pred) {
      return calls.filter((c) => c.proc === spec.proc && (!pred || pred(c.args as never))).length;
    },
    emit(spec, msg) {
      const codec = spec.msg;
      if (!codec) throw new TypeError(`procedure ${spec.proc} is not an event`);
      const payload = bytes((w) => codec.write(w, msg as never));
      for (const fn of [...(handlers.get(spec.proc) ?? [])]) fn(new XdrReader(payload));
    },
    hooks: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
    close() {
      open = false;
    },
  };
}

/**
 * A LibvirtConnection's face for event code (its current client, its reconnect hooks, its state)
 * over fake clients; `reconnect(next)` closes the current one (when it can be), switches and runs
 * the hooks; `close(status)` ends the connection as LibvirtConnection does ('closed' by Vireo,
 * 'failed' when it gave up reconnecting). `listeners()` counts the hooks still held on it.
 */
export function fakeConnection<R extends { rpc: RpcClient; close?: () => void }>(first: R) {
  let current = first;
  const hooks = new Set<(rpc: RpcClient) => Promise<void>>();
  const watchers = new Set<(s: ConnState) => void>();
  let state: ConnState = { status: 'connected' };
  return {
    conn: {
      get rpc() {
        return current.rpc;
      },
      get state() {
        return state;
      },
      onReconnected(fn: (rpc: RpcClient) => Promise<void>) {
        hooks.add(fn);
        return () => void hooks.delete(fn);
      },
      on(_event: 'state', fn: (s: ConnState) => void) {
        watchers.add(fn);
      },
      off(_event: 'state', fn: (s: ConnState) => void) {
        watchers.delete(fn);
      },
    },
    async reconnect(next: R) {
      current.close?.();
      current = next;
      for (const fn of hooks) await fn(next.rpc);
    },
    close(status: 'closed' | 'failed' = 'closed') {
      current.close?.();
      state = status === 'closed' ? { status } : { status, error: { code: 'auth', message: 'gave up' } };
      for (const fn of [...watchers]) fn(state);
    },
    listeners: () => hooks.size + watchers.size,
  };
}
