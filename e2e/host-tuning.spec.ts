/**
 * Issue 20, the host's Tuning tab end to end in Chromium against lab host A.
 *
 * The lab's hosts are namespaces of THIS machine: KSM and the huge page pools are the machine's.
 * The original values (KSM run, scan rate, the 2 MiB pool) are read from /sys first and written
 * back in afterAll whatever happened; afterwards KSM's run is 0 (or what it was) and the pool
 * empty. Never labReset: the spec's own VMs (t20-…) are removed by name.
 *
 * - KSM: a scan-rate field error named in plain words; the scan rate raised through libvirt (and
 *   /sys shows it); KSM turned on (/sys run = 1) and its figures grow within seconds (the lab's
 *   guests run the same kernel and initramfs); "Off, unmerge all" brings pages sharing back to 0;
 *   Off; the scan rate put back. Each VM's opt-out (nosharepages) listed; its link opens the VM's
 *   Settings tab.
 * - Huge pages: 8 pages of 2 MiB allocated, read back in the tab and with
 *   `cat /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages`, freed; a 1 GiB pool larger than
 *   the host's free memory refused before anything is sent.
 * - CPU: the topology diagram (1 socket × 2 cores × 1 thread), the pinning suggestion of a running
 *   1-vCPU VM (one core) applied in one click and read back with `virsh vcpupin` (live and config).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, openApp, test } from './fixtures';
import { guestVmXml } from './lab/guest-vm';
import { connectLabHosts } from './lab/hosts';
import { labSh, virshOn } from './lab/lab';
import { VireoApp } from './pages/app';
import { BackendClient } from './pages/backend';
import { removeDomains } from './pages/leftovers';
import { defineXml } from './pages/settings';
import { TuningTab } from './pages/tuning';

const tag = randomBytes(3).toString('hex');
const PIN = `t20-pin-${tag}`;
const OPT = `t20-opt "q" <x> & ü ${tag}`;
const KSM = '/sys/kernel/mm/ksm';
const POOL_2M = '/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages';
const sys = (p: string) => readFileSync(p, 'utf8').trim();
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const saved = {
  run: sys(`${KSM}/run`),
  pagesToScan: sys(`${KSM}/pages_to_scan`),
  sleep: sys(`${KSM}/sleep_millisecs`),
  pool: sys(POOL_2M),
};

test.afterAll(async () => {
  // Back to what the machine had, also after a failure: unmerge first if KSM was left on.
  const put = (p: string, v: string) => {
    try {
      if (sys(p) !== v) writeFileSync(p, v);
    } catch {}
  };
  if (sys(`${KSM}/run`) !== saved.run && saved.run === '0') put(`${KSM}/run`, '2');
  put(`${KSM}/run`, saved.run);
  put(`${KSM}/pages_to_scan`, saved.pagesToScan);
  put(`${KSM}/sleep_millisecs`, saved.sleep);
  put(POOL_2M, saved.pool);
  await removeDomains(PIN);
  await removeDomains(OPT);
});

/** `virsh vcpupin` of vCPU 0: its CPU affinity column. */
async function vcpupin(name: string, side: '--live' | '--config'): Promise<string> {
  const out = await virshOn('A', ['vcpupin', name, '--vcpu', '0', side]);
  return /^\s*0\s+(\S+)\s*$/m.exec(out)?.[1] ?? out;
}

test('host tuning: KSM on and its figures grow, then off; 2 MiB pages allocated and freed; a pinning suggestion applied and read back', async ({
  page,
  server,
}, testInfo) => {
  test.setTimeout(120_000);
  // A running 1-vCPU guest of our own for the pinning; a shut-off one that opts out of KSM (hostile name).
  await defineXml(guestVmXml({ name: PIN }));
  await virshOn('A', ['start', PIN]);
  await defineXml(guestVmXml({ name: xmlText(OPT), extra: '\n  <memoryBacking><nosharepages/></memoryBacking>' }));

  const backend = await BackendClient.connect(server);
  await connectLabHosts(backend);
  backend.close();
  const app = new VireoApp(page);
  await openApp(page, server);
  await app.expectConnected('lab-a');
  await app.openHost('lab-a');
  const tab = new TuningTab(page);
  await tab.open();

  await test.step('KSM: a wrong scan rate named at its field; the rate raised; on, figures grow; unmerge; off; the rate put back', async () => {
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText(saved.run === '1' ? 'On' : saved.run === '2' ? 'Off, unmerge all' : 'Off');
    await expect(tab.ksm.getByTestId('ksm-caveat-cpu')).toContainText('Scanning costs CPU');
    await expect(tab.ksm.getByTestId('ksm-caveat-side-channel')).toContainText('side channel between guests');
    await expect(tab.ksm.getByTestId('ksm-rate')).toContainText(
      `${Number(saved.pagesToScan).toLocaleString('en')} pages every ${saved.sleep} ms`,
    );

    await tab.setScanRate('5000', '0');
    await expect(tab.ksm.getByText('Pause between scans must be at least 1 ms')).toBeVisible();
    await expect(tab.ksm.getByTestId('ksm-params-summary')).toHaveText('Check this field: Pause between scans. Nothing was sent.');
    expect(sys(`${KSM}/sleep_millisecs`)).toBe(saved.sleep);

    await tab.setScanRate('5000', '10');
    await expect(tab.ksm.getByTestId('ksm-rate')).toContainText('Now: 5,000 pages every 10 ms');
    expect(sys(`${KSM}/pages_to_scan`)).toBe('5000');
    expect(sys(`${KSM}/sleep_millisecs`)).toBe('10');

    const before = await tab.figure('ksm-sharing');
    const scans = await tab.figure('ksm-scans');
    await tab.setRun('On');
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText('On');
    expect(sys(`${KSM}/run`)).toBe('1');
    await expect.poll(() => tab.figure('ksm-scans'), { timeout: 30_000 }).toBeGreaterThan(scans);
    await expect.poll(() => tab.figure('ksm-sharing'), { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await tab.figure('ksm-shared')).toBeGreaterThan(0);
    await expect(tab.ksm.getByTestId('ksm-saved')).not.toHaveText('0 B');
    await expect(tab.ksm.getByTestId('ksm-chart')).toBeVisible();
    await tab.ksm.screenshot({ path: testInfo.outputPath('ksm-on.png') });

    await tab.setRun('Off, unmerge all');
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText('Off, unmerge all');
    expect(sys(`${KSM}/run`)).toBe('2');
    await expect.poll(() => tab.figure('ksm-sharing'), { timeout: 30_000 }).toBe(0);
    await tab.setRun('Off');
    await expect(tab.ksm.getByTestId('ksm-state')).toHaveText('Off');
    expect(sys(`${KSM}/run`)).toBe('0');

    await tab.setScanRate(saved.pagesToScan, saved.sleep);
    await expect(tab.ksm.getByTestId('ksm-rate')).toContainText(
      `${Number(saved.pagesToScan).toLocaleString('en')} pages every ${saved.sleep} ms`,
    );
    expect(sys(`${KSM}/pages_to_scan`)).toBe(saved.pagesToScan);
    expect(sys(`${KSM}/sleep_millisecs`)).toBe(saved.sleep);

    await expect(tab.optOutRow(OPT).getByTestId('ksm-optout-state')).toHaveText('opted out');
    await expect(tab.optOutRow(PIN).getByTestId('ksm-optout-state')).toHaveText('may share');
  });

  await test.step('huge pages: 8 × 2 MiB allocated and read back, then freed; a 1 GiB pool beyond free memory refused', async () => {
    const base = Number(saved.pool);
    const row = tab.sizeRow(2048);
    await expect(row.getByTestId('hugepages-total')).toHaveText(String(base));
    await tab.setPool(2048, base + 8);
    await expect(tab.hugepages.getByTestId('hugepages-result-2048')).toHaveText(
      `The 2 MiB pool holds ${base + 8} pages (asked ${base + 8}), read back from the host.`,
    );
    await expect(row.getByTestId('hugepages-total')).toHaveText(String(base + 8));
    expect((await labSh(['exec', 'A', 'cat', POOL_2M])).stdout.trim()).toBe(String(base + 8));
    await tab.hugepages.screenshot({ path: testInfo.outputPath('hugepages.png') });
    await tab.hugepages.getByTestId('hugepages-free-2048').click();
    await expect(row.getByTestId('hugepages-total')).toHaveText('0');
    expect((await labSh(['exec', 'A', 'cat', POOL_2M])).stdout.trim()).toBe('0');

    await tab.setPool(1048576, 100_000);
    await expect(tab.hugepages.getByTestId('error-alert')).toContainText(
      /100000 pages of 1 GiB need 100000\.0 GiB more, and lab-a has .* free/,
    );
    expect(sys('/sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages')).toBe('0');
    await expect(tab.hugepages.getByTestId('thp-enabled')).toContainText(/\[?(always|madvise|never)/);
  });

  await test.step('CPU: the topology, the suggestion for a running 1-vCPU VM applied in one click, read back with virsh', async () => {
    await expect(tab.cpu.getByTestId('topology-summary')).toContainText('1 socket × 2 cores × 1 thread · 2 CPUs · 1 NUMA cell');
    await expect(tab.cpu.getByTestId('topology-cpu')).toHaveCount(2);
    const row = tab.pinRow(PIN);
    await expect(row).toContainText('running');
    const suggestion = row.getByTestId('pin-suggestion');
    await expect(suggestion).toHaveAttribute('data-level', 'core');
    const cpu = (await suggestion.getAttribute('data-cpus')) ?? '';
    expect(['0', '1']).toContain(cpu);
    await expect(row.getByTestId('pin-current')).toHaveText('not pinned (all CPUs)');
    await row.hover();
    await expect(tab.cpu.locator(`[data-testid="topology-cpu"][data-cpu="${cpu}"]`)).toHaveAttribute('data-lit', 'yes');
    await row.getByTestId('pin-apply').click();
    await expect(tab.cpu.getByTestId('pin-result')).toHaveText(`Applied to the running VM and the next boot; read back: vCPU 0 → ${cpu}`);
    expect(await vcpupin(PIN, '--live')).toBe(cpu);
    expect(await vcpupin(PIN, '--config')).toBe(cpu);
    await expect(row.getByTestId('pin-applied')).toBeVisible();
    await expect(row.getByTestId('pin-current')).toHaveText(`vCPU 0 → ${cpu}`);
    await tab.cpu.screenshot({ path: testInfo.outputPath('cpu.png') });
  });

  await test.step("the opt-out list links to the VM's Settings tab", async () => {
    await tab.optOutRow(OPT).getByTestId('ksm-optout-link').click();
    await expect(page.getByTestId('settings-panel')).toBeVisible();
  });
});
