/**
 * What `npm run web` (serve.ts) reads before it starts: the web bridge's token and the guard
 * that keeps the backend alive. Kept apart from serve.ts, which starts a backend when imported.
 *
 * The token never comes from the command line: every user on the machine can read a process's
 * argv (`ps`, /proc/PID/cmdline). It comes from VIREO_WEB_TOKEN (the environment is readable by
 * the same user only) or from a file only its owner can read (--token-file), else it is random.
 */
import { readFileSync, statSync } from 'node:fs';

export const TOKEN_ENV = 'VIREO_WEB_TOKEN';

/** URL-safe (it travels in the page's #fragment and the socket's query) and not guessable. */
export const TOKEN_RE = /^[A-Za-z0-9._~-]{16,256}$/;

/** Throws when the command line carries a token, saying what to use instead. */
export function refuseArgvToken(argv: readonly string[]): void {
  if (argv.some((a) => a === '--token' || a.startsWith('--token='))) {
    throw new Error(
      `--token is not accepted: a token on the command line is visible to every user of this machine (ps). Set ${TOKEN_ENV}, or pass --token-file with a file only you can read.`,
    );
  }
}

export interface TokenSources {
  env: Record<string, string | undefined>;
  /** --token-file */
  tokenFile?: string | undefined;
  /** For tests: the file's text and POSIX mode bits. */
  readFile?: (path: string) => { text: string; mode: number };
}

const readTokenFile = (path: string) => ({ text: readFileSync(path, 'utf8'), mode: statSync(path).mode });

/** The token from --token-file or the environment; undefined means "make a random one". */
export function readWebToken(src: TokenSources): string | undefined {
  let token: string | undefined;
  let from: string;
  if (src.tokenFile !== undefined) {
    let file: { text: string; mode: number };
    try {
      file = (src.readFile ?? readTokenFile)(src.tokenFile);
    } catch (err) {
      throw new Error(`Cannot read the token file ${src.tokenFile}: ${(err as Error).message}`);
    }
    if (process.platform !== 'win32' && (file.mode & 0o077) !== 0) {
      throw new Error(`The token file ${src.tokenFile} can be read by other users: run chmod 600 ${src.tokenFile}`);
    }
    token = file.text.trim();
    from = `the token file ${src.tokenFile}`;
  } else {
    token = src.env[TOKEN_ENV];
    from = TOKEN_ENV;
    if (token === undefined || token === '') return undefined;
  }
  if (!TOKEN_RE.test(token)) {
    throw new Error(`The token in ${from} must be 16 to 256 characters from A-Z a-z 0-9 . _ ~ - (it travels in the page's URL)`);
  }
  return token;
}

/**
 * The last line of defence of a long-lived backend: a fault that escaped every handler is logged
 * and the process keeps serving, because ending it would drop every console, leave direct
 * migrations without their driver and kill jobs without their cleanup. Returns the uninstaller.
 */
export function keepServingOnFaults(
  proc: Pick<NodeJS.Process, 'on' | 'off'>,
  log: (line: string, err: unknown) => void = (line, err) => console.error(line, err),
): () => void {
  const onException = (err: Error) => log('vireo: unexpected error; the backend keeps running:', err);
  const onRejection = (reason: unknown) => log('vireo: unhandled rejection; the backend keeps running:', reason);
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
