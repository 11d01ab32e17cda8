import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendKnownHost,
  checkHostKey,
  fingerprintOf,
  hostFieldMatches,
  keyTypeOf,
  knownKeyTypes,
  parseHostPublicKey,
  parseKnownHosts,
  readKnownHosts,
  trustHostKey,
} from './known-hosts';

// Real keys of the lab hosts; fingerprints and hashed lines as printed by `ssh-keygen -lf` / `-H`.
const KEY_A = 'AAAAC3NzaC1lZDI1NTE5AAAAIHoiakrvPZ6AT8+MXhHdoK3zJRWoiDnxckDS73iDgQG1';
const KEY_B = 'AAAAC3NzaC1lZDI1NTE5AAAAIHigjL8pNu1HugduBXM1N0BWiSsN7eLKu3y1FH48+hox';
const FP_A = 'SHA256:w02dek6nIuSkY1oV67jlKf/XLUD7SNigWjYaoWecmlg';
const FP_B = 'SHA256:E9NxYKmWJr+KeyaLeKZHr52IA/5OXt7IJLagMzlTZt0';
const HASHED = [
  `|1|ws6YX/Vz9p8Flybc3c8KT8HF5uQ=|ODR8FDIqByBo3ggAo+lHu+pbp0o= ssh-ed25519 ${KEY_A}`, // 10.203.0.1
  `|1|KDxaCGaPs+Na1lqBu7N43xQoNck=|I7Lh1aSw/ADNkVJDWdtBnruDWMU= ssh-ed25519 ${KEY_B}`, // [lab-b.example]:2222
].join('\n');
const blob = (b64: string): Buffer => Buffer.from(b64, 'base64');

describe('host key fingerprints', () => {
  it('match ssh-keygen -lf', () => {
    expect(fingerprintOf(blob(KEY_A))).toBe(FP_A);
    expect(fingerprintOf(blob(KEY_B))).toBe(FP_B);
    expect(keyTypeOf(blob(KEY_A))).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.alloc(2))).toBe('unknown');
  });
});

describe('known_hosts matching', () => {
  it('matches hashed entries written by ssh-keygen -H, including [host]:port', () => {
    const e = parseKnownHosts(HASHED);
    expect(checkHostKey(e, '10.203.0.1', 22, blob(KEY_A))).toEqual({ status: 'known' });
    expect(checkHostKey(e, 'lab-b.example', 2222, blob(KEY_B))).toEqual({ status: 'known' });
    expect(checkHostKey(e, 'lab-b.example', 22, blob(KEY_B))).toEqual({ status: 'unknown' });
    expect(checkHostKey(e, '10.203.0.9', 22, blob(KEY_A))).toEqual({ status: 'unknown' });
  });

  it('reports a changed key with the fingerprints on file', () => {
    const e = parseKnownHosts(`10.203.0.1 ssh-ed25519 ${KEY_A}`);
    expect(checkHostKey(e, '10.203.0.1', 22, blob(KEY_B))).toEqual({
      status: 'mismatch',
      expected: [{ keyType: 'ssh-ed25519', fingerprint: FP_A }],
    });
  });

  it('handles lists, wildcards, negation, comments, markers', () => {
    const e = parseKnownHosts(
      [
        '# comment',
        '',
        `lab-a,10.203.0.1 ssh-ed25519 ${KEY_A} root@lab-a`,
        `*.lab,!bad.lab ssh-ed25519 ${KEY_B}`,
        `@revoked 10.203.0.5 ssh-ed25519 ${KEY_A}`,
        `@cert-authority *.example ssh-ed25519 ${KEY_B}`,
        '@weird x ssh-ed25519 AAAA',
        'garbage',
      ].join('\n'),
    );
    expect(e).toHaveLength(4);
    expect(checkHostKey(e, 'LAB-A', 22, blob(KEY_A)).status).toBe('known');
    expect(checkHostKey(e, 'x.lab', 22, blob(KEY_B)).status).toBe('known');
    expect(checkHostKey(e, 'bad.lab', 22, blob(KEY_B)).status).toBe('unknown');
    expect(checkHostKey(e, '10.203.0.5', 22, blob(KEY_A)).status).toBe('revoked');
    // a CA line is not a host key
    expect(checkHostKey(e, 'h.example', 22, blob(KEY_B)).status).toBe('unknown');
    expect(hostFieldMatches('[h]:2222', 'h', 2222)).toBe(true);
    expect(hostFieldMatches('h', 'h', 2222)).toBe(false);
    expect(knownKeyTypes(e, 'lab-a', 22)).toEqual(['ssh-ed25519']);
  });

  it('appends in the plain OpenSSH form and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vireo-kh-'));
    const path = join(dir, 'sub', 'known_hosts');
    expect(await readKnownHosts(path)).toEqual([]);
    await appendKnownHost(path, '10.203.0.1', 22, blob(KEY_A));
    await writeFile(path, `${await readFile(path, 'utf8')}# no newline at end`);
    await appendKnownHost(path, 'lab-b', 2222, blob(KEY_B));
    const text = await readFile(path, 'utf8');
    expect(text).toBe(`10.203.0.1 ssh-ed25519 ${KEY_A}\n# no newline at end\n[lab-b]:2222 ssh-ed25519 ${KEY_B}\n`);
    const e = await readKnownHosts(path);
    expect(checkHostKey(e, 'lab-b', 2222, blob(KEY_B)).status).toBe('known');
  });
});

describe('trusting a host key given as text (h3)', () => {
  const fresh = async (content = '') => {
    const path = join(await mkdtemp(join(tmpdir(), 'vireo-kh-h3-')), 'known_hosts');
    if (content) await writeFile(path, content);
    return path;
  };

  it('h3 a hostKey with a newline and `* ssh-ed25519 AAAA…` is refused and known_hosts gains no line', async () => {
    const path = await fresh(`10.203.0.9 ssh-ed25519 ${KEY_A}\n`);
    const planted = `ssh-ed25519 ${KEY_A}\n* ssh-ed25519 ${KEY_B}`;
    await expect(trustHostKey(path, '10.203.0.1', 22, planted)).rejects.toMatchObject({ code: 'invalid-host-key' });
    await expect(trustHostKey(path, '10.203.0.1', 22, `ssh-ed25519 ${KEY_A}\r* ssh-ed25519 ${KEY_B}`)).rejects.toThrow(/several lines/);
    expect(await readFile(path, 'utf8')).toBe(`10.203.0.9 ssh-ed25519 ${KEY_A}\n`);
    // The planted wildcard would have made B's key "known" for every host.
    expect(checkHostKey(await readKnownHosts(path), 'mitm.example', 22, blob(KEY_B)).status).toBe('unknown');
  });

  it('h3 a host pattern other than one plain host is refused (wildcards, lists, negation, hashes, spaces)', async () => {
    const path = await fresh();
    for (const host of ['*', '*.lab', 'a,b', '!x', '|1|abc|def', 'a b', 'a\nb', '[a]:22', '', 'h?st']) {
      await expect(appendKnownHost(path, host, 22, blob(KEY_A)), host).rejects.toMatchObject({ code: 'invalid-host-key' });
      await expect(trustHostKey(path, host, 22, `ssh-ed25519 ${KEY_A}`), host).rejects.toMatchObject({ code: 'invalid-host-key' });
    }
    await expect(appendKnownHost(path, 'h', 0, blob(KEY_A))).rejects.toThrow(/port 0/);
    expect(await readKnownHosts(path)).toEqual([]);
  });

  it('h3 a bad key type or bad base64 is refused', async () => {
    const path = await fresh();
    const bad = [
      `ssh-dss ${KEY_A}`, // not on the allow-list
      `ssh-ed25519-cert-v01@openssh.com ${KEY_A}`,
      `* ${KEY_A}`,
      `ssh-ed25519 ${KEY_A.slice(0, -1)}`, // not a multiple of 4
      `ssh-ed25519 ${KEY_A.replace('+', '-')}`, // url-safe alphabet
      `ssh-ed25519 ${KEY_A}==`,
      'ssh-ed25519 AAAA*',
      'ssh-ed25519',
      `ssh-rsa ${KEY_A}`, // the blob holds an ed25519 key
      `ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from('ssh-dss'), Buffer.alloc(8)]).toString('base64')}`,
    ];
    for (const key of bad) {
      expect(() => parseHostPublicKey(key), key).toThrow(/Refusing to trust/);
      await expect(trustHostKey(path, '10.203.0.1', 22, key), key).rejects.toMatchObject({ code: 'invalid-host-key' });
    }
    // appendKnownHost (the first-connect prompt's writer) checks the blob's type too.
    await expect(appendKnownHost(path, '10.203.0.1', 22, Buffer.from('not a key'))).rejects.toMatchObject({ code: 'invalid-host-key' });
    expect(await readKnownHosts(path)).toEqual([]);
    expect(parseHostPublicKey(`ssh-ed25519 ${KEY_A} root@lab-a\n`)).toEqual({ keyType: 'ssh-ed25519', key: blob(KEY_A) });
  });

  it('h3 the changed-key refusal still holds after trusting a key', async () => {
    const path = await fresh();
    expect(await trustHostKey(path, '10.203.0.1', 22, `ssh-ed25519 ${KEY_A}`)).toBe('added');
    expect(await trustHostKey(path, '10.203.0.1', 22, `ssh-ed25519 ${KEY_A} again`)).toBe('present');
    expect(await trustHostKey(path, '10.203.0.1', 2222, `ssh-ed25519 ${KEY_B}`)).toBe('added');
    expect(await readFile(path, 'utf8')).toBe(`10.203.0.1 ssh-ed25519 ${KEY_A}\n[10.203.0.1]:2222 ssh-ed25519 ${KEY_B}\n`);
    await expect(trustHostKey(path, '10.203.0.1', 22, `ssh-ed25519 ${KEY_B}`)).rejects.toMatchObject({ code: 'host-key-changed' });
    const e = await readKnownHosts(path);
    expect(checkHostKey(e, '10.203.0.1', 22, blob(KEY_B))).toEqual({
      status: 'mismatch',
      expected: [{ keyType: 'ssh-ed25519', fingerprint: FP_A }],
    });
    expect(e).toHaveLength(2);
  });
});
