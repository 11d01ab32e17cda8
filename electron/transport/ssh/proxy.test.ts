import { describe, expect, it } from 'vitest';
import { describeDrop, libvirtProxyArgv, PROXY_FAILED } from './proxy';

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

describe('describeDrop: why a host is reconnecting, in words', () => {
  it('the proxy failing while SSH works means libvirtd is not answering', () => {
    const reason = `lab-b: ${PROXY_FAILED} exited with status 1: nc: unix connect failed: Connection refused`;
    expect(describeDrop('lab-b', reason)).toBe(
      'libvirtd on lab-b is not answering: SSH to lab-b works, but the libvirt proxy exited with status 1: nc: unix connect failed: Connection refused. ' +
        'Check libvirtd there (systemctl status libvirtd); Vireo reconnects by itself once it answers.',
    );
  });
  it('any other reason stays as it was', () => {
    expect(describeDrop('lab-b', 'the host closed the connection')).toBe('the host closed the connection');
    expect(describeDrop('lab-b', 'lab-b: SSH connection lost: read ECONNRESET')).toBe('lab-b: SSH connection lost: read ECONNRESET');
  });
});
