import { describe, expect, it } from 'vitest';
import { EmulatedUsbSpec } from '../../shared/api';
import {
  disksOf,
  freeUsbTarget,
  hexId,
  hostdevNames,
  hostdevXml,
  inputXml,
  isRootHub,
  mergeUsb,
  parseUsbNodeDevice,
  usbControllerOf,
  usbDevicesOf,
  usbDiskXml,
} from './usb';

const nodedev = (name: string, bus: number, device: number, vid: string, pid: string, product = 'Lab Flash Stick') =>
  `<device><name>${name}</name><path>/sys/x</path><parent>usb_usb1</parent><capability type='usb_device'><bus>${bus}</bus><device>${device}</device><product id='${pid}'>${product}</product><vendor id='${vid}'>Lab Vendor</vendor></capability></device>`;

const dom = (devices: string) => `<domain type='kvm'><name>vm</name><devices>${devices}</devices></domain>`;

describe('host USB devices', () => {
  it('reads a usb_device node device; ids as 4 lower-case hex digits', () => {
    expect(parseUsbNodeDevice(nodedev('usb_1_3', 1, 3, '0x1234', '0x5678'))).toEqual({
      name: 'usb_1_3',
      vendorId: '1234',
      productId: '5678',
      vendor: 'Lab Vendor',
      product: 'Lab Flash Stick',
      bus: 1,
      device: 3,
    });
    expect(parseUsbNodeDevice("<device><name>pci_0000_00_01_0</name><capability type='pci'/></device>")).toBeNull();
    expect(hexId('0x1D6B')).toBe('1d6b');
    expect(hexId('1')).toBe('0001');
    expect(hexId('zz')).toBeUndefined();
  });

  it('root hubs are hidden', () => {
    const hub = parseUsbNodeDevice(nodedev('usb_usb1', 1, 1, '0x1d6b', '0x0002', '2.0 root hub'));
    const stick = parseUsbNodeDevice(nodedev('usb_1_2', 1, 2, '0x1234', '0x5678'));
    expect(hub && isRootHub(hub)).toBe(true);
    expect(stick && isRootHub(stick)).toBe(false);
  });

  it('a hostdev names a device by ids, by address, or both (two sticks with equal ids)', () => {
    const a = parseUsbNodeDevice(nodedev('usb_1_2', 1, 2, '0x1234', '0x5678'));
    const b = parseUsbNodeDevice(nodedev('usb_1_3', 1, 3, '0x1234', '0x5678'));
    if (!a || !b) throw new Error('parse');
    const byIds = { vendorId: '1234', productId: '5678' };
    expect([hostdevNames(byIds, a), hostdevNames(byIds, b)]).toEqual([true, true]);
    const byBoth = { ...byIds, bus: 1, device: 3 };
    expect([hostdevNames(byBoth, a), hostdevNames(byBoth, b)]).toEqual([false, true]);
    expect(hostdevNames({ bus: 1, device: 2 }, a)).toBe(true);
    expect(hostdevNames({ vendorId: '1234', productId: '0001' }, a)).toBe(false);
    expect(hostdevNames({}, a)).toBe(false);
  });
});

describe('a VM’s USB devices', () => {
  const live = dom(`
    <controller type='usb' index='0' model='qemu-xhci'><alias name='usb'/></controller>
    <disk type='file' device='disk'><source file='/img/vda.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/img/stick.img' index='2'/><target dev='sda' bus='usb'/><alias name='ua-vireo-disk-1'/></disk>
    <hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x1234'/><product id='0x5678'/><address bus='1' device='3'/></source><alias name='hostdev0'/></hostdev>
    <input type='tablet' bus='usb'><alias name='input2'/><address type='usb' bus='0' port='1'/></input>
    <input type='mouse' bus='ps2'><alias name='input0'/></input>
    <redirdev bus='usb' type='spicevmc'><alias name='redir0'/></redirdev>`);
  const config = dom(`
    <controller type='usb' index='0' model='qemu-xhci'/>
    <disk type='file' device='disk'><source file='/img/vda.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/img/stick.img'/><target dev='sda' bus='usb'/><alias name='ua-vireo-disk-1'/></disk>
    <hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x1234'/><product id='0x5678'/></source></hostdev>
    <input type='keyboard' bus='usb'><alias name='ua-vireo-keyboard-2'/></input>`);

  it('lists passthrough, USB inputs, USB disks and redirection; not PS/2 or virtio', () => {
    const l = usbDevicesOf(live);
    expect(l.map((d) => [d.key, d.kind])).toEqual([
      ['ua:ua-vireo-disk-1', 'disk'],
      ['hostdev:1234:5678@1.3', 'hostdev'],
      ['input:tablet:0', 'tablet'],
      ['redirdev:spicevmc:0', 'other'],
    ]);
    expect(l[0]).toMatchObject({ target: 'sda', source: '/img/stick.img', alias: 'ua-vireo-disk-1' });
    expect(l[1]).toMatchObject({ vendorId: '1234', productId: '5678', bus: 1, device: 3 });
    // The element itself, to name it in a detach.
    expect(l[2]?.xml).toMatch(/^<input type="tablet" bus="usb"><alias name="input2"\/><address type="usb" bus="0" port="1"\/><\/input>$/);
    expect(usbControllerOf(live)).toBe('qemu-xhci');
    expect(usbControllerOf(dom("<controller type='usb' model='none'/>"))).toBeNull();
    expect(usbControllerOf(dom("<controller type='usb' index='0'/>"))).toBe('default');
    expect(usbControllerOf(dom(''))).toBeNull();
  });

  it('merges live and next-boot sides: by user alias, and a hostdev by ids when only the live side has an address', () => {
    const m = mergeUsb(usbDevicesOf(live), usbDevicesOf(config));
    expect(m.map((x) => [x.key, !!x.live, !!x.config])).toEqual([
      ['ua:ua-vireo-disk-1', true, true],
      ['hostdev:1234:5678@1.3', true, true],
      ['input:tablet:0', true, false],
      ['redirdev:spicevmc:0', true, false],
      ['ua:ua-vireo-keyboard-2', false, true],
    ]);
  });

  it('disk targets and sources; the first free sdX', () => {
    expect(disksOf(live)).toEqual([
      { target: 'vda', source: '/img/vda.qcow2' },
      { target: 'sda', source: '/img/stick.img' },
    ]);
    expect(freeUsbTarget(['vda', 'sda'])).toBe('sdb');
    expect(freeUsbTarget([])).toBe('sda');
    expect(freeUsbTarget('abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `sd${c}`))).toBe('sdaa');
  });
});

describe('device XML', () => {
  const stick = { name: 'usb_1_3', vendorId: '1234', productId: '5678', bus: 1, device: 3 };
  it('passthrough by ids, with the address only when ids are ambiguous', () => {
    expect(hostdevXml(stick, false, 'ua-x')).toBe(
      '<hostdev mode="subsystem" type="usb" managed="yes"><source><vendor id="0x1234"/><product id="0x5678"/></source><alias name="ua-x"/></hostdev>',
    );
    expect(hostdevXml(stick, true, 'ua-x')).toContain('<address bus="1" device="3"/>');
  });

  it('emulated devices, and escaping of whatever a path holds', () => {
    expect(inputXml('tablet', 'ua-t')).toBe('<input type="tablet" bus="usb"><alias name="ua-t"/></input>');
    const disk = usbDiskXml({ path: `/img/a'b"<c>&.img`, format: 'raw', target: 'sdb', alias: 'ua-d' });
    expect(disk).toBe(
      `<disk type="file" device="disk"><driver name="qemu" type="raw"/><source file="/img/a'b&quot;&lt;c&gt;&amp;.img"/><target dev="sdb" bus="usb"/><alias name="ua-d"/></disk>`,
    );
  });

  it('a new volume needs a plain file name', () => {
    expect(EmulatedUsbSpec.safeParse({ kind: 'disk', pool: 'default', volume: 'stick.img', create: { sizeMiB: 8 } }).success).toBe(true);
    expect(EmulatedUsbSpec.safeParse({ kind: 'disk', pool: 'default', volume: '../etc/x', create: { sizeMiB: 8 } }).success).toBe(false);
    expect(EmulatedUsbSpec.safeParse({ kind: 'disk', pool: 'default', volume: 'a b.qcow2' }).success).toBe(true);
    expect(EmulatedUsbSpec.safeParse({ kind: 'disk', pool: 'default', volume: 'x', create: { sizeMiB: 0 } }).success).toBe(false);
    expect(EmulatedUsbSpec.safeParse({ kind: 'speaker' }).success).toBe(false);
  });
});
