// buildDomainXml and buildVolumeXml, whole: the exact definition for a Windows guest with every
// option and for a minimal Linux one (layout, attribute order, which elements each option adds).
import { describe, expect, it } from 'vitest';
import { buildDomainXml, buildVolumeXml, randomMac } from './build';
import { parseDomainXml } from './domain';

const UUID = '11111111-2222-3333-4444-555555555555';

describe('buildDomainXml', () => {
  it('a Windows guest with every option', () => {
    const xml = buildDomainXml({
      type: 'kvm',
      name: 'win',
      uuid: UUID,
      osinfoUri: 'http://microsoft.com/win/11',
      memoryMiB: 4096,
      vcpus: 2,
      arch: 'x86_64',
      machine: 'pc-q35-7.2',
      emulator: '/usr/bin/qemu-system-x86_64',
      cpu: { mode: 'custom', model: 'Skylake-Client' },
      windows: true,
      kernel: { kernel: '/boot/vmlinuz', initrd: '/boot/initrd', cmdline: 'console=ttyS0' },
      disks: [
        { device: 'disk', type: 'file', path: '/img/win.qcow2', format: 'qcow2', bus: 'virtio', target: 'vda', bootOrder: 2 },
        { device: 'disk', type: 'block', path: '/dev/vg/data', format: 'raw', bus: 'scsi', target: 'sda', readonly: true },
        { device: 'cdrom', type: 'file', path: '/iso/win.iso', format: 'raw', bus: 'sata', target: 'sdb', bootOrder: 1 },
      ],
      nic: { kind: 'bridge', name: 'br0', mac: '52:54:00:aa:bb:cc', model: 'e1000e' },
      graphics: true,
      serial: true,
      serialLog: '/var/log/win.log',
    });
    expect(xml).toBe(WINDOWS);
    // What the UI reads back from it.
    expect(parseDomainXml(xml).os.osinfo).toBe('http://microsoft.com/win/11');
  });

  it('a minimal Linux guest: host-model CPU, UTC, virtio video, no logs, no kernel', () => {
    const xml = buildDomainXml({
      type: 'qemu',
      name: 'lin',
      uuid: UUID,
      memoryMiB: 512,
      vcpus: 1,
      arch: 'aarch64',
      machine: 'virt',
      emulator: '/usr/bin/qemu-system-aarch64',
      cpu: { mode: 'host-model' },
      windows: false,
      disks: [],
      nic: { kind: 'network', name: 'default', mac: '52:54:00:00:00:01', model: 'virtio' },
      graphics: true,
      serial: true,
    });
    expect(xml).toBe(LINUX);
  });

  it('without NIC, serial console or graphics those devices are absent', () => {
    const xml = buildDomainXml({
      type: 'kvm',
      name: 'bare',
      uuid: UUID,
      memoryMiB: 256,
      vcpus: 1,
      arch: 'x86_64',
      machine: 'pc',
      emulator: '/usr/bin/kvm',
      cpu: { mode: 'host-model' },
      windows: false,
      kernel: { kernel: '/k' },
      disks: [],
      graphics: false,
      serial: false,
    });
    for (const tag of ['<interface', '<serial', '<console', '<graphics', '<video', '<initrd', '<cmdline', '<metadata'])
      expect(xml).not.toContain(tag);
    expect(xml).toContain('<kernel>/k</kernel>');
  });
});

describe('buildVolumeXml', () => {
  it('capacity and allocation in bytes; sparse when no allocation is given', () => {
    expect(buildVolumeXml({ name: 'v.qcow2', capacity: 1073741824, allocation: 4096, format: 'qcow2' })).toBe(VOLUME_QCOW2);
    expect(buildVolumeXml({ name: 'v.raw', capacity: 10, format: 'raw' })).toBe(VOLUME_RAW);
  });
});

it('randomMac: a locally administered address in 52:54:00, different each time', () => {
  const macs = new Set(Array.from({ length: 20 }, randomMac));
  for (const m of macs) expect(m).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
  expect(macs.size).toBeGreaterThan(15);
});

const WINDOWS = `<domain type="kvm">
  <name>win</name>
  <uuid>11111111-2222-3333-4444-555555555555</uuid>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://microsoft.com/win/11"/>
    </libosinfo:libosinfo>
  </metadata>
  <memory unit="KiB">4194304</memory>
  <currentMemory unit="KiB">4194304</currentMemory>
  <vcpu placement="static">2</vcpu>
  <os>
    <type arch="x86_64" machine="pc-q35-7.2">hvm</type>
    <kernel>/boot/vmlinuz</kernel>
    <initrd>/boot/initrd</initrd>
    <cmdline>console=ttyS0</cmdline>
  </os>
  <features>
    <acpi/>
    <apic/>
    <hyperv mode="custom">
      <relaxed state="on"/>
      <vapic state="on"/>
      <spinlocks state="on" retries="8191"/>
    </hyperv>
  </features>
  <cpu mode="custom" match="exact" check="partial">
    <model fallback="allow">Skylake-Client</model>
  </cpu>
  <clock offset="localtime">
    <timer name="rtc" tickpolicy="catchup"/>
    <timer name="pit" tickpolicy="delay"/>
    <timer name="hpet" present="no"/>
    <timer name="hypervclock" present="yes"/>
  </clock>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type="file" device="disk">
      <driver name="qemu" type="qcow2" cache="none" discard="unmap"/>
      <source file="/img/win.qcow2"/>
      <target dev="vda" bus="virtio"/>
      <boot order="2"/>
    </disk>
    <disk type="block" device="disk">
      <driver name="qemu" type="raw" cache="none" discard="unmap"/>
      <source dev="/dev/vg/data"/>
      <target dev="sda" bus="scsi"/>
      <readonly/>
    </disk>
    <disk type="file" device="cdrom">
      <driver name="qemu" type="raw"/>
      <source file="/iso/win.iso"/>
      <target dev="sdb" bus="sata"/>
      <readonly/>
      <boot order="1"/>
    </disk>
    <controller type="usb" model="qemu-xhci" ports="15"/>
    <interface type="bridge">
      <mac address="52:54:00:aa:bb:cc"/>
      <source bridge="br0"/>
      <model type="e1000e"/>
    </interface>
    <serial type="pty">
      <log file="/var/log/win.log" append="off"/>
      <target port="0"/>
    </serial>
    <console type="pty">
      <log file="/var/log/win.log" append="off"/>
      <target type="serial" port="0"/>
    </console>
    <input type="tablet" bus="usb"/>
    <graphics type="vnc" port="-1" autoport="yes" listen="127.0.0.1">
      <listen type="address" address="127.0.0.1"/>
    </graphics>
    <video>
      <model type="vga"/>
    </video>
    <rng model="virtio">
      <backend model="random">/dev/urandom</backend>
    </rng>
    <memballoon model="virtio"/>
  </devices>
</domain>
`;

const LINUX = `<domain type="qemu">
  <name>lin</name>
  <uuid>11111111-2222-3333-4444-555555555555</uuid>
  <memory unit="KiB">524288</memory>
  <currentMemory unit="KiB">524288</currentMemory>
  <vcpu placement="static">1</vcpu>
  <os>
    <type arch="aarch64" machine="virt">hvm</type>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <cpu mode="host-model" check="partial"/>
  <clock offset="utc">
    <timer name="rtc" tickpolicy="catchup"/>
    <timer name="pit" tickpolicy="delay"/>
    <timer name="hpet" present="no"/>
  </clock>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-aarch64</emulator>
    <controller type="usb" model="qemu-xhci" ports="15"/>
    <interface type="network">
      <mac address="52:54:00:00:00:01"/>
      <source network="default"/>
      <model type="virtio"/>
    </interface>
    <serial type="pty">
      <target port="0"/>
    </serial>
    <console type="pty">
      <target type="serial" port="0"/>
    </console>
    <input type="tablet" bus="usb"/>
    <graphics type="vnc" port="-1" autoport="yes" listen="127.0.0.1">
      <listen type="address" address="127.0.0.1"/>
    </graphics>
    <video>
      <model type="virtio"/>
    </video>
    <rng model="virtio">
      <backend model="random">/dev/urandom</backend>
    </rng>
    <memballoon model="virtio"/>
  </devices>
</domain>
`;

const VOLUME_QCOW2 = `<volume>
  <name>v.qcow2</name>
  <capacity unit="bytes">1073741824</capacity>
  <allocation unit="bytes">4096</allocation>
  <target>
    <format type="qcow2"/>
  </target>
</volume>
`;

const VOLUME_RAW = `<volume>
  <name>v.raw</name>
  <capacity unit="bytes">10</capacity>
  <allocation unit="bytes">0</allocation>
  <target>
    <format type="raw"/>
  </target>
</volume>
`;
