// UsbService against the lab: the picker's list on libvirt's test driver (the lab has no host USB
// bus; its usb.xml lists USB node devices, two of them with equal ids), ownership read from the
// domains' definitions, and real hot-plug of emulated USB devices into a throwaway guest on host
// A (t-proto-usb-*, built like `tiny`), checked inside the guest over its serial console.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestExec } from '../../e2e/lab/lab';
import { domainCreate, domainDefineXml, domainLookupByName } from '../libvirt/domain';
import { ErrorCode } from '../libvirt/errors';
import { labHost, type OpenHost, openHost, throwawayName, throwawayXml, until, virsh, virshStatus } from '../libvirt/lab-fixture';
import type { DomainRef } from '../libvirt/protocol';
import { UsbService } from './usb';

const usbUri = labHost('A').testUris.usb;
const fixtureFile = new URL(usbUri).pathname;

describe('host USB devices (test driver usb.xml)', () => {
  let T: OpenHost;
  let usb: UsbService;
  beforeAll(async () => {
    T = await openHost('A', usbUri);
    usb = new UsbService({ connection: () => T.conn });
  });
  afterAll(async () => T?.close());

  it('lists the USB devices without the root hub; equal ids are flagged, addresses differ', async () => {
    const l = await usb.list('t');
    expect(l.hiddenRootHubs).toBe(1);
    expect(l.devices.map((d) => [d.name, `${d.vendorId}:${d.productId}`, d.bus, d.device, d.sameIds])).toEqual([
      ['usb_1_2', '1234:5678', 1, 2, true],
      ['usb_1_3', '1234:5678', 1, 3, true],
      ['usb_1_4', '1234:0001', 1, 4, false],
      ['usb_1_5', '0bda:2101', 1, 5, false],
    ]);
    expect(l.devices[0]).toMatchObject({ vendor: 'Lab Vendor', product: 'Lab Flash Stick', usedBy: [] });
    // Same as virsh nodedev-dumpxml on the host.
    const x = await virsh('A', ['nodedev-dumpxml', 'usb_1_5'], usbUri);
    expect(x).toContain("<product id='0x2101'>Lab Smartcard Reader</product>");
    expect(l.devices[3]?.product).toBe('Lab Smartcard Reader');
  });

  it('a VM without a USB controller is refused before anything is sent', async () => {
    const vm = await domainLookupByName(T.rpc, 'usbvm');
    await expect(usb.attachHost('t', vm.uuid, 'usb_1_4', 'live', false)).rejects.toMatchObject({
      code: 'no-usb-controller',
      message: 'usbvm has no USB controller while it runs',
    });
  });
});

describe('ownership: which VM has a device (test driver, a fixture with an owner)', () => {
  let T: OpenHost;
  let usb: UsbService;
  const file = `/tmp/vireo-usb-owner-${randomBytes(4).toString('hex')}.xml`;
  beforeAll(async () => {
    // The lab's usb.xml plus two VMs with USB controllers, one holding the second Flash Stick.
    const owner = `<domain type='test'><name>usb-owner</name><memory>131072</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>
      <devices><controller type='usb' model='qemu-xhci'/><hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0x5678'/><address bus='1' device='3'/></source></hostdev></devices></domain>
      <domain type='test'><name>usb-free</name><memory>131072</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>
      <devices><controller type='usb' model='qemu-xhci'/></devices></domain>`;
    writeFileSync(file, readFileSync(fixtureFile, 'utf8').replace('</node>', `${owner}</node>`));
    T = await openHost('A', `test://${file}`);
    usb = new UsbService({ connection: () => T.conn });
  });
  afterAll(async () => {
    await T?.close();
    rmSync(file, { force: true });
  });

  it('names the VM that has the stick at bus 1 device 3, and only that stick', async () => {
    const l = await usb.list('t');
    const by = Object.fromEntries(l.devices.map((d) => [d.name, d.usedBy.map((o) => `${o.name} live=${o.live} config=${o.config}`)]));
    expect(by).toEqual({ usb_1_2: [], usb_1_3: ['usb-owner live=true config=true'], usb_1_4: [], usb_1_5: [] });
  });

  it('a taken device is refused unless the admin confirms; then libvirt has the last word', async () => {
    const vm = await domainLookupByName(T.rpc, 'usb-free');
    await expect(usb.attachHost('t', vm.uuid, 'usb_1_3', 'live', false)).rejects.toMatchObject({
      code: 'usb-taken',
      message: 'Lab Flash Stick (1234:5678, bus 1 device 3) is already attached to usb-owner (running)',
    });
    const err = await usb.attachHost('t', vm.uuid, 'usb_1_3', 'live', true).catch((e: unknown) => e);
    // libvirt's error, wrapped (never mutated) to add the hint; toApiError keeps its message and numbers
    expect(err).toMatchObject({
      name: 'AppError',
      code: 'libvirt',
      message: expect.stringMatching(/not supported by the connection driver: virDomainAttachDeviceFlags/),
      hint: 'Nothing was attached to the running VM.',
    });
    expect((err as Error).cause).toMatchObject({ name: 'LibvirtError', message: (err as Error).message, code: ErrorCode.NO_SUPPORT });
    const owner = await domainLookupByName(T.rpc, 'usb-owner');
    const v = await usb.domain('t', owner.uuid);
    expect(v.devices).toMatchObject([
      { kind: 'hostdev', label: 'Lab Flash Stick', vendorId: '1234', productId: '5678', bus: 1, device: 3, live: true, config: true },
    ]);
  });
});

describe('emulated USB devices hot-plugged into a running guest (host A)', () => {
  let A: OpenHost;
  let usb: UsbService;
  let dom: DomainRef;
  const name = throwawayName('usb');
  const diskName = `${name}.raw`;
  const stick = `${name}-stick.img`;
  const inGuest = (cmd: string) => guestExec('A', name, cmd);
  const guestUsb = () => inGuest('cat /sys/bus/usb/devices/*/product; ls /sys/block');

  beforeAll(async () => {
    A = await openHost('A');
    usb = new UsbService({ connection: () => A.conn });
    await virsh('A', ['vol-create-as', 'default', diskName, '8M', '--format', 'raw']);
    const disk = (await virsh('A', ['vol-path', '--pool', 'default', diskName])).trim();
    dom = await domainCreate(A.rpc, await domainDefineXml(A.rpc, { xml: throwawayXml(name, { disk }) }));
    await inGuest('true'); // waits for the console shell
  }, 180_000);
  afterAll(async () => {
    await virshStatus('A', ['destroy', name]);
    await virshStatus('A', ['undefine', name]);
    await virshStatus('A', ['vol-delete', '--pool', 'default', diskName]);
    await virshStatus('A', ['vol-delete', '--pool', 'default', stick]);
    await A?.close();
  });

  it('starts with the controller and no USB devices', async () => {
    const v = await usb.domain('lab-a', dom.uuid);
    expect(v).toMatchObject({ name, running: true, persistent: true, controller: 'qemu-xhci', devices: [] });
  });

  it('a tablet live: the guest sees it; detached, it is gone', async () => {
    const v = await usb.attachEmulated('lab-a', dom.uuid, { kind: 'tablet' }, 'live');
    expect(v.devices).toMatchObject([{ kind: 'tablet', label: 'USB tablet', live: true, config: false }]);
    expect(await virsh('A', ['dumpxml', name])).toMatch(/<input type='tablet' bus='usb'>/);
    expect(await virsh('A', ['dumpxml', '--inactive', name])).not.toMatch(/type='tablet'/);
    await until(async () => ((await guestUsb()).includes('QEMU USB Tablet') ? true : undefined), 30_000, 500);
    const id = v.devices[0]?.id as string;
    await usb.detach('lab-a', dom.uuid, id, 'live');
    await until(async () => ((await guestUsb()).includes('QEMU USB Tablet') ? undefined : true), 30_000, 500);
    expect((await usb.domain('lab-a', dom.uuid)).devices).toEqual([]);
  });

  it('a USB disk on a new volume, live: the guest sees a USB hard drive and sda; detached, gone', async () => {
    const v = await usb.attachEmulated('lab-a', dom.uuid, { kind: 'disk', pool: 'default', volume: stick, create: { sizeMiB: 8 } }, 'live');
    expect(v.devices).toMatchObject([{ kind: 'disk', label: 'USB disk sda', target: 'sda', live: true, config: false }]);
    const path = (await virsh('A', ['vol-path', '--pool', 'default', stick])).trim();
    expect(v.devices[0]?.source).toBe(path);
    const vols = await usb.volumes('lab-a');
    expect(vols.find((x) => x.name === stick)).toMatchObject({
      pool: 'default',
      path,
      capacity: 8 * 1024 * 1024,
      format: 'raw',
      usedBy: [name],
    });
    await until(
      async () => {
        const g = await guestUsb();
        return g.includes('QEMU USB HARDDRIVE') && /\bsda\b/.test(g) ? true : undefined;
      },
      30_000,
      500,
    );
    // The volume is in use now: attaching it to another VM (or again) is refused.
    await expect(usb.attachEmulated('lab-a', dom.uuid, { kind: 'disk', pool: 'default', volume: stick }, 'live')).rejects.toMatchObject({
      code: 'in-use',
    });
    await usb.detach('lab-a', dom.uuid, v.devices[0]?.id as string, 'live');
    await until(async () => ((await guestUsb()).includes('QEMU USB HARDDRIVE') ? undefined : true), 30_000, 500);
    expect(await virsh('A', ['dumpxml', name])).not.toMatch(/bus='usb'/);
  });

  it('a keyboard in the definition only, then detached from it', async () => {
    const v = await usb.attachEmulated('lab-a', dom.uuid, { kind: 'keyboard' }, 'config');
    expect(v.devices).toMatchObject([{ kind: 'keyboard', live: false, config: true }]);
    expect(await virsh('A', ['dumpxml', '--inactive', name])).toMatch(
      /<input type='keyboard' bus='usb'>\s*<alias name='ua-vireo-keyboard-/,
    );
    await expect(usb.detach('lab-a', dom.uuid, v.devices[0]?.id as string, 'live')).rejects.toMatchObject({ code: 'not-found' });
    const after = await usb.detach('lab-a', dom.uuid, v.devices[0]?.id as string, 'config');
    expect(after.devices).toEqual([]);
  });

  it('both sides at once: one entry, live and next boot; detached from both', async () => {
    const v = await usb.attachEmulated('lab-a', dom.uuid, { kind: 'mouse' }, 'both');
    expect(v.devices).toMatchObject([{ kind: 'mouse', live: true, config: true }]);
    const after = await usb.detach('lab-a', dom.uuid, v.devices[0]?.id as string, 'both');
    await until(async () => ((await usb.domain('lab-a', dom.uuid)).devices.length === 0 ? true : undefined), 30_000, 250);
    expect(after.devices.every((d) => !d.config)).toBe(true);
  });
});
