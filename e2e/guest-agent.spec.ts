/**
 * Issue 20, the guest agent end to end in Chromium against the lab (host A), on a VM of its own.
 *
 * A throwaway guest like tiny (e2e/lab/guest-vm.ts: the busybox initramfs with Debian's qemu-ga,
 * started on the org.qemu.guest_agent.0 port) with a NIC on its own NAT network with DHCP, first
 * without the agent channel: the details say so and what to install; "Add guest agent channel"
 * plugs it in live and the guest's agent starts on it. The guest takes a DHCP lease: the VM
 * table's IP column shows it from the agent (copy button puts it on the clipboard); qemu-ga killed
 * in the guest, the column falls back to the DHCP lease and says why; started again, back to the
 * agent. The details show the host name, the OS and a file system made on its disk with its usage.
 * The guest clock set wrong, a pause and resume from the UI sets it from the host (guest `date`).
 * Shut down from the UI goes through the agent (this guest ignores the ACPI button).
 * Everything is named a20-* and removed at the end, also on failure; no labReset.
 */

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { guestVmXml } from './lab/guest-vm';
import { connectLabHosts } from './lab/hosts';
import { guestExec, readLab, virshOn, waitForDomainState } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { removeDomains } from './pages/leftovers';
import { SnapshotsTab } from './pages/snapshots';

const tag = randomBytes(3).toString('hex');
const VM = `a20-vm-${tag}`;
const NET = `a20-net-${tag}`;
const MAC = '52:54:00:20:20:01';
const SUBNET = '10.203.120';

async function removeNetwork(): Promise<void> {
  await virshOn('A', ['net-destroy', NET]).catch(() => {});
  await virshOn('A', ['net-undefine', NET]).catch(() => {});
}

const disk = () => `${readLab().dir}/tmp/${VM}.qcow2`;

test.afterAll(async () => {
  // Each step on its own: another spec may have stopped a libvirtd for a while.
  await removeDomains(VM).catch((e: Error) => console.error(`cleanup: ${e.message}`));
  await removeNetwork();
  rmSync(disk(), { force: true });
  // the quiesced snapshot's overlay, beside the disk
  const dir = `${readLab().dir}/tmp`;
  for (const f of readdirSync(dir)) if (f.startsWith(`${VM}.`)) rmSync(`${dir}/${f}`, { force: true });
});

test('IP addresses from the agent, else the DHCP lease; guest facts; a quiesced snapshot; clock set after resume; shutdown through the agent', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(300_000);
  // Its own NAT network with DHCP (inside host A's namespace; nothing routes out).
  const netXml = `/tmp/${NET}.xml`;
  writeFileSync(
    netXml,
    `<network><name>${NET}</name><forward mode='nat'/><ip address='${SUBNET}.1' prefix='24'><dhcp><range start='${SUBNET}.100' end='${SUBNET}.150'/></dhcp></ip></network>`,
  );
  try {
    await virshOn('A', ['net-define', netXml]);
  } finally {
    rmSync(netXml, { force: true });
  }
  await virshOn('A', ['net-start', NET]);
  // The VM: tiny's kernel and initramfs, a small disk, a NIC on that network, no agent channel yet.
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', disk(), '64M']);
  const vmXml = `/tmp/${VM}.xml`;
  writeFileSync(
    vmXml,
    guestVmXml({
      name: VM,
      disk: disk(),
      nics: [`<interface type='network'><source network='${NET}'/><mac address='${MAC}'/><model type='virtio'/></interface>`],
      // A virtio-serial controller, as VMs with a SPICE agent channel have: libvirt hot-plugs a
      // channel only onto an existing controller (without one: "no virtio-serial controllers are
      // available", and the channel waits for the next start).
      devices: "\n    <controller type='virtio-serial' index='0'/>",
    }),
  );
  try {
    await virshOn('A', ['define', vmXml]);
  } finally {
    rmSync(vmXml, { force: true });
  }
  await virshOn('A', ['start', VM]);

  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new VireoApp(page);
  await openApp(page, server);
  const idA = await app.expectConnected('lab-a');
  await app.showAllVms();
  const row = app.table.row(VM, idA);
  const ip = page.getByTestId(`vm-${VM}-${idA}-ip`);
  const source = page.getByTestId(`vm-${VM}-${idA}-ip-source`);
  await expect(row).toBeVisible();

  // No channel: the details say so, and what to install; the channel is plugged in live.
  await app.table.openDetails(VM, idA);
  const card = page.getByTestId('guest-card');
  await expect(card.getByTestId('guest-agent-state')).toHaveAttribute('data-state', 'no-channel', { timeout: 30_000 });
  await expect(card.getByTestId('guest-agent-hint')).toContainText('qemu-guest-agent');
  await guestExec('A', VM, 'true'); // the guest's console shell is up (it booted)
  await card.getByTestId('guest-add-channel').click();
  await expect(card.getByTestId('guest-add-channel-result')).toHaveAttribute('data-live', 'true');
  await expect(card.getByTestId('guest-add-channel-result')).toContainText('Plugged into the running VM now');
  expect(await virshOn('A', ['dumpxml', '--inactive', VM])).toContain("name='org.qemu.guest_agent.0'");
  await expect(card.getByTestId('guest-agent-state')).toHaveAttribute('data-state', 'answering', { timeout: 30_000 });

  // A DHCP lease in the guest: the agent reports it, the table shows it with source "agent".
  const dhcp = await guestExec('A', VM, 'udhcpc -i eth0 -n -q -t 8 2>&1; ip -4 -o addr show eth0');
  const leased = new RegExp(`inet (${SUBNET.replace(/\./g, '\\.')}\\.\\d+)/24`).exec(dhcp)?.[1];
  expect(leased, dhcp).toBeTruthy();
  await app.showAllVms();
  await expect(ip).toHaveText(leased as string, { timeout: 30_000 });
  await expect(source).toHaveText('agent');
  await page.getByTestId(`vm-${VM}-${idA}-ip-copy`).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(leased);
  await page.screenshot({ path: testInfo.outputPath('1-ip-from-agent.png') });

  // qemu-ga killed in the guest: the agent-lifecycle event, the DHCP lease, said so.
  await guestExec('A', VM, 'killall qemu-ga');
  await expect(source).toHaveText('DHCP lease', { timeout: 20_000 });
  await expect(source).toHaveAttribute('data-fallback', 'true');
  await expect(ip).toHaveText(leased as string);
  await app.table.openDetails(VM, idA);
  await expect(card.getByTestId('guest-address-source')).toHaveText(
    'From the DHCP lease of a libvirt network: the guest agent is not connected.',
  );
  await expect(card.getByTestId('guest-agent-state')).toHaveAttribute('data-state', 'not-connected');
  await expect(card.getByTestId('guest-agent-hint')).toContainText('qemu-guest-agent');
  await page.screenshot({ path: testInfo.outputPath('2-fallback-lease.png') });

  // The agent back, a file system on the VM's disk: host name, OS, the file system with its usage.
  await guestExec(
    'A',
    VM,
    'mke2fs -q /dev/vda && mount /dev/vda /mnt && dd if=/dev/zero of=/mnt/fill bs=1k count=3072 2>/dev/null; sync; /sbin/guest-agent',
  );
  await expect(card.getByTestId('guest-agent-state')).toHaveAttribute('data-state', 'answering', { timeout: 20_000 });
  await expect(card.getByTestId('guest-address-source')).toHaveText('From the guest agent.', { timeout: 20_000 });
  await expect(card.getByTestId('guest-hostname')).toHaveText('tinyguest');
  await expect(card.getByTestId('guest-os')).toContainText('Vireo tiny guest (busybox)');
  await expect(card.getByTestId('guest-fs-/mnt')).toContainText('ext2');
  await expect(card.getByTestId('guest-fs-/mnt-usage')).toHaveText(/^3\.\d MiB of \d+\.\d MiB \(\d+%\)$/);
  await expect(card.getByTestId('guest-users')).toHaveText('nobody');

  // A quiesced snapshot: the agent answers, so the switch is offered, and libvirt freezes the guest's
  // file systems (the ext2 mounted on vda) around an external snapshot; it refuses if the agent cannot.
  const snaps = new SnapshotsTab(page);
  await snaps.open();
  const create = await snaps.openCreate();
  await create.getByTestId('snapshot-name').fill('quiet');
  await create.getByTestId('snapshot-kind-external').check();
  await expect(create.getByTestId('snapshot-quiesce')).toBeEnabled();
  await create.getByTestId('snapshot-quiesce').check();
  await create.getByTestId('snapshot-create-submit').click();
  await expect(create.getByTestId('snapshot-create-submit')).toBeHidden({ timeout: 60_000 });
  await expect(snaps.row('quiet')).toHaveAttribute('data-current', 'true');
  expect(await virshOn('A', ['snapshot-list', VM, '--name'])).toContain('quiet');
  expect((await guestExec('A', VM, 'cat /mnt/fill | wc -c')).trim()).toBe(String(3072 * 1024)); // thawed: readable
  await page.getByTestId('details-tab-overview').click();

  // The guest clock set 25 years back; a pause and resume from the UI sets it from the host.
  await guestExec('A', VM, 'date -s @1000000000 >/dev/null');
  await app.details.action(VM, idA, 'pause').click();
  await waitForDomainState('A', VM, 'paused');
  await app.details.action(VM, idA, 'resume').click();
  await waitForDomainState('A', VM, 'running');
  await expect(card.getByTestId('guest-clock')).toContainText('Set from the host after the resume', { timeout: 20_000 });
  const guestNow = Number((await guestExec('A', VM, 'date +%s')).trim());
  expect(Math.abs(guestNow - Date.now() / 1000)).toBeLessThan(15);

  // Shut down from the UI: through the agent (the busybox guest has no ACPI daemon: the button would do nothing).
  await expect(card.getByTestId('guest-power-note')).toBeVisible();
  await app.details.action(VM, idA, 'shutdown').click();
  await waitForDomainState('A', VM, 'shut off', 30_000);
  await expect(card.getByTestId('guest-agent-state')).toHaveAttribute('data-state', 'off');
});
