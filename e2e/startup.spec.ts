/**
 * What the admin sees at start and when adding a host, for three review findings: no demo lab
 * inside the product (H3), a corrupt hosts.json set aside with a notice (low), and a password
 * that could not be saved safely is said to be kept for this run only (M4; the web mode never
 * saves passwords, so it always says so).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openApp, startServer, test } from './fixtures';
import { readLab } from './lab/lab';
import { VireoApp } from './pages/app';

test('h3 the first-run screen offers "Add a host" (and "This computer"), no demo lab', async ({ page, server }) => {
  await openApp(page, server);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('empty-add-host')).toBeVisible();
  await expect(page.getByTestId('connect-lab')).toHaveCount(0);
  await expect(page.getByText(/demo lab/i)).toHaveCount(0);
});

test('low corrupt hosts.json: the app starts empty, keeps the file aside and shows what was wrong', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vireo-e2e-corrupt-'));
  writeFileSync(join(dataDir, 'hosts.json'), '{"version": 1, "hosts": [ {"id": "lab-a", ');
  const server = await startServer({ dataDir });
  try {
    await openApp(page, server);
    const notice = page.getByTestId('startup-warnings');
    await expect(notice).toContainText('The saved hosts file could not be read and was set aside');
    await expect(notice).toContainText('not valid JSON');
    const backup = readdirSync(dataDir).find((f) => f.startsWith('hosts.json.corrupt-'));
    expect(backup).toBeTruthy();
    await expect(notice).toContainText(backup ?? '');
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('startup-warning.png') });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('m4 a password that cannot be saved safely: the host connects and the app says it is kept until Vireo quits', async ({
  page,
  server,
}, testInfo) => {
  const a = readLab().hosts.find((h) => h.id === 'A');
  if (!a?.password) throw new Error('lab.json: host A has no password account');
  const app = new VireoApp(page);
  await openApp(page, server);
  await app.addHostDialog.open();
  await app.addHostDialog.root.getByText('Password', { exact: true }).click();
  await expect(app.addHostDialog.root).toContainText('Not saved: The web mode keeps passwords in memory only');
  await app.addHostDialog.cancel();
  await app.addHost(
    { name: 'm4-pw', address: a.address, user: a.password.user, auth: { kind: 'password', password: a.password.password } },
    a.fingerprint,
  );
  await expect(page.getByText('m4-pw: password not saved')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('password-not-saved.png') });
  await expect(page.getByText(/You will be asked for it again after Vireo restarts/)).toBeVisible();
});
