// What the generated tables cover, checked against facts from libvirt 9.0's remote_protocol.x
// and PROTOCOL.md (each number there was tested against the lab): every procedure 1..443 has an
// entry, the calls the next features need have codecs, and a few layouts are byte-exact.

import { describe, expect, it } from 'vitest';
import { callRemote } from '../remote';
import { XdrReader, XdrWriter } from '../xdr';
import { QemuProc, qemuProcedures } from './qemu_protocol.gen';
import * as P from './remote_protocol.gen';
import { REMOTE_PROGRAM, RemoteProc, remoteProcedures, writeRemoteDomainGetStateArgs } from './remote_protocol.gen';
import { KEEPALIVE_PROGRAM, KeepaliveProc, VirNetMessageType } from './virnetprotocol.gen';

describe('generated procedure tables', () => {
  it('number every REMOTE procedure of libvirt 9.0 (1..443), each once', () => {
    const nums = Object.values(RemoteProc).sort((a, b) => a - b);
    expect(nums).toEqual(Array.from({ length: 443 }, (_, i) => i + 1));
    for (const [name, spec] of Object.entries(remoteProcedures)) expect(spec.proc, name).toBe(RemoteProc[name as keyof typeof RemoteProc]);
  });

  it('match the numbers checked against the lab (PROTOCOL.md)', () => {
    expect(REMOTE_PROGRAM).toBe(0x20008086);
    expect(KEEPALIVE_PROGRAM).toBe(0x6b656570);
    expect(KeepaliveProc).toEqual({ PING: 1, PONG: 2 });
    expect(VirNetMessageType.VIR_NET_STREAM_HOLE).toBe(6);
    expect(RemoteProc).toMatchObject({
      CONNECT_OPEN: 1,
      DOMAIN_GET_SCHEDULER_TYPE: 56,
      AUTH_LIST: 66,
      DOMAIN_GET_STATE: 212,
      DOMAIN_GET_EMULATOR_PIN_INFO: 280,
      DOMAIN_MIGRATE_PERFORM3_PARAMS: 305,
      CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY: 316,
      CONNECT_GET_ALL_DOMAIN_STATS: 344,
      NODE_DEVICE_EVENT_LIFECYCLE: 376,
      DOMAIN_ABORT_JOB_FLAGS: 442,
    });
  });

  it('have codecs for the snapshot, storage, network, agent, memory and vCPU calls', () => {
    for (const name of [
      'DOMAIN_SNAPSHOT_CREATE_XML',
      'DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN',
      'STORAGE_POOL_CREATE_XML',
      'NETWORK_CREATE_XML',
      'DOMAIN_SET_MEMORY_FLAGS',
      'DOMAIN_SET_VCPUS_FLAGS',
      'DOMAIN_GET_VCPUS',
      'DOMAIN_GET_GUEST_INFO',
    ] as const) {
      expect(remoteProcedures[name].args, name).not.toBeNull();
    }
    expect(QemuProc.DOMAIN_AGENT_COMMAND).toBe(3);
    expect(qemuProcedures.DOMAIN_AGENT_COMMAND.ret).not.toBeNull();
    // Events carry a message, not args; stream procedures are marked.
    expect(remoteProcedures.DOMAIN_EVENT_CALLBACK_LIFECYCLE).toMatchObject({ args: null, ret: null });
    expect(remoteProcedures.DOMAIN_EVENT_CALLBACK_LIFECYCLE.msg).not.toBeNull();
    expect(remoteProcedures.STORAGE_VOL_DOWNLOAD.stream).toBe('read');
    expect(remoteProcedures.STORAGE_VOL_UPLOAD.stream).toBe('write');
  });

  it('encode remote_domain_get_state_args as libvirt does', () => {
    const w = new XdrWriter();
    writeRemoteDomainGetStateArgs(w, { dom: { name: 'a', uuid: '0123abcd-4567-89ef-0011-223344556677', id: -1 }, flags: 0 });
    expect(w.finish().toString('hex')).toBe(`00000001${'61000000'}0123abcd456789ef0011223344556677ffffffff00000000`);
  });

  it('callRemote sends the generated number and decodes the generated reply', async () => {
    const calls: { proc: number; payload: string }[] = [];
    const rpc = {
      call: async <T>(proc: number, enc: ((w: XdrWriter) => void) | null, dec: ((r: XdrReader) => T) | null): Promise<T> => {
        const w = new XdrWriter();
        enc?.(w);
        calls.push({ proc, payload: w.finish().toString('hex') });
        const reply = new XdrWriter().int(5).int(2).finish(); // state SHUTOFF, reason 2
        return (dec ? dec(new XdrReader(reply)) : undefined) as T;
      },
    } as unknown as Parameters<typeof callRemote>[0];
    const dom = { name: 'a', uuid: '0123abcd-4567-89ef-0011-223344556677', id: -1 };
    await expect(callRemote(rpc, P.DOMAIN_GET_STATE, { dom, flags: 0 })).resolves.toEqual({ state: 5, reason: 2 });
    expect(calls).toEqual([{ proc: 212, payload: '0000000161000000' + '0123abcd456789ef0011223344556677ffffffff00000000' }]);
  });
});
