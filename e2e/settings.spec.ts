/**
 * Issue 19, the Settings tab end to end in Chromium, on the spec's own copies of tiny (g19-…, a
 * blank disk each, removed after each test whatever happened):
 * - a running VM: a vCPU hot-plugged (the guest's /sys shows it), a new maximum pending until the
 *   next boot (marked in the sidebar and the VM list), memory ballooned down and up (the guest's
 *   MemTotal follows), title and description, autostart; then the lifecycle beside the others:
 *   hibernate (managed save, shown and later discarded) and Start restoring it (the guest's memory
 *   and uptime go on), an NMI (the guest's kernel logs it), reset (the guest starts afresh), and a
 *   power cycle that gives it its next boot (the marker goes), vda grown while shut off (the guest
 *   sees it at that boot);
 * - a shut-off VM renamed; a disk outside any pool not grown (said why); CPU topology, huge pages,
 *   KSM opt-out; the CPU mode with its trade-off and libvirt's compare on each connected host;
 * - devices of a running VM: an ISO inserted and ejected (the guest sees the medium), disks
 *   hot-plugged and unplugged as libvirt's device events confirm (bus, cache), a SATA disk only for
 *   the next boot, a new volume moved live to another pool (first a 1 MiB/s move cancelled from the
 *   Jobs drawer: the copy deleted, the guest on its source; then block copy and pivot, data unchanged),
 *   the console on a second serial port, a NIC (model, MAC) the paused guest does not release,
 *   link down and up, vda grown live, the boot order; its firmware shown as BIOS; memory it cannot
 *   balloon (no balloon device) refused live by libvirt, given to the next boot and shown as pending;
 * - a UEFI guest made in the install wizard: OVMF with secure boot and an emulated TPM 2.0 where
 *   lab-a's domain capabilities offer them; it boots under the firmware (the guest's kernel sees EFI,
 *   secure boot and the TPM), Boot and Devices show the loader, NVRAM and TPM; deleted with them.
 *
 * Long on purpose: each test is one admin's session on a booted guest (the lab's slowest resource),
 * so more is checked per boot; the helpers they share are at the top.
 */
import { randomBytes } from 'node:crypto';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, labSh, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { ConsoleDock } from './pages/consoles';
import { InstallWizard } from './pages/install';
import { defineS19Vm, removeS19Vm, type S19Vm, SettingsPanel, XmlEditorPage } from './pages/settings';
import { VmDetails } from './pages/vm-details';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
if (!A) throw new Error('the lab describes no host A');
const run = randomBytes(3).toString('hex');
/** A CPU model QEMU's software emulation (the lab's guests) cannot provide: libvirt says so on each host. */
const unusableModel = 'Skylake-Server';

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
/** Files a test made on host A outside any pool, removed after it. */
let files: string[] = [];

/** A dir pool of the test's own on host A (the move's destination), removed after it. */
let pool: { name: string; path: string } | undefined;

async function defineDirPool(name: string): Promise<{ name: string; path: string }> {
  const path = `/var/lib/libvirt/${name}`; // not under the default pool (it would list the directory)
  pool = { name, path };
  await virshOn('A', ['pool-define-as', name, 'dir', '--target', path]);
  await virshOn('A', ['pool-build', name]);
  await virshOn('A', ['pool-start', name]);
  return { name, path };
}

test.afterEach(async () => {
  await removeS19Vm(vm);
  vm = undefined;
  for (const v of volumes) await virshOn('A', ['vol-delete', '--pool', 'default', v]).catch(() => '');
  volumes = [];
  if (files.length) await labSh(['exec', 'A', 'rm', '-f', '--', ...files]).catch(() => undefined);
  files = [];
  if (pool) {
    const p = pool.name;
    const quiet = (args: string[]) => virshOn('A', args).catch(() => '');
    // virsh 9.0's vol-list has no --name: the names are the first column below the header.
    const names = (await quiet(['vol-list', p]))
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
    for (const n of names) await quiet(['vol-delete', '--pool', p, n]);
    await quiet(['pool-destroy', p]);
    await quiet(['pool-delete', p]);
    await quiet(['pool-undefine', p]);
    pool = undefined;
  }
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

/** The guest's MemTotal in kB (its balloon driver shrinks it). */
const memTotal = "sed -n 's/^MemTotal: *\\([0-9]*\\) kB/\\1/p' /proc/meminfo";

/** The guest's CD-ROM medium size in sectors (reading the drive makes the kernel look at the medium). */
const srSize = 'dd if=/dev/sr0 of=/dev/null bs=2048 count=1 2>/dev/null; cat /sys/block/sr0/size';

/** The guest's uptime in seconds. */
async function uptime(name: string): Promise<number> {
  return Number.parseFloat((await guestExec('A', name, 'cut -d" " -f1 /proc/uptime')).trim());
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
  test.setTimeout(420_000);
  const name = `g19-set-${run}`;
  vm = await defineS19Vm(name, {
    start: true,
    edit: (xml) =>
      xml
        .replace(/<vcpu placement='static'>1<\/vcpu>/, "<vcpu placement='static' current='1'>2</vcpu>")
        .replace("<memballoon model='none'/>", "<memballoon model='virtio'/>"),
  });
  const v = vm;
  const { app, settings, idA } = await openSettings(page, server, name);
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

  await test.step('memory ballooned down and up: live and for the next boot, the guest follows', async () => {
    const memBefore = Number(await guestExec('A', name, memTotal));
    await page.getByTestId('settings-memory').fill('160');
    await page.getByTestId('settings-memory-apply').click();
    await expect(page.getByTestId('settings-memory-applied')).toContainText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Next boot: 160 MiB of 192 MiB');
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<currentMemory unit='KiB'>163840</currentMemory>");
    // The guest's virtio_balloon driver gives the memory back: libvirt's balloon reaches the target
    // and the guest's own MemTotal shrinks by about the 32 MiB taken.
    await expect.poll(async () => (await dominfo(v))['Used memory'], { timeout: 20_000 }).toBe('163840 KiB');
    // libvirt's balloon-change event brings the page the guest's new size.
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Running VM: 160 MiB', { timeout: 20_000 });
    await expect(page.getByTestId('settings-memory-difference')).toHaveCount(0);
    const ballooned = Number(await guestUntil(name, memTotal, (o) => Number(o) > 0 && Number(o) <= memBefore - 30_000));
    expect(ballooned).toBeLessThanOrEqual(memBefore - 30_000);
    await settings.section('cpu-memory').screenshot({ path: testInfo.outputPath('settings-memory.png') });
    await page.getByTestId('settings-memory').fill('192');
    await page.getByTestId('settings-memory-apply').click();
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Next boot: 192 MiB of 192 MiB');
    expect(Number(await guestUntil(name, memTotal, (o) => Number(o) >= memBefore - 1024))).toBeGreaterThanOrEqual(memBefore - 1024);
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<currentMemory unit='KiB'>196608</currentMemory>");
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Running VM: 192 MiB', { timeout: 20_000 });
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

  const marker = page.getByTestId(`tree-vm-${name}-${idA}-pending`);
  const act = (id: string) => page.getByTestId(`vm-${name}-${idA}-${id}`);
  await test.step('the VM is marked "pending changes" in the sidebar and in the VM list', async () => {
    await expect(marker).toBeVisible();
    await app.showAllVms();
    await expect(page.getByTestId(`vm-${name}-${idA}-pending`)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('settings-pending-marker.png') });
    await app.table.openDetails(name, idA);
    await settings.open();
  });

  let up1 = 0;
  await test.step('hibernate (managed save): the saved state is shown; Start restores it — the guest’s memory and uptime go on', async () => {
    await guestExec('A', name, `echo g19-${run} > /tmp/g19-mark`);
    up1 = await uptime(name);
    await act('hibernate').click();
    await expect(settings.root).toHaveAttribute('data-running', 'no', { timeout: 60_000 });
    await expect(page.getByTestId('settings-managedsave')).toBeVisible();
    expect((await dominfo(v))['Managed save']).toBe('yes');
    await expect(marker).toHaveCount(0);
    await settings.section('general').screenshot({ path: testInfo.outputPath('settings-hibernated.png') });
    await act('start').click();
    await expect(settings.root).toHaveAttribute('data-running', 'yes', { timeout: 60_000 });
    await expect(page.getByTestId('settings-managedsave')).toHaveCount(0);
    expect((await guestExec('A', name, 'cat /tmp/g19-mark')).trim()).toBe(`g19-${run}`);
    expect(await uptime(name)).toBeGreaterThan(up1);
    // Restored as it ran: the next boot's maximum is still waiting.
    await expect(marker).toBeVisible();
  });

  await test.step('an NMI reaches the guest’s kernel', async () => {
    const nmis = 'dmesg | grep -c "NMI received" || true';
    expect((await guestExec('A', name, nmis)).trim()).toBe('0');
    await act('nmi').click();
    expect(await guestUntil(name, nmis, (o) => Number(o) > 0)).not.toBe('0');
  });

  await test.step('reset (confirmed): the guest restarts at once, its memory and uptime start afresh', async () => {
    const before = await uptime(name);
    // The guest's console shell greets each boot in its serial log: one more greeting = it restarted.
    const banners = async () =>
      Number(
        (
          await labSh(['exec', 'A', 'sh', '-c', `grep -c "console shell on" /var/log/libvirt/qemu/${name}-serial.log || true`])
        ).stdout.trim() || '0',
      );
    const greeted = await banners();
    await act('reset').click();
    await expect(page.getByTestId('reset-dialog').getByRole('dialog')).toContainText('like pressing its reset button');
    await page.getByTestId('reset-confirm').click();
    await expect.poll(banners, { timeout: 90_000 }).toBeGreaterThan(greeted);
    expect((await guestExec('A', name, 'cat /tmp/g19-mark 2>/dev/null || echo none')).trim()).toBe('none');
    expect(await uptime(name)).toBeLessThan(before);
    await expect(marker).toBeVisible(); // a reset keeps the running definition
  });

  await test.step('a power cycle gives the VM its next boot: the marker is gone; vda grown while shut off, the guest sees it', async () => {
    await act('forceoff').click();
    await page.getByTestId('forceoff-confirm').click();
    await expect(settings.root).toHaveAttribute('data-running', 'no', { timeout: 30_000 });
    // Shut off: vda grows through its pool volume (libvirt's storage driver runs qemu-img resize).
    await expect(page.getByTestId('settings-disk-vda-size')).toHaveText('64 MiB');
    await page.getByTestId('settings-disk-vda-grow-to').fill('80');
    await expect(page.getByTestId('settings-disk-vda-grow')).toHaveText('Grow');
    await page.getByTestId('settings-disk-vda-grow').click();
    await expect(page.getByTestId('settings-disk-grown')).toHaveText('Applied to the next boot.');
    await expect(page.getByTestId('settings-disk-vda-size')).toHaveText('80 MiB');
    expect(await virshOn('A', ['vol-info', '--pool', 'default', v.volume])).toMatch(/Capacity:\s+80\.00 MiB/);
    const img = (await labSh(['exec', 'A', 'qemu-img', 'info', '--output=json', `/var/lib/libvirt/images/${v.volume}`])).stdout;
    expect(JSON.parse(img)['virtual-size']).toBe(80 * 1024 * 1024);
    await act('start').click();
    await expect(settings.root).toHaveAttribute('data-running', 'yes', { timeout: 30_000 });
    expect((await virshOn('A', ['vcpucount', v.uuid, '--live', '--maximum'])).trim()).toBe('3');
    expect(await guestUntil(name, 'cat /sys/block/vda/size', (o) => o === '163840')).toBe('163840'); // 80 MiB in sectors
    // Right after the start the balloon still settles to the next boot's memory (its event updates the page).
    await expect(page.getByTestId('settings-pending-badge')).toHaveCount(0, { timeout: 45_000 });
    await expect(marker).toHaveCount(0);
    await app.showAllVms();
    await expect(page.getByTestId(`vm-${name}-${idA}`)).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId(`vm-${name}-${idA}-pending`)).toHaveCount(0);
    await app.table.openDetails(name, idA);
    await settings.open();
  });

  await test.step('hibernated again, then the saved state discarded: the next start would boot afresh', async () => {
    await act('hibernate').click();
    await expect(page.getByTestId('settings-managedsave')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('settings-managedsave-remove').click();
    await expect(page.getByTestId('settings-managedsave-removed')).toBeVisible();
    await expect(page.getByTestId('settings-managedsave')).toHaveCount(0);
    expect((await dominfo(v))['Managed save']).toBe('no');
  });
});

test('a shut-off VM renamed (a name libvirt would refuse is named in the form); CPU topology, huge pages and KSM opt-out for the next boot', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  const name = `g19-ren-${run}`;
  // A second disk in no pool's directory: it cannot grow through a pool while shut off.
  const loose = `/var/lib/libvirt/g19-loose-${run}.qcow2`;
  files.push(loose);
  await labSh(['exec', 'A', 'qemu-img', 'create', '-q', '-f', 'qcow2', loose, '16M']);
  const looseDisk = `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${loose}'/><target dev='vdb' bus='virtio'/></disk>`;
  vm = await defineS19Vm(name, { edit: (xml) => xml.replace("<controller type='usb'", `${looseDisk}\n    <controller type='usb'`) });
  const v = vm;
  const { app, settings, idA } = await openSettings(page, server, name);
  await expect(settings.root).toHaveAttribute('data-running', 'no');
  await page.getByTestId('settings-name').fill('bad/name');
  await expect(settings.section('general')).toContainText('Name: Name must not contain "/"');
  await expect(page.getByTestId('settings-rename')).toBeDisabled();
  const renamed = `g19-ren2-${run} “ü”`;
  await page.getByTestId('settings-name').fill(renamed);
  await page.getByTestId('settings-rename').click();
  // The page follows the VM (by UUID) under its new name, read back from libvirt.
  await expect(page.getByTestId('details-name')).toHaveText(renamed);
  await expect(page.getByTestId('settings-name')).toHaveValue(renamed);
  await expect(page.getByTestId('settings-rename')).toBeDisabled();
  expect((await virshOn('A', ['domname', v.uuid])).trim()).toBe(renamed);
  await settings.section('general').screenshot({ path: testInfo.outputPath('settings-renamed.png') });

  // Growing a shut-off VM's disk that is no pool volume: refused, saying why and what to do.
  await expect(page.getByTestId('settings-disk-vdb-size')).toHaveText('16 MiB');
  await page.getByTestId('settings-disk-vdb-grow-to').fill('32');
  await page.getByTestId('settings-disk-vdb-grow').click();
  const refusal = settings.section('devices').getByTestId('error-alert');
  await expect(refusal).toContainText(`${loose} is not a volume of any storage pool on this host`);
  await expect(refusal).toContainText('Add a storage pool for its directory');
  const looseInfo = (await labSh(['exec', 'A', 'qemu-img', 'info', '--output=json', loose])).stdout;
  expect(JSON.parse(looseInfo)['virtual-size']).toBe(16 * 1024 * 1024);

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

  // CPU mode: the trade-off in one line, and libvirt on each connected host says where this CPU could run.
  const nameB = lab.hosts.find((h) => h.id === 'B')?.name ?? 'lab-b';
  const idB = await app.hostId(nameB);
  const row = (id: string) => page.getByTestId(`settings-cpu-compare-${id}`);
  await expect(page.getByTestId('settings-cpu-shown')).toHaveText('custom qemu64');
  await expect(row(idB)).toContainText(`This VM could migrate to ${nameB} with custom qemu64.`);
  await expect(row(idA)).toHaveAttribute('data-result', /identical|superset/);
  await page.getByTestId('settings-cpu-model').selectOption(unusableModel);
  await page.getByTestId('settings-cpu-apply').click();
  await expect(page.getByTestId('settings-cpu-applied')).toHaveText('Applied to the next boot.');
  expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain(`<model fallback='forbid'>${unusableModel}</model>`);
  await expect(page.getByTestId('settings-cpu-shown')).toHaveText(`custom ${unusableModel}`);
  await expect(row(idB)).toHaveAttribute('data-result', 'incompatible');
  await expect(row(idB)).toContainText(`This VM could not migrate to ${nameB} with custom ${unusableModel}. libvirt:`);
  await settings.section('cpu-mode-section').screenshot({ path: testInfo.outputPath('settings-cpu-mode.png') });
  await page.getByTestId('settings-cpu-mode').selectOption('host-passthrough');
  await expect(page.getByTestId('settings-cpu-tradeoff')).toContainText('migrates only to hosts with an identical CPU');
  await page.getByTestId('settings-cpu-mode').selectOption('host-model');
  await expect(page.getByTestId('settings-cpu-tradeoff')).toContainText('the usual choice');
  await page.getByTestId('settings-cpu-mode').selectOption('custom');
  await expect(page.getByTestId('settings-cpu-tradeoff')).toContainText('the widest choice');
  await page.getByTestId('settings-cpu-model').selectOption('qemu64');
  await page.getByTestId('settings-cpu-apply').click();
  await expect(page.getByTestId('settings-cpu-shown')).toHaveText('custom qemu64');
  await expect(row(idB)).toHaveAttribute('data-result', /identical|superset/);
});

test('devices of a running VM: ISO in and out, a disk and a NIC hot-plugged and removed, link down and up, boot order', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(420_000);
  const name = `g19-dev-${run}`;
  const iso = `${name}.iso`;
  const data = `${name}-data.qcow2`;
  volumes = [iso, data];
  await virshOn('A', ['vol-create-as', 'default', iso, '1M', '--format', 'raw']);
  await virshOn('A', ['vol-create-as', 'default', data, '16M', '--format', 'qcow2']);
  const serial1 = "<serial type='pty'><target type='isa-serial' port='1'><model name='isa-serial'/></target></serial>";
  const cdrom = "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/><readonly/></disk>";
  vm = await defineS19Vm(name, {
    start: true,
    edit: (xml) => xml.replace("<controller type='usb'", `${cdrom}\n    ${serial1}\n    <controller type='usb'`),
  });
  const v = vm;
  const mac = (/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/.exec(await virshOn('A', ['domiflist', v.uuid]))?.[1] ?? '').toLowerCase();
  const nicId = mac.replaceAll(':', '');
  const dest = await defineDirPool(`g19-pool-${run}`);
  const { settings, idA } = await openSettings(page, server, name);
  const act = (id: string) => page.getByTestId(`vm-${name}-${idA}-${id}`);
  const domblk = async () => virshOn('A', ['domblklist', v.uuid]);
  await expect(page.getByTestId('settings-disk-hdc-source')).toHaveText('(empty)');
  // tiny's firmware: libvirt's default BIOS, no TPM.
  await expect(page.getByTestId('settings-firmware')).toHaveAttribute('data-kind', 'bios');
  await expect(page.getByTestId('settings-firmware-kind')).toHaveText('BIOS (SeaBIOS)');
  await expect(page.getByTestId('settings-tpm-0')).toHaveCount(0);

  await test.step('memory of a VM without a balloon device: libvirt refuses it live, the next boot gets it, shown as pending; then put back', async () => {
    await page.getByTestId('settings-memory').fill('160');
    await page.getByTestId('settings-memory-apply').click();
    const applied = page.getByTestId('settings-memory-applied');
    await expect(applied).toContainText('Applied to the next boot. The running VM refused it (libvirt: ');
    await expect(applied).toContainText('balloon');
    await expect(applied).toContainText('it is pending until the next boot.');
    await expect(page.getByTestId('settings-pending-memory')).toHaveText('Memory192 MiB160 MiB');
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain("<currentMemory unit='KiB'>163840</currentMemory>");
    expect(await virshOn('A', ['dumpxml', v.uuid])).toContain("<currentMemory unit='KiB'>196608</currentMemory>");
    await settings.section('cpu-memory').screenshot({ path: testInfo.outputPath('settings-memory-refused-live.png') });
    await page.getByTestId('settings-memory').fill('192');
    await page.getByTestId('settings-memory-apply').click();
    await expect(page.getByTestId('settings-memory-readout')).toContainText('Next boot: 192 MiB of 192 MiB');
    await expect(page.getByTestId('settings-pending-memory')).toHaveCount(0);
  });

  await test.step('an ISO from the pool inserted live and for the next boot, then ejected', async () => {
    await page.getByTestId('settings-disk-hdc-iso').selectOption(`default/${iso}`);
    await page.getByTestId('settings-disk-hdc-insert').click();
    await expect(page.getByTestId('settings-media-applied')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-hdc-source')).toHaveText(`/var/lib/libvirt/images/${iso}`);
    expect(await domblk()).toMatch(new RegExp(`hdc\\s+/var/lib/libvirt/images/${iso}`));
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain(`/var/lib/libvirt/images/${iso}`);
    // The guest sees the 1 MiB medium (2048 sectors of 512 bytes) once it looks at the drive.
    expect(await guestUntil(name, srSize, (o) => o === '2048')).toBe('2048');
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-cdrom.png') });
    await page.getByTestId('settings-disk-hdc-eject').click();
    await expect(page.getByTestId('settings-disk-hdc-source')).toHaveText('(empty)');
    expect(await domblk()).toMatch(/hdc\s+-/);
    // No medium: the guest's read of the drive fails.
    const read = 'dd if=/dev/sr0 of=/dev/null bs=2048 count=1 2>/dev/null && echo medium || echo none';
    expect(await guestUntil(name, read, (o) => o === 'none')).toBe('none');
  });

  await test.step('a volume attached live as vdb (cache writeback), libvirt’s device-added event confirms it; the guest sees it; detached', async () => {
    await page.getByTestId('settings-disk-cache').selectOption('writeback');
    await expect(page.getByTestId('settings-disk-cache-advice')).toContainText('only for throwaway VMs');
    await page.getByTestId('settings-disk-add-volume').selectOption(`default/${data}`);
    await page.getByTestId('settings-disk-add').click();
    // Exactly this sentence: without DEVICE_ADDED the page would add that libvirt has not confirmed it.
    await expect(page.getByTestId('settings-disk-added')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-vdb-source')).toHaveText(`/var/lib/libvirt/images/${data}`);
    expect(await guestUntil(name, 'ls /sys/block', (o) => o.includes('vdb'))).toContain('vdb');
    expect(await domblk()).toContain(`/var/lib/libvirt/images/${data}`);
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toMatch(
      new RegExp(`<driver name='qemu' type='qcow2' cache='writeback'/>\\s*<source file='/var/lib/libvirt/images/${data}'/>`),
    );
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-disk-added.png') });
    await page.getByTestId('settings-disk-vdb-remove').click();
    // DEVICE_REMOVED confirms the unplug: the plain sentence, no "did not release".
    await expect(page.getByTestId('settings-disk-removed')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId('settings-disk-vdb')).toHaveCount(0);
    expect(await guestUntil(name, 'ls /sys/block', (o) => !o.includes('vdb'))).not.toContain('vdb');
    expect(await domblk()).not.toContain(data);
  });

  await test.step('SATA cannot be hot-plugged: the next boot gets the disk, libvirt’s refusal is shown', async () => {
    await page.getByTestId('settings-disk-bus').selectOption('sata');
    await page.getByTestId('settings-disk-cache').selectOption('none');
    await page.getByTestId('settings-disk-add-volume').selectOption(`default/${data}`);
    await page.getByTestId('settings-disk-add').click();
    await expect(page.getByTestId('settings-disk-added')).toContainText('Applied to the next boot. The running VM refused it:');
    await expect(page.getByTestId('settings-disk-sda')).toContainText('next boot only');
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toMatch(
      new RegExp(`<source file='/var/lib/libvirt/images/${data}'/>\\s*<target dev='sda' bus='sata'/>`),
    );
    expect(await domblk()).not.toContain(data);
    await page.getByTestId('settings-disk-sda-remove').click();
    await expect(page.getByTestId('settings-disk-sda')).toHaveCount(0);
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).not.toContain(data);
    await page.getByTestId('settings-disk-bus').selectOption('virtio');
  });

  await test.step('a new volume made in the pool and attached live; moved live to another pool (block copy, pivot): the guest’s data unchanged, the source deleted', async () => {
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
    // Data the guest wrote, read back through a dropped cache after the move.
    const sum = 'echo 3 > /proc/sys/vm/drop_caches; sha256sum /dev/vdb | cut -d" " -f1';
    await guestExec('A', name, 'dd if=/dev/urandom of=/dev/vdb bs=1048576 count=8 2>/dev/null; sync');
    const before = (await guestExec('A', name, sum)).trim();
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    // First a move held to 1 MiB/s, cancelled from the Jobs drawer while it copies: libvirt ends the
    // copy, the new volume is deleted, the guest stays on its source, its data unchanged.
    await page.getByTestId('settings-disk-vdb-move-pool').selectOption(dest.name);
    await page.getByTestId('settings-disk-vdb-move-limit').fill('1');
    await page.getByTestId('settings-disk-vdb-move-start').click();
    await expect(page.getByTestId('settings-disk-vdb-move-phase')).toHaveText('copying vdb');
    expect(await virshOn('A', ['vol-list', dest.name])).toContain(fresh);
    await page.getByTestId('jobs-button').click();
    const card = page
      .getByTestId('jobs-drawer')
      .locator('[data-testid^="job-"]')
      .filter({ hasText: `Move vdb of ${name} to ${dest.name}` })
      .first();
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect(card).toContainText('canceled');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('settings-disk-vdb-move-job')).toHaveAttribute('data-status', 'canceled');
    await expect(page.getByTestId('settings-disk-vdb-move-phase')).toHaveText(`Cancelled: vdb stays on /var/lib/libvirt/images/${fresh}.`);
    expect(await virshOn('A', ['vol-list', dest.name])).not.toContain(fresh);
    expect(await domblk()).toMatch(new RegExp(`vdb\\s+/var/lib/libvirt/images/${fresh}`));
    expect(await virshOn('A', ['vol-list', 'default'])).toContain(fresh);
    expect((await guestExec('A', name, sum)).trim()).toBe(before);
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-disk-move-cancelled.png') });
    await page.getByTestId('settings-disk-vdb-move-limit').fill('');
    await page.getByTestId('settings-disk-vdb-move-pool').selectOption(dest.name);
    await page.getByTestId('settings-disk-vdb-move-delete').check();
    await page.getByTestId('settings-disk-vdb-move-start').click();
    await expect(page.getByTestId('settings-disk-vdb-move-job')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    await expect(page.getByTestId('settings-disk-vdb-move-phase')).toHaveText(`Moved to ${dest.name} (${fresh}).`);
    await expect(page.getByTestId('settings-disk-vdb-source')).toHaveText(`${dest.path}/${fresh}`);
    expect(await domblk()).toContain(`${dest.path}/${fresh}`);
    expect(await virshOn('A', ['dumpxml', '--inactive', v.uuid])).toContain(`${dest.path}/${fresh}`);
    expect(await virshOn('A', ['vol-list', 'default'])).not.toContain(fresh);
    expect((await guestExec('A', name, sum)).trim()).toBe(before);
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-disk-moved.png') });
    await page.getByTestId('settings-disk-vdb-remove').click();
    await expect(page.getByTestId('settings-disk-vdb')).toHaveCount(0);
  });

  await test.step('a NIC added live (e1000, a chosen MAC) on the host bridge; while the VM is paused, the guest does not release it — said so; resumed, it goes', async () => {
    const newMac = `52:54:00:19:${run.slice(0, 2)}:${run.slice(2, 4)}`;
    const addedId = newMac.replaceAll(':', '');
    await page.getByTestId('settings-nic-add-source').selectOption('bridge/labbr0');
    await page.getByTestId('settings-nic-add-model').selectOption('e1000');
    await page.getByTestId('settings-nic-add-mac').fill('52:54:zz');
    await expect(settings.section('devices')).toContainText('MAC address:');
    await expect(page.getByTestId('settings-nic-add')).toBeDisabled();
    await page.getByTestId('settings-nic-add-mac').fill(newMac);
    await page.getByTestId('settings-nic-add').click();
    await expect(page.getByTestId('settings-nic-added')).toHaveText('Applied to the running VM and the next boot.');
    await expect(page.getByTestId(`settings-nic-${addedId}`)).toContainText('bridge labbr0 · e1000');
    expect(await virshOn('A', ['domiflist', v.uuid])).toMatch(new RegExp(`bridge\\s+labbr0\\s+e1000\\s+${newMac}`));
    // The guest has no e1000 driver, but its PCI bus shows Intel's 82540EM (8086:100e).
    expect(await guestUntil(name, 'cat /sys/bus/pci/devices/*/device', (o) => o.includes('0x100e'))).toContain('0x100e');
    await settings.section('devices').screenshot({ path: testInfo.outputPath('settings-nic-added.png') });
    await act('pause').click();
    await expect.poll(async () => (await virshOn('A', ['domstate', v.uuid])).trim()).toBe('paused');
    await page.getByTestId(`settings-nic-${addedId}-remove`).click();
    await expect(page.getByTestId('settings-nic-removed')).toContainText(`The guest did not release ${newMac}`, { timeout: 30_000 });
    await expect(page.getByTestId(`settings-nic-${addedId}`)).toContainText('running VM only');
    expect(await virshOn('A', ['domiflist', v.uuid])).toContain(newMac);
    await act('resume').click();
    // The guest lets go once it runs: libvirt's DEVICE_REMOVED updates the page by itself.
    await expect(page.getByTestId(`settings-nic-${addedId}`)).toHaveCount(0, { timeout: 30_000 });
    expect(await virshOn('A', ['domiflist', v.uuid])).not.toContain(newMac);
  });

  await test.step('the console opens the serial device chosen among the VM’s two (serial1: the guest’s ttyS1)', async () => {
    await act('console').click();
    const dock = new ConsoleDock(page);
    await expect(page.getByTestId('console-device')).toHaveValue('serial0'); // libvirt's first console until chosen
    await page.getByTestId('console-device').selectOption('serial1');
    await dock.expectOpen('serial', name, { timeout: 60_000 });
    const line = `g19-ttyS1-${run}`;
    await expect
      .poll(
        async () => {
          await guestExec('A', name, `echo ${line} > /dev/ttyS1`);
          return (await dock.screen(name).textContent()) ?? '';
        },
        { timeout: 30_000 },
      )
      .toContain(line);
    await dock.root.screenshot({ path: testInfo.outputPath('settings-console-serial1.png') });
    await page.getByTestId(`console-tab-close-serial-${name}`).click();
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

test('create a UEFI guest in the install wizard: OVMF with secure boot and an emulated TPM 2.0 — it boots under the firmware; Boot and Devices show it; deleted with its NVRAM and TPM state', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(300_000);
  const name = `g19-uefi-${run}`;
  // swtpm logs to the machine's own /var/log/swtpm (the lab hosts do not have their own): removed after the test.
  files.push(`/var/log/swtpm/libvirt/qemu/${name}-swtpm.log`);
  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  const app = new VireoApp(page);
  await openApp(page, server);
  const idA = await app.expectConnected(A?.name ?? 'lab-a');
  await app.openHost(A?.name ?? 'lab-a');
  const wizard = new InstallWizard(page);
  const guest = `${lab.dir}/guest`;

  await test.step('the wizard offers what lab-a’s domain capabilities have: UEFI, secure boot, a TPM (none refused)', async () => {
    await wizard.open();
    await wizard.os('Generic Linux (2022 or later)');
    await wizard.kernelSource({ kernel: `${guest}/vmlinuz`, initrd: `${guest}/initrd.img`, cmdline: 'console=ttyS0 quiet panic=-1' });
    await wizard.next();
    await wizard.resources({ name, vcpus: 1, memoryMiB: 256, nic: 'none', virtType: 'qemu' });
    await page.getByTestId('install-disk-kind').getByText('No disk').click();
    await expect(page.getByTestId('install-firmware').locator('option[value="uefi-secure"]')).toBeEnabled();
    await expect(page.getByTestId('install-tpm')).toBeEnabled();
    await expect(page.getByTestId('install-firmware-reasons')).toHaveCount(0);
    // Plain UEFI first: libvirt is asked for a build without secure boot (no SMM), then back for secure boot and a TPM.
    await page.getByTestId('install-firmware').selectOption('uefi');
    await wizard.review();
    await expect(wizard.defaults.locator('[data-setting="Firmware"]')).toContainText('UEFI (OVMF), secure boot off');
    await expect(wizard.xml).toContainText('<feature enabled="no" name="secure-boot"/>');
    await expect(wizard.xml).not.toContainText('<smm');
    await expect(wizard.xml).not.toContainText('<tpm');
    await page.getByTestId('install-back').click();
    await page.getByTestId('install-firmware').selectOption('uefi-secure');
    await page.getByTestId('install-tpm').check();
    await page.screenshot({ path: testInfo.outputPath('install-uefi-resources.png') });
    await wizard.review();
    await expect(wizard.defaults.locator('[data-setting="Firmware"]')).toContainText('UEFI (OVMF), secure boot on');
    await expect(wizard.defaults.locator('[data-setting="TPM"]')).toContainText('TPM 2.0 (tpm-crb), emulated');
    await expect(wizard.xml).toContainText('<os firmware="efi">');
    await expect(wizard.xml).toContainText('<feature enabled="yes" name="secure-boot"/>');
    await expect(wizard.xml).toContainText('<smm state="on"/>');
    await expect(wizard.xml).toContainText('<tpm model="tpm-crb">');
  });

  let uuid = '';
  await test.step('created and started: libvirt picked OVMF’s secure-boot build, made the VM’s NVRAM, QEMU runs it from flash with swtpm', async () => {
    const job = await wizard.create();
    await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    uuid = (await virshOn('A', ['domuuid', name])).trim();
    vm = { name, uuid, volume: '' };
    // The wizard opens the serial console: the guest's banner shows once the firmware handed over to the kernel.
    const dock = new ConsoleDock(page);
    await dock.expectOpen('serial', name, { timeout: 30_000 });
    await expect(dock.screen(name)).toContainText(lab.guests.stopped?.banner ?? 'TINYGUEST BANNER', { timeout: 60_000 });
    await page.screenshot({ path: testInfo.outputPath('install-uefi-console.png') });
    await wizard.page.getByTestId('install-show-vm').click();
    await expect(app.details.root(name, idA)).toBeVisible();
    // The guest's console is asked through virsh below: one console user at a time.
    await page.getByTestId(`console-tab-close-serial-${name}`).click();
  });
  const live = await virshOn('A', ['dumpxml', name]);
  const loader = /<loader[^>]*secure='yes'[^>]*type='pflash'[^>]*>([^<]+)<\/loader>/.exec(live)?.[1] ?? '';
  const nvram = /<nvram[^>]*>([^<]+)<\/nvram>/.exec(live)?.[1] ?? '';
  await test.step('the guest’s kernel was started by UEFI firmware with secure boot on, and sees the TPM', async () => {
    expect(loader).toMatch(/^\/usr\/share\/OVMF\/OVMF_CODE.*\.fd$/);
    expect(nvram).toBe(`/var/lib/libvirt/qemu/nvram/${name}_VARS.fd`);
    expect(live).toMatch(/<tpm model='tpm-crb'>\s*<backend type='emulator' version='2.0'/);
    await labSh(['exec', 'A', 'test', '-s', nvram]); // the VM's own variable store, copied from the template (fails if absent)
    const args = (await labSh(['exec', 'A', 'sh', '-c', `tr '\\0' ' ' < /proc/$(cat /run/libvirt/qemu/${name}.pid)/cmdline`])).stdout;
    expect(args).toContain(loader);
    expect(args).toMatch(/pflash0=/);
    expect(args).toContain('tpm-crb');
    // One console round trip: the kernel's EFI runtime, its word on secure boot, the TPM device.
    const seen = await guestExec('A', name, 'ls -d /sys/firmware/efi; dmesg | grep -i "secure boot"; ls /sys/class/tpm');
    expect(seen).toContain('/sys/firmware/efi');
    expect(seen).toMatch(/Secure boot enabled/i);
    expect(seen).toContain('tpm0');
  });

  await test.step('Boot shows UEFI, secure boot, the loader and NVRAM; Devices lists the TPM', async () => {
    const settings = new SettingsPanel(page);
    await settings.open();
    await expect(page.getByTestId('settings-firmware')).toHaveAttribute('data-kind', 'uefi');
    await expect(page.getByTestId('settings-firmware-kind')).toHaveText('UEFI · secure boot on');
    await expect(page.getByTestId('settings-firmware-loader')).toHaveText(`Loader: ${loader}`);
    await expect(page.getByTestId('settings-firmware-nvram')).toContainText(`Variables (NVRAM): ${nvram}`);
    await expect(page.getByTestId('settings-tpm-0')).toHaveText('TPM 2.0 (tpm-crb), emulated by swtpm');
    await settings.section('boot').screenshot({ path: testInfo.outputPath('settings-firmware-uefi.png') });
  });

  await test.step('deleted through the VM’s Delete: its NVRAM and TPM state go with it', async () => {
    await new VmDetails(page).delete(name, idA);
    await expect.poll(async () => (await virshOn('A', ['list', '--all', '--uuid'])).includes(uuid), { timeout: 30_000 }).toBe(false);
    vm = undefined;
    const left = (await labSh(['exec', 'A', 'sh', '-c', `ls -d ${nvram} /var/lib/libvirt/swtpm/${uuid} 2>/dev/null; true`])).stdout.trim();
    expect(left).toBe('');
  });
});
