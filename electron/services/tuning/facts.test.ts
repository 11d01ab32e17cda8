// One VM's row of the Tuning tab: a VM gone since the listing has no row; any other failure to read
// it is the tab's error, never a VM silently left out (review 5 item 13).
import { describe, expect, it } from 'vitest';
import { ErrorCode, LibvirtError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { NodeInfo } from '../../libvirt/host';
import { readVmRow } from './facts';

const vm = { name: 'web', uuid: '0123abcd-4567-89ef-0011-223344556677', id: 4, state: 1, stateName: 'RUNNING' as const, reason: 1 };
const node = { model: 'x86_64', memoryKiB: 4 << 20, cpus: 2, mhz: 2000, nodes: 1, sockets: 1, cores: 2, threads: 1 } as NodeInfo;
const refusal = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message, int1: 0, int2: 0 });

describe('readVmRow', () => {
  it('a VM gone since the listing (no domain): no row', async () => {
    const f = fakeRpc();
    f.answer(P.DOMAIN_GET_XML_DESC, () => {
      throw refusal(ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching uuid 'web'");
    });
    expect(await readVmRow(f.rpc, vm, node, true)).toBeNull();
  });

  it('any other failure (the link, a timeout, a refusal) is thrown with libvirt’s message', async () => {
    const f = fakeRpc();
    f.answer(P.DOMAIN_GET_XML_DESC, () => {
      throw refusal(ErrorCode.OPERATION_TIMEOUT, 'Timed out during operation: cannot acquire state change lock');
    });
    await expect(readVmRow(f.rpc, vm, node, true)).rejects.toThrow('cannot acquire state change lock');
  });
});
