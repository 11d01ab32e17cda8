/**
 * "Connect when Vireo starts" (virt-manager's Autoconnect), end to end against the real lab: the
 * box is ticked for a new host, a host added with it ticked connects when the app starts again,
 * one without it stays disconnected until the box is ticked in its edit form.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppServer, expect, startServer, test } from './fixtures';
import { readLab } from './lab/lab';
import { modal } from './pages/add-host';
import { VireoApp } from './pages/app';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
const B = lab.hosts.find((h) => h.id === 'B');
if (!A || !B) throw new Error('the lab describes no hosts A and B');

test('autoconnect: hosts marked "connect when Vireo starts" connect at start; the others wait for a click', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vireo-e2e-autoconnect-'));
  let server: AppServer = await startServer({ dataDir });
  try {
    const app = new VireoApp(page);
    await app.open(server);

    await app.addHostDialog.open();
    await expect(app.addHostDialog.root.locator('input[name=autoconnect]')).toBeChecked();
    await app.addHostDialog.cancel();

    await app.addHost(
      { name: 'lab-a', address: A.address, user: A.user, port: A.port, auth: { kind: 'key', path: A.keyPath } },
      A.fingerprint,
    );
    const idB = await app.addHost(
      { name: 'lab-b', address: B.address, user: B.user, port: B.port, autoconnect: false, auth: { kind: 'key', path: B.keyPath } },
      B.fingerprint,
    );

    await test.step('a new start connects lab-a by itself; lab-b stays disconnected', async () => {
      await server.stop();
      server = await startServer({ dataDir });
      await app.open(server);
      await app.expectConnected('lab-a');
      await expect(app.hostStatus(idB)).toHaveAttribute('data-status', 'disconnected');
    });

    await test.step('ticking the box in lab-b’s edit form makes it connect at the next start', async () => {
      await page.getByTestId(`host-${idB}-menu`).click();
      await page.getByTestId(`host-${idB}-edit`).click();
      const edit = modal(page, 'edit-host-modal');
      const box = edit.locator('input[name=autoconnect]');
      await expect(box).not.toBeChecked();
      await box.check();
      await edit.getByTestId('add-host-submit').click();
      await expect(edit).toBeHidden();
      await server.stop();
      server = await startServer({ dataDir });
      await app.open(server);
      await app.expectConnected('lab-a');
      await app.expectConnected('lab-b');
    });
  } finally {
    await server.stop();
  }
});
