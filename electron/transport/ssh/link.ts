import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { AuthError, SshError } from './errors';
import type { SshSession } from './session';

/**
 * Holds the one SshSession of a host and replaces it when it died: the channel factory for
 * LibvirtConnection and the source of VNC forwards. Concurrent callers share one reconnect.
 */
export class SshLink extends EventEmitter<{ session: [s: SshSession] }> {
  private current: SshSession | null = null;
  private connecting: Promise<SshSession> | null = null;
  private closed = false;

  constructor(private readonly connect: () => Promise<SshSession>) {
    super();
  }

  /** The live session, connecting (again) when there is none. */
  session(): Promise<SshSession> {
    if (this.closed) return Promise.reject(new SshError('the host was closed'));
    if (this.current?.isOpen) return Promise.resolve(this.current);
    this.connecting ??= this.connect().then(
      (s) => {
        this.connecting = null;
        if (this.closed) {
          s.close();
          throw new SshError(`${s.label}: the host was closed`);
        }
        this.current = s;
        s.once('close', () => {
          if (this.current === s) this.current = null;
        });
        this.emit('session', s);
        return s;
      },
      (err: unknown) => {
        this.connecting = null;
        throw err;
      },
    );
    return this.connecting;
  }

  /**
   * A channel factory for LibvirtConnection.open. On a reconnect the old session may be a
   * zombie (a silently dead link that SSH keepalive has not caught yet): if it cannot open a
   * channel, it is dropped and a fresh session is made once.
   */
  libvirtChannel(uri: string, socketPath?: string): (ctx?: { reconnect: boolean }) => Promise<Duplex> {
    return async (ctx) => {
      const s = await this.session();
      try {
        return await s.openLibvirtChannel(uri, socketPath);
      } catch (err) {
        if (!ctx?.reconnect || err instanceof AuthError) throw err;
        s.close();
        if (this.current === s) this.current = null;
        const fresh = await this.session();
        return fresh.openLibvirtChannel(uri, socketPath);
      }
    };
  }

  close(): void {
    this.closed = true;
    this.current?.close();
    this.current = null;
  }
}
