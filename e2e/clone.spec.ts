/**
 * Issue 8, the clone wizard end to end in Chromium against the lab: `stopped` cloned on host A
 * and booted; `stopped` cloned from A to B (disk streamed through the app's two SSH sessions,
 * sha256-verified) under a name with quotes and "<", booted on B; a cross-host clone cancelled
 * mid-copy leaving nothing on B; "/" in a name refused. The source is checked unchanged after
 * each. Every wizard page is screenshotted. Everything made is named t-clone-*.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { type AppServer, expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { defineBigSource, labReset, labSh, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { CloneWizard } from './pages/clone';
import { ConsoleDock } from './pages/consoles';
import { removeDomains } from './pages/leftovers';

const lab = readLab();
const stoppedGuest = lab.guests.stopped;
if (!stoppedGuest) throw new Error('the lab has no guest "stopped"');
const STOPPED = stoppedGuest;
const BANNER = STOPPED.banner;
const tag = randomBytes(3).toString('hex');

// The lab is shared: start from its initial state (stopped on A, B empty), and leave it so.
test.beforeAll(async () => {
  await labReset();
});
test.afterAll(async () => {
  await removeDomains(`t-clone-${tag}`);
  await labReset();
});

async function sha256(host: 'A' | 'B', path: string): Promise<string> {
  return (await labSh(['exec', host, 'sha256sum', path])).stdout.split(' ')[0] ?? '';
}

async function volumes(host: 'A' | 'B'): Promise<string[]> {
  await virshOn(host, ['pool-refresh', 'default']);
  return (await virshOn(host, ['vol-list', '--pool', 'default']))
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

async function withLab(page: Page, server: AppServer): Promise<{ app: VireoApp; idA: string; idB: string }> {
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  const app = new VireoApp(page);
  await openApp(page, server);
  const idA = await app.expectConnected('lab-a');
  const idB = await app.expectConnected('lab-b');
  await app.showAllVms();
  return { app, idA, idB };
}

/** From the finished wizard: the clone's page, its console, and the guest's banner (`exit` makes the shell print it again). */
async function expectBoots(page: Page, app: VireoApp, name: string, hostId: string): Promise<void> {
  await page.getByTestId('clone-show-vm').click();
  await expect(app.details.root(name, hostId)).toBeVisible();
  await expect(app.details.state(name, hostId)).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await app.details.action(name, hostId, 'console').click();
  const dock = new ConsoleDock(page);
  await dock.expectOpen('serial', name, { timeout: 60_000 });
  await dock.typeLine(name, 'exit');
  await expect(dock.screen(name)).toContainText(BANNER, { timeout: 120_000 });
}

test('clone on the same host: new name, UUID and MAC, the disk copied, the clone boots; the source unchanged', async ({
  page,
  server,
}, testInfo) => {
  const { app, idA } = await withLab(page, server);
  const sourceXml = await virshOn('A', ['dumpxml', '--inactive', 'stopped']);
  const sourceSum = await sha256('A', STOPPED.disk);
  const wizard = new CloneWizard(page);
  const name = `t-clone-${tag}-local`;

  await wizard.openFromMenu('stopped', idA);
  await expect(page.getByTestId('clone-name')).toHaveValue('stopped-clone');
  await wizard.target(idA, name, { start: true });
  await page.screenshot({ path: testInfo.outputPath('clone-1-target.png') });
  await wizard.next();
  await wizard.disks([{ target: 'vda', mode: 'copy', pool: 'default' }]);
  await expect(page.getByTestId('clone-disk-vda-volume')).toHaveValue(`${name}.qcow2`);
  await page.screenshot({ path: testInfo.outputPath('clone-2-disks.png') });
  await wizard.review();
  await expect(page.getByTestId('clone-mac-change')).toContainText(STOPPED.mac);
  await expect(wizard.xml).toContainText(`<name>${name}</name>`);
  await expect(wizard.xml).toContainText(`/var/lib/libvirt/images/${name}.qcow2`);
  await expect(wizard.xml).not.toContainText(STOPPED.uuid);
  await page.screenshot({ path: testInfo.outputPath('clone-3-review.png') });
  const job = await wizard.create();
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath('clone-4-done.png') });

  const xml = await virshOn('A', ['dumpxml', '--inactive', name]);
  expect(xml).not.toContain(STOPPED.uuid);
  expect(xml).not.toContain(STOPPED.mac);
  await expectBoots(page, app, name, idA);
  await page.screenshot({ path: testInfo.outputPath('clone-5-console.png') });
  expect(await virshOn('A', ['dumpxml', '--inactive', 'stopped'])).toBe(sourceXml);
  expect(await sha256('A', STOPPED.disk)).toBe(sourceSum);
});

test('clone to another host: the disk streams A → B verified, the definition is rewritten for B, it boots on B', async ({
  page,
  server,
}, testInfo) => {
  const { app, idA, idB } = await withLab(page, server);
  const sourceXml = await virshOn('A', ['dumpxml', '--inactive', 'stopped']);
  const sourceSum = await sha256('A', STOPPED.disk);
  const wizard = new CloneWizard(page);
  const name = `t-clone-${tag} "b" <x> & 'y'`;
  const volume = `t-clone-${tag}_b_x_y_.qcow2`;

  await wizard.openFromMenu('stopped', idA);
  await wizard.target(idB, name, { start: true });
  await page.screenshot({ path: testInfo.outputPath('clone-cross-1-target.png') });
  await wizard.next();
  await expect(page.getByTestId('clone-nic-0-target')).toHaveValue('bridge:labbr0');
  await wizard.disks([{ target: 'vda', pool: 'default' }], { verify: 'sha256' });
  await expect(page.getByTestId('clone-disk-vda-volume')).toHaveValue(volume);
  await page.screenshot({ path: testInfo.outputPath('clone-cross-2-disks.png') });
  await wizard.review();
  await expect(wizard.xml).toContainText(`<name>t-clone-${tag} "b" &lt;x&gt; &amp; 'y'</name>`);
  await expect(page.getByTestId('clone-copies')).toContainText(`/var/lib/libvirt/images/${volume}`);
  await page.screenshot({ path: testInfo.outputPath('clone-cross-3-review.png') });
  const job = await wizard.create();
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  await expect(page.getByTestId('clone-job-phase')).toContainText('done');
  await page.screenshot({ path: testInfo.outputPath('clone-cross-4-done.png') });

  expect(await sha256('B', `/var/lib/libvirt/images/${volume}`)).toBe(sourceSum);
  await expectBoots(page, app, name, idB);
  await page.screenshot({ path: testInfo.outputPath('clone-cross-5-console-on-b.png') });
  expect(await virshOn('A', ['dumpxml', '--inactive', 'stopped'])).toBe(sourceXml);
  expect(await sha256('A', STOPPED.disk)).toBe(sourceSum);
});

test('a cross-host clone cancelled mid-copy leaves nothing on B and does not touch A; "/" in a name is refused', async ({
  page,
  server,
}, testInfo) => {
  // A source whose disk takes a while at a capped rate: 64 MiB of random data, raw.
  const src = `t-clone-${tag}-big`;
  const srcPath = await defineBigSource(src, 64 * 1024 * 1024);
  const srcXml = await virshOn('A', ['dumpxml', '--inactive', src]);
  const srcSum = await sha256('A', srcPath);
  const before = await volumes('B');

  const { idA, idB } = await withLab(page, server);
  const wizard = new CloneWizard(page);
  await wizard.openFromMenu(src, idA);
  await wizard.target(idB, 'a/b');
  await wizard.next();
  await expect(page.getByTestId('clone-name').locator('xpath=..').locator('..')).toContainText('must not contain "/"');
  const name = `t-clone-${tag}-cancel`;
  await wizard.target(idB, name);
  await wizard.next();
  await wizard.disks([{ target: 'vda', pool: 'default' }], { bandwidthMiBps: 8 });
  await wizard.review();
  const job = await wizard.create();
  // Mid-copy: part of the disk has moved.
  await expect.poll(async () => Number(await job.getAttribute('data-progress')), { timeout: 60_000 }).toBeGreaterThan(15);
  expect(Number(await job.getAttribute('data-progress'))).toBeLessThan(80);
  await page.screenshot({ path: testInfo.outputPath('clone-cancel-1-copying.png') });
  await page.getByTestId('clone-job-cancel').click();
  await expect(job).toHaveAttribute('data-status', 'canceled', { timeout: 60_000 });
  await expect(page.getByTestId('clone-job-cancelled')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('clone-cancel-2-cancelled.png') });

  expect(await volumes('B')).toEqual(before);
  expect((await virshOn('B', ['list', '--all', '--name'])).split('\n').map((s) => s.trim())).not.toContain(name);
  expect(await sha256('A', srcPath)).toBe(srcSum);
  expect(await virshOn('A', ['dumpxml', '--inactive', src])).toBe(srcXml);
});
