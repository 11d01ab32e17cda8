// The libvirt proxy on the host (virt-ssh-helper or nc) and the byte stream of its exec channel.
import { Duplex } from 'node:stream';
import type { ClientChannel } from 'ssh2';
import { SshError } from './errors';

/**
 * libvirt's own proxy choice, in one remote command (a separate probe would cost a round trip
 * of ~100 ms per session): virt-ssh-helper when present, else nc (-q0 where that nc needs it).
 * The URI and socket path arrive as positional parameters, never spliced into the script; an
 * empty URI means "the socket, with nc".
 */
const PROXY_SCRIPT =
  'if [ -n "$1" ] && command -v virt-ssh-helper >/dev/null 2>&1; then exec virt-ssh-helper "$1"; ' +
  'elif nc -q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then exec nc -q0 -U "$2"; else exec nc -U "$2"; fi';

const URI_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9._~/?=&%:@+,-]*$/;

/** The remote argv that connects to the host's libvirt daemon: `virt-ssh-helper <uri>`, else `nc -U <socket>`. */
export function libvirtProxyArgv(uri: string, socketPath: string): string[] {
  if (!URI_RE.test(uri)) throw new SshError(`not a libvirt URI: ${JSON.stringify(uri)}`);
  if (!socketPath.startsWith('/')) throw new SshError(`not an absolute socket path: ${JSON.stringify(socketPath)}`);
  // virt-ssh-helper finds the daemon from the URI alone and ignores ?socket=: a URI naming its
  // socket goes to that socket with nc.
  return ['sh', '-c', PROXY_SCRIPT, 'libvirt-proxy', uri.includes('?socket=') ? '' : uri, socketPath];
}

/** How a failed proxy is named in its error (session.ts), so that a reconnect reason can be read back. */
export const PROXY_FAILED = 'the libvirt proxy (virt-ssh-helper or nc)';

/**
 * A reconnect reason in the admin's words: when the proxy to libvirtd's socket fails while SSH
 * works, libvirtd on that host is not answering (stopped, or its socket moved). Other reasons are
 * returned as they are.
 */
export function describeDrop(host: string, reason: string): string {
  const i = reason.indexOf(PROXY_FAILED);
  if (i < 0) return reason;
  const detail = reason.slice(i + PROXY_FAILED.length).trim();
  return (
    `libvirtd on ${host} is not answering: SSH to ${host} works, but the libvirt proxy ${detail}. ` +
    `Check libvirtd there (systemctl status libvirtd); Vireo reconnects by itself once it answers.`
  );
}

/**
 * The byte stream of the libvirt proxy's exec channel. SSH sends the proxy's EOF, its exit status
 * and CHANNEL_CLOSE as separate messages, which may arrive in separate reads: this stream ends only
 * at the channel's close (ssh2 emits it after both), and fails with `failure` as soon as the exit
 * status says the proxy failed. So whether a connection ended because libvirtd went away (the proxy
 * fails) or the link did never depends on how the packets were split.
 */
export class ProxyStream extends Duplex {
  constructor(
    private readonly ch: ClientChannel,
    failure: (code: number | null, signal: string | undefined) => Error,
  ) {
    super();
    ch.on('data', (d: Buffer) => {
      if (!this.push(d)) ch.pause();
    });
    let failed = false;
    ch.on('exit', (code: number | null, signal?: string) => {
      if (code === 0 || failed) return;
      failed = true;
      // A proxy that fails at once does so before openLibvirtChannel has handed this stream to
      // its reader, and its stderr (the reason) may still be on its way in: fail on the next turn,
      // once the reader listens (the close must not end the stream first).
      setImmediate(() => this.destroy(failure(code, signal)));
    });
    ch.on('error', (err: Error) => this.destroy(err));
    ch.on('close', () => {
      if (!this.destroyed && !failed) this.push(null);
    });
  }

  override _read(): void {
    this.ch.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.ch.write(chunk, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.ch.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.ch.destroy();
    cb(err);
  }
}
