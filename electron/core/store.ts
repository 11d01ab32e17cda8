/**
 * Persisted app data: saved hosts (never secrets) in a JSON file validated on load, and a
 * SecretStore that the Electron shell backs with safeStorage (web mode keeps secrets in memory).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { HostId, HostSpec, type SecretPlacement, type StartupWarning } from '../../shared/api';

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

/** A JSON file checked against its schema: the value, or why it could not be used. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; why: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, why: `not valid JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      why: `not in the expected form (${parsed.error.issues.map((i) => `${i.path.join('.') || 'top level'}: ${i.message}`).join('; ')})`,
    };
  return { ok: true, value: parsed.data };
}

/**
 * Renames an unusable data file to `<file>.corrupt-<timestamp>` (kept for the admin, never
 * overwritten), logs one line and returns the warning the UI shows at start.
 */
export function setAside(file: string, code: string, what: string, why: string, now = new Date()): StartupWarning {
  const backup = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, backup);
  const warning: StartupWarning = {
    code,
    message: `The ${what} file could not be read and was set aside: ${file} is ${why}`,
    hint: `Vireo started without it. The old file is kept as ${backup}; restore it from there or a backup if you need what it held.`,
  };
  console.error(`[store] ${warning.message}. ${warning.hint}`);
  return warning;
}

export class HostStore {
  private readonly file: string;
  constructor(readonly dir: string) {
    this.file = join(dir, 'hosts.json');
  }

  /** What load() found wrong (a corrupt file set aside), for the UI's start-up notice. */
  readonly warnings: StartupWarning[] = [];

  /** The saved hosts; a corrupt or invalid file is kept aside (never overwritten) and the app starts with none. */
  load(): SavedHost[] {
    if (!existsSync(this.file)) return [];
    const parsed = readJsonFile(this.file, StoreFile);
    if (!parsed.ok) {
      this.warnings.push(setAside(this.file, 'hosts-file-corrupt', 'saved hosts', parsed.why));
      return [];
    }
    return parsed.value.hosts;
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
  /** Keeps a secret: on disk encrypted by the OS keychain ('os'), or for this run only ('session'). */
  set(key: string, secret: string): SecretPlacement['where'];
  delete(key: string): void;
  /** Where the secret for key is kept now, if there is one. */
  stored(key: string): SecretPlacement['where'] | undefined;
  /** Where set() puts secrets now, and why not on disk. */
  placement(): SecretPlacement;
  /** 'memory' in web mode; 'os' when encrypted by the OS keychain (Electron safeStorage). */
  readonly kind: 'memory' | 'os';
  /** What was wrong at start (a corrupt secrets file set aside). */
  readonly warnings?: readonly StartupWarning[];
}

export class MemorySecrets implements SecretStore {
  readonly kind = 'memory';
  private map = new Map<string, string>();
  get(key: string) {
    return this.map.get(key);
  }
  set(key: string, secret: string) {
    this.map.set(key, secret);
    return 'session' as const;
  }
  delete(key: string) {
    this.map.delete(key);
  }
  stored(key: string) {
    return this.map.has(key) ? ('session' as const) : undefined;
  }
  placement(): SecretPlacement {
    return { where: 'session', why: 'The web mode keeps passwords in memory only, until the backend stops.' };
  }
}
