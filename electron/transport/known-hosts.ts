// OpenSSH known_hosts: reading (plain, wildcard and hashed host patterns, @revoked), matching a
// presented host key, and appending a newly trusted key the way `ssh` would write it, so the
// user's own ssh and Vireo trust the same keys.
import { createHash, createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';

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

/**
 * Host key types Vireo writes to known_hosts: the ones sshd offers and we negotiate
 * (certificates and security-key types are not host keys we trust on first use).
 */
export const HOST_KEY_TYPES: readonly string[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
];

/** A hostname or IP literal: no wildcard, list, negation, hash, bracket, space or newline. */
const HOST_NAME_RE = /^[A-Za-z0-9:][A-Za-z0-9.:_-]{0,252}$/;

/**
 * The one host pattern a trusted key is filed under: `host` on port 22, `[host]:port` otherwise.
 * Anything that would make the line match other hosts (`*`, `?`, `,`, `!`, `|1|`, whitespace) is refused.
 */
export function knownHostPattern(host: string, port: number): string {
  if (!HOST_NAME_RE.test(host))
    throw new AppError(
      'invalid-host-key',
      `Refusing to trust a host key for ${JSON.stringify(host)}: not a plain host name or IP address`,
      'known_hosts entries are written for exactly one host; wildcards, lists and line breaks are not accepted.',
    );
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new AppError('invalid-host-key', `Refusing to trust a host key for ${host}: port ${port} is not 1-65535`);
  return knownHostName(host, port);
}

/** Checks a key blob before it is trusted: an allowed type, and the type inside the blob is the one named. */
function checkKeyBlob(keyBlob: Buffer, named?: string): string {
  const inner = keyTypeOf(keyBlob);
  if (!HOST_KEY_TYPES.includes(inner))
    throw new AppError(
      'invalid-host-key',
      `Refusing to trust a host key of type ${JSON.stringify(named ?? inner)}`,
      `Only ${HOST_KEY_TYPES.join(', ')} host keys are accepted.`,
    );
  if (named !== undefined && named !== inner)
    throw new AppError('invalid-host-key', `Refusing to trust a host key that says ${named} but holds a ${JSON.stringify(inner)} key`);
  return inner;
}

/**
 * Parses one public key as `ssh-keyscan` or a `.pub` file prints it: `type base64 [comment]` on
 * one line. The type must be on the allow-list and the base64 canonical and hold a key of that type.
 */
export function parseHostPublicKey(text: string): { keyType: string; key: Buffer } {
  const line = text.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(line.replace(/\t/g, ' ')))
    throw new AppError(
      'invalid-host-key',
      'Refusing to trust a host key that spans several lines or holds control characters',
      'A host key is one line: `ssh-ed25519 AAAA…`.',
    );
  const [keyType = '', b64 = ''] = line.split(/[ \t]+/);
  if (!HOST_KEY_TYPES.includes(keyType))
    throw new AppError(
      'invalid-host-key',
      `Refusing to trust a host key of type ${JSON.stringify(keyType)}`,
      `Only ${HOST_KEY_TYPES.join(', ')} host keys are accepted.`,
    );
  const key = Buffer.from(b64, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0 || key.toString('base64') !== b64)
    throw new AppError('invalid-host-key', `Refusing to trust a ${keyType} host key whose key is not valid base64`);
  checkKeyBlob(key, keyType);
  return { keyType, key };
}

/**
 * Appends `host keytype base64` (plain, like ssh with HashKnownHosts no): exactly one line for
 * exactly one host, or an error when the host or the key is not acceptable.
 */
export async function appendKnownHost(path: string, host: string, port: number, keyBlob: Buffer): Promise<void> {
  const pattern = knownHostPattern(host, port);
  const keyType = checkKeyBlob(keyBlob);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  let prefix = '';
  try {
    const cur = await readFile(path, 'utf8');
    if (cur.length > 0 && !cur.endsWith('\n')) prefix = '\n';
  } catch {
    // new file
  }
  await appendFile(path, `${prefix}${pattern} ${keyType} ${keyBlob.toString('base64')}\n`, {
    mode: 0o600,
  });
}

/**
 * Trusts a host key given as text (`ssh-ed25519 AAAA…`, e.g. published by the host's admin), as
 * accepting the first-connect prompt would. Nothing is written when that key is already on file;
 * a host known with another key is refused, exactly as a connection would refuse it.
 */
export async function trustHostKey(path: string, host: string, port: number, publicKey: string): Promise<'added' | 'present'> {
  const { key } = parseHostPublicKey(publicKey);
  knownHostPattern(host, port);
  const verdict = checkHostKey(await readKnownHosts(path), host, port, key);
  if (verdict.status === 'known') return 'present';
  if (verdict.status === 'revoked')
    throw new AppError('host-key-revoked', `The host key of ${knownHostName(host, port)} (${fingerprintOf(key)}) is @revoked in ${path}`);
  if (verdict.status === 'mismatch')
    throw new AppError(
      'host-key-changed',
      `${path} already has another key for ${knownHostName(host, port)}: ${verdict.expected.map((e) => `${e.keyType} ${e.fingerprint}`).join(', ')}`,
      `If the host was really reinstalled, remove the old key first: ssh-keygen -R '${knownHostName(host, port)}' -f '${path}'`,
    );
  await appendKnownHost(path, host, port, key);
  return 'added';
}

/**
 * Removes the keys with these fingerprints filed for exactly this host (plain or hashed host
 * field naming it), as `ssh-keygen -R` would for those keys only; every other line stays byte for
 * byte. Returns how many lines went. An entry that also names other hosts is left alone (it is
 * not only this host's) and counted as kept.
 */
export async function forgetHostKeys(
  path: string,
  host: string,
  port: number,
  fingerprints: readonly string[],
): Promise<{ removed: number; kept: number }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { removed: 0, kept: 0 };
  }
  const entries = parseKnownHosts(text);
  const drop = new Set<number>();
  let kept = 0;
  for (const e of entries) {
    if (e.marker !== null || !fingerprints.includes(fingerprintOf(e.key)) || !hostFieldMatches(e.hosts, host, port)) continue;
    if (e.hosts.includes(',')) kept++;
    else drop.add(e.line);
  }
  if (drop.size === 0) return { removed: 0, kept };
  const lines = text.split('\n');
  const rest = lines.filter((_, i) => !drop.has(i + 1));
  await writeFile(path, rest.join('\n'), { mode: 0o600 });
  return { removed: drop.size, kept };
}
