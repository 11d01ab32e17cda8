import { describe, expect, it } from 'vitest';
import { serialDevicesOf, withSerialConsole } from './console';
import { vncTargetOf } from './vnc';

const dom = (devices: string) =>
  `<domain type='kvm'><name>vm</name><devices><emulator>/usr/bin/qemu</emulator>${devices}</devices><metadata><x:y xmlns:x="urn:x">keep</x:y></metadata></domain>`;

describe('serial console XML', () => {
  it('finds the console, or a serial port libvirt maps to one', () => {
    expect(serialDevicesOf(dom(''))).toEqual([]);
    expect(serialDevicesOf(dom("<serial type='pty'><target port='0'/></serial>"))).toEqual([{ type: 'pty', port: 0 }]);
    expect(serialDevicesOf(dom("<serial type='pty'/><console type='pty'><target type='serial' port='0'/></console>"))).toEqual([
      { type: 'pty', port: 0 },
    ]);
  });

  it('adds a pty serial port and its console, keeping everything else', () => {
    const out = withSerialConsole(dom("<graphics type='vnc' passwd='s3cret'/>"));
    expect(out.changed).toBe(true);
    expect(out.xml).toContain('passwd="s3cret"');
    expect(out.xml).toContain('<x:y xmlns:x="urn:x">keep</x:y>');
    expect(serialDevicesOf(out.xml)).toEqual([{ type: 'pty', port: 0 }]);
    expect(out.xml).toMatch(/<serial type="pty"><target port="0"\/><\/serial>/);
    expect(out.xml).toMatch(/<console type="pty"><target type="serial" port="0"\/><\/console>/);
  });

  it('changes nothing when both are there, and adds only the missing console', () => {
    const both = dom("<serial type='pty'><target port='0'/></serial><console type='pty'><target type='serial' port='0'/></console>");
    expect(withSerialConsole(both).changed).toBe(false);
    const serialOnly = withSerialConsole(dom("<serial type='tcp'><target port='0'/></serial>"));
    expect(serialOnly.changed).toBe(true);
    expect(serialOnly.xml.match(/<serial /g)?.length).toBe(1);
    expect(serialOnly.xml).toContain('<console type="pty">');
  });
});

describe('VNC target', () => {
  it('reads the port and the address QEMU listens on', () => {
    expect(
      vncTargetOf(
        dom("<graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'><listen type='address' address='127.0.0.1'/></graphics>"),
      ),
    ).toEqual({
      kind: 'tcp',
      host: '127.0.0.1',
      port: 5901,
      hasPassword: false,
    });
  });

  it('reaches a wildcard listener on the host’s loopback', () => {
    expect(vncTargetOf(dom("<graphics type='vnc' port='5900' listen='0.0.0.0' passwd='x'/>"))).toMatchObject({
      host: '127.0.0.1',
      hasPassword: true,
    });
    expect(vncTargetOf(dom("<graphics type='vnc' port='5900'><listen type='address' address='::'/></graphics>"))).toMatchObject({
      host: '::1',
    });
    expect(
      vncTargetOf(dom("<graphics type='vnc' port='5902'><listen type='network' network='default' address='192.168.122.1'/></graphics>")),
    ).toMatchObject({
      host: '192.168.122.1',
      port: 5902,
    });
  });

  it('uses a unix socket listener', () => {
    expect(vncTargetOf(dom("<graphics type='vnc'><listen type='socket' socket='/run/libvirt/qemu/vnc.sock'/></graphics>"))).toEqual({
      kind: 'unix',
      path: '/run/libvirt/qemu/vnc.sock',
      hasPassword: false,
    });
  });

  it('says why it cannot connect', () => {
    expect(vncTargetOf(dom("<graphics type='vnc' port='-1' autoport='yes'/>")).kind).toBe('unreachable');
    expect(vncTargetOf(dom("<graphics type='vnc'><listen type='none'/></graphics>")).kind).toBe('unreachable');
    expect(vncTargetOf(dom("<graphics type='spice' port='5900'/>"))).toEqual({ kind: 'none', others: ['spice'] });
    expect(vncTargetOf(dom(''))).toEqual({ kind: 'none', others: [] });
  });
});
