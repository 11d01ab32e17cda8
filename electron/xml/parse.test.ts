// The typed model read from definitions captured in the lab (fixtures/capture.sh): a
// virt-manager-style VM running with a qcow2 overlay, its inactive definition, the lab's own
// guests; firmware and metadata the lab has none of (devices: parse.devices.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDomain } from './parse';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

describe('parseDomain from the lab', () => {
  it('a running virt-manager-style VM: every field of the model', () => {
    expect(parseDomain(fixture('virt-manager.live.xml'))).toStrictEqual({
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
      tpms: [],
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
    expect(m.interfaces[0]).toStrictEqual({
      index: 0,
      type: 'bridge',
      mac: '52:54:00:7e:a0:01',
      source: { kind: 'bridge', name: 'labbr0' },
      model: 'virtio',
      linkState: 'up',
    });
    expect(m.channels[0]).toStrictEqual({
      kind: 'channel',
      index: 0,
      type: 'unix',
      targetType: 'virtio',
      targetName: 'org.qemu.guest_agent.0',
    });
    expect(m.graphics[0]?.port).toBe(-1);
    expect(m.osinfo).toBe('http://debian.org/debian/12');
  });

  it('the lab guests: an empty <backingStore/> ends the chain; serial log files; a kernel boot', () => {
    const tiny = parseDomain(fixture('lab-tiny.live.xml'));
    expect(tiny.disks[0]?.backingChain).toEqual([]);
    expect(tiny.disks[0]?.path).toBe('/tmp/vireo-lab/shared/tiny.qcow2');
    expect(tiny.serials[0]?.logFile).toBe('/var/log/libvirt/qemu/tiny-serial.log');
    expect(tiny.consoles[0]?.logFile).toBe('/var/log/libvirt/qemu/tiny-serial.log');
    expect(tiny.os).toStrictEqual({
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
    expect(m.os).toStrictEqual({
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

  it('firmware autoselection: the features asked for, the NVRAM template, and an emulated TPM', () => {
    const m = parseDomain(`<domain><os firmware='efi'><type>hvm</type>
      <firmware><feature enabled='yes' name='secure-boot'/><feature enabled='no' name='enrolled-keys'/></firmware>
      <nvram template='/usr/share/OVMF/OVMF_VARS_4M.ms.fd'>/var/lib/libvirt/qemu/nvram/u_VARS.fd</nvram></os>
      <devices><tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm></devices></domain>`);
    expect(m.os.firmwareFeatures).toStrictEqual({ 'secure-boot': true, 'enrolled-keys': false });
    expect(m.os.nvramTemplate).toBe('/usr/share/OVMF/OVMF_VARS_4M.ms.fd');
    expect(m.tpms).toStrictEqual([{ model: 'tpm-crb', backend: 'emulator', version: '2.0' }]);
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
      tpms: [],
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
