/**
 * `npm run demo`: brings the two-host lab up (or reuses it) and starts Vireo already connected to
 * both hosts — Electron where its binary exists, else the web mode. Ctrl+C stops the app and
 * leaves the lab running; `npm run demo -- --down` ends the lab.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lab = join(root, 'e2e', 'lab', 'lab.sh');
const args = process.argv.slice(2).filter((a) => a !== '--');

if (args.includes('--down')) {
  const r = spawnSync('bash', [lab, 'down'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

console.error('[demo] bringing the two-host lab up (the first time installs packages and takes a few minutes)…');
const up = spawnSync('bash', [lab, 'up'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
process.stderr.write(up.stderr ?? '');
let withLab = up.status === 0;
if (!withLab) {
  // lab.sh says why in its last line (not root, not Debian/Ubuntu, no namespaces …).
  const why = (up.stderr ?? '').trim().split('\n').pop() ?? `exit ${up.status}`;
  console.error(`[demo] The lab could not start (${why.replace(/^\[lab\]\s*/, '')}), so Vireo starts without it.`);
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(process.execPath, [join(root, 'dist-electron', 'launcher.mjs'), ...(withLab ? ['--lab'] : [])], {
  cwd: root,
  stdio: 'inherit',
});
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
  app.kill('SIGINT');
});
process.on('SIGTERM', () => app.kill('SIGTERM'));
app.on('exit', (code) => {
  if (withLab) console.error('\n[demo] Vireo stopped. The lab is still running; `npm run demo -- --down` ends it.');
  withLab = false;
  process.exit(interrupted ? 0 : (code ?? 0));
});
