// parseDomainXml and the DOM helpers, whole: one rich definition read field by field (every kind
// of disk source, NIC, graphics listen, USB device, serial port, units), the defaults when
// elements are missing, and the exact errors.
import { describe, expect, it } from 'vitest';
import { attr, child, intAttr, kib, parseXml, path, serializeXml, setChildText, text } from './dom';
import { parseDomainXml } from './domain';

const RICH = `<domain type='kvm'>
  <name>web</name>
  <title> Web server </title>
  <description>front end</description>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
  </metadata>
  <memory unit='GiB'>4</memory>
  <currentMemory unit='MiB'>2048</currentMemory>
  <vcpu placement='static' current='2'>4</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <kernel>/boot/vmlinuz</kernel>
    <cmdline>console=ttyS0</cmdline>
  </os>
  <cpu mode='custom'><model>Skylake-Server</model></cpu>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/><source file='/img/web.qcow2'/><target dev='vda' bus='virtio'/><shareable/></disk>
    <disk type='block' device='disk'><source dev='/dev/vg/web'/><target dev='vdb'/></disk>
    <disk type='dir' device='disk'><source dir='/srv/share'/><target dev='vdc'/></disk>
    <disk type='volume' device='disk'><source pool='default' volume='data.raw'/><target dev='vdd'/></disk>
    <disk type='network' device='disk'><source protocol='rbd' name='rbd/web'/><target dev='vde'/></disk>
    <disk device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
    <disk type='file' device='disk'><source file='/img/stick.raw'/><target dev='sdb' bus='usb'/><alias name='usb-disk0'/></disk>
    <interface type='bridge'><mac address='52:54:00:00:00:01'/><source bridge='br0'/><model type='virtio'/><target dev='vnet3'/></interface>
    <interface type='network'><mac address='52:54:00:00:00:02'/><source network='default'/></interface>
    <interface type='direct'><mac address='52:54:00:00:00:03'/><source dev='eth0' mode='bridge'/></interface>
    <interface type='user'></interface>
    <graphics type='vnc' port='5901' autoport='no' listen='0.0.0.0' passwd='x'/>
    <graphics type='spice' port='-1' autoport='yes'><listen type='address' address='127.0.0.1'/></graphics>
    <graphics type='vnc' port='0'/>
    <serial type='pty'><target port='0'/></serial>
    <serial type='tcp'><target port='1'/></serial>
    <serial><target/></serial>
    <hostdev mode='subsystem' type='usb'><source><vendor id='0x046d'/><product id='0xc52b'/><address bus='1' device='0x0a'/></source><alias name='hostdev0'/></hostdev>
    <hostdev mode='subsystem' type='usb'><source/></hostdev>
    <hostdev mode='subsystem' type='pci'><source><address domain='0' bus='0' slot='3' function='0'/></source></hostdev>
    <input type='tablet' bus='usb'><alias name='input0'/></input>
    <input type='keyboard' bus='ps2'/>
    <input bus='usb'/>
  </devices>
</domain>`;

describe('parseDomainXml', () => {
  it('reads every field of a rich definition', () => {
    expect(parseDomainXml(RICH)).toStrictEqual({
      title: 'Web server',
      description: 'front end',
      os: {
        type: 'hvm',
        arch: 'x86_64',
        machine: 'pc-q35-7.2',
        osinfo: 'http://debian.org/debian/12',
        kernel: '/boot/vmlinuz',
        cmdline: 'console=ttyS0',
      },
      cpu: { mode: 'custom', model: 'Skylake-Server', vcpus: 2, maxVcpus: 4 },
      memory: { currentKiB: 2048 * 1024, maxKiB: 4 * 1024 * 1024 },
      disks: [
        {
          target: 'vda',
          device: 'disk',
          bus: 'virtio',
          type: 'file',
          source: '/img/web.qcow2',
          format: 'qcow2',
          cache: 'none',
          readonly: false,
          shareable: true,
        },
        { target: 'vdb', device: 'disk', type: 'block', source: '/dev/vg/web', readonly: false, shareable: false },
        { target: 'vdc', device: 'disk', type: 'dir', source: '/srv/share', readonly: false, shareable: false },
        { target: 'vdd', device: 'disk', type: 'volume', source: 'default/data.raw', readonly: false, shareable: false },
        { target: 'vde', device: 'disk', type: 'network', source: 'rbd/web', readonly: false, shareable: false },
        { target: 'sda', device: 'cdrom', bus: 'sata', type: 'file', readonly: true, shareable: false },
        { target: 'sdb', device: 'disk', bus: 'usb', type: 'file', source: '/img/stick.raw', readonly: false, shareable: false },
      ],
      nics: [
        { mac: '52:54:00:00:00:01', type: 'bridge', source: 'br0', model: 'virtio', target: 'vnet3' },
        { mac: '52:54:00:00:00:02', type: 'network', source: 'default' },
        { mac: '52:54:00:00:00:03', type: 'direct', source: 'eth0' },
        { mac: '', type: 'user' },
      ],
      graphics: [
        { type: 'vnc', port: 5901, listen: '0.0.0.0', autoport: false, hasPassword: true },
        { type: 'spice', listen: '127.0.0.1', autoport: true, hasPassword: false },
        { type: 'vnc', autoport: false, hasPassword: false },
      ],
      serial: [
        { type: 'pty', port: 0 },
        { type: 'tcp', port: 1 },
        { type: 'pty', port: 0 },
      ],
      usb: [
        { kind: 'hostdev', alias: 'hostdev0', vendorId: '0x046d', productId: '0xc52b', bus: 1, device: 10 },
        { kind: 'hostdev' },
        { kind: 'tablet', alias: 'input0' },
        { kind: 'input' },
        { kind: 'disk', alias: 'usb-disk0' },
      ],
    });
  });

  it('a bare definition: the defaults', () => {
    expect(parseDomainXml("<domain type='kvm'><name>x</name><memory>1024</memory><os><type/></os></domain>")).toStrictEqual({
      os: { type: '' },
      cpu: { vcpus: 1, maxVcpus: 1 },
      memory: { currentKiB: 1024, maxKiB: 1024 },
      disks: [],
      nics: [],
      graphics: [],
      serial: [],
      usb: [],
    });
    expect(parseDomainXml('<domain><vcpu>3</vcpu><devices><disk/><interface/><graphics/></devices></domain>')).toMatchObject({
      os: { type: 'hvm' },
      cpu: { vcpus: 3, maxVcpus: 3 },
      memory: { currentKiB: 0, maxKiB: 0 },
      disks: [{ target: '?', device: 'disk', type: 'file', readonly: false, shareable: false }],
      nics: [{ mac: '', type: '?' }],
      graphics: [{ type: '?', autoport: false, hasPassword: false }],
    });
  });

  it('metadata without libosinfo, and a volume disk without a source', () => {
    const p = parseDomainXml(
      "<domain><metadata><other:x xmlns:other='urn:x'><other:os id='nope'/></other:x></metadata><devices><disk type='volume'><target dev='vda'/></disk></devices></domain>",
    );
    expect(p.os).toEqual({ type: 'hvm' });
    expect(p.disks[0]).toStrictEqual({ target: 'vda', device: 'disk', type: 'volume', readonly: false, shareable: false });
  });

  it('refuses what is not a domain, and what is not XML', () => {
    expect(() => parseDomainXml('<network/>')).toThrow('Not a <domain> definition');
    expect(() => parseDomainXml('<domain>')).toThrow(
      expect.objectContaining({ code: 'xml', message: expect.stringMatching(/^Cannot parse the domain XML: /) }),
    );
  });
});

describe('DOM helpers', () => {
  it('kib: every unit libvirt accepts, rounded; no element is 0; an unknown unit counts as KiB', () => {
    const el = (unit: string | null, v: string) => parseXml(`<m${unit === null ? '' : ` unit='${unit}'`}>${v}</m>`).documentElement;
    const cases: [string | null, string, number][] = [
      [null, '7', 7],
      ['b', '2048', 2],
      ['bytes', '1536', 2],
      ['k', '3', 3],
      ['KiB', '3', 3],
      ['KB', '1024', 1000],
      ['M', '2', 2048],
      ['MiB', '2', 2048],
      ['MB', '1', 977],
      ['G', '1', 1024 ** 2],
      ['GiB', '2', 2 * 1024 ** 2],
      ['GB', '1', 976563],
      ['T', '1', 1024 ** 3],
      ['TiB', '1', 1024 ** 3],
      ['TB', '1', 976562500],
      ['parsecs', '5', 5],
    ];
    expect(cases.map(([u, v]) => kib(el(u, v)))).toEqual(cases.map(([, , k]) => k));
    expect(kib(null)).toBe(0);
  });

  it('intAttr: decimal, hex with 0x, absent, not a number', () => {
    const e = parseXml("<a d='12' h='0x1f' bad='zz' neg='-3'/>").documentElement;
    expect([intAttr(e, 'd'), intAttr(e, 'h'), intAttr(e, 'bad'), intAttr(e, 'neg'), intAttr(e, 'none'), intAttr(null, 'd')]).toEqual([
      12,
      31,
      undefined,
      -3,
      undefined,
      undefined,
    ]);
  });

  it('attr, text, child and path on present and missing nodes', () => {
    const e = parseXml("<a x=''><b><c> hi </c></b><b>second</b></a>").documentElement;
    expect(attr(e, 'x')).toBe('');
    expect(attr(e, 'y')).toBeUndefined();
    expect(attr(null, 'x')).toBeUndefined();
    expect(text(path(e, 'b', 'c'))).toBe('hi');
    expect(text(path(e, 'b', 'nope', 'c'))).toBeUndefined();
    expect(text(child(e, 'b'))).toBe('hi');
    expect(child(null, 'b')).toBeNull();
    expect(text(null)).toBeUndefined();
  });

  it('setChildText replaces the first such child or appends one', () => {
    const doc = parseXml('<a><t>old</t><t>other</t></a>');
    const root = doc.documentElement as NonNullable<typeof doc.documentElement>;
    setChildText(doc, root, 't', 'new');
    const added = setChildText(doc, root, 'u', 'x');
    expect(added.tagName).toBe('u');
    expect(serializeXml(doc)).toBe('<a><t>new</t><t>other</t><u>x</u></a>');
  });

  it('parseXml: the error names what was read and the first problem; warnings pass', () => {
    expect(() => parseXml('', 'the pool XML')).toThrow(
      expect.objectContaining({ code: 'xml', message: expect.stringMatching(/^Cannot parse the pool XML: /) }),
    );
    expect(() => parseXml('<a><b></a>')).toThrow(
      expect.objectContaining({ code: 'xml', message: expect.stringMatching(/^Cannot parse XML: /) }),
    );
    expect(parseXml('<a/>').documentElement?.tagName).toBe('a');
  });

  it('serializeXml writes line-end characters as references', () => {
    const doc = parseXml('<a/>');
    doc.documentElement?.setAttribute('n', 'x\ry\u2028z\u0085w\u2029');
    expect(serializeXml(doc)).toBe('<a n="x&#13;y&#x2028;z&#x85;w&#x2029;"/>');
  });
});
