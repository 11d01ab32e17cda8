import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duplex, PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HostId } from '../../shared/api';
import { encodeFrame, MessageStatus, MessageType, RpcClient, splitFrames } from '../libvirt/client';
import { armDigest, type HostIo, hostDigest, hostIo, logBulkEnd, openStreamPair, pipeBytes, type Started } from './transfer';

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

describe('logBulkEnd: a bulk connection that ends on its own is logged, our close is not', () => {
  /** An RpcClient whose daemon answers CONNECT_CLOSE when `answers`; `proxy` is the client's byte stream. */
  function bulk(answers: boolean): { rpc: RpcClient; proxy: Duplex; lines: string[]; asked: Promise<void> } {
    const lines: string[] = [];
    let onCall = (): void => {};
    const asked = new Promise<void>((r) => (onCall = r));
    const proxy: Duplex = new Duplex({
      read() {},
      write(chunk: Buffer, _e, cb) {
        for (const f of splitFrames(chunk)) {
          if (f.header.type !== MessageType.CALL || f.header.proc !== 2) continue; // CONNECT_CLOSE
          if (answers) setImmediate(() => proxy.push(encodeFrame({ ...f.header, type: MessageType.REPLY, status: MessageStatus.OK })));
          onCall();
        }
        cb();
      },
    });
    const rpc = new RpcClient(proxy, { label: 'lab-a (transfer)', keepaliveIntervalMs: 0 });
    logBulkEnd(rpc, 'lab-a (transfer)', (l) => lines.push(l));
    return { rpc, proxy, lines, asked };
  }
  const EXIT_1 =
    'root@10.203.0.1: the libvirt proxy (virt-ssh-helper or nc) exited with status 1: virt-ssh-helper: could not proxy traffic';
  const ended = (rpc: RpcClient) => new Promise((r) => rpc.once('close', r));

  it('after the copy: our close, answered, then virt-ssh-helper exits 1 as libvirtd hangs up: nothing logged', async () => {
    const { rpc, proxy, lines } = bulk(true);
    const closing = rpc.close();
    await new Promise<void>((r) => proxy.once('finish', () => r())); // the answer was read: the client ended its side
    proxy.destroy(new Error(EXIT_1));
    await closing;
    expect(lines).toEqual([]);
  });

  it('the proxy exits on its own (no close asked): logged with its reason', async () => {
    const { rpc, proxy, lines } = bulk(true);
    const gone = ended(rpc);
    proxy.destroy(new Error(EXIT_1));
    await gone;
    expect(lines).toEqual([`[copy] lab-a (transfer): the connection ended: ${EXIT_1}`]);
  });

  it('the proxy fails while our close waits for its answer: logged', async () => {
    const { rpc, proxy, lines, asked } = bulk(false);
    const closing = rpc.close();
    await asked;
    proxy.destroy(new Error('root@10.203.0.1: the libvirt proxy (virt-ssh-helper or nc) killed by SIGKILL'));
    await closing;
    expect(lines).toEqual([
      '[copy] lab-a (transfer): the connection ended: root@10.203.0.1: the libvirt proxy (virt-ssh-helper or nc) killed by SIGKILL',
    ]);
  });
});

describe('armDigest: the check starts ahead and reads the file only when fired', () => {
  // A local host (commands run here), through the same hostIo the app uses.
  const io = hostIo(
    { list: () => [{ id: 'h1', spec: { name: 'here', uri: 'qemu:///system', transport: 'local' } }] } as never,
    'h1' as HostId,
  );
  const file = () => join(mkdtempSync(join(tmpdir(), 'vireo-arm-')), 'disk.img');

  it('hashes what the file holds when fired, not when armed', async () => {
    const path = file();
    writeFileSync(path, 'not yet');
    const data = randomBytes(300_000);
    const armed = armDigest(io, path, data.length, 'sha256');
    await new Promise((r) => setTimeout(r, 200)); // the command has started and waits
    writeFileSync(path, data);
    const d = await armed.fire();
    expect(d).toEqual({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(d).toEqual(await hostDigest(io, path, data.length, 'sha256'));
  });

  it('a size check, and a file that is not there, report like hostDigest', async () => {
    const path = file();
    writeFileSync(path, randomBytes(1234));
    expect(await armDigest(io, path, 1234, 'size').fire()).toEqual({ size: 1234 });
    await expect(armDigest(io, `${path}.gone`, 1, 'sha256').fire()).rejects.toThrow(/Could not read .*gone on here/);
  });

  it('cancelled, the command exits without reading; fired after cancel is refused', async () => {
    let started: Started | undefined;
    const spy: HostIo = {
      ...io,
      start: async (argv) => {
        started = await (io.start as NonNullable<HostIo['start']>)(argv);
        return started;
      },
    };
    const armed = armDigest(spy, file(), 0, 'sha256');
    armed.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const r = await (started as Started).result;
    expect(r).toMatchObject({ code: 5, stdout: '' });
    await expect(armed.fire()).rejects.toThrow(/fired twice or after cancel/);
  });

  it('the armed command ended before fire() (its idle channel closed during the copy): the check runs afresh, the copy is kept', async () => {
    const path = file();
    const data = randomBytes(5000);
    const runs: string[][] = [];
    const closedEarly: HostIo = {
      ...io,
      run: (argv) => {
        runs.push([...argv]);
        return io.run(argv);
      },
      start: async (argv) => {
        const s = await (io.start as NonNullable<HostIo['start']>)(argv);
        s.end(); // what sshd's ChannelTimeout does to the idle channel: the armed sh exits 5, reading nothing
        return s;
      },
    };
    const armed = armDigest(closedEarly, path, data.length, 'sha256');
    await new Promise((r) => setTimeout(r, 200)); // the copy: meanwhile the armed command is gone
    writeFileSync(path, data);
    expect(await armed.fire()).toEqual({ size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(runs).toHaveLength(1); // hostDigest, after the copy
    // The fresh check failing still fails, with its own reason.
    const gone = armDigest(closedEarly, `${path}.gone`, 1, 'size');
    await new Promise((r) => setTimeout(r, 100));
    await expect(gone.fire()).rejects.toThrow(/Could not read .*gone on here to verify it: .*(No such file|cannot stat)/);
  });

  it('the channel closes as "go" is sent (no status, no output): the check runs afresh; a real exit of the check is not retried', async () => {
    const path = file();
    writeFileSync(path, 'abcd');
    const runs: string[][] = [];
    /** A started command whose outcome settles only when fired, with `r`. */
    const firedThen = (r: { code: number | null; stdout: string; stderr: string }): HostIo => ({
      ...io,
      run: (argv) => {
        runs.push([...argv]);
        return io.run(argv);
      },
      start: async () => {
        let settle: (v: typeof r) => void = () => {};
        const result = new Promise<typeof r>((res) => (settle = res));
        return { send: () => settle(r), end: () => {}, result };
      },
    });
    const closed = firedThen({ code: null, stdout: '', stderr: 'Channel closed' });
    expect(await armDigest(closed, path, 4, 'size').fire()).toEqual({ size: 4 });
    expect(runs).toHaveLength(1);
    // The check itself ran and failed (exit 4 after its size line): that is the answer, no second run.
    const failed = firedThen({ code: 4, stdout: 'size 4\n', stderr: 'openssl: read error' });
    await expect(armDigest(failed, path, 4, 'sha256').fire()).rejects.toThrow(
      /Could not read .* on here to verify it: openssl: read error/,
    );
    expect(runs).toHaveLength(1);
  });

  it('where commands cannot start ahead, fire() runs the check then', async () => {
    const path = file();
    writeFileSync(path, 'abc');
    const { start: _none, ...plain } = io;
    expect(await armDigest(plain, path, 3, 'sha256').fire()).toEqual({
      size: 3,
      sha256: createHash('sha256').update('abc').digest('hex'),
    });
  });
});
