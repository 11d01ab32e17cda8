// The host tuning calls on the wire (KSM's node memory parameters, free and alloc pages): the
// exact bytes each wrapper writes, and replies decoded whole, against a fake RpcClient.
import { describe, expect, it } from 'vitest';
import type { RpcClient } from './client';
import { hostAllocPages, hostGetFreePages, hostGetMemoryParameters, hostSetMemoryParameters, NodeAllocPagesFlags } from './host';
import { writeTypedParams } from './params';
import { Proc } from './protocol';
import { XdrReader, XdrWriter } from './xdr';

const enc = (fn: (w: XdrWriter) => void): Buffer => {
  const w = new XdrWriter();
  fn(w);
  return w.finish();
};

function fakeRpc(replies: Buffer[] = []) {
  const calls: { proc: number; args: Buffer }[] = [];
  const rpc = {
    async call(proc: number, e: ((w: XdrWriter) => void) | null, d: ((r: XdrReader) => unknown) | null) {
      calls.push({ proc, args: enc((w) => e?.(w)) });
      const reply = replies.shift() ?? Buffer.alloc(0);
      if (!d) return undefined;
      const r = new XdrReader(reply);
      const v = d(r);
      expect(r.remaining, 'reply fully decoded').toBe(0);
      return v;
    },
  };
  return { rpc: rpc as unknown as RpcClient, calls };
}

describe('node memory parameters (KSM)', () => {
  it('asks for the count, then the values; 64-bit figures come back as numbers', async () => {
    const params = [
      { field: 'shm_pages_to_scan', type: 'uint' as const, value: 100 },
      { field: 'shm_sleep_millisecs', type: 'uint' as const, value: 20 },
      { field: 'shm_pages_sharing', type: 'ullong' as const, value: 123456789n },
    ];
    const { rpc, calls } = fakeRpc([
      enc((w) => w.uint(0).int(3)),
      enc((w) => {
        writeTypedParams(w, params);
        w.int(3);
      }),
    ]);
    expect(await hostGetMemoryParameters(rpc)).toEqual({ shm_pages_to_scan: 100, shm_sleep_millisecs: 20, shm_pages_sharing: 123456789 });
    expect(calls.map((c) => c.proc)).toEqual([Proc.NODE_GET_MEMORY_PARAMETERS, Proc.NODE_GET_MEMORY_PARAMETERS]);
    expect(calls[0]?.args).toEqual(enc((w) => w.int(0).uint(0)));
    expect(calls[1]?.args).toEqual(enc((w) => w.int(3).uint(0)));
  });

  it('sets the scan rate as unsigned ints; an unknown or read-only field is refused before sending', async () => {
    const { rpc, calls } = fakeRpc();
    await hostSetMemoryParameters(rpc, { params: { shm_pages_to_scan: 2000, shm_sleep_millisecs: 10 } });
    expect(calls[0]?.proc).toBe(Proc.NODE_SET_MEMORY_PARAMETERS);
    expect(calls[0]?.args).toEqual(
      enc((w) => {
        writeTypedParams(w, [
          { field: 'shm_pages_to_scan', type: 'uint', value: 2000 },
          { field: 'shm_sleep_millisecs', type: 'uint', value: 10 },
        ]);
        w.uint(0);
      }),
    );
    await expect(hostSetMemoryParameters(rpc, { params: { shm_pages_sharing: 1 } })).rejects.toThrow(
      'unknown parameter "shm_pages_sharing"',
    );
    expect(calls).toHaveLength(1);
  });
});

describe('huge pages', () => {
  it('free pages: sizes, start cell, cell count; the cell-major reply as [cell][size]', async () => {
    const { rpc, calls } = fakeRpc([enc((w) => w.uint(4).uhyper(5n).uhyper(0n).uhyper(7n).uhyper(1n))]);
    expect(await hostGetFreePages(rpc, { pageSizesKiB: [2048, 1048576], startCell: 0, cellCount: 2 })).toEqual([
      [5, 0],
      [7, 1],
    ]);
    expect(calls[0]?.proc).toBe(Proc.NODE_GET_FREE_PAGES);
    expect(calls[0]?.args).toEqual(enc((w) => w.uint(2).uint(2048).uint(1048576).int(0).uint(2).uint(0)));
  });

  it('alloc pages: sizes, counts (64-bit), start cell -1 for all cells, SET; returns the pools adjusted', async () => {
    const { rpc, calls } = fakeRpc([enc((w) => w.int(1))]);
    expect(
      await hostAllocPages(rpc, { pageSizesKiB: [2048], counts: [8], startCell: -1, cellCount: 1, flags: NodeAllocPagesFlags.SET }),
    ).toBe(1);
    expect(calls[0]?.proc).toBe(Proc.NODE_ALLOC_PAGES);
    expect(calls[0]?.args).toEqual(enc((w) => w.uint(1).uint(2048).uint(1).uhyper(8n).int(-1).uint(1).uint(1)));
  });
});
