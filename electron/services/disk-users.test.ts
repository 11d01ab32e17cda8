import { describe, expect, it } from 'vitest';
import { backingOf, diskRefsOf, otherUsers } from './disk-users';

// A running domain's live XML as libvirt 9.0 writes it: an overlay whose backing chain holds a base image.
const overlay = `<domain type='qemu'><name>web2</name><devices>
  <disk type='file' device='disk'>
    <driver name='qemu' type='qcow2'/>
    <source file='/var/lib/libvirt/images/web2.qcow2' index='2'/>
    <backingStore type='file' index='1'>
      <format type='qcow2'/>
      <source file='/var/lib/libvirt/images/base.qcow2'/>
      <backingStore/>
    </backingStore>
    <target dev='vda' bus='virtio'/>
  </disk>
  <disk type='block' device='disk'><source dev='/dev/vg0/data'/><target dev='vdb' bus='virtio'/></disk>
  <disk type='volume' device='disk'><source pool='default' volume='extra.qcow2'/><target dev='vdc' bus='virtio'/></disk>
  <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
  <interface type='network'><source network='default'/></interface>
</devices></domain>`;

describe('low delete shared disk: which other domains use a volume', () => {
  it('low delete shared disk every disk source is found: files, block devices, backing chains, pool volumes', () => {
    expect(diskRefsOf(overlay)).toEqual({
      paths: ['/var/lib/libvirt/images/web2.qcow2', '/var/lib/libvirt/images/base.qcow2', '/dev/vg0/data'],
      volumes: [{ pool: 'default', volume: 'extra.qcow2' }],
    });
  });

  it('low delete shared disk a path another domain uses names that domain; unused paths are not listed', () => {
    const others = [
      { name: 'web2', paths: diskRefsOf(overlay).paths },
      { name: 'web3', paths: ['/var/lib/libvirt/images/base.qcow2'] },
      { name: 'db', paths: ['/var/lib/libvirt/images/db.qcow2'] },
    ];
    const users = otherUsers(['/var/lib/libvirt/images/base.qcow2', '/var/lib/libvirt/images/web1.qcow2', '/dev/vg0/data'], others);
    expect([...users]).toEqual([
      ['/var/lib/libvirt/images/base.qcow2', ['web2', 'web3']],
      ['/dev/vg0/data', ['web2']],
    ]);
  });

  it("low delete shared disk a shut-off overlay's backing file is read from its volume (libvirt's inactive XML has no chain)", () => {
    const vol = `<volume type='file'><name>web2.qcow2</name><target><path>/var/lib/libvirt/images/web2.qcow2</path><format type='qcow2'/></target>
  <backingStore><path>/var/lib/libvirt/images/base.qcow2</path><format type='qcow2'/></backingStore></volume>`;
    expect(backingOf(vol)).toBe('/var/lib/libvirt/images/base.qcow2');
    expect(backingOf("<volume type='file'><name>a</name><target><path>/x/a</path></target></volume>")).toBeUndefined();
  });
});
