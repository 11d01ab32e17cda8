// Shell quoting: every argument becomes exactly one word for the remote shell, and the exec
// request that runs an argv byte for byte whatever the account's login shell is.
import { SshError } from './errors';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new SshError('a NUL byte cannot be passed in a remote command');
  if (SAFE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function shellJoin(argv: readonly string[]): string {
  if (argv.length === 0) throw new SshError('empty remote command');
  return argv.map(shellQuote).join(' ');
}

/**
 * sshd runs an exec request through the account's login shell (`$SHELL -c <command>`), and
 * fish, csh or zsh do not read POSIX quoting the way sh does: under fish `'a\';echo X;#'` runs
 * `echo`. So the command string sshd gets is always this fixed text, which sh, bash, dash, zsh,
 * fish, csh and tcsh all read alike (one single-quoted word without `\`, `'`, `!` or a newline,
 * then plain words); the POSIX-quoted argv travels as its one argument, in base64
 * ([A-Za-z0-9+/=], nothing any shell expands), and /bin/sh decodes and runs it.
 */
const REMOTE_SH_PREFIX = `exec /bin/sh -c 'eval "$(printf %s "$1" | base64 -d)"' sh `;
/** One argument may be at most 128 KiB on Linux (MAX_ARG_STRLEN); the login shell gets the whole string as one. */
const MAX_REMOTE_COMMAND = 120 * 1024;

/** The exec request for argv: runs argv[0] (a program, found in PATH) with the arguments byte for byte, whatever the login shell. */
export function remoteCommand(argv: readonly string[]): string {
  const encoded = Buffer.from(`exec ${shellJoin(argv)}`, 'utf8').toString('base64');
  const cmd = REMOTE_SH_PREFIX + encoded;
  if (cmd.length > MAX_REMOTE_COMMAND)
    throw new SshError(
      `the remote command ${describeCommand(argv)} is too long (${cmd.length} bytes encoded, at most ${MAX_REMOTE_COMMAND})`,
    );
  return cmd;
}

/** argv for messages: quoted as sh would take it, shortened. */
export function describeCommand(argv: readonly string[]): string {
  const s = argv.map((a) => (a.includes('\0') ? JSON.stringify(a) : shellQuote(a))).join(' ');
  return `\`${s.length > 200 ? `${s.slice(0, 200)}…` : s}\``;
}
