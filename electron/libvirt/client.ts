// libvirt's remote protocol over any byte stream (an SSH exec channel, a unix socket, an
// in-memory pair in tests): framing, serials, concurrent calls, errors, keepalive, async event
// messages and streams. Knows no procedure layouts: remote.ts and the typed wrappers bring those
// (from the generated gen/*.gen.ts); this module only names procedures in its messages.
//
// Failure policy: anything that means the byte stream can no longer be trusted (bad length,
// unknown program, a reply nobody asked for) closes the whole connection and rejects every
// pending call with ConnectionClosedError carrying the reason. A reply that frames correctly but
// does not decode fails only its own call.
//
// Over 400 lines on purpose: RpcClient is one state machine (pending calls, abandoned serials,
// open streams, keepalive, close) whose fields every handler reads and writes; split across files
// its invariants would have to be exposed. Frames (frames.ts) and the stream (stream.ts) are apart.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { AbortedError, ConnectionClosedError, decodeRemoteError, ProtocolError, TimeoutError } from './errors';
import {
  decodeHeader,
  describeProc,
  encodeFrame,
  type FrameHeader,
  HEADER_SIZE,
  KeepaliveProc,
  MAX_RECV_FRAME,
  MAX_SEND_FRAME,
  MessageStatus,
  MessageType,
  PROTOCOL_VERSION,
  Program,
} from './frames';
import { RemoteProc } from './gen/remote_protocol.gen';
import { LibvirtStream, type StreamLink } from './stream';
import { XdrReader, XdrWriter } from './xdr';

// The frames and the stream class live beside this file; importers keep using './client'.
export * from './frames';
export { LibvirtStream } from './stream';

const DEFAULT_TIMEOUT_MS = 30_000;
const PEER_GONE = new Set(['EPIPE', 'ECONNRESET', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_PREMATURE_CLOSE']);
const CLOSE_GRACE_MS = 1_000;
/** How many timed-out/aborted serials we remember so that their late replies are dropped quietly. */
const ABANDONED_MAX = 4096;

export interface CallOptions {
  program?: number;
  /** Default 30 s (or the client's defaultTimeoutMs); 0 = none (migration Perform). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RpcClientOptions {
  /** The host's name as the admin knows it; used in every error message. */
  label: string;
  keepaliveIntervalMs?: number;
  keepaliveCount?: number;
  defaultTimeoutMs?: number;
  /** Sees every frame header going out and coming in (debugging, fixture capture). */
  trace?: (dir: 'in' | 'out', h: FrameHeader, payload: Buffer) => void;
}

interface Pending {
  program: number;
  proc: number;
  decode: ((r: XdrReader) => unknown) | null;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  cleanup: () => void;
}

type MessageHandler = (r: XdrReader) => void;

export interface RpcClientEvents {
  /** The connection ended; `err` says why, undefined when we closed it. */
  close: [err?: Error];
  /** Keepalive: nothing received for interval × count. 'close' follows. */
  dead: [];
  /** A MESSAGE handler threw (a decoder bug or an unexpected layout); the connection goes on. */
  messageError: [err: Error, program: number, proc: number];
}

export class RpcClient extends EventEmitter<RpcClientEvents> {
  readonly label: string;
  private readonly stream: Duplex;
  private readonly keepaliveIntervalMs: number;
  private readonly keepaliveCount: number;
  private readonly defaultTimeoutMs: number;
  private readonly trace: RpcClientOptions['trace'];

  private nextSerial = 0; // the first call gets serial 1
  private readonly pending = new Map<number, Pending>();
  /** Serials we stopped waiting for; `stream` marks a stream-opening call (see onReply). */
  private readonly abandoned = new Map<number, { program: number; proc: number; stream: boolean }>();
  private readonly streams = new Map<number, LibvirtStream>();
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  // Frame assembly: the length word, then a buffer of exactly the announced size.
  private readonly lenBuf = Buffer.alloc(4);
  private lenFill = 0;
  private frame: Buffer | null = null;
  private frameFill = 0;

  private closed = false;
  private closing = false;
  /** The daemon answered our CONNECT_CLOSE: it hangs up next, and the byte stream's end is expected. */
  private closeAnswered = false;
  private endSeen = false;
  private closeReason: Error | undefined;
  private lastRx = Date.now();
  private lastPing = 0;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private readonly pausedBy = new Set<LibvirtStream>();
  private readonly link: StreamLink;

  constructor(stream: Duplex, opts: RpcClientOptions) {
    super();
    this.stream = stream;
    this.label = opts.label;
    this.keepaliveIntervalMs = opts.keepaliveIntervalMs ?? 5_000;
    this.keepaliveCount = opts.keepaliveCount ?? 3;
    this.defaultTimeoutMs = opts.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.trace = opts.trace;

    const self = this;
    this.link = {
      label: this.label,
      send: (h, p) => this.send(h, p),
      waitDrain: () => this.waitDrain(),
      release: (serial, expectLateReply) => {
        this.streams.delete(serial);
        this.resume(serial);
        if (expectLateReply) this.abandon(serial, { program: 0, proc: 0, stream: false });
      },
      pause: (st) => {
        this.pausedBy.add(st);
        this.stream.pause();
      },
      resume: (st) => {
        if (this.pausedBy.delete(st) && this.pausedBy.size === 0 && !this.closed) {
          this.lastRx = Date.now(); // we stopped reading on purpose; silence meanwhile is not the host's
          this.stream.resume();
        }
      },
      get open() {
        return !self.closed;
      },
    };

    stream.on('data', (chunk: Buffer) => this.onData(chunk));
    stream.on('end', () => this.onEnd());
    stream.on('close', () => this.onEnd());
    stream.on('error', (err: Error) => this.onStreamError(err));
  }

  /** True until the connection closed (for any reason). */
  get isOpen(): boolean {
    return !this.closed;
  }

  call<T = void>(
    proc: number,
    encodeArgs: ((w: XdrWriter) => void) | null,
    decodeRet: ((r: XdrReader) => T) | null,
    opts: CallOptions = {},
  ): Promise<T> {
    return this.callWithSerial(proc, encodeArgs, decodeRet, opts, null);
  }

  /**
   * Calls a stream-opening procedure (console, volume upload/download); the call's OK reply
   * starts the stream. Stream data the daemon sends before the reply is kept, like libvirt does.
   */
  async openStream(proc: number, encodeArgs: ((w: XdrWriter) => void) | null, opts: CallOptions = {}): Promise<LibvirtStream> {
    const program = opts.program ?? Program.REMOTE;
    let st: LibvirtStream | undefined;
    try {
      await this.callWithSerial(proc, encodeArgs, null, opts, (serial) => {
        st = new LibvirtStream(this.link, program, proc, serial);
        this.streams.set(serial, st);
      });
    } catch (err) {
      // The daemon made no stream (or we gave up waiting): nothing to abort on the wire.
      st?.discard();
      throw err;
    }
    if (!st) throw new ProtocolError(`${this.label}: stream for ${describeProc(program, proc)} was not created`);
    return st;
  }

  /** Subscribes to async MESSAGE packets (events) of one procedure. Returns the unsubscribe. */
  onMessage(proc: number, fn: (r: XdrReader) => void, program: number = Program.REMOTE): () => void {
    const key = `${program}:${proc}`;
    const set = this.handlers.get(key) ?? new Set<MessageHandler>();
    this.handlers.set(key, set);
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0 && this.handlers.get(key) === set) this.handlers.delete(key);
    };
  }

  /**
   * Starts our PINGs (every interval) and dead-link detection (nothing at all received for
   * interval × count). Call only after CONNECT_SUPPORTS_FEATURE(PROGRAM_KEEPALIVE) said yes;
   * PINGs from the daemon are answered regardless.
   */
  startKeepalive(): void {
    if (this.closed || this.keepaliveTimer || this.keepaliveIntervalMs <= 0) return;
    this.lastRx = Date.now();
    this.lastPing = 0;
    // A tick finer than the interval so a dead link is seen within ~1 s of the deadline.
    const tick = Math.max(10, Math.min(this.keepaliveIntervalMs, 1_000));
    this.keepaliveTimer = setInterval(() => this.keepaliveTick(), tick);
    this.keepaliveTimer.unref();
    this.keepaliveTick();
  }

  /**
   * Sends CONNECT_CLOSE (best effort, ≤ 1 s), then ends the stream. Once the daemon has answered
   * it, the daemon hangs up, and how the byte stream ends after that is no news: virt-ssh-helper
   * exits with status 1 ("End of file while reading data") when libvirtd closes its socket. Such
   * an end closes the client without a reason, like our own; an error before that answer is kept.
   */
  async close(): Promise<void> {
    if (this.closed || this.closing) return this.closedPromise();
    this.closing = true;
    this.stopKeepalive();
    try {
      // Marked as the answer is read, before an error the transport may raise right after it.
      const answered = (): void => {
        this.closeAnswered = true;
      };
      await this.callWithSerial(RemoteProc.CONNECT_CLOSE, null, answered, { timeoutMs: CLOSE_GRACE_MS }, null, true);
    } catch {
      // No answer (a dead link), or already gone: we close either way.
    }
    if (!this.closed) {
      this.stream.end();
      // Give the peer a moment to hang up itself, then drop the stream regardless.
      const t = setTimeout(() => this.teardown(undefined), 250);
      t.unref();
      await this.closedPromise();
      clearTimeout(t);
    }
  }

  private closedPromise(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.once('close', () => resolve()));
  }

  private callWithSerial<T>(
    proc: number,
    encodeArgs: ((w: XdrWriter) => void) | null,
    decodeRet: ((r: XdrReader) => T) | null,
    opts: CallOptions,
    onSerial: ((serial: number) => void) | null,
    duringClose = false,
  ): Promise<T> {
    const program = opts.program ?? Program.REMOTE;
    if (this.closed || (this.closing && !duringClose)) {
      return Promise.reject(new ConnectionClosedError(this.label, this.closeReason ?? new Error('closed by Vireo')));
    }
    if (this.endSeen) {
      // The host hung up; teardown follows within a turn. Writing now would only fail.
      return Promise.reject(new ConnectionClosedError(this.label, new Error('the host closed the connection')));
    }
    if (opts.signal?.aborted) return Promise.reject(abortError(opts.signal, this.label, program, proc));
    let payload: Buffer = Buffer.alloc(0);
    if (encodeArgs) {
      try {
        const w = new XdrWriter();
        encodeArgs(w);
        payload = w.finish();
      } catch (err) {
        return Promise.reject(err);
      }
    }
    if (payload.length + HEADER_SIZE > MAX_SEND_FRAME) {
      return Promise.reject(
        new ProtocolError(`${this.label}: arguments of ${describeProc(program, proc)} too large (${payload.length} bytes)`),
      );
    }
    const serial = this.takeSerial();
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;

    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | null = null;
      const onAbort = (): void => {
        this.giveUp(serial);
        reject(abortError(opts.signal, this.label, program, proc));
      };
      const entry: Pending = {
        program,
        proc,
        decode: decodeRet,
        resolve: resolve as (v: unknown) => void,
        reject,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          opts.signal?.removeEventListener('abort', onAbort);
        },
      };
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          this.giveUp(serial);
          reject(new TimeoutError(this.label, proc, program, timeoutMs, describeProc(program, proc)));
        }, timeoutMs);
      }
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(serial, entry);
      onSerial?.(serial);
      this.send({ program, version: PROTOCOL_VERSION, proc, type: MessageType.CALL, serial, status: MessageStatus.OK }, payload);
    });
  }

  /** Stops waiting for a call; its reply may still come and is then dropped without alarm. */
  private giveUp(serial: number): void {
    const p = this.pending.get(serial);
    if (!p) return;
    p.cleanup();
    this.pending.delete(serial);
    const st = this.streams.get(serial);
    this.abandon(serial, { program: p.program, proc: p.proc, stream: st !== undefined });
    st?.discard();
  }

  private abandon(serial: number, what: { program: number; proc: number; stream: boolean }): void {
    this.abandoned.set(serial, what);
    if (this.abandoned.size > ABANDONED_MAX) {
      const oldest = this.abandoned.keys().next().value;
      if (oldest !== undefined) this.abandoned.delete(oldest);
    }
  }

  private takeSerial(): number {
    // Skip serials still in use after a 2^32 wrap (practically never).
    do {
      this.nextSerial = this.nextSerial >= 0xffff_ffff ? 1 : this.nextSerial + 1;
    } while (this.pending.has(this.nextSerial) || this.streams.has(this.nextSerial));
    return this.nextSerial;
  }

  private send(h: FrameHeader, payload: Uint8Array = Buffer.alloc(0)): boolean {
    if (this.closed || this.endSeen || this.stream.destroyed || this.stream.writableEnded) return false;
    this.trace?.('out', h, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
    const head = encodeFrame(h);
    head.writeUInt32BE(HEADER_SIZE + payload.length, 0);
    if (payload.length === 0) return this.stream.write(head);
    // A small frame goes out as one write (one SSH packet, one TCP segment with NODELAY).
    if (payload.length <= 16 * 1024) return this.stream.write(Buffer.concat([head, payload]));
    // Large ones in two writes, not a concat: stream data packets are 256 KiB and would be copied for nothing.
    this.stream.cork();
    this.stream.write(head);
    const ok = this.stream.write(payload);
    process.nextTick(() => this.stream.uncork());
    return ok;
  }

  private waitDrain(): Promise<void> {
    if (this.closed) return Promise.reject(new ConnectionClosedError(this.label, this.closeReason));
    if (!this.stream.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.off('close', done);
        if (this.closed) reject(new ConnectionClosedError(this.label, this.closeReason));
        else resolve();
      };
      this.stream.on('drain', done);
      this.once('close', done);
    });
  }

  /**
   * Splits the byte stream into frames. A frame whose body (all but the length word) lies whole
   * within one received chunk is dispatched as a view into that chunk, without a copy (a unix
   * socket read often holds several whole frames); one that spans chunks (a 256 KiB stream packet
   * over SSH's 32 KiB channel packets) is assembled into one buffer of exactly its size. Either way the frame's bytes are never reused or written by us afterwards, which is what
   * lets a stream hand its data on as views (LibvirtStream.deliver). Lifetime: a view keeps its
   * chunk alive while it is held, and the chunk's producer must not reuse it (Node's sockets and
   * ssh2 allocate per read and per packet); consumers only read frames (XdrReader copies opaques).
   */
  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.lastRx = Date.now();
    let off = 0;
    while (off < chunk.length && !this.closed) {
      if (this.frame === null) {
        let len: number;
        if (this.lenFill === 0 && chunk.length - off >= 4) {
          len = chunk.readUInt32BE(off);
          off += 4;
        } else {
          const take = Math.min(4 - this.lenFill, chunk.length - off);
          chunk.copy(this.lenBuf, this.lenFill, off, off + take);
          this.lenFill += take;
          off += take;
          if (this.lenFill < 4) return;
          this.lenFill = 0;
          len = this.lenBuf.readUInt32BE(0);
        }
        if (len < HEADER_SIZE || len > MAX_RECV_FRAME) {
          this.fail(
            new ProtocolError(
              len < HEADER_SIZE
                ? `bad frame length ${len} (less than the ${HEADER_SIZE}-byte header)`
                : `message of ${len} bytes exceeds the ${MAX_RECV_FRAME}-byte limit`,
            ),
          );
          return;
        }
        if (chunk.length - off >= len - 4) {
          // The whole body is in this chunk: a view, no copy.
          const f = chunk.subarray(off, off + len - 4);
          off += len - 4;
          this.dispatch(f);
          continue;
        }
        if (off === chunk.length) {
          // None of the body yet: the next chunk may hold all of it, so wait with the length word.
          this.lenBuf.writeUInt32BE(len, 0);
          this.lenFill = 4;
          return;
        }
        this.frame = Buffer.allocUnsafe(len - 4);
        this.frameFill = 0;
      }
      const take = Math.min(this.frame.length - this.frameFill, chunk.length - off);
      chunk.copy(this.frame, this.frameFill, off, off + take);
      this.frameFill += take;
      off += take;
      if (this.frameFill === this.frame.length) {
        const f = this.frame;
        this.frame = null;
        this.dispatch(f);
      }
    }
  }

  private dispatch(frame: Buffer): void {
    const r = new XdrReader(frame);
    const h = decodeHeader(r);
    this.trace?.('in', h, frame.subarray(24));
    if (h.program !== Program.REMOTE && h.program !== Program.QEMU && h.program !== Program.KEEPALIVE) {
      this.fail(new ProtocolError(`unexpected program 0x${h.program.toString(16)} in a ${frame.length + 4}-byte message`));
      return;
    }
    if (h.version !== PROTOCOL_VERSION) {
      this.fail(new ProtocolError(`unexpected protocol version ${h.version} for program 0x${h.program.toString(16)}`));
      return;
    }
    switch (h.type) {
      case MessageType.REPLY:
        this.onReply(h, r);
        return;
      case MessageType.MESSAGE:
        this.onMessagePacket(h, r, frame);
        return;
      case MessageType.STREAM:
      case MessageType.STREAM_HOLE:
        this.onStreamPacket(h, r, frame);
        return;
      default:
        this.fail(new ProtocolError(`unexpected message type ${h.type} for ${describeProc(h.program, h.proc)}`));
        return;
    }
  }

  private onReply(h: FrameHeader, r: XdrReader): void {
    const p = this.pending.get(h.serial);
    if (!p) {
      const gone = this.abandoned.get(h.serial);
      if (gone) {
        // The late answer to a call we gave up on. If it opened a stream, nobody will read it:
        // abort it so the daemon does not keep it (a console, a transfer) open for nothing.
        this.abandoned.delete(h.serial);
        if (gone.stream && h.status === MessageStatus.OK) {
          this.send({
            program: gone.program,
            version: PROTOCOL_VERSION,
            proc: gone.proc,
            type: MessageType.STREAM,
            serial: h.serial,
            status: MessageStatus.ERROR,
          });
          this.abandon(h.serial, { ...gone, stream: false });
        }
        return;
      }
      this.fail(new ProtocolError(`reply to unknown serial ${h.serial} (${describeProc(h.program, h.proc)})`));
      return;
    }
    if (p.program !== h.program || p.proc !== h.proc) {
      this.fail(
        new ProtocolError(
          `reply for serial ${h.serial} is for ${describeProc(h.program, h.proc)}, expected ${describeProc(p.program, p.proc)}`,
        ),
      );
      return;
    }
    this.pending.delete(h.serial);
    p.cleanup();
    if (h.status === MessageStatus.ERROR) {
      let err: Error;
      try {
        err = decodeRemoteError(r);
      } catch (e) {
        err = new ProtocolError(`${this.label}: undecodable error reply to ${describeProc(h.program, h.proc)}: ${(e as Error).message}`);
      }
      p.reject(err);
      return;
    }
    if (h.status !== MessageStatus.OK) {
      p.reject(new ProtocolError(`${this.label}: reply status ${h.status} to ${describeProc(h.program, h.proc)}`));
      return;
    }
    try {
      const value = p.decode ? p.decode(r) : undefined;
      if (r.remaining !== 0) {
        throw new ProtocolError(`${r.remaining} bytes left over after decoding the reply`);
      }
      p.resolve(value);
    } catch (e) {
      // The frame was sound, our layout for this procedure was not: fail the call only.
      p.reject(new ProtocolError(`${this.label}: bad reply to ${describeProc(h.program, h.proc)}: ${(e as Error).message}`));
    }
  }

  private onMessagePacket(h: FrameHeader, r: XdrReader, frame: Buffer): void {
    if (h.program === Program.KEEPALIVE) {
      if (h.proc === KeepaliveProc.PING) {
        this.send({ ...h, proc: KeepaliveProc.PONG, type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK });
      }
      return; // a PONG only proves the link is alive, which lastRx already recorded
    }
    const set = this.handlers.get(`${h.program}:${h.proc}`);
    if (!set) return; // an event nobody listens to (e.g. registered by a previous owner)
    for (const fn of [...set]) {
      try {
        fn(new XdrReader(frame, r.offset)); // each listener reads the payload from its start
      } catch (e) {
        this.emit('messageError', e as Error, h.program, h.proc);
      }
    }
  }

  private onStreamPacket(h: FrameHeader, r: XdrReader, frame: Buffer): void {
    const st = this.streams.get(h.serial);
    if (!st) {
      // Stream data is not acknowledged, so packets keep coming for a while after an abort;
      // libvirt's own client drops them the same way.
      if (h.status !== MessageStatus.CONTINUE) this.abandoned.delete(h.serial);
      return;
    }
    if (h.type === MessageType.STREAM_HOLE) {
      st.fail(new ProtocolError(`${this.label}: sparse stream hole received, but sparse streams were not requested`));
      return;
    }
    switch (h.status) {
      case MessageStatus.CONTINUE:
        // The daemon marks end of data (a download's EOF) with an *empty* CONTINUE packet.
        if (r.remaining === 0) {
          st.peerFinished();
          return;
        }
        st.deliver(frame.subarray(r.offset));
        return;
      case MessageStatus.OK:
        st.peerFinished();
        return;
      case MessageStatus.ERROR: {
        let err: Error;
        try {
          err = r.remaining > 0 ? decodeRemoteError(r) : new ProtocolError(`${this.label}: stream aborted by the host`);
        } catch (e) {
          err = new ProtocolError(`${this.label}: undecodable stream error: ${(e as Error).message}`);
        }
        st.fail(err);
        return;
      }
      default:
        this.fail(new ProtocolError(`stream packet with status ${h.status} for serial ${h.serial}`));
        return;
    }
  }

  private keepaliveTick(): void {
    if (this.closed) return;
    const now = Date.now();
    // While a slow stream consumer holds the reading paused, silence is ours, not the host's.
    if (this.pausedBy.size > 0) {
      this.lastRx = now;
      return;
    }
    const deadline = this.keepaliveIntervalMs * this.keepaliveCount;
    if (now - this.lastRx >= deadline) {
      this.emit('dead');
      this.fail(new ProtocolError(`no data from the host for ${fmtSeconds(now - this.lastRx)} (keepalive timeout)`));
      return;
    }
    if (now - this.lastPing >= this.keepaliveIntervalMs) {
      this.lastPing = now;
      this.send({
        program: Program.KEEPALIVE,
        version: PROTOCOL_VERSION,
        proc: KeepaliveProc.PING,
        type: MessageType.MESSAGE,
        serial: 0,
        status: MessageStatus.OK,
      });
    }
  }

  private stopKeepalive(): void {
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = null;
  }

  private onEnd(): void {
    if (this.closed || this.endSeen) return;
    this.endSeen = true;
    // One turn of grace: a transport that knows why it ended (the ssh channel's exit status and
    // stderr) reports it as an 'error' right after EOF, and that reason is the better one.
    setImmediate(() => this.onEndSettled());
  }

  private onEndSettled(): void {
    if (this.closed) return;
    if (this.closing) {
      this.teardown(undefined);
      return;
    }
    const partial =
      this.frame !== null
        ? `the stream ended inside a message (${this.frameFill + 4} of ${this.frame.length + 4} bytes)`
        : this.lenFill === 4
          ? `the stream ended inside a message (4 of ${this.lenBuf.readUInt32BE(0)} bytes)`
          : this.lenFill > 0
            ? `the stream ended inside a length word (${this.lenFill} of 4 bytes)`
            : null;
    this.teardown(partial ? new ProtocolError(partial) : new Error('the host closed the connection'));
  }

  private onStreamError(err: Error): void {
    if (this.closeAnswered) {
      this.teardown(undefined); // the end of a close the daemon agreed to (see close())
      return;
    }
    // Writing into a stream whose peer already left fails with these; say what happened.
    const code = (err as NodeJS.ErrnoException).code;
    this.teardown(code && PEER_GONE.has(code) ? new Error(`the host closed the connection (${code})`) : err);
  }

  private resume(serial: number): void {
    for (const st of this.pausedBy) if (st.serial === serial) this.link.resume(st);
  }

  /** The byte stream can no longer be trusted: drop it. */
  private fail(err: Error): void {
    this.teardown(err);
  }

  private teardown(reason: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = reason;
    this.stopKeepalive();
    const err = new ConnectionClosedError(this.label, reason);
    for (const [serial, p] of [...this.pending]) {
      this.pending.delete(serial);
      p.cleanup();
      p.reject(err);
    }
    // A close we asked for ends streams quietly; a dropped link is an error on each of them.
    for (const st of [...this.streams.values()]) st.fail(reason ? err : null);
    this.streams.clear();
    this.pausedBy.clear();
    this.stream.removeAllListeners('data');
    this.stream.on('error', () => {}); // late errors of a stream we are done with
    this.stream.destroy();
    this.emit('close', reason);
  }
}

function abortError(signal: AbortSignal | undefined, label: string, program: number, proc: number): Error {
  const reason: unknown = signal?.reason;
  const e = new AbortedError(`${label}: ${describeProc(program, proc)} aborted`);
  if (reason instanceof Error) e.cause = reason;
  return e;
}

const fmtSeconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
