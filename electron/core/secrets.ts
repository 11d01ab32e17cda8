/**
 * Passwords in the desktop app: encrypted by the OS keychain through Electron's safeStorage, only
 * ciphertext on disk. Where there is no real keychain — Linux without a secret service, where
 * safeStorage falls back to `basic_text` (a fixed, public key: plain text in effect) — nothing is
 * written: the password is kept in memory until the app quits, and the UI says so.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SecretPlacement, StartupWarning } from '../../shared/api';
import { readJsonFile, type SecretStore, setAside } from './store';

/** The part of Electron's safeStorage we use (injected, so it is testable without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: the backend safeStorage chose ('basic_text' = no keychain). */
  getSelectedStorageBackend?(): string;
}

/** Linux backends that really encrypt with a key the OS keeps; anything else is not a keychain. */
const KEYCHAIN_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

const SecretsFile = z.record(z.string(), z.string());

export class SafeStorageSecrets implements SecretStore {
  readonly kind = 'os';
  readonly warnings: StartupWarning[] = [];
  private readonly file: string;
  private data: Record<string, string>;
  /** Secrets we could not put on disk safely: for this run only. */
  private session = new Map<string, string>();

  constructor(
    dir: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = join(dir, 'secrets.json');
    this.data = {};
    if (existsSync(this.file)) {
      const read = readJsonFile(this.file, SecretsFile);
      if (read.ok) this.data = read.value;
      else this.warnings.push(setAside(this.file, 'secrets-file-corrupt', 'saved passwords', read.why));
    }
  }

  placement(): SecretPlacement {
    if (!this.safeStorage.isEncryptionAvailable())
      return { where: 'session', why: 'No OS keychain is available, so the password is kept in memory only until Vireo quits.' };
    if (this.platform === 'linux') {
      const backend = this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (!KEYCHAIN_BACKENDS.has(backend))
        return {
          where: 'session',
          why:
            `No keychain (Secret Service or KWallet) is running, so Electron would store passwords as plain text (its "${backend}" backend): ` +
            'Vireo keeps the password in memory only until it quits. Start gnome-keyring or KWallet to save passwords.',
        };
    }
    return { where: 'os' };
  }

  get(key: string): string | undefined {
    const mine = this.session.get(key);
    if (mine !== undefined) return mine;
    const v = this.data[key];
    return v === undefined ? undefined : this.safeStorage.decryptString(Buffer.from(v, 'base64'));
  }

  set(key: string, secret: string): SecretPlacement['where'] {
    if (this.placement().where === 'session') {
      this.session.set(key, secret);
      if (key in this.data) {
        delete this.data[key];
        this.flush();
      }
      return 'session';
    }
    this.session.delete(key);
    this.data[key] = this.safeStorage.encryptString(secret).toString('base64');
    this.flush();
    return 'os';
  }

  delete(key: string): void {
    this.session.delete(key);
    if (!(key in this.data)) return;
    delete this.data[key];
    this.flush();
  }

  stored(key: string): SecretPlacement['where'] | undefined {
    if (this.session.has(key)) return 'session';
    return key in this.data ? 'os' : undefined;
  }

  private flush(): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileSync(this.file, JSON.stringify(this.data), { mode: 0o600 });
  }
}
