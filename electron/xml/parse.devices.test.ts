// The device parsers on the kinds of devices the lab has none of (hand-written XML), and
// parseDevice over a definition captured in the lab (fixtures/capture.sh).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseXml } from './dom';
import {
  consoleDevices,
  diskSourceText,
  parseCharDev,
  parseDevice,
  parseDisk,
  parseDomain,
  parseGraphics,
  parseHostdev,
  parseInterface,
} from './parse';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const element = (xml: string) => parseXml(xml).documentElement as NonNullable<ReturnType<typeof parseXml>['documentElement']>;

describe('the one disk parser', () => {
  it('block, dir and network disks; the source text the UI shows', () => {
    const block = parseDisk(
      element("<disk type='block' device='lun'><source dev='/dev/sdz'/><target dev='sdb' bus='scsi'/><boot order='2'/></disk>"),
      3,
    );
    expect(block).toEqual({
      index: 3,
      type: 'block',
      device: 'lun',
      target: 'sdb',
      bus: 'scsi',
      source: { dev: '/dev/sdz', hosts: [] },
      path: '/dev/sdz',
      driver: {},
      readonly: false,
      shareable: false,
      bootOrder: 2,
      backingChain: [],
    });
    expect(diskSourceText(block)).toBe('/dev/sdz');
    const net = parseDisk(
      element(
        "<disk type='network'><driver name='qemu' type='raw' io='native'/><source protocol='rbd' name='pool/img' startupPolicy='optional'><host name='mon1' port='6789'/><host name='mon2' transport='tcp' socket='/s'/></source><target dev='vdc'/></disk>",
      ),
    );
    expect(net.source).toEqual({
      protocol: 'rbd',
      name: 'pool/img',
      startupPolicy: 'optional',
      hosts: [
        { name: 'mon1', port: '6789' },
        { name: 'mon2', transport: 'tcp', socket: '/s' },
      ],
    });
    expect(net.path).toBeUndefined();
    expect(net.driver).toEqual({ name: 'qemu', type: 'raw', io: 'native' });
    expect(diskSourceText(net)).toBe('pool/img');
    const dir = parseDisk(element("<disk type='dir'><source dir='/srv'/></disk>"));
    expect([dir.path, diskSourceText(dir), dir.target, dir.bus]).toEqual([undefined, '/srv', undefined, undefined]);
    expect(diskSourceText({ type: 'volume', source: { pool: 'p', volume: 'v', hosts: [] } })).toBe('p/v');
    expect(diskSourceText({ type: 'file', source: { pool: 'p', volume: 'v', name: 'n', hosts: [] } })).toBe('n');
    expect(diskSourceText({ type: 'file' })).toBeUndefined();
    expect(parseDisk(element('<disk/>'))).toEqual({
      index: 0,
      type: 'file',
      device: 'disk',
      driver: {},
      readonly: false,
      shareable: false,
      backingChain: [],
    });
  });

  it('a backing chain two deep, of a block device under a file; a store without a source ends it', () => {
    const d = parseDisk(
      element(`<disk type='file'><source file='/top.qcow2'/>
        <backingStore type='block'><format type='qcow2'/><source dev='/dev/vg/mid'/>
          <backingStore><source file='/base.raw'/>
            <backingStore type='file'><format type='raw'/></backingStore>
          </backingStore>
        </backingStore><target dev='vda'/></disk>`),
    );
    expect(d.backingChain).toEqual([
      { type: 'block', format: 'qcow2', source: { dev: '/dev/vg/mid', hosts: [] }, path: '/dev/vg/mid' },
      { source: { file: '/base.raw', hosts: [] }, path: '/base.raw' },
    ]);
    const vol = parseDisk(
      element("<disk><source file='/a'/><backingStore type='volume'><source pool='p' volume='v'/></backingStore></disk>"),
    );
    expect(vol.backingChain).toEqual([{ type: 'volume', source: { pool: 'p', volume: 'v', hosts: [] } }]);
  });
});

describe('the one serial/console parser', () => {
  it('reads a char device; the console list falls back to the serial ports', () => {
    expect(parseCharDev(element("<serial type='file'><source path='/var/log/x.log'/><target port='0x2'/></serial>"), 'serial', 1)).toEqual({
      kind: 'serial',
      index: 1,
      type: 'file',
      port: 2,
      sourcePath: '/var/log/x.log',
    });
    expect(parseCharDev(element('<parallel/>'), 'parallel')).toEqual({ kind: 'parallel', index: 0, type: 'pty' });
    const serialOnly = parseDomain("<domain><devices><serial type='tcp'><target port='1'/></serial></devices></domain>");
    expect(consoleDevices(serialOnly)).toEqual([{ kind: 'serial', index: 0, type: 'tcp', port: 1 }]);
    const both = parseDomain(fixture('lab-tiny.live.xml'));
    expect(consoleDevices(both).map((c) => c.kind)).toEqual(['console']);
    expect(consoleDevices(parseDomain('<domain/>'))).toEqual([]);
  });
});

describe('other devices', () => {
  it('NICs on a network, a host device, none', () => {
    expect(
      parseInterface(element("<interface type='network'><source network='default' portgroup='x'/><boot order='1'/></interface>"), 2),
    ).toEqual({
      index: 2,
      type: 'network',
      source: { kind: 'network', name: 'default' },
      bootOrder: 1,
    });
    expect(parseInterface(element("<interface type='direct'><source dev='eth0' mode='bridge'/></interface>")).source).toEqual({
      kind: 'dev',
      name: 'eth0',
    });
    expect(parseInterface(element("<interface><source bridge='' network='n'/></interface>"))).toEqual({
      index: 0,
      type: '',
      source: { kind: 'bridge', name: '' },
    });
  });

  it('graphics on a socket, with a websocket and a password', () => {
    expect(
      parseGraphics(
        element(
          "<graphics type='vnc' socket='/run/v.sock' websocket='5700' passwd='s'><listen type='socket' socket='/run/v.sock'/><listen type='network' network='default'/></graphics>",
        ),
      ),
    ).toEqual({
      index: 0,
      type: 'vnc',
      autoport: false,
      listens: [
        { type: 'socket', socket: '/run/v.sock' },
        { type: 'network', network: 'default' },
      ],
      socket: '/run/v.sock',
      websocket: 5700,
      hasPassword: true,
    });
    expect(parseGraphics(element('<graphics/>'))).toEqual({ index: 0, type: '', autoport: false, listens: [], hasPassword: false });
  });

  it('USB and PCI passthrough', () => {
    expect(
      parseHostdev(
        element(
          "<hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x046d'/><product id='0xc52b'/><address bus='1' device='0x0a'/></source><alias name='hostdev0'/></hostdev>",
        ),
        1,
      ),
    ).toEqual({
      index: 1,
      mode: 'subsystem',
      type: 'usb',
      managed: 'yes',
      vendorId: '0x046d',
      productId: '0xc52b',
      bus: 1,
      device: 10,
      alias: 'hostdev0',
    });
    expect(
      parseHostdev(
        element("<hostdev type='pci'><source><address domain='0x0000' bus='0x03' slot='0x00' function='0x1'/></source></hostdev>"),
      ),
    ).toEqual({
      index: 0,
      type: 'pci',
      pci: { domain: '0x0000', bus: '0x03', slot: '0x00', function: '0x1' },
    });
    expect(parseHostdev(element("<hostdev type='usb'><source/></hostdev>"))).toEqual({ index: 0, type: 'usb' });
    expect(parseHostdev(element("<hostdev type='scsi'><source/></hostdev>"))).toEqual({ index: 0, type: 'scsi' });
  });

  it('parseDevice reads each element with the parser for its tag', () => {
    const m = parseDomain(fixture('virt-manager.live.xml'));
    const devices = parseXml(fixture('virt-manager.live.xml')).getElementsByTagName('devices')[0];
    const seen: string[] = [];
    for (let n = devices?.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const d = parseDevice(n as never);
      seen.push(d.tag === 'other' ? `other:${d.name}` : d.tag);
      if (d.tag === 'disk') expect(d.disk).toEqual({ ...m.disks.find((x) => x.target === d.disk.target), index: 0 });
      if (d.tag === 'interface') expect(d.nic).toEqual(m.interfaces[0]);
      if (d.tag === 'graphics') expect(d.graphics).toEqual(m.graphics[0]);
      if (d.tag === 'hostdev') expect(d.hostdev.index).toBe(0);
      if (d.tag === 'serial' || d.tag === 'console' || d.tag === 'channel') expect(d.chardev.kind).toBe(d.tag);
      if (d.tag === 'input') expect(d.input).toEqual({ ...m.inputs.find((i) => i.alias === d.input.alias), index: 0 });
      if (d.tag === 'controller') expect(d.controller).toEqual({ ...m.controllers.find((c) => c.type === d.controller.type), index: 0 });
    }
    expect(seen).toEqual([
      'other:emulator',
      'disk',
      'disk',
      'disk',
      'controller',
      'controller',
      'controller',
      'controller',
      'interface',
      'serial',
      'console',
      'channel',
      'input',
      'input',
      'input',
      'graphics',
      'other:audio',
      'other:video',
      'other:memballoon',
    ]);
    expect(parseDevice(element("<hostdev type='usb'/>"), 4)).toEqual({ tag: 'hostdev', hostdev: { index: 4, type: 'usb' } });
    expect(parseDevice(element('<parallel/>'), 1)).toEqual({ tag: 'parallel', chardev: { kind: 'parallel', index: 1, type: 'pty' } });
    expect(parseDevice(element('<disk/>'), 2)).toMatchObject({ tag: 'disk', disk: { index: 2 } });
    expect(parseDevice(element('<interface/>'), 2)).toMatchObject({ tag: 'interface', nic: { index: 2 } });
    expect(parseDevice(element('<graphics/>'), 2)).toMatchObject({ tag: 'graphics', graphics: { index: 2 } });
    expect(parseDevice(element('<input/>'), 2)).toMatchObject({ tag: 'input', input: { index: 2 } });
    expect(parseDevice(element('<controller/>'), 2)).toMatchObject({ tag: 'controller', controller: { index: 2 } });
    expect(parseDevice(element('<serial/>'), 2)).toMatchObject({ tag: 'serial', chardev: { index: 2 } });
  });
});
