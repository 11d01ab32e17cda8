// Edits of a virt-manager-style definition (fixtures/virt-manager.input.xml: metadata of other
// tools, elements nobody knows, a qemu:commandline): each edit changes exactly what it names —
// the whole output is the input with that one change — and the model reads the change back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCharDevXml, buildDiskXml } from './devices';
import {
  addDevice,
  type DomainDoc,
  deviceElements,
  devicesOf,
  diskEntries,
  domainToXml,
  findDisk,
  modelOf,
  openDomain,
  removeDevice,
  setDiskCache,
  setDiskPath,
  setDiskSource,
  setInterfaceMac,
  setInterfaceSource,
  setName,
  setUuid,
} from './edit';

const INPUT = readFileSync(new URL('fixtures/virt-manager.input.xml', import.meta.url), 'utf8').trimEnd();
const LIVE = readFileSync(new URL('fixtures/virt-manager.live.xml', import.meta.url), 'utf8');

/** INPUT with `from` replaced by `to` (each must occur once). */
function changed(...pairs: [string, string][]): string {
  let out = INPUT;
  for (const [from, to] of pairs) {
    expect(out.split(from).length, from).toBe(2);
    out = out.replace(from, to);
  }
  return out;
}

function edit(fn: (d: DomainDoc) => void, xml = INPUT): { xml: string; d: DomainDoc } {
  const d = openDomain(xml);
  fn(d);
  return { xml: domainToXml(d), d };
}

const disk = (d: DomainDoc, target: string) => findDisk(d, target) as NonNullable<ReturnType<typeof findDisk>>;

describe('a DomainDoc', () => {
  it('round-trips the virt-manager definition byte for byte, unknown elements and metadata included', () => {
    expect(edit(() => {}).xml).toBe(INPUT);
  });

  it('refuses what is not a domain', () => {
    expect(() => openDomain('<volume/>')).toThrow(expect.objectContaining({ code: 'xml', message: 'Not a <domain> definition' }));
    expect(() => openDomain('<domain')).toThrow(
      expect.objectContaining({ code: 'xml', message: expect.stringMatching(/^Cannot parse the domain XML: /) }),
    );
  });

  it('finds disks by target, devices by tag in document order, and reads the model after edits', () => {
    const d = openDomain(INPUT);
    expect(diskEntries(d).map((e) => [e.el.getAttribute('device'), e.disk.index, e.disk.target])).toEqual([
      ['disk', 0, 'vda'],
      ['disk', 1, 'vdb'],
      ['cdrom', 2, 'sda'],
    ]);
    expect(findDisk(d, 'vdb')).toBe(diskEntries(d)[1]?.el);
    expect(findDisk(d, 'vdz')).toBeNull();
    expect(deviceElements(d, 'x-future-device')).toHaveLength(1);
    expect(deviceElements(openDomain('<domain/>'), 'disk')).toEqual([]);
    expect(diskEntries(openDomain('<domain/>'))).toEqual([]);
    setName(d, 'renamed');
    expect(modelOf(d).name).toBe('renamed');
  });
});

describe('identity', () => {
  it('name and UUID replace the existing elements', () => {
    const { xml } = edit((d) => {
      setName(d, 'web & <2>');
      setUuid(d, '0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5');
    });
    expect(xml).toBe(
      changed(
        ['<name>xmlfix-vmgr</name>', '<name>web &amp; &lt;2&gt;</name>'],
        ['<uuid>7e57f1c5-0000-4000-8000-00000000a001</uuid>', '<uuid>0d3c6a4e-1b2f-4c5d-8e9f-a0b1c2d3e4f5</uuid>'],
      ),
    );
  });

  it('missing name and UUID are added first, the UUID after the name; the SMBIOS UUID follows', () => {
    const { xml } = edit((d) => {
      setUuid(d, 'u');
      setName(d, 'n');
    }, "<domain><title>t</title><sysinfo type='smbios'><system><entry name='uuid'>old</entry><entry name='serial'>s</entry></system></sysinfo></domain>");
    expect(xml).toBe(
      '<domain><name>n</name><uuid>u</uuid><title>t</title><sysinfo type="smbios"><system><entry name="uuid">u</entry><entry name="serial">s</entry></system></sysinfo></domain>',
    );
    expect(edit((d) => setUuid(d, 'u'), '<domain><name>n</name><title>t</title></domain>').xml).toBe(
      '<domain><name>n</name><uuid>u</uuid><title>t</title></domain>',
    );
    expect(edit((d) => setUuid(d, 'u'), '<domain>\n<title>t</title>\n<name>n</name>\n</domain>').xml).toBe(
      '<domain>\n<title>t</title>\n<name>n</name><uuid>u</uuid>\n</domain>',
    );
  });
});

describe('devices', () => {
  it('adds a device at the end of <devices>, indented as libvirt writes it', () => {
    const { xml, d } = edit((d) => {
      addDevice(d, buildDiskXml({ type: 'file', path: '/img/new.raw', format: 'raw', target: 'vdc', bus: 'virtio' }));
    });
    expect(xml).toBe(
      changed([
        '<memballoon model="virtio"/>\n  </devices>',
        '<memballoon model="virtio"/>\n    <disk type="file" device="disk"><driver name="qemu" type="raw"/><source file="/img/new.raw"/><target dev="vdc" bus="virtio"/></disk>\n  </devices>',
      ]),
    );
    expect(modelOf(d).disks.map((x) => x.target)).toEqual(['vda', 'vdb', 'sda', 'vdc']);
  });

  it('a definition without <devices> gets one', () => {
    const { xml } = edit((d) => addDevice(d, buildCharDevXml({ kind: 'serial', type: 'pty', port: 0 })), '<domain><name>x</name></domain>');
    expect(xml).toBe('<domain><name>x</name><devices>  <serial type="pty"><target port="0"/></serial>\n  </devices></domain>');
    const d = openDomain('<domain><devices/></domain>');
    expect(devicesOf(d)).toBe(devicesOf(d));
    expect(() => addDevice(d, '<disk')).toThrow(expect.objectContaining({ code: 'xml', message: expect.stringMatching(/the device XML/) }));
  });

  it('removes a device with the indentation before it', () => {
    const { xml, d } = edit((d) => removeDevice(disk(d, 'sda')));
    expect(xml).toBe(
      changed([
        '\n    <disk type="file" device="cdrom">\n      <driver name="qemu" type="raw"/>\n      <target dev="sda" bus="sata"/>\n      <readonly/>\n    </disk>',
        '',
      ]),
    );
    expect(modelOf(d).disks).toHaveLength(2);
    // Without whitespace before it, only the element goes; a detached element is left alone.
    expect(edit((d) => removeDevice(disk(d, 'a')), "<domain><devices><x/><disk><target dev='a'/></disk></devices></domain>").xml).toBe(
      '<domain><devices><x/></devices></domain>',
    );
    const lone = openDomain('<domain/>').root;
    lone.parentNode?.removeChild(lone);
    expect(() => removeDevice(lone)).not.toThrow();
  });
});

describe('disks', () => {
  it('points a disk at a copy: type, source and nothing else; the unknown child stays', () => {
    const { xml, d } = edit((d) => setDiskSource(disk(d, 'vda'), { type: 'block', path: '/dev/vg/copy' }));
    expect(xml).toBe(
      changed([
        '<disk type="file" device="disk">\n      <driver name="qemu" type="qcow2" cache="none" discard="unmap"/>\n      <source file="/var/lib/libvirt/images/xmlfix-overlay.qcow2"/>',
        '<disk type="block" device="disk">\n      <driver name="qemu" type="qcow2" cache="none" discard="unmap"/>\n      <source dev="/dev/vg/copy"/>',
      ]),
    );
    expect(modelOf(d).disks[0]).toMatchObject({ type: 'block', path: '/dev/vg/copy', source: { dev: '/dev/vg/copy', hosts: [] } });
  });

  it('a volume disk becomes a file; a file disk a volume in another pool', () => {
    expect(edit((d) => setDiskSource(disk(d, 'vdb'), { type: 'file', path: '/img/data.raw' })).xml).toBe(
      changed([
        '<disk type="volume" device="disk">\n      <driver name="qemu" type="raw" cache="writeback"/>\n      <source pool="default" volume="xmlfix-data.raw"/>',
        '<disk type="file" device="disk">\n      <driver name="qemu" type="raw" cache="writeback"/>\n      <source file="/img/data.raw"/>',
      ]),
    );
    expect(edit((d) => setDiskSource(disk(d, 'vda'), { type: 'volume', pool: 'fast', volume: 'v.qcow2' })).xml).toBe(
      changed([
        '<disk type="file" device="disk">\n      <driver name="qemu" type="qcow2" cache="none" discard="unmap"/>\n      <source file="/var/lib/libvirt/images/xmlfix-overlay.qcow2"/>',
        '<disk type="volume" device="disk">\n      <driver name="qemu" type="qcow2" cache="none" discard="unmap"/>\n      <source pool="fast" volume="v.qcow2"/>',
      ]),
    );
  });

  it('an empty CD-ROM gets a <source> before its target; a running overlay loses its backing chain', () => {
    expect(edit((d) => setDiskSource(disk(d, 'sda'), { type: 'file', path: '/iso/a.iso' })).xml).toBe(
      changed([
        '<driver name="qemu" type="raw"/>\n      <target dev="sda"',
        '<driver name="qemu" type="raw"/>\n      <source file="/iso/a.iso"/><target dev="sda"',
      ]),
    );
    const live = edit((d) => setDiskSource(disk(d, 'vda'), { type: 'file', path: '/copy.qcow2' }), LIVE);
    expect(live.xml).not.toContain('xmlfix-base.qcow2');
    expect(live.xml).toContain('<source file="/copy.qcow2"/>\n      <target dev=\'vda\''.replace(/'/g, '"'));
    expect(modelOf(live.d).disks[0]?.backingChain).toEqual([]);
    // The other disks' empty <backingStore/> markers stay.
    expect(live.xml.match(/<backingStore\/>/g)).toHaveLength(1);
  });

  it('a network disk loses its hosts and protocol when it becomes a file', () => {
    const net =
      "<domain><devices><disk type='network'><source protocol='rbd' name='p/i' index='1'><host name='m'/><auth username='u'/></source><target dev='vda'/></disk></devices></domain>";
    expect(edit((d) => setDiskSource(disk(d, 'vda'), { type: 'file', path: '/f' }), net).xml).toBe(
      '<domain><devices><disk type="file"><source file="/f"><auth username="u"/></source><target dev="vda"/></disk></devices></domain>',
    );
  });

  it('setDiskPath keeps the kind of source; false when there is none to change', () => {
    const d = openDomain(
      "<domain><devices><disk><source file='/a'/><target dev='a'/></disk><disk type='block'><source dev='/dev/b'/><target dev='b'/></disk><disk type='volume'><source pool='p' volume='v'/><target dev='c'/></disk><disk><target dev='d'/></disk></devices></domain>",
    );
    expect(['a', 'b', 'c', 'd'].map((t) => setDiskPath(disk(d, t), `/new/${t}`))).toEqual([true, true, false, false]);
    expect(domainToXml(d)).toBe(
      '<domain><devices><disk><source file="/new/a"/><target dev="a"/></disk><disk type="block"><source dev="/new/b"/><target dev="b"/></disk><disk type="volume"><source pool="p" volume="v"/><target dev="c"/></disk><disk><target dev="d"/></disk></devices></domain>',
    );
  });

  it('setDiskCache sets the driver’s cache, adding a qemu driver first when there is none', () => {
    expect(edit((d) => setDiskCache(disk(d, 'vdb'), 'none')).xml).toBe(
      changed(['<driver name="qemu" type="raw" cache="writeback"/>', '<driver name="qemu" type="raw" cache="none"/>']),
    );
    expect(edit((d) => setDiskCache(disk(d, 'a'), 'none'), "<domain><devices><disk><target dev='a'/></disk></devices></domain>").xml).toBe(
      '<domain><devices><disk><driver name="qemu" cache="none"/><target dev="a"/></disk></devices></domain>',
    );
  });
});

describe('NICs', () => {
  const nic = (d: DomainDoc) => deviceElements(d, 'interface')[0] as NonNullable<ReturnType<typeof deviceElements>[number]>;

  it('a new MAC; moved to a network (a change) or to the bridge it is on (none)', () => {
    let moved = false;
    let same = true;
    const { xml } = edit((d) => {
      setInterfaceMac(nic(d), '52:54:00:aa:bb:cc');
      moved = setInterfaceSource(nic(d), { kind: 'network', name: 'default' });
    });
    expect(moved).toBe(true);
    expect(xml).toBe(
      changed(
        ['<interface type="bridge">', '<interface type="network">'],
        ['<mac address="52:54:00:7e:a0:01"/>', '<mac address="52:54:00:aa:bb:cc"/>'],
        ['<source bridge="labbr0"/>', '<source network="default"/>'],
      ),
    );
    edit((d) => {
      same = setInterfaceSource(nic(d), { kind: 'bridge', name: 'labbr0' });
    });
    expect(same).toBe(false);
    edit((d) => {
      same = setInterfaceSource(nic(d), { kind: 'bridge', name: 'labbr1' });
    });
    expect(same).toBe(true);
  });

  it('a NIC without MAC or source gets them in libvirt’s order; direct-mode attributes go', () => {
    const { xml } = edit((d) => {
      setInterfaceSource(nic(d), { kind: 'bridge', name: 'br0' });
      setInterfaceMac(nic(d), '52:54:00:00:00:01');
    }, "<domain><devices><interface type='user'><model type='virtio'/></interface></devices></domain>");
    expect(xml).toBe(
      '<domain><devices><interface type="bridge"><mac address="52:54:00:00:00:01"/><source bridge="br0"/><model type="virtio"/></interface></devices></domain>',
    );
    const direct = edit((d) => {
      expect(setInterfaceSource(nic(d), { kind: 'network', name: 'n' })).toBe(true);
    }, "<domain><devices><interface type='direct'><mac address='m'/><source dev='eth0' mode='vepa' portgroup='g' portid='i' bridge='b' network='x'/></interface></devices></domain>");
    const unnamed = openDomain("<domain><devices><interface type='bridge'><source/></interface></devices></domain>");
    expect(setInterfaceSource(nic(unnamed), { kind: 'bridge', name: '' })).toBe(false);
    expect(direct.xml).toBe(
      '<domain><devices><interface type="network"><mac address="m"/><source network="n"/></interface></devices></domain>',
    );
  });
});
