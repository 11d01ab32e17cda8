// Errors of the SSH transport. Each carries its brand (shared/errors.ts ERROR_KIND) for the type
// guards and classify() in electron/libvirt/errors.ts, and a message fit to show an admin as is.
import { ERROR_KIND } from '../../../shared/errors';

/** Authentication was refused or cancelled. The message names user@host and what was tried. */
export class AuthError extends Error {
  override name = 'AuthError' as const;
  readonly [ERROR_KIND] = 'auth' as const;
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

/** The host presented a key other than the one on file: refuse, like ssh does. */
export class HostKeyMismatchError extends Error {
  override name = 'HostKeyMismatchError' as const;
  readonly [ERROR_KIND] = 'host-key-mismatch' as const;
  constructor(
    readonly host: string,
    readonly port: number,
    /** The keys on file for the host, `type SHA256:…` each. */
    readonly expected: string[],
    /** The key the host presented, `type SHA256:…`. */
    readonly presented: string,
    /** The known_hosts file that has the old keys. */
    readonly file = 'known_hosts',
  ) {
    const name = port === 22 ? host : `[${host}]:${port}`;
    super(
      `The host key of ${host}${port === 22 ? '' : `:${port}`} has changed: ${file} has ${expected.join(', ')}, ` +
        `the host presented ${presented}. This can mean someone is intercepting the connection, or the host ` +
        `was reinstalled; check with its administrator, then remove the old key: "Forget the old key" on the host's page, or ssh-keygen -R '${name}' -f '${file}'.`,
    );
  }
}

/** The host key was unknown and the user did not trust it (or it is @revoked). */
export class HostKeyRejectedError extends Error {
  override name = 'HostKeyRejectedError' as const;
  readonly [ERROR_KIND] = 'host-key-rejected' as const;
}

/** The host cannot be reached, the handshake failed, or a channel could not be opened. */
export class SshError extends Error {
  override name = 'SshError' as const;
  readonly [ERROR_KIND] = 'ssh' as const;
}
