// OpenSSH known_hosts: reading (plain, wildcard and hashed host patterns, @revoked), matching a
// presented host key, and appending a newly trusted key the way `ssh` would write it, so the
// user's own ssh and Vireo trust the same keys.
import { createHash, createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface KnownHostEntry {
  marker: 'revoked' | 'cert-authority' | null;
  /** The raw host field: `a,b,[c]:2222` or `|1|salt|hash`. */
  hosts: string;
  keyType: string;
  /** The key blob (what `ssh-keygen -lf` hashes). */
  key: Buffer;
  line: number;
}

export type HostKeyVerdict =
  | { status: 'known' }
  | { status: 'unknown' }
  | { status: 'revoked' }
  /** The host is known with other keys: a changed key (or a man in the middle). */
  | { status: 'mismatch'; expected: { keyType: string; fingerprint: string }[] };

/** `SHA256:` + unpadded base64 of the key blob's SHA-256, as OpenSSH prints it. */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type is the first SSH string inside the blob ('ssh-ed25519', 'ssh-rsa' …). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const n = keyBlob.readUInt32BE(0);
  if (n > 64 || 4 + n > keyBlob.length) return 'unknown';
  return keyBlob.subarray(4, 4 + n).toString('latin1');
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const out: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift();
      if (m === '@revoked') marker = 'revoked';
      else if (m === '@cert-authority') marker = 'cert-authority';
      else return; // an unknown marker: ignore the line, as ssh does
    }
    const [hosts, keyType, b64] = fields;
    if (!hosts || !keyType || !b64) return;
    const key = Buffer.from(b64, 'base64');
    if (key.length === 0) return;
    out.push({ marker, hosts, keyType, key, line: i + 1 });
  });
  return out;
}

/** The name under which ssh files a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globToRegExp(glob: string): RegExp {
  const esc = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${esc}$`, 'i');
}

/** Does an entry's host field name this host? Handles hashes, lists, wildcards and negation. */
export function hostFieldMatches(field: string, host: string, port: number): boolean {
  const name = knownHostName(host, port);
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    const h = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return h === hash;
  }
  let matched = false;
  for (const pat of field.split(',')) {
    const negated = pat.startsWith('!');
    const p = negated ? pat.slice(1) : pat;
    if (globToRegExp(p).test(name)) {
      if (negated) return false; // a negated match wins over everything
      matched = true;
    }
  }
  return matched;
}

export function checkHostKey(entries: readonly KnownHostEntry[], host: string, port: number, keyBlob: Buffer): HostKeyVerdict {
  const mine = entries.filter((e) => e.marker !== 'cert-authority' && hostFieldMatches(e.hosts, host, port));
  if (mine.some((e) => e.marker === 'revoked' && e.key.equals(keyBlob))) return { status: 'revoked' };
  const plain = mine.filter((e) => e.marker === null);
  if (plain.some((e) => e.key.equals(keyBlob))) return { status: 'known' };
  if (plain.length === 0) return { status: 'unknown' };
  // We put the known key types first when negotiating (see preferredHostKeyAlgorithms), so a
  // key we do not have on file means the host's key changed: refuse, as ssh does.
  return { status: 'mismatch', expected: plain.map((e) => ({ keyType: e.keyType, fingerprint: fingerprintOf(e.key) })) };
}

/** Key types on file for this host, for ordering the host key algorithms offered. */
export function knownKeyTypes(entries: readonly KnownHostEntry[], host: string, port: number): string[] {
  const types = entries.filter((e) => e.marker === null && hostFieldMatches(e.hosts, host, port)).map((e) => e.keyType);
  return [...new Set(types)];
}

export async function readKnownHosts(path: string): Promise<KnownHostEntry[]> {
  try {
    return parseKnownHosts(await readFile(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Appends `host keytype base64` (plain, like ssh with HashKnownHosts no). */
export async function appendKnownHost(path: string, host: string, port: number, keyBlob: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  let prefix = '';
  try {
    const cur = await readFile(path, 'utf8');
    if (cur.length > 0 && !cur.endsWith('\n')) prefix = '\n';
  } catch {
    // new file
  }
  await appendFile(path, `${prefix}${knownHostName(host, port)} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}\n`, {
    mode: 0o600,
  });
}
