import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openStreamPair, pipeBytes } from './transfer';

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

describe('openStreamPair: a copy stream that fails late never ends the process', () => {
  /** Runs fn and reports whether an 'uncaughtException' reached the process meanwhile. */
  async function uncaughtDuring(fn: () => Promise<void>): Promise<Error[]> {
    const seen: Error[] = [];
    // Vitest installs its own handlers; ours sees the same emit.
    const onErr = (e: Error) => seen.push(e);
    process.on('uncaughtException', onErr);
    try {
      await fn();
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('uncaughtException', onErr);
    }
    return seen;
  }

  it('an error on a stream after the copy settled is logged, not thrown at the process', async () => {
    const lines: string[] = [];
    const [down, up] = await openStreamPair(
      'a.qcow2 on A -> b on B',
      [Promise.resolve(new PassThrough()), Promise.resolve(new PassThrough())],
      (l) => lines.push(l),
    );
    // Without a listener, emitting 'error' throws synchronously: this is what ended the bench process.
    expect(() => down.emit('error', new Error('lab-b (transfer): connection closed'))).not.toThrow();
    up.destroy(new Error('virt-ssh-helper: could not proxy traffic'));
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([
      '[copy] a.qcow2 on A -> b on B: source stream: lab-b (transfer): connection closed (after the copy settled or while it failed)',
      '[copy] a.qcow2 on A -> b on B: target stream: virt-ssh-helper: could not proxy traffic (after the copy settled or while it failed)',
    ]);
  });

  it('when one end fails to open, the other is destroyed and the failure thrown; its later error is logged', async () => {
    const lines: string[] = [];
    const down = new PassThrough();
    const seen = await uncaughtDuring(async () => {
      await expect(
        openStreamPair('x', [Promise.resolve(down), Promise.reject(new Error('Storage volume not found'))], (l) => lines.push(l)),
      ).rejects.toThrow('Storage volume not found');
      expect(down.destroyed).toBe(true);
      down.emit('error', new Error('connection closed'));
    });
    expect(seen).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
