// m2: remote commands against real sshd accounts whose login shells are bash, dash, zsh, fish and
// tcsh (host B's extra accounts, `lab.sh accounts`): hostile arguments arrive byte for byte and
// nothing in them runs; the libvirt channel opens under every shell.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, labSh, readLab } from '../../e2e/lab/lab';
import { LibvirtConnection } from '../libvirt/connection';
import { SshSession } from './ssh';

interface Accounts {
  host: 'B';
  address: string;
  keyPath: string;
  shells: Record<string, { user: string; shell: string }>;
}

let lab: Lab;
let accounts: Accounts;
const sessions: SshSession[] = [];
const marker = `/tmp/vireo-m2-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  await labSh(['accounts']); // idempotent: a lab started before these accounts existed gets them
  lab = readLab();
  accounts = JSON.parse(readFileSync(join(lab.dir, 'accounts.json'), 'utf8')) as Accounts;
});
afterAll(async () => {
  for (const s of sessions) s.close();
  await labSh(['exec', 'B', 'rm', '-f', '--', marker]);
});

/** Each tries to create the marker file (or print PWNED) under some shell's rules. */
const hostile = (): string[] => [
  "a\\';echo PWNED;#",
  `a\\';touch ${marker};#`,
  `a';touch ${marker};#`,
  `$(touch ${marker})`,
  `\`touch ${marker}\``,
  `(touch ${marker})`,
  `a\ntouch ${marker}`,
  `a\n\`touch ${marker}\`\n'`,
  `"; touch ${marker}; echo "`,
  '!! !-1 $HOME ~ * {a,b} %self',
  '\\',
  'é ✓\tend',
  '',
];

async function connectAs(user: string): Promise<SshSession> {
  const s = await SshSession.connect(
    { host: accounts.address, port: 22, user, auth: { kind: 'key', path: accounts.keyPath }, proxyJump: 'none' },
    {
      hostKeys: {
        knownHostsPath: lab.knownHosts,
        onUnknown: async () => {
          throw new Error('the lab known_hosts should know this host');
        },
      },
      sshConfigPath: join(lab.dir, 'no-ssh-config'),
    },
  );
  sessions.push(s);
  return s;
}

describe('m2 remote commands under every login shell', () => {
  it('has the accounts (bash, dash, zsh, fish, tcsh)', () => {
    expect(Object.keys(accounts.shells).sort()).toEqual(['bash', 'dash', 'fish', 'tcsh', 'zsh']);
  });

  for (const sh of ['bash', 'dash', 'zsh', 'fish', 'tcsh']) {
    it(`m2 a hostile VM name arrives byte for byte and runs nothing, login shell ${sh}`, async () => {
      const { user, shell } = accounts.shells[sh] ?? { user: '', shell: '' };
      const s = await connectAs(user);
      // It really is that shell: sshd started it as the login shell.
      const login = await s.run(['sh', '-c', 'getent passwd "$(id -un)" | cut -d: -f7']);
      expect(login.stdout.trim()).toBe(shell);

      const args = hostile();
      const r = await s.run(['printf', '%s\\0', ...args]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout.split('\0').slice(0, -1)).toEqual(args);
      expect(r.stdout).not.toMatch(/^PWNED$/m);
      // The way services pass names: positional parameters of a fixed sh script.
      const pidFile = `/run/libvirt/qemu/${args[1]}.pid`;
      const p = await s.run(['sh', '-c', 'printf %s "$1"', 'sh', pidFile]);
      expect(p.stdout).toBe(pidFile);
      expect(existsSync(marker)).toBe(false); // /tmp is shared with the hosts
      await expect(labSh(['exec', 'B', 'test', '-e', marker])).rejects.toMatchObject({ code: 1 });
    });
  }

  it('m2 opens the libvirt channel (virt-ssh-helper or nc) under every login shell', async () => {
    for (const sh of Object.keys(accounts.shells)) {
      const s = await connectAs(accounts.shells[sh]?.user ?? '');
      const conn = await LibvirtConnection.open({
        label: `B as ${sh}`,
        uri: 'qemu:///system',
        channel: () => s.openLibvirtChannel('qemu:///system'),
      });
      try {
        // REMOTE_PROC_CONNECT_GET_HOSTNAME
        expect(await conn.rpc.call(59, null, (x) => x.string())).toBe('lab-b');
      } finally {
        await conn.close();
      }
    }
  });
});
