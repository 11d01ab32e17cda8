/**
 * A WebSocket-like object over a console channel, for noVNC's RFB (which accepts one instead of a
 * URL; see core/websock.js): the bytes come from VireoApi.attachStream — IPC in Electron, the web
 * bridge's authenticated /stream WebSocket in a browser — so no local port is ever opened.
 */
import type { RawChannel } from '@novnc/novnc';
import type { StreamHandle } from '../../../shared/api';
import { api } from '../../api';

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

export class ChannelSocket implements RawChannel {
  binaryType = 'arraybuffer';
  readonly protocol = '';
  readyState: number = CONNECTING;
  onopen: ((e: Event) => void) | null = null;
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  /** Bytes received, for the viewer's statistics. */
  bytesIn = 0;
  private handler: ((e: { data: ArrayBuffer }) => void) | null = null;
  private early: ArrayBuffer[] = [];
  private readonly handle: StreamHandle;

  constructor(channel: string) {
    this.handle = api.attachStream(channel, {
      data: (bytes) => {
        this.bytesIn += bytes.length;
        const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        if (this.handler) this.handler({ data: buf });
        else this.early.push(buf);
      },
      close: (reason) => this.finish(reason),
    });
    // The channel is usable at once: RFB starts its handshake when it sees OPEN.
    this.readyState = OPEN;
  }

  /** noVNC sets this after attaching; bytes that came first are handed over then. */
  get onmessage(): ((e: { data: ArrayBuffer }) => void) | null {
    return this.handler;
  }
  set onmessage(fn: ((e: { data: ArrayBuffer }) => void) | null) {
    this.handler = fn;
    if (fn && this.early.length) {
      const early = this.early;
      this.early = [];
      for (const data of early) fn({ data });
    }
  }

  send(data: Uint8Array | ArrayBuffer): void {
    if (this.readyState !== OPEN) return;
    this.handle.write(data instanceof Uint8Array ? data : new Uint8Array(data));
  }

  close(): void {
    if (this.readyState === CLOSED) return;
    this.handle.close();
    this.finish('');
  }

  private finish(reason: string): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.onclose?.({ code: 1000, reason, wasClean: true });
  }
}
