/**
 * Issue 21, what a new user hits, end to end against the real lab in Chromium through the web
 * bridge. Each test starts its own backend with a fresh data dir and adds the lab hosts it needs
 * through the dialog, as a user does.
 */
import { expect, test } from './fixtures';
import { readLab, virshOn } from './lab/lab';
import { modal } from './pages/add-host';
import { VireoApp } from './pages/app';

const lab = readLab();
const hostA = lab.hosts.find((h) => h.id === 'A');
if (!hostA) throw new Error('the lab describes no host A');
const A = hostA;
const keyA = { kind: 'key' as const, path: A.keyPath };

test('hosts: any libvirt URI — a wrong one is named in words, the test driver connects, Edit moves the host to a custom socket', async ({
  page,
  server,
}, testInfo) => {
  const app = new VireoApp(page);
  await app.open(server);
  const dialog = app.addHostDialog;

  await test.step('the dialog offers the hypervisors and a free URI field; a URI with a host part is refused in words', async () => {
    await dialog.open();
    const uri = dialog.root.locator('input[name=uri]');
    await expect(uri).toHaveValue('qemu:///system');
    await dialog.root.getByTestId('host-hypervisor').click();
    await page.getByRole('option', { name: "libvirt's test driver" }).click();
    await expect(uri).toHaveValue('test:///default');
    await dialog.fill({ name: 'lab-a-bad', address: A.address, user: A.user, port: A.port, auth: keyA, uri: 'qemu+ssh://lab-a/system' });
    await expect(dialog.root.getByText(/^Not a libvirt URI on the host/)).toBeVisible();
    await expect(dialog.root.getByTestId('add-host-submit')).toBeDisabled();
    await expect(dialog.root.getByTestId('host-hypervisor')).toHaveValue('Other (type the URI)');
    await testInfo.attach('add-host dialog with the URI choice', { body: await dialog.root.screenshot(), contentType: 'image/png' });
    await dialog.cancel();
  });

  const id = await test.step("libvirt's test driver on lab-a (test:///default) connects and shows its VM", async () => {
    const hostId = await app.addHost(
      { name: 'lab-a-test', address: A.address, user: A.user, port: A.port, auth: keyA, uri: 'test:///default' },
      A.fingerprint,
    );
    await app.openHost('lab-a-test');
    await expect(page.getByTestId('host-page-where')).toContainText('test:///default');
    await app.showAllVms();
    // The test driver's default node has one running VM called "test".
    await expect(app.table.row('test', hostId)).toBeVisible();
    return hostId;
  });

  await test.step('Edit changes the URI: qemu:///system on an explicitly named socket reconnects and shows the lab guests', async () => {
    await page.getByTestId(`host-${id}-menu`).click();
    await page.getByTestId(`host-${id}-edit`).click();
    const edit = modal(page, 'edit-host-modal');
    await expect(edit.locator('input[name=uri]')).toHaveValue('test:///default');
    await edit.locator('input[name=uri]').fill('qemu:///system?socket=/var/run/libvirt/libvirt-sock');
    await edit.getByTestId('add-host-submit').click();
    await expect(edit).toBeHidden();
    await app.expectConnected('lab-a-test');
    await app.openHost('lab-a-test');
    await expect(page.getByTestId('host-page-where')).toContainText('qemu:///system?socket=/var/run/libvirt/libvirt-sock');
    await app.showAllVms();
    // Whatever the lab's qemu:///system holds now (other tests move guests): its first VM is listed.
    const first = (await virshOn('A', ['list', '--all', '--name'])).split('\n').find((n) => n.trim());
    expect(first, 'lab-a defines at least one VM').toBeTruthy();
    await expect(app.table.row(String(first), id)).toBeVisible();
    await expect(app.table.row('test', id)).toHaveCount(0);
  });
});
