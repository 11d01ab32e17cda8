/**
 * Playwright fixtures shared by every spec, so that `npx playwright test e2e/<x>.spec.ts` works
 * with or without e2e/playwright.config.ts: Debian's Chromium (never a downloaded browser), the
 * real backend behind the web bridge (built first if needed), and the lab for specs that ask.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { CHROMIUM } from './prereqs';

export { CHROMIUM };

// The package is an ES module: Playwright loads specs as ESM, where __dirname does not exist.
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface AppServer {
  url: string;
  token: string;
  dataDir: string;
  proc: ChildProcess;
  /** Stops the backend (and with it every connection it holds). */
  stop(): Promise<void>;
}

/** Starts `node dist-electron/serve.mjs` on a free loopback port with a fresh data dir. */
export async function startServer(opts: { dataDir?: string; args?: string[] } = {}): Promise<AppServer> {
  if (!existsSync(join(ROOT, 'dist-electron', 'serve.mjs')) || !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'vireo-e2e-'));
  const token = randomBytes(24).toString('hex');
  // The token in the environment, never in argv (where `ps` shows it to every user).
  const proc = spawn(process.execPath, [join(ROOT, 'dist-electron', 'serve.mjs'), '--port', '0', ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, VIREO_DATA_DIR: dataDir, VIREO_WEB_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start in 30 s:\n${log}`)), 30_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      process.stderr.write(`[backend] ${d.toString()}`);
    });
    proc.on('exit', (code) => reject(new Error(`backend exited with ${code}:\n${log}`)));
  });
  return {
    url,
    token,
    dataDir,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Opens the app and waits for the shell. */
export async function openApp(page: Page, server: AppServer): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByTestId('app-shell')).toBeVisible();
}

export const test = base.extend<{ server: AppServer }>({
  // Debian's Chromium even when no config file is used (`npx playwright test e2e/x.spec.ts`).
  launchOptions: [{ executablePath: CHROMIUM, args: CHROMIUM_ARGS }, { scope: 'worker' }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
});

export { expect };
