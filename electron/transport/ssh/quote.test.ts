import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isSshError } from '../../libvirt/errors';
import { libvirtProxyArgv } from './proxy';
import { remoteCommand, shellJoin, shellQuote } from './quote';

describe('shell quoting', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellJoin(['virt-ssh-helper', 'qemu:///system'])).toBe('virt-ssh-helper qemu:///system');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(reboot)')).toBe("'$(reboot)'");
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
    expect(() => shellJoin([])).toThrow(/empty/);
  });

  it('survives a real POSIX shell byte for byte', () => {
    const nasty = ["it's", '$(echo pwned)', '`id`', 'a "b" c', '\\n', ';|&<>*?', 'line\nbreak', ' lead', 'é', '-n'];
    const out = execFileSync('sh', ['-c', `printf '%s\\0' ${shellJoin(nasty)}`]).toString('utf8');
    expect(out.split('\0').slice(0, -1)).toEqual(nasty);
  });
});

describe('remote commands', () => {
  it('refuse an argv too long for one argument, naming the command', () => {
    expect(() => remoteCommand(['echo', 'x'.repeat(100 * 1024)])).toThrow(/the remote command `echo x{195}…` is too long/);
    let err: unknown;
    try {
      remoteCommand(['echo', 'a\0b']);
    } catch (e) {
      err = e;
    }
    expect(isSshError(err)).toBe(true);
  });

  it('the libvirt proxy gets the URI and socket as parameters, never inside its script', () => {
    const argv = libvirtProxyArgv('qemu+ssh://h/system?x=1', '/run/libvirt/libvirt-sock');
    expect(argv.slice(0, 2)).toEqual(['sh', '-c']);
    expect(argv.slice(3)).toEqual(['libvirt-proxy', 'qemu+ssh://h/system?x=1', '/run/libvirt/libvirt-sock']);
    expect(argv[2]).not.toContain('qemu');
    expect(() => libvirtProxyArgv('qemu:///system; reboot', '/s')).toThrow(/not a libvirt URI/);
    expect(() => libvirtProxyArgv('qemu:///system', 'relative/sock')).toThrow(/not an absolute socket path/);
  });
});
