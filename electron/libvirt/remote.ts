// Typed calls of REMOTE_PROGRAM procedures: the procedure's number and its argument and reply
// codecs all come from the generated table (gen/remote_protocol.gen.ts), so a wrapper names the
// procedure and passes a plain object: `callRemote(rpc, 'DOMAIN_GET_STATE', { dom, flags: 0 })`.
import type { CallOptions, LibvirtStream, RpcClient } from './client';
import { remoteProcedures } from './gen/remote_protocol.gen';
import type { ArgsOf, MsgOf, ProcedureSpec, RetOf } from './gen/runtime';
import type { XdrReader, XdrWriter } from './xdr';

export type RemoteProcName = keyof typeof remoteProcedures;
type Spec<K extends RemoteProcName> = (typeof remoteProcedures)[K];
/** What a procedure's args encoder takes; null for a procedure without args. */
export type RemoteArgs<K extends RemoteProcName> = ArgsOf<Spec<K>>;
/** What a procedure's reply decodes to; undefined for a procedure without a reply payload. */
export type RemoteRet<K extends RemoteProcName> = RetOf<Spec<K>>;
/** What an event message of this procedure decodes to. */
export type RemoteMsg<K extends RemoteProcName> = MsgOf<Spec<K>>;

const spec = (name: RemoteProcName): ProcedureSpec => remoteProcedures[name];

function encoder(s: ProcedureSpec, args: unknown): ((w: XdrWriter) => void) | null {
  const codec = s.args;
  return codec ? (w) => codec.write(w, args) : null;
}

/** Calls a procedure and decodes its reply. Options: program is always REMOTE. */
export function callRemote<K extends RemoteProcName>(
  rpc: RpcClient,
  name: K,
  args: RemoteArgs<K>,
  opts?: Omit<CallOptions, 'program'>,
): Promise<RemoteRet<K>> {
  const s = spec(name);
  const ret = s.ret;
  const decode = ret ? (r: XdrReader) => ret.read(r) as RemoteRet<K> : null;
  return rpc.call<RemoteRet<K>>(s.proc, encoder(s, args), decode, opts);
}

/**
 * For a procedure whose reply is one list (`T items<max>`, like CONNECT_GET_ALL_DOMAIN_STATS):
 * decodes each element with its generated reader and maps it at once, so a reply of thousands of
 * elements never holds them all decoded (they would outlive the young generation: ~15% slower on
 * 1000 domains × 40 stats). `list` names the generated element reader and limit of that list;
 * remote.test.ts checks each use against the generated reply codec.
 */
export function callRemoteList<K extends RemoteProcName, E, U>(
  rpc: RpcClient,
  name: K,
  args: RemoteArgs<K>,
  list: { read: (r: XdrReader) => E; max: number },
  fn: (e: E) => U,
  opts?: Omit<CallOptions, 'program'>,
): Promise<U[]> {
  const s = spec(name);
  return rpc.call<U[]>(s.proc, encoder(s, args), (r) => r.array((x) => fn(list.read(x)), list.max), opts);
}

/** Calls a stream-opening procedure (console, volume upload/download). */
export function openRemoteStream<K extends RemoteProcName>(
  rpc: RpcClient,
  name: K,
  args: RemoteArgs<K>,
  opts?: Omit<CallOptions, 'program'>,
): Promise<LibvirtStream> {
  const s = spec(name);
  return rpc.openStream(s.proc, encoder(s, args), opts);
}

/** Subscribes to an event procedure's MESSAGE packets, decoded. Returns the unsubscribe. */
export function onRemoteMessage<K extends RemoteProcName>(rpc: RpcClient, name: K, fn: (msg: RemoteMsg<K>) => void): () => void {
  const s = spec(name);
  const msg = s.msg;
  if (!msg) throw new TypeError(`${name} is not an event procedure`);
  return rpc.onMessage(s.proc, (r) => fn(msg.read(r) as RemoteMsg<K>));
}

/** The procedure's number (for tests and logs). */
export const remoteProcNumber = (name: RemoteProcName): number => remoteProcedures[name].proc;
