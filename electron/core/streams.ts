/**
 * Byte channels between a backend service (a serial console stream, a VNC forward) and the
 * renderer. A service creates a channel; a transport (Electron IPC in main.ts, the web bridge's
 * /stream WebSocket) attaches the renderer to it by id. The id is random and unguessable: holding
 * it is what lets a client read and write the bytes, so it travels only in `console.state` events.
 *
 * Flow control: bytes sent but not yet acknowledged by the transport count as outstanding; above
 * HIGH_WATER the channel reports pressure (a VNC forward pauses its SSH channel), below LOW_WATER
 * it releases it. A channel nobody attaches within the attach timeout is closed, so an abandoned
 * viewer never keeps a console held on the host.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

export const HIGH_WATER = 1024 * 1024;
export const LOW_WATER = 256 * 1024;
/** Bytes a channel keeps for a viewer that has not attached yet; beyond that it is closed. */
export const MAX_PENDING = 16 * 1024 * 1024;

/**
 * Bytes that own their memory, for a transport that serializes the whole backing buffer (Electron's
 * IPC sends a view's entire ArrayBuffer). A stream frame is a view into the socket chunk it came in
 * (electron/libvirt/client.ts), so a chunk of many small console frames would otherwise be sent once
 * per frame; a view that spans its whole buffer is passed as it is.
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/** Where a transport delivers a channel's bytes (the renderer's side). */
export interface ChannelSink {
  data(bytes: Buffer): void;
  close(reason: string): void;
}

/** A transport's handle on an attached channel. */
export interface Attachment {
  /** Bytes from the renderer to the service. */
  write(bytes: Buffer): void;
  /** The transport delivered `n` more bytes (flow control). */
  ack(n: number): void;
  /** The renderer went away or closed the channel. */
  detach(): void;
}

export interface ChannelEvents {
  /** Bytes from the renderer. */
  input: [bytes: Buffer];
  /** The renderer detached (or never attached in time): stop the source. */
  detach: [why: string];
  /** true: too much is outstanding, pause the source; false: resume. */
  pressure: [high: boolean];
}

export class ByteChannel extends EventEmitter<ChannelEvents> {
  private sink: ChannelSink | null = null;
  private pending: Buffer[] = [];
  private outstanding = 0;
  private pressured = false;
  private ended = false;
  private attachTimer: NodeJS.Timeout | null = null;
  /** Bytes sent to the renderer and received from it, for diagnostics and benchmarks. */
  bytesOut = 0;
  bytesIn = 0;

  constructor(
    readonly id: string,
    private readonly onEnd: (c: ByteChannel) => void,
    attachTimeoutMs: number,
  ) {
    super();
    if (attachTimeoutMs > 0) {
      this.attachTimer = setTimeout(() => this.abandon('no viewer attached'), attachTimeoutMs);
      this.attachTimer.unref();
    }
  }

  get attached(): boolean {
    return this.sink !== null;
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Bytes toward the renderer; kept until it attaches. */
  send(bytes: Buffer): void {
    if (this.ended || bytes.length === 0) return;
    this.bytesOut += bytes.length;
    this.outstanding += bytes.length;
    if (this.sink) this.sink.data(bytes);
    else {
      this.pending.push(bytes);
      if (this.outstanding > MAX_PENDING) {
        this.abandon('the viewer did not read its data');
        return;
      }
    }
    if (!this.pressured && this.outstanding > HIGH_WATER) {
      this.pressured = true;
      this.emit('pressure', true);
    }
  }

  /** Ends the channel from the service side; the renderer is told why. */
  close(reason = ''): void {
    if (this.ended) return;
    this.ended = true;
    this.clearTimer();
    this.pending = [];
    const sink = this.sink;
    this.sink = null;
    this.onEnd(this);
    sink?.close(reason);
    this.removeAllListeners('input');
  }

  /** @internal Called by StreamHub.attach. */
  attach(sink: ChannelSink): Attachment | null {
    if (this.ended || this.sink) return null;
    this.clearTimer();
    this.sink = sink;
    const backlog = this.pending;
    this.pending = [];
    for (const b of backlog) sink.data(b);
    let live = true;
    return {
      write: (bytes) => {
        if (!live || this.ended || bytes.length === 0) return;
        this.bytesIn += bytes.length;
        this.emit('input', bytes);
      },
      ack: (n) => {
        if (!live || !Number.isFinite(n) || n <= 0) return;
        this.outstanding = Math.max(0, this.outstanding - n);
        if (this.pressured && this.outstanding < LOW_WATER) {
          this.pressured = false;
          this.emit('pressure', false);
        }
      },
      detach: () => {
        if (!live) return;
        live = false;
        if (this.ended) return;
        this.sink = null;
        this.abandon('the viewer closed the connection');
      },
    };
  }

  private abandon(why: string): void {
    if (this.ended) return;
    this.emit('detach', why);
    this.close(why);
  }

  private clearTimer(): void {
    if (this.attachTimer) clearTimeout(this.attachTimer);
    this.attachTimer = null;
  }
}

export class StreamHub {
  private readonly channels = new Map<string, ByteChannel>();

  constructor(private readonly attachTimeoutMs = 30_000) {}

  /** A new channel with a fresh random id. */
  create(): ByteChannel {
    const id = `ch-${randomBytes(16).toString('hex')}`;
    const ch = new ByteChannel(id, (c) => this.channels.delete(c.id), this.attachTimeoutMs);
    this.channels.set(id, ch);
    return ch;
  }

  /** Attaches a transport to a channel; null when the id is unknown, closed, or already attached. */
  attach(id: string, sink: ChannelSink): Attachment | null {
    return this.channels.get(id)?.attach(sink) ?? null;
  }

  get size(): number {
    return this.channels.size;
  }

  closeAll(reason = 'Vireo is shutting down'): void {
    for (const c of [...this.channels.values()]) c.close(reason);
  }
}
