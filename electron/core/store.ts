/**
 * Persisted app data: saved hosts (never secrets) in a JSON file validated on load, and a
 * SecretStore that the Electron shell backs with safeStorage (web mode keeps secrets in memory).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { HostId, HostSpec } from '../../shared/api';

const SavedHost = z.object({ id: HostId, spec: HostSpec });
const StoreFile = z.object({ version: z.literal(1), hosts: z.array(SavedHost) });
export type SavedHost = z.infer<typeof SavedHost>;

export function defaultDataDir(): string {
  return process.env.VIREO_DATA_DIR ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'vireo');
}

/** Vireo's own known_hosts (OpenSSH format) in a data dir. */
export function knownHostsFile(dataDir: string): string {
  return join(dataDir, 'known_hosts');
}

export class HostStore {
  private readonly file: string;
  constructor(readonly dir: string) {
    this.file = join(dir, 'hosts.json');
  }

  load(): SavedHost[] {
    if (!existsSync(this.file)) return [];
    const raw: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
    const parsed = StoreFile.safeParse(raw);
    if (!parsed.success) {
      // Keep the unreadable file for the admin instead of overwriting it.
      renameSync(this.file, `${this.file}.invalid-${Date.now()}`);
      console.error(`[store] ${this.file} was invalid and has been set aside: ${parsed.error.message}`);
      return [];
    }
    return parsed.data.hosts;
  }

  save(hosts: SavedHost[]): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const clean = hosts.map((h) => ({
      id: h.id,
      // Never write a password to disk in plain text; secrets live in the SecretStore.
      spec: h.spec.auth?.kind === 'password' ? { ...h.spec, auth: { kind: 'password' as const } } : h.spec,
    }));
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, hosts: clean }, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

export interface SecretStore {
  get(key: string): string | undefined;
  set(key: string, secret: string): void;
  delete(key: string): void;
  /** 'memory' in web mode; 'os' when encrypted by the OS keychain (Electron safeStorage). */
  readonly kind: 'memory' | 'os';
}

export class MemorySecrets implements SecretStore {
  readonly kind = 'memory';
  private map = new Map<string, string>();
  get(key: string) {
    return this.map.get(key);
  }
  set(key: string, secret: string) {
    this.map.set(key, secret);
  }
  delete(key: string) {
    this.map.delete(key);
  }
}
