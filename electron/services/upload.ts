/**
 * The receiving end of an upload (an ISO from this computer into a pool): the renderer's bytes
 * on a byte channel, as a Readable for the pipeline to the host.
 *
 * The renderer keeps at most UPLOAD_WINDOW bytes beyond what we acknowledged (8-byte big-endian
 * totals, sent as the host takes them). We hold it to that: a client that sends more gets the
 * channel closed with the reason, so what waits here in memory stays bounded whatever it sends.
 */
import { Readable } from 'node:stream';
import { UPLOAD_WINDOW } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { ByteChannel } from '../core/streams';

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
