/**
 * Issue 19, the Settings tab end to end in Chromium, on the spec's own copies of tiny (s19-…, a
 * blank disk each, removed after each test whatever happened):
 * - a running VM: a vCPU hot-plugged (the guest's /sys shows it), a new maximum pending until the
 *   next boot, memory ballooned down and up, title and description live and for the next boot,
 *   autostart on and off — each read back in the page and checked with virsh;
 * - a shut-off VM renamed (the field is disabled while a VM runs);
 * - devices of a running VM: an ISO from a pool inserted into its CD-ROM and ejected, a volume
 *   attached as a disk (the guest sees vdb) and detached, a NIC added on the host bridge (the guest
 *   sees eth1) and removed, the first NIC's link set down (the guest's carrier drops) and up, vda
 *   grown live (the guest sees the new size), the
 *   boot order changed for the next boot (pending while it runs).
 */
import { randomBytes } from 'node:crypto';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { defineS19Vm, removeS19Vm, type S19Vm, SettingsPanel, XmlEditorPage } from './pages/settings';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
if (!A) throw new Error('the lab describes no host A');
const run = randomBytes(3).toString('hex');

/** `virsh dominfo` as a record. */
async function dominfo(vm: S19Vm): Promise<Record<string, string>> {
  const out = await virshOn('A', ['dominfo', vm.uuid]);
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [(m[1] ?? '').trim(), (m[2] ?? '').trim()]),
  );
}

let vm: S19Vm | undefined;
/** Volumes a test made in A's default pool, deleted after it. */
let volumes: string[] = [];

test.afterEach(async () => {
  await removeS19Vm(vm);
  vm = undefined;
  for (const v of volumes) await virshOn('A', ['vol-delete', '--pool', 'default', v]).catch(() => '');
  volumes = [];
});

/** Polls a guest command until its output satisfies `ok` (hot-plug takes the guest a moment). */
async function guestUntil(name: string, cmd: string, ok: (out: string) => boolean, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = (await guestExec('A', name, cmd).catch((e: Error) => e.message)).trim();
    if (ok(out) || Date.now() > deadline) return out;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function openSettings(page: import('@playwright/test').Page, server: import('./fixtures').AppServer, name: string) {
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  const app = new VireoApp(page);
  await openApp(page, server);
  const idA = await app.expectConnected(A?.name ?? 'lab-a');
  await app.showAllVms();
  await app.table.openDetails(name, idA);
  const settings = new SettingsPanel(page);
  await settings.open();
  return { app, settings, idA };
}

test('a running VM: vCPU hot-plug, a pending maximum, balloon, title and description, autostart — read back and checked with virsh', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(150_000);
  const name = `s19-set-${run}`;
  vm = await defineS19Vm(name, {
    start: true,
    edit: (xml) =>
      xml
        .replace(/<vcpu placement='static'>1<\/vcpu>/, "<vcpu placement='static' current='1'>2</vcpu>")
        .replace("<memballoon model='none'/>", "<memballoon model='virtio'/>"),
  });
  const v = vm;
  const { settings } = await openSettings(page, server, name);
  await expect(settings.root).toHaveAttribute('data-running', 'yes');
  await expect(page.getByTestId('settings-vcpus-readout')).toHaveText('Running VM: 1 vCPU · Next boot: 1 of 2');
  await expect(page.getByTestId('settings-name')).toBeDisabled();
  await settings.root.screenshot({ path: testInfo.outputPath('settings-running.png') });

  await test.step('a vCPU hot-plugged: applied live and for the next boot, the guest sees it', async () => {
    await page.getByTestId('settings-vcpus').fill('2');
    await page.getByTestId('settings-vcpus-apply').click();
    await expect(page.getByTestId('settings-vcpus-applied')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-vcpus-readout')).toHaveText('Running VM: 2 vCPUs · Next boot: 2 of 2');
    expect((await virshOn('A', ['vcpucount', v.uuid, '--live', '--current'])).trim()).toBe('2');
    expect((await virshOn('A', ['vcpucount', v.uuid, '--config', '--current'])).trim()).toBe('2');
    // The busybox guest has no udev to online it: present, then onlined by hand.
    expect((await guestExec('A', name, 'cat /sys/devices/system/cpu/present')).trim()).toBe('0-1');
    expect((await guestExec('A', name, 'echo 1 > /sys/devices/system/cpu/cpu1/online; cat /sys/devices/system/cpu/online')).trim()).toBe(
      '0-1',
    );
  });

  await test.step('a new maximum waits for the next boot: shown as pending', async () => {
    await page.getByTestId('settings-vcpus-max').fill('3');
    await page.getByTestId('settings-vcpus-apply').click();
    await expect(page.getByTestId('settings-vcpus-applied')).toHaveText('Applied to the next boot.');
    await expect(page.getByTestId('settings-pending-badge')).toBeVisible();
    await expect(page.getByTestId('settings-pending-maxVcpus')).toHaveText('Maximum vCPUs23');
    expect((await virshOn('A', ['vcpucount', v.uuid, '--config', '--maximum'])).trim()).toBe('3');
    expect((await virshOn('A', ['vcpucount', v.uuid, '--live', '--maximum'])).trim()).toBe('2');
    await settings.section('cpu-memory').screenshot({ path: testInfo.outputPath('settings-cpu-pending.png') });
  });

  await test.step('memory ballooned down and up: libvirt takes the target live and for the next boot', async () => {
    await page.getByTestId('settings-memory').fill('160');
    await page.getByTestId('settings-memory-apply').click();
    await expect(page.getByTestId('settings-memory-applied')).toContainText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Next boot: 160 MiB of 192 MiB');
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<currentMemory unit='KiB'>163840</currentMemory>");
    const used = Number.parseInt((await dominfo(v))['Used memory'] ?? '', 10);
    await expect(page.getByTestId('settings-memory-readout')).toContainText(`Running VM: ${Math.round(used / 1024)} MiB`);
    // The lab's busybox guest has no virtio_balloon driver: libvirt took the target, the guest keeps its memory, and the page says so.
    if (used !== 163840)
      await expect(page.getByTestId('settings-memory-difference')).toContainText(
        `Asked 160 MiB; the running VM reports ${Math.round(used / 1024)} MiB`,
      );
    else await expect(page.getByTestId('settings-memory-difference')).toHaveCount(0);
    await settings.section('cpu-memory').screenshot({ path: testInfo.outputPath('settings-memory.png') });
    await page.getByTestId('settings-memory').fill('192');
    await page.getByTestId('settings-memory-apply').click();
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Next boot: 192 MiB of 192 MiB');
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<currentMemory unit='KiB'>196608</currentMemory>");
    // A new maximum only for the next boot: pending while it runs.
    await page.getByTestId('settings-memory-max').fill('256');
    await page.getByTestId('settings-memory-apply').click();
    await expect(page.getByTestId('settings-memory-applied')).toContainText('Applied to the next boot.');
    await expect(page.getByTestId('settings-pending-maxMemory')).toHaveText('Maximum memory192 MiB256 MiB');
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<memory unit='KiB'>262144</memory>");
  });

  await test.step('title and description, live and for the next boot, hostile text verbatim', async () => {
    const title = `Web "front" <1> & ünï ${run}`;
    await page.getByTestId('settings-title').fill(title);
    await page.getByTestId('settings-description').fill(`line one\nline <two> & ${run}`);
    await page.getByTestId('settings-general-apply').click();
    await expect(page.getByTestId('settings-general-applied')).toHaveText(
      `Applied to the running VM and the next boot; libvirt reads back the title “${title}”.`,
    );
    expect((await virshOn('A', ['desc', v.uuid, '--title', '--live'])).trim()).toBe(title);
    expect((await virshOn('A', ['desc', v.uuid, '--title', '--config'])).trim()).toBe(title);
    expect((await virshOn('A', ['desc', v.uuid, '--config'])).trim()).toBe(`line one\nline <two> & ${run}`);
  });

  await test.step('autostart on, then off (virsh dominfo agrees)', async () => {
    await page.getByTestId('settings-autostart').click();
    await expect(page.getByTestId('settings-autostart')).toBeChecked();
    expect((await dominfo(v)).Autostart).toBe('enable');
    await settings.section('general').screenshot({ path: testInfo.outputPath('settings-general.png') });
    await page.getByTestId('settings-autostart').click();
    await expect(page.getByTestId('settings-autostart')).not.toBeChecked();
    expect((await dominfo(v)).Autostart).toBe('disable');
  });

  await test.step('the XML editor of the running VM says its definition has pending changes', async () => {
    const editor = new XmlEditorPage(page);
    await editor.open();
    await expect(page.getByTestId('xml-pending')).toContainText('pending changes');
    await expect(page.getByTestId('xml-undo')).toHaveCount(0); // settings changes are not the editor's to undo
    await page.getByTestId('xml-close').click();
  });
});

test('a shut-off VM renamed (a name libvirt would refuse is named in the form); CPU topology, huge pages and KSM opt-out for the next boot', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(90_000);
  const name = `s19-ren-${run}`;
  vm = await defineS19Vm(name);
  const v = vm;
  const { settings } = await openSettings(page, server, name);
  await expect(settings.root).toHaveAttribute('data-running', 'no');
  await page.getByTestId('settings-name').fill('bad/name');
  await expect(settings.section('general')).toContainText('Name: Name must not contain "/"');
  await expect(page.getByTestId('settings-rename')).toBeDisabled();
  const renamed = `s19-ren2-${run} “ü”`;
  await page.getByTestId('settings-name').fill(renamed);
  await page.getByTestId('settings-rename').click();
  // The page follows the VM (by UUID) under its new name, read back from libvirt.
  await expect(page.getByTestId('details-name')).toHaveText(renamed);
  await expect(page.getByTestId('settings-name')).toHaveValue(renamed);
  await expect(page.getByTestId('settings-rename')).toBeDisabled();
  expect((await virshOn('A', ['domname', v.uuid])).trim()).toBe(renamed);
  await settings.section('general').screenshot({ path: testInfo.outputPath('settings-renamed.png') });

  // CPU topology for the next boot: libvirt refuses one that does not match the maximum vCPUs.
  await page.getByTestId('settings-topology-sockets').fill('2');
  await page.getByTestId('settings-topology-apply').click();
  await expect(settings.section('cpu-memory').getByTestId('error-alert')).toContainText('topology');
  await expect(settings.section('cpu-memory').getByTestId('error-alert')).toContainText('The topology was not changed.');
  expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).not.toContain('<topology');
  await page.getByTestId('settings-vcpus-max').fill('2');
  await page.getByTestId('settings-vcpus-apply').click();
  await expect(page.getByTestId('settings-vcpus-readout')).toHaveText('Next boot: 1 of 2');
  await page.getByTestId('settings-topology-sockets').fill('1');
  await page.getByTestId('settings-topology-cores').fill('2');
  await page.getByTestId('settings-topology-threads').fill('1');
  await page.getByTestId('settings-topology-apply').click();
  await expect(page.getByTestId('settings-topology-readout')).toContainText('Next boot: 1 × 2 × 1');
  expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<topology sockets='1' dies='1' cores='2' threads='1'/>");

  // Memory backing for the next boot: KSM opt-out, huge pages, then both off again.
  const backing = async () =>
    /<memoryBacking>[\s\S]*?<\/memoryBacking>/.exec(await virshOn('A', ['dumpxml', '--inactive', v.uuid]))?.[0] ?? '';
  await page.getByTestId('settings-nosharepages').click();
  await expect(page.getByTestId('settings-nosharepages')).toBeChecked();
  expect(await backing()).toContain('<nosharepages/>');
  await page.getByTestId('settings-hugepages').click();
  await expect(page.getByTestId('settings-hugepages')).toBeChecked();
  expect(await backing()).toMatch(/<hugepages\/>[\s\S]*<nosharepages\/>|<nosharepages\/>[\s\S]*<hugepages\/>/);
  await settings.section('cpu-memory').screenshot({ path: testInfo.outputPath('settings-memory-backing.png') });
  await page.getByTestId('settings-hugepages').click();
  await page.getByTestId('settings-nosharepages').click();
  await expect(page.getByTestId('settings-nosharepages')).not.toBeChecked();
  await expect(page.getByTestId('settings-hugepages')).not.toBeChecked();
  expect(await backing()).toBe('');
});

test('devices of a running VM: ISO in and out, a disk and a NIC hot-plugged and removed, link down and up, boot order', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(150_000);
  const name = `s19-dev-${run}`;
  const iso = `${name}.iso`;
  const data = `${name}-data.qcow2`;
  volumes = [iso, data];
  await virshOn('A', ['vol-create-as', 'default', iso, '1M', '--format', 'raw']);
  await virshOn('A', ['vol-create-as', 'default', data, '16M', '--format', 'qcow2']);
  const cdrom = "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/><readonly/></disk>";
  vm = await defineS19Vm(name, {
    start: true,
    edit: (xml) => xml.replace("<controller type='usb'", `${cdrom}\n    <controller type='usb'`),
  });
  const v = vm;
  const mac = (/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/.exec(await virshOn('A', ['domiflist', v.uuid]))?.[1] ?? '').toLowerCase();
  const nicId = mac.replaceAll(':', '');
  const { settings } = await openSettings(page, server, name);
  const domblk = async () => virshOn('A', ['domblklist', v.uuid]);
  await expect(page.getByTestId('settings-disk-hdc-source')).toHaveText('(empty)');

  await test.step('an ISO from the pool inserted live and for the next boot, then ejected', async () => {
    await page.getByTestId('settings-disk-hdc-iso').selectOption(`default/${iso}`);
    await page.getByTestId('settings-disk-hdc-insert').click();
    await expect(page.getByTestId('settings-media-applied')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-hdc-source')).toHaveText(`/var/lib/libvirt/images/${iso}`);
    expect(await domblk()).toMatch(new RegExp(`hdc\\s+/var/lib/libvirt/images/${iso}`));
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain(`/var/lib/libvirt/images/${iso}`);
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-cdrom.png') });
    await page.getByTestId('settings-disk-hdc-eject').click();
    await expect(page.getByTestId('settings-disk-hdc-source')).toHaveText('(empty)');
    expect(await domblk()).toMatch(/hdc\s+-/);
  });

  await test.step('a volume attached live as vdb: the guest sees it; detached: gone', async () => {
    await page.getByTestId('settings-disk-add-volume').selectOption(`default/${data}`);
    await page.getByTestId('settings-disk-add').click();
    await expect(page.getByTestId('settings-disk-added')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-vdb-source')).toHaveText(`/var/lib/libvirt/images/${data}`);
    expect(await guestUntil(name, 'ls /sys/block', (o) => o.includes('vdb'))).toContain('vdb');
    expect(await domblk()).toContain(`/var/lib/libvirt/images/${data}`);
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-disk-added.png') });
    await page.getByTestId('settings-disk-vdb-remove').click();
    await expect(page.getByTestId('settings-disk-removed')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-vdb')).toHaveCount(0);
    expect(await guestUntil(name, 'ls /sys/block', (o) => !o.includes('vdb'))).not.toContain('vdb');
    expect(await domblk()).not.toContain(data);
  });

  await test.step('a new volume made in the pool and attached live; detached again', async () => {
    const fresh = `${name}-new.qcow2`;
    volumes.push(fresh);
    await page.getByTestId('settings-disk-new-pool').selectOption('default');
    await page.getByTestId('settings-disk-new-name').fill('bad name');
    await expect(settings.section('devices')).toContainText('Volume name: Use letters, digits');
    await expect(page.getByTestId('settings-disk-new-add')).toBeDisabled();
    await page.getByTestId('settings-disk-new-name').fill(fresh);
    await page.getByTestId('settings-disk-new-size').fill('8');
    await page.getByTestId('settings-disk-new-add').click();
    await expect(page.getByTestId('settings-disk-added')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-vdb-source')).toHaveText(`/var/lib/libvirt/images/${fresh}`);
    expect(await virshOn('A', ['vol-info', '--pool', 'default', fresh])).toMatch(/Capacity:\s+8\.00 MiB/);
    expect(await guestUntil(name, 'cat /sys/block/vdb/size', (o) => o === '16384')).toBe('16384');
    await page.getByTestId('settings-disk-vdb-remove').click();
    await expect(page.getByTestId('settings-disk-vdb')).toHaveCount(0);
  });

  await test.step('a NIC added live on the host bridge: the guest sees eth1; removed', async () => {
    await page.getByTestId('settings-nic-add-source').selectOption('bridge/labbr0');
    await page.getByTestId('settings-nic-add').click();
    await expect(page.getByTestId('settings-nic-added')).toHaveText('Applied to the running VM and the next boot.');
    const macs = [...(await virshOn('A', ['domiflist', v.uuid])).matchAll(/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/g)].map((m) => m[1] ?? '');
    expect(macs).toHaveLength(2);
    const added = macs.find((m) => m !== mac) ?? '';
    const addedId = added.replaceAll(':', '');
    await expect(page.getByTestId(`settings-nic-${addedId}`)).toContainText('bridge labbr0 · virtio');
    expect(await guestUntil(name, 'ls /sys/class/net', (o) => o.includes('eth1'))).toContain('eth1');
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-nic-added.png') });
    await page.getByTestId(`settings-nic-${addedId}-remove`).click();
    await expect(page.getByTestId('settings-nic-removed')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId(`settings-nic-${addedId}`)).toHaveCount(0);
    expect(await virshOn('A', ['domiflist', v.uuid])).not.toContain(added);
  });

  await test.step('the first NIC’s link down live: the guest’s carrier drops; up again', async () => {
    await page.getByTestId(`settings-nic-${nicId}-link`).click();
    await expect(page.getByTestId('settings-nic-link-applied')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId(`settings-nic-${nicId}-link`)).not.toBeChecked();
    expect(await virshOn('A', ['domif-getlink', v.uuid, mac])).toContain('down');
    expect(await guestUntil(name, 'cat /sys/class/net/eth0/carrier', (o) => o === '0')).toBe('0');
    await page.getByTestId(`settings-nic-${nicId}-link`).click();
    await expect(page.getByTestId(`settings-nic-${nicId}-link`)).toBeChecked();
    expect(await virshOn('A', ['domif-getlink', v.uuid, mac])).toContain('up');
    expect(await guestUntil(name, 'cat /sys/class/net/eth0/carrier', (o) => o === '1')).toBe('1');
  });

  await test.step('vda grown live from 64 to 96 MiB: the guest sees it; shrinking is not offered', async () => {
    await expect(page.getByTestId('settings-disk-vda-size')).toHaveText('64 MiB');
    await page.getByTestId('settings-disk-vda-grow-to').fill('32');
    await expect(settings.section('devices')).toContainText('Only growing: more than 64 MiB');
    await expect(page.getByTestId('settings-disk-vda-grow')).toBeDisabled();
    await page.getByTestId('settings-disk-vda-grow-to').fill('96');
    await page.getByTestId('settings-disk-vda-grow').click();
    await expect(page.getByTestId('settings-disk-grown')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-vda-size')).toHaveText('96 MiB');
    expect(await virshOn('A', ['domblkinfo', v.uuid, 'vda'])).toMatch(/Capacity:\s+100663296/);
    expect(await guestUntil(name, 'cat /sys/block/vda/size', (o) => o === '196608')).toBe('196608');
  });

  await test.step('boot order: the NIC first, then vda — for the next boot, pending while it runs', async () => {
    await page.getByTestId(`settings-boot-${nicId}-on`).check();
    await page.getByTestId('settings-boot-vda-on').check();
    await expect(page.getByTestId('settings-boot-vda')).toHaveAttribute('data-position', '2');
    await page.getByTestId('settings-boot-vda-up').click();
    await expect(page.getByTestId('settings-boot-vda')).toHaveAttribute('data-position', '1');
    await page.getByTestId(`settings-boot-${nicId}-up`).click();
    await expect(page.getByTestId(`settings-boot-${nicId}`)).toHaveAttribute('data-position', '1');
    await page.getByTestId('settings-boot-apply').click();
    await expect(page.getByTestId('settings-boot-applied')).toHaveText('Applied to the next boot.');
    const xml = await virshOn('A', ['dumpxml', '--inactive', v.uuid]);
    expect(xml).not.toContain("<boot dev='hd'/>");
    expect(xml).toMatch(new RegExp(`<mac address='${mac}'/>[\\s\\S]*?<boot order='1'/>`));
    expect(xml).toMatch(/<target dev='vda' bus='virtio'\/>[\s\S]*?<boot order='2'\/>/);
    await expect(page.getByTestId('settings-pending-bootOrder')).toContainText(`${mac}, vda`);
    await settings.section('boot').screenshot({ path: testInfo.outputPath('settings-boot.png') });
  });
});
