import { describe, expect, it } from 'vitest';
import type { SettingsDisk } from '../../../shared/api/settings';
import { ConnectionClosedError, ErrorCode, isAppError, LibvirtError, TimeoutError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { Target } from './devices';
import { capacities, growRefusal, notSizeable } from './grow';

const MiB = 1024 * 1024;

describe('growing a disk: only larger', () => {
  it('a larger size passes; the same or a smaller one is refused, saying nothing was resized', () => {
    expect(growRefusal('vda', 64 * MiB, 80 * MiB)).toBeNull();
    for (const bytes of [64 * MiB, 32 * MiB]) {
      const r = growRefusal('vda', 64 * MiB, bytes);
      expect(r?.message).toBe('vda is 64 MiB: only growing is offered');
      expect(r?.hint).toMatch(/nothing was resized/);
    }
  });
});

const libvirtError = (code: number, message: string) => new LibvirtError({ code, domain: 10, level: 2, message, int1: 0, int2: 0 });
// libvirt's answers to virDomainGetBlockInfo read on lab-a (libvirt 9.0), a shut-off VM:
const NETWORK = libvirtError(ErrorCode.INTERNAL_ERROR, 'internal error: missing storage backend for network files using nbd protocol');
const MISSING = libvirtError(
  ErrorCode.SYSTEM_ERROR,
  "Failed to open file '/var/lib/libvirt/images/f19-missing.qcow2': No such file or directory",
);
const GONE = libvirtError(ErrorCode.INVALID_ARG, 'invalid argument: invalid path vdz not assigned to domain');
const BUSY = libvirtError(
  ErrorCode.OPERATION_TIMEOUT,
  'Timed out during operation: cannot acquire state change lock (held by monitor=remoteDispatchDomainBlockJobAbort)',
);
const TIMEOUT = new TimeoutError('lab-a', P.DOMAIN_GET_BLOCK_INFO.proc, 0x20008086, 30_000);

describe('capacities: only a disk libvirt cannot size is shown without a size (review 5 item 13)', () => {
  it('notSizeable: the disk’s own answers yes; the link, a busy or vanished VM, other refusals no', () => {
    for (const e of [NETWORK, MISSING, GONE, libvirtError(ErrorCode.NO_STORAGE_VOL, 'Storage volume not found: no storage vol')])
      expect(notSizeable(e), e.message).toBe(true);
    for (const e of [
      TIMEOUT,
      new ConnectionClosedError('lab-a'),
      BUSY,
      libvirtError(ErrorCode.NO_DOMAIN, "Domain not found: no domain with matching uuid 'x'"),
      libvirtError(ErrorCode.INTERNAL_ERROR, 'internal error: unable to execute QEMU command'),
      libvirtError(ErrorCode.INVALID_ARG, 'invalid argument: something else'),
      libvirtError(ErrorCode.ACCESS_DENIED, 'access denied'),
      new Error('boom'),
    ])
      expect(notSizeable(e), e.message).toBe(false);
  });

  /** A shut-off VM with vda (a file), vdb (network) and vdc whose answer is `vdc`. */
  const read = (vdc: Error | number) => {
    const f = fakeRpc();
    f.answer(P.DOMAIN_GET_BLOCK_INFO, (a: { path: string }) => {
      if (a.path === 'vdb') throw NETWORK;
      const c = a.path === 'vdc' ? vdc : 64 * MiB;
      if (c instanceof Error) throw c;
      return { capacity: c, allocation: 0, physical: 0 };
    });
    const t = {
      rpc: f.rpc,
      dom: { name: 'web', uuid: '6f1c0a9e-3b1d-4c1e-9a55-0d7c8e2b4a11', id: -1 },
      running: false,
      persistent: true,
    } as unknown as Target;
    const disk = (target: string): SettingsDisk => ({
      target,
      device: 'disk',
      source: `/x/${target}`,
      readonly: false,
      live: false,
      config: true,
    });
    return capacities(t, [disk('vda'), disk('vdb'), disk('vdc'), { ...disk('hdc'), device: 'cdrom' }]);
  };

  it('a network disk and a missing image are left out; the others sized', async () => {
    expect([...(await read(MISSING))]).toEqual([['vda', 64 * MiB]]);
    expect([...(await read(80 * MiB))].sort()).toEqual([
      ['vda', 64 * MiB],
      ['vdc', 80 * MiB],
    ]);
  });

  it('a timeout or a closed link is thrown as it is; a libvirt refusal with libvirt’s message and a hint', async () => {
    await expect(read(TIMEOUT)).rejects.toBe(TIMEOUT);
    const closed = new ConnectionClosedError('lab-a');
    await expect(read(closed)).rejects.toBe(closed);
    const err = await read(BUSY).catch((e: unknown) => e);
    expect(isAppError(err, 'libvirt')).toBe(true);
    expect((err as Error).message).toBe(BUSY.message);
    expect((err as { hint?: string }).hint).toBe('The size of vdc could not be read; nothing was changed. Open the settings again.');
    expect((err as Error).cause).toBe(BUSY);
  });
});
