/**
 * Issue 21, what a new user hits, end to end against the real lab in Chromium through the web
 * bridge. Each test starts its own backend with a fresh data dir and adds the lab hosts it needs
 * through the dialog, as a user does.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostInfo } from '../shared/api';
import { type AppServer, expect, openApp, startServer, test } from './fixtures';
import { guestVmXml } from './lab/guest-vm';
import { connectLabHosts } from './lab/hosts';
import { labSh, readLab, virshOn } from './lab/lab';
import { modal } from './pages/add-host';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { CloneWizard } from './pages/clone';
import { InstallWizard } from './pages/install';
import { MigrateWizard } from './pages/migrate';

const lab = readLab();
const hostA = lab.hosts.find((h) => h.id === 'A');
const hostB = lab.hosts.find((h) => h.id === 'B');
if (!hostA || !hostB) throw new Error('the lab describes no hosts A and B');
const A = hostA;
const B = hostB;
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
    await dialog.submit();
    await expect(dialog.root.getByTestId('form-summary')).toHaveText('Check this field: libvirt URI. Nothing was sent.');
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

/** A libvirt test-driver node on lab-a's file system: running VMs with these names, no lab guest touched. */
function testDriverNode(names: string[]): string {
  const dir = mkdtempSync(join(lab.dir, 'tmp', 'vireo-newuser-'));
  const file = join(dir, 'node.xml');
  const doms = names.map(
    (n) => `<domain type='test'><name>${n}</name><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`,
  );
  writeFileSync(file, `<node>\n${doms.join('\n')}\n</node>\n`);
  return `test://${file}`;
}

test('after a restart: saved hosts that do not connect on start are one click away from the empty table', async ({ page }, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vireo-e2e-newuser-'));
  let server: AppServer = await startServer({ dataDir });
  try {
    const app = new VireoApp(page);
    await app.open(server);
    const id = await app.addHost(
      { name: 'lab-a', address: A.address, user: A.user, port: A.port, auth: keyA, autoconnect: false },
      A.fingerprint,
    );
    await server.stop();
    server = await startServer({ dataDir });
    await app.open(server);
    await expect(app.hostStatus(id)).toHaveAttribute('data-status', 'disconnected');
    await app.showAllVms();
    const empty = page.getByTestId('domain-table-empty');
    await expect(empty).toContainText('No host is connected.');
    await testInfo.attach('the first screen after a restart', { body: await page.screenshot(), contentType: 'image/png' });
    await empty.getByTestId('empty-table-connect').click();
    await app.expectConnected('lab-a');
    await expect(page.getByTestId('domain-table-empty')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});

test('the host tree: names in natural order like the table; long host names and four-digit VM counts are not cut off', async ({
  page,
  server,
}) => {
  const app = new VireoApp(page);
  await app.open(server);
  const natural = ['vm1', 'vm2', 'vm10', 'vm11', 'vm100'];
  const uri = testDriverNode(['vm10', 'vm2', 'vm100', 'vm1', 'vm11']);
  const longName = 'lab-a test driver under a long display name that keeps going'; // 60 of 64
  const small = await app.addHost({ name: longName, address: A.address, user: A.user, port: A.port, auth: keyA, uri }, A.fingerprint);
  const big = await app.addHost({
    name: 'lab-a-1000',
    address: A.address,
    user: A.user,
    port: A.port,
    auth: keyA,
    uri: A.testUris.dom1000,
  });

  await test.step('the tree lists vm1, vm2, vm10, vm11, vm100 as the table does', async () => {
    const tree = page.locator(`[data-testid^="tree-vm-"][data-testid$="-${small}"]`);
    await expect(tree).toHaveCount(5);
    expect(await tree.allTextContents()).toEqual(natural);
    await app.showAllVms();
    const rows = page.locator(`[data-testid^="vm-"][data-testid$="-${small}-name"]`);
    await expect(rows).toHaveCount(5);
    expect(await rows.allTextContents()).toEqual(natural);
  });

  await test.step('the whole long name is shown (wrapped) and the count 1000 fits its badge', async () => {
    const name = page.getByTestId(`host-${small}-name`);
    await expect(name).toHaveText(longName);
    const clipped = await name.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    expect(clipped, 'the host name is not clipped').toBe(false);
    const count = page.getByTestId(`host-${big}-count`);
    await expect(count).toHaveText('1000');
    const label = count.locator('.mantine-Badge-label');
    const cut = await label.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(cut, 'the badge shows all four digits').toBe(false);
  });
});

test('forms speak plainly: every wrong field of the add-host dialog is named at once, in words, and nothing is sent', async ({
  page,
  server,
}) => {
  const app = new VireoApp(page);
  await app.open(server);
  const dialog = app.addHostDialog;
  await dialog.open();
  await dialog.fill({
    name: 'n'.repeat(70),
    address: 'lab a!',
    user: 'root',
    port: A.port,
    jump: 'not a jump host',
    auth: { kind: 'key', path: '' },
  });
  await dialog.submit();
  const field = (name: string) => dialog.root.locator(`input[name=${name}]`);
  await expect(field('name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.root.getByText('Display name is longer than 64 characters')).toBeVisible();
  await expect(dialog.root.getByText('Address may contain only letters, digits, ".", ":", "-", "_"')).toBeVisible();
  await expect(dialog.root.getByText('A jump host is [user@]host[:port], comma-separated for a chain')).toBeVisible();
  await expect(dialog.root.getByText('Private key file is empty')).toBeVisible();
  await expect(dialog.root.getByTestId('form-summary')).toHaveText(
    'Check these 4 fields: Address, Jump host, Display name, Private key file. Nothing was sent.',
  );
  await expect(dialog.root.getByText(/Invalid input for/)).toHaveCount(0);
  // Fixing them one by one clears each message where it stood.
  await field('name').fill('lab-a');
  await expect(dialog.root.getByText('Display name is longer than 64 characters')).toHaveCount(0);
  await dialog.cancel();
  await expect(page.getByText('No hosts yet.')).toBeVisible();
});

/** A tag for what these tests name on the lab hosts (never created, or made and removed here). */
const tag = `nu2-${randomBytes(3).toString('hex')}`;

/** Whatever lab-a lists (VMs with --all, volumes of its default pool) that carries this run's tag. */
async function taggedOnA(): Promise<string[]> {
  const doms = (await virshOn('A', ['list', '--all', '--name'])).split('\n');
  const vols = (await virshOn('A', ['vol-list', 'default'])).split('\n');
  return [...doms, ...vols].map((l) => l.trim().split(/\s+/)[0] ?? '').filter((n) => n.includes(tag));
}

test('forms speak plainly in the install wizard: each step names every wrong field in words, with the summary, and nothing is created', async ({
  page,
  server,
}) => {
  const backend = await BackendClient.connect(server);
  try {
    await connectLabHosts(backend);
  } finally {
    backend.close();
  }
  const app = new VireoApp(page);
  await app.open(server);
  await app.expectConnected('lab-a');
  await app.openHost('lab-a');
  const w = new InstallWizard(page);
  const summary = w.root.getByTestId('form-summary');
  await w.open();

  await test.step('source: a kernel and an initrd that are not absolute paths on the host', async () => {
    await w.kernelSource({ kernel: 'vmlinuz', initrd: 'initrd.img', cmdline: 'console=ttyS0' });
    await w.next();
    const step = page.getByTestId('install-step-source');
    await expect(step.getByText('Kernel (path on the host) must be an absolute path on the host')).toBeVisible();
    await expect(step.getByText('Initrd (path on the host) must be an absolute path on the host')).toBeVisible();
    await expect(summary).toHaveText('Check these 2 fields: Kernel (path on the host), Initrd (path on the host). Nothing was sent.');
    await expect(page.getByTestId('install-kernel')).toHaveAttribute('aria-invalid', 'true');
    // Fixed, they go, and the next step opens.
    await page.getByTestId('install-kernel').fill(`${lab.dir}/guest/vmlinuz`);
    await page.getByTestId('install-initrd').fill(`${lab.dir}/guest/initrd.img`);
    await expect(summary).toHaveCount(0);
    await w.next();
  });

  await test.step('resources: a name with "/", memory beyond the maximum, a volume name with a space', async () => {
    await expect(page.getByTestId('install-step-resources')).toBeVisible();
    await page.getByTestId('install-name').fill(`${tag}/web`);
    await page.getByTestId('install-memory').fill('99999999');
    await page.getByTestId('install-disk-name').fill(`${tag} disk.qcow2`);
    await w.next();
    const step = page.getByTestId('install-step-resources');
    await expect(step.getByText('Name must not contain "/"')).toBeVisible();
    await expect(step.getByText('Memory (MiB) must be at most 16777216')).toBeVisible();
    await expect(step.getByText('Volume name: use letters, digits, ".", "_", "+" and "-" (up to 128)')).toBeVisible();
    await expect(summary).toHaveText('Check these 3 fields: Name, Memory (MiB), Volume name. Nothing was sent.');
    await expect(w.root.getByText(/Invalid input/)).toHaveCount(0);
    // One fixed: its message goes, the summary names the other two.
    await page.getByTestId('install-name').fill(`${tag}-web`);
    await expect(step.getByText('Name must not contain "/"')).toHaveCount(0);
    await expect(summary).toHaveText('Check these 2 fields: Memory (MiB), Volume name. Nothing was sent.');
    await w.close();
  });
  expect(await taggedOnA(), 'nothing was created on lab-a').toEqual([]);
});

test('forms speak plainly in the clone wizard: the name, then each disk’s new volume, named in words with the summary; nothing is created', async ({
  page,
  server,
}) => {
  // A shut-off throwaway VM of this test (a clone needs its source shut off) with two disks.
  const src = `${tag}-src`;
  const paths: string[] = [];
  for (const d of ['a', 'b']) {
    await virshOn('A', ['vol-create-as', 'default', `${src}-${d}.qcow2`, '8M', '--format', 'qcow2']);
    paths.push((await virshOn('A', ['vol-path', '--pool', 'default', `${src}-${d}.qcow2`])).trim());
  }
  const vdb = `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${paths[1]}'/><target dev='vdb' bus='virtio'/></disk>`;
  mkdirSync(join(lab.dir, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(lab.dir, 'tmp', 'vireo-newuser-'));
  writeFileSync(join(dir, 'src.xml'), guestVmXml({ name: src, disk: paths[0], devices: vdb }));
  await virshOn('A', ['define', join(dir, 'src.xml')]);
  try {
    const backend = await BackendClient.connect(server);
    let idA = '';
    try {
      idA = (await connectLabHosts(backend)).find((h) => h.spec.address === A.address)?.id ?? '';
    } finally {
      backend.close();
    }
    await openApp(page, server);
    await page.getByTestId('nav-all').click();
    const w = new CloneWizard(page);
    const summary = w.root.getByTestId('form-summary');
    await w.openFromMenu(src, idA);

    await test.step('target: a name with "/"', async () => {
      await w.target(idA, `${tag}/clone`);
      await w.next();
      await expect(page.getByTestId('clone-step-target').getByText('Name of the clone must not contain "/"')).toBeVisible();
      await expect(summary).toHaveText('Check this field: Name of the clone. Nothing was sent.');
      await page.getByTestId('clone-name').fill(`${tag}-clone`);
      await w.next();
    });

    await test.step('disks: both new volume names wrong, each named with its disk', async () => {
      await w.disks([
        { target: 'vda', volume: `${tag} a.qcow2` },
        { target: 'vdb', volume: `.${tag}-b.qcow2` },
      ]);
      await w.next();
      const step = page.getByTestId('clone-step-disks');
      const rule = 'use letters, digits, ".", "_", "+" and "-" (up to 128)';
      await expect(step.getByText(`New volume (vda): ${rule}`)).toBeVisible();
      await expect(step.getByText(`New volume (vdb): ${rule}`)).toBeVisible();
      await expect(summary).toHaveText('Check these 2 fields: New volume (vda), New volume (vdb). Nothing was sent.');
      await expect(page.getByTestId('clone-disk-vda-volume')).toHaveAttribute('aria-invalid', 'true');
      await page.getByTestId('clone-disk-vda-volume').fill(`${tag}-a.qcow2`);
      await expect(step.getByText(`New volume (vda): ${rule}`)).toHaveCount(0);
      await expect(summary).toHaveText('Check this field: New volume (vdb). Nothing was sent.');
      await page.keyboard.press('Escape');
      await expect(w.root).toBeHidden();
    });
    // Only the source and its two disks carry the tag: no clone, no copied volume.
    expect((await taggedOnA()).sort()).toEqual([src, `${src}-a.qcow2`, `${src}-b.qcow2`].sort());
    expect((await virshOn('B', ['list', '--all', '--name'])).includes(tag)).toBe(false);
  } finally {
    await virshOn('A', ['undefine', src]).catch(() => {});
    for (const d of ['a', 'b']) await virshOn('A', ['vol-delete', '--pool', 'default', `${src}-${d}.qcow2`]).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Both lab hosts added and connected through the backend, and their ids seen from tiny: the host it
 * is defined on now (where an earlier test left it) and the other one, with the other's lab entry.
 */
async function labHostsAroundTiny(server: AppServer): Promise<{ src: string; dst: string; dstHost: typeof A }> {
  const backend = await BackendClient.connect(server);
  let hosts: HostInfo[];
  try {
    hosts = await connectLabHosts(backend);
  } finally {
    backend.close();
  }
  const idOf = (h: { address: string }) => hosts.find((x) => x.spec.address === h.address)?.id ?? '';
  const onA = (await virshOn('A', ['list', '--all', '--name'])).split('\n').includes('tiny');
  return onA ? { src: idOf(A), dst: idOf(B), dstHost: B } : { src: idOf(B), dst: idOf(A), dstHost: A };
}

test('forms speak plainly in the migrate wizard: every wrong option is named at its field, all at once, and nothing starts', async ({
  page,
  server,
}) => {
  const { src, dst } = await labHostsAroundTiny(server);
  await openApp(page, server);
  await page.getByTestId('nav-all').click();
  const w = new MigrateWizard(page);
  await w.openFromMenu('tiny', src);
  await w.destination(dst);
  await w.next();
  await w.options({ transport: 'p2p', peerUri: 'ftp://lab-b', bandwidthMiBps: 2_000_000 });
  await expect(w.root.getByText('Use qemu+ssh://[user@]host[:port]/system')).toBeVisible();
  await expect(w.root.getByText('Bandwidth must be at most 1000000')).toBeVisible();
  await expect(w.root.getByTestId('form-summary')).toHaveText(
    'Check these 2 fields: Destination as the source reaches it, Bandwidth. Nothing was checked or started yet.',
  );
  await expect(w.root.getByTestId('migrate-next')).toBeDisabled();
  // Fixed, each message goes where it stood, and the checks can run.
  await w.options({ peerUri: '', bandwidthMiBps: 50 });
  await expect(w.root.getByTestId('form-summary')).toHaveCount(0);
  await expect(w.root.getByTestId('migrate-next')).toBeEnabled();
  await w.close();
});

test('libvirtd stopped on the destination: the checks settle with Retry instead of looping; the host page says libvirtd is not answering', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000);
  const { src, dst, dstHost } = await labHostsAroundTiny(server);
  // Every pre-flight request the page sends, to show that a failure does not send it again by itself.
  const preflights: number[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', (f) => {
      if (typeof f.payload === 'string' && f.payload.includes('"migrations.preflight"')) preflights.push(Date.now());
    }),
  );
  await openApp(page, server);
  await page.getByTestId('nav-all').click();
  const w = new MigrateWizard(page);
  await w.openFromMenu('tiny', src);
  await w.destination(dst);
  await w.next();
  await labSh(['libvirtd-stop', dstHost.id]);
  let started = false;
  try {
    await w.next();
    const failed = w.root.getByTestId('migrate-check-failed');
    await expect(failed).toBeVisible({ timeout: 60_000 });
    await expect(failed).toContainText(`${dstHost.name} is not connected`);
    // Settled: the failure stays on screen and nothing is asked again while it is shown.
    const sent = preflights.length;
    await page.waitForTimeout(5_000);
    expect(preflights.length).toBe(sent);
    await expect(failed).toBeVisible();
    await expect(w.root.getByTestId('migrate-checking')).toHaveCount(0);
    // Retry asks once more (still down: the same answer, once).
    await failed.getByTestId('migrate-retry').click();
    await expect(failed).toBeVisible({ timeout: 30_000 });
    expect(preflights.length).toBe(sent + 1);
    await w.close();
    // The host page says what is wrong, in words (SSH works, the proxy to libvirtd's socket fails).
    await page.getByTestId(`host-${dst}`).click();
    await expect(
      page.locator('main').getByText(new RegExp(`libvirtd on ${dstHost.name} is not answering: SSH to ${dstHost.name} works`)),
    ).toBeVisible({ timeout: 60_000 });
    await labSh(['libvirtd-start', dstHost.id]);
    started = true;
    await expect(page.getByTestId(`host-${dst}-status`)).toHaveAttribute('data-status', 'connected', { timeout: 90_000 });
  } finally {
    if (!started) await labSh(['libvirtd-start', dstHost.id]);
  }
  // Back: the same wizard runs its checks and they pass the connection.
  await page.getByTestId('nav-all').click();
  await w.openFromMenu('tiny', src);
  await w.destination(dst);
  await w.next();
  await w.checks();
  await w.close();
});

test('a changed host key: the file and both fingerprints are shown; "Forget the old key" asks for the new one and connects', async ({
  page,
}, testInfo) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vireo-e2e-hostkey-'));
  let server: AppServer = await startServer({ dataDir });
  try {
    const app = new VireoApp(page);
    await app.open(server);
    const id = await app.addHost({ name: 'lab-a', address: A.address, user: A.user, port: A.port, auth: keyA }, A.fingerprint);
    await server.stop();
    // "lab-a was reinstalled": Vireo's known_hosts now files another key (lab-b's) for its address.
    const file = join(dataDir, 'known_hosts');
    const before = readFileSync(file, 'utf8');
    expect(before).toContain(`${A.address} `);
    writeFileSync(
      file,
      before
        .split('\n')
        .map((l) => (l.startsWith(`${A.address} `) ? `${A.address} ${B.hostKey}` : l))
        .join('\n'),
    );
    server = await startServer({ dataDir });
    await app.open(server);
    await expect(app.hostStatus(id)).toHaveAttribute('data-status', 'failed');
    await app.openHost('lab-a');
    await expect(page.getByTestId('host-page-error')).toContainText(`has changed: ${file} has`);
    await expect(page.getByTestId('host-key-old')).toContainText(B.fingerprint);
    await expect(page.getByTestId('host-key-new')).toContainText(A.fingerprint);
    await testInfo.attach('a changed host key', { body: await page.screenshot(), contentType: 'image/png' });
    await page.getByTestId('host-key-forget').click();
    await expect(page.getByTestId('host-key-forget-modal').getByRole('dialog')).toContainText(A.fingerprint);
    await page.getByTestId('host-key-forget-confirm').click();
    expect(await app.prompt.fingerprint()).toBe(A.fingerprint);
    await app.prompt.trust();
    await app.expectConnected('lab-a');
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain(B.hostKey.split(' ')[1]);
    expect(after).toContain(`${A.address} `);
  } finally {
    await server.stop();
  }
});
