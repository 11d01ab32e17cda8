/**
 * Issue 19, the Settings tab end to end in Chromium, on the spec's own copies of tiny (s19-…, a
 * blank disk each, removed after each test whatever happened):
 * - a running VM: a vCPU hot-plugged (the guest's /sys shows it), a new maximum pending until the
 *   next boot, memory ballooned down and up, title and description live and for the next boot,
 *   autostart on and off — each read back in the page and checked with virsh;
 * - a shut-off VM renamed (the field is disabled while a VM runs).
 */
import { randomBytes } from 'node:crypto';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { defineS19Vm, removeS19Vm, type S19Vm, SettingsPanel } from './pages/settings';

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

test.afterEach(async () => {
  await removeS19Vm(vm);
  vm = undefined;
});

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
});

test('a shut-off VM renamed; a name libvirt would refuse is named in the form', async ({ page, server }, testInfo) => {
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
});
