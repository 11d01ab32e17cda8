/**
 * Review 8 item 5: with resolveVolumeDisks throwing (a VM's pool volume disk that could not be
 * resolved), a volume delete and wipe refuse with libvirt's message AND what to do next ("Nothing
 * was deleted …"), not libvirt's bare error; nothing is deleted. The real StorageService against a
 * fake libvirt (fake-rpc.ts) answering the lab's `stopped` definition with a type='volume' disk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../core/events';
import { ErrorCode, LibvirtError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import type { DomainRef } from '../../libvirt/protocol';
import { EventRelays } from '../../libvirt/relay';
import type { HostManager } from '../hosts';
import { StorageService } from './service';

const STOPPED = readFileSync(new URL('../../xml/fixtures/lab-stopped.inactive.xml', import.meta.url), 'utf8')
  .replace("<disk type='file'", "<disk type='volume'")
  .replace(/<source file='[^']*'\/>/, "<source pool='default' volume='data.qcow2'/>");
const user: DomainRef = { name: 'vol-user', uuid: '00000000-0000-4000-8000-00000000000c', id: -1 };
const locked = new LibvirtError({
  code: ErrorCode.INTERNAL_ERROR,
  domain: 18,
  level: 2,
  message: 'internal error: cannot acquire state change lock',
  int1: 0,
  int2: 0,
});

function service() {
  const f = fakeRpc();
  f.answer(P.CONNECT_LIST_ALL_DOMAINS, () => ({ domains: [user], ret: 1 }));
  f.answer(P.DOMAIN_GET_XML_DESC, () => ({ xml: STOPPED }));
  f.answer(P.STORAGE_VOL_GET_PATH, (a: { vol: { name: string } }) => {
    if (a.vol.name === 'data.qcow2') throw locked;
    return { name: `/var/lib/libvirt/images/${a.vol.name}` };
  });
  f.answer(P.STORAGE_VOL_DELETE, () => undefined);
  f.answer(P.STORAGE_VOL_WIPE, () => undefined);
  const hosts = { on: () => hosts, off: () => hosts, name: () => 'lab-a', connection: () => ({ rpc: f.rpc }) } as unknown as HostManager;
  return { f, s: new StorageService(hosts, new EventHub(), new EventRelays()) };
}

describe("a VM's pool volume disk that cannot be resolved (review 8 item 5)", () => {
  it("a volume delete is refused with libvirt's message and what to do; nothing deleted", async () => {
    const { f, s } = service();
    await expect(s.deleteVolume('a', 'default', 'victim.qcow2')).rejects.toMatchObject({
      code: 'libvirt',
      message: 'internal error: cannot acquire state change lock',
      hint: expect.stringMatching(/^Nothing was deleted: whether a VM uses the volume is not known\. Try again/),
    });
    expect(f.count(P.STORAGE_VOL_DELETE)).toBe(0);
  });

  it('a wipe likewise', async () => {
    const { f, s } = service();
    await expect(s.checkWipe('a', 'default', 'victim.qcow2')).rejects.toMatchObject({
      hint: expect.stringMatching(/^Nothing was wiped/),
    });
    expect(f.count(P.STORAGE_VOL_WIPE)).toBe(0);
  });
});
