// Device XML for attach/detach: exact output, and hostile paths stay text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCharDevXml, buildDiskXml, buildInputXml, buildUsbHostdevXml } from './devices';
import { parseXml } from './dom';
import { parseDisk } from './parse';

describe('device XML', () => {
  it('a disk with every option, and the minimal one', () => {
    expect(
      buildDiskXml({
        type: 'block',
        device: 'cdrom',
        path: '/dev/sr0',
        format: 'raw',
        target: 'sdc',
        bus: 'sata',
        cache: 'none',
        readonly: true,
        bootOrder: 1,
        alias: 'ua-x',
      }),
    ).toBe(
      '<disk type="block" device="cdrom"><driver name="qemu" type="raw" cache="none"/><source dev="/dev/sr0"/><target dev="sdc" bus="sata"/><readonly/><boot order="1"/><alias name="ua-x"/></disk>',
    );
    expect(buildDiskXml({ type: 'file', path: '/a', format: 'qcow2', target: 'vda', bus: 'virtio', readonly: false })).toBe(
      '<disk type="file" device="disk"><driver name="qemu" type="qcow2"/><source file="/a"/><target dev="vda" bus="virtio"/></disk>',
    );
  });

  it('a disk path is text whatever it holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (raw) => {
        const path = raw.replace(/[^\x20-\uD7FF\uE000-\uFFFD]/g, '') || 'p';
        const xml = buildDiskXml({ type: 'file', path, format: 'raw', target: 'sda', bus: 'usb', alias: 'ua-d' });
        expect(parseDisk(parseXml(xml).documentElement as never)).toMatchObject({ path, target: 'sda', bus: 'usb', alias: 'ua-d' });
      }),
      { numRuns: 200 },
    );
  });

  it('USB passthrough by ids, with the address when asked', () => {
    expect(buildUsbHostdevXml({ vendorId: '1234', productId: '5678' })).toBe(
      '<hostdev mode="subsystem" type="usb" managed="yes"><source><vendor id="0x1234"/><product id="0x5678"/></source></hostdev>',
    );
    expect(buildUsbHostdevXml({ vendorId: '1234', productId: '5678', address: { bus: 1, device: 3 }, alias: 'ua-u' })).toBe(
      '<hostdev mode="subsystem" type="usb" managed="yes"><source><vendor id="0x1234"/><product id="0x5678"/><address bus="1" device="3"/></source><alias name="ua-u"/></hostdev>',
    );
  });

  it('inputs and char devices', () => {
    expect(buildInputXml({ type: 'tablet', bus: 'usb' })).toBe('<input type="tablet" bus="usb"/>');
    expect(buildInputXml({ type: 'mouse', bus: 'usb', alias: 'ua-m' })).toBe('<input type="mouse" bus="usb"><alias name="ua-m"/></input>');
    expect(buildCharDevXml({ kind: 'serial', type: 'pty', port: 0 })).toBe('<serial type="pty"><target port="0"/></serial>');
    expect(buildCharDevXml({ kind: 'console', type: 'pty', port: 1, targetType: 'serial' })).toBe(
      '<console type="pty"><target type="serial" port="1"/></console>',
    );
  });
});
