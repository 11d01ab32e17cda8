import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackend } from '../backend';
import { type SafeStorageLike, SafeStorageSecrets } from './secrets';

/** A safeStorage stand-in: reversible "encryption" that never leaves the plain text visible. */
function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike & { encryptString: ReturnType<typeof vi.fn> } {
  const s = {
    isEncryptionAvailable: () => available,
    encryptString: vi.fn((t: string) => Buffer.from(`enc:${Buffer.from(t).toString('hex')}`)),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'hex').toString(),
  };
  return backend === undefined ? s : { ...s, getSelectedStorageBackend: () => backend };
}
const dir = () => mkdtempSync(join(tmpdir(), 'vireo-secrets-'));

describe('saved passwords need a real OS keychain (m4)', () => {
  it('m4 basic_text on Linux is not encryption: the password is kept in memory only and the reason says so', () => {
    const d = dir();
    const ss = fakeSafeStorage('basic_text');
    const secrets = new SafeStorageSecrets(d, ss, 'linux');
    expect(secrets.placement()).toMatchObject({ where: 'session', why: expect.stringMatching(/plain text.*basic_text.*memory only/) });
    expect(secrets.set('lab-a', 'hunter2')).toBe('session');
    expect(secrets.get('lab-a')).toBe('hunter2');
    expect(secrets.stored('lab-a')).toBe('session');
    expect(ss.encryptString).not.toHaveBeenCalled();
    expect(existsSync(join(d, 'secrets.json'))).toBe(false);
    // Nothing of it survives a restart.
    expect(new SafeStorageSecrets(d, ss, 'linux').get('lab-a')).toBeUndefined();
  });

  it('m4 no encryption at all, or an unknown Linux backend, keeps passwords off the disk too', () => {
    for (const [ss, platform] of [
      [fakeSafeStorage('gnome_libsecret', false), 'linux'],
      [fakeSafeStorage('unknown'), 'linux'],
      [fakeSafeStorage(undefined), 'linux'],
      [fakeSafeStorage(undefined, false), 'darwin'],
    ] as const) {
      const d = dir();
      const secrets = new SafeStorageSecrets(d, ss, platform);
      expect(secrets.set('h', 'pw')).toBe('session');
      expect(secrets.placement().why).toBeTruthy();
      expect(existsSync(join(d, 'secrets.json'))).toBe(false);
    }
  });

  it('m4 a real keychain (libsecret, KWallet; macOS, Windows) saves ciphertext only', () => {
    for (const [backend, platform] of [
      ['gnome_libsecret', 'linux'],
      ['kwallet6', 'linux'],
      [undefined, 'darwin'],
      [undefined, 'win32'],
    ] as const) {
      const d = dir();
      const secrets = new SafeStorageSecrets(d, fakeSafeStorage(backend), platform);
      expect(secrets.placement()).toEqual({ where: 'os' });
      expect(secrets.set('h', 'hunter2')).toBe('os');
      expect(secrets.stored('h')).toBe('os');
      expect(readFileSync(join(d, 'secrets.json'), 'utf8')).not.toContain('hunter2');
      expect(new SafeStorageSecrets(d, fakeSafeStorage(backend), platform).get('h')).toBe('hunter2');
    }
  });

  it('m4 a password saved earlier leaves the disk when it is set again without a keychain', () => {
    const d = dir();
    new SafeStorageSecrets(d, fakeSafeStorage('gnome_libsecret'), 'linux').set('h', 'old');
    const now = new SafeStorageSecrets(d, fakeSafeStorage('basic_text'), 'linux');
    expect(now.stored('h')).toBe('os');
    expect(now.set('h', 'new')).toBe('session');
    expect(now.get('h')).toBe('new');
    expect(JSON.parse(readFileSync(join(d, 'secrets.json'), 'utf8'))).toEqual({});
  });
});

describe('a corrupt secrets.json (low)', () => {
  it('low corrupt secrets.json: kept as secrets.json.corrupt-<time>, start with none, and say what was wrong', () => {
    for (const bad of ['{"h": "abc"', '["not", "a", "map"]', '{"h": 42}']) {
      const d = dir();
      writeFileSync(join(d, 'secrets.json'), bad);
      const err = vi.spyOn(console, 'error').mockImplementation(() => {});
      const secrets = new SafeStorageSecrets(d, fakeSafeStorage('gnome_libsecret'), 'linux');
      expect(secrets.get('h')).toBeUndefined();
      expect(secrets.warnings).toHaveLength(1);
      expect(secrets.warnings[0]?.code).toBe('secrets-file-corrupt');
      expect(secrets.warnings[0]?.message).toMatch(
        /saved passwords file could not be read.*secrets\.json is not (valid JSON|in the expected form)/,
      );
      const backups = readdirSync(d).filter((f) => f.startsWith('secrets.json.corrupt-'));
      expect(backups).toHaveLength(1);
      expect(readFileSync(join(d, backups[0] ?? ''), 'utf8')).toBe(bad);
      expect(secrets.warnings[0]?.hint).toContain(backups[0]);
      expect(err).toHaveBeenCalledWith(expect.stringContaining('secrets.json'));
      err.mockRestore();
      // The app goes on: a new password is saved in a fresh file.
      expect(secrets.set('h', 'pw')).toBe('os');
      expect(new SafeStorageSecrets(d, fakeSafeStorage('gnome_libsecret'), 'linux').get('h')).toBe('pw');
    }
  });
});

describe('adding a host with a password without a keychain (m4)', () => {
  it('m4 hosts.add says the password is kept for this run only, app.info says why, and nothing is on disk', async () => {
    const d = dir();
    const be = createBackend({ mode: 'electron', dataDir: d, secrets: new SafeStorageSecrets(d, fakeSafeStorage('basic_text'), 'linux') });
    try {
      const info = await be.dispatch('app.info', {});
      expect(info.ok && info.value).toMatchObject({ secrets: { where: 'session', why: expect.stringContaining('basic_text') } });
      const spec = {
        name: 'pw-host',
        transport: 'ssh',
        address: '10.203.0.1',
        user: 'root',
        auth: { kind: 'password', password: 'hunter2' },
      };
      const added = await be.dispatch('hosts.add', { spec, connect: false });
      expect(added.ok && added.value).toMatchObject({ spec: { name: 'pw-host', auth: { kind: 'password' } }, password: 'session' });
      expect(existsSync(join(d, 'secrets.json'))).toBe(false);
      for (const f of readdirSync(d)) expect(readFileSync(join(d, f), 'utf8')).not.toContain('hunter2');
    } finally {
      await be.close();
    }
  });
});
