/**
 * `npm run demo`: brings the two-host lab up (or reuses it), writes its two hosts into the demo's
 * own data dir (~/.config/vireo-demo, or $VIREO_DATA_DIR) with the app's own code — hosts.json
 * through HostManager.add, their published host keys through the known_hosts writer — and starts
 * Vireo on that dir: Electron where its binary exists, else the web mode. The app itself knows
 * nothing of the lab. Ctrl+C stops the app and leaves the lab running; `npm run demo -- --down`
 * ends the lab.
 */
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoDataDir, seedLabHosts } from './hosts';
import { labDir, readLab } from './lab';

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

/** lab.json is trusted only from a lab dir this user owns and nobody else can write (it sits in /tmp). */
function checkOwnLabDir(dir: string): void {
  for (const path of [dir, join(dir, 'lab.json')]) {
    const st = statSync(path);
    if (st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0)
      throw new Error(
        `${path} is owned by uid ${st.uid} with mode ${(st.mode & 0o777).toString(8)}: not trusted (expected ours, not group/world-writable)`,
      );
  }
}

const dataDir = demoDataDir();
if (withLab) {
  try {
    checkOwnLabDir(labDir());
    const { added, kept } = await seedLabHosts(dataDir, readLab(), { autoconnect: true });
    console.error(
      `[demo] ${[...added, ...kept].join(' and ')} ${added.length ? 'saved' : 'already saved'} in ${dataDir} with their host keys; Vireo connects them as it starts.`,
    );
  } catch (err) {
    console.error(`[demo] Could not add the lab hosts to ${dataDir}: ${(err as Error).message}`);
    withLab = false;
  }
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(process.execPath, [join(root, 'dist-electron', 'launcher.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, VIREO_DATA_DIR: dataDir },
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
