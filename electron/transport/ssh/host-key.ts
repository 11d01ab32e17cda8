// Host key verification during the handshake: known_hosts decides; an unknown key goes to the
// caller's policy (trust and append, or refuse). A refusal is kept as the error the connect fails with.
import type { HostVerifier } from 'ssh2';
import { appendKnownHost, checkHostKey, fingerprintOf, type KnownHostEntry, keyTypeOf } from '../known-hosts';
import { HostKeyMismatchError, HostKeyRejectedError } from './errors';
import type { HostKeyPolicy } from './types';

export interface HostKeyCheck {
  /** For ssh2's ConnectConfig.hostVerifier. */
  verifier: HostVerifier;
  /** Why the key was refused (mismatch, revoked, not trusted), once it was. */
  failure(): Error | null;
  /** The SHA256 fingerprint the host presented ('' before it did). */
  presented(): string;
}

export function hostKeyCheck(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  label: string,
  policy: HostKeyPolicy,
): HostKeyCheck {
  let failure: Error | null = null;
  let presented = '';
  const verifier: HostVerifier = (key, verify) => {
    const keyType = keyTypeOf(key);
    presented = fingerprintOf(key);
    const verdict = checkHostKey(entries, host, port, key);
    if (verdict.status === 'known') return verify(true);
    if (verdict.status === 'revoked') {
      failure = new HostKeyRejectedError(`The host key of ${label} (${presented}) is marked @revoked in known_hosts`);
      return verify(false);
    }
    if (verdict.status === 'mismatch') {
      failure = new HostKeyMismatchError(
        host,
        port,
        verdict.expected.map((e) => `${e.keyType} ${e.fingerprint}`),
        `${keyType} ${presented}`,
        policy.knownHostsPath,
      );
      return verify(false);
    }
    policy
      .onUnknown({ host, port, keyType, fingerprint: presented })
      .then(async (trust) => {
        if (!trust) {
          failure = new HostKeyRejectedError(`The host key of ${label} (${keyType} ${presented}) was not trusted`);
          return verify(false);
        }
        await appendKnownHost(policy.knownHostsPath, host, port, key);
        verify(true);
      })
      .catch((err: unknown) => {
        failure = err instanceof Error ? err : new HostKeyRejectedError(String(err));
        verify(false);
      });
  };
  return { verifier, failure: () => failure, presented: () => presented };
}
