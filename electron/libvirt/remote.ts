// Typed calls of REMOTE_PROGRAM procedures. The procedure's number and its argument and reply
// codecs all come from the generated spec (gen/remote_protocol.gen.ts), so a wrapper names the
// procedure and passes a plain object:
//   import * as P from './gen/remote_protocol.gen';
//   callRemote(rpc, P.DOMAIN_GET_STATE, { dom, flags: 0 })
// Importing specs one by one (not the whole table) lets the bundler keep only the codecs we call.
import type { CallOptions, LibvirtStream, RpcClient } from './client';
import type { ArgsOf, MsgOf, ProcedureSpec, RetOf } from './gen/runtime';
import type { XdrReader, XdrWriter } from './xdr';

type Opts = Omit<CallOptions, 'program'>;

function encoder(s: ProcedureSpec, args: unknown): ((w: XdrWriter) => void) | null {
  const codec = s.args;
  // callRemote's signature ties args to this spec (ArgsOf<S>); here the pair is only passed on.
  return codec ? (w) => codec.write(w, args as never) : null;
}

/** Calls a procedure and decodes its reply (undefined for a procedure without a reply payload). */
export function callRemote<S extends ProcedureSpec>(rpc: RpcClient, spec: S, args: ArgsOf<S>, opts?: Opts): Promise<RetOf<S>> {
  const ret = spec.ret;
  const decode = ret ? (r: XdrReader) => ret.read(r) as RetOf<S> : null;
  return rpc.call<RetOf<S>>(spec.proc, encoder(spec, args), decode, opts);
}

/**
 * For a procedure whose reply is one list (`T items<max>`, like CONNECT_GET_ALL_DOMAIN_STATS):
 * decodes each element with its generated reader and maps it at once, so a reply of thousands of
 * elements never holds them all decoded (they would outlive the young generation: ~15% slower on
 * 1000 domains × 40 stats). `list` names the generated element reader and limit of that list;
 * remote.test.ts checks each use against the generated reply codec.
 */
export function callRemoteList<S extends ProcedureSpec, E, U>(
  rpc: RpcClient,
  spec: S,
  args: ArgsOf<S>,
  list: { read: (r: XdrReader) => E; max: number },
  fn: (e: E) => U,
  opts?: Opts,
): Promise<U[]> {
  return rpc.call<U[]>(spec.proc, encoder(spec, args), (r) => r.array((x) => fn(list.read(x)), list.max), opts);
}

/** Calls a stream-opening procedure (console, volume upload/download). */
export function openRemoteStream<S extends ProcedureSpec>(rpc: RpcClient, spec: S, args: ArgsOf<S>, opts?: Opts): Promise<LibvirtStream> {
  return rpc.openStream(spec.proc, encoder(spec, args), opts);
}

/** Subscribes to an event procedure's MESSAGE packets, decoded. Returns the unsubscribe. */
export function onRemoteMessage<S extends ProcedureSpec>(rpc: RpcClient, spec: S, fn: (msg: MsgOf<S>) => void): () => void {
  const msg = spec.msg;
  if (!msg) throw new TypeError(`procedure ${spec.proc} is not an event`);
  return rpc.onMessage(spec.proc, (r) => fn(msg.read(r) as MsgOf<S>));
}
