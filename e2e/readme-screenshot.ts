/**
 * The README's screenshot (assets/screenshot.png), taken from a real run against the lab: the app
 * built from this tree and served in web mode, both lab hosts added once each the way an admin adds
 * them, the VM table after a few stats samples, `tiny` selected. It refuses to write a picture
 * that shows a host twice or a CPU figure outside 0–100 %.
 *
 *   npm run screenshot [-- OUT.png]      (the lab must be up: npm run lab -- up)
 */
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, startServer } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { readLab } from './lab/lab';
import { BackendClient } from './pages/backend';

const out = process.argv[2] ?? `${ROOT}/assets/screenshot.png`;
/** Stats samples (one every 2 s) to wait for, so the sparklines have a line to show. */
const SAMPLES = 8;

execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const lab = readLab();
const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const backend = await BackendClient.connect(server);
  const [A] = await connectLabHosts(backend, lab);
  if (!A) throw new Error('the lab has no host A');
  const hosts = await backend.call('hosts.list', {});
  const addresses = hosts.map((h) => h.spec.address);
  if (new Set(addresses).size !== addresses.length || hosts.length !== lab.hosts.length)
    throw new Error(`expected each lab host once, the app lists ${addresses.join(', ')}`);

  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  // tsx (esbuild keepNames) wraps named functions in __name(); the page needs it too.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(server.url);
  await page.getByTestId('app-shell').waitFor();
  await page.getByTestId('nav-all').click();
  const tiny = page.getByTestId(`vm-tiny-${A.id}`);
  await tiny.waitFor();

  // Only the lab's own guests (other runs on the shared lab add throwaways for a while), and a
  // few stats samples of host A (the page's own subscription makes the backend sample).
  const initial = Object.keys(lab.guests).sort().join(',');
  const clean = async () =>
    (await backend.call('domains.list', {}))
      .map((d) => d.name)
      .sort()
      .join(',') === initial;
  const samples = (n: number) =>
    new Promise<void>((resolve) => {
      let seen = 0;
      const off = backend.on('domain.stats', (e) => {
        if (e.hostId === A.id && ++seen >= n) {
          off();
          resolve();
        }
      });
    });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (await clean()) {
      await samples(SAMPLES);
      if (await clean()) break;
    } else await samples(1);
    if (Date.now() > deadline) throw new Error(`the lab did not come back to its own guests (${initial}) within 10 minutes`);
  }
  backend.close();

  await tiny.click({ position: { x: 600, y: 10 } }); // the row, not the name (which opens the VM)
  await page.getByTestId(`vm-tiny-${A.id}`).and(page.locator('[aria-selected="true"]')).waitFor();
  const figures = await page.getByTestId('vm-cpu').allInnerTexts();
  if (figures.length === 0) throw new Error('no CPU figure in the table');
  for (const f of figures) {
    const v = Number.parseFloat(f);
    if (!(v >= 0 && v <= 100)) throw new Error(`CPU figure "${f}" is outside 0–100 %`);
  }
  // The host share is in the tooltip (the title), beside the guest figure.
  const title = (await tiny.getByTestId('vm-cpu').getAttribute('title')) ?? '';
  if (!/^CPU .+ of its \d+ vCPUs? · .+ of the host's CPUs$/.test(title)) throw new Error(`unexpected CPU tooltip "${title}"`);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out });
  console.error(`wrote ${out} (CPU figures: ${figures.join(', ')}; tiny's tooltip: ${title})`);
} finally {
  await browser.close();
  await server.stop();
}
