// callRemoteList reads a list reply element by element: each use must read exactly what the
// generated reply codec reads (same elements, same limit), checked on the lab's own stats reply.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RpcClient } from './client';
import { MessageStatus, MessageType, splitFrames } from './client';
import { domainGetAllStats, STATS_RECORDS } from './domain';
import { RemoteProc, readRemoteConnectGetAllDomainStatsRet } from './gen/remote_protocol.gen';
import { remoteParamsToRecord } from './params';
import { XdrReader, XdrWriter } from './xdr';

const capture = JSON.parse(readFileSync(new URL('./fixtures/lab-frames.json', import.meta.url), 'utf8')) as {
  frames: { hex: string }[];
};
const statsReply = capture.frames
  .flatMap((f) => splitFrames(Buffer.from(f.hex, 'hex')))
  .find(
    (f) =>
      f.header.proc === RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS &&
      f.header.type === MessageType.REPLY &&
      f.header.status === MessageStatus.OK,
  );

/** An RpcClient whose every call is answered with `payload`, recording the procedure numbers. */
function answering(payload: Buffer): { rpc: RpcClient; procs: number[] } {
  const procs: number[] = [];
  const rpc = {
    call: async <T>(proc: number, _enc: unknown, dec: ((r: XdrReader) => T) | null): Promise<T> => {
      procs.push(proc);
      const r = new XdrReader(payload);
      const v = dec ? dec(r) : undefined;
      if (r.remaining !== 0) throw new Error(`${r.remaining} bytes left`);
      return v as T;
    },
  } as unknown as RpcClient;
  return { rpc, procs };
}

describe('callRemoteList (CONNECT_GET_ALL_DOMAIN_STATS)', () => {
  it('gives what the generated reply codec gives on the lab capture', async () => {
    expect(statsReply).toBeDefined();
    const payload = statsReply?.payload as Buffer;
    const whole = readRemoteConnectGetAllDomainStatsRet(new XdrReader(payload)).retStats.map((rec) => ({
      domain: rec.dom,
      stats: remoteParamsToRecord(rec.params),
    }));
    const { rpc, procs } = answering(payload);
    const got = await domainGetAllStats(rpc);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(whole);
    expect(procs).toEqual([RemoteProc.CONNECT_GET_ALL_DOMAIN_STATS]);
  });

  it('has the limit of the generated codec', () => {
    const over = new XdrWriter().uint(STATS_RECORDS.max + 1).finish();
    expect(() => readRemoteConnectGetAllDomainStatsRet(new XdrReader(over))).toThrow(`exceeds the limit ${STATS_RECORDS.max}`);
    const { rpc } = answering(over);
    return expect(domainGetAllStats(rpc)).rejects.toThrow(`exceeds the limit ${STATS_RECORDS.max}`);
  });
});
