/**
 * Review 10 item 4: a VM's type='volume' disk in an inactive pool. libvirt cannot say the volume's
 * path (OPERATION_INVALID "storage pool … is not active"); for the pool types whose volume path is
 * the pool's target path + the volume's name (dir, fs, netfs, logical) that path is taken from the
 * pool's XML and counted as used, so one such VM no longer blocks every delete on the host; for
 * the types whose paths only the running pool knows it is still refused (thrown, naming the volume,
 * the pool and its type, with `virsh pool-start`). resolveVolumeDisks against fake-rpc.ts.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode, LibvirtError } from '../../libvirt/errors';
import { fakeRpc } from '../../libvirt/fake-rpc';
import * as P from '../../libvirt/gen/remote_protocol.gen';
import { type DomainDisks, resolveVolumeDisks } from './facts';

const inactive = new LibvirtError({
  code: ErrorCode.OPERATION_INVALID,
  domain: 18,
  level: 2,
  message: "Requested operation is not valid: storage pool 'p' is not active",
  int1: 0,
  int2: 0,
});

async function resolveIn(poolXml: string): Promise<DomainDisks> {
  const f = fakeRpc();
  f.answer(P.STORAGE_VOL_GET_PATH, () => {
    throw inactive;
  });
  f.answer(P.STORAGE_POOL_LOOKUP_BY_NAME, () => ({ pool: { name: 'p', uuid: '00000000-0000-4000-8000-0000000000ff' } }));
  f.answer(P.STORAGE_POOL_GET_XML_DESC, () => ({ xml: poolXml }));
  const dom: DomainDisks = {
    name: 'blind',
    running: false,
    live: [],
    persistent: [{ target: 'vda', paths: [], volume: { pool: 'p', volume: 'lv0' } }],
  };
  await resolveVolumeDisks(f.rpc, [dom]);
  return dom;
}

describe('a volume disk in an inactive pool (review 10 item 4)', () => {
  it('a logical pool: the LV path is <target path>/<lv> (/dev/<vg>/<lv>), counted as the VM’s; no refusal', async () => {
    const dom = await resolveIn(
      "<pool type='logical'><name>p</name><source><name>vg0</name><format type='lvm2'/></source><target><path>/dev/vg0</path></target></pool>",
    );
    expect(dom.persistent[0]?.paths).toEqual(['/dev/vg0/lv0']);
  });

  it.each(['dir', 'fs', 'netfs'])('a %s pool: <target directory>/<volume> (a trailing slash dropped)', async (type) => {
    const dom = await resolveIn(`<pool type='${type}'><name>p</name><target><path>/srv/p/</path></target></pool>`);
    expect(dom.persistent[0]?.paths).toEqual(['/srv/p/lv0']);
  });

  it.each([
    [
      'iscsi',
      "<source><host name='192.0.2.1'/><device path='iqn.2000-01.invalid:x'/></source><target><path>/dev/disk/by-path</path></target>",
    ],
    ['disk', "<source><device path='/dev/sdb'/><format type='dos'/></source><target><path>/dev</path></target>"],
    ['scsi', "<source><adapter type='scsi_host' name='host0'/></source><target><path>/dev/disk/by-path</path></target>"],
    ['mpath', '<target><path>/dev/mapper</path></target>'],
    ['rbd', "<source><host name='192.0.2.1'/><name>rbdpool</name></source>"],
    ['gluster', "<source><host name='192.0.2.1'/><name>gv0</name><dir path='/'/></source>"],
    [
      'iscsi-direct',
      "<source><host name='192.0.2.1'/><device path='iqn.2000-01.invalid:x'/><initiator><iqn name='iqn.2000-01.invalid:i'/></initiator></source>",
    ],
  ])(
    'a %s pool: the path only the started pool knows — refused, naming the volume, pool and type, with virsh pool-start',
    async (type, inner) => {
      await expect(resolveIn(`<pool type='${type}'><name>p</name>${inner}</pool>`)).rejects.toMatchObject({
        code: 'libvirt',
        message: `Could not tell the path of volume “lv0” of the inactive ${type} pool “p” (libvirt names a ${type} pool's volumes only while it runs): Requested operation is not valid: storage pool 'p' is not active`,
        hint: 'Start the pool (`virsh pool-start p`) so that libvirt can say, then try again.',
      });
    },
  );
});
