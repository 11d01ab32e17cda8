// rewriteForClone, whole: one source with every case the rewrite handles, and the exact clone
// definition and notes that come out (disks copied, shared, detached, created; NICs moved, kept,
// removed, given a MAC or a source; per-VM files renamed; fixed display ports freed).
import { describe, expect, it } from 'vitest';
import { type CloneRewrite, rewriteForClone } from './build';

const SRC =
  '<domain type="kvm"><name>src</name><uuid>aaaaaaaa-0000-0000-0000-000000000000</uuid><genid>x</genid>' +
  '<sysinfo type="smbios"><system><entry name="manufacturer">V</entry><entry name="uuid">aaaaaaaa-0000-0000-0000-000000000000</entry></system></sysinfo>' +
  '<os><type>hvm</type><nvram type="file">/var/lib/libvirt/qemu/nvram/src_VARS.fd</nvram></os><devices>' +
  '<emulator>/usr/bin/qemu-system-x86_64</emulator>' +
  '<disk type="file" device="disk"><source file="/img/src.qcow2"/><backingStore type="file"><source file="/img/base.qcow2"/></backingStore><target dev="vda"/></disk>' +
  '<disk type="network" device="disk"><source protocol="rbd" name="rbd/src"><host name="mon1" port="6789"/></source><target dev="vdb"/></disk>' +
  '<disk type="file" device="cdrom"><target dev="sda"/></disk>' +
  '<disk type="file" device="disk"><source file="/img/shared.raw"/><target dev="vdc"/></disk>' +
  '<disk type="file" device="disk"><source file="/img/gone.raw"/><target dev="vdd"/></disk>' +
  '<interface type="network"><mac address="52:54:00:00:00:01"/><source network="default" portgroup="pg"/><target dev="vnet7"/></interface>' +
  '<interface type="bridge"><source bridge="br0"/></interface>' +
  '<interface type="network"><mac address="52:54:00:00:00:03"/><source network="default"/></interface>' +
  '<interface type="user"><mac address="52:54:00:00:00:04"/></interface>' +
  '<interface type="network"><mac address="52:54:00:00:00:05"/></interface>' +
  '<serial type="file"><source path="/var/log/src.log"/><log file="/var/log/libvirt/qemu/src-serial.log" append="off"/></serial>' +
  '<console type="pty"><log file="/var/log/console.log"/></console>' +
  '<channel type="pty"><log file="/var/log/chan"/></channel>' +
  '<graphics type="vnc" port="5901" autoport="no" websocket="5701"/><graphics type="spice" port="-1" autoport="yes"/>' +
  '</devices></domain>';

const REWRITE: CloneRewrite = {
  name: 'dst',
  uuid: 'bbbbbbbb-0000-0000-0000-000000000000',
  sourceName: 'src',
  disks: new Map([
    ['vda', { mode: 'copy', type: 'file', path: '/img/dst.qcow2' }],
    ['vdb', { mode: 'copy', type: 'block', path: '/dev/vg/dst' }],
    ['sda', { mode: 'copy', type: 'file', path: '/img/dst.iso' }],
    ['vdc', { mode: 'share' }],
    ['vdd', { mode: 'detach' }],
  ]),
  nics: [
    { mac: '52:54:00:11:11:11', target: { kind: 'bridge', name: 'br1' } },
    { mac: '52:54:00:22:22:22' },
    { mac: '52:54:00:33:33:33', target: { kind: 'network', name: 'default' } },
    { mac: '52:54:00:44:44:44', target: { kind: 'none' } },
    { mac: '52:54:00:55:55:55', target: { kind: 'network', name: 'lan' } },
  ],
  emulator: '/usr/libexec/qemu-kvm',
};

describe('rewriteForClone, whole', () => {
  it('every kind of rewrite at once: the exact definition and notes', () => {
    const { xml, notes } = rewriteForClone(SRC, REWRITE);
    expect(xml).toBe(
      '<domain type="kvm"><name>dst</name><uuid>bbbbbbbb-0000-0000-0000-000000000000</uuid>' +
        '<sysinfo type="smbios"><system><entry name="manufacturer">V</entry><entry name="uuid">bbbbbbbb-0000-0000-0000-000000000000</entry></system></sysinfo>' +
        '<os><type>hvm</type><nvram/></os><devices><emulator>/usr/libexec/qemu-kvm</emulator>' +
        '<disk type="file" device="disk"><source file="/img/dst.qcow2"/><target dev="vda"/></disk>' +
        '<disk type="block" device="disk"><source dev="/dev/vg/dst"/><target dev="vdb"/></disk>' +
        '<disk type="file" device="cdrom"><source file="/img/dst.iso"/><target dev="sda"/></disk>' +
        '<disk type="file" device="disk"><source file="/img/shared.raw"/><target dev="vdc"/></disk>' +
        '<interface type="bridge"><mac address="52:54:00:11:11:11"/><source bridge="br1"/></interface>' +
        '<interface type="bridge"><mac address="52:54:00:22:22:22"/><source bridge="br0"/></interface>' +
        '<interface type="network"><mac address="52:54:00:33:33:33"/><source network="default"/></interface>' +
        '<interface type="network"><mac address="52:54:00:55:55:55"/><source network="lan"/></interface>' +
        '<serial type="file"><source path="/var/log/dst.log"/><log file="/var/log/libvirt/qemu/dst-serial.log" append="off"/></serial>' +
        '<console type="pty"><log file="/var/log/console-dst.log"/></console>' +
        '<channel type="pty"><log file="/var/log/chan-dst"/></channel>' +
        '<graphics type="vnc" autoport="yes"/><graphics type="spice" port="-1" autoport="yes"/>' +
        '</devices></domain>',
    );
    expect(notes).toEqual([
      'The VM generation ID is removed: libvirt gives the clone a new one.',
      'UEFI variables start from the firmware template (the source’s NVRAM file is not shared).',
      'Emulator set to the target host’s /usr/libexec/qemu-kvm.',
      'NIC 52:54:00:11:11:11 now on bridge br1.',
      'NIC 52:54:00:55:55:55 now on network lan.',
      'The vnc display port is now chosen automatically (the source’s was fixed).',
    ]);
  });

  it('the same emulator is no change; no rewrites leave disks and NICs as they were', () => {
    const same = SRC.replace('/usr/bin/qemu-system-x86_64', '/usr/libexec/qemu-kvm');
    const { xml, notes } = rewriteForClone(same, { ...REWRITE, disks: new Map(), nics: [] });
    expect(notes).not.toContain('Emulator set to the target host’s /usr/libexec/qemu-kvm.');
    expect(notes).toHaveLength(3);
    expect(xml).toContain('<source protocol="rbd" name="rbd/src"><host name="mon1" port="6789"/></source>');
    expect(xml).toContain('<interface type="user"><mac address="52:54:00:00:00:04"/></interface>');
    expect(xml).toContain('<target dev="vnet7"/>');
  });

  it('a source without genid, NVRAM or devices needs no notes', () => {
    const { xml, notes } = rewriteForClone('<domain><name>src</name><os><nvram> </nvram></os></domain>', REWRITE);
    expect(notes).toEqual([]);
    expect(xml).toBe('<domain><name>dst</name><uuid>bbbbbbbb-0000-0000-0000-000000000000</uuid><os><nvram> </nvram></os></domain>');
    expect(() => rewriteForClone('<network/>', REWRITE)).toThrow('Not a <domain> definition');
  });
});
