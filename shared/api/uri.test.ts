import { describe, expect, it } from 'vitest';
import { HostSpec, LibvirtUri, splitLibvirtUri } from './index';

describe('LibvirtUri: the URI on a host, as the add-host dialog takes it', () => {
  it.each([
    'qemu:///system',
    'qemu:///session',
    'lxc:///system',
    'xen:///system',
    'ch:///system',
    'test:///default',
    'test:///var/lib/vireo/node.xml',
    'qemu:///system?socket=/run/libvirt/virtqemud-sock',
  ])('takes %s', (u) => {
    expect(LibvirtUri.parse(u)).toBe(u);
  });

  it.each([
    ['a host part (Vireo brings the transport)', 'qemu://host/system'],
    ['a transport', 'qemu+ssh:///system'],
    ['no path slashes', 'qemu:system'],
    ['a shell character', 'qemu:///system; reboot'],
    ['a space', 'test:///my node.xml'],
    ['another query', 'qemu:///system?mode=legacy'],
    ['a relative socket', 'qemu:///system?socket=run/sock'],
    ['upper-case driver', 'QEMU:///system'],
    ['empty', ''],
  ])('refuses %s', (_why, u) => {
    const r = LibvirtUri.safeParse(u);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^Not a libvirt URI on the host/);
  });

  it('splits off the socket: CONNECT_OPEN names the driver URI, the proxy gets the socket', () => {
    expect(splitLibvirtUri('qemu:///system?socket=/run/x/sock')).toEqual({
      driver: 'qemu',
      path: 'system',
      open: 'qemu:///system',
      socket: '/run/x/sock',
    });
    expect(splitLibvirtUri('test:///default')).toEqual({ driver: 'test', path: 'default', open: 'test:///default' });
    expect(() => splitLibvirtUri('qemu://h/system')).toThrow(/Not a libvirt URI/);
  });

  it('a host spec defaults to qemu:///system and names the uri field when it is wrong', () => {
    expect(HostSpec.parse({ name: 'a', transport: 'ssh', address: 'h' }).uri).toBe('qemu:///system');
    const r = HostSpec.safeParse({ name: 'a', transport: 'ssh', address: 'h', uri: 'qemu+ssh://h/system' });
    expect(r.error?.issues[0]?.path).toEqual(['uri']);
  });
});
