/**
 * Issue 8, the install wizard end to end in Chromium against the lab: a VM installed from the
 * lab's kernel + initrd onto a new 64 MiB disk, its serial console opening on the guest's banner;
 * an install that fails (a kernel path that does not exist) and leaves nothing behind; an ISO
 * uploaded from "this computer" into a pool; names with quotes and "<" taken verbatim, "/" refused.
 * Every wizard page is screenshotted. Everything made is named t-inst-*.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { labReset, labSh, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { ConsoleDock } from './pages/consoles';
import { InstallWizard } from './pages/install';
import { removeDomains } from './pages/leftovers';

const lab = readLab();
const BANNER = lab.guests.stopped?.banner ?? 'TINYGUEST BANNER';
const GUEST = `${lab.dir}/guest`;
const tag = randomBytes(3).toString('hex');

// The lab is shared: start from its initial state (stopped on A, B empty), and leave it so.
test.beforeAll(async () => {
  await labReset();
});
test.afterAll(async () => {
  await removeDomains(`t-inst-${tag}`);
  await labReset();
});

async function domains(host: 'A' | 'B'): Promise<string[]> {
  return (await virshOn(host, ['list', '--all', '--name']))
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function volumes(host: 'A' | 'B'): Promise<string[]> {
  await virshOn(host, ['pool-refresh', 'default']);
  return (await virshOn(host, ['vol-list', '--pool', 'default']))
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Opens the app with both lab hosts added and shows host A's page. */
async function onHostA(
  page: import('@playwright/test').Page,
  server: import('./fixtures').AppServer,
): Promise<{ app: VireoApp; idA: string }> {
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  const app = new VireoApp(page);
  await openApp(page, server);
  const idA = await app.expectConnected('lab-a');
  await app.openHost('lab-a');
  return { app, idA };
}

test('install: kernel + initrd onto a new disk, defaults explained, the console shows the guest’s banner', async ({
  page,
  server,
}, testInfo) => {
  const { app, idA } = await onHostA(page, server);
  const wizard = new InstallWizard(page);
  const name = `t-inst-${tag} "q" <b> & 'x'`;
  const disk = `t-inst-${tag}_q_b_x_.qcow2`;

  await wizard.open();
  await wizard.os('Generic Linux (2022 or later)');
  await wizard.kernelSource({ kernel: `${GUEST}/vmlinuz`, initrd: `${GUEST}/initrd.img`, cmdline: 'console=ttyS0 quiet panic=-1' });
  await page.screenshot({ path: testInfo.outputPath('install-1-source.png') });
  await wizard.next();

  // Software emulation: offered whether or not the host has KVM (the wizard shows a choice with
  // KVM, one read-only field without), and nested KVM would not run guests in the lab anyway.
  await wizard.resources({
    name,
    vcpus: 1,
    memoryMiB: 192,
    disk: { pool: 'default', sizeMiB: 64 },
    nic: 'bridge:labbr0',
    virtType: 'qemu',
  });
  await expect(page.getByTestId('install-disk-name')).toHaveValue(disk);
  await page.screenshot({ path: testInfo.outputPath('install-2-resources.png') });

  await wizard.review();
  await expect(wizard.warnings).toHaveCount(0);
  await expect(wizard.defaults.locator('[data-setting="Disk cache"]')).toContainText("cache='none'");
  await expect(wizard.defaults.locator('[data-setting="CPU"]')).toContainText('host-model');
  await expect(wizard.defaults.locator('[data-setting="Disk and NIC"]')).toContainText('virtio');
  await expect(wizard.defaults.locator('[data-setting="Serial console"]')).toContainText('ttyS0');
  await expect(wizard.defaults).toContainText('Live migration refuses');
  await expect(wizard.xml).toContainText(`<name>t-inst-${tag} "q" &lt;b&gt; &amp; 'x'</name>`);
  await expect(wizard.xml).toContainText('<console type="pty">');
  await expect(wizard.xml).toContainText('<domain type="qemu"');
  await expect(page.getByTestId('install-volumes')).toContainText(`default/${disk}`);
  await page.screenshot({ path: testInfo.outputPath('install-3-review.png') });

  const job = await wizard.create();
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('install-done')).toContainText('is running');
  // The wizard opened the serial console: the guest's banner shows in the terminal.
  const dock = new ConsoleDock(page);
  await dock.expectOpen('serial', name, { timeout: 60_000 });
  await expect(dock.screen(name)).toContainText(BANNER, { timeout: 120_000 });
  await page.screenshot({ path: testInfo.outputPath('install-4-running-console.png') });

  // Defined as reviewed, on the host.
  const xml = await virshOn('A', ['dumpxml', '--inactive', name]);
  expect(xml).toContain("cache='none'");
  expect(xml).toContain("mode='host-model'");
  expect(xml).toMatch(/^<domain type='qemu'/);
  expect(xml).toContain(`/var/lib/libvirt/images/${disk}`);
  await wizard.page.getByTestId('install-show-vm').click();
  await expect(app.details.root(name, idA)).toBeVisible();
  await expect(page.getByTestId('details-name')).toHaveText(name);
});

test('install: a kernel path that does not exist is flagged, the install fails, and nothing is left behind', async ({
  page,
  server,
}, testInfo) => {
  await onHostA(page, server);
  const wizard = new InstallWizard(page);
  const name = `t-inst-${tag}-bad`;
  await wizard.open();
  await wizard.kernelSource({ kernel: `/nonexistent/${tag}/vmlinuz`, cmdline: 'console=ttyS0' });
  await wizard.next();
  await wizard.resources({ name, memoryMiB: 192, disk: { pool: 'default', sizeMiB: 64 }, nic: 'bridge:labbr0', virtType: 'qemu' });
  await wizard.review();
  await expect(wizard.warnings).toContainText(`/nonexistent/${tag}/vmlinuz is not readable`);
  await page.screenshot({ path: testInfo.outputPath('install-review-warning.png') });
  const before = await volumes('A');
  const job = await wizard.create();
  await expect(job).toHaveAttribute('data-status', 'failed', { timeout: 90_000 });
  await expect(page.getByTestId('install-job-error')).toContainText('vmlinuz');
  await page.screenshot({ path: testInfo.outputPath('install-failed-rolled-back.png') });
  expect(await domains('A')).not.toContain(name);
  expect(await volumes('A')).toEqual(before);
});

test('install: an ISO uploaded from this computer lands in the pool, verified; "/" in a name is refused', async ({
  page,
  server,
}, testInfo) => {
  await onHostA(page, server);
  const wizard = new InstallWizard(page);
  await wizard.open();
  await wizard.isoSource('default');
  const iso = { name: `t-inst-${tag}.iso`, mimeType: 'application/octet-stream', buffer: randomBytes(3 * 1024 * 1024 + 512) };
  await wizard.uploadIso(iso);
  await expect(page.getByTestId('install-upload-job-phase')).toContainText('verified');
  await page.screenshot({ path: testInfo.outputPath('install-iso-uploaded.png') });
  const path = (await virshOn('A', ['vol-path', '--pool', 'default', iso.name])).trim();
  const { stdout } = await labSh(['exec', 'A', 'sha256sum', path]);
  expect(stdout.split(' ')[0]).toBe(createHash('sha256').update(iso.buffer).digest('hex'));

  await wizard.next();
  await page.getByTestId('install-name').fill('web/01');
  await wizard.next();
  await expect(page.getByTestId('install-step-resources')).toContainText('Name must not contain "/"');
  await expect(page.getByTestId('form-summary')).toHaveText('Check this field: Name. Nothing was sent.');
  await expect(page.getByTestId('install-step-resources')).toBeVisible();
  await wizard.close();
  await virshOn('A', ['vol-delete', '--pool', 'default', iso.name]);
});
