// A libvirt data stream on an RpcClient's connection (console, volume upload/download).
import { Duplex } from 'node:stream';
import { ConnectionClosedError, ProtocolError } from './errors';
import { type FrameHeader, MessageStatus, MessageType, PROTOCOL_VERSION, STREAM_CHUNK_MAX } from './frames';

/** What a LibvirtStream needs from its client; kept off the public RpcClient surface. */
export interface StreamLink {
  readonly label: string;
  send(h: FrameHeader, payload?: Uint8Array): boolean;
  waitDrain(): Promise<void>;
  release(serial: number, expectLateReply: boolean): void;
  pause(st: LibvirtStream): void;
  resume(st: LibvirtStream): void;
  readonly open: boolean;
}

/**
 * A libvirt data stream (console, volume upload/download): STREAM packets carrying the opening
 * call's proc and serial. write() sends CONTINUE packets of ≤ 262120 bytes; end() sends OK and
 * waits for the host's OK; destroy() aborts (STREAM ERROR); the host's OK ends the readable
 * side (and we answer it, completing libvirt's finish handshake); its ERROR destroys the stream
 * with the LibvirtError. Reading back-pressure pauses the whole connection's byte stream, which
 * is why bulk transfers get a connection of their own.
 */
export class LibvirtStream extends Duplex {
  private finishSent = false;
  private finished = false; // both sides said OK, or the host failed it: nothing to abort
  private finalCb: ((err?: Error | null) => void) | null = null;
  private readEnded = false;

  constructor(
    private readonly link: StreamLink,
    readonly program: number,
    readonly proc: number,
    readonly serial: number,
  ) {
    super({ readableHighWaterMark: 1024 * 1024, writableHighWaterMark: STREAM_CHUNK_MAX, decodeStrings: true });
  }

  private header(status: number): FrameHeader {
    return { program: this.program, version: PROTOCOL_VERSION, proc: this.proc, type: MessageType.STREAM, serial: this.serial, status };
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.writeChunks(chunk).then(() => cb(), cb);
  }

  override _writev(chunks: { chunk: Buffer }[], cb: (err?: Error | null) => void): void {
    this.writeChunks(Buffer.concat(chunks.map((c) => c.chunk))).then(() => cb(), cb);
  }

  private async writeChunks(data: Buffer): Promise<void> {
    for (let off = 0; off < data.length; off += STREAM_CHUNK_MAX) {
      if (!this.link.open) throw new ConnectionClosedError(this.link.label);
      if (this.finished) throw new ProtocolError(`${this.link.label}: write after the stream finished`);
      const ok = this.link.send(this.header(MessageStatus.CONTINUE), data.subarray(off, off + STREAM_CHUNK_MAX));
      if (!ok) await this.link.waitDrain();
    }
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.finished) {
      cb();
      return;
    }
    if (!this.link.open) {
      cb(new ConnectionClosedError(this.link.label));
      return;
    }
    this.finishSent = true;
    this.finalCb = cb;
    this.link.send(this.header(MessageStatus.OK));
  }

  override _read(): void {
    this.link.resume(this);
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (!this.finished) {
      this.finished = true;
      // Abort: the host answers with an error REPLY for our serial, which the client then drops.
      if (this.link.open) this.link.send(this.header(MessageStatus.ERROR));
      this.link.release(this.serial, true);
    }
    const fin = this.finalCb;
    this.finalCb = null;
    fin?.(err ?? new ProtocolError(`${this.link.label}: stream destroyed before the host finished it`));
    cb(err);
  }

  /**
   * @internal CONTINUE data from the host: a view into the frame (itself a view into the received
   * chunk, or a buffer the client allocated for this one frame), never reused or written by the
   * client, so it is handed on without a copy (a 1 GiB download was 1 GiB of extra copies and
   * allocations). Consumers must not write into it.
   */
  deliver(data: Buffer): void {
    if (this.readEnded || this.destroyed) return;
    if (!this.push(data)) this.link.pause(this);
  }

  /** @internal The host sent STREAM OK: its end of data, or the answer to ours. */
  peerFinished(): void {
    if (!this.readEnded) {
      this.readEnded = true;
      this.push(null);
      // No more data comes on this stream: if its consumer lagged, the connection's reading is let
      // go now (an ended stream is never read from again, so _read would not). Held, the host's
      // answer to our OK, and every reply after it, would never be read.
      this.link.resume(this);
    }
    if (this.finishSent) {
      this.finished = true;
      this.link.release(this.serial, false);
      const fin = this.finalCb;
      this.finalCb = null;
      fin?.();
    } else if (!this.writableEnded) {
      // The host finished first (end of a download, console closed): answer with our OK.
      this.end();
    }
  }

  /** @internal The host failed the stream, or the connection went away (null: closed by us). */
  fail(err: Error | null): void {
    if (!this.finished) {
      this.finished = true;
      this.link.release(this.serial, false);
    }
    if (err) this.destroy(err);
    else this.destroy();
  }

  /** @internal The opening call failed: there is no stream on the host side, nobody holds it. */
  discard(): void {
    this.finished = true;
    this.link.release(this.serial, false);
    this.destroy();
  }
}
