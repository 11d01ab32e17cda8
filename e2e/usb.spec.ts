/**
 * Issue 9, USB end to end in Chromium.
 *
 * The picker runs against libvirt's test driver (the lab has no host USB bus; see lab NOTES.md):
 * a host added with the lab's usb.xml URI lists its USB node devices — two sticks with equal ids
 * told apart by bus/device, the root hub hidden — and a second test-driver host, whose fixture
 * (the same devices plus two VMs) has one stick already attached to a VM, shows that stick as
 * taken and asks before attaching it again; the test driver then refuses attach-device, and the
 * panel shows libvirt's own message.
 *
 * Hot-plug for real: an emulated USB tablet and a USB disk (a new 8 MiB volume) attached live to
 * `tiny`, seen inside the guest (/sys/bus/usb, /sys/block), detached, gone; a keyboard attached
 * with virsh on the host shows up in the list by itself (device-added event).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { connectLabHosts } from './lab/hosts';
import { guestExec, LabCommandError, labReset, readLab, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { UsbPanel } from './pages/usb';

const lab = readLab();
const A = lab.hosts.find((h) => h.id === 'A');
if (!A) throw new Error('the lab describes no host A');
const HA = A;
const run = randomBytes(3).toString('hex');

async function addTestDriverHost(backend: BackendClient, name: string, uri: string): Promise<void> {
  await backend.call('hosts.add', {
    spec: { name, transport: 'ssh', address: HA.address, port: HA.port, user: HA.user, auth: { kind: 'key', path: HA.keyPath }, uri },
    connect: true,
  });
}

test.afterAll(async () => {
  await labReset();
});

test('USB picker: the host’s devices, equal ids told apart, root hub hidden, a taken device asks first', async ({
  page,
  server,
}, testInfo) => {
  const ownerFile = `/tmp/vireo-e2e-usb-owner-${run}.xml`;
  // The lab's usb.xml devices, plus a VM holding the stick at bus 1 device 3 and one free VM.
  const vms = `<domain type='test'><name>usb-owner</name><memory>131072</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>
    <devices><controller type='usb' model='qemu-xhci'/><hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0x5678'/><address bus='1' device='3'/></source></hostdev></devices></domain>
    <domain type='test'><name>usb-free</name><memory>131072</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os><devices><controller type='usb' model='qemu-xhci'/></devices></domain>`;
  writeFileSync(ownerFile, readFileSync(new URL(HA.testUris.usb).pathname, 'utf8').replace('</node>', `${vms}</node>`));
  try {
    const backend = await BackendClient.connect(server);
    await connectLabHosts(backend); // trusts the lab's host keys
    await addTestDriverHost(backend, 'usb-lab', HA.testUris.usb);
    await addTestDriverHost(backend, 'usb-owner-lab', `test://${ownerFile}`);
    const app = new VireoApp(page);
    const usb = new UsbPanel(page);
    await openApp(page, server);
    const idUsb = await app.expectConnected('usb-lab');
    const idOwner = await app.expectConnected('usb-owner-lab');

    await test.step('usbvm on the lab’s usb.xml: the picker lists its USB devices', async () => {
      await app.showAllVms();
      await app.table.openDetails('usbvm', idUsb);
      await usb.open();
      await expect(page.getByTestId('usb-no-controller')).toContainText('usbvm has no USB controller');
      const picker = await usb.openPicker();
      await expect(picker.getByTestId('usb-picker-list').locator('tbody tr')).toHaveCount(4);
      await expect(usb.hostDevice('usb_usb1')).toHaveCount(0);
      await expect(picker.getByTestId('usb-picker-hidden')).toHaveText(/^1 root hub not shown/);
      // Two Lab Flash Sticks, same ids, told apart by their address.
      for (const [name, dev] of [
        ['usb_1_2', 2],
        ['usb_1_3', 3],
      ] as const) {
        await expect(usb.hostDevice(name)).toContainText('Lab Flash Stick');
        await expect(usb.hostDevice(name)).toContainText('Lab Vendor');
        await expect(picker.getByTestId(`usb-host-${name}-ids`)).toHaveText('1234:5678');
        await expect(picker.getByTestId(`usb-host-${name}-address`)).toHaveText(`Bus 1 · Device ${dev}`);
        await expect(usb.hostDevice(name)).toContainText('same ids as another device: attached by address');
      }
      await expect(usb.hostDevice('usb_1_5')).toContainText('Lab Smartcard Reader');
      await expect(picker.getByTestId('usb-host-usb_1_5-ids')).toHaveText('0bda:2101');
      await expect(usb.hostDevice('usb_1_4')).not.toContainText('same ids');
      await picker.screenshot({ path: testInfo.outputPath('usb-picker.png') });
      // No controller in usbvm: refused before libvirt is asked.
      await picker.getByTestId('usb-host-usb_1_4-pick').check();
      await picker.getByTestId('usb-picker-attach').click();
      await expect(picker.getByTestId('error-alert')).toContainText('usbvm has no USB controller');
      await page.keyboard.press('Escape');
      await expect(picker).toBeHidden();
    });

    await test.step('a stick another VM has: shown as taken, attaching asks first, libvirt answers', async () => {
      await app.showAllVms();
      await app.table.openDetails('usb-owner', idOwner);
      await usb.open();
      await expect(usb.devices('hostdev')).toContainText('Lab Flash Stick');
      await expect(usb.devices('hostdev')).toContainText('Bus 1 · Device 3');

      await app.showAllVms();
      await app.table.openDetails('usb-free', idOwner);
      await usb.open();
      const picker = await usb.openPicker();
      await expect(usb.hostDevice('usb_1_3').getByTestId('usb-owner-usb-owner')).toHaveText('taken by usb-owner (running)');
      await expect(usb.hostDevice('usb_1_2')).toContainText('free');
      await picker.getByTestId('usb-host-usb_1_3-pick').check();
      await picker.getByTestId('usb-picker-attach').click();
      await expect(picker.getByTestId('usb-taken')).toContainText('Lab Flash Stick is already attached to usb-owner');
      await picker.screenshot({ path: testInfo.outputPath('usb-picker-taken.png') });
      await picker.getByTestId('usb-taken-cancel').click();
      await expect(picker.getByTestId('usb-taken')).toHaveCount(0);
      await picker.getByTestId('usb-picker-attach').click();
      await picker.getByTestId('usb-taken-confirm').click();
      // The test driver has no attach-device: libvirt's own words.
      await expect(picker.getByTestId('error-alert')).toContainText(
        'this function is not supported by the connection driver: virDomainAttachDeviceFlags',
      );
      await expect(picker.getByTestId('error-alert')).toContainText('Nothing was attached');
      await picker.screenshot({ path: testInfo.outputPath('usb-picker-refused.png') });
    });
  } finally {
    rmSync(ownerFile, { force: true });
  }
});

/** Runs a command in the guest, retrying while another console user holds its serial line. */
async function inGuest(domain: string, cmd: string): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      return await guestExec('A', domain, cmd);
    } catch (err) {
      if (!(err instanceof LabCommandError) || err.code !== 125 || i >= 5) throw err;
    }
  }
}

test('emulated USB hot-plug into tiny: tablet and disk seen in the guest, detached, gone', async ({ page, server }, testInfo) => {
  test.setTimeout(300_000);
  const state = await virshOn('A', ['domstate', 'tiny']).catch(() => '');
  if (state.trim() !== 'running') await labReset();
  const volume = `vireo-e2e-usb-${run}.img`;
  const kbdFile = `/tmp/vireo-e2e-kbd-${run}.xml`;
  writeFileSync(kbdFile, "<input type='keyboard' bus='usb'><alias name='ua-e2e-keyboard'/></input>");
  const guestUsb = () => inGuest('tiny', 'cat /sys/bus/usb/devices/*/product; ls /sys/block');
  try {
    const backend = await BackendClient.connect(server);
    await connectLabHosts(backend);
    const app = new VireoApp(page);
    const usb = new UsbPanel(page);
    await openApp(page, server);
    const idA = await app.expectConnected(HA.name);
    await app.showAllVms();
    await app.table.openDetails('tiny', idA);
    await usb.open();
    await expect(page.getByTestId('usb-controller')).toHaveText('USB controller: qemu-xhci');
    await usb.scope('live');
    expect(await guestUsb()).not.toContain('QEMU USB');

    await test.step('a USB tablet, live: listed, and the guest sees it', async () => {
      await usb.addEmulated('tablet');
      await expect(usb.devices('tablet')).toContainText('USB tablet');
      await expect(usb.devices('tablet')).toHaveAttribute('data-live', 'true');
      await expect(usb.devices('tablet')).toHaveAttribute('data-config', 'false');
      await expect.poll(guestUsb, { timeout: 60_000 }).toContain('QEMU USB Tablet');
      expect(await virshOn('A', ['dumpxml', '--inactive', 'tiny'])).not.toContain("type='tablet'");
    });

    await test.step('a USB disk on a new 8 MiB volume, live: the guest sees a USB hard drive (sda)', async () => {
      await usb.addNewDisk('default', volume, 8);
      await expect(usb.devices('disk')).toContainText('USB disk sda');
      await expect(usb.devices('disk')).toContainText(volume);
      expect(await virshOn('A', ['vol-info', '--pool', 'default', volume])).toMatch(/Capacity:\s+8\.00 MiB/);
      await expect.poll(guestUsb, { timeout: 60_000 }).toMatch(/QEMU USB HARDDRIVE[\s\S]*\bsda\b/);
    });

    await test.step('a keyboard plugged in with virsh on the host appears by itself (device-added event)', async () => {
      await virshOn('A', ['attach-device', 'tiny', kbdFile, '--live']);
      await expect(usb.devices('keyboard')).toContainText('USB keyboard');
      await expect(usb.devices()).toHaveCount(3);
      await usb.root.screenshot({ path: testInfo.outputPath('usb-tiny-attached.png') });
    });

    await test.step('detached from the UI: gone from the list and from the guest', async () => {
      for (const kind of ['keyboard', 'tablet', 'disk']) {
        await usb.detach(kind);
        await expect(usb.devices(kind)).toHaveCount(0, { timeout: 30_000 });
      }
      await expect(page.getByTestId('usb-vm-none')).toBeVisible();
      await expect.poll(guestUsb, { timeout: 60_000 }).not.toMatch(/QEMU USB|\bsda\b/);
      expect(await virshOn('A', ['dumpxml', 'tiny'])).not.toMatch(/bus='usb'/);
      await usb.root.screenshot({ path: testInfo.outputPath('usb-tiny-detached.png') });
    });
  } finally {
    // Whatever a failure left on the running tiny (lab.sh reset does not see live-only devices).
    const live = await virshOn('A', ['dumpxml', 'tiny']).catch(() => '');
    for (const m of live.matchAll(/<(input|disk)\b(?:(?!<\/\1>)[\s\S])*?<alias name='(ua-(?:vireo|e2e)-[^']+)'\/>[\s\S]*?<\/\1>/g)) {
      const f = `/tmp/vireo-e2e-detach-${run}.xml`;
      writeFileSync(f, m[0]);
      await virshOn('A', ['detach-device', 'tiny', f, '--live']).catch(() => {});
      rmSync(f, { force: true });
    }
    await virshOn('A', ['vol-delete', '--pool', 'default', volume]).catch(() => {});
    rmSync(kbdFile, { force: true });
  }
});
