/**
 * Issue 6, end to end against the real lab: add both hosts through the dialog (trusting the
 * fingerprints the lab published), follow and drive VMs live, refuse a changed host key and a
 * wrong password, and show a hostile VM name verbatim everywhere.
 *
 * Hosts: A by the lab's key file, B by the same key, and A's password account (the lab always has
 * one, on A only) as a third host. A lab without it fails here rather than testing less.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openApp, test } from './fixtures';
import { labReset, labSh, readLab, virshOn } from './lab/lab';
import { modal } from './pages/add-host';
import { VireoApp } from './pages/app';

const lab = readLab();
const hostA = lab.hosts.find((h) => h.id === 'A');
const hostB = lab.hosts.find((h) => h.id === 'B');
if (!hostA || !hostB) throw new Error('the lab describes no hosts A and B');
const A = hostA;
const B = hostB;
/** A's password account: every lab has one (lab.sh up creates it); without it the test fails, never tests less. */
function passwordAccount(): { user: string; password: string } {
  if (!A.password) throw new Error('the lab has no password account (lab.json hosts[0].password): lab.sh up creates one');
  return A.password;
}

// The lab is shared: start from its initial state (tiny running on A, B empty), whatever ran before, and leave it so.
test.beforeAll(async () => {
  await labReset();
});
test.afterAll(async () => {
  await labReset();
});

test('hosts: add both lab hosts, see VMs live, drive them from the UI and from the host', async ({ page, server }, testInfo) => {
  const app = new VireoApp(page);
  await app.open(server);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  const idA = await app.addHost(
    { name: 'lab-a', address: A.address, user: A.user, port: A.port, auth: { kind: 'key', path: A.keyPath } },
    A.fingerprint,
  );
  const idB = await app.addHost(
    { name: 'lab-b', address: B.address, user: B.user, port: B.port, auth: { kind: 'key', path: B.keyPath } },
    B.fingerprint,
  );
  // Same address as A: its key is known now, so no prompt.
  const pw = passwordAccount();
  const idPw = await app.addHost({
    name: 'lab-a-pw',
    address: A.address,
    user: pw.user,
    port: A.port,
    auth: { kind: 'password', password: pw.password },
  });

  await test.step('tiny runs on A, in the table and the tree', async () => {
    await app.showAllVms();
    await expect(app.table.row('tiny', idA)).toHaveAttribute('data-state', 'running');
    await expect(app.table.state('tiny', idA)).toHaveText('Running');
    await expect(page.getByTestId(`tree-vm-tiny-${idA}`)).toBeVisible();
    await expect(page.getByTestId(`group-${idB}`)).toHaveCount(0); // B has no VMs: no group
    await expect(app.hostItem('lab-b')).toContainText('Connected');
  });

  await test.step('actions that cannot apply are disabled, with the reason', async () => {
    const menu = await app.table.contextMenu('tiny', idA);
    await expect(app.table.menuItem('tiny', idA, 'start')).toBeDisabled();
    await expect(app.table.menuItem('tiny', idA, 'resume')).toBeDisabled();
    await expect(app.table.menuItem('tiny', idA, 'console')).toBeEnabled();
    await expect(app.table.menuItem('tiny', idA, 'forceoff')).toBeEnabled();
    await expect(menu).toContainText('Force off');
    await app.table.closeMenu();
  });

  await test.step('force off from the UI: the row follows without a reload', async () => {
    await app.table.forceOff('tiny', idA);
    await expect(app.table.row('tiny', idA)).toHaveAttribute('data-state', 'shutoff');
    await expect(app.table.state('tiny', idA)).toHaveText('Shut off');
  });

  await test.step('started from a shell on the host: the UI follows within 1 s', async () => {
    await virshOn('A', ['start', 'tiny']);
    await expect(app.table.row('tiny', idA)).toHaveAttribute('data-state', 'running', { timeout: 1000 });
  });

  await test.step('pause and resume with the keyboard on the selected row', async () => {
    await app.table.row('tiny', idA).click();
    await expect(page.getByTestId('toolbar-target')).toHaveText('tiny');
    await page.keyboard.press('p');
    await expect(app.table.row('tiny', idA)).toHaveAttribute('data-state', 'paused');
    await expect(page.getByTestId('toolbar-pause')).toBeDisabled();
    await page.keyboard.press('Shift+P');
    await expect(app.table.row('tiny', idA)).toHaveAttribute('data-state', 'running');
    // Arrow keys move the selection (rows are sorted by name within the host group).
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('toolbar-target')).toHaveText('tiny-local');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('toolbar-target')).toHaveText('tiny');
  });

  await test.step('the table shows live stats (sparklines) for running VMs', async () => {
    await expect(app.table.row('tiny', idA).getByTestId('vm-cpu')).toBeVisible({ timeout: 15_000 });
  });
  await page.screenshot({ path: testInfo.outputPath('main-window.png') });

  await test.step('VM details: overview, live graphs, XML', async () => {
    await page.keyboard.press('Enter'); // the selected row
    await expect(app.details.root('tiny', idA)).toBeVisible();
    await expect(page.getByTestId('details-state')).toHaveText(/Running/i);
    await expect(page.getByTestId('details-uptime')).toBeVisible();
    await expect(page.getByTestId('details-disks')).toContainText('vda');
    await expect(page.getByTestId('details-nics')).toContainText(/52:54:00/);
    await expect(app.details.action('tiny', idA, 'start')).toBeDisabled();
    await expect(app.details.action('tiny', idA, 'console')).toBeEnabled();
    await app.details.tab('graphs');
    await expect(page.getByTestId('graph-cpu')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('graph-network')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('vm-details-graphs.png') });
    await app.details.tab('xml');
    await expect(app.details.xml).toContainText('<name>tiny</name>');
    await app.details.tab('overview');
    await page.screenshot({ path: testInfo.outputPath('vm-details.png') });
  });

  await test.step('host details: versions, CPU, memory, pools, networks', async () => {
    await app.openHost('lab-a');
    await expect(page.getByTestId('host-hostname')).not.toBeEmpty();
    await expect(page.getByTestId('host-libvirt-version')).toHaveText(/^\d+\.\d+/);
    await expect(page.getByTestId('host-qemu-version')).toHaveText(/^\d+\.\d+/);
    await expect(page.getByTestId('host-cpu-count')).toHaveText(/^\d+/);
    await expect(page.getByTestId('pool-default')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('host-details.png') });
  });

  await test.step('reorder, rename and remove hosts', async () => {
    const order = async () =>
      page
        .getByTestId('host-sidebar')
        .locator('[data-host-name]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-host-name')));
    expect((await order()).slice(0, 2)).toEqual(['lab-a', 'lab-b']);
    await page.getByTestId(`host-${idB}-menu`).click();
    await page.getByTestId(`host-${idB}-up`).click();
    await expect.poll(order).toEqual(['lab-b', 'lab-a', 'lab-a-pw']);
    // Saved by the backend: a reload keeps it.
    await openApp(page, server);
    await expect.poll(order).toEqual(['lab-b', 'lab-a', 'lab-a-pw']);

    // Drag lab-a back above lab-b.
    await app.hostItem('lab-a').dragTo(app.hostItem('lab-b'), { targetPosition: { x: 20, y: 4 } });
    await expect.poll(order).toEqual(['lab-a', 'lab-b', 'lab-a-pw']);

    await page.getByTestId(`host-${idB}-menu`).click();
    await page.getByTestId(`host-${idB}-edit`).click();
    const edit = modal(page, 'edit-host-modal');
    await edit.locator('input[name=name]').fill('lab-b renamed');
    await edit.getByTestId('add-host-submit').click();
    await expect(edit).toBeHidden();
    await expect(app.hostItem('lab-b renamed')).toBeVisible();

    await page.getByTestId(`host-${idPw}-menu`).click();
    await page.getByTestId(`host-${idPw}-remove`).click();
    await page.getByTestId('remove-host-confirm').click();
    await expect(page.getByTestId(`host-${idPw}`)).toHaveCount(0);
    await expect.poll(order).toEqual(['lab-a', 'lab-b renamed']);
  });
});

test('hosts: a changed host key is refused with a clear message', async ({ page, server }) => {
  // known_hosts says B has A's key: the key B presents is then a changed one.
  writeFileSync(join(server.dataDir, 'known_hosts'), `${B.address} ${A.hostKey}\n`);
  const app = new VireoApp(page);
  await app.open(server);
  await app.addHostDialog.open();
  await app.addHostDialog.fill({ name: 'lab-b', address: B.address, user: B.user, auth: { kind: 'key', path: B.keyPath } });
  await app.addHostDialog.submit();
  await expect(app.addHostDialog.error).toContainText('Could not add the host');
  await expect(app.addHostDialog.error).toContainText(`The host key of ${B.address} has changed`);
  await expect(app.addHostDialog.error).toContainText(B.fingerprint);
  await expect(app.prompt.root).toHaveCount(0); // never offered to trust it
  await app.addHostDialog.cancel();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('host-sidebar').locator('[data-host-name]')).toHaveCount(0);
});

test('hosts: B reached through A as a jump host (ProxyJump) set in the form; a malformed jump host is refused', async ({
  page,
  server,
}) => {
  const app = new VireoApp(page);
  await app.open(server);
  await app.addHostDialog.open();
  await app.addHostDialog.fill({
    name: 'lab-b-via-a',
    address: B.address,
    user: B.user,
    jump: 'root@bad host;$(id)',
    auth: { kind: 'key', path: B.keyPath },
  });
  await app.addHostDialog.submit();
  // Refused in the form, at its field, before anything is sent (the backend applies the same rule).
  await expect(app.addHostDialog.root.getByText('A jump host is [user@]host[:port], comma-separated for a chain')).toBeVisible();
  await expect(app.addHostDialog.root.getByTestId('form-summary')).toHaveText('Check this field: Jump host. Nothing was sent.');
  await app.addHostDialog.fill({ address: B.address, jump: `${A.user}@${A.address}:${A.port}`, auth: { kind: 'key', path: B.keyPath } });
  await app.addHostDialog.submit();
  // Both keys are new to this backend: the jump host's is asked first, then B's (seen through A).
  expect(await app.prompt.fingerprint()).toBe(A.fingerprint);
  await app.prompt.trust();
  expect(await app.prompt.fingerprint()).toBe(B.fingerprint);
  await app.prompt.trust();
  await expect(app.addHostDialog.root).toBeHidden({ timeout: 30_000 });
  await app.expectConnected('lab-b-via-a');
  await app.openHost('lab-b-via-a');
  await expect(page.getByTestId('host-page-where')).toContainText(`via ${A.user}@${A.address}:${A.port}`);
  // B sees the SSH connection coming from A, not from this machine (10.203.0.254).
  const peers = (await labSh(['exec', 'B', 'ss', '-Htn', 'state', 'established', '( sport = :22 )'])).stdout;
  expect(peers).toContain(`${A.address}:`);
});

test('hosts: a wrong password gives a clear error and saves no host and no secret', async ({ page, server }) => {
  const wrong = `wrong-${Date.now()}`;
  const user = passwordAccount().user;
  const app = new VireoApp(page);
  await app.open(server);
  await app.addHostDialog.open();
  await app.addHostDialog.fill({ name: 'lab-a-pw', address: A.address, user, auth: { kind: 'password', password: wrong } });
  await app.addHostDialog.submit();
  // First connect: A's key is unknown to this fresh backend.
  expect(await app.prompt.fingerprint()).toBe(A.fingerprint);
  await app.prompt.trust();
  await expect(app.addHostDialog.error).toContainText(/Authentication failed/i);
  await app.addHostDialog.cancel();
  await openApp(page, server);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('host-sidebar').locator('[data-host-name]')).toHaveCount(0);
  for (const f of readdirSync(server.dataDir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(wrong);
  }
});

test('hosts: a VM named with quotes, <, & and non-Latin letters shows verbatim and its actions work', async ({
  page,
  server,
}, testInfo) => {
  const name = `odd "q" 'a' <b> & Ωμέγα-Жук`;
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  // A fresh volume in A's default pool for its disk: the delete dialog offers to delete it too.
  const vol = `odd-${Date.now()}.qcow2`;
  await virshOn('A', ['vol-create-as', 'default', vol, '8M', '--format', 'qcow2']);
  const volPath = (await virshOn('A', ['vol-path', '--pool', 'default', vol])).trim();
  // The lab guests' shape, with nothing shared with them (no UUID, no MAC, its own disk).
  const xml = (await virshOn('A', ['dumpxml', '--inactive', 'stopped']))
    .replace(/<name>[^<]*<\/name>/, `<name>${esc(name)}</name>`)
    .replace(/\s*<uuid>[^<]*<\/uuid>/, '')
    .replace(/\s*<mac [^>]*\/>/g, '')
    .replace(/<source file='[^']*'\/>/, `<source file='${esc(volPath)}'/>`);
  const dir = mkdtempSync(join(tmpdir(), 'vireo-odd-'));
  const file = join(dir, 'odd.xml');
  writeFileSync(file, xml);
  await virshOn('A', ['define', file]);
  try {
    const app = new VireoApp(page);
    await app.open(server);
    const idA = await app.addHost(
      { name: 'lab-a', address: A.address, user: A.user, auth: { kind: 'key', path: A.keyPath } },
      A.fingerprint,
    );
    await app.showAllVms();
    const row = app.table.row(name, idA);
    await expect(row).toHaveAttribute('data-state', 'shutoff');
    await expect(page.getByTestId(`vm-${name}-${idA}-name`)).toHaveText(name);
    await expect(page.getByTestId(`tree-vm-${name}-${idA}`)).toContainText(name);
    await app.table.filter('Ωμέγα');
    await expect(row).toBeVisible();
    await expect(app.table.row('tiny', idA)).toHaveCount(0);

    await app.table.openDetails(name, idA);
    await expect(page.getByTestId('details-name')).toHaveText(name);
    await app.details.action(name, idA, 'start').click();
    await expect(app.details.state(name, idA)).toHaveAttribute('data-state', 'running');
    await app.details.tab('xml');
    await expect(app.details.xml).toContainText(`<name>${esc(name)}</name>`);
    await expect(app.details.xml.locator('b')).toHaveCount(0); // shown, never parsed as HTML
    await page.screenshot({ path: testInfo.outputPath('odd-name-details.png') });

    await app.details.action(name, idA, 'forceoff').click();
    await expect(modal(page, 'forceoff-dialog')).toContainText(name);
    await page.getByTestId('forceoff-confirm').click();
    await expect(app.details.state(name, idA)).toHaveAttribute('data-state', 'shutoff');

    // Delete, with its volume (ticked by default: a disk in a pool, not shared).
    await app.details.delete(name, idA, { expectTicked: ['vda'] });
    await expect(page.getByTestId('domain-gone').or(page.getByTestId('host-page-name'))).toBeVisible();
    await app.showAllVms();
    await expect(row).toHaveCount(0);
    await expect(virshOn('A', ['vol-info', '--pool', 'default', vol])).rejects.toThrow(/not found|no storage vol/i);
  } finally {
    await virshOn('A', ['undefine', name]).catch(() => {});
    await virshOn('A', ['vol-delete', '--pool', 'default', vol]).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
});
