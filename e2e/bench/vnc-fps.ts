/**
 * vnc-fps (updates/s, absolute): framebuffer updates received from tiny's VNC display while the
 * guest keeps redrawing its VGA console (a loop printing lines to /dev/tty0), through Vireo's
 * path: the VNC connector's forward on the host's one SSH session and its console channel.
 *
 * The client here is a minimal RFB 3.8 viewer (no auth, Raw encoding, 32 bpp) that always keeps
 * one incremental update request outstanding, as noVNC does; it counts FramebufferUpdate
 * messages for WINDOW_MS per run. QEMU coalesces changes to its display refresh (~30 ms), so the
 * ceiling is about 33 updates/s; the TCG guest is usually the limit before that.
 */
import { performance } from 'node:perf_hooks';
import type { Backend } from '../../electron/backend';
import type { Attachment } from '../../electron/core/streams';
import { guestExec, readLab } from '../lab/lab';
import { attachChannel, ensureTiny, vireoBackend } from './_console';
import { median } from './run';
import type { Bench } from './types';

const WINDOW_MS = 5000;
const FLAG = '/tmp/vireo-vnc-bench';

/** Parses the server side of RFB 3.8 just enough to count framebuffer updates. */
class RfbCounter {
  private buf: Buffer = Buffer.alloc(0);
  private stage: 'version' | 'security' | 'result' | 'init' | 'normal' = 'version';
  width = 0;
  height = 0;
  updates = 0;
  bytes = 0;
  /** Resolves on the first full update after the handshake. */
  readonly ready: Promise<void>;
  private onReady!: () => void;
  private failed: ((e: Error) => void) | null = null;

  constructor(private readonly send: (b: Buffer) => void) {
    this.ready = new Promise((resolve, reject) => {
      this.onReady = resolve;
      this.failed = reject;
    });
  }

  push(b: Buffer): void {
    this.bytes += b.length;
    this.buf = this.buf.length ? Buffer.concat([this.buf, b]) : b;
    try {
      while (this.step()) {
        // parse what is complete
      }
    } catch (err) {
      this.failed?.(err as Error);
    }
  }

  private take(n: number): Buffer | null {
    if (this.buf.length < n) return null;
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  private request(incremental: boolean): void {
    const m = Buffer.alloc(10);
    m.writeUInt8(3, 0);
    m.writeUInt8(incremental ? 1 : 0, 1);
    m.writeUInt16BE(this.width, 6);
    m.writeUInt16BE(this.height, 8);
    this.send(m);
  }

  /** One protocol step; false when more bytes are needed. */
  private step(): boolean {
    switch (this.stage) {
      case 'version': {
        const v = this.take(12);
        if (!v) return false;
        if (!v.toString('latin1').startsWith('RFB 003.')) throw new Error(`not an RFB server: ${JSON.stringify(v.toString('latin1'))}`);
        this.send(Buffer.from('RFB 003.008\n', 'latin1'));
        this.stage = 'security';
        return true;
      }
      case 'security': {
        if (this.buf.length < 1) return false;
        const n = this.buf.readUInt8(0);
        if (n === 0) throw new Error('the VNC server refused the connection');
        const types = this.take(1 + n);
        if (!types) return false;
        if (!types.subarray(1).includes(1))
          throw new Error('the VNC server wants authentication; the bench needs a display without a password');
        this.send(Buffer.from([1]));
        this.stage = 'result';
        return true;
      }
      case 'result': {
        const r = this.take(4);
        if (!r) return false;
        if (r.readUInt32BE(0) !== 0) throw new Error('VNC security handshake failed');
        this.send(Buffer.from([1])); // ClientInit: shared
        this.stage = 'init';
        return true;
      }
      case 'init': {
        if (this.buf.length < 24) return false;
        const nameLen = this.buf.readUInt32BE(20);
        const init = this.take(24 + nameLen);
        if (!init) return false;
        this.width = init.readUInt16BE(0);
        this.height = init.readUInt16BE(2);
        // SetPixelFormat: 32 bpp, depth 24, little endian, true colour 8:8:8 at 16/8/0.
        const pf = Buffer.from([0, 0, 0, 0, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]);
        // SetEncodings: Raw, DesktopSize.
        const enc = Buffer.alloc(12);
        enc.writeUInt8(2, 0);
        enc.writeUInt16BE(2, 2);
        enc.writeInt32BE(0, 4);
        enc.writeInt32BE(-223, 8);
        this.send(Buffer.concat([pf, enc]));
        this.request(false);
        this.stage = 'normal';
        return true;
      }
      case 'normal':
        return this.message();
    }
  }

  private message(): boolean {
    if (this.buf.length < 1) return false;
    const type = this.buf.readUInt8(0);
    if (type === 0) {
      if (this.buf.length < 4) return false;
      const rects = this.buf.readUInt16BE(2);
      // Walk the rectangles without consuming until the whole message is here.
      let off = 4;
      for (let i = 0; i < rects; i++) {
        if (this.buf.length < off + 12) return false;
        const w = this.buf.readUInt16BE(off + 4);
        const h = this.buf.readUInt16BE(off + 6);
        const encoding = this.buf.readInt32BE(off + 8);
        off += 12;
        if (encoding === 0) off += w * h * 4;
        else if (encoding === -223) {
          this.width = w;
          this.height = h;
        } else throw new Error(`unexpected encoding ${encoding}`);
        if (this.buf.length < off) return false;
      }
      this.take(off);
      this.updates++;
      if (this.updates === 1) this.onReady();
      this.request(true);
      return true;
    }
    if (type === 1) {
      if (this.buf.length < 6) return false;
      const n = this.buf.readUInt16BE(4);
      return this.take(6 + n * 6) !== null;
    }
    if (type === 2) return this.take(1) !== null;
    if (type === 3) {
      if (this.buf.length < 8) return false;
      const len = this.buf.readUInt32BE(4);
      return this.take(8 + len) !== null;
    }
    throw new Error(`unexpected RFB message type ${type}`);
  }
}

let backend: Backend | undefined;
let hostId = '';
const rates: number[] = [];
const mibps: number[] = [];
let size = '';

async function measure(): Promise<number> {
  if (!backend) throw new Error('setup did not run');
  const uuid = readLab().guests.tiny?.uuid ?? '';
  const info = await backend.consoles.open(hostId, uuid, 'vnc');
  if (info.state.status !== 'open') throw new Error(`VNC not open: ${JSON.stringify(info.state)}`);
  let att: Attachment | null = null;
  const rfb = new RfbCounter((b) => att?.write(b));
  att = attachChannel(backend, info.state.channel, (b) => rfb.push(b));
  try {
    await rfb.ready;
    const u0 = rfb.updates;
    const b0 = rfb.bytes;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const s = (performance.now() - t0) / 1000;
    size = `${rfb.width}x${rfb.height}`;
    mibps.push((rfb.bytes - b0) / 1024 / 1024 / s);
    const rate = (rfb.updates - u0) / s;
    rates.push(rate);
    return rate;
  } finally {
    backend.consoles.close(info.id);
  }
}

const bench: Bench = {
  name: 'vnc-fps',
  unit: 'updates/s',
  runs: 3,
  async setup() {
    await ensureTiny();
    ({ backend, hostId } = await vireoBackend());
    // The guest redraws its VGA console until the flag goes (or 2 million lines, whichever first).
    await guestExec(
      'A',
      'tiny',
      `touch ${FLAG}; (i=0; while [ -e ${FLAG} ] && [ $i -lt 2000000 ]; do i=$((i+1)); echo "frame $i ================================================"; done > /dev/tty0 2>&1 &) ; :`,
    );
  },
  vireo: measure,
  async extra() {
    return {
      'MiB/s received': median(mibps),
      'framebuffer px': Number(size.split('x')[0] ?? 0) * Number(size.split('x')[1] ?? 0),
      'best updates/s': Math.max(...rates),
    };
  },
  async teardown() {
    await guestExec('A', 'tiny', `rm -f ${FLAG}`).catch(() => {});
    await backend?.close();
  },
};
export default bench;
