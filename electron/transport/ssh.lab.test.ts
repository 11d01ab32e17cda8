// SSH transport against the real lab: host keys (known, unknown, changed, hashed), key and
// password logins, ~/.ssh/config aliases, ProxyJump, and one SSH session shared by a libvirt
// channel and a TCP forward.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lab, type LabHost, labHost, labSh, readLab } from '../../e2e/lab/lab';
import { LibvirtConnection } from '../libvirt/connection';
import { type HostKeyPolicy, type SshConnectOptions, SshSession, type SshTarget } from './ssh';

const run = promisify(execFile);

let lab: Lab;
let A: LabHost;
let B: LabHost;
let tmp: string;
const sessions: SshSession[] = [];

beforeAll(async () => {
  lab = readLab();
  A = labHost('A', lab);
  B = labHost('B', lab);
  tmp = await mkdtemp(join(tmpdir(), 'vireo-ssh-lab-'));
});
afterAll(() => {
  for (const s of sessions) s.close();
});

const keyTarget = (h: LabHost, extra: Partial<SshTarget> = {}): SshTarget => ({
  host: h.address,
  port: h.port,
  user: h.user,
  auth: { kind: 'key', path: h.keyPath },
  ...extra,
});
const labKeys = (): HostKeyPolicy => ({
  knownHostsPath: lab.knownHosts,
  onUnknown: async () => {
    throw new Error('the lab known_hosts should know this host');
  },
});
const noConfig = (): string => join(tmp, 'no-ssh-config');
async function connect(
  target: SshTarget,
  hostKeys: HostKeyPolicy = labKeys(),
  extra: Partial<SshConnectOptions> = {},
): Promise<SshSession> {
  const s = await SshSession.connect(target, { hostKeys, sshConfigPath: noConfig(), ...extra });
  sessions.push(s);
  return s;
}

/** `ssh-keygen -lf` on a one-line known_hosts made of the lab's host key. */
async function keygenFingerprint(h: LabHost): Promise<string> {
  const f = join(tmp, `fp-${h.id}`);
  await writeFile(f, `${h.address} ${h.hostKey}\n`);
  const { stdout } = await run('ssh-keygen', ['-lf', f]);
  const fp = stdout.split(/\s+/)[1];
  if (!fp) throw new Error(`no fingerprint in ${stdout}`);
  return fp;
}

describe('SSH to the lab', () => {
  it('connects to both hosts with the lab key and known_hosts, and runs commands safely quoted', async () => {
    for (const h of [A, B]) {
      const s = await connect(keyTarget(h));
      expect(s.fingerprint).toBe(h.fingerprint);
      expect(s.label).toBe(`${h.user}@${h.address}`);
      const r = await s.run(['printf', '%s|', "it's", '$(hostname)', 'a b']);
      expect(r).toEqual({ code: 0, stdout: "it's|$(hostname)|a b|", stderr: '' });
      s.close();
    }
  });

  it('asks about an unknown host key with the fingerprint ssh-keygen prints, and remembers it', async () => {
    const kh = join(tmp, 'kh-unknown');
    const asked: unknown[] = [];
    const policy: HostKeyPolicy = {
      knownHostsPath: kh,
      onUnknown: async (info) => {
        asked.push(info);
        return true;
      },
    };
    const s = await connect(keyTarget(A), policy);
    expect(asked).toEqual([{ host: A.address, port: 22, keyType: 'ssh-ed25519', fingerprint: await keygenFingerprint(A) }]);
    expect(s.fingerprint).toBe(await keygenFingerprint(A));
    expect(await readFile(kh, 'utf8')).toBe(`${A.address} ${A.hostKey}\n`);
    s.close();
    await connect(keyTarget(A), policy); // now known: not asked again
    expect(asked).toHaveLength(1);
  });

  it('refuses an unknown host key the user does not trust', async () => {
    const policy: HostKeyPolicy = { knownHostsPath: join(tmp, 'kh-refuse'), onUnknown: async () => false };
    await expect(connect(keyTarget(A), policy)).rejects.toMatchObject({ name: 'HostKeyRejectedError' });
  });

  it('refuses a changed host key with HostKeyMismatchError naming host and both fingerprints', async () => {
    const kh = join(tmp, 'kh-changed');
    await writeFile(kh, `${A.address} ${B.hostKey}\n`); // B's key filed under A's address
    let asked = false;
    const err = await connect(keyTarget(A), {
      knownHostsPath: kh,
      onUnknown: async () => {
        asked = true;
        return true;
      },
    }).then(notExpected, (e: unknown) => e as Error);
    expect(err).toMatchObject({ name: 'HostKeyMismatchError' });
    expect(err.message).toContain(A.address);
    expect(err.message).toContain(B.fingerprint); // expected (on file)
    expect(err.message).toContain(A.fingerprint); // presented
    expect(asked).toBe(false);
  });

  it('accepts hashed known_hosts entries (ssh-keygen -H)', async () => {
    const kh = join(tmp, 'kh-hashed');
    await writeFile(kh, `${A.address} ${A.hostKey}\n`);
    await run('ssh-keygen', ['-H', '-f', kh]);
    expect(await readFile(kh, 'utf8')).toMatch(/^\|1\|/);
    const s = await connect(keyTarget(A), labKeysAt(kh));
    expect(s.fingerprint).toBe(A.fingerprint);
  });

  it('honours ~/.ssh/config: Host alias, HostName, User, IdentityFile', async () => {
    const cfg = join(tmp, 'ssh_config');
    await writeFile(cfg, `Host lab-a-alias\n  HostName ${A.address}\n  User ${A.user}\n  IdentityFile ${A.keyPath}\n`);
    const saved = process.env.SSH_AUTH_SOCK;
    delete process.env.SSH_AUTH_SOCK; // agent auth falls through to the config's IdentityFile
    try {
      const s = await SshSession.connect({ host: 'lab-a-alias', auth: { kind: 'agent' } }, { hostKeys: labKeys(), sshConfigPath: cfg });
      sessions.push(s);
      expect(s.label).toBe(`${A.user}@${A.address}`);
      expect((await s.run(['true'])).code).toBe(0);
    } finally {
      if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved;
    }
  });

  it('reaches B through A with ProxyJump (one TCP connection, tunnelled)', async () => {
    const s = await connect(keyTarget(B, { proxyJump: `${A.user}@${A.address}` }));
    expect(s.fingerprint).toBe(B.fingerprint);
    expect(s.localPort).toBeUndefined(); // no socket of its own: it runs inside A's forward
    const { stdout } = await s.run(['hostname']);
    const { stdout: expected } = await labSh(['exec', 'B', 'hostname']);
    expect(stdout.trim()).toBe(expected.trim());
  });

  it('reports a wrong key clearly', async () => {
    const err = await connect({ ...keyTarget(A), auth: { kind: 'key', path: join(tmp, 'missing-key') } }).then(
      notExpected,
      (e: unknown) => e as Error,
    );
    expect(err).toMatchObject({ name: 'AuthError' });
    expect(err.message).toMatch(/^Authentication failed for root@10\.203\.0\.1: cannot read the key .*missing-key: ENOENT$/);
  });

  it('shares one SSH session between a libvirt channel and a TCP forward', async () => {
    const mine = async (): Promise<string[]> => {
      const { stdout } = await run('ss', ['-tnpH', 'state', 'established', 'dst', `${A.address}:22`]);
      return stdout.split('\n').filter((l) => l.includes(`pid=${process.pid},`));
    };
    const s = await connect(keyTarget(A));
    const before = await mine();
    expect(before.some((l) => l.includes(`:${s.localPort} `))).toBe(true);
    const conn = await LibvirtConnection.open({ label: 'A', uri: A.uri, channel: () => s.openLibvirtChannel(A.uri) });
    // a forward to the host's own sshd stands in for a VNC port
    const fwd = await s.forwardOut('127.0.0.1', 22);
    const banner = await new Promise<string>((resolve) => fwd.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
    expect(banner).toMatch(/^SSH-2\.0-/);
    expect(await conn.rpc.call(59, null, (r) => r.string())).toBeTruthy();
    // Both ride the session's one TCP connection: no new connection from this process.
    expect((await mine()).length).toBe(before.length);
    fwd.destroy();
    await conn.close();
    expect(s.isOpen).toBe(true); // closing the libvirt connection leaves the SSH session up
  });
});

describe('password logins', () => {
  const pw = (): LabHost['password'] => A.password;

  it('logs in with the right password', async () => {
    const p = pw();
    if (!p) throw new Error('the lab has no password account (lab.json hosts[0].password): lab.sh up creates one');
    const s = await connect({ host: A.address, user: p.user, auth: { kind: 'password', password: p.password } });
    expect((await s.run(['id', '-un'])).stdout.trim()).toBe(p.user);
  });

  it('asks through onPrompt when no password is given', async () => {
    const p = pw();
    if (!p) throw new Error('the lab has no password account (lab.json hosts[0].password)');
    const prompts: string[] = [];
    const s = await connect({ host: A.address, user: p.user, auth: { kind: 'password' } }, labKeys(), {
      onPrompt: async (req) => {
        prompts.push(`${req.kind}:${req.prompts.map((x) => x.prompt).join('|')}`);
        return req.prompts.map(() => p.password);
      },
    });
    expect(prompts.length).toBeGreaterThanOrEqual(1);
    expect(s.isOpen).toBe(true);
  });

  it('gives AuthError for a wrong password', async () => {
    const p = pw();
    if (!p) throw new Error('the lab has no password account (lab.json hosts[0].password)');
    const err = await connect({ host: A.address, user: p.user, auth: { kind: 'password', password: 'definitely-wrong' } }).then(
      notExpected,
      (e: unknown) => e as Error,
    );
    expect(err).toMatchObject({ name: 'AuthError' });
    expect(err.message).toMatch(new RegExp(`^Authentication failed for ${p.user}@${A.address.replace(/\./g, '\\.')}: `));
  });

  it('says "cancelled" when the user dismisses the prompt', async () => {
    const p = pw();
    if (!p) throw new Error('the lab has no password account (lab.json hosts[0].password)');
    const err = await connect({ host: A.address, user: p.user, auth: { kind: 'password' } }, labKeys(), {
      onPrompt: async () => null,
    }).then(notExpected, (e: unknown) => e as Error);
    expect(err).toMatchObject({ name: 'AuthError', cancelled: true });
  });
});

function notExpected(s: SshSession): never {
  s.close();
  throw new Error('connected, but a failure was expected');
}

function labKeysAt(path: string): HostKeyPolicy {
  return { ...labKeys(), knownHostsPath: path };
}
