/**
 * An in-process SSH server (ssh2's Server) on 127.0.0.1 for unit tests: records every login
 * attempt and exec request, runs exec requests through a real local shell as sshd does
 * (`<shell> -c <command>`) or through a handler, and forwards direct-tcpip channels (a jump host).
 * Test support only: never imported by the app.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { connect as tcpConnect } from 'node:net';
import type { ServerChannel, ServerHostKeyAlgorithm } from 'ssh2';
import ssh2 from 'ssh2';

const { Server, utils } = ssh2;

export interface AuthAttempt {
  method: string;
  user: string;
  password?: string;
}

export interface TestSshdOptions {
  /** Host key type. Default ed25519. */
  keyType?: 'ed25519' | 'rsa';
  /** Host key algorithms the server accepts (default: ssh2's). */
  serverHostKey?: ServerHostKeyAlgorithm[];
  /** user -> password; logins are by password only. */
  passwords: Record<string, string>;
  /** Runs an exec request: default, the command through `sh -c` like a login shell would. */
  onExec?: (command: string, channel: ServerChannel) => void;
  /** The login shell exec requests go through (sshd: `$SHELL -c <command>`). Default /bin/sh. */
  shell?: string;
  /**
   * Send the exec reply and whatever onExec writes at once in one TCP write, as a real host does
   * for a command that ends at once: the client gets the channel, its output, exit status and
   * close in one read.
   */
  oneRead?: boolean;
}

export interface TestSshd {
  port: number;
  /** `ssh-ed25519 AAAA…` */
  publicKey: string;
  auths: AuthAttempt[];
  commands: string[];
  /** Appends `[127.0.0.1]:port key` to a known_hosts file. */
  trustIn: (knownHostsPath: string) => void;
  close: () => Promise<void>;
}

export async function startTestSshd(opts: TestSshdOptions): Promise<TestSshd> {
  const keys = opts.keyType === 'rsa' ? utils.generateKeyPairSync('rsa', { bits: 2048 }) : utils.generateKeyPairSync('ed25519');
  const auths: AuthAttempt[] = [];
  const commands: string[] = [];
  const server = new Server(
    { hostKeys: [keys.private], ...(opts.serverHostKey ? { algorithms: { serverHostKey: opts.serverHostKey } } : {}) },
    (client) => {
      client.on('error', () => {});
      client.on('authentication', (ctx) => {
        if (ctx.method === 'password') {
          auths.push({ method: 'password', user: ctx.username, password: ctx.password });
          if (opts.passwords[ctx.username] === ctx.password) return ctx.accept();
          return ctx.reject(['password']);
        }
        auths.push({ method: ctx.method, user: ctx.username });
        ctx.reject(['password']);
      });
      client.on('ready', () => {
        client.on('tcpip', (accept, _reject, info) => {
          const ch = accept();
          const sock = tcpConnect(info.destPort, info.destIP);
          sock.on('error', () => ch.destroy());
          ch.on('error', () => sock.destroy());
          ch.pipe(sock).pipe(ch);
        });
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          session.on('exec', (accept, _reject, info) => {
            commands.push(info.command);
            const sock = (client as unknown as { _sock: Socket })._sock;
            if (opts.oneRead) sock.cork();
            const ch = accept();
            if (opts.onExec) {
              opts.onExec(info.command, ch);
              if (opts.oneRead) process.nextTick(() => sock.uncork());
              return;
            }
            const child = spawn(opts.shell ?? '/bin/sh', ['-c', info.command], { stdio: ['pipe', 'pipe', 'pipe'] });
            ch.pipe(child.stdin);
            child.stdout.pipe(ch, { end: false });
            child.stderr.pipe(ch.stderr, { end: false });
            child.on('close', (code) => {
              ch.exit(code ?? 255);
              ch.end();
            });
          });
        });
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const publicKey = keys.public.split(' ').slice(0, 2).join(' ');
  return {
    port,
    publicKey,
    auths,
    commands,
    trustIn: (path) => writeFileSync(path, `[127.0.0.1]:${port} ${publicKey}\n`, { flag: 'a' }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
