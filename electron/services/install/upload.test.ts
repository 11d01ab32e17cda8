/**
 * Issue 14, low: uploads did not enforce their window on the backend. The renderer may keep at
 * most UPLOAD_WINDOW bytes beyond what the backend acknowledged; a client that sends more used to
 * be buffered without bound. Now the channel is closed with the reason, and the upload aborts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UPLOAD_WINDOW, uploadRoom } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { StreamHub } from '../../core/streams';
import { Incoming } from './upload';

const MiB = 1024 * 1024;

/** An upload of `size` bytes on a fresh channel, with the renderer attached. */
function upload(size: number, keep = true) {
  const ch = new StreamHub(0).create();
  const incoming = new Incoming(ch, size);
  const acks: number[] = [];
  let closed: string | null = null;
  const renderer = ch.attach({
    data: (b) => acks.push(Number(b.readBigUInt64BE(0))),
    close: (reason) => {
      closed = reason;
    },
  });
  if (!renderer) throw new Error('could not attach');
  const received: Buffer[] = [];
  incoming.source.on('data', (b: Buffer) => {
    if (keep) received.push(b);
  });
  return { ch, incoming, renderer, acks, closed: () => closed, received };
}

describe('low upload window', () => {
  it('low upload window: a client that sends beyond its window gets the channel closed with the reason', () => {
    const u = upload(64 * MiB);
    u.renderer.write(Buffer.alloc(UPLOAD_WINDOW - 1));
    u.renderer.write(Buffer.alloc(1));
    expect(u.closed()).toBeNull();
    expect(u.incoming.signal.aborted).toBe(false);
    // One byte more than the window, with nothing acknowledged.
    u.renderer.write(Buffer.alloc(1));
    expect(u.closed()).toBe(
      `Upload window exceeded: ${UPLOAD_WINDOW + 1} bytes sent beyond the last acknowledgement, window ${UPLOAD_WINDOW}`,
    );
    expect(u.ch.closed).toBe(true);
    expect(u.incoming.signal.aborted).toBe(true);
    const why = u.incoming.signal.reason as AppError;
    expect(why).toBeInstanceOf(AppError);
    expect(why.code).toBe('invalid-input');
    expect(why.hint).toContain('start the upload again');
    expect(u.incoming.source.destroyed).toBe(true);
  });

  it('low upload window: a client that follows uploadRoom is never refused, however the host acknowledges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 * UPLOAD_WINDOW + MiB }),
        // When the host takes bytes (true) or the client tries to send (false), and how much it takes.
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 50 }),
        (size, steps) => {
          const u = upload(size, false);
          let sent = 0;
          let taken = 0;
          for (let i = 0; sent < size || taken < size; i++) {
            const [hostFirst, percent] = steps[i % steps.length] ?? [true, 100];
            const room = Math.min(uploadRoom(sent, u.acks.at(-1) ?? 0), size - sent);
            // Each step moves something: the host takes when it has bytes, the client sends when it may.
            if ((hostFirst && taken < sent) || room === 0) {
              // The host takes part of what arrived (at least 64 KiB, or the rest).
              taken = Math.min(sent, taken + Math.max(64 * 1024, Math.floor(((sent - taken) * percent) / 100)));
              u.incoming.taken(taken);
            } else {
              u.renderer.write(Buffer.allocUnsafe(room));
              sent += room;
            }
            if (u.closed() !== null) return false;
          }
          return !u.incoming.signal.aborted && u.acks.at(-1) === size;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('low upload window: acknowledgements open the window again, and every byte arrives', async () => {
    const size = 3 * UPLOAD_WINDOW;
    const u = upload(size);
    let sent = 0;
    while (sent < size) {
      const room = uploadRoom(sent, u.acks.at(-1) ?? 0);
      if (room === 0) u.incoming.taken(sent);
      else {
        u.renderer.write(Buffer.alloc(room, sent % 251));
        sent += room;
      }
    }
    u.incoming.taken(size);
    await new Promise<void>((resolve) => u.incoming.source.once('end', resolve));
    expect(u.closed()).toBeNull();
    expect(Buffer.concat(u.received).length).toBe(size);
    expect(u.acks.at(-1)).toBe(size);
  });

  it('low upload window: bytes beyond the announced size close the channel too', () => {
    const u = upload(1000);
    u.renderer.write(Buffer.alloc(1001));
    expect(u.closed()).toBe('More bytes than the announced 1000');
    expect((u.incoming.signal.reason as AppError).code).toBe('invalid-input');
  });
});
