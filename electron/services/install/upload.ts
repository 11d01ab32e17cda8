/**
 * The receiving end of an upload (an ISO from this computer into a pool): the renderer's bytes
 * on a byte channel, as a Readable for the pipeline to the host.
 *
 * The renderer keeps at most UPLOAD_WINDOW bytes beyond what we acknowledged (8-byte big-endian
 * totals, sent as the host takes them). We hold it to that: a client that sends more gets the
 * channel closed with the reason, so what waits here in memory stays bounded whatever it sends.
 * receiveUpload pipes them into the volume on the host and verifies what was written.
 */
import { Readable } from 'node:stream';
import { UPLOAD_WINDOW } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { ByteChannel } from '../../core/streams';
import type { StorageVolRef } from '../../libvirt/protocol';
import { volUpload } from '../../libvirt/storage';
import type { JobContext } from '../jobs';
import { fmtRate, type HostIo, hostDigest, pipeBytes } from '../transfer';

/** Acknowledge at least every ACK_EVERY bytes the host took (and at the end). */
const ACK_EVERY = 512 * 1024;

export class Incoming {
  readonly source = new Readable({ read() {}, highWaterMark: 1024 * 1024 });
  private readonly ac = new AbortController();
  private received = 0;
  private acked = 0;

  constructor(
    private readonly channel: ByteChannel,
    private readonly size: number,
    private readonly window = UPLOAD_WINDOW,
  ) {
    // The pipeline reports the failure; until it runs, a destroyed source must not throw.
    this.source.on('error', () => {});
    channel.on('input', (b) => {
      if (this.ac.signal.aborted) return;
      this.received += b.length;
      if (this.received > size) {
        this.refuse(new AppError('invalid-input', `More bytes than the announced ${size}`));
        return;
      }
      const ahead = this.received - this.acked;
      if (ahead > this.window) {
        this.refuse(
          new AppError(
            'invalid-input',
            `Upload window exceeded: ${ahead} bytes sent beyond the last acknowledgement, window ${this.window}`,
            'The client did not wait for the host; start the upload again.',
          ),
        );
        return;
      }
      this.source.push(b);
      if (this.received === size) this.source.push(null);
    });
    channel.on('detach', (why) => {
      if (this.received < size)
        this.abort(new AppError('canceled', `The upload stopped: ${why}`, 'Nothing was kept; start the upload again.'));
    });
  }

  get signal(): AbortSignal {
    return this.ac.signal;
  }

  abort(why: Error): void {
    if (this.ac.signal.aborted) return;
    this.ac.abort(why);
    this.source.destroy(why);
  }

  /** The client broke the protocol: stop, and tell it why at once (the job then cleans up). */
  private refuse(why: AppError): void {
    this.abort(why);
    this.channel.close(why.message);
  }

  /** The host took `n` bytes so far: let the renderer send more. */
  taken(n: number): void {
    if (n - this.acked < ACK_EVERY && n !== this.size) return;
    const b = Buffer.alloc(8);
    b.writeBigUInt64BE(BigInt(n));
    this.channel.send(b);
    this.acked = n;
  }
}

/** Where an upload writes, and how it reports (the job). */
export interface UploadTarget {
  io: HostIo;
  vol: StorageVolRef;
  path: string;
  size: number;
}

/**
 * Receives the renderer's bytes into the volume through a bulk connection, then verifies the
 * written file on the host (size and sha256 against the sha256 of the bytes that passed).
 */
export async function receiveUpload(t: UploadTarget, incoming: Incoming, ctx: JobContext<'volume-copy'>): Promise<void> {
  const { io, vol, path, size } = t;
  const onAbort = () => incoming.abort(ctx.signal.reason as Error);
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  // job.progress at least twice a second, even while the renderer is slow to send.
  const tick = setInterval(() => ctx.update({}), 400);
  const bulk = await io.openBulk().catch((err: unknown) => {
    clearInterval(tick);
    throw err;
  });
  try {
    const upload = await volUpload(bulk.rpc, vol, { length: size });
    const t0 = Date.now();
    ctx.update({ phase: 'uploading', detail: { figures: { bytes: 0, totalBytes: size } } });
    const result = await pipeBytes(incoming.source, upload, {
      hash: true,
      signal: incoming.signal,
      onBytes: (n) => {
        incoming.taken(n);
        const secs = (Date.now() - t0) / 1000;
        ctx.update({
          progress: (n / size) * 0.95,
          detail: { figures: { bytes: n, totalBytes: size, bytesPerSec: secs > 0 ? n / secs : 0 } },
        });
      },
    }).catch((err: unknown) => {
      // Say why it stopped (the viewer left, too many bytes, a cancel) rather than "aborted".
      throw incoming.signal.aborted ? incoming.signal.reason : err;
    });
    if (result.bytes !== size) throw new AppError('verify', `Received ${result.bytes} of ${size} bytes`);
    ctx.update({ phase: `verifying (${fmtRate(result.bytes / Math.max(0.001, (Date.now() - t0) / 1000))})`, progress: 0.96 });
    const d = await hostDigest(io, path, size, 'sha256');
    if (d.size !== size || d.sha256 !== result.sha256) {
      throw new AppError(
        'verify',
        `The uploaded volume on ${io.label} does not match the file (size ${d.size} vs ${size}, sha256 ${d.sha256?.slice(0, 12)} vs ${result.sha256?.slice(0, 12)})`,
      );
    }
    ctx.update({
      phase: `uploaded and verified (sha256 ${result.sha256?.slice(0, 12)}…)`,
      progress: 1,
      detail: { figures: { bytes: size, totalBytes: size } },
    });
  } finally {
    clearInterval(tick);
    ctx.signal.removeEventListener('abort', onAbort);
    bulk.close();
  }
}
