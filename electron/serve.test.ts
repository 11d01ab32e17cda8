/**
 * `npm run web` as a real process (serve.ts through tsx, a fresh data dir), and what it reads
 * before it starts (serve-options.ts).
 * - Issue 14, H1: one bad request ended the process. It must answer and keep serving, and a fault
 *   that escapes every handler is logged, not fatal.
 * - Issue 14, low: `--token T` put the token where `ps` shows it to every user. The command line
 *   form is refused; the token comes from VIREO_WEB_TOKEN or a file only its owner can read.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { keepServingOnFaults, readWebToken, refuseArgvToken, TOKEN_ENV } from './serve-options';
import { Client, hostOf, httpGet } from './web.fixture';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Served {
  proc: ChildProcess;
  port: number;
  token: string;
  log: () => string;
}

/** Starts serve.ts; resolves with its port and token once it prints its URL, or with its exit. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Served | { exitCode: number | null; log: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'serve.ts'), '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, VIREO_DATA_DIR: mkdtempSync(join(tmpdir(), 'vireo-serve-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.ts did not start in 60 s:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /open http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)/.exec(log);
      if (m?.[1] && m[2]) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), token: m[2], log: () => log });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, log });
    });
  });
}

async function started(p: ReturnType<typeof serve>): Promise<Served> {
  const s = await p;
  if (!('port' in s)) throw new Error(`serve.ts exited with ${s.exitCode}:\n${s.log}`);
  return s;
}

const token = () => randomBytes(24).toString('hex');

describe('h1 the web backend process keeps serving', () => {
  it('h1 GET /%E0%A4%A, a null frame and a foreign Host are answered and the process lives on', async () => {
    const s = await started(serve([], { [TOKEN_ENV]: token() }));
    expect((await httpGet(s.port, '/%E0%A4%A', { Host: hostOf(s.port) })).status).toBe(400);
    expect((await httpGet(s.port, '/', { Host: `rebound.example:${s.port}` })).status).toBe(421);
    const bad = await Client.open(s.port, s.token);
    bad.ws.send('null');
    expect((await bad.closedBy()).code).toBe(1008);

    expect(s.proc.exitCode).toBeNull();
    const c = await Client.open(s.port, s.token);
    expect(await c.invoke(1, 'jobs.list')).toEqual({ ok: true, value: [] });
    c.close();
    expect(s.log()).not.toMatch(/URIError|TypeError/);
  }, 90_000);

  it('h1 keepServingOnFaults logs an uncaught exception or rejection instead of letting it end the process', () => {
    const proc = new EventEmitter();
    const logged: [string, unknown][] = [];
    const off = keepServingOnFaults(proc as unknown as NodeJS.Process, (line, err) => logged.push([line, err]));
    const boom = new URIError('URI malformed');
    // Without a listener, emitting 'uncaughtException' on an emitter would not even be seen; with
    // the guard installed, both reach the log.
    proc.emit('uncaughtException', boom);
    proc.emit('unhandledRejection', 'rejected');
    expect(logged).toEqual([
      ['vireo: unexpected error; the backend keeps running:', boom],
      ['vireo: unhandled rejection; the backend keeps running:', 'rejected'],
    ]);
    off();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
  });
});

describe('low token: never on the command line', () => {
  it('low token: serve refuses --token (exit 1, says what to use) before it listens', async () => {
    for (const args of [['--token', token()], [`--token=${token()}`]]) {
      const r = await serve(args);
      expect('exitCode' in r && r.exitCode).toBe(1);
      if ('log' in r && typeof r.log === 'string') {
        expect(r.log).toContain('--token is not accepted');
        expect(r.log).toContain(TOKEN_ENV);
        expect(r.log).toContain('--token-file');
      }
    }
  }, 90_000);

  it('low token: the token comes from --token-file and does not appear in the process command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vireo-token-'));
    const file = join(dir, 'token');
    const secret = token();
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    const s = await started(serve(['--token-file', file]));
    expect(s.token).toBe(secret);
    if (process.platform === 'linux' && s.proc.pid) {
      expect(readFileSync(`/proc/${s.proc.pid}/cmdline`, 'utf8')).not.toContain(secret);
    }
    const c = await Client.open(s.port, secret);
    expect(await c.invoke(1, 'jobs.list')).toEqual({ ok: true, value: [] });
    c.close();
  }, 90_000);

  it('low token: refuseArgvToken and readWebToken', () => {
    expect(() => refuseArgvToken(['--port', '0', '--token', 'x'])).toThrow(/--token is not accepted.*VIREO_WEB_TOKEN.*--token-file/);
    expect(() => refuseArgvToken(['--token=x'])).toThrow(/not accepted/);
    expect(() => refuseArgvToken(['--port', '0', '--token-file', '/x'])).not.toThrow();

    const good = 'a'.repeat(16);
    expect(readWebToken({ env: {} })).toBeUndefined();
    expect(readWebToken({ env: { [TOKEN_ENV]: '' } })).toBeUndefined();
    expect(readWebToken({ env: { [TOKEN_ENV]: good } })).toBe(good);
    expect(() => readWebToken({ env: { [TOKEN_ENV]: 'short' } })).toThrow(/16 to 256 characters/);
    expect(() => readWebToken({ env: { [TOKEN_ENV]: `${good}#x` } })).toThrow(/16 to 256 characters/);
    // The file wins over the environment; its owner only may read it.
    const read = (mode: number) => () => ({ text: `${good}\n`, mode });
    expect(readWebToken({ env: { [TOKEN_ENV]: 'b'.repeat(16) }, tokenFile: '/t', readFile: read(0o100600) })).toBe(good);
    if (process.platform !== 'win32') {
      expect(() => readWebToken({ env: {}, tokenFile: '/t', readFile: read(0o100644) })).toThrow(
        /can be read by other users: run chmod 600/,
      );
    }
    const dir = mkdtempSync(join(tmpdir(), 'vireo-token-'));
    expect(() => readWebToken({ env: {}, tokenFile: join(dir, 'missing') })).toThrow(/Cannot read the token file .*missing: ENOENT/);
    const loose = join(dir, 'loose');
    writeFileSync(loose, good);
    chmodSync(loose, 0o644);
    if (process.platform !== 'win32') expect(() => readWebToken({ env: {}, tokenFile: loose })).toThrow(/chmod 600/);
  });
});
