// SshSession against an in-process SSH server: what the exec request looks like to the login
// shell (m2), the cap on `run` output, and the host key algorithms offered (no SHA-1 ssh-rsa).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { preferredHostKeyAlgorithms, remoteCommand, SshSession } from './ssh';
import { startTestSshd, type TestSshd, type TestSshdOptions } from './ssh-test-server';

const tmp = mkdtempSync(join(tmpdir(), 'vireo-ssh-exec-'));
const servers: TestSshd[] = [];
const sessions: SshSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
async function serverAndSession(
  opts: Omit<TestSshdOptions, 'passwords'>,
  extra: { maxRunOutputBytes?: number } = {},
): Promise<{ sshd: TestSshd; s: SshSession }> {
  const sshd = await startTestSshd({ ...opts, passwords: { u: 'pw' } });
  servers.push(sshd);
  const kh = join(tmp, `known_hosts-${n++}`);
  sshd.trustIn(kh);
  const s = await SshSession.connect(
    { host: '127.0.0.1', port: sshd.port, user: 'u', auth: { kind: 'password', password: 'pw' }, proxyJump: 'none' },
    {
      hostKeys: { knownHostsPath: kh, onUnknown: async () => false },
      sshConfigPath: join(tmp, 'no-config'),
      ...extra,
    },
  );
  sessions.push(s);
  return { sshd, s };
}

// Everything a VM or file name could hold that a shell might act on.
const HOSTILE = [
  "a\\';echo PWNED;#",
  "a';echo PWNED;#",
  '$(echo PWNED)',
  '`echo PWNED`',
  '(echo PWNED)',
  'a\necho PWNED',
  'a; echo PWNED',
  '!echo',
  '"$HOME" ~ * ? [a] {x,y} %self',
  '\\',
  'é ✓ \t end',
  '-n',
  '',
];

describe('m2 remote commands do not depend on the login shell', () => {
  it('is one fixed text plus base64: nothing a shell expands', () => {
    const cmd = remoteCommand(['printf', '%s\\0', ...HOSTILE]);
    expect(cmd).toMatch(/^exec \/bin\/sh -c 'eval "\$\(printf %s "\$1" \| base64 -d\)"' sh [A-Za-z0-9+/]+={0,2}$/);
    const prefix = cmd.slice(0, cmd.lastIndexOf(' '));
    expect(prefix).not.toMatch(/[\\!`\n~{}*?[\]#;&<>]/);
    expect(() => remoteCommand(['printf', 'x'.repeat(100 * 1024)])).toThrow(/too long/);
  });

  // sshd runs the exec request as `<login shell> -c <command>`: so does the test server.
  const shells = ['/bin/sh', '/bin/bash', '/bin/dash', '/usr/bin/zsh', '/usr/bin/fish', '/usr/bin/tcsh'].filter((sh) => existsSync(sh));
  it('has POSIX shells to run under', () => {
    expect(shells).toEqual(expect.arrayContaining(['/bin/sh', '/bin/bash', '/bin/dash']));
  });
  for (const shell of shells) {
    it(`m2 passes hostile arguments byte for byte with ${shell} as the login shell`, async () => {
      const { s } = await serverAndSession({ shell });
      const r = await s.run(['printf', '%s\\0', ...HOSTILE]);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\0').slice(0, -1)).toEqual(HOSTILE);
      expect(r.code).toBe(0);
      // The exit status and stdin reach the program itself.
      expect((await s.run(['sh', '-c', 'exit 7'])).code).toBe(7);
    });
  }
});

describe('a command that ends at once', () => {
  // Output, exit status and close written in one go: they reach the client in the same read as
  // the channel's confirmation, before an awaiting caller could listen for 'exit'.
  const instant =
    (code: number, stderr = '') =>
    (_cmd: string, ch: import('ssh2').ServerChannel) => {
      ch.write('out');
      if (stderr) ch.stderr.write(stderr);
      ch.exit(code);
      ch.end();
    };

  it('run() still reports its exit status (every time)', async () => {
    const { s } = await serverAndSession({ onExec: instant(3, 'why'), oneRead: true });
    for (let i = 0; i < 20; i++) expect(await s.run(['quick'])).toEqual({ code: 3, stdout: 'out', stderr: 'why' });
  });

  it("the libvirt proxy's failure and complaint reach the stream (every time)", async () => {
    const { s } = await serverAndSession({ onExec: instant(1, 'virt-ssh-helper: failed to connect to the hypervisor\n'), oneRead: true });
    for (let i = 0; i < 20; i++) {
      const stream = await s.openLibvirtChannel('qemu:///system');
      const err = await new Promise<Error | null>((resolve) => {
        stream.on('error', resolve);
        stream.on('close', () => resolve(null));
        stream.resume();
      });
      expect(err?.message).toMatch(/the libvirt proxy \(virt-ssh-helper or nc\) exited with status 1: virt-ssh-helper: failed to connect/);
    }
  });
});

describe('low: run output is capped', () => {
  const flood = (bytes: number) => (_cmd: string, ch: import('ssh2').ServerChannel) => {
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!ch.write(chunk)) return void ch.once('drain', pump);
      }
      ch.exit(0);
      ch.end();
    };
    ch.on('error', () => {});
    pump();
  };

  it('stops a command that writes more than the limit and names it', async () => {
    const { s } = await serverAndSession({ onExec: flood(4 * 1024 * 1024) });
    await expect(s.run(['cat', '/var/log/huge'], { maxOutputBytes: 1024 * 1024 })).rejects.toThrow(
      /^u@127\.0\.0\.1:\d+: `cat \/var\/log\/huge` wrote more than 1048576 bytes to stdout; it was stopped/,
    );
    expect(s.isOpen).toBe(true); // only the command's channel went
  });

  it('uses the session default (maxRunOutputBytes) and passes output within it whole', async () => {
    const { s } = await serverAndSession({ onExec: flood(2 * 1024 * 1024) }, { maxRunOutputBytes: 3 * 1024 * 1024 });
    const r = await s.run(['big']);
    expect(r.stdout.length).toBe(2 * 1024 * 1024);
    const { s: small } = await serverAndSession({ onExec: flood(2 * 1024 * 1024) }, { maxRunOutputBytes: 1024 * 1024 });
    await expect(small.run(['big'])).rejects.toThrow(/`big` wrote more than 1048576 bytes/);
  });

  it('keeps a UTF-8 character split across two packets whole', async () => {
    const e = Buffer.from('é', 'utf8');
    const { s } = await serverAndSession({
      onExec: (_c, ch) => {
        ch.write(e.subarray(0, 1));
        setTimeout(() => {
          ch.write(e.subarray(1));
          ch.exit(0);
          ch.end();
        }, 20);
      },
    });
    expect((await s.run(['x'])).stdout).toBe('é');
  });
});

describe('low: no SHA-1 ssh-rsa host key algorithm', () => {
  it('is never offered, whatever known_hosts holds', () => {
    for (const known of [[], ['ssh-rsa'], ['ssh-ed25519', 'ssh-rsa'], ['ssh-dss']]) {
      const algos = preferredHostKeyAlgorithms(known);
      expect(algos).not.toContain('ssh-rsa');
      expect(algos).not.toContain('ssh-dss');
      expect(algos).toEqual(expect.arrayContaining(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-ed25519']));
    }
    expect(preferredHostKeyAlgorithms(['ssh-rsa']).slice(0, 2)).toEqual(['rsa-sha2-512', 'rsa-sha2-256']);
  });

  it('refuses a server that signs its RSA host key only with SHA-1, and takes it with SHA-2', async () => {
    await expect(serverAndSession({ keyType: 'rsa', serverHostKey: ['ssh-rsa'] })).rejects.toThrow(/host key/i);
    const { s } = await serverAndSession({ keyType: 'rsa', serverHostKey: ['rsa-sha2-256', 'ssh-rsa'] });
    expect(s.isOpen).toBe(true);
  });
});
