import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pipeBytes } from './transfer';

function sink(): Writable & { bytes: Buffer[] } {
  const bytes: Buffer[] = [];
  return Object.assign(
    new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _e, cb) {
        bytes.push(chunk);
        setImmediate(cb); // a slow consumer: back-pressure reaches the source
      },
    }),
    { bytes },
  );
}

describe('pipeBytes', () => {
  it('moves every byte, hashes them on the way and reports progress', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const out = sink();
    const seen: number[] = [];
    const r = await pipeBytes(Readable.from([data.subarray(0, 1000), data.subarray(1000)]), out, {
      hash: true,
      signal: new AbortController().signal,
      onBytes: (n) => seen.push(n),
    });
    expect(r.bytes).toBe(data.length);
    expect(r.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(Buffer.concat(out.bytes).equals(data)).toBe(true);
    expect(seen.at(-1)).toBe(data.length);
  });

  it('without hashing or a cap: every byte, in order, counted, with back-pressure', async () => {
    const data = randomBytes(2 * 1024 * 1024 + 3);
    const out = sink();
    const chunks = Array.from({ length: 33 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536)).filter((c) => c.length);
    const r = await pipeBytes(Readable.from(chunks), out, { hash: false, signal: new AbortController().signal });
    expect(r).toEqual({ bytes: data.length });
    expect(Buffer.concat(out.bytes).equals(data)).toBe(true);
  });

  it('keeps to a rate cap', async () => {
    const data = randomBytes(512 * 1024);
    const t0 = Date.now();
    const chunks = Array.from({ length: 8 }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    await pipeBytes(Readable.from(chunks), sink(), { hash: false, rateBps: 2 * 1024 * 1024, signal: new AbortController().signal });
    // 512 KiB at 2 MiB/s: at least ~250 ms (the first chunk goes at once).
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
  });

  it('an abort destroys both ends and rejects', async () => {
    const ac = new AbortController();
    const src = new PassThrough();
    const dst = sink();
    const p = pipeBytes(src, dst, {
      hash: true,
      signal: ac.signal,
      onBytes: (n) => {
        if (n >= 65536) ac.abort(new Error('cancelled by the user'));
      },
    });
    src.write(randomBytes(65536));
    await expect(p).rejects.toThrow();
    expect(src.destroyed).toBe(true);
    expect(dst.destroyed).toBe(true);
  });
});
