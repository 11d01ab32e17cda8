/**
 * `npm start`: the desktop app when Electron's binary is installed; otherwise (npm could not
 * download it, as on machines that reach only the npm registry) one clear line and the web mode.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Electron binary's path, or null when the package or its downloaded binary is missing. */
export function findElectronBinary(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string | null {
  let pkgJson: string;
  try {
    pkgJson = resolve('electron/package.json');
  } catch {
    return null;
  }
  const dir = dirname(pkgJson);
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(cmd: string, args: string[]): void {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const extra = process.argv.slice(2);
  const electron = process.env.VIREO_FORCE_WEB ? null : findElectronBinary();
  if (electron) {
    run(electron, [root, ...extra]);
  } else {
    console.log("Electron's binary is not installed on this machine (npm could not download it), so Vireo starts in web mode instead.");
    run(process.execPath, [join(root, 'dist-electron', 'serve.mjs'), ...extra]);
  }
}
