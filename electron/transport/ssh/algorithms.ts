// Host key algorithms: the types we already know for a host first, so a host with several keys
// presents the one on file (as OpenSSH does) and "unknown type" really means "changed".
import type { ServerHostKeyAlgorithm } from 'ssh2';

const ALGOS_FOR_TYPE: Record<string, ServerHostKeyAlgorithm[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  // An RSA key signs with SHA-2 only: 'ssh-rsa' as an algorithm means SHA-1 signatures, which
  // OpenSSH stopped accepting in 8.8.
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256'],
};
const DEFAULT_HOST_KEY_ALGOS: ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];

/** The host key algorithms offered, most wanted first; never SHA-1 ('ssh-rsa') or DSA. */
export function preferredHostKeyAlgorithms(knownTypes: readonly string[]): ServerHostKeyAlgorithm[] {
  const first = knownTypes.flatMap((t) => ALGOS_FOR_TYPE[t] ?? []);
  return [...new Set([...first, ...DEFAULT_HOST_KEY_ALGOS])];
}
