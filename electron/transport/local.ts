// A local libvirtd over its unix socket: the same RPC as over SSH, without the SSH.
import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

export const DEFAULT_LIBVIRT_SOCKET = '/var/run/libvirt/libvirt-sock';

/** Resolves once the socket is connected; rejects with a message naming the socket. */
export function connectLocal(socketPath: string = DEFAULT_LIBVIRT_SOCKET): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const sock = connect(socketPath);
    const onError = (err: NodeJS.ErrnoException): void => {
      reject(new Error(`Cannot connect to the local libvirt daemon at ${socketPath}: ${err.code ?? err.message}`));
    };
    sock.once('error', onError);
    sock.once('connect', () => {
      sock.off('error', onError);
      resolve(sock);
    });
  });
}

/** Is there a local libvirtd socket we may connect to? (Checked synchronously, cheap.) */
export function localLibvirtAvailable(socketPath: string = DEFAULT_LIBVIRT_SOCKET): boolean {
  try {
    accessSync(socketPath, constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
