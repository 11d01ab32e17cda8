import { describe, expect, it } from 'vitest';
import { deviceXml, domainToXml, findDisk, findInterface, openDomain, setBootOrder, setDiskMedia, setInterfaceLink } from '../../xml/edit';
import { parseDomain } from '../../xml/parse';
import { bootOrderOf, devicesOf, nextTarget } from './devices';

const XML = `<domain type='qemu'>
  <name>vm</name>
  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
  <devices>
    <disk type='file' device='disk'><source file='/i/vm.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='cdrom'><source file='/i/d.iso'/><backingStore/><target dev='hdc' bus='ide'/><readonly/></disk>
    <interface type='bridge'><mac address='52:54:00:AA:00:01'/><source bridge='br0'/><model type='virtio'/></interface>
    <metadata-like-unknown keep='yes'/>
  </devices>
</domain>`;

describe('nextTarget', () => {
  it('takes the first free letter of the bus prefix, then two letters', () => {
    expect(nextTarget('virtio', ['vda', 'hdc'])).toBe('vdb');
    expect(nextTarget('sata', ['vda'])).toBe('sda');
    expect(nextTarget('scsi', ['sda', 'sdb'])).toBe('sdc');
    const all = Array.from({ length: 26 }, (_, i) => `vd${String.fromCharCode(97 + i)}`);
    expect(nextTarget('virtio', all)).toBe('vdaa');
  });
});

describe('device edits (electron/xml/edit.ts) and their read-back', () => {
  it('ejects a CD-ROM (source and backing chain gone) and inserts another', () => {
    const d = openDomain(XML);
    const cd = findDisk(d, 'hdc');
    if (!cd) throw new Error('no hdc');
    setDiskMedia(cd, null);
    expect(deviceXml(cd)).not.toContain('source');
    expect(deviceXml(cd)).not.toContain('backingStore');
    setDiskMedia(cd, "/i/it's & <new>.iso");
    expect(parseDomain(domainToXml(d)).disks[1]?.path).toBe("/i/it's & <new>.iso");
    expect(domainToXml(d)).toContain('<metadata-like-unknown keep="yes"/>');
  });
  it('sets a NIC’s link down and up (found by MAC in any case)', () => {
    const d = openDomain(XML);
    const nic = findInterface(d, '52:54:00:aa:00:01');
    if (!nic) throw new Error('no nic');
    setInterfaceLink(d, nic, 'down');
    expect(parseDomain(domainToXml(d)).interfaces[0]?.linkState).toBe('down');
    setInterfaceLink(d, nic, 'up');
    expect(deviceXml(nic).match(/<link /g)).toHaveLength(1);
    expect(parseDomain(domainToXml(d)).interfaces[0]?.linkState).toBe('up');
  });
  it('boot order per device replaces <os><boot dev>, and reads back in order', () => {
    const d = openDomain(XML);
    setBootOrder(d, [
      { kind: 'nic', mac: '52:54:00:aa:00:01' },
      { kind: 'disk', target: 'vda' },
    ]);
    const xml = domainToXml(d);
    expect(xml).not.toContain("boot dev='hd'");
    const m = parseDomain(xml);
    expect(bootOrderOf(m)).toEqual([
      { kind: 'nic', mac: '52:54:00:aa:00:01' },
      { kind: 'disk', target: 'vda' },
    ]);
    setBootOrder(d, [{ kind: 'disk', target: 'hdc' }]);
    expect(bootOrderOf(parseDomain(domainToXml(d)))).toEqual([{ kind: 'disk', target: 'hdc' }]);
    expect(() => setBootOrder(d, [{ kind: 'disk', target: 'vdz' }])).toThrow('No disk vdz');
  });
});

describe('devicesOf: both sides by target / MAC', () => {
  it('marks what only the running VM or only the definition has; the running medium wins', () => {
    const config = parseDomain(XML);
    const live = parseDomain(
      XML.replace("<source file='/i/d.iso'/>", '').replace(
        '</devices>',
        "<disk type='file' device='disk'><source file='/i/x.qcow2'/><target dev='vdb' bus='virtio'/></disk></devices>",
      ),
    );
    const { disks, nics } = devicesOf(config, live);
    expect(disks.map((d) => [d.target, d.source ?? null, d.live, d.config])).toEqual([
      ['vda', '/i/vm.qcow2', true, true],
      ['hdc', null, true, true],
      ['vdb', '/i/x.qcow2', true, false],
    ]);
    expect(nics).toEqual([
      { mac: '52:54:00:aa:00:01', type: 'bridge', source: 'br0', model: 'virtio', link: 'up', live: true, config: true },
    ]);
  });
});

describe('setMemoryBacking', () => {
  it('adds hugepages/nosharepages after <currentMemory>, keeps other backing children, removes an emptied element', async () => {
    const { setMemoryBacking } = await import('../../xml/edit');
    const xml = "<domain><name>vm</name><memory unit='KiB'>1</memory><currentMemory unit='KiB'>1</currentMemory><vcpu>1</vcpu></domain>";
    const d = openDomain(xml);
    setMemoryBacking(d, { hugepages: true, nosharepages: true });
    expect(domainToXml(d)).toMatch(/<\/currentMemory><memoryBacking><hugepages\/><nosharepages\/><\/memoryBacking><vcpu>/);
    expect(parseDomain(domainToXml(d)).memory).toMatchObject({ hugepages: true, nosharepages: true });
    setMemoryBacking(d, { hugepages: false, nosharepages: false });
    expect(domainToXml(d)).not.toContain('memoryBacking');
    const locked = openDomain(xml.replace('<vcpu>', '<memoryBacking><locked/><nosharepages/></memoryBacking><vcpu>'));
    setMemoryBacking(locked, { hugepages: false, nosharepages: false });
    expect(domainToXml(locked)).toContain('<memoryBacking><locked/></memoryBacking>');
  });
});

describe('setCpuTopology', () => {
  it('sets sockets/dies/cores/threads before the CPU features, keeps mode and model; null removes it', async () => {
    const { setCpuTopology } = await import('../../xml/edit');
    const xml =
      "<domain><name>vm</name><vcpu>2</vcpu><cpu mode='custom'><model>qemu64</model><feature policy='require' name='x'/></cpu></domain>";
    const d = openDomain(xml);
    setCpuTopology(d, { sockets: 1, cores: 2, threads: 1 });
    expect(domainToXml(d)).toContain('<model>qemu64</model><topology sockets="1" dies="1" cores="2" threads="1"/><feature');
    expect(parseDomain(domainToXml(d)).cpu?.topology).toEqual({ sockets: 1, dies: 1, cores: 2, threads: 1 });
    setCpuTopology(d, null);
    expect(domainToXml(d)).toBe(xml.replaceAll("'", '"'));
    const bare = openDomain('<domain><name>vm</name><os/></domain>');
    setCpuTopology(bare, { sockets: 2, cores: 1, threads: 1 });
    expect(domainToXml(bare)).toContain('<os/><cpu><topology sockets="2"');
    setCpuTopology(bare, null);
    expect(domainToXml(bare)).toBe('<domain><name>vm</name><os/></domain>');
  });
});
