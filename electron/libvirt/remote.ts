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
