// The typed model read from definitions captured in the lab (fixtures/capture.sh): a
// virt-manager-style VM running with a qcow2 overlay, its inactive definition, the lab's own
// guests; and the kinds of devices the lab has none of, from hand-written XML.
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

describe('parseDomain from the lab', () => {
  it('a running virt-manager-style VM: every field of the model', () => {
    expect(parseDomain(fixture('virt-manager.live.xml'))).toEqual({
      hypervisor: 'qemu',
      name: 'xmlfix-vmgr',
      uuid: '7e57f1c5-0000-4000-8000-00000000a001',
      title: 'Fixture & "friends"',
      description: 'A virt-manager-style definition: <metadata> of other tools, elements Vireo does not know.',
      osinfo: 'http://debian.org/debian/12',
      memory: { maxKiB: 98304, currentKiB: 98304, hugepages: false, nosharepages: true },
      vcpus: { max: 2, current: 1, placement: 'static' },
      cpu: {
        mode: 'custom',
        match: 'exact',
        check: 'full',
        model: 'qemu64',
        fallback: 'forbid',
        topology: { sockets: 1, dies: 1, cores: 2, threads: 1 },
      },
      os: { type: 'hvm', arch: 'x86_64', machine: 'pc-i440fx-7.2', boot: ['hd', 'cdrom'], bootMenu: true },
      emulator: '/usr/bin/qemu-system-x86_64',
      disks: [
        {
          index: 0,
          type: 'file',
          device: 'disk',
          target: 'vda',
          bus: 'virtio',
          source: { file: '/var/lib/libvirt/images/xmlfix-overlay.qcow2', hosts: [] },
          path: '/var/lib/libvirt/images/xmlfix-overlay.qcow2',
          driver: { name: 'qemu', type: 'qcow2', cache: 'none', discard: 'unmap' },
          readonly: false,
          shareable: false,
          alias: 'virtio-disk0',
          backingChain: [
            {
              type: 'file',
              format: 'qcow2',
              source: { file: '/var/lib/libvirt/images/xmlfix-base.qcow2', hosts: [] },
              path: '/var/lib/libvirt/images/xmlfix-base.qcow2',
            },
          ],
        },
        {
          index: 1,
          type: 'volume',
          device: 'disk',
          target: 'vdb',
          bus: 'virtio',
          source: { pool: 'default', volume: 'xmlfix-data.raw', hosts: [] },
          driver: { name: 'qemu', type: 'raw', cache: 'writeback' },
          readonly: false,
          shareable: true,
          alias: 'virtio-disk1',
          serial: 'data-1',
          backingChain: [],
        },
        {
          index: 2,
          type: 'file',
          device: 'cdrom',
          target: 'sda',
          bus: 'sata',
          driver: { name: 'qemu' },
          readonly: true,
          shareable: false,
          alias: 'sata0-0-0',
          backingChain: [],
        },
      ],
      interfaces: [
        {
          index: 0,
          type: 'bridge',
          mac: '52:54:00:7e:a0:01',
          source: { kind: 'bridge', name: 'labbr0' },
          model: 'virtio',
          target: 'vnet25',
          linkState: 'up',
          alias: 'net0',
        },
      ],
      serials: [{ kind: 'serial', index: 0, type: 'pty', port: 0, targetType: 'isa-serial', sourcePath: '/dev/pts/5', alias: 'serial0' }],
      consoles: [{ kind: 'console', index: 0, type: 'pty', port: 0, targetType: 'serial', sourcePath: '/dev/pts/5', alias: 'serial0' }],
      channels: [
        {
          kind: 'channel',
          index: 0,
          type: 'unix',
          targetType: 'virtio',
          targetName: 'org.qemu.guest_agent.0',
          state: 'disconnected',
          sourcePath: '/var/lib/libvirt/qemu/channel/target/domain-24-xmlfix-vmgr/org.qemu.guest_agent.0',
          alias: 'channel0',
        },
      ],
      graphics: [
        {
          index: 0,
          type: 'vnc',
          port: 5903,
          autoport: true,
          listen: '127.0.0.1',
          listens: [{ type: 'address', address: '127.0.0.1' }],
          hasPassword: false,
        },
      ],
      hostdevs: [],
      inputs: [
        { index: 0, type: 'tablet', bus: 'usb', alias: 'input0' },
        { index: 1, type: 'mouse', bus: 'ps2', alias: 'input1' },
        { index: 2, type: 'keyboard', bus: 'ps2', alias: 'input2' },
      ],
      controllers: [
        { index: 0, type: 'usb', model: 'qemu-xhci', number: 0 },
        { index: 1, type: 'pci', model: 'pci-root', number: 0 },
        { index: 2, type: 'sata', number: 0 },
        { index: 3, type: 'virtio-serial', number: 0 },
      ],
    });
  });

  it('the same VM shut off: no backing chain named, no live state, the metadata of other tools ignored', () => {
    const m = parseDomain(fixture('virt-manager.defined.xml'));
    expect(m.disks.map((d) => [d.target, d.path, d.alias, d.backingChain])).toEqual([
      ['vda', '/var/lib/libvirt/images/xmlfix-overlay.qcow2', undefined, []],
      ['vdb', undefined, undefined, []],
      ['sda', undefined, undefined, []],
    ]);
    expect(m.disks[2]?.driver).toEqual({ name: 'qemu', type: 'raw' });
    expect(m.interfaces[0]).toEqual({
      index: 0,
      type: 'bridge',
      mac: '52:54:00:7e:a0:01',
      source: { kind: 'bridge', name: 'labbr0' },
      model: 'virtio',
      linkState: 'up',
    });
    expect(m.channels[0]).toEqual({ kind: 'channel', index: 0, type: 'unix', targetType: 'virtio', targetName: 'org.qemu.guest_agent.0' });
    expect(m.graphics[0]?.port).toBe(-1);
    expect(m.osinfo).toBe('http://debian.org/debian/12');
  });

  it('the lab guests: an empty <backingStore/> ends the chain; serial log files; a kernel boot', () => {
    const tiny = parseDomain(fixture('lab-tiny.live.xml'));
    expect(tiny.disks[0]?.backingChain).toEqual([]);
    expect(tiny.disks[0]?.path).toBe('/tmp/vireo-lab/shared/tiny.qcow2');
    expect(tiny.serials[0]?.logFile).toBe('/var/log/libvirt/qemu/tiny-serial.log');
    expect(tiny.consoles[0]?.logFile).toBe('/var/log/libvirt/qemu/tiny-serial.log');
    expect(tiny.os).toEqual({
      type: 'hvm',
      arch: 'x86_64',
      machine: 'pc-i440fx-7.2',
      kernel: '/tmp/vireo-lab/guest/vmlinuz',
      initrd: '/tmp/vireo-lab/guest/initrd.img',
      cmdline: 'console=ttyS0 quiet panic=-1',
      boot: ['hd'],
    });
    expect(tiny.memory).toEqual({ maxKiB: 196608, currentKiB: 196608, hugepages: false, nosharepages: false });
    expect(tiny.vcpus).toEqual({ max: 1, current: 1, placement: 'static' });
    const stopped = parseDomain(fixture('lab-stopped.inactive.xml'));
    expect(stopped.name).toBe('stopped');
    expect(stopped.disks.map((d) => d.path)).toEqual(['/var/lib/libvirt/images/stopped.qcow2']);
    expect(parseDomain(fixture('lab-tiny-local.live.xml')).disks[0]?.path).toBe('/var/lib/libvirt/images/tiny-local.qcow2');
  });

  it('what libvirt keeps of a definition written by another tool: unknown elements dropped, metadata kept', () => {
    const input = fixture('virt-manager.input.xml');
    const defined = fixture('virt-manager.defined.xml');
    expect(input).toContain('<x-future-device');
    expect(defined).not.toContain('x-future-device');
    expect(defined).toContain('<vmgr:item>text &amp; markup &lt;kept&gt;</vmgr:item>');
    // The model reads the two the same where libvirt did not normalise them.
    const a = parseDomain(input);
    const b = parseDomain(defined);
    expect(a.disks.map((d) => [d.target, d.source, d.driver.type, d.readonly, d.shareable, d.serial])).toEqual(
      b.disks.map((d) => [d.target, d.source, d.driver.type, d.readonly, d.shareable, d.serial]),
    );
    expect(a.memory).toEqual({ maxKiB: 98304, currentKiB: 65536, hugepages: false, nosharepages: true });
  });
});

describe('parseDomain: what the lab has none of', () => {
  const FIRMWARE = `<domain type='kvm'>
    <name>uefi</name>
    <memoryBacking><hugepages/></memoryBacking>
    <vcpu>4</vcpu>
    <cpu mode='host-passthrough'/>
    <os firmware='efi'>
      <type>hvm</type>
      <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.secboot.fd</loader>
      <nvram>/var/lib/libvirt/qemu/nvram/uefi_VARS.fd</nvram>
      <bootmenu enable='no'/>
    </os>
  </domain>`;

  it('UEFI firmware, hugepages, host-passthrough, no current vCPU count', () => {
    const m = parseDomain(FIRMWARE);
    expect(m.os).toEqual({
      type: 'hvm',
      firmware: 'efi',
      loader: { path: '/usr/share/OVMF/OVMF_CODE.secboot.fd', type: 'pflash', readonly: 'yes', secure: 'yes' },
      nvram: '/var/lib/libvirt/qemu/nvram/uefi_VARS.fd',
      boot: [],
      bootMenu: false,
    });
    expect(m.memory).toEqual({ maxKiB: 0, currentKiB: 0, hugepages: true, nosharepages: false });
    expect(m.vcpus).toEqual({ max: 4, current: 4 });
    expect(m.cpu).toEqual({ mode: 'host-passthrough' });
    expect(m.disks).toEqual([]);
    expect(m.emulator).toBeUndefined();
  });

  it('a bare <domain>: defaults, no devices', () => {
    expect(parseDomain('<domain/>')).toEqual({
      memory: { maxKiB: 0, currentKiB: 0, hugepages: false, nosharepages: false },
      vcpus: { max: 1, current: 1 },
      cpu: {},
      os: { boot: [] },
      disks: [],
      interfaces: [],
      serials: [],
      consoles: [],
      channels: [],
      graphics: [],
      hostdevs: [],
      inputs: [],
      controllers: [],
    });
    expect(parseDomain("<domain><os><boot/><loader type='rom'/></os></domain>").os).toEqual({ boot: [''], loader: { type: 'rom' } });
  });

  it('libosinfo under any prefix; the last one wins; other metadata is not an OS', () => {
    const md = (inner: string) => parseDomain(`<domain><metadata>${inner}</metadata></domain>`).osinfo;
    expect(md("<lo:libosinfo xmlns:lo='http://libosinfo.org/xmlns/libvirt/domain/1.0'><lo:os id='a'/></lo:libosinfo>")).toBe('a');
    expect(md("<x:libosinfo xmlns:x='urn:x'><x:os id='a'/></x:libosinfo><y:libosinfo xmlns:y='urn:y'><y:os id='b'/></y:libosinfo>")).toBe(
      'b',
    );
    expect(md("<other xmlns='urn:o'><os id='c'/></other>")).toBeUndefined();
    expect(md("<x:libosinfo xmlns:x='urn:x'/>")).toBeUndefined();
  });

  it('refuses what is not a <domain> with an AppError naming the problem', () => {
    expect(() => parseDomain('<network/>')).toThrow(expect.objectContaining({ code: 'xml', message: 'Not a <domain> definition' }));
    expect(() => parseDomain('<domain>')).toThrow(
      expect.objectContaining({ code: 'xml', message: expect.stringMatching(/^Cannot parse the domain XML/) }),
    );
  });
});

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
