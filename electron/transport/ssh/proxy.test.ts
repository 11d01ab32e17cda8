import { describe, expect, it } from 'vitest';
import { libvirtProxyArgv } from './proxy';

describe('libvirtProxyArgv: which proxy reaches the daemon', () => {
  it('hands virt-ssh-helper the URI (nc on the default socket as the fallback)', () => {
    const argv = libvirtProxyArgv('qemu:///session', '/var/run/libvirt/libvirt-sock');
    expect(argv.slice(3)).toEqual(['libvirt-proxy', 'qemu:///session', '/var/run/libvirt/libvirt-sock']);
    expect(argv[2]).toContain('[ -n "$1" ] && command -v virt-ssh-helper');
  });

  it('a URI that names its socket goes to that socket with nc: virt-ssh-helper would ignore ?socket=', () => {
    const argv = libvirtProxyArgv('qemu:///system?socket=/run/custom/sock', '/run/custom/sock');
    expect(argv.slice(3)).toEqual(['libvirt-proxy', '', '/run/custom/sock']);
  });
});
